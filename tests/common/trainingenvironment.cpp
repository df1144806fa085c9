// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/trainingenvironment.h"

#include "services/sandbox/demoseeder.h"
#include "services/store/auditlog.h"
#include "services/store/coveragerepository.h"
#include "services/store/patientrepository.h"
#include "services/store/verificationrepository.h"

#include <QEventLoop>
#include <QTimer>

namespace {
int storeCounter = 0;
}

TrainingEnvironment::TrainingEnvironment()
    : TrainingEnvironment(Options{})
{
}

TrainingEnvironment::TrainingEnvironment(Options options)
    : m_directory(options.directory.isEmpty() ? m_dir.path() : options.directory)
{
    m_store = std::make_unique<Store>(Store::Options{databasePath(), 2,
                                                     QStringLiteral("training-env-%1")
                                                         .arg(++storeCounter),
                                                     options.keyHex});
    const Database::OpenResult opened = TestSupport::await(m_store->open());
    if (!opened.ok) {
        m_error =
            opened.error.isEmpty() ? QStringLiteral("the database did not open") : opened.error;
        return;
    }
    SandboxServer::Options sandboxOptions;
    sandboxOptions.slowDelayMs = options.slowDelayMs;
    sandboxOptions.payorDecisionDelayMs = options.payorDecisionDelayMs;
    m_sandbox = std::make_unique<SandboxHost>(sandboxOptions);
    if (!m_sandbox->start(&m_error))
        return;
    EligibilitySettings settings;
    settings.clearinghouseUrl = m_sandbox->clearinghouseUrl();
    settings.timeoutMs = options.timeoutMs;
    settings.backoffBaseMs = options.backoffBaseMs;
    settings.maxTries = options.maxTries;
    settings.user = options.user;
    m_patients = std::make_unique<PatientService>(m_store.get(), options.user);
    m_appointments = std::make_unique<AppointmentService>(m_store.get(), options.user);
    m_service = std::make_unique<EligibilityService>(m_store.get(), &m_network, settings);
    m_reports = std::make_unique<ReportService>(m_store.get(), m_service.get(), ClinicInfo{}, true,
                                                options.user);
    m_claims = std::make_unique<ClaimService>(m_store.get(), options.user);
    m_claimPreparer = std::make_unique<ClaimPreparer>(m_store.get(), ClinicInfo{});
    m_claimDashboard = std::make_unique<ClaimDashboardService>(m_store.get(), options.user);
    m_claimDashboard->follow(m_claims.get());
    m_claimFiles = std::make_unique<ClaimFileService>(m_store.get(), options.user, false);
    if (options.seed) {
        const QDate today = options.today;
        m_error = write([today](const QString &connection) {
            return DemoSeeder(connection).seedIfEmpty(today);
        });
        if (!m_error.isEmpty())
            return;
    }
    m_ready = true;
}

TrainingEnvironment::~TrainingEnvironment()
{
    m_claimFiles.reset();
    m_claimDashboard.reset();
    m_claimPreparer.reset();
    m_claims.reset();
    m_reports.reset();
    m_service.reset();
    m_appointments.reset();
    m_patients.reset();
    if (m_store)
        m_store->drain();
    m_store.reset();
    if (m_sandbox)
        m_sandbox->stop();
}

QString TrainingEnvironment::databasePath() const
{
    return m_directory + QStringLiteral("/test.sqlite");
}

qint64 TrainingEnvironment::coverageId(const QString &memberId)
{
    return read([memberId](const QString &connection) -> qint64 {
        const auto patients = PatientRepository(connection).all();
        if (!patients)
            return 0;
        for (const Patient &p : *patients) {
            const auto coverages = CoverageRepository(connection).forPatient(p.id);
            for (const Coverage &c : coverages.valueOr({})) {
                if (c.memberId == memberId)
                    return c.id;
            }
        }
        return 0;
    });
}

qint64 TrainingEnvironment::patientId(const QString &firstName)
{
    return read([firstName](const QString &connection) -> qint64 {
        for (const Patient &p : PatientRepository(connection).all().valueOr({})) {
            if (p.firstName == firstName)
                return p.id;
        }
        return 0;
    });
}

qint64 TrainingEnvironment::addPatientWithCoverage(const QString &first, const QString &last,
                                                   const QString &memberId, const QString &payerId)
{
    return write([=](const QString &connection) -> qint64 {
        Patient p;
        p.firstName = first;
        p.lastName = last;
        p.dateOfBirth = QDate(1980, 6, 15);
        p.gender = Gender::Female;
        const auto patient = PatientRepository(connection).save(p);
        if (!patient)
            return 0;
        CoverageRepository coverages(connection);
        Coverage c;
        c.patientId = patient->id;
        c.payerId = payerId;
        const auto payer = coverages.payer(payerId);
        c.payerName = payer && payer->has_value() ? (*payer)->name : QString();
        c.memberId = memberId;
        const auto coverage = coverages.save(c);
        return coverage ? coverage->id : 0;
    });
}

std::optional<Verification> TrainingEnvironment::storedVerification(qint64 id)
{
    return read([id](const QString &connection) {
        const auto found = VerificationRepository(connection).find(id);
        return found ? *found : std::optional<Verification>();
    });
}

QList<AuditEntry> TrainingEnvironment::auditEntries()
{
    return read(
        [](const QString &connection) { return AuditLog(connection).entries(0).valueOr({}); });
}

bool TrainingEnvironment::runJob(Job *job, int timeoutMs)
{
    if (job->isFinished())
        return true;
    bool done = false;
    QEventLoop loop;
    QObject::connect(job, &Job::finished, &loop, [&] {
        done = true;
        loop.quit();
    });
    if (!job->isStarted())
        QTimer::singleShot(0, job, &Job::start);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return done;
}

Verification TrainingEnvironment::verifyAndWait(qint64 coverageId, const VerifyOptions &options,
                                                bool *reused, int timeoutMs)
{
    VerificationJob *job = m_service->verify(coverageId, options);
    Verification result;
    bool done = false;
    QEventLoop loop;
    QObject::connect(job, &Job::finished, &loop, [&] {
        result = job->verification();
        if (reused)
            *reused = job->wasReused();
        done = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    if (!done)
        result.errorMessage =
            QStringLiteral("verifyAndWait: no answer within %1 ms").arg(timeoutMs);
    return result;
}

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/trainingenvironment.h"

#include "services/sandbox/demoseeder.h"
#include "services/store/database.h"

#include <QEventLoop>
#include <QTimer>

namespace {
int connectionCounter = 0;
}

TrainingEnvironment::TrainingEnvironment()
    : TrainingEnvironment(Options{})
{
}

TrainingEnvironment::TrainingEnvironment(Options options)
    : m_connection(QStringLiteral("training-env-%1").arg(++connectionCounter))
{
    const auto opened = Database::open(databasePath(), m_connection);
    if (!opened.ok) {
        m_error = opened.error;
        return;
    }
    SandboxServer::Options sandboxOptions;
    sandboxOptions.slowDelayMs = options.slowDelayMs;
    m_sandbox = std::make_unique<SandboxHost>(sandboxOptions);
    if (!m_sandbox->start(&m_error))
        return;
    EligibilitySettings settings;
    settings.clearinghouseUrl = m_sandbox->clearinghouseUrl();
    settings.timeoutMs = options.timeoutMs;
    settings.backoffBaseMs = options.backoffBaseMs;
    settings.maxTries = options.maxTries;
    settings.user = QStringLiteral("tester");
    m_service = std::make_unique<EligibilityService>(&m_network, m_connection, settings);
    if (options.seed) {
        m_error = DemoSeeder(m_connection).seedIfEmpty(options.today);
        if (!m_error.isEmpty())
            return;
    }
    m_ready = true;
}

TrainingEnvironment::~TrainingEnvironment()
{
    m_service.reset();
    if (m_sandbox)
        m_sandbox->stop();
    Database::close(m_connection);
}

QString TrainingEnvironment::databasePath() const
{
    return m_dir.filePath(QStringLiteral("test.sqlite"));
}

qint64 TrainingEnvironment::coverageId(const QString &memberId) const
{
    for (const Patient &p : m_service->patients().all()) {
        for (const Coverage &c : m_service->coverages().forPatient(p.id)) {
            if (c.memberId == memberId)
                return c.id;
        }
    }
    return 0;
}

qint64 TrainingEnvironment::patientId(const QString &firstName) const
{
    for (const Patient &p : m_service->patients().all()) {
        if (p.firstName == firstName)
            return p.id;
    }
    return 0;
}

qint64 TrainingEnvironment::addPatientWithCoverage(const QString &first, const QString &last,
                                                   const QString &memberId, const QString &payerId)
{
    Patient p;
    p.firstName = first;
    p.lastName = last;
    p.dateOfBirth = QDate(1980, 6, 15);
    p.gender = Gender::Female;
    const auto patient = m_service->patients().save(p);
    if (!patient)
        return 0;
    Coverage c;
    c.patientId = patient->id;
    c.payerId = payerId;
    c.payerName = m_service->coverages().payer(payerId).value_or(Payer{}).name;
    c.memberId = memberId;
    const auto coverage = m_service->coverages().save(c);
    return coverage ? coverage->id : 0;
}

Verification TrainingEnvironment::verifyAndWait(qint64 coverageId, const VerifyOptions &options,
                                                bool *reused, int timeoutMs)
{
    VerificationJob *job = m_service->verify(coverageId, options);
    Verification result;
    bool done = false;
    QEventLoop loop;
    QObject::connect(job, &VerificationJob::finished, &loop, [&] {
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

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "deskcontext.h"

#include "services/domain/desksettings.h"
#include "services/eligibility/eligibilityservice.h"
#include "services/patients/appointmentservice.h"
#include "services/patients/patientservice.h"
#include "services/reports/reportservice.h"
#include "services/sandbox/demoseeder.h"
#include "services/sandbox/sandboxhost.h"
#include "services/store/database.h"
#include "services/store/databasemaintenance.h"
#include "services/store/store.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>

namespace {
QString systemUser()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    return user.isEmpty() ? QStringLiteral("frontdesk") : user;
}
} // namespace

DeskContext::DeskContext(DeskOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
}

DeskContext::~DeskContext()
{
    // Services first (their jobs hold the store), then the store's threads, then the sandbox.
    m_reports.reset();
    m_eligibility.reset();
    m_appointments.reset();
    m_patients.reset();
    m_maintenance.reset();
    m_store.reset();
    if (m_sandbox)
        m_sandbox->stop();
}

bool DeskContext::start(QString *error)
{
    const DeskSettings configured = DeskSettings::load(QSettings());
    QUrl clearinghouse = m_options.clearinghouseUrl;
    if (clearinghouse.isEmpty())
        clearinghouse = configured.clearinghouseUrl;
    m_training = m_options.forceTraining || clearinghouse.isEmpty();

    m_clinic = configured.clinic;
    m_settings.providerName = m_clinic.name;
    m_settings.providerNpi = m_clinic.npi;
    m_settings.timeoutMs = configured.timeoutSeconds * 1000;
    m_settings.maxTries = configured.maxTries;
    m_settings.reuseHours = configured.reuseHours;
    m_settings.maxAgeDays = configured.maxAgeDays;
    m_settings.visitFees = configured.visitFees;
    m_settings.officeVisitCents = configured.officeVisitCents;
    m_settings.user = m_options.user.isEmpty() ? systemUser() : m_options.user;
    m_settings.production = !m_training;

    QString dataDir = m_options.dataDir;
    if (dataDir.isEmpty())
        dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (m_training && m_options.dataDir.isEmpty())
        dataDir += QStringLiteral("/training"); // training never touches real patients
    if (!QDir().mkpath(dataDir)) {
        *error = tr("Cannot create the data folder %1.").arg(QDir::toNativeSeparators(dataDir));
        return false;
    }
    // The folder holds PHI: owner only, also when an older version created it open.
    QFile::setPermissions(dataDir,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    m_dataDir = dataDir;
    m_databasePath = dataDir + (m_training ? QStringLiteral("/clinicdesk-training.sqlite")
                                           : QStringLiteral("/clinicdesk.sqlite"));

    m_store = std::make_unique<Store>(Store::Options{m_databasePath, 2, QStringLiteral("desk")});
    // No window exists yet: waiting here blocks nothing the clerk sees. No SQL runs on this
    // thread: the writer opens and migrates.
    QFuture<Database::OpenResult> opened = m_store->open();
    opened.waitForFinished();
    if (!opened.result().ok) {
        *error = opened.result().error;
        return false;
    }

    if (m_training) {
        SandboxServer::Options sandboxOptions;
        sandboxOptions.slowDelayMs = m_options.sandboxSlowDelayMs;
        m_sandbox = std::make_unique<SandboxHost>(sandboxOptions);
        QString sandboxError;
        if (!m_sandbox->start(&sandboxError)) {
            *error = tr("The training sandbox did not start: %1").arg(sandboxError);
            return false;
        }
        clearinghouse = m_sandbox->clearinghouseUrl();
        const QDate today = QDate::currentDate();
        QFuture<QString> seeded = m_store->write([today](const QString &connection) {
            return DemoSeeder(connection).seedIfEmpty(today);
        });
        seeded.waitForFinished();
        if (!seeded.result().isEmpty()) {
            *error = tr("The training data could not be created: %1").arg(seeded.result());
            return false;
        }
    }
    m_settings.clearinghouseUrl = clearinghouse;

    m_patients = std::make_unique<PatientService>(m_store.get(), m_settings.user);
    m_appointments = std::make_unique<AppointmentService>(m_store.get(), m_settings.user);
    m_eligibility = std::make_unique<EligibilityService>(m_store.get(), &m_network, m_settings);
    m_reports = std::make_unique<ReportService>(m_store.get(), m_eligibility.get(), m_clinic,
                                                m_training, m_settings.user);
    m_maintenance = std::make_unique<DatabaseMaintenance>(m_store.get());
    // Closing attempts a crash left pending is an indexed write (few rows); it runs on the
    // writer while the window comes up, before any verification of this session. Expiry is not
    // written at start: every screen and the dashboard's SQL apply it when they read, so start-up
    // does not rewrite a year of old answers.
    m_eligibility->recoverInterrupted();
    return true;
}

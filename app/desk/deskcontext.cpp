// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "deskcontext.h"

#include "services/domain/desksettings.h"
#include "services/eligibility/eligibilityservice.h"
#include "services/sandbox/demoseeder.h"
#include "services/sandbox/sandboxhost.h"
#include "services/store/database.h"

#include <QCoreApplication>
#include <QDir>
#include <QSettings>
#include <QStandardPaths>

namespace {
const QString mainConnection = QStringLiteral("clinicdesk-main");

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
    m_eligibility.reset();
    if (m_sandbox)
        m_sandbox->stop();
    if (m_databaseOpen)
        Database::close(mainConnection);
}

QString DeskContext::connectionName() const
{
    return mainConnection;
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
    m_databasePath = dataDir + (m_training ? QStringLiteral("/clinicdesk-training.sqlite")
                                           : QStringLiteral("/clinicdesk.sqlite"));
    const Database::OpenResult opened = Database::open(m_databasePath, mainConnection);
    if (!opened.ok) {
        *error = opened.error;
        return false;
    }
    m_databaseOpen = true;

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
        const QString seedError = DemoSeeder(mainConnection).seedIfEmpty(QDate::currentDate());
        if (!seedError.isEmpty()) {
            *error = tr("The training data could not be created: %1").arg(seedError);
            return false;
        }
    }
    m_settings.clearinghouseUrl = clearinghouse;
    m_eligibility = std::make_unique<EligibilityService>(&m_network, mainConnection, m_settings);
    m_eligibility->recoverInterrupted();
    m_eligibility->expireStale();
    return true;
}

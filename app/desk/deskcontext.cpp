// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "deskcontext.h"

#include "services/access/keychain.h"
#include "services/access/secretservice.h"
#include "services/claims/claimdashboardservice.h"
#include "services/claims/claimevents.h"
#include "services/metriport/chartservice.h"
#include "services/metriport/documentfetcher.h"
#include "services/metriport/medicalrecordservice.h"
#include "services/metriport/metriportclient.h"
#include "services/metriport/metriportevents.h"
#include "services/metriport/outsiderecordsservice.h"
#include "services/claims/claimfileservice.h"
#include "services/claims/claimpreparer.h"
#include "services/claims/claimservice.h"
#include "services/claims/claimsubmitter.h"
#include "services/claims/claimsync.h"
#include "services/domain/desksettings.h"
#include "services/eligibility/eligibilityservice.h"
#include "services/hub/hubhost.h"
#include "services/live/livefeed.h"
#include "services/patients/clinicevents.h"
#include "services/patients/appointmentservice.h"
#include "services/patients/patientservice.h"
#include "services/reports/reportservice.h"
#include "services/sandbox/demoseeder.h"
#include "services/sandbox/sampleevents.h"
#include "services/sandbox/sandboxhost.h"
#include "services/store/database.h"
#include "services/store/auditlog.h"
#include "services/store/databaseencryption.h"
#include "services/store/databasemaintenance.h"
#include "services/store/store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTcpSocket>
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
//! Where a training desk that runs the hub tells the others on this computer how to join it.
QString trainingHubFile()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
           + QStringLiteral("/training-hub.json");
}

//! The training hub another ClinicDesk runs, if one answers: its feed URL and token.
bool findRunningTrainingHub(QUrl *url, QByteArray *token)
{
    QFile file(trainingHubFile());
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QJsonObject hub = QJsonDocument::fromJson(file.read(64 * 1024)).object();
    const QUrl feed(hub.value(QStringLiteral("feed")).toString());
    const QByteArray secret = hub.value(QStringLiteral("token")).toString().toUtf8();
    if (!feed.isValid() || feed.host() != QLatin1String("127.0.0.1") || secret.isEmpty())
        return false;
    // Before any window exists: a short blocking check that something listens there.
    QTcpSocket probe;
    probe.connectToHost(QHostAddress::LocalHost, quint16(feed.port()));
    if (!probe.waitForConnected(500))
        return false;
    *url = feed;
    *token = secret;
    return true;
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
    m_sampleEvents.reset();
    m_live.reset();
    m_chart.reset();
    m_medicalRecords.reset();
    m_outsideRecords.reset();
    m_documentFetcher.reset();
    m_metriport.reset();
    m_claimSync.reset();
    m_claimSubmitter.reset();
    m_claimFiles.reset();
    m_claimDashboard.reset();
    m_claimPreparer.reset();
    m_claims.reset();
    m_reports.reset();
    m_eligibility.reset();
    m_appointments.reset();
    m_patients.reset();
    m_maintenance.reset();
    m_store.reset();
    if (m_sandbox)
        m_sandbox->stop();
    if (m_hub) {
        m_hub->stop();
        if (!m_hubDiscoveryFile.isEmpty())
            QFile::remove(m_hubDiscoveryFile);
    }
}

bool DeskContext::startTrainingHub(QString *error)
{
    if (!m_hubUrl.isEmpty())
        return true;
    if (findRunningTrainingHub(&m_hubUrl, &m_hubToken))
        return true; // another training window's hub: both desks see the same changes
    const QString hubDir = m_dataDir + QStringLiteral("/hub");
    QDir().mkpath(hubDir);
    // The training desks' token is kept (owner-only) so that desks that joined this hub are
    // still let in after it restarts. Training data is fake; a real hub's tokens are set by its
    // administrator.
    QFile tokenFile(hubDir + QStringLiteral("/token"));
    if (tokenFile.open(QIODevice::ReadOnly))
        m_hubToken = tokenFile.read(256).trimmed();
    tokenFile.close();
    if (m_hubToken.size() < 32) {
        QByteArray token(32, Qt::Uninitialized);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(token.data()), 8);
        m_hubToken = token.toHex();
        if (tokenFile.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            Database::restrictToOwner(tokenFile.fileName());
            tokenFile.write(m_hubToken);
        }
    }
    HubConfig config = HubHost::trainingConfig(hubDir + QStringLiteral("/hub.sqlite"), m_hubToken,
                                                m_databaseKey);
    // The same port as last time when it is free, so desks that joined this hub find it again
    // after a restart; else any free port.
    QFile portFile(hubDir + QStringLiteral("/port"));
    if (portFile.open(QIODevice::ReadOnly))
        config.port = quint16(portFile.readAll().trimmed().toUInt());
    portFile.close();
    m_hub = std::make_unique<HubHost>(config);
    QString hubError;
    if (!m_hub->start(&hubError) && config.port != 0) {
        config.port = 0;
        m_hub = std::make_unique<HubHost>(config);
    }
    if (!m_hub->isRunning() && !m_hub->start(&hubError)) {
        *error = tr("The training hub did not start: %1").arg(hubError);
        return false;
    }
    if (portFile.open(QIODevice::WriteOnly | QIODevice::Truncate))
        portFile.write(QByteArray::number(m_hub->baseUrl().port()));
    m_hubUrl = m_hub->feedUrl();
    // Only the desk in the default training folder offers its hub; a desk started with its
    // own --data-dir joins it (two training windows, one hub) but never offers one, so tests
    // and scripts that use their own folders stay apart.
    if (!m_options.dataDir.isEmpty())
        return true;
    m_hubDiscoveryFile = trainingHubFile();
    QDir().mkpath(QFileInfo(m_hubDiscoveryFile).absolutePath());
    QFile file(m_hubDiscoveryFile);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        Database::restrictToOwner(m_hubDiscoveryFile); // it holds the token
        file.write(QJsonDocument(QJsonObject{{QStringLiteral("feed"), m_hubUrl.toString()},
                                             {QStringLiteral("token"),
                                              QString::fromUtf8(m_hubToken)}})
                       .toJson());
    }
    return true;
}

void DeskContext::startLiveFeed()
{
    if (m_hubUrl.isEmpty())
        return;
    LiveFeed::Options options;
    options.url = m_hubUrl;
    options.token = m_hubToken;
    options.device = m_device;
    m_live = std::make_unique<LiveFeed>(m_store.get(), options);
    ClinicEvents::connectToFeed(m_live.get(), m_appointments.get(), m_patients.get());
    ClaimEvents::connectToFeed(m_live.get(), m_claims.get());
    if (m_outsideRecords)
        MetriportEvents::connectToFeed(m_live.get(), m_outsideRecords.get(), m_store.get());
    m_live->start();
}

void DeskContext::startClaims(const DeskSettings &configured)
{
    m_claims = std::make_unique<ClaimService>(m_store.get(), m_settings.user);
    m_claimPreparer = std::make_unique<ClaimPreparer>(m_store.get(), m_clinic);
    m_claimFiles = std::make_unique<ClaimFileService>(m_store.get(), m_settings.user, !m_training);
    m_claimDashboard = std::make_unique<ClaimDashboardService>(m_store.get(), m_settings.user);
    m_claimDashboard->follow(m_claims.get());
    m_timelyFilingDays = configured.timelyFilingDays;
    QUrl payorUrl = configured.payorUrl;
    QString apiKey = configured.payorApiKey;
    m_providerId = configured.providerId;
    if (m_training) {
        // Training sends to the sandbox payor, never to a real one.
        payorUrl = m_sandbox->baseUrl();
        apiKey = QString::fromUtf8(m_sandbox->payorApiKey());
        if (m_providerId.isEmpty())
            m_providerId = QStringLiteral("PRV-TRAINING");
    }
    if (payorUrl.isEmpty())
        return; // no payor yet: claims are kept and sent once one is set up in Settings
    ClaimSubmitter::Config submitter;
    submitter.baseUrl = payorUrl;
    submitter.apiKey = apiKey;
    submitter.timeoutMs = m_settings.timeoutMs > 0 ? m_settings.timeoutMs : 30000;
    m_claimSubmitter = std::make_unique<ClaimSubmitter>(m_store.get(), m_claims.get(), &m_network,
                                                        submitter);
    ClaimSync::Config sync;
    sync.baseUrl = payorUrl;
    sync.apiKey = apiKey;
    sync.providerId = m_providerId;
    sync.timeoutMs = submitter.timeoutMs;
    sync.intervalMs = configured.claimSyncMinutes * 60 * 1000;
    m_claimSync = std::make_unique<ClaimSync>(m_store.get(), m_claims.get(), &m_network, sync);
    // A newly queued claim goes out at once.
    connect(m_claims.get(), &ClaimService::claimChanged, m_claimSubmitter.get(),
            [submitter = m_claimSubmitter.get()](const Claim &claim) {
                if (claim.status == ClaimStatus::Queued)
                    submitter->wake();
            });
}

void DeskContext::startOutsideRecords(const DeskSettings &configured)
{
    MetriportClient::Config client;
    client.baseUrl = configured.metriportUrl;
    client.apiKey = configured.metriportApiKey;
    OutsideRecordsService::Config records;
    records.facilityId = configured.metriportFacilityId;
    if (m_training) {
        // Training asks the sandbox's Metriport, never the real network.
        client.baseUrl = m_sandbox->baseUrl();
        client.apiKey = QString::fromUtf8(m_sandbox->metriportApiKey());
        records.facilityId.clear();
    }
    // Without a facility id the clinic's own is found or made: its name, NPI and address.
    records.facility.name = m_clinic.name;
    records.facility.npi = m_clinic.npi;
    records.facility.address.addressLine1 = m_clinic.addressLine;
    // "Springfield, OR 97477", as the clinic settings hold it.
    static const QRegularExpression cityStateZip(
        QStringLiteral("^\\s*(.+?),\\s*([A-Za-z]{2})\\s+(\\d{5})"));
    const QRegularExpressionMatch parts = cityStateZip.match(m_clinic.cityStateZip);
    if (parts.hasMatch()) {
        records.facility.address.city = parts.captured(1);
        records.facility.address.state = parts.captured(2).toUpper();
        records.facility.address.zip = parts.captured(3);
    }
    m_metriport = std::make_unique<MetriportClient>(&m_network, client);
    m_documentFetcher = std::make_unique<DocumentFetcher>(m_store.get(), m_metriport.get());
    m_outsideRecords = std::make_unique<OutsideRecordsService>(
        m_store.get(), m_metriport.get(), m_documentFetcher.get(), m_settings.user, records);
    m_medicalRecords =
        std::make_unique<MedicalRecordService>(m_store.get(), m_outsideRecords.get());
    m_chart = std::make_unique<ChartService>(m_store.get(), m_settings.user);
    // Medical history is the clinical role's (or break-glass): the services refuse the rest.
    m_outsideRecords->setAccessControl(m_access.get());
    m_medicalRecords->setAccessControl(m_access.get());
    m_chart->setAccessControl(m_access.get());
    // What each fetched document holds is read once, off the UI thread, and kept with it.
    m_documentFetcher->setParser(&MedicalRecordService::describe);
}

void DeskContext::startOutsideRecordsWork()
{
    if (m_outsideRecords)
        m_outsideRecords->start();
}

QUrl DeskContext::trainingPayorUrl() const
{
    return m_sandbox ? m_sandbox->baseUrl() : QUrl();
}

QString DeskContext::trainingPayorKey() const
{
    return m_sandbox ? QString::fromUtf8(m_sandbox->payorApiKey()) : QString();
}

void DeskContext::startClaimWork(bool periodicSync)
{
    if (m_claimSubmitter && !m_claimSubmitter->isRunning())
        m_claimSubmitter->start();
    if (periodicSync && m_claimSync)
        m_claimSync->start();
}

DeskContext::Location DeskContext::locate(const DeskOptions &options)
{
    return locate(options, DeskSettings::load(QSettings()));
}

DeskContext::Location DeskContext::locate(const DeskOptions &options,
                                          const DeskSettings &configured)
{
    QUrl clearinghouse = options.clearinghouseUrl;
    if (clearinghouse.isEmpty())
        clearinghouse = configured.clearinghouseUrl;
    Location location;
    location.training = options.forceTraining || clearinghouse.isEmpty();
    location.dataDir = options.dataDir;
    if (location.dataDir.isEmpty())
        location.dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (location.training && options.dataDir.isEmpty())
        location.dataDir += QStringLiteral("/training"); // training never touches real patients
    location.databasePath =
        location.dataDir + (location.training ? QStringLiteral("/clinicdesk-training.sqlite")
                                              : QStringLiteral("/clinicdesk.sqlite"));
    return location;
}

QString DeskContext::keyFilePath(const Location &location)
{
    return location.dataDir + (location.training ? QStringLiteral("/database.key")
                                                 : QStringLiteral("/database-key.json"));
}

DatabaseKey::Result DeskContext::databaseKey(const Location &location, bool create,
                                             const PassphrasePrompt &prompt)
{
    const QString path = keyFilePath(location);
    if (location.training) {
        // Training's data is fake: its key sits in an owner-only file beside it, so training
        // is encrypted like a clinic's desk without asking anyone for anything.
        return create ? DatabaseKey::loadOrCreateKeyFile(path) : DatabaseKey::readKeyFile(path);
    }
    const bool creating = !QFileInfo::exists(path);
    DatabaseKey::Result key;
    if (creating && !create) {
        key.error = tr("The key of this desk's database (%1) is missing.")
                        .arg(QDir::toNativeSeparators(path));
        return key;
    }
    // Where the session has a keychain, the key kept there opens the database without asking;
    // the wrapped file stays the way back (a new computer, a lost keychain).
    const QString entry = keychainEntry(location);
    if (!creating) {
        const Keychain::Result kept = Keychain::read(entry);
        if (kept.ok() && DatabaseKey::isKeyHex(kept.value)) {
            key.keyHex = kept.value;
            key.fromKeychain = true;
            return key;
        }
    }
    const auto keep = [&entry](DatabaseKey::Result unwrapped) {
        if (unwrapped.ok())
            Keychain::write(entry, unwrapped.keyHex); // unavailable: the passphrase next time
        return unwrapped;
    };
    const QString fromEnvironment = qEnvironmentVariable("CLINICDESK_DB_PASSPHRASE");
    if (!fromEnvironment.isEmpty())
        return keep(DatabaseKey::loadOrCreateWrapped(path, fromEnvironment));
    if (!prompt) {
        key.error = tr("This desk's database is protected by the clinic's database passphrase: "
                       "set CLINICDESK_DB_PASSPHRASE for commands run without a window.");
        return key;
    }
    QString problem;
    for (int attempt = 0; attempt < 5; ++attempt) {
        const QString passphrase = prompt(creating, problem);
        if (passphrase.isEmpty()) {
            key.error = tr("The database passphrase was not given, so the database stays closed.");
            return key;
        }
        key = DatabaseKey::loadOrCreateWrapped(path, passphrase);
        if (key.ok())
            return keep(key);
        problem = key.error;
    }
    return key;
}

QString DeskContext::keychainEntry(const Location &location)
{
    return QStringLiteral("database-key:") + QFileInfo(location.databasePath).absoluteFilePath();
}

QString DeskContext::changeDatabasePassphrase(const QString &current, const QString &next) const
{
    if (m_training)
        return tr("The training database has no passphrase: its key is kept in a file.");
    const QString path = keyFilePath(Location{m_training, m_dataDir, m_databasePath});
    const DatabaseKey::Result key = DatabaseKey::unwrap(path, current);
    if (!key.ok())
        return key.error;
    if (key.keyHex != m_databaseKey)
        return tr("The key file %1 does not belong to the open database; nothing was changed.")
            .arg(QDir::toNativeSeparators(path));
    if (next.size() < DatabaseKey::minimumPassphraseLength)
        return tr("The database passphrase must have at least %1 characters.")
            .arg(DatabaseKey::minimumPassphraseLength);
    const QString failed = DatabaseKey::wrap(path, key.keyHex, next);
    if (!failed.isEmpty())
        return failed;
    const QString user = m_session.userName;
    m_store->write([user](const QString &connection) {
        AuditLog(connection).record(user, QStringLiteral("database.passphrase_change"),
                                    QStringLiteral("database"), 0);
    }).waitForFinished();
    return {};
}

bool DeskContext::openStore(QString *error)
{
    if (m_store)
        return true;
    m_configured = DeskSettings::load(QSettings());
    const Location location = locate(m_options, m_configured);
    m_training = location.training;
    m_clinic = m_configured.clinic;
    const QString dataDir = location.dataDir;
    if (!QDir().mkpath(dataDir)) {
        *error = tr("Cannot create the data folder %1.").arg(QDir::toNativeSeparators(dataDir));
        return false;
    }
    // The folder holds PHI: owner only, also when an older version created it open.
    QFile::setPermissions(dataDir,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    m_dataDir = dataDir;
    m_databasePath = location.databasePath;

    // A key is made only for a database that has none yet: an encrypted one whose key file went
    // missing must not get a new key that can never open it.
    const DatabaseEncryption::FileState state = DatabaseEncryption::stateOf(m_databasePath);
    DatabaseKey::Result key;
    if (!m_options.databaseKeyHex.isEmpty() && state == DatabaseEncryption::FileState::Encrypted)
        key.keyHex = m_options.databaseKeyHex; // the store says so if it is not this file's
    else
        key = databaseKey(location, state != DatabaseEncryption::FileState::Encrypted,
                          m_passphrasePrompt);
    if (!key.ok()) {
        *error = key.error;
        return false;
    }
    m_databaseKey = key.keyHex;
    m_store = std::make_unique<Store>(
        Store::Options{m_databasePath, 2, QStringLiteral("desk"), key.keyHex});
    const QString path = m_databasePath;
    if (state == DatabaseEncryption::FileState::Plaintext) {
        // A database from before ClinicDesk encrypted its store: encrypted once, in place, on
        // the writer (it is SQL), before the store opens. The progress crosses threads as two
        // numbers the waiting loop below reads.
        auto done = std::make_shared<QAtomicInt>(0);
        auto total = std::make_shared<QAtomicInt>(1);
        QFuture<DatabaseEncryption::Result> encrypted =
            m_store->write([path, keyHex = key.keyHex, done, total](const QString &) {
                return DatabaseEncryption::encryptInPlace(path, keyHex, [&](int d, int t) {
                    total->storeRelaxed(t);
                    done->storeRelaxed(d);
                });
            });
        while (!encrypted.isFinished()) {
            if (m_encryptionProgress)
                m_encryptionProgress(done->loadRelaxed(), total->loadRelaxed());
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
            QThread::msleep(20);
        }
        if (!encrypted.result().ok()) {
            *error = encrypted.result().error;
            return false;
        }
        if (m_encryptionProgress)
            m_encryptionProgress(total->loadRelaxed(), total->loadRelaxed());
    } else if (QFileInfo::exists(DatabaseEncryption::backupPath(path))) {
        // The plaintext copy an encryption interrupted after it had finished: the database
        // itself is encrypted now (stateOf said so), so the copy only exposes PHI.
        DatabaseEncryption::removeBackup(path);
    }
    // No window exists yet: waiting here blocks nothing the clerk sees. No SQL runs on this
    // thread: the writer opens and migrates.
    QFuture<Database::OpenResult> opened = m_store->open();
    opened.waitForFinished();
    if (!opened.result().ok) {
        *error = opened.result().error;
        if (key.fromKeychain && *error == Database::wrongKeyMessage(m_databasePath)) {
            // A keychain entry left from another database at this path: it goes, so the next
            // start asks for the passphrase, which unwraps this database's own key.
            Keychain::remove(keychainEntry(location));
            *error = tr("The key kept in the keychain does not open this desk's database, so it "
                        "was removed from the keychain. Start ClinicDesk again and type the "
                        "clinic's database passphrase.");
        }
        return false;
    }
    m_users = std::make_unique<UserService>(m_store.get());
    m_secrets = std::make_unique<SecretService>(m_store.get());
    if (!m_training) {
        // Keys an earlier version kept in the settings file move into the encrypted database.
        QSettings settings;
        const QString moved = m_secrets->moveOutOf(settings);
        if (!moved.isEmpty()) {
            *error = moved;
            return false;
        }
    }
    QFuture<StoreResult<SecretService::Secrets>> secrets = m_secrets->load();
    secrets.waitForFinished();
    if (!secrets.result()) {
        *error = tr("The desk's keys could not be read from the database: %1")
                     .arg(secrets.result().error());
        return false;
    }
    m_configured.setSecrets(*secrets.result());
    if (m_training) {
        QFuture<QString> seeded = m_users->seedTrainingUsers();
        seeded.waitForFinished();
        if (!seeded.result().isEmpty()) {
            *error = tr("The training users could not be created: %1").arg(seeded.result());
            return false;
        }
    }
    return true;
}

bool DeskContext::start(QString *error)
{
    if (!openStore(error))
        return false;
    const DeskSettings &configured = m_configured;
    QUrl clearinghouse = m_options.clearinghouseUrl.isEmpty() ? configured.clearinghouseUrl
                                                              : m_options.clearinghouseUrl;
    m_settings.providerName = m_clinic.name;
    m_settings.providerNpi = m_clinic.npi;
    m_settings.timeoutMs = configured.timeoutSeconds * 1000;
    m_settings.maxTries = configured.maxTries;
    m_settings.reuseHours = configured.reuseHours;
    m_settings.maxAgeDays = configured.maxAgeDays;
    m_settings.visitFees = configured.visitFees;
    m_settings.officeVisitCents = configured.officeVisitCents;
    // The person who signed in; headless commands run as --user (or the system's user).
    m_settings.user = m_session.isValid() ? m_session.userName
                    : m_options.user.isEmpty() ? systemUser()
                                               : m_options.user;
    m_settings.production = !m_training;

    m_hubUrl = m_options.hubUrl.isEmpty() ? configured.hubUrl : m_options.hubUrl;
    m_device = m_options.device.isEmpty() ? configured.deviceName : m_options.device;
    m_hubToken = qEnvironmentVariable("CLINICDESK_HUB_TOKEN").toUtf8();
    if (m_hubToken.isEmpty())
        m_hubToken = m_options.hubToken.isEmpty() ? configured.deviceToken.toUtf8()
                                                  : m_options.hubToken;

    if (m_training) {
        if (!startTrainingHub(error))
            return false;
        SandboxServer::Options sandboxOptions;
        sandboxOptions.slowDelayMs = m_options.sandboxSlowDelayMs;
        // The sandbox payor remembers its claims in the training folder, so a claim pended
        // before the desk closed is still decided (and synced) after it starts again.
        sandboxOptions.payorStatePath = m_dataDir + QStringLiteral("/sandbox-payor.json");
        if (m_hub) {
            // The sandbox plays Metriport and the payor: it signs with the hub's secrets.
            sandboxOptions.hubUrl = m_hub->baseUrl();
            sandboxOptions.metriportWebhookKey = m_hub->config().metriportWebhookKey;
            sandboxOptions.payorWebhookSecret =
                QByteArrayLiteral("whsec_") + m_hub->config().payorKeys.value(0).toBase64();
        }
        m_sandbox = std::make_unique<SandboxHost>(sandboxOptions);
        QString sandboxError;
        if (!m_sandbox->start(&sandboxError)) {
            *error = tr("The training sandbox did not start: %1").arg(sandboxError);
            return false;
        }
        clearinghouse = m_sandbox->clearinghouseUrl();
        if (m_hub)
            m_sampleEvents = std::make_unique<SampleEvents>(&m_network, m_sandbox->baseUrl());
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

    m_access = std::make_unique<AccessControl>(m_store.get());
    if (m_session.isValid()) {
        m_access->setSession(m_session);
        m_access->loadGrants().waitForFinished(); // a restart keeps an hour's emergency access
    } else {
        // Headless commands (no one signs in): the command's user, with the front desk's
        // rights; they reach no medical history.
        m_access->setSession(Session{m_settings.user, m_settings.user, Role::FrontDesk});
    }
    m_auditTrail = std::make_unique<AuditTrailService>(m_store.get());
    m_auditTrail->setAccessControl(m_access.get());
    m_patients = std::make_unique<PatientService>(m_store.get(), m_settings.user);
    m_patients->setAccessControl(m_access.get());
    m_appointments = std::make_unique<AppointmentService>(m_store.get(), m_settings.user);
    m_eligibility = std::make_unique<EligibilityService>(m_store.get(), &m_network, m_settings);
    m_eligibility->setAccessControl(m_access.get());
    m_reports = std::make_unique<ReportService>(m_store.get(), m_eligibility.get(), m_clinic,
                                                m_training, m_settings.user);
    m_maintenance = std::make_unique<DatabaseMaintenance>(m_store.get());
    // Closing attempts a crash left pending is an indexed write (few rows); it runs on the
    // writer while the window comes up, before any verification of this session. Expiry is not
    // written at start: every screen and the dashboard's SQL apply it when they read, so start-up
    // does not rewrite a year of old answers.
    m_eligibility->recoverInterrupted();
    startClaims(configured);
    startOutsideRecords(configured);
    startLiveFeed();
    return true;
}

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/access/accesscontrol.h"
#include "services/common/audittrailservice.h"
#include "services/access/databasekey.h"
#include "services/access/secretservice.h"
#include "services/access/userservice.h"
#include "services/domain/clinic.h"
#include "services/domain/desksettings.h"
#include "services/eligibility/eligibilitysettings.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

class ClaimDashboardService;
class ClaimFileService;
class ClaimPreparer;
class ClaimService;
class ClaimSubmitter;
class ClaimSync;
class DatabaseMaintenance;
class AppointmentService;
class EligibilityService;
class HubHost;
class LiveFeed;
class PatientService;
class ReportService;
class SampleEvents;
class SandboxHost;
class Store;

//! How the desk was asked to start (command line over QSettings).
struct DeskOptions
{
    QString dataDir;       // empty: the platform's app data folder
    QUrl clearinghouseUrl; // empty: training mode with the in-process sandbox
    bool forceTraining = false;
    QString user; // empty: the OS user name
    int sandboxSlowDelayMs = 45000;
    QUrl hubUrl;       // the live feed (ws://…/feed); empty: settings, or training's own hub
    QString device;    // this desk's name at the hub; empty: settings, or a generated one
    QByteArray hubToken; // from CLINICDESK_HUB_TOKEN (never the command line) or settings
    //! The key of the encrypted database, already unlocked by this process (another person
    //! signing in at the same desk): used instead of asking for the passphrase again.
    QByteArray databaseKeyHex;
};

/*!
  The composition root of clinicdesk: it owns the network manager, the database (the Store with
  its writer and reader threads), the in-process sandbox in training mode, and one service per
  feature, and hands them down by pointer:

    PatientService        search, open, register, edit, coverages
    AppointmentService    book, reschedule, cancel visits; overlap warnings
    EligibilityService    verify, batch, history, schedule, statistics
    ReportService         report and day-sheet data, audit of print and export
    ClaimService          claims: drafts, queueing, the payor's word applied, actions
    ClaimPreparer         a new claim filled in from a patient or a visit; validation data
    ClaimSubmitter        the outbox: queued claims sent to the payor exactly once
    ClaimSync             open claims asked about at the payor, by hand and every few minutes
    ClaimFileService      835 remittance import, 837P export
    ClaimDashboardService the billers' dashboard: pages, figures, CSV
    DatabaseMaintenance   Database Check…

    LiveFeed              the hub's WebSocket feed: other desks' changes, webhooks

  In training mode it also runs clinichub in-process (or joins the training hub another
  ClinicDesk on this computer already runs, so two windows share one hub), and the sandbox
  posts its signed webhooks to that hub.

  In training the sandbox also plays the payor; its decisions on pended claims reach the desk
  as signed webhooks through the hub, and plays Metriport: a patient linked to the network
  gets the personas' documents by the same signed webhooks.

    MetriportClient       Metriport's API (training: the sandbox's)
    DocumentFetcher       announced documents fetched at once, kept with their SHA-256
    OutsideRecordsService linking to the network, Get Outside Records, webhook health
 */
class DocumentFetcher;
class ChartService;
class MedicalRecordService;
class MetriportClient;
class OutsideRecordsService;

class DeskContext : public QObject
{
    Q_OBJECT
public:
    explicit DeskContext(DeskOptions options, QObject *parent = nullptr);
    ~DeskContext() override;

    //! Opens everything; on failure returns false with a message for the user. Waits for the
    //! database to open (before any window exists); the checks that read the whole file or
    //! every row do not run here.
    bool start(QString *error);
    //! The first part of start(): the data folder, the database and the users (training's demo
    //! users added), so that a person can sign in before the services start in their name.
    bool openStore(QString *error);
    //! Who signed in: the services record this user on everything they do. Before start().
    void setSession(const Session &session) { m_session = session; }
    const Session &session() const { return m_session; }
    UserService *users() const { return m_users.get(); }
    //! The desk's keys and tokens, in the encrypted database (File › Settings… changes them).
    SecretService *secrets() const { return m_secrets.get(); }
    //! The open database's key (64 hex digits), to hand to the next context of this process.
    const QByteArray &databaseKeyHex() const { return m_databaseKey; }
    //! What the signed-in person may do (role, break-glass grants); the services ask it.
    AccessControl *access() const { return m_access.get(); }
    //! The audit trail for administrators (View › Audit Log…).
    AuditTrailService *auditTrail() const { return m_auditTrail.get(); }

    //! Where a desk started with `options` keeps its data: training or not (no clearinghouse
    //! configured means training), the folder, and the database file. Touches nothing.
    struct Location
    {
        bool training = true;
        QString dataDir;
        QString databasePath;
    };
    static Location locate(const DeskOptions &options);
    static Location locate(const DeskOptions &options, const DeskSettings &configured);

    //! Asks the person at the desk for the clinic's database passphrase: `creating` when there
    //! is none yet (choose one), `problem` says why it is asked again. Empty: they gave up.
    using PassphrasePrompt = std::function<QString(bool creating, const QString &problem)>;
    //! The window sets one; headless commands read CLINICDESK_DB_PASSPHRASE instead.
    void setPassphrasePrompt(PassphrasePrompt prompt) { m_passphrasePrompt = std::move(prompt); }
    //! Told how far encrypting an unencrypted database has got (on this thread, while
    //! openStore() waits for it).
    void setEncryptionProgress(std::function<void(int done, int total)> progress)
    {
        m_encryptionProgress = std::move(progress);
    }
    //! The keychain entry of the database's key (its path: one per database file).
    static QString keychainEntry(const Location &location);
    //! The key of the database at `location`: training's owner-only key file (made when
    //! `create`); a clinic's key from the OS keychain where one runs, else unwrapped by the
    //! passphrase from CLINICDESK_DB_PASSPHRASE or `prompt` (asked again, up to 5 times, when
    //! wrong) and then kept in the keychain, if there is one, for the next start.
    static DatabaseKey::Result databaseKey(const Location &location, bool create,
                                           const PassphrasePrompt &prompt = {});
    //! Where the key of a desk's database is kept (training: the key itself; a clinic: wrapped).
    static QString keyFilePath(const Location &location);
    //! A clinic's desk: wraps the database key with `next` instead of `current` (the key that
    //! encrypts the pages stays: the open database is not rewritten). Audited. Returns an
    //! error, or nothing. Any thread.
    QString changeDatabasePassphrase(const QString &current, const QString &next) const;

    bool isTraining() const { return m_training; }
    QString databasePath() const { return m_databasePath; }
    QString dataDir() const { return m_dataDir; }
    const ClinicInfo &clinic() const { return m_clinic; }
    //! The settings as read when the desk opened its store (read once per start).
    const DeskSettings &configured() const { return m_configured; }
    QString user() const { return m_settings.user; }
    Store *store() const { return m_store.get(); }
    PatientService *patients() const { return m_patients.get(); }
    AppointmentService *appointments() const { return m_appointments.get(); }
    EligibilityService *eligibility() const { return m_eligibility.get(); }
    ReportService *reports() const { return m_reports.get(); }
    DatabaseMaintenance *maintenance() const { return m_maintenance.get(); }
    ClaimService *claims() const { return m_claims.get(); }
    ClaimPreparer *claimPreparer() const { return m_claimPreparer.get(); }
    //! Null when no payor is configured (production without a payor URL).
    ClaimSubmitter *claimSubmitter() const { return m_claimSubmitter.get(); }
    ClaimSync *claimSync() const { return m_claimSync.get(); }
    ClaimFileService *claimFiles() const { return m_claimFiles.get(); }
    ClaimDashboardService *claimDashboard() const { return m_claimDashboard.get(); }
    //! Who claims are sent for (provider_id and name at the payor).
    QString providerId() const { return m_providerId; }
    QString providerName() const { return m_clinic.name; }
    int timelyFilingDays() const { return m_timelyFilingDays; }
    //! Training: the sandbox payor (Settings' Test Connection uses it when no payor is set).
    QUrl trainingPayorUrl() const;
    QString trainingPayorKey() const;
    //! Starts sending queued claims and the periodic claim sync (the window does at start; a
    //! headless command only when it needs them).
    void startClaimWork(bool periodicSync);
    //! Null when no hub is configured (production without live updates).
    LiveFeed *live() const { return m_live.get(); }
    //! The in-process training hub, when this desk runs it.
    HubHost *hub() const { return m_hub.get(); }
    //! Training only (else null): the sandbox's sample webhooks, for trying the live feed.
    SampleEvents *sampleEvents() const { return m_sampleEvents.get(); }
    QNetworkAccessManager *network() { return &m_network; }
    OutsideRecordsService *outsideRecords() const { return m_outsideRecords.get(); }
    MedicalRecordService *medicalRecords() const { return m_medicalRecords.get(); }
    ChartService *chart() const { return m_chart.get(); }
    //! Starts following outside records (the window does at start; headless when needed).
    void startOutsideRecordsWork();

private:
    DeskOptions m_options;
    bool m_training = true;
    QString m_dataDir;
    QString m_databasePath;
    ClinicInfo m_clinic;
    DeskSettings m_configured;
    PassphrasePrompt m_passphrasePrompt;
    std::function<void(int, int)> m_encryptionProgress;
    QByteArray m_databaseKey; // for the training hub's store
    EligibilitySettings m_settings;
    QNetworkAccessManager m_network;
    bool startTrainingHub(QString *error);
    void startLiveFeed();
    void startClaims(const DeskSettings &configured);
    void startOutsideRecords(const DeskSettings &configured);

    std::unique_ptr<HubHost> m_hub;
    QString m_hubDiscoveryFile; // written while this desk runs the training hub
    QUrl m_hubUrl;
    QByteArray m_hubToken;
    QString m_device;
    std::unique_ptr<SandboxHost> m_sandbox;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<UserService> m_users;
    std::unique_ptr<SecretService> m_secrets;
    std::unique_ptr<AccessControl> m_access;
    std::unique_ptr<AuditTrailService> m_auditTrail;
    Session m_session;
    std::unique_ptr<PatientService> m_patients;
    std::unique_ptr<AppointmentService> m_appointments;
    std::unique_ptr<EligibilityService> m_eligibility;
    std::unique_ptr<ReportService> m_reports;
    std::unique_ptr<DatabaseMaintenance> m_maintenance;
    std::unique_ptr<ClaimService> m_claims;
    std::unique_ptr<ClaimPreparer> m_claimPreparer;
    std::unique_ptr<ClaimSubmitter> m_claimSubmitter;
    std::unique_ptr<ClaimSync> m_claimSync;
    std::unique_ptr<ClaimFileService> m_claimFiles;
    std::unique_ptr<ClaimDashboardService> m_claimDashboard;
    QString m_providerId;
    int m_timelyFilingDays = 365;
    std::unique_ptr<MetriportClient> m_metriport;
    std::unique_ptr<DocumentFetcher> m_documentFetcher;
    std::unique_ptr<OutsideRecordsService> m_outsideRecords;
    std::unique_ptr<MedicalRecordService> m_medicalRecords;
    std::unique_ptr<ChartService> m_chart;
    std::unique_ptr<LiveFeed> m_live;
    std::unique_ptr<SampleEvents> m_sampleEvents;
};

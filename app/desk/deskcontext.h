// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/clinic.h"
#include "services/eligibility/eligibilitysettings.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>

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
};

/*!
  The composition root of clinicdesk: it owns the network manager, the database (the Store with
  its writer and reader threads), the in-process sandbox in training mode, and one service per
  feature, and hands them down by pointer:

    PatientService        search, open, register, edit, coverages
    AppointmentService    book, reschedule, cancel visits; overlap warnings
    EligibilityService    verify, batch, history, schedule, statistics
    ReportService         report and day-sheet data, audit of print and export
    DatabaseMaintenance   Database Check…

    LiveFeed              the hub's WebSocket feed: other desks' changes, webhooks

  In training mode it also runs clinichub in-process (or joins the training hub another
  ClinicDesk on this computer already runs, so two windows share one hub), and the sandbox
  posts its signed webhooks to that hub.

  Places for what the next issues bring: ClaimService (claims and the outbox),
  MedicalRecordService (Metriport, C-CDA, FHIR), created in start() from the same Store and
  network manager and added to DeskEnvironment.
 */
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

    bool isTraining() const { return m_training; }
    QString databasePath() const { return m_databasePath; }
    QString dataDir() const { return m_dataDir; }
    const ClinicInfo &clinic() const { return m_clinic; }
    QString user() const { return m_settings.user; }
    Store *store() const { return m_store.get(); }
    PatientService *patients() const { return m_patients.get(); }
    AppointmentService *appointments() const { return m_appointments.get(); }
    EligibilityService *eligibility() const { return m_eligibility.get(); }
    ReportService *reports() const { return m_reports.get(); }
    DatabaseMaintenance *maintenance() const { return m_maintenance.get(); }
    //! Null when no hub is configured (production without live updates).
    LiveFeed *live() const { return m_live.get(); }
    //! The in-process training hub, when this desk runs it.
    HubHost *hub() const { return m_hub.get(); }
    //! Training only (else null): the sandbox's sample webhooks, for trying the live feed.
    SampleEvents *sampleEvents() const { return m_sampleEvents.get(); }
    QNetworkAccessManager *network() { return &m_network; }

private:
    DeskOptions m_options;
    bool m_training = true;
    QString m_dataDir;
    QString m_databasePath;
    ClinicInfo m_clinic;
    EligibilitySettings m_settings;
    QNetworkAccessManager m_network;
    bool startTrainingHub(QString *error);
    void startLiveFeed();

    std::unique_ptr<HubHost> m_hub;
    QString m_hubDiscoveryFile; // written while this desk runs the training hub
    QUrl m_hubUrl;
    QByteArray m_hubToken;
    QString m_device;
    std::unique_ptr<SandboxHost> m_sandbox;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<PatientService> m_patients;
    std::unique_ptr<AppointmentService> m_appointments;
    std::unique_ptr<EligibilityService> m_eligibility;
    std::unique_ptr<ReportService> m_reports;
    std::unique_ptr<DatabaseMaintenance> m_maintenance;
    std::unique_ptr<LiveFeed> m_live;
    std::unique_ptr<SampleEvents> m_sampleEvents;
};

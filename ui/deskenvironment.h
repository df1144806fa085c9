// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/access.h"
#include "services/domain/clinic.h"

#include <QString>

#include <functional>
#include <QUrl>

class AppointmentService;
class ClaimDashboardService;
class ClaimFileService;
class ClaimPreparer;
class ClaimService;
class AccessControl;
class AuditTrailService;
class ChartService;
class ClaimSubmitter;
class ClaimSync;
class QNetworkAccessManager;
class DatabaseMaintenance;
class EligibilityService;
class LiveFeed;
class MedicalRecordService;
class OutsideRecordsService;
class PatientService;
class ReportService;
class SampleEvents;
class SecretService;
class UserService;

//! What the widgets are handed by the composition root (no singletons): the services they talk
//! to, never a repository or the database.
struct DeskEnvironment
{
    PatientService *patients = nullptr;
    AppointmentService *appointments = nullptr;
    EligibilityService *eligibility = nullptr;
    ReportService *reports = nullptr;
    DatabaseMaintenance *maintenance = nullptr;
    LiveFeed *live = nullptr; // null when no hub is set up
    SampleEvents *sampleEvents = nullptr; // training only: the sandbox's sample webhooks
    // Claims (the submitter and the sync are null when no payor is set up).
    ClaimService *claims = nullptr;
    ClaimPreparer *claimPreparer = nullptr;
    ClaimSubmitter *claimSubmitter = nullptr;
    ClaimSync *claimSync = nullptr;
    ClaimFileService *claimFiles = nullptr;
    ClaimDashboardService *claimDashboard = nullptr;
    // Outside medical history (Metriport): null when the desk has none.
    OutsideRecordsService *outsideRecords = nullptr;
    MedicalRecordService *medicalRecords = nullptr;
    ChartService *chart = nullptr; // the chart lists outside records are reconciled into
    //! What the signed-in person may do: menus a role may not use are hidden, and medical
    //! records outside the role go through Emergency Access. Null: everything shown (tests).
    AccessControl *access = nullptr;
    AuditTrailService *auditTrail = nullptr; // View › Audit Log… (administrators)
    UserService *users = nullptr; // File › Users… (administrators), Change My Password…
    SecretService *secrets = nullptr; // the keys Settings shows and saves (encrypted database)
    //! A clinic's desk: File › Change Database Passphrase… (current, next) → error or nothing.
    std::function<QString(const QString &, const QString &)> changeDatabasePassphrase;
    QString providerId;   // who claims are sent for at the payor
    QString providerName;
    int timelyFilingDays = 365;
    //! Test Connection and the payor's mappings: the network, and in training the sandbox
    //! payor used when Settings leaves the payor empty.
    QNetworkAccessManager *network = nullptr;
    QUrl trainingPayorUrl;
    QString trainingPayorKey;
    ClinicInfo clinic;
    bool training = true;
    QString user;
    Session session; // who signed in, with their role (empty in tests that build a window)
};

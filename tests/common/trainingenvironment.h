// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/testsupport.h"
#include "services/claims/claimdashboardservice.h"
#include "services/claims/claimfileservice.h"
#include "services/claims/claimpreparer.h"
#include "services/claims/claimservice.h"
#include "services/eligibility/eligibilityservice.h"
#include "services/patients/appointmentservice.h"
#include "services/patients/patientservice.h"
#include "services/reports/reportservice.h"
#include "services/sandbox/sandboxhost.h"
#include "services/store/store.h"

#include <QNetworkAccessManager>
#include <QTemporaryDir>

#include <memory>

/*!
  What an integration test needs: a fresh SQLite database in a temporary folder behind a Store
  (writer and reader threads, as in the app), the real sandbox clearinghouse on a loopback port
  (its own thread), and the services over them, seeded with the demo patients. Timeouts and
  backoff are short so the suite stays quick. The test's thread never runs SQL: setup and checks
  the services do not offer go through write()/read(), which wait for the worker.
 */
class TrainingEnvironment
{
public:
    struct Options
    {
        int timeoutMs = 1500;
        int slowDelayMs = 4000;
        int backoffBaseMs = 20;
        int maxTries = 3;
        bool seed = true;
        QDate today = QDate::currentDate();
        QString user = QStringLiteral("tester");
        int payorDecisionDelayMs = 3000; // the sandbox payor decides a pended claim this late
        QByteArray keyHex;   // the database key (64 hex digits), as a desk's; empty: plaintext
        QString directory;   // the database's folder (kept after); empty: a temporary one
    };

    TrainingEnvironment();
    explicit TrainingEnvironment(Options options);
    ~TrainingEnvironment();

    bool isReady() const { return m_ready; }
    QString error() const { return m_error; }
    QString databasePath() const;
    Store &store() { return *m_store; }
    PatientService &patients() { return *m_patients; }
    AppointmentService &appointments() { return *m_appointments; }
    EligibilityService &service() { return *m_service; }
    ReportService &reports() { return *m_reports; }
    //! The claims services over the same store (no submitter: tests make their own).
    ClaimService &claims() { return *m_claims; }
    ClaimPreparer &claimPreparer() { return *m_claimPreparer; }
    ClaimDashboardService &claimDashboard() { return *m_claimDashboard; }
    ClaimFileService &claimFiles() { return *m_claimFiles; }
    QNetworkAccessManager &network() { return m_network; }
    QUrl clearinghouseUrl() const { return m_sandbox->clearinghouseUrl(); }
    QUrl sandboxBaseUrl() const { return m_sandbox->baseUrl(); }
    //! The sandbox (clearinghouse and payor), to set the payor's fault switches.
    SandboxHost &sandbox() { return *m_sandbox; }

    //! Runs `work(connection)` on the store's writer and waits for its result.
    template<typename Work> auto write(Work &&work)
    {
        return TestSupport::await(m_store->write(std::forward<Work>(work)));
    }
    //! Runs `work(connection)` on a reader and waits for its result.
    template<typename Work> auto read(Work &&work)
    {
        return TestSupport::await(m_store->read(std::forward<Work>(work)));
    }

    //! The coverage with this member ID (seeded demo data); 0 if none.
    qint64 coverageId(const QString &memberId);
    //! The first patient whose first name matches; 0 if none.
    qint64 patientId(const QString &firstName);
    //! Adds a patient with one coverage; returns the coverage id.
    qint64 addPatientWithCoverage(const QString &first, const QString &last,
                                  const QString &memberId,
                                  const QString &payerId = QStringLiteral("INS001"));
    //! The stored verification, with raw X12; none when there is none.
    std::optional<Verification> storedVerification(qint64 id);
    //! The audit trail, newest first.
    QList<AuditEntry> auditEntries();

    //! Runs a verification to the end and returns what it stored.
    Verification verifyAndWait(qint64 coverageId, const VerifyOptions &options = {},
                               bool *reused = nullptr, int timeoutMs = 20000);
    //! Runs a job (verification, batch…) until it finishes; false on timeout.
    bool runJob(Job *job, int timeoutMs = 20000);

private:
    bool m_ready = false;
    QString m_error;
    QTemporaryDir m_dir;
    QString m_directory;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<SandboxHost> m_sandbox;
    QNetworkAccessManager m_network;
    std::unique_ptr<PatientService> m_patients;
    std::unique_ptr<AppointmentService> m_appointments;
    std::unique_ptr<EligibilityService> m_service;
    std::unique_ptr<ReportService> m_reports;
    std::unique_ptr<ClaimService> m_claims;
    std::unique_ptr<ClaimPreparer> m_claimPreparer;
    std::unique_ptr<ClaimDashboardService> m_claimDashboard;
    std::unique_ptr<ClaimFileService> m_claimFiles;
};

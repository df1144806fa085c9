// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/eligibility/eligibilityservice.h"
#include "services/sandbox/sandboxhost.h"

#include <QNetworkAccessManager>
#include <QTemporaryDir>

#include <memory>

/*!
  What an integration test needs: a fresh SQLite database in a temporary folder, the real
  sandbox clearinghouse on a loopback port (its own thread), and an EligibilityService wired to
  it, seeded with the demo patients. Timeouts and backoff are short so the suite stays quick.
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
    };

    TrainingEnvironment();
    explicit TrainingEnvironment(Options options);
    ~TrainingEnvironment();

    bool isReady() const { return m_ready; }
    QString error() const { return m_error; }
    QString connectionName() const { return m_connection; }
    QString databasePath() const;
    EligibilityService &service() { return *m_service; }
    QUrl clearinghouseUrl() const { return m_sandbox->clearinghouseUrl(); }
    QUrl sandboxBaseUrl() const { return m_sandbox->baseUrl(); }

    //! The coverage with this member ID (seeded demo data); 0 if none.
    qint64 coverageId(const QString &memberId) const;
    //! The first patient whose first name matches; 0 if none.
    qint64 patientId(const QString &firstName) const;
    //! Adds a patient with one coverage; returns the coverage id.
    qint64 addPatientWithCoverage(const QString &first, const QString &last,
                                  const QString &memberId,
                                  const QString &payerId = QStringLiteral("INS001"));

    //! Runs a verification to the end and returns what it stored.
    Verification verifyAndWait(qint64 coverageId, const VerifyOptions &options = {},
                               bool *reused = nullptr, int timeoutMs = 20000);

private:
    bool m_ready = false;
    QString m_error;
    QString m_connection;
    QTemporaryDir m_dir;
    std::unique_ptr<SandboxHost> m_sandbox;
    QNetworkAccessManager m_network;
    std::unique_ptr<EligibilityService> m_service;
};

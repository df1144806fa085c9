// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/verification.h"
#include "services/eligibility/verificationjob.h"

#include <QList>
#include <QObject>
#include <QPointer>

class EligibilityService;

//! Verifies many coverages with bounded concurrency; failures do not stop the batch.
//! A job: start(), cancel(), progressChanged(), finished().
class BatchVerification : public QObject
{
    Q_OBJECT
public:
    BatchVerification(EligibilityService *service, QList<qint64> coverageIds,
                      VerifyOptions options = {}, int concurrency = 8, QObject *parent = nullptr);

    void start();
    //! Stops starting new work and cancels what is in flight.
    void cancel();

    int total() const { return int(m_coverageIds.size()); }
    int done() const { return m_done; }
    bool isRunning() const { return m_running; }
    bool wasCancelled() const { return m_cancelled; }
    //! Finished verifications (reused ones included), in completion order.
    const QList<Verification> &results() const { return m_results; }
    int countWithStatus(VerificationStatus status) const;
    int notStarted() const { return total() - int(m_results.size()); }

Q_SIGNALS:
    void progressChanged(int done, int total);
    void itemFinished(const Verification &verification, bool reused);
    void finished();

private:
    void startMore();
    void onJobFinished(VerificationJob *job);
    void finishIfDone();

    EligibilityService *m_service;
    QList<qint64> m_coverageIds;
    VerifyOptions m_options;
    int m_concurrency;
    int m_next = 0;
    int m_done = 0;
    bool m_running = false;
    bool m_cancelled = false;
    QList<QPointer<VerificationJob>> m_inFlight;
    QList<Verification> m_results;
};

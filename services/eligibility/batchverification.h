// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/common/job.h"
#include "services/eligibility/scheduleentry.h"
#include "services/eligibility/verificationjob.h"
#include "services/store/storeerror.h"

#include <QFuture>
#include <QList>
#include <QPointer>

#include <functional>

class EligibilityService;

/*!
  Verifies many coverages with bounded concurrency; failures do not stop the batch. Which
  coverages is found out when it starts (a day's schedule, a patient's coverages, a list). A
  Job: start(), cancel(), progressChanged(), itemFinished(), one finished().
 */
class BatchVerification : public Job
{
    Q_OBJECT
public:
    using Coverages = std::function<QFuture<StoreResult<QList<qint64>>>()>;

    BatchVerification(EligibilityService *service, Coverages coverages, VerifyOptions options = {},
                      int concurrency = 8, QObject *parent = nullptr);

    //! Coverages to verify; 0 until they are known.
    int total() const { return int(m_coverageIds.size()); }
    int done() const { return m_done; }
    bool isRunning() const { return isStarted() && !isFinished(); }
    //! Finished verifications (reused ones included), in completion order.
    const QList<VerificationOutcome> &results() const { return m_results; }
    int countWithStatus(VerificationStatus status) const;
    //! Coverages that were not verified (cancelled before or while running).
    int notStarted() const { return total() - int(m_results.size()); }

Q_SIGNALS:
    void progressChanged(int done, int total);
    void itemFinished(const VerificationOutcome &outcome);

protected:
    void doStart() override;
    void doCancel() override;

private:
    void startMore();
    void onJobFinished(VerificationJob *job);

    EligibilityService *m_service;
    Coverages m_coverages;
    VerifyOptions m_options;
    int m_concurrency;
    QList<qint64> m_coverageIds;
    int m_next = 0;
    int m_done = 0;
    bool m_cancelling = false;
    QList<QPointer<VerificationJob>> m_inFlight;
    QList<VerificationOutcome> m_results;
};

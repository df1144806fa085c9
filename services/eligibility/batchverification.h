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
#include <QSet>

#include <functional>

class EligibilityService;

/*!
  Verifies many coverages with bounded concurrency; failures do not stop the batch. Which
  coverages is found out when it starts (a day's schedule, a patient's coverages, a list), or
  before, with prepare(), which also names them so a screen can ask before anything is sent.
  A Job: start(), cancel(), progressChanged(), itemFinished(), one finished().
 */
class BatchVerification : public Job
{
    Q_OBJECT
public:
    using Coverages = std::function<QFuture<StoreResult<QList<qint64>>>()>;

    //! What became of one coverage, in words the front desk uses. Only Active is "verified":
    //! an inactive coverage was answered, but the patient is not covered.
    enum class Outcome {
        Rejected,       // the payer refused the request (AAA): fix the data, then verify again
        CouldNotVerify, // no usable answer (timeout, network, server, bad answer, data missing)
        Inactive,       // the payer answered: not covered on the service date
        NeedsReview,    // covered, but another payer may be primary or the data differs
        Active,         // verified: covered
        NotVerified,    // not asked (yet), or cancelled before the payer answered
    };
    Q_ENUM(Outcome)

    BatchVerification(EligibilityService *service, Coverages coverages, VerifyOptions options = {},
                      int concurrency = 8, QObject *parent = nullptr);

    /*!
      Finds the coverages and their patients without verifying anything; prepared() follows
      (see preparationError()). start() does it first when it was not called, without the
      names (items() stays empty then).
     */
    void prepare();
    bool isPrepared() const { return m_prepared; }
    //! Why the coverages could not be found; empty when fine.
    QString preparationError() const { return m_preparationError; }
    //! The coverages to verify with their patients, once prepared.
    const QList<CoverageSubject> &items() const { return m_items; }

    /*!
      Stops the batch as a clerk's Cancel does: nothing new is started, verifications still
      waiting for a payer are cancelled (their attempts are closed as cancelled), and answers
      already in are stored and counted; finished() (Cancelled) follows once they are. cancel()
      stops at once and leaves answers being stored out of results().
     */
    void stop();
    bool isStopping() const { return m_stopping && !isFinished(); }

    //! Coverages to verify; 0 until they are known.
    int total() const { return int(m_coverageIds.size()); }
    //! Coverages with an outcome (answered or failed; cancelled ones are not done).
    int done() const { return int(m_results.size()); }
    bool isRunning() const { return isStarted() && !isFinished(); }
    //! Finished verifications (reused ones included), in completion order.
    const QList<VerificationOutcome> &results() const { return m_results; }
    int countWithStatus(VerificationStatus status) const;
    //! How many coverages had this outcome; NotVerified counts those without a result.
    int count(Outcome outcome) const;
    //! Coverages that were not verified (not started, or cancelled while running).
    int notStarted() const { return total() - done(); }
    //! The prepared items that have no result yet (after a cancel: the ones left to do).
    QList<CoverageSubject> notVerified() const;
    //! The outcome of a finished verification (the effective status, so expiry counts).
    Outcome outcomeOf(const VerificationOutcome &outcome) const;

Q_SIGNALS:
    //! The coverages (and with prepare() their patients) are known, or could not be found.
    void prepared();
    void progressChanged(int done, int total);
    void itemFinished(const VerificationOutcome &outcome);

protected:
    void doStart() override;
    void doCancel() override;

private:
    void load(bool withNames);
    void loaded(const QString &error);
    void begin();
    void startMore();
    void cancelWaiting();
    void onJobFinished(VerificationJob *job);

    EligibilityService *m_service;
    Coverages m_coverages;
    VerifyOptions m_options;
    int m_concurrency;
    QList<qint64> m_coverageIds;
    QList<CoverageSubject> m_items;
    QString m_preparationError;
    bool m_loading = false;
    bool m_prepared = false;
    int m_next = 0;
    bool m_stopping = false;
    QList<QPointer<VerificationJob>> m_inFlight;
    QList<VerificationOutcome> m_results;
    QSet<qint64> m_answered; // coverage ids with a result
};

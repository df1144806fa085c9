// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/eligibility/batchverification.h"

#include "services/common/async.h"
#include "services/eligibility/eligibilityservice.h"

BatchVerification::BatchVerification(EligibilityService *service, Coverages coverages,
                                     VerifyOptions options, int concurrency, QObject *parent)
    : Job(parent)
    , m_service(service)
    , m_coverages(std::move(coverages))
    , m_options(std::move(options))
    , m_concurrency(qMax(1, concurrency))
{
}

void BatchVerification::prepare()
{
    if (m_loading || m_prepared || isStarted() || isFinished())
        return;
    load(true);
}

void BatchVerification::doStart()
{
    const QString refusal = m_service->verifyRefusal();
    if (!refusal.isEmpty()) {
        finish(Error::NotPermitted, refusal);
        return;
    }
    if (m_prepared)
        begin();
    else if (!m_preparationError.isEmpty())
        finish(Error::StorageError, m_preparationError);
    else if (!m_loading)
        load(false); // begins once loaded
}

void BatchVerification::load(bool withNames)
{
    m_loading = true;
    Async::whenReady(m_coverages(), this, [this, withNames](const StoreResult<QList<qint64>> &ids) {
        if (isFinished())
            return;
        if (!ids) {
            loaded(ids.error());
            return;
        }
        m_coverageIds = *ids;
        if (!withNames || m_coverageIds.isEmpty()) {
            loaded({});
            return;
        }
        Async::whenReady(m_service->coverageSubjects(m_coverageIds), this,
                         [this](const StoreResult<QList<CoverageSubject>> &subjects) {
                             if (isFinished())
                                 return;
                             if (subjects)
                                 m_items = *subjects;
                             loaded(subjects ? QString() : subjects.error());
                         });
    });
}

void BatchVerification::loaded(const QString &error)
{
    m_loading = false;
    m_preparationError = error;
    m_prepared = error.isEmpty();
    if (!m_prepared)
        m_coverageIds.clear();
    Q_EMIT prepared();
    if (!isStarted() || isFinished())
        return;
    if (!m_prepared)
        finish(Error::StorageError, error);
    else
        begin();
}

void BatchVerification::begin()
{
    Q_EMIT progressChanged(0, total());
    if (m_coverageIds.isEmpty()) {
        finish();
        return;
    }
    startMore();
}

void BatchVerification::startMore()
{
    while (!m_stopping && m_inFlight.size() < m_concurrency && m_next < m_coverageIds.size()) {
        VerificationJob *job = m_service->verify(m_coverageIds.at(m_next++), m_options);
        m_inFlight.append(job);
        connect(job, &Job::finished, this, [this, job] { onJobFinished(job); });
    }
}

void BatchVerification::onJobFinished(VerificationJob *job)
{
    if (isFinished())
        return; // cancelled at once: what ends later is not this batch's any more
    m_inFlight.removeAll(job);
    if (!job->wasCancelled()) {
        m_results.append(job->outcome());
        m_answered.insert(job->coverageId());
        Q_EMIT itemFinished(m_results.constLast());
        Q_EMIT progressChanged(done(), total());
    }
    if (m_stopping) {
        if (m_inFlight.isEmpty())
            finish(Error::Cancelled);
        return;
    }
    startMore();
    if (m_inFlight.isEmpty() && m_next >= m_coverageIds.size())
        finish();
}

void BatchVerification::cancelWaiting()
{
    m_stopping = true;
    const auto inFlight = m_inFlight;
    for (const QPointer<VerificationJob> &job : inFlight) {
        // An answer being stored stands: cancelling it would report "not verified" for a
        // coverage whose answer is in the database (and never tell the lists about it).
        if (job && !job->isSavingOutcome())
            job->cancel();
    }
}

void BatchVerification::stop()
{
    if (isFinished())
        return;
    if (!isStarted()) {
        cancel();
        return;
    }
    cancelWaiting();
    if (m_inFlight.isEmpty() && !isFinished())
        finish(Error::Cancelled);
}

void BatchVerification::doCancel()
{
    cancelWaiting();
}

int BatchVerification::countWithStatus(VerificationStatus status) const
{
    return int(std::count_if(m_results.cbegin(), m_results.cend(), [status](const auto &outcome) {
        return outcome.verification.status == status;
    }));
}

BatchVerification::Outcome BatchVerification::outcomeOf(const VerificationOutcome &outcome) const
{
    const Verification &v = outcome.verification;
    switch (m_service->effectiveStatus(v)) {
    case VerificationStatus::Pending:
        return Outcome::NotVerified;
    case VerificationStatus::Verified:
        return v.result && v.result->status == EligibilityResult::Status::Inactive
                   ? Outcome::Inactive
                   : Outcome::Active;
    case VerificationStatus::ManualReview:
    case VerificationStatus::Expired: // an answer that no longer holds: look at it again
        return Outcome::NeedsReview;
    case VerificationStatus::Failed:
        if (v.error == VerificationError::Cancelled)
            return Outcome::NotVerified;
        return v.error == VerificationError::Rejected ? Outcome::Rejected : Outcome::CouldNotVerify;
    }
    return Outcome::CouldNotVerify;
}

int BatchVerification::count(Outcome outcome) const
{
    const int finished = int(std::count_if(m_results.cbegin(), m_results.cend(),
                                           [&](const auto &r) { return outcomeOf(r) == outcome; }));
    return outcome == Outcome::NotVerified ? finished + notStarted() : finished;
}

QList<CoverageSubject> BatchVerification::notVerified() const
{
    QList<CoverageSubject> left;
    for (const CoverageSubject &item : m_items) {
        if (!m_answered.contains(item.coverage.id))
            left.append(item);
    }
    return left;
}

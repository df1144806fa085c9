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

void BatchVerification::doStart()
{
    Async::whenReady(m_coverages(), this, [this](const StoreResult<QList<qint64>> &ids) {
        if (isFinished())
            return;
        if (!ids) {
            finish(Error::StorageError, ids.error());
            return;
        }
        m_coverageIds = *ids;
        Q_EMIT progressChanged(0, total());
        if (m_coverageIds.isEmpty()) {
            finish();
            return;
        }
        startMore();
    });
}

void BatchVerification::startMore()
{
    while (!m_cancelling && m_inFlight.size() < m_concurrency && m_next < m_coverageIds.size()) {
        VerificationJob *job = m_service->verify(m_coverageIds.at(m_next++), m_options);
        m_inFlight.append(job);
        connect(job, &Job::finished, this, [this, job] { onJobFinished(job); });
    }
}

void BatchVerification::onJobFinished(VerificationJob *job)
{
    m_inFlight.removeAll(job);
    ++m_done;
    if (!job->wasCancelled()) {
        m_results.append(job->outcome());
        Q_EMIT itemFinished(m_results.constLast());
    }
    Q_EMIT progressChanged(m_done, total());
    if (m_cancelling)
        return;
    startMore();
    if (m_inFlight.isEmpty() && m_next >= m_coverageIds.size())
        finish();
}

void BatchVerification::doCancel()
{
    m_cancelling = true;
    const auto inFlight = m_inFlight;
    for (const QPointer<VerificationJob> &job : inFlight) {
        if (job)
            job->cancel();
    }
}

int BatchVerification::countWithStatus(VerificationStatus status) const
{
    return int(std::count_if(m_results.cbegin(), m_results.cend(), [status](const auto &outcome) {
        return outcome.verification.status == status;
    }));
}

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/eligibility/batchverification.h"

#include "services/eligibility/eligibilityservice.h"

#include <QTimer>

BatchVerification::BatchVerification(EligibilityService *service, QList<qint64> coverageIds,
                                     VerifyOptions options, int concurrency, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_coverageIds(std::move(coverageIds))
    , m_options(std::move(options))
    , m_concurrency(qMax(1, concurrency))
{
}

void BatchVerification::start()
{
    if (m_running)
        return;
    m_running = true;
    Q_EMIT progressChanged(0, total());
    startMore();
    // An empty batch still finishes, asynchronously like any other.
    if (m_coverageIds.isEmpty())
        QTimer::singleShot(0, this, &BatchVerification::finishIfDone);
}

void BatchVerification::startMore()
{
    while (!m_cancelled && m_inFlight.size() < m_concurrency && m_next < m_coverageIds.size()) {
        VerificationJob *job = m_service->verify(m_coverageIds.at(m_next++), m_options);
        m_inFlight.append(job);
        connect(job, &VerificationJob::finished, this, [this, job] { onJobFinished(job); });
    }
}

void BatchVerification::onJobFinished(VerificationJob *job)
{
    m_inFlight.removeAll(job);
    ++m_done;
    if (!job->wasCancelled()) {
        m_results.append(job->verification());
        Q_EMIT itemFinished(job->verification(), job->wasReused());
    }
    Q_EMIT progressChanged(m_done, total());
    startMore();
    finishIfDone();
}

void BatchVerification::finishIfDone()
{
    if (!m_running || !m_inFlight.isEmpty())
        return;
    if (!m_cancelled && m_next < m_coverageIds.size())
        return;
    m_running = false;
    Q_EMIT finished();
}

void BatchVerification::cancel()
{
    if (!m_running || m_cancelled)
        return;
    m_cancelled = true;
    const auto inFlight = m_inFlight;
    for (const QPointer<VerificationJob> &job : inFlight) {
        if (job)
            job->cancel();
    }
    finishIfDone();
}

int BatchVerification::countWithStatus(VerificationStatus status) const
{
    return int(std::count_if(m_results.cbegin(), m_results.cend(),
                             [status](const Verification &v) { return v.status == status; }));
}

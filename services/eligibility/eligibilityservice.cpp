// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/eligibility/eligibilityservice.h"

#include <QRandomGenerator>
#include <QTimer>

EligibilityService::EligibilityService(QNetworkAccessManager *network,
                                       const QString &connectionName, EligibilitySettings settings,
                                       QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_settings(std::move(settings))
    , m_patients(connectionName)
    , m_coverages(connectionName)
    , m_verifications(connectionName)
    , m_appointments(connectionName)
    , m_audit(connectionName)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
    // Seeded from the clock so two runs of the app do not reuse interchange numbers.
    , m_controlNumber(int(QDateTime::currentSecsSinceEpoch() % 100000) * 1000)
{
}

VerificationJob *EligibilityService::verify(qint64 coverageId, const VerifyOptions &options)
{
    auto *job = new VerificationJob(this, coverageId, options);
    QTimer::singleShot(0, job, &VerificationJob::run);
    return job;
}

QList<VerificationJob *> EligibilityService::verifyPatient(qint64 patientId,
                                                           const VerifyOptions &options)
{
    QList<VerificationJob *> jobs;
    for (const Coverage &coverage : m_coverages.forPatient(patientId)) {
        if (coverage.active)
            jobs.append(verify(coverage.id, options));
    }
    return jobs;
}

VerificationJob *EligibilityService::retry(qint64 verificationId)
{
    const auto previous = m_verifications.find(verificationId);
    if (!previous)
        return nullptr;
    VerifyOptions options;
    options.force = true;
    options.serviceDate = previous->serviceDate;
    options.serviceTypes = previous->serviceTypes.split(QLatin1Char(','), Qt::SkipEmptyParts);
    options.retryOf = verificationId;
    return verify(previous->coverageId, options);
}

VerificationStatus EligibilityService::effectiveStatus(const Verification &verification) const
{
    const bool answered = verification.status == VerificationStatus::Verified ||
                          verification.status == VerificationStatus::ManualReview;
    if (!answered)
        return verification.status;
    const QDateTime now = m_clock();
    if (verification.completedAt.isValid() &&
        verification.completedAt < now.addDays(-m_settings.maxAgeDays))
        return VerificationStatus::Expired;
    // An inactive answer stays a valid answer; only active coverage can run out.
    if (verification.result && verification.result->isActive()) {
        const QDate end = verification.result->coverageEnd();
        if (end.isValid() && end < now.toLocalTime().date())
            return VerificationStatus::Expired;
    }
    return verification.status;
}

std::optional<Verification> EligibilityService::latest(qint64 coverageId) const
{
    auto latest = m_verifications.latestForCoverage(coverageId);
    if (latest && latest->error == VerificationError::Cancelled) {
        // A cancelled attempt says nothing about the coverage: show the one before it.
        latest.reset();
        for (const Verification &v : m_verifications.historyForCoverage(coverageId)) {
            if (v.error != VerificationError::Cancelled) {
                latest = v;
                break;
            }
        }
    }
    if (latest)
        latest->status = effectiveStatus(*latest);
    return latest;
}

QHash<qint64, Verification> EligibilityService::latestFor(const QList<qint64> &coverageIds) const
{
    QHash<qint64, Verification> latest = m_verifications.latestForCoverages(coverageIds);
    for (auto it = latest.begin(); it != latest.end();) {
        if (it->error == VerificationError::Cancelled) {
            // Rare: look past the cancelled attempt the slow way.
            if (const auto previous = this->latest(it.key())) {
                *it = *previous;
                ++it;
            } else {
                it = latest.erase(it);
            }
            continue;
        }
        it->status = effectiveStatus(*it);
        ++it;
    }
    return latest;
}

QList<Verification> EligibilityService::history(qint64 coverageId) const
{
    QList<Verification> attempts = m_verifications.historyForCoverage(coverageId);
    for (Verification &v : attempts)
        v.status = effectiveStatus(v);
    return attempts;
}

int EligibilityService::expireStale()
{
    const QDateTime now = m_clock();
    return m_verifications.expireStale(now.addDays(-m_settings.maxAgeDays),
                                       now.toLocalTime().date());
}

int EligibilityService::recoverInterrupted()
{
    int recovered = 0;
    for (Verification v : m_verifications.pending()) {
        v.status = VerificationStatus::Failed;
        v.error = VerificationError::NetworkError;
        v.errorMessage = tr("ClinicDesk closed before the payer answered. Retry to ask again.");
        v.completedAt = m_clock();
        if (m_verifications.save(v))
            ++recovered;
    }
    return recovered;
}

QList<qint64> EligibilityService::coveragesForDay(const QDate &day) const
{
    QList<qint64> ids;
    for (const Appointment &appointment : m_appointments.forDay(day)) {
        if (appointment.status == AppointmentStatus::Cancelled)
            continue;
        for (const Coverage &coverage : m_coverages.forPatient(appointment.patientId)) {
            if (coverage.active && !ids.contains(coverage.id))
                ids.append(coverage.id);
        }
    }
    return ids;
}

int EligibilityService::nextControlNumber()
{
    m_controlNumber = (m_controlNumber + 1) % 1000000000;
    if (m_controlNumber == 0)
        m_controlNumber = 1;
    return m_controlNumber;
}

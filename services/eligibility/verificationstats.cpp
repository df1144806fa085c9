// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/eligibility/verificationstats.h"

#include "services/x12/eligibilityresult.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(VerificationStats)
};

int firstDayOffset(StatsPeriod period)
{
    switch (period) {
    case StatsPeriod::Today:
        return 0;
    case StatsPeriod::Last7Days:
        return 6;
    case StatsPeriod::Last30Days:
        return 29;
    }
    return 0;
}

bool isAnswered(VerificationStatus status)
{
    // A stored "expired" row was verified once; expiry does not undo that attempt's success.
    return status == VerificationStatus::Verified || status == VerificationStatus::ManualReview ||
           status == VerificationStatus::Expired;
}

//! The payer answered, and said the coverage is not active (the same test SQL makes).
bool isInactiveAnswer(const Verification &v)
{
    return isAnswered(v.status) && v.result &&
           v.result->status == EligibilityResult::Status::Inactive;
}

//! The distinct AAA codes of an attempt, in order; a code repeated at several loops is one reason.
QStringList distinctCodes(const QStringList &codes)
{
    QStringList distinct;
    for (const QString &code : codes) {
        const QString trimmed = code.trimmed();
        if (!trimmed.isEmpty() && !distinct.contains(trimmed))
            distinct << trimmed;
    }
    return distinct;
}

ReasonCount errorReason(const Verification &v)
{
    switch (v.error) {
    case VerificationError::Timeout:
        return {QStringLiteral("timeout"), Tr::tr("Clearinghouse timeout"), 1};
    case VerificationError::ServerError:
        return {QStringLiteral("server_error"), Tr::tr("Clearinghouse unavailable (5xx)"), 1};
    case VerificationError::HttpError:
        return {QStringLiteral("http_error"), Tr::tr("Clearinghouse refused the request"), 1};
    case VerificationError::NetworkError:
        return {QStringLiteral("network_error"), Tr::tr("Clearinghouse unreachable"), 1};
    case VerificationError::InvalidResponse:
        return {QStringLiteral("invalid_response"), Tr::tr("Unreadable clearinghouse answer"), 1};
    case VerificationError::InvalidRequest:
        return {QStringLiteral("invalid_request"), Tr::tr("Coverage incomplete for a request"), 1};
    case VerificationError::PayerBusy: {
        const QStringList codes = distinctCodes(v.aaaCodes);
        if (codes.isEmpty())
            return {QStringLiteral("payer_busy"), Tr::tr("Payer busy"), 1};
        //: %1 is one or more X12 AAA reject reason codes, e.g. "42" or "42, 80"
        return {QStringLiteral("payer_busy:") + codes.join(QLatin1Char(',')),
                Tr::tr("Payer busy (AAA %1)").arg(codes.join(QStringLiteral(", "))), 1};
    }
    case VerificationError::Rejected:
        return {QStringLiteral("rejected"), Tr::tr("Rejected by the payer"), 1};
    case VerificationError::MismatchedAnswer:
        return {QStringLiteral("mismatched_answer"), Tr::tr("Answer to another request"), 1};
    case VerificationError::StorageError:
        return {QStringLiteral("storage_error"), Tr::tr("Local database error"), 1};
    case VerificationError::None:
    case VerificationError::Cancelled:
    case VerificationError::NotPermitted: // never stored
        break;
    }
    return {QStringLiteral("other"), Tr::tr("Other failure"), 1};
}
} // namespace

namespace {
QList<ReasonCount> topReasonsOf(const QHash<QString, ReasonCount> &reasons)
{
    QList<ReasonCount> sorted = reasons.values();
    std::sort(sorted.begin(), sorted.end(), [](const ReasonCount &a, const ReasonCount &b) {
        if (a.count != b.count)
            return a.count > b.count;
        if (a.reason != b.reason)
            return a.reason < b.reason;
        return a.key < b.key; // two keys can share a text (an unknown AAA code, say)
    });
    if (sorted.size() > VerificationStats::TopReasonCount)
        sorted.resize(VerificationStats::TopReasonCount);
    return sorted;
}
} // namespace

QPair<QDateTime, QDateTime> periodRange(StatsPeriod period, const QDateTime &nowUtc)
{
    const QDate today = nowUtc.toLocalTime().date();
    // startOfDay() copes with days whose local midnight does not exist (DST at 00:00).
    const QDateTime from = today.addDays(-firstDayOffset(period)).startOfDay(Qt::LocalTime);
    return {from.toUTC(), nowUtc.toUTC()};
}

QList<ReasonCount> VerificationStats::failureReasons(const Verification &verification)
{
    if (verification.error == VerificationError::Rejected) {
        QList<ReasonCount> reasons;
        for (const QString &code : distinctCodes(verification.aaaCodes)) {
            AaaRejection rejection;
            rejection.code = code;
            reasons.append({QStringLiteral("aaa:") + code, rejection.reason(), 1});
        }
        if (!reasons.isEmpty())
            return reasons;
    }
    return {errorReason(verification)};
}

VerificationStats VerificationStats::compute(const QList<Verification> &verifications,
                                             const StatusFunction &effectiveStatus)
{
    VerificationStats stats;
    QList<int> durations;
    qint64 durationSum = 0;
    QHash<QString, ReasonCount> reasons;

    for (const Verification &v : verifications) {
        if (v.error == VerificationError::Cancelled) {
            ++stats.cancelled;
            continue;
        }
        if (v.status == VerificationStatus::Pending) {
            ++stats.pending;
            continue;
        }
        ++stats.total;
        const bool inactive = isInactiveAnswer(v);
        if (inactive) {
            ++stats.inactive;
        } else if (isAnswered(v.status)) {
            ++stats.succeeded;
        } else {
            ++stats.failed;
            for (const ReasonCount &reason : failureReasons(v)) {
                auto it = reasons.find(reason.key);
                if (it == reasons.end())
                    reasons.insert(reason.key, reason);
                else
                    ++it->count;
            }
        }
        ++stats.verdictCounts[breakdownVerdict(effectiveStatus ? effectiveStatus(v) : v.status,
                                               inactive, v.error)];
        durations.append(v.durationMs);
        durationSum += v.durationMs;
    }

    if (stats.total > 0) {
        stats.successRate = double(stats.succeeded) / stats.total;
        stats.inactiveRate = double(stats.inactive) / stats.total;
        stats.failureRate = double(stats.failed) / stats.total;
        stats.averageMs = double(durationSum) / stats.total;
        std::sort(durations.begin(), durations.end());
        // Nearest rank: the smallest value with at least 95 % of the values at or below it.
        // Integer arithmetic, since 0.95 * n in floating point can land just above an integer.
        const qsizetype rank = (95 * durations.size() + 99) / 100;
        stats.p95Ms = durations.at(rank - 1);
    }

    stats.topReasons = topReasonsOf(reasons);
    return stats;
}

Verdict VerificationStats::breakdownVerdict(VerificationStatus effectiveStatus, bool inactive,
                                            VerificationError error)
{
    // A failure is named as everywhere else: the payer's refusal is REJECTED, the rest COULD
    // NOT VERIFY (the payer was not reached or its answer not usable).
    if (effectiveStatus == VerificationStatus::Failed) {
        switch (error) {
        case VerificationError::Rejected:
            return Verdict::Rejected;
        case VerificationError::Cancelled:
            return Verdict::Cancelled;
        default:
            return Verdict::CouldNotVerify;
        }
    }
    // Expired or to review, the inactive answer says so first; only a current plain answer is
    // shown as what the payer said.
    if (inactive && effectiveStatus == VerificationStatus::Verified)
        return Verdict::Inactive;
    return BenefitSummary::verdict(effectiveStatus, std::nullopt);
}

namespace {
bool sameGroup(const VerificationGroup &a, const VerificationGroup &b)
{
    return a.status == b.status && a.effectiveStatus == b.effectiveStatus && a.error == b.error &&
           a.aaaCodes == b.aaaCodes;
}
} // namespace

VerificationStats VerificationStats::fromAggregates(const VerificationAggregates &aggregates,
                                                    const QList<VerificationGroup> &inactive)
{
    VerificationStats stats;
    qint64 durationSum = 0;
    QHash<QString, ReasonCount> reasons;
    for (const VerificationGroup &group : aggregates.groups) {
        if (group.error == VerificationError::Cancelled) {
            stats.cancelled += group.count;
            continue;
        }
        if (group.status == VerificationStatus::Pending) {
            stats.pending += group.count;
            continue;
        }
        stats.total += group.count;
        durationSum += group.durationSumMs;
        // The inactive answers are part of this group's count; they are told apart here.
        int inactiveCount = 0;
        if (isAnswered(group.status)) {
            for (const VerificationGroup &answer : inactive) {
                if (sameGroup(answer, group))
                    inactiveCount += answer.count;
            }
            inactiveCount = qMin(inactiveCount, group.count);
        }
        const int others = group.count - inactiveCount;
        if (inactiveCount > 0) {
            stats.inactive += inactiveCount;
            stats.verdictCounts[breakdownVerdict(group.effectiveStatus, true)] += inactiveCount;
        }
        if (others > 0)
            stats.verdictCounts[breakdownVerdict(group.effectiveStatus, false, group.error)] +=
                others;
        if (isAnswered(group.status)) {
            stats.succeeded += others;
            continue;
        }
        stats.failed += group.count;
        Verification sample;
        sample.status = group.status;
        sample.error = group.error;
        sample.aaaCodes = group.aaaCodes;
        for (ReasonCount reason : failureReasons(sample)) {
            reason.count = group.count;
            auto it = reasons.find(reason.key);
            if (it == reasons.end())
                reasons.insert(reason.key, reason);
            else
                it->count += group.count;
        }
    }
    if (stats.total > 0) {
        stats.successRate = double(stats.succeeded) / stats.total;
        stats.inactiveRate = double(stats.inactive) / stats.total;
        stats.failureRate = double(stats.failed) / stats.total;
        stats.averageMs = double(durationSum) / stats.total;
        stats.p95Ms = aggregates.p95Ms;
    }
    stats.topReasons = topReasonsOf(reasons);
    return stats;
}

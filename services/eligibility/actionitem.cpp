// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/eligibility/actionitem.h"

#include <QSet>

#include <algorithm>

QString actionReasonKey(ActionReason reason)
{
    switch (reason) {
    case ActionReason::Rejected:
        return QStringLiteral("rejected");
    case ActionReason::CouldNotVerify:
        return QStringLiteral("could_not_verify");
    case ActionReason::Inactive:
        return QStringLiteral("inactive");
    case ActionReason::NeedsReview:
        return QStringLiteral("needs_review");
    case ActionReason::Expired:
        return QStringLiteral("expired");
    case ActionReason::NotVerified:
        break;
    }
    return QStringLiteral("not_verified");
}

std::optional<ActionReason> ActionItem::reasonFor(const ScheduleEntry &entry, int reuseHours,
                                                  const QDateTime &nowUtc)
{
    if (!entry.coverage || !entry.verification)
        return ActionReason::NotVerified;
    const Verification &latest = *entry.verification;
    switch (entry.status) {
    case VerificationStatus::Pending:
        // Still being asked (or left by a crash until the next start closes it): no answer yet.
        return ActionReason::NotVerified;
    case VerificationStatus::Failed:
        return latest.error == VerificationError::Rejected ? ActionReason::Rejected
                                                           : ActionReason::CouldNotVerify;
    case VerificationStatus::ManualReview:
        return ActionReason::NeedsReview;
    case VerificationStatus::Expired:
        return ActionReason::Expired;
    case VerificationStatus::Verified:
        break;
    }
    if (latest.result && latest.result->status == EligibilityResult::Status::Inactive)
        return ActionReason::Inactive;
    // An answer the desk would not reuse is no answer for this visit.
    const QDateTime answeredAt =
        latest.completedAt.isValid() ? latest.completedAt : latest.requestedAt;
    if (!answeredAt.isValid() || answeredAt < nowUtc.addSecs(-qint64(reuseHours) * 3600))
        return ActionReason::NotVerified;
    return std::nullopt;
}

QList<ActionItem> ActionItem::fromSchedule(const QList<ScheduleEntry> &entries, int reuseHours,
                                           const QDateTime &nowUtc)
{
    QList<ScheduleEntry> visits;
    for (const ScheduleEntry &entry : entries) {
        const AppointmentStatus status = entry.appointment.status;
        if (status != AppointmentStatus::Cancelled && status != AppointmentStatus::NoShow)
            visits.append(entry);
    }
    std::stable_sort(visits.begin(), visits.end(), [](const auto &a, const auto &b) {
        if (a.appointment.start != b.appointment.start)
            return a.appointment.start < b.appointment.start;
        return a.appointment.id < b.appointment.id;
    });
    QList<ActionItem> items;
    QSet<qint64> seen; // one row per patient: the coverage is theirs, not the visit's
    for (const ScheduleEntry &entry : std::as_const(visits)) {
        if (seen.contains(entry.appointment.patientId))
            continue;
        seen.insert(entry.appointment.patientId);
        if (const auto reason = reasonFor(entry, reuseHours, nowUtc))
            items.append({entry, *reason});
    }
    return items;
}

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/eligibility/scheduleentry.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

//! Why a scheduled patient's coverage needs the front desk before the visit.
enum class ActionReason {
    Rejected,       //!< the payer rejected the request (AAA): fix the coverage, verify again
    CouldNotVerify, //!< the payer could not be reached or did not answer: verify again
    Inactive,       //!< the payer says the coverage is not active: ask for current insurance
    NeedsReview,    //!< the payer answered with something to check (COB, name, date of birth)
    Expired,        //!< the last answer is too old or the plan has ended: verify again
    NotVerified,    //!< no answer yet, or none recent enough to rely on, or no coverage at all
};

//! Stable key of a reason ("rejected", "could_not_verify", ...), for styles, filters and tests.
QString actionReasonKey(ActionReason reason);

/*!
  One patient on today's or tomorrow's schedule whose coverage needs action, at their next
  visit: the schedule entry (appointment, patient, primary coverage, latest answer with its
  effective status) and why.
 */
struct ActionItem
{
    ScheduleEntry entry;
    ActionReason reason = ActionReason::NotVerified;

    /*!
      Why \a entry needs action as of \a nowUtc, or nothing when its coverage is in order: an
      active answer younger than \a reuseHours. A coverage without any answer, or whose last
      active answer is older than the clinic's reuse window, is not verified.
     */
    static std::optional<ActionReason> reasonFor(const ScheduleEntry &entry, int reuseHours,
                                                 const QDateTime &nowUtc);
    /*!
      The entries that need action, one per patient at their first visit still on the schedule
      (cancelled and no-show visits are not), ordered by the visit's start.
     */
    static QList<ActionItem> fromSchedule(const QList<ScheduleEntry> &entries, int reuseHours,
                                          const QDateTime &nowUtc);
};

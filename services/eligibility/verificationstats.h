// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/verification.h"
#include "services/domain/verificationsummary.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>

#include <functional>

//! The time windows the verification dashboard offers.
enum class StatsPeriod { Today, Last7Days, Last30Days };

/*!
  The span of \a period as UTC timestamps: from local midnight of the first day (today, 6 days
  ago or 29 days ago) to \a nowUtc. Days are the clerk's local calendar days, so the window
  follows daylight-saving changes.
 */
QPair<QDateTime, QDateTime> periodRange(StatsPeriod period, const QDateTime &nowUtc);

//! One bar of "most common rejection reasons".
struct ReasonCount
{
    QString key;    //!< stable grouping key: "aaa:72", "timeout", "server_error" ...
    QString reason; //!< translated, plain-language text
    int count = 0;
    bool operator==(const ReasonCount &) const = default;
};

/*!
  Key figures of a set of verification attempts, for the dashboard.

  Only finished attempts count: pending ones have no outcome yet and cancelled ones say nothing
  about the clearinghouse or the payer. An attempt succeeded when the payer answered (verified
  or needs review, also when that answer has since expired); it failed otherwise.
 */
struct VerificationStats
{
    //! The status shown for an attempt now (EligibilityService::effectiveStatus).
    using StatusFunction = std::function<VerificationStatus(const Verification &)>;

    static constexpr int TopReasonCount = 5;

    int total = 0;     //!< finished, not cancelled
    int succeeded = 0; //!< the payer answered
    int failed = 0;
    int pending = 0;          //!< not counted in total
    int cancelled = 0;        //!< not counted in total
    double successRate = 0.0; //!< 0..1, 0 when total is 0
    double failureRate = 0.0; //!< 0..1, 0 when total is 0
    double averageMs = 0.0;   //!< mean durationMs of the counted attempts
    int p95Ms = 0;            //!< 95th percentile of durationMs, nearest-rank
    //! Counted attempts per effective status; statuses with no attempts are absent.
    QMap<VerificationStatus, int> statusCounts;
    //! The TopReasonCount most frequent failure reasons, by count descending, then reason text.
    QList<ReasonCount> topReasons;

    bool isEmpty() const { return total == 0; }
    int statusCount(VerificationStatus status) const { return statusCounts.value(status, 0); }

    /*!
      Computes the figures of \a verifications. \a effectiveStatus gives the status for the
      breakdown; without it the stored status is used. No database access.
     */
    static VerificationStats compute(const QList<Verification> &verifications,
                                     const StatusFunction &effectiveStatus = {});
    //! The same figures from what SQL grouped and counted (EligibilityService::statistics()).
    static VerificationStats fromAggregates(const VerificationAggregates &aggregates);

    //! The reason a failed attempt is grouped under, one per AAA code for payer rejections.
    static QList<ReasonCount> failureReasons(const Verification &verification);

    bool operator==(const VerificationStats &) const = default;
};

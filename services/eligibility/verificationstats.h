// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/verification.h"
#include "services/domain/verificationsummary.h"
#include "services/eligibility/benefitsummary.h"

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
  about the clearinghouse or the payer. Every counted attempt is one of three outcomes:
  succeeded (the payer confirmed the coverage, or answered with something to review; also when
  that answer has since expired), inactive (the payer answered that the coverage is not active:
  an answer, but no success) or failed (rejected, or no answer).
 */
struct VerificationStats
{
    //! The status shown for an attempt now (EligibilityService::effectiveStatus).
    using StatusFunction = std::function<VerificationStatus(const Verification &)>;

    static constexpr int TopReasonCount = 5;

    int total = 0;     //!< finished, not cancelled: succeeded + inactive + failed
    int succeeded = 0; //!< the payer confirmed the coverage (or answered for review)
    int inactive = 0;  //!< the payer answered that the coverage is inactive
    int failed = 0;
    int pending = 0;           //!< not counted in total
    int cancelled = 0;         //!< not counted in total
    double successRate = 0.0;  //!< 0..1, 0 when total is 0
    double inactiveRate = 0.0; //!< 0..1, 0 when total is 0
    double failureRate = 0.0;  //!< 0..1, 0 when total is 0
    double averageMs = 0.0;    //!< mean durationMs of the counted attempts
    int p95Ms = 0;             //!< 95th percentile of durationMs, nearest-rank
    /*!
      Counted attempts by what the screens call them now: the verdict of the effective status,
      so a current inactive answer is INACTIVE (never ACTIVE) and an old one EXPIRED. Verdicts
      with no attempts are absent.
     */
    QMap<Verdict, int> verdictCounts;
    //! The TopReasonCount most frequent failure reasons, by count descending, then reason text.
    QList<ReasonCount> topReasons;

    bool isEmpty() const { return total == 0; }
    int verdictCount(Verdict verdict) const { return verdictCounts.value(verdict, 0); }

    /*!
      Computes the figures of \a verifications. \a effectiveStatus gives the status for the
      breakdown; without it the stored status is used. No database access.
     */
    static VerificationStats compute(const QList<Verification> &verifications,
                                     const StatusFunction &effectiveStatus = {});
    /*!
      The same figures from what SQL grouped and counted (EligibilityService::statistics()).
      \a inactive are the answers among those groups that said the coverage is inactive
      (VerificationRepository::inactiveAggregates()), grouped the same way.
     */
    static VerificationStats fromAggregates(const VerificationAggregates &aggregates,
                                            const QList<VerificationGroup> &inactive = {});
    //! The breakdown's verdict of an attempt with this effective status; \a inactive when the
    //! payer said the coverage is inactive.
    static Verdict breakdownVerdict(VerificationStatus effectiveStatus, bool inactive,
                                    VerificationError error = VerificationError::None);

    //! The reason a failed attempt is grouped under, one per AAA code for payer rejections.
    static QList<ReasonCount> failureReasons(const Verification &verification);

    bool operator==(const VerificationStats &) const = default;
};

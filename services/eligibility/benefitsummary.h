// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/verification.h"
#include "services/eligibility/accumulator.h"
#include "services/x12/eligibilityresult.h"

#include <QColor>
#include <QList>
#include <QString>

#include <optional>

//! One line of the benefits table the status panel and the report show: a cost-share with its
//! total and what remains, for one service, network and coverage level.
struct BenefitRow
{
    QString category;  // "Copay", "Coinsurance", "Deductible", "Out-of-pocket maximum" ...
    QString service;   // "Office visit", "Health benefit plan coverage" ...
    QString network;   // "In network", "Out of network", "" when not stated
    QString level;     // "Individual", "Family", ""
    QString amount;    // "$25.00 per visit", "20 %", "$1,500.00 per calendar year"
    QString remaining; // "$700.00" or ""
    QString notes;     // MSG texts, prior authorization
    std::optional<qint64> amountCents;
    std::optional<qint64> remainingCents;
    bool operator==(const BenefitRow &) const = default;
};

//! Answers at a glance, for the status panel, the tables, the schedule and the reports. One
//! vocabulary everywhere: a payer's refusal (AAA) is Rejected; a payer that was never reached or
//! did not answer (timeout, connection, HTTP error, busy) is CouldNotVerify.
enum class Verdict {
    None,
    Pending,
    Active,
    Inactive,
    NeedsReview,
    Rejected,
    CouldNotVerify,
    Cancelled,
    Expired
};

namespace BenefitSummary {
//! The benefits table: copays, coinsurance, deductibles and out-of-pocket maximums, with totals
//! and remaining amounts (EB06 29) merged on one row; other benefits with notes after them.
QList<BenefitRow> rows(const EligibilityResult &result);

//! The verdict from a status and the 271 alone: a failure with a (non-transient) AAA is
//! Rejected, any other failure CouldNotVerify.
Verdict verdict(VerificationStatus effectiveStatus, const std::optional<EligibilityResult> &result);
//! The verdict of one attempt, its status already the effective one; knows cancelled attempts.
Verdict verdict(const Verification &verification);
//! Every verdict, in the order above: for tests and legends.
QList<Verdict> allVerdicts();
QString verdictText(Verdict verdict); // "ACTIVE", "REJECTED", "COULD NOT VERIFY" ...
//! The verdict with the payer's reject reason codes: "REJECTED — AAA 72".
QString verdictText(Verdict verdict, const QStringList &aaaCodes);
//! What a list shows for one attempt: verdictText(verdict(v), v.aaaCodes).
QString statusText(const Verification &verification);
//! One line on why a payer rejected: "AAA 72: The member ID is invalid or missing."; empty when
//! the attempt was not a rejection.
QString rejectionText(const Verification &verification);
//! True when the payer answered about the coverage (active, inactive, needs review, or an
//! answer since expired): what "Last Verified" counts. A rejection or a timeout does not.
bool payerAnswered(VerificationStatus storedStatus);
QString verdictKey(Verdict verdict);  // "active", ... for styles and tests
QColor verdictColor(Verdict verdict); // badge background; readable as text on white too

//! The patient's copay for an office visit in network (EB*B for 98, else 30), if stated.
std::optional<qint64> officeCopayCents(const EligibilityResult &result);

//! "Deductible" or "Out-of-pocket maximum", with the level: "Deductible (family)".
QString accumulatorName(const Accumulator &accumulator);
//! "$800.00 of $1,500.00 met" (or what is stated when that cannot be worked out).
QString accumulatorText(const Accumulator &accumulator);

QString formatMoney(qint64 cents);
//! A fraction as a percentage: 0.2 → "20 %", 0.125 → "12.5 %".
QString formatPercent(double fraction);
QString serviceTypeName(const QString &code);
QString benefitCodeName(const QString &code);
QString timePeriodName(const QString &code);
QString coverageLevelName(const QString &code);
QString networkName(const QString &code);
QString dateRangeText(const QDate &from, const QDate &to);
//! A date as DateFormats shows it: 11/23/2026 in English, 23/11/2026 in Spanish.
QString formatDate(const QDate &date);
//! A time of day in the locale's short format (8:30 AM).
QString formatTime(const QTime &time);
//! Local date and time with a four-digit year.
QString formatDateTime(const QDateTime &dateTime);
} // namespace BenefitSummary

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/eligibility/benefitsummary.h"

#include "services/domain/dateformats.h"
#include "services/x12/eligibilitycodes.h"

#include <QCoreApplication>
#include <QHash>
#include <QLocale>
#include <QRegularExpression>

namespace BenefitSummary {
namespace {
// lupdate reads the context from here; the strings are looked up under it at run time.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(BenefitSummary)
};

// The C/POSIX locale (servers, CI) has no currency or US date order: use US English there.
QLocale displayLocale()
{
    return DateFormats::displayLocale();
}

// Cost-share benefits in the order the table lists them.
const char *const costShareCodes[] = {"B", "A", "C", "G", "F"};

bool isCostShare(const QString &code)
{
    for (const char *c : costShareCodes) {
        if (code == QLatin1String(c))
            return true;
    }
    return false;
}

QString serviceList(const QStringList &codes)
{
    QStringList names;
    for (const QString &code : codes)
        names << serviceTypeName(code);
    return names.join(QStringLiteral(", "));
}

QString periodSuffix(const QString &timePeriod)
{
    if (timePeriod == QLatin1String("27"))
        return Tr::tr("per visit");
    if (timePeriod == QLatin1String("23"))
        return Tr::tr("per calendar year");
    if (timePeriod == QLatin1String("22"))
        return Tr::tr("per service year");
    if (timePeriod == QLatin1String("32"))
        return Tr::tr("lifetime");
    if (timePeriod == QLatin1String("26"))
        return Tr::tr("per episode");
    if (timePeriod == QLatin1String("34"))
        return Tr::tr("per month");
    return {};
}

QString percentText(double fraction)
{
    return formatPercent(fraction);
}

struct Key
{
    QString code, level, network, services, procedure;
    bool operator==(const Key &) const = default;
};
} // namespace

QList<BenefitRow> rows(const EligibilityResult &result)
{
    QList<BenefitRow> out;
    QList<Key> keys;
    for (const char *code : costShareCodes) {
        for (const BenefitInfo &b : result.benefits) {
            if (b.code != QLatin1String(code))
                continue;
            const Key key{b.code, b.coverageLevel, b.network, b.serviceTypes.join(QLatin1Char(',')),
                          b.procedure};
            const bool remaining = b.timePeriod == QLatin1String("29");
            qsizetype index = keys.indexOf(key);
            // A benefit's total and its remaining amount share one row (same service,
            // network and level); a copay per visit never has a remaining amount.
            if (index >= 0 && remaining && !out[index].remainingCents && b.amountCents) {
                out[index].remainingCents = b.amountCents;
                out[index].remaining = formatMoney(*b.amountCents);
                continue;
            }
            if (index >= 0 && !remaining && !out[index].amountCents && b.amountCents &&
                out[index].remainingCents) {
                out[index].amountCents = b.amountCents;
                QString amount = formatMoney(*b.amountCents);
                if (const QString suffix = periodSuffix(b.timePeriod); !suffix.isEmpty())
                    amount += QLatin1Char(' ') + suffix;
                out[index].amount = amount;
                continue;
            }
            BenefitRow row;
            row.category = benefitCodeName(b.code);
            row.service = serviceList(b.serviceTypes);
            if (!b.procedure.isEmpty())
                row.service +=
                    (row.service.isEmpty() ? QString() : QStringLiteral(" ")) + b.procedure;
            row.network = networkName(b.network);
            row.level = coverageLevelName(b.coverageLevel);
            if (b.percent) {
                row.amount = percentText(*b.percent);
            } else if (b.amountCents && !remaining) {
                row.amountCents = b.amountCents;
                row.amount = formatMoney(*b.amountCents);
                if (const QString suffix = periodSuffix(b.timePeriod); !suffix.isEmpty())
                    row.amount += QLatin1Char(' ') + suffix;
            } else if (b.amountCents) {
                row.remainingCents = b.amountCents;
                row.remaining = formatMoney(*b.amountCents);
            }
            if (b.quantity) {
                const QString quantity =
                    displayLocale().toString(*b.quantity) + QLatin1Char(' ') +
                    (b.quantityQualifier == QLatin1String("VS")   ? Tr::tr("visits")
                     : b.quantityQualifier == QLatin1String("DY") ? Tr::tr("days")
                                                                  : b.quantityQualifier);
                row.amount =
                    row.amount.isEmpty() ? quantity : row.amount + QStringLiteral(", ") + quantity;
            }
            QStringList notes = b.messages;
            if (b.authorizationRequired == QLatin1String("Y"))
                notes.prepend(Tr::tr("Prior authorization required"));
            row.notes = notes.join(QStringLiteral("; "));
            out.append(row);
            keys.append(key);
        }
    }
    // Other informative benefits (limitations, exclusions, prior-authorization services).
    for (const BenefitInfo &b : result.benefits) {
        if (isCostShare(b.code) || b.code == QLatin1String("R"))
            continue;
        const bool plainStatus = (b.code.size() == 1 && b.code.at(0).isDigit()) &&
                                 b.authorizationRequired != QLatin1String("Y") &&
                                 b.messages.isEmpty() &&
                                 b.serviceTypes == QStringList{QStringLiteral("30")};
        if (plainStatus)
            continue; // the plan status line is shown above the table
        BenefitRow row;
        row.category = benefitCodeName(b.code);
        row.service = serviceList(b.serviceTypes);
        row.network = networkName(b.network);
        row.level = coverageLevelName(b.coverageLevel);
        QStringList notes = b.messages;
        if (b.authorizationRequired == QLatin1String("Y"))
            notes.prepend(Tr::tr("Prior authorization required"));
        row.notes = notes.join(QStringLiteral("; "));
        out.append(row);
    }
    return out;
}

namespace {
//! The AAA codes of a payer's refusal; the transient ones (42, 80: "try later") are no refusal.
QStringList rejectionCodes(const QStringList &codes)
{
    QStringList out;
    for (const QString &code : codes) {
        if (code != QLatin1String("42") && code != QLatin1String("80") && !out.contains(code))
            out.append(code);
    }
    return out;
}

bool isRefusal(const std::optional<EligibilityResult> &result)
{
    if (!result || result->rejections.isEmpty())
        return false;
    for (const AaaRejection &rejection : result->rejections) {
        if (!rejection.isTransient())
            return true;
    }
    return false;
}
} // namespace

Verdict verdict(VerificationStatus status, const std::optional<EligibilityResult> &result)
{
    switch (status) {
    case VerificationStatus::Pending:
        return Verdict::Pending;
    case VerificationStatus::Failed:
        return isRefusal(result) ? Verdict::Rejected : Verdict::CouldNotVerify;
    case VerificationStatus::ManualReview:
        return Verdict::NeedsReview;
    case VerificationStatus::Expired:
        return Verdict::Expired;
    case VerificationStatus::Verified:
        if (result && result->status == EligibilityResult::Status::Inactive)
            return Verdict::Inactive;
        return Verdict::Active;
    }
    return Verdict::None;
}

Verdict verdict(const Verification &v)
{
    if (v.status != VerificationStatus::Failed)
        return verdict(v.status, v.result);
    switch (v.error) {
    case VerificationError::Cancelled:
        return Verdict::Cancelled;
    case VerificationError::Rejected:
        return Verdict::Rejected;
    case VerificationError::None: // not known (a status alone): the 271 decides
        return verdict(v.status, v.result);
    default:
        // Timeout, HTTP, network, busy payer, unreadable or mismatched answer, missing data:
        // the payer said nothing about the coverage.
        return Verdict::CouldNotVerify;
    }
}

QList<Verdict> allVerdicts()
{
    return {Verdict::None,           Verdict::Pending,     Verdict::Active,
            Verdict::Inactive,       Verdict::NeedsReview, Verdict::Rejected,
            Verdict::CouldNotVerify, Verdict::Cancelled,   Verdict::Expired};
}

QString verdictText(Verdict verdict)
{
    switch (verdict) {
    case Verdict::None:
        return Tr::tr("NOT VERIFIED");
    case Verdict::Pending:
        //: A verification is running; upper case like the other statuses
        return Tr::tr("VERIFYING…");
    case Verdict::Active:
        return Tr::tr("ACTIVE");
    case Verdict::Inactive:
        return Tr::tr("INACTIVE");
    case Verdict::NeedsReview:
        return Tr::tr("NEEDS REVIEW");
    case Verdict::Rejected:
        //: The payer answered and refused the request (an AAA reject reason)
        return Tr::tr("REJECTED");
    case Verdict::CouldNotVerify:
        //: The payer could not be reached or did not answer (timeout, connection, HTTP error)
        return Tr::tr("COULD NOT VERIFY");
    case Verdict::Cancelled:
        //: Status of a verification the clerk stopped
        return Tr::tr("CANCELLED");
    case Verdict::Expired:
        return Tr::tr("EXPIRED");
    }
    return {};
}

QString verdictText(Verdict verdict, const QStringList &aaaCodes)
{
    const QStringList codes = rejectionCodes(aaaCodes);
    if (verdict != Verdict::Rejected || codes.isEmpty())
        return verdictText(verdict);
    //: %1 REJECTED, %2 the payer's reject reason codes (AAA03), e.g. "72"
    return Tr::tr("%1 — AAA %2").arg(verdictText(verdict), codes.join(QStringLiteral(", ")));
}

QString statusText(const Verification &verification)
{
    return verdictText(verdict(verification), verification.aaaCodes);
}

QString rejectionText(const Verification &verification)
{
    if (verdict(verification) != Verdict::Rejected || !verification.result)
        return {};
    QStringList lines;
    for (const AaaRejection &rejection : verification.result->rejections) {
        if (rejection.isTransient())
            continue;
        //: %1 the reject reason code (AAA03), %2 what it means
        lines << Tr::tr("AAA %1: %2").arg(rejection.code, rejection.reason());
    }
    lines.removeDuplicates();
    return lines.join(QLatin1Char('\n'));
}

bool payerAnswered(VerificationStatus storedStatus)
{
    return storedStatus == VerificationStatus::Verified ||
           storedStatus == VerificationStatus::ManualReview ||
           storedStatus == VerificationStatus::Expired;
}

QString verdictKey(Verdict verdict)
{
    switch (verdict) {
    case Verdict::None:
        return QStringLiteral("none");
    case Verdict::Pending:
        return QStringLiteral("pending");
    case Verdict::Active:
        return QStringLiteral("active");
    case Verdict::Inactive:
        return QStringLiteral("inactive");
    case Verdict::NeedsReview:
        return QStringLiteral("needs_review");
    case Verdict::Rejected:
        return QStringLiteral("rejected");
    case Verdict::CouldNotVerify:
        return QStringLiteral("could_not_verify");
    case Verdict::Cancelled:
        return QStringLiteral("cancelled");
    case Verdict::Expired:
        return QStringLiteral("expired");
    }
    return {};
}

QColor verdictColor(Verdict verdict)
{
    // Each is at least 4.5:1 against white and the window grey (tst_statusvocabulary).
    switch (verdict) {
    case Verdict::Active:
        return QColor(0x1b, 0x7f, 0x3b);
    case Verdict::Inactive:
        return QColor(0x8a, 0x1c, 0x1c);
    case Verdict::NeedsReview:
        return QColor(0x8f, 0x55, 0x00);
    case Verdict::Rejected:
        return QColor(0xb0, 0x23, 0x23);
    case Verdict::CouldNotVerify:
        return QColor(0x7a, 0x4a, 0x12);
    case Verdict::Expired:
        return QColor(0x6b, 0x5b, 0x95);
    case Verdict::Pending:
        return QColor(0x25, 0x63, 0xa8);
    case Verdict::None:
    case Verdict::Cancelled:
        break;
    }
    return QColor(0x66, 0x66, 0x66);
}

std::optional<qint64> officeCopayCents(const EligibilityResult &result)
{
    if (auto office = result.copayCents(QStringLiteral("98")))
        return office;
    return result.copayCents(QStringLiteral("30"));
}

QString formatMoney(qint64 cents)
{
    return displayLocale().toCurrencyString(double(cents) / 100.0, QStringLiteral("$"), 2);
}

QString accumulatorName(const Accumulator &a)
{
    const QString name = a.kind == Accumulator::Kind::Deductible ? Tr::tr("Deductible")
                                                                 : Tr::tr("Out-of-pocket maximum");
    if (a.level.isEmpty())
        return name;
    //: A deductible or out-of-pocket maximum and its coverage level: "Deductible (individual)"
    return Tr::tr("%1 (%2)").arg(name, coverageLevelName(a.level).toLower());
}

QString accumulatorText(const Accumulator &a)
{
    if (const auto met = a.metCents())
        return Tr::tr("%1 of %2 met").arg(formatMoney(*met), formatMoney(*a.totalCents));
    if (a.totalCents)
        return Tr::tr("%1; the payer did not say how much is met").arg(formatMoney(*a.totalCents));
    if (a.remainingCents)
        return Tr::tr("%1 left").arg(formatMoney(*a.remainingCents));
    return {};
}

QString formatPercent(double fraction)
{
    const double percent = fraction * 100.0;
    return displayLocale().toString(percent, 'f', percent == int(percent) ? 0 : 1) +
           QStringLiteral(" %");
}

QString serviceTypeName(const QString &code)
{
    return EligibilityCodes::serviceTypeName(code);
}

QString benefitCodeName(const QString &code)
{
    // Shorter names than the X12 ones for the cost-share rows a clerk reads most.
    if (code == QLatin1String("A"))
        return Tr::tr("Coinsurance");
    if (code == QLatin1String("B"))
        return Tr::tr("Copay");
    if (code == QLatin1String("G"))
        return Tr::tr("Out-of-pocket maximum");
    if (code == QLatin1String("1"))
        return Tr::tr("Active coverage");
    return EligibilityCodes::benefitCodeName(code);
}

QString timePeriodName(const QString &code)
{
    if (code == QLatin1String("29"))
        return Tr::tr("remaining");
    return periodSuffix(code);
}

QString coverageLevelName(const QString &code)
{
    return EligibilityCodes::coverageLevelName(code);
}

QString networkName(const QString &code)
{
    return EligibilityCodes::networkName(code);
}

QString formatDate(const QDate &date)
{
    return DateFormats::format(date, displayLocale());
}

QString formatTime(const QTime &time)
{
    return time.isValid() ? displayLocale().toString(time, QLocale::ShortFormat) : QString();
}

QString formatDateTime(const QDateTime &dateTime)
{
    if (!dateTime.isValid())
        return {};
    const QDateTime local = dateTime.toLocalTime();
    return formatDate(local.date()) + QLatin1Char(' ') + formatTime(local.time());
}

QString dateRangeText(const QDate &from, const QDate &to)
{
    if (!from.isValid() && !to.isValid())
        return Tr::tr("not stated");
    if (!to.isValid() || from == to)
        return QCoreApplication::translate("BenefitSummary", "from %1").arg(formatDate(from));
    if (!from.isValid())
        return QCoreApplication::translate("BenefitSummary", "until %1").arg(formatDate(to));
    return QCoreApplication::translate("BenefitSummary", "%1 to %2")
        .arg(formatDate(from), formatDate(to));
}
} // namespace BenefitSummary

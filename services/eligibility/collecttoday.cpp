// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/eligibility/collecttoday.h"

#include "services/eligibility/accumulator.h"
#include "services/eligibility/benefitsummary.h"

#include <QCoreApplication>

#include <algorithm>

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(CollectToday)
};

using BenefitSummary::formatMoney;

bool inNetwork(const BenefitInfo &benefit)
{
    return benefit.network.isEmpty() || benefit.network == QLatin1String("Y") ||
           benefit.network == QLatin1String("W");
}

bool isCostShare(const BenefitInfo &benefit)
{
    static const QStringList codes{QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"),
                                   QStringLiteral("G")};
    return codes.contains(benefit.code);
}

//! The in-network coinsurance (EB*A with EB08) for the service type, else the plan-wide one.
std::optional<double> coinsuranceFor(const EligibilityResult &result, const QString &serviceType)
{
    for (const QString &wanted : {serviceType, QStringLiteral("30")}) {
        for (const BenefitInfo &b : result.benefits) {
            if (b.code == QLatin1String("A") && b.percent && inNetwork(b) && b.appliesTo(wanted) &&
                b.procedure.isEmpty())
                return std::clamp(*b.percent, 0.0, 1.0);
        }
    }
    return std::nullopt;
}

//! `percent` (a fraction) of `cents`, rounded to the nearest cent, in whole numbers.
qint64 shareOf(qint64 cents, double percent)
{
    const qint64 basisPoints = qRound64(percent * 10000.0);
    return (cents * basisPoints + 5000) / 10000;
}

CollectToday unknown(CollectToday base, const QString &why)
{
    base.basis = CollectToday::Basis::Unknown;
    base.amountCents.reset();
    base.explanation = why;
    return base;
}
} // namespace

QString CollectToday::amountText() const
{
    return amountCents ? formatMoney(*amountCents) : Tr::tr("Unknown");
}

QString CollectToday::basisText() const
{
    switch (basis) {
    case Basis::Unknown:
        return Tr::tr("Cannot be worked out");
    case Basis::Copay:
        return Tr::tr("Copay");
    case Basis::Deductible:
        return Tr::tr("Deductible estimate");
    case Basis::Coinsurance:
        return Tr::tr("Coinsurance estimate");
    case Basis::OutOfPocketMet:
        return Tr::tr("Out-of-pocket maximum reached");
    }
    return {};
}

CollectTodayCalculator::CollectTodayCalculator(QList<VisitFee> fees, qint64 officeVisitCents)
    : m_fees(std::move(fees))
    , m_officeVisitCents(officeVisitCents)
{
}

bool CollectTodayCalculator::isListed(const QString &visitType) const
{
    const QString wanted = visitType.trimmed();
    return !wanted.isEmpty() && std::any_of(m_fees.cbegin(), m_fees.cend(), [&](const VisitFee &f) {
        return f.visitType.trimmed().compare(wanted, Qt::CaseInsensitive) == 0;
    });
}

VisitFee CollectTodayCalculator::feeFor(const QString &visitType) const
{
    const QString wanted = visitType.trimmed();
    for (const VisitFee &fee : m_fees) {
        if (!wanted.isEmpty() && fee.visitType.trimmed().compare(wanted, Qt::CaseInsensitive) == 0)
            return fee;
    }
    return VisitFee{wanted, VisitFees::officeVisitServiceType(), m_officeVisitCents};
}

CollectToday CollectTodayCalculator::calculate(const std::optional<EligibilityResult> &result,
                                               const QString &visitType) const
{
    const VisitFee fee = feeFor(visitType);
    CollectToday out;
    out.visitType = fee.visitType;
    out.serviceType = fee.serviceType;
    const QString service = BenefitSummary::serviceTypeName(fee.serviceType);
    //: How the visit type was chosen, inside the explanation of what to collect
    const QString visit =
        fee.visitType.isEmpty() ? Tr::tr("no visit today, office visit assumed")
        : isListed(fee.visitType)
            ? fee.visitType
            : Tr::tr("%1, not in Settings, office visit assumed").arg(fee.visitType);

    if (!result)
        return unknown(out, Tr::tr("Not verified: verify the insurance to work out what to "
                                   "collect."));
    if (result->status == EligibilityResult::Status::Inactive)
        return unknown(out, Tr::tr("The coverage is not active: the plan pays no share to work "
                                   "out."));
    if (!result->isActive())
        return unknown(out, Tr::tr("The payer did not answer with benefits."));
    if (std::none_of(result->benefits.cbegin(), result->benefits.cend(), isCostShare))
        return unknown(out, Tr::tr("No benefits returned: the payer stated no copay, deductible "
                                   "or coinsurance."));

    const auto outOfPocket = Accumulators::remaining(
        Accumulators::find(*result, Accumulator::Kind::OutOfPocket, fee.serviceType));
    if (outOfPocket && *outOfPocket == 0) {
        out.basis = CollectToday::Basis::OutOfPocketMet;
        out.amountCents = 0;
        out.explanation = Tr::tr("The out-of-pocket maximum is reached: the plan pays the rest "
                                 "(%1, visit type: %2).")
                              .arg(service, visit);
        return out;
    }
    //: Added when the amount is limited by the out-of-pocket maximum
    const auto capNote = [&] {
        return Tr::tr("Capped at the %1 left of the out-of-pocket maximum.")
            .arg(formatMoney(*outOfPocket));
    };

    if (const auto copay = result->copayCents(fee.serviceType, QStringLiteral("Y"))) {
        out.basis = CollectToday::Basis::Copay;
        out.amountCents = *copay;
        out.explanation = Tr::tr("In-network copay for %1 (visit type: %2).").arg(service, visit);
        if (outOfPocket && *outOfPocket < *copay) {
            out.amountCents = *outOfPocket;
            out.explanation += QLatin1Char(' ') + capNote();
        }
        return out;
    }

    const QList<Accumulator> deductibles =
        Accumulators::find(*result, Accumulator::Kind::Deductible, fee.serviceType);
    const auto coinsurance = coinsuranceFor(*result, fee.serviceType);
    if (deductibles.isEmpty() && !coinsurance)
        return unknown(out, Tr::tr("The payer stated no copay, deductible or coinsurance for %1 "
                                   "(visit type: %2).")
                                .arg(service, visit));
    const auto deductibleLeft = Accumulators::remaining(deductibles);
    if (!deductibles.isEmpty() && !deductibleLeft)
        return unknown(out, Tr::tr("No copay for %1 (visit type: %2), and the payer did not say "
                                   "how much of the deductible is left.")
                                .arg(service, visit));
    if (fee.chargeCents <= 0)
        return unknown(out, Tr::tr("No copay for %1 (visit type: %2), and no expected charge for "
                                   "it in Settings.")
                                .arg(service, visit));

    const qint64 charge = fee.chargeCents;
    const qint64 toDeductible = std::min(charge, deductibleLeft.value_or(0));
    const qint64 rest = charge - toDeductible;
    const qint64 coinsuranceCents = coinsurance ? shareOf(rest, *coinsurance) : 0;
    qint64 total = toDeductible + coinsuranceCents;

    QStringList steps;
    steps << Tr::tr("No copay for %1 (visit type: %2); estimated from the expected charge of %3.")
                 .arg(service, visit, formatMoney(charge));
    if (deductibleLeft && *deductibleLeft > 0)
        steps << Tr::tr("%1 toward the deductible (%2 left).")
                     .arg(formatMoney(toDeductible), formatMoney(*deductibleLeft));
    else if (deductibleLeft)
        steps << Tr::tr("The deductible is met.");
    if (rest > 0) {
        if (coinsurance)
            steps << Tr::tr("%1 coinsurance on the other %2: %3.")
                         .arg(BenefitSummary::formatPercent(*coinsurance), formatMoney(rest),
                              formatMoney(coinsuranceCents));
        else
            steps << Tr::tr("No coinsurance stated: the plan pays the other %1.")
                         .arg(formatMoney(rest));
    }
    if (outOfPocket && *outOfPocket < total) {
        total = *outOfPocket;
        steps << capNote();
    }
    out.basis =
        toDeductible > 0 ? CollectToday::Basis::Deductible : CollectToday::Basis::Coinsurance;
    out.amountCents = total;
    out.explanation = steps.join(QLatin1Char(' '));
    return out;
}

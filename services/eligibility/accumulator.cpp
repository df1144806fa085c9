// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/eligibility/accumulator.h"

#include <algorithm>

namespace {
bool inNetwork(const BenefitInfo &benefit)
{
    return benefit.network.isEmpty() || benefit.network == QLatin1String("Y") ||
           benefit.network == QLatin1String("W");
}

QString codeOf(Accumulator::Kind kind)
{
    return kind == Accumulator::Kind::Deductible ? QStringLiteral("C") : QStringLiteral("G");
}

QList<Accumulator> forServiceType(const EligibilityResult &result, Accumulator::Kind kind,
                                  const QString &serviceType)
{
    QList<Accumulator> found;
    const QString code = codeOf(kind);
    for (const BenefitInfo &b : result.benefits) {
        if (b.code != code || !b.amountCents || !inNetwork(b) || !b.appliesTo(serviceType) ||
            !b.procedure.isEmpty())
            continue;
        auto it = std::find_if(found.begin(), found.end(),
                               [&](const Accumulator &a) { return a.level == b.coverageLevel; });
        if (it == found.end()) {
            found.append(Accumulator{kind, b.coverageLevel, std::nullopt, std::nullopt});
            it = found.end() - 1;
        }
        // The first total and the first remaining amount of a level count; a later repeat
        // (another time period) does not overwrite them.
        if (b.timePeriod == QLatin1String("29")) {
            if (!it->remainingCents)
                it->remainingCents = b.amountCents;
        } else if (!it->totalCents) {
            it->totalCents = b.amountCents;
        }
    }
    // Individual before family, then any other level as stated.
    auto rank = [](const QString &level) {
        if (level == QLatin1String("IND"))
            return 0;
        if (level == QLatin1String("FAM"))
            return 1;
        return 2;
    };
    std::stable_sort(found.begin(), found.end(), [&](const Accumulator &a, const Accumulator &b) {
        return rank(a.level) < rank(b.level);
    });
    return found;
}
} // namespace

std::optional<qint64> Accumulator::metCents() const
{
    if (!totalCents || !remainingCents)
        return std::nullopt;
    return std::clamp(*totalCents - *remainingCents, qint64(0), std::max(*totalCents, qint64(0)));
}

std::optional<int> Accumulator::percentMet() const
{
    const auto met = metCents();
    if (!met || *totalCents <= 0)
        return std::nullopt;
    return int((*met * 100) / *totalCents);
}

namespace Accumulators {
QList<Accumulator> find(const EligibilityResult &result, Accumulator::Kind kind,
                        const QString &serviceType)
{
    if (serviceType != QLatin1String("30")) {
        const QList<Accumulator> specific = forServiceType(result, kind, serviceType);
        if (!specific.isEmpty())
            return specific;
    }
    return forServiceType(result, kind, QStringLiteral("30"));
}

std::optional<qint64> remaining(const QList<Accumulator> &accumulators)
{
    std::optional<qint64> smallest;
    for (const Accumulator &a : accumulators) {
        if (a.remainingCents && (!smallest || *a.remainingCents < *smallest))
            smallest = std::max(*a.remainingCents, qint64(0));
    }
    return smallest;
}
} // namespace Accumulators

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/x12/eligibilityresult.h"

#include <QList>
#include <QString>

#include <optional>

/*!
  How far a patient is through a yearly limit the 271 states with a total and what remains:
  the deductible (EB01 C) or the out-of-pocket maximum (EB01 G), for one coverage level.
 */
struct Accumulator
{
    enum class Kind { Deductible, OutOfPocket };

    Kind kind = Kind::Deductible;
    QString level;                        // EB02: IND, FAM (or empty when not stated)
    std::optional<qint64> totalCents;     // the limit for the period (EB06 other than 29)
    std::optional<qint64> remainingCents; // what is left of it (EB06 29)

    //! Met so far (total − remaining, never below zero or above the total); none unless both
    //! are stated.
    std::optional<qint64> metCents() const;
    //! Met so far as a whole percentage of the total (0–100); none when it cannot be worked out.
    std::optional<int> percentMet() const;
    //! True when what remains is zero (the limit is reached).
    bool isReached() const { return remainingCents && *remainingCents <= 0; }
    bool operator==(const Accumulator &) const = default;
};

namespace Accumulators {
/*!
  The in-network (EB12 Y, W or not stated) deductibles or out-of-pocket maximums of a 271 for
  a service type, individual first then family. Benefits stated for `serviceType` win over the
  plan-wide ones (30). Only levels with a total or a remaining amount are listed.
 */
QList<Accumulator> find(const EligibilityResult &result, Accumulator::Kind kind,
                        const QString &serviceType = QStringLiteral("30"));

/*!
  What is left before the limit applies to this patient: the smallest remaining amount over
  the levels (an individual deductible embedded in a family one is met when either is), or
  none when no level states one.
 */
std::optional<qint64> remaining(const QList<Accumulator> &accumulators);
} // namespace Accumulators

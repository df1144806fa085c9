// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/claim.h"
#include "services/domain/remittance.h"

#include <QList>

//! One remittance line and the line of our claim it pays for.
struct RemittanceLineMatch
{
    enum class How {
        Exact,    //!< same procedure code and the same modifiers
        CodeOnly, //!< same procedure code; the payer dropped or changed modifiers
        Position, //!< the codes differ; paired by their place in the claim
        None,     //!< nothing of ours is left for it
    };
    int remittanceLine = -1;
    int claimLine = -1; // -1 with How::None
    How how = How::None;
    bool operator==(const RemittanceLineMatch &) const = default;
};

/*!
  Ties a remittance to our claim and its lines to ours. Payers send lines back in their own
  order and often without the modifiers we billed, so lines are matched in three passes, each
  over what the earlier passes left: procedure code and modifiers (in any order), then the code
  alone, then the position in the claim.
 */
class RemittanceMatcher
{
public:
    //! The remittance answers this claim: CLP01 is our claim number, or CLP07 is the payer's
    //! number we were given (compared without case or surrounding spaces).
    static bool isForClaim(const Claim &claim, const Remittance &remittance);
    //! One entry per remittance line, in the remittance's order.
    static QList<RemittanceLineMatch> matchLines(const QList<ServiceLine> &ours,
                                                 const Remittance &remittance);
};

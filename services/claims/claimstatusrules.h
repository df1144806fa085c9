// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/claim.h"
#include "services/domain/payorjson.h"
#include "services/store/claimrepository.h"
#include "services/store/storeerror.h"

//! What applying a payor's word about a claim did.
struct ClaimStatusOutcome
{
    Claim claim;          // as stored afterwards
    bool changed = false; // false: old news, a repeat, or a step backwards (ignored)
    QString ignoredWhy;   // when not changed
};

/*!
  How a payor's word about a claim is applied, in the caller's transaction (ClaimService's
  own, or the live feed's when a webhook arrives): the claim is found by the payor's claim id,
  else our claim number, else `claimId`. Nothing changes when the payor's time is not newer
  than the status held, when the status would move the claim backwards (claimStatusRank), or
  when it says nothing new. A change writes the status and figures, the remittance (once, its
  arithmetic checked) and a timeline entry naming `source`.
 */
namespace ClaimStatusRules {
StoreResult<ClaimStatusOutcome> apply(ClaimRepository &repository,
                                      const PayorJson::ClaimStatusReport &report,
                                      ClaimEventSource source, qint64 claimId = 0);
//! The sentence a timeline shows for a report: the message and the coverage message.
QString sentence(const PayorJson::ClaimStatusReport &report);
} // namespace ClaimStatusRules

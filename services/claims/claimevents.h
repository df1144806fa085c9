// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/liveevent.h"

#include <QString>

class ClaimService;
class LiveFeed;

/*!
  The payor's webhooks as the hub delivers them to the desk: `claim_status_update` (its body's
  `data` is a claim status, see PayorJson) moves one of this desk's claims by the same rules as
  a reply or a sync (ClaimStatusRules), in the live feed's transaction. Another desk's claim is
  ignored here, not failed: every desk receives every payor event.
 */
namespace ClaimEvents {
//! Runs on the writer inside the feed's transaction.
LiveApplyOutcome applyStatusUpdate(const QString &connection, const LiveEvent &event);
//! The payor's claim id an event is about (empty when it names none).
QString payerClaimId(const LiveEvent &event);
//! Makes `feed` apply the payor's claim events and `claims` tell the screens.
void connectToFeed(LiveFeed *feed, ClaimService *claims);
} // namespace ClaimEvents

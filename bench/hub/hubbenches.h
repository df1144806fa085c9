// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The three measurements of clinichub_bench; each prints its figures and returns an exit code
// (non-zero only when it could not measure at all, never for a missed target).
#pragma once

#include <QString>

namespace HubBench {
//! Webhook to desk model, and the hub's acknowledgement, at a steady rate (clinichub on SQLite).
int runLatency(const QString &hubBinary);
//! The hub's sustained webhooks per second under many concurrent senders, and the desks'
//! catching up; on SQLite or (postgres = true) a throw-away PostgreSQL cluster.
int runThroughput(const QString &hubBinary, bool postgres);
//! Many desks losing the hub at once (SIGKILL, restart): how their reconnects spread, and how
//! long until all have resumed.
int runReconnectStorm(const QString &hubBinary);
} // namespace HubBench

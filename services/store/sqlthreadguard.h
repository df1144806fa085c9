// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

//! Catches SQL on the application's main (UI) thread, where a slow query freezes the window.
//! Every connection is handed out through Database::connection(), which calls check(). With the
//! environment variable CLINICDESK_SQL_GUARD=fatal (every test sets it) a violation aborts the
//! process; otherwise it is logged once, since a clerk's app should not crash over it.
namespace SqlThreadGuard {
//! True when the calling thread is the application's main thread.
bool onMainThread();
//! Reports SQL about to run on the main thread; `what` names the connection or operation.
void check(const char *what);
//! How many violations were seen (for tests of the guard itself).
int violations();
} // namespace SqlThreadGuard

-- SPDX-FileCopyrightText: 2026 ClinicDesk developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 14: the desk's secrets (the payor's API key and webhook secret, Metriport's API
-- key, the hub device token) live in the encrypted database, never in the INI file, which any
-- program of the user can read.
CREATE TABLE secrets (
    name       TEXT PRIMARY KEY CHECK (length(name) > 0),
    value      TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
) WITHOUT ROWID;

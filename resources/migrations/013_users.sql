-- SPDX-FileCopyrightText: 2026 ClinicDesk developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 13: named users with roles (HIPAA 164.312(a)(2)(i), unique user
-- identification), and the record of emergency ("break-glass") access.

-- Passwords are kept only as libsodium Argon2id strings (algorithm, parameters, salt and hash
-- in one). Failed sign-ins count towards a lockout; a deactivated user cannot sign in but
-- stays, since the audit trail names them.
CREATE TABLE users (
    id                  INTEGER PRIMARY KEY,
    user_name           TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(user_name)) > 0),
    full_name           TEXT NOT NULL DEFAULT '',
    role                TEXT NOT NULL
                        CHECK (role IN ('front_desk', 'biller', 'clinical', 'administrator')),
    password_hash       TEXT NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
    failed_attempts     INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
    locked_until        TEXT,
    active              INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at          TEXT NOT NULL,
    created_by          TEXT NOT NULL,
    password_changed_at TEXT NOT NULL
);

-- A user without the role opening a patient's records in an emergency: the reason is required,
-- the access expires, and an administrator reviews it.
CREATE TABLE break_glass (
    id          INTEGER PRIMARY KEY,
    user_name   TEXT NOT NULL,
    patient_id  INTEGER NOT NULL REFERENCES patients (id),
    reason      TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    opened_at   TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    reviewed_by TEXT,
    reviewed_at TEXT
);
CREATE INDEX break_glass_open ON break_glass (user_name, patient_id, expires_at);
CREATE INDEX break_glass_unreviewed ON break_glass (reviewed_at);

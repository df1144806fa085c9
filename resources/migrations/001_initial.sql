-- SPDX-FileCopyrightText: 2026 ClinicDesk developers
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 1: patients, payers, coverages, appointments and the audit log.
-- Applied inside one transaction by Database::open, which then sets PRAGMA user_version = 1.
-- Conventions: timestamps are UTC text 'yyyy-MM-ddTHH:mm:ss.zzzZ' (fixed width, so text order is
-- time order); dates are 'yyyy-MM-dd'; optional text is '' rather than NULL.

CREATE TABLE patients (
    id              INTEGER PRIMARY KEY,
    -- NOCASE: "mrn001" and "MRN001" are the same chart; also lets prefix search use the index.
    mrn             TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (mrn <> ''),
    first_name      TEXT NOT NULL DEFAULT '',
    middle_name     TEXT NOT NULL DEFAULT '',
    last_name       TEXT NOT NULL CHECK (last_name <> ''),
    -- Case-folded, accent-free copies written by PatientRepository (Unicode-aware, unlike
    -- SQLite's lower()), so as-you-type prefix search is an index range scan.
    first_name_key  TEXT NOT NULL DEFAULT '',
    last_name_key   TEXT NOT NULL DEFAULT '',
    date_of_birth   TEXT NOT NULL
                    CHECK (date_of_birth GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    gender          TEXT NOT NULL DEFAULT 'U' CHECK (gender IN ('F', 'M', 'U')),
    address_line1   TEXT NOT NULL DEFAULT '',
    address_line2   TEXT NOT NULL DEFAULT '',
    city            TEXT NOT NULL DEFAULT '',
    state           TEXT NOT NULL DEFAULT '',
    zip             TEXT NOT NULL DEFAULT '',
    phone           TEXT NOT NULL DEFAULT '',
    email           TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);

-- Serves both "ORDER BY last, first" and last-name prefix search.
CREATE INDEX patients_name ON patients (last_name_key, first_name_key);
CREATE INDEX patients_first_name ON patients (first_name_key);
CREATE INDEX patients_date_of_birth ON patients (date_of_birth);

CREATE TABLE payers (
    id   TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),
    name TEXT NOT NULL CHECK (name <> '')
);

INSERT INTO payers (id, name) VALUES
    ('INS001', 'BlueCross BlueShield'),
    ('INS002', 'Aetna Health'),
    ('INS003', 'United Healthcare'),
    ('HI12345', 'Health Insurance Premium');

CREATE TABLE coverages (
    id                    INTEGER PRIMARY KEY,
    patient_id            INTEGER NOT NULL REFERENCES patients (id) ON DELETE CASCADE,
    payer_id              TEXT NOT NULL REFERENCES payers (id),
    -- The payer's name when the coverage was entered; printed as the card shows it.
    payer_name            TEXT NOT NULL DEFAULT '',
    member_id             TEXT NOT NULL COLLATE NOCASE CHECK (member_id <> ''),
    group_number          TEXT NOT NULL DEFAULT '',
    plan_name             TEXT NOT NULL DEFAULT '',
    coverage_order        INTEGER NOT NULL DEFAULT 1 CHECK (coverage_order BETWEEN 1 AND 3),
    relationship          TEXT NOT NULL DEFAULT '18' CHECK (relationship IN ('18', '01', '19', 'G8')),
    subscriber_first_name TEXT NOT NULL DEFAULT '',
    subscriber_last_name  TEXT NOT NULL DEFAULT '',
    subscriber_dob        TEXT
                          CHECK (subscriber_dob GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    subscriber_gender     TEXT NOT NULL DEFAULT 'U' CHECK (subscriber_gender IN ('F', 'M', 'U')),
    active                INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    effective_date        TEXT
                          CHECK (effective_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    termination_date      TEXT
                          CHECK (termination_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
);

CREATE INDEX coverages_patient ON coverages (patient_id);
-- Uses the column's NOCASE collation, so member-ID prefix search is a range scan.
CREATE INDEX coverages_member_id ON coverages (member_id);

CREATE TABLE appointments (
    id               INTEGER PRIMARY KEY,
    patient_id       INTEGER NOT NULL REFERENCES patients (id) ON DELETE CASCADE,
    start_at         TEXT NOT NULL,
    duration_minutes INTEGER NOT NULL DEFAULT 15 CHECK (duration_minutes > 0),
    provider         TEXT NOT NULL DEFAULT '',
    visit_type       TEXT NOT NULL DEFAULT '',
    status           TEXT NOT NULL DEFAULT 'scheduled'
                     CHECK (status IN ('scheduled', 'checked_in', 'completed', 'cancelled',
                                       'no_show'))
);

CREATE INDEX appointments_start ON appointments (start_at);
CREATE INDEX appointments_patient ON appointments (patient_id);

-- Who did what to which entity. Identifiers only: never names, dates of birth or member IDs.
CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    user_name TEXT NOT NULL CHECK (user_name <> ''),
    action    TEXT NOT NULL CHECK (action <> ''),
    entity    TEXT NOT NULL DEFAULT '',
    entity_id INTEGER NOT NULL DEFAULT 0
);

-- An audit trail that can be edited proves nothing.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

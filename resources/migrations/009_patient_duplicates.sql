-- SPDX-FileCopyrightText: 2026 ClinicDesk developers
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 9: duplicate checks on registration and edit, and merging two charts of one
-- person (PatientService::findDuplicates, PatientService::mergePatients).

-- The duplicate check looks at the patients born the same day with a compatible sex: one seek
-- on this index per check, whatever the size of the registry. It starts with the date of
-- birth, so it also serves the date ranges of search and replaces the index on that alone.
DROP INDEX patients_date_of_birth;
CREATE INDEX patients_birth_sex ON patients (date_of_birth, gender);

-- A chart merged into another: its rows moved to the kept patient, it is kept (for the record
-- and for anything that still names its id) but no longer found by search or duplicate checks.
ALTER TABLE patients ADD COLUMN merged_into INTEGER REFERENCES patients (id);

-- Every merge, made by a person: which chart was kept, which merged, who, when, why, and how
-- many rows of each table moved ({"coverages": 2, "claims": 1, ...}: tables added later need
-- no new column). A chart is merged once.
CREATE TABLE patient_merges (
    id        INTEGER PRIMARY KEY,
    kept_id   INTEGER NOT NULL REFERENCES patients (id),
    merged_id INTEGER NOT NULL UNIQUE REFERENCES patients (id),
    user_name TEXT NOT NULL CHECK (user_name <> ''),
    merged_at TEXT NOT NULL,
    reason    TEXT NOT NULL DEFAULT '',
    moved     TEXT NOT NULL DEFAULT '{}',
    CHECK (kept_id <> merged_id)
);
CREATE INDEX patient_merges_kept ON patient_merges (kept_id);

-- Like the audit log, the record of merges is history: it is added to, never edited.
CREATE TRIGGER patient_merges_no_update BEFORE UPDATE ON patient_merges
BEGIN
    SELECT RAISE(ABORT, 'patient_merges is append-only');
END;

CREATE TRIGGER patient_merges_no_delete BEFORE DELETE ON patient_merges
BEGIN
    SELECT RAISE(ABORT, 'patient_merges is append-only');
END;

-- SPDX-FileCopyrightText: 2026 ClinicDesk developers
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 2: every eligibility verification attempt, with the raw X12 exchanged.

CREATE TABLE verifications (
    id            INTEGER PRIMARY KEY,
    -- Removing a coverage keeps its verification history (the patient still owns it).
    coverage_id   INTEGER REFERENCES coverages (id) ON DELETE SET NULL,
    patient_id    INTEGER NOT NULL REFERENCES patients (id) ON DELETE CASCADE,
    status        TEXT NOT NULL DEFAULT 'pending'
                  CHECK (status IN ('pending', 'verified', 'failed', 'manual_review', 'expired')),
    error         TEXT NOT NULL DEFAULT 'none',
    error_message TEXT NOT NULL DEFAULT '',
    aaa_codes     TEXT NOT NULL DEFAULT '',
    trace_number  TEXT NOT NULL DEFAULT '',
    service_types TEXT NOT NULL DEFAULT '',
    service_date  TEXT
                  CHECK (service_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    -- Plan end date the payer reported (EligibilityResult::coverageEnd()); lets expiry run in SQL.
    coverage_end  TEXT
                  CHECK (coverage_end GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    duration_ms   INTEGER NOT NULL DEFAULT 0,
    attempts      INTEGER NOT NULL DEFAULT 0,
    user_name     TEXT NOT NULL DEFAULT '',
    requested_at  TEXT NOT NULL,
    completed_at  TEXT,
    retry_of      INTEGER REFERENCES verifications (id) ON DELETE SET NULL,
    -- Large values last: SQLite walks a row's overflow pages to reach the columns after them,
    -- and the dashboard reads everything but the raw X12.
    result_json   TEXT,
    request_x12   BLOB,
    response_x12  BLOB
);

CREATE INDEX verifications_coverage ON verifications (coverage_id, requested_at);
CREATE INDEX verifications_requested ON verifications (requested_at);
CREATE INDEX verifications_patient ON verifications (patient_id, requested_at);
-- Foreign-key actions look up retries of a deleted row; without this they scan the table.
CREATE INDEX verifications_retry_of ON verifications (retry_of);

-- SPDX-FileCopyrightText: 2026 ClinicDesk developers
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 7: claims.
--
-- claims: one row per claim with the figures the dashboard lists (money in integer cents), so a
-- million claims page, filter and sort on indexes without opening anything else.
-- claim_diagnoses, claim_lines: the claim's codes, in order (a line points at diagnoses by their
-- 1-based position).
-- claim_timeline: every change, with where it came from and when.
-- claim_outbox: a claim to send, written in the transaction that queues it. Its idempotency key
-- is made once and used for every retry, so the payor stores the claim once however often it is
-- sent; state runs pending → inflight → succeeded | rejected | unknown.
-- remittances: the payor's answer about the money, per claim, with lines and adjustments as JSON.
-- payor_mappings: which payor an insurance ID routes to.

CREATE TABLE claims (
    id                       INTEGER PRIMARY KEY,
    claim_number             TEXT NOT NULL UNIQUE,
    patient_id               INTEGER REFERENCES patients (id),
    patient_name             TEXT NOT NULL,
    patient_name_key         TEXT NOT NULL,
    patient_dob              TEXT,
    patient_gender           TEXT NOT NULL DEFAULT 'U',
    coverage_id              INTEGER REFERENCES coverages (id) ON DELETE SET NULL,
    insurance_id             TEXT NOT NULL,
    payer_name               TEXT NOT NULL DEFAULT '',
    member_id                TEXT NOT NULL,
    billing_name             TEXT NOT NULL DEFAULT '',
    billing_npi              TEXT NOT NULL DEFAULT '',
    rendering_name           TEXT NOT NULL DEFAULT '',
    rendering_npi            TEXT NOT NULL DEFAULT '',
    place_of_service         TEXT NOT NULL DEFAULT '11',
    date_of_service          TEXT,
    priority                 TEXT NOT NULL DEFAULT 'medium'
                             CHECK (priority IN ('low', 'medium', 'high', 'urgent')),
    notes                    TEXT NOT NULL DEFAULT '',
    status                   TEXT NOT NULL CHECK (status IN (
                                 'draft', 'queued', 'submitted', 'accepted', 'rejected', 'pended',
                                 'paid', 'partially_paid', 'denied', 'corrected', 'voided',
                                 'appealed', 'closed', 'error')),
    frequency                INTEGER NOT NULL DEFAULT 1 CHECK (frequency IN (1, 7, 8)),
    replaces_claim_id        INTEGER REFERENCES claims (id),
    payer_claim_id           TEXT,
    payer_message            TEXT NOT NULL DEFAULT '',
    billed_cents             INTEGER NOT NULL DEFAULT 0,
    allowed_cents            INTEGER NOT NULL DEFAULT 0,
    paid_cents               INTEGER NOT NULL DEFAULT 0,
    patient_resp_cents       INTEGER NOT NULL DEFAULT 0,
    expected_payment_date    TEXT,
    coverage_override_by     TEXT NOT NULL DEFAULT '',
    coverage_override_reason TEXT NOT NULL DEFAULT '',
    appointment_id           INTEGER REFERENCES appointments (id) ON DELETE SET NULL,
    created_at               TEXT NOT NULL,
    status_changed_at        TEXT NOT NULL,
    updated_at               TEXT NOT NULL,
    -- The payor's own time of the status we hold: an update older than it changes nothing.
    payor_updated_at         TEXT
);
CREATE INDEX claims_status ON claims (status, status_changed_at);
CREATE INDEX claims_dos ON claims (date_of_service);
CREATE INDEX claims_updated ON claims (updated_at);
CREATE INDEX claims_billed ON claims (billed_cents);
CREATE INDEX claims_patient_name ON claims (patient_name_key);
CREATE INDEX claims_insurance ON claims (insurance_id);
CREATE INDEX claims_patient ON claims (patient_id);
CREATE UNIQUE INDEX claims_payer_claim ON claims (payer_claim_id) WHERE payer_claim_id IS NOT NULL;

CREATE TABLE claim_diagnoses (
    claim_id    INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL CHECK (position BETWEEN 1 AND 12),
    code        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (claim_id, position)
) WITHOUT ROWID;

CREATE TABLE claim_lines (
    claim_id       INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    position       INTEGER NOT NULL CHECK (position BETWEEN 1 AND 50),
    procedure_code TEXT NOT NULL,
    modifiers      TEXT NOT NULL DEFAULT '',  -- "25,59"
    units          INTEGER NOT NULL,
    charge_cents   INTEGER NOT NULL,
    pointers       TEXT NOT NULL DEFAULT '',  -- "1,2"
    description    TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (claim_id, position)
) WITHOUT ROWID;

CREATE TABLE claim_timeline (
    id       INTEGER PRIMARY KEY,
    claim_id INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    at       TEXT NOT NULL,
    status   TEXT NOT NULL,
    source   TEXT NOT NULL CHECK (source IN ('submission', 'payor', 'webhook', 'sync',
                                             'remittance', 'person')),
    message  TEXT NOT NULL DEFAULT '',
    actor    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX claim_timeline_claim ON claim_timeline (claim_id, id);

CREATE TABLE claim_outbox (
    claim_id         INTEGER PRIMARY KEY REFERENCES claims (id) ON DELETE CASCADE,
    idempotency_key  TEXT NOT NULL UNIQUE,
    payload          TEXT NOT NULL,
    payload_hash     TEXT NOT NULL,
    state            TEXT NOT NULL CHECK (state IN ('pending', 'inflight', 'succeeded',
                                                    'rejected', 'unknown')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TEXT NOT NULL,
    first_attempt_at TEXT,
    last_error       TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL
);
CREATE INDEX claim_outbox_due ON claim_outbox (next_attempt_at) WHERE state IN ('pending', 'inflight');

CREATE TABLE remittances (
    id             INTEGER PRIMARY KEY,
    claim_id       INTEGER REFERENCES claims (id) ON DELETE CASCADE,
    claim_number   TEXT NOT NULL,
    payer_claim_id TEXT NOT NULL DEFAULT '',
    source         TEXT NOT NULL,
    status_code    TEXT NOT NULL DEFAULT '',
    billed_cents   INTEGER NOT NULL,
    paid_cents     INTEGER NOT NULL,
    patient_resp_cents INTEGER NOT NULL DEFAULT 0,
    payment_date   TEXT,
    check_number   TEXT NOT NULL DEFAULT '',
    payer_name     TEXT NOT NULL DEFAULT '',
    balanced       INTEGER NOT NULL,
    balance_error  TEXT NOT NULL DEFAULT '',
    detail         TEXT NOT NULL,  -- lines, adjustments and remarks (the payor's JSON form)
    received_at    TEXT NOT NULL
);
CREATE INDEX remittances_claim ON remittances (claim_id);
-- One record per remittance: the same 835 imported twice, or the same answer synced twice.
CREATE UNIQUE INDEX remittances_once ON remittances (claim_number, source, check_number, paid_cents);

CREATE TABLE payor_mappings (
    insurance_id TEXT PRIMARY KEY,
    payor_name   TEXT NOT NULL,
    source       TEXT NOT NULL CHECK (source IN ('default', 'local', 'payor')),
    updated_at   TEXT NOT NULL
);
INSERT INTO payor_mappings (insurance_id, payor_name, source, updated_at) VALUES
    ('INS001', 'BlueCross BlueShield', 'default', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    ('INS002', 'Aetna Health', 'default', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    ('INS003', 'United Healthcare', 'default', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    ('HI12345', 'Health Insurance Premium', 'default', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

-- claim_prefix: four hex digits of this database in every claim number (CLM + prefix + id), so
-- two desks sending to one payor never send the same number.
CREATE TABLE claim_sync (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    last_sync_time TEXT,
    claim_prefix   TEXT NOT NULL
);
INSERT INTO claim_sync (id, claim_prefix) VALUES (1, upper(hex(randomblob(2))));

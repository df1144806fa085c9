-- SPDX-FileCopyrightText: 2026 ClinicDesk developers
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 11: the clinic's own allergy, medication and problem lists, and what staff
-- decided about each statement the outside records brought (reconciliation).
--
-- chart_items: a patient's chart. match_key is the code and code system (as the clinical
-- summary merges: "allergy|2.16.840.1.113883.6.88|7980"), so an outside statement is known to
-- be in the chart whatever words it came with; empty for an item entered without a code.
-- source_document_id: the outside document it was imported from (NULL: entered here).
CREATE TABLE chart_items (
    id INTEGER PRIMARY KEY,
    patient_id INTEGER NOT NULL REFERENCES patients (id),
    kind TEXT NOT NULL CHECK (kind IN ('allergy', 'medication', 'problem')),
    match_key TEXT NOT NULL DEFAULT '',
    code TEXT NOT NULL DEFAULT '',
    code_system TEXT NOT NULL DEFAULT '',
    code_system_name TEXT NOT NULL DEFAULT '',
    display TEXT NOT NULL CHECK (display != ''),
    status TEXT NOT NULL DEFAULT 'active'
        CHECK (status IN ('active', 'inactive', 'resolved')),
    reaction TEXT NOT NULL DEFAULT '',
    severity TEXT NOT NULL DEFAULT '',
    dose TEXT NOT NULL DEFAULT '',
    route TEXT NOT NULL DEFAULT '',
    frequency TEXT NOT NULL DEFAULT '',
    onset TEXT NOT NULL DEFAULT '',
    source_document_id INTEGER REFERENCES clinical_documents (id),
    added_by TEXT NOT NULL,
    added_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX chart_items_patient ON chart_items (patient_id, kind);

-- reconcile_decisions: one per decision a person took about an outside statement. fingerprint
-- is the statement's key with the details it came with, so the same statement seen again is
-- not asked again, and a changed one (another dose) is. Decisions are never edited: a later
-- decision about the same fingerprint is a new row.
CREATE TABLE reconcile_decisions (
    id INTEGER PRIMARY KEY,
    patient_id INTEGER NOT NULL REFERENCES patients (id),
    kind TEXT NOT NULL CHECK (kind IN ('allergy', 'medication', 'problem')),
    fingerprint TEXT NOT NULL,
    decision TEXT NOT NULL CHECK (decision IN ('accepted', 'edited', 'rejected')),
    chart_item_id INTEGER REFERENCES chart_items (id),
    reason TEXT NOT NULL DEFAULT '',
    decided_by TEXT NOT NULL,
    decided_at TEXT NOT NULL
);
CREATE INDEX reconcile_decisions_patient ON reconcile_decisions (patient_id, fingerprint);
CREATE TRIGGER reconcile_decisions_no_update BEFORE UPDATE OF kind, fingerprint, decision,
    chart_item_id, reason, decided_by, decided_at ON reconcile_decisions
BEGIN
    SELECT RAISE(ABORT, 'reconcile decisions are not edited');
END;

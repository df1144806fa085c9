-- SPDX-FileCopyrightText: 2026 ClinicDesk developers
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 10: patients linked to the Metriport network and their outside records.
--
-- network_links: one per local patient that staff linked to the network. The Metriport id is
-- unique: two local patients linked to one network patient is a duplicate to resolve, not a
-- state to keep. matched_existing: the network answered the create with someone it already
-- had (Metriport returns 201 either way); verified_by/at: a person confirmed the link.
CREATE TABLE network_links (
    patient_id INTEGER PRIMARY KEY REFERENCES patients (id),
    metriport_patient_id TEXT NOT NULL UNIQUE,
    facility_id TEXT NOT NULL,
    etag TEXT NOT NULL DEFAULT '',
    sync_status TEXT NOT NULL DEFAULT 'pending'
        CHECK (sync_status IN ('pending', 'in_progress', 'completed', 'failed')),
    sync_detail TEXT NOT NULL DEFAULT '',
    matched_existing INTEGER NOT NULL DEFAULT 0,
    verified_by TEXT,
    verified_at TEXT,
    query_request_id TEXT,
    query_started_at TEXT,
    linked_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- clinical_documents: every document and consolidated bundle the network announced for a
-- patient, from the announcement on. A row exists before its bytes are fetched, so a desk that
-- stops mid-download fetches it at the next start; (patient_id, source_id) makes an
-- announcement seen twice one row. content and sha256 are set together when stored.
CREATE TABLE clinical_documents (
    id INTEGER PRIMARY KEY,
    patient_id INTEGER NOT NULL REFERENCES patients (id),
    source_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('document', 'consolidated')),
    file_name TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    mime_type TEXT NOT NULL DEFAULT '',
    type_code TEXT NOT NULL DEFAULT '',
    type_display TEXT NOT NULL DEFAULT '',
    document_date TEXT,
    source TEXT NOT NULL DEFAULT '',
    size INTEGER,
    download_url TEXT,
    url_expires_at TEXT,
    status TEXT NOT NULL DEFAULT 'announced'
        CHECK (status IN ('announced', 'stored', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT NOT NULL DEFAULT '',
    next_attempt_at TEXT,
    sha256 TEXT,
    content BLOB,
    parsed TEXT NOT NULL DEFAULT '',
    announced_at TEXT NOT NULL,
    stored_at TEXT,
    UNIQUE (patient_id, source_id),
    CHECK ((status = 'stored') = (content IS NOT NULL AND sha256 IS NOT NULL))
);
CREATE INDEX clinical_documents_pending ON clinical_documents (status, next_attempt_at)
    WHERE status != 'stored';

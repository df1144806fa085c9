-- SPDX-FileCopyrightText: 2026 ClinicDesk developers
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 6: the hub's live feed.
--
-- live_cursor: where this desk stands in the hub's log. last_applied_seq moves in the same
-- transaction that applies an event, so an event at or below it is never applied again.
-- live_events: every event received, with what became of it (the Event Log window).
-- live_outbox: clinic events this desk must publish, written with the change they announce.
-- appointments.uid: one appointment across every desk's database.

CREATE TABLE live_cursor (
    id               INTEGER PRIMARY KEY CHECK (id = 1),
    device           TEXT NOT NULL,
    epoch            TEXT NOT NULL DEFAULT '',
    last_applied_seq INTEGER NOT NULL DEFAULT 0 CHECK (last_applied_seq >= 0),
    updated_at       TEXT
);
INSERT INTO live_cursor (id, device) VALUES (1, 'desk-' || lower(hex(randomblob(4))));

CREATE TABLE live_events (
    id            INTEGER PRIMARY KEY,
    epoch         TEXT NOT NULL,
    seq           INTEGER NOT NULL,
    kind          TEXT NOT NULL,
    event_type    TEXT NOT NULL,
    received_at   TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('applied', 'failed', 'ignored')),
    attempts      INTEGER NOT NULL DEFAULT 1,
    error         TEXT NOT NULL DEFAULT '',
    applied_at    TEXT,
    origin_device TEXT NOT NULL DEFAULT '',
    payload       TEXT NOT NULL,
    UNIQUE (epoch, seq)
);
CREATE INDEX live_events_failed ON live_events (status) WHERE status = 'failed';
CREATE INDEX live_events_type ON live_events (event_type);

CREATE TABLE live_outbox (
    id         TEXT PRIMARY KEY,
    event_type TEXT NOT NULL,
    payload    TEXT NOT NULL,
    created_at TEXT NOT NULL
);

ALTER TABLE appointments ADD COLUMN uid TEXT;
-- Existing visits get an id every desk computes alike (demo data is the same everywhere).
UPDATE appointments
   SET uid = 'appt-' || (SELECT mrn FROM patients WHERE patients.id = appointments.patient_id)
             || '-' || strftime('%Y%m%dT%H%MZ', start_at);
CREATE UNIQUE INDEX appointments_uid ON appointments (uid);

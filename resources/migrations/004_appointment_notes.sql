-- SPDX-FileCopyrightText: 2026 ClinicDesk developers
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 4: appointments booked, rescheduled and cancelled at the desk (AppointmentService):
-- their notes, why one was cancelled and when the desk last changed it, and the indexes behind
-- the conflict warning, a patient's upcoming visits and the provider and visit-type lists.

ALTER TABLE appointments ADD COLUMN notes TEXT NOT NULL DEFAULT '';
-- What the clerk gave as the reason when cancelling; '' for visits that are not cancelled.
ALTER TABLE appointments ADD COLUMN cancel_reason TEXT NOT NULL DEFAULT '';
-- When the desk last booked, changed or cancelled the visit; NULL for visits stored before
-- version 4 and for imported ones.
ALTER TABLE appointments ADD COLUMN updated_at TEXT;

-- "Does Dr. X already have a visit then?": a range of one provider's starts. NOCASE because
-- providers are typed: "dr. patel" and "Dr. Patel" are one person's schedule.
CREATE INDEX appointments_provider_start ON appointments (provider COLLATE NOCASE, start_at);
-- The visit-type list of the appointment form: one index seek per distinct value.
CREATE INDEX appointments_visit_type ON appointments (visit_type COLLATE NOCASE);

-- A patient's upcoming visits in order: a range of the patient's starts, no sort step.
DROP INDEX appointments_patient;
CREATE INDEX appointments_patient ON appointments (patient_id, start_at);

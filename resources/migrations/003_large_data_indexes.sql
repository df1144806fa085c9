-- SPDX-FileCopyrightText: 2026 ClinicDesk developers
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 3: indexes for a large clinic (a million patients and verifications), so that
-- start-up, search as you type and the dashboard cost the same at any size.

-- The dashboard counts a period's attempts by status, error and AAA codes and takes the 95th
-- percentile of their durations: every column it reads is in this index, so it never touches
-- the rows with their raw X12.
CREATE INDEX verifications_dashboard
    ON verifications (requested_at, status, error, duration_ms, completed_at, coverage_end,
                      aaa_codes);

-- Start-up closes attempts left pending and expires stale answers by status, not by a scan.
CREATE INDEX verifications_status_completed ON verifications (status, completed_at);
CREATE INDEX verifications_status_coverage_end ON verifications (status, coverage_end);

-- Member-ID search and its filter: the patient id is in the index, no row is read.
DROP INDEX coverages_member_id;
CREATE INDEX coverages_member_id ON coverages (member_id, patient_id);
DROP INDEX coverages_patient;
CREATE INDEX coverages_patient ON coverages (patient_id, member_id);

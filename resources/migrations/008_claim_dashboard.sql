-- SPDX-FileCopyrightText: 2026 ClinicDesk developers
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 8: the billers' claims dashboard over a million claims.
--
-- Every column the dashboard sorts on has an index (SQLite ends each with the id, which breaks
-- ties), so a page in any order is read by walking one index from where the last page ended,
-- whatever the page's depth. 007 has claim_number, patient_name_key, billed_cents,
-- updated_at and (status, status_changed_at); these are the rest.
CREATE INDEX claims_payer_name ON claims (payer_name);
CREATE INDEX claims_allowed ON claims (allowed_cents);
CREATE INDEX claims_paid ON claims (paid_cents);
CREATE INDEX claims_patient_resp ON claims (patient_resp_cents);
CREATE INDEX claims_status_changed ON claims (status_changed_at);
-- Claims without a date of service (drafts) sort as '' — first — and a page can seek past them,
-- which it could not past NULLs.
CREATE INDEX claims_dos_sort ON claims (ifnull(date_of_service, ''));

-- The figures of a filtered set (count, money, status breakdown, aging by date of service) are
-- summed from this index alone, without reading a claim: a status filter is a range of it, a
-- date range a range within each status, a payer checked in it.
CREATE INDEX claims_dashboard_totals ON claims (status, date_of_service, insurance_id, billed_cents,
                                                allowed_cents, paid_cents, patient_resp_cents);

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

-- A list filtered by status is read through this index: the payers are sought within each status
-- and the dates checked in the index, so only the claims that pass all three are read.
CREATE INDEX claims_filter ON claims (status, insurance_id, date_of_service);

-- Text search starts patient names on this index, and the list sorted by patient walks it (the
-- id next, so names that tie stay in id order). It also holds every column the figures of the
-- matching claims need (status, payer, date, money), so they are summed from the index alone.
-- It replaces 007's claims_patient_name, which it starts with.
DROP INDEX claims_patient_name;
CREATE INDEX claims_name_totals ON claims (patient_name_key, id, status, insurance_id,
                                           date_of_service, billed_cents, allowed_cents,
                                           paid_cents, patient_resp_cents);

-- The figures of the claims by status, payer and date of service ('' when none), kept by the
-- triggers below as claims are written: the dashboard's totals, status breakdown and aging for
-- any status, payer and date filter add up a few thousand of these rows instead of reading a
-- million claims.
CREATE TABLE claim_daily_totals (
    status             TEXT NOT NULL,
    insurance_id       TEXT NOT NULL,
    date_of_service    TEXT NOT NULL,
    claims             INTEGER NOT NULL,
    billed_cents       INTEGER NOT NULL,
    allowed_cents      INTEGER NOT NULL,
    paid_cents         INTEGER NOT NULL,
    patient_resp_cents INTEGER NOT NULL,
    PRIMARY KEY (status, insurance_id, date_of_service)
) WITHOUT ROWID;

INSERT INTO claim_daily_totals
    SELECT status, insurance_id, ifnull(date_of_service, ''), count(*), sum(billed_cents),
           sum(allowed_cents), sum(paid_cents), sum(patient_resp_cents)
    FROM claims GROUP BY status, insurance_id, ifnull(date_of_service, '');

CREATE TRIGGER claims_totals_insert AFTER INSERT ON claims BEGIN
    INSERT INTO claim_daily_totals VALUES (new.status, new.insurance_id,
        ifnull(new.date_of_service, ''), 1, new.billed_cents, new.allowed_cents, new.paid_cents,
        new.patient_resp_cents)
    ON CONFLICT (status, insurance_id, date_of_service) DO UPDATE SET
        claims = claims + 1, billed_cents = billed_cents + excluded.billed_cents,
        allowed_cents = allowed_cents + excluded.allowed_cents,
        paid_cents = paid_cents + excluded.paid_cents,
        patient_resp_cents = patient_resp_cents + excluded.patient_resp_cents;
END;

CREATE TRIGGER claims_totals_delete AFTER DELETE ON claims BEGIN
    UPDATE claim_daily_totals SET claims = claims - 1,
        billed_cents = billed_cents - old.billed_cents,
        allowed_cents = allowed_cents - old.allowed_cents,
        paid_cents = paid_cents - old.paid_cents,
        patient_resp_cents = patient_resp_cents - old.patient_resp_cents
    WHERE status = old.status AND insurance_id = old.insurance_id
      AND date_of_service = ifnull(old.date_of_service, '');
END;

CREATE TRIGGER claims_totals_update AFTER UPDATE OF status, insurance_id, date_of_service,
    billed_cents, allowed_cents, paid_cents, patient_resp_cents ON claims BEGIN
    UPDATE claim_daily_totals SET claims = claims - 1,
        billed_cents = billed_cents - old.billed_cents,
        allowed_cents = allowed_cents - old.allowed_cents,
        paid_cents = paid_cents - old.paid_cents,
        patient_resp_cents = patient_resp_cents - old.patient_resp_cents
    WHERE status = old.status AND insurance_id = old.insurance_id
      AND date_of_service = ifnull(old.date_of_service, '');
    INSERT INTO claim_daily_totals VALUES (new.status, new.insurance_id,
        ifnull(new.date_of_service, ''), 1, new.billed_cents, new.allowed_cents, new.paid_cents,
        new.patient_resp_cents)
    ON CONFLICT (status, insurance_id, date_of_service) DO UPDATE SET
        claims = claims + 1, billed_cents = billed_cents + excluded.billed_cents,
        allowed_cents = allowed_cents + excluded.allowed_cents,
        paid_cents = paid_cents + excluded.paid_cents,
        patient_resp_cents = patient_resp_cents + excluded.patient_resp_cents;
END;

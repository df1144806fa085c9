-- SPDX-FileCopyrightText: 2026 ClinicDesk developers
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 5: the dashboard counts answers that say the coverage is inactive on their own
-- (an INACTIVE answer is no success). This partial index holds only those rows, so counting
-- them reads those few rows and no other answer's JSON.

CREATE INDEX verifications_inactive
    ON verifications (requested_at, status, error, duration_ms, completed_at, coverage_end,
                      aaa_codes)
    WHERE json_extract(result_json, '$.status') = 'inactive';

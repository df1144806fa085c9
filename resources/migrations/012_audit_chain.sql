-- SPDX-FileCopyrightText: 2026 ClinicDesk developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 12: the audit trail becomes a hash chain. Each row carries the SHA-256 of the
-- row before it and of its own content (services/store/auditchain.h), so that an edit, a
-- deletion or a reordering made by hand, past the triggers, is found by `clinicdesk audit
-- verify`, which names the first row that does not hold.
ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
ALTER TABLE audit_log ADD COLUMN row_hash TEXT;

-- The one change a row may take: this upgrade hashing the rows written before the chain (their
-- hashes are still empty). A hashed row never changes.
DROP TRIGGER audit_log_no_update;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
WHEN OLD.row_hash IS NOT NULL OR NEW.row_hash IS NULL OR NEW.id IS NOT OLD.id
    OR NEW.at IS NOT OLD.at OR NEW.user_name IS NOT OLD.user_name OR NEW.action IS NOT OLD.action
    OR NEW.entity IS NOT OLD.entity OR NEW.entity_id IS NOT OLD.entity_id
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

-- A row written without its place in the chain would be a hole in it.
CREATE TRIGGER audit_log_chained BEFORE INSERT ON audit_log
WHEN NEW.prev_hash IS NULL OR length(NEW.prev_hash) <> 64
    OR NEW.row_hash IS NULL OR length(NEW.row_hash) <> 64
BEGIN
    SELECT RAISE(ABORT, 'audit_log rows must be chained');
END;

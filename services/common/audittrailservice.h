// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/access/accesscontrol.h"
#include "services/store/auditchain.h"
#include "services/store/auditlog.h"

#include <QFuture>

class Store;

/*!
  The audit trail as administrators and `clinicdesk audit verify` see it: whether its hash
  chain holds from the first row to the newest, and if not, the first row that does not.
  Read on a reader thread; it changes nothing.
 */
class AuditTrailService
{
public:
    explicit AuditTrailService(Store *store)
        : m_store(store)
    {
    }

    QFuture<StoreResult<AuditCheck>> verify() const;
    //! The rows `filter` selects, newest first (at most `limit`). With an AccessControl, only
    //! for who may read the audit trail (administrators).
    QFuture<StoreResult<QList<AuditEntry>>> entries(const AuditFilter &filter, int limit = 2000) const;
    void setAccessControl(AccessControl *access) { m_access = access; }

private:
    Store *m_store;
    AccessControl *m_access = nullptr;
};

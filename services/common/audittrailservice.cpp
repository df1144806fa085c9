// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/common/audittrailservice.h"

#include "services/store/store.h"

QFuture<StoreResult<QList<AuditEntry>>> AuditTrailService::entries(const AuditFilter &filter,
                                                                    int limit) const
{
    if (m_access && !m_access->can(Permission::AuditRead))
        return AccessControl::refused<QList<AuditEntry>>(m_access->refusal(Permission::AuditRead));
    return m_store->read([filter, limit](const QString &connection) {
        return AuditLog(connection).search(filter, limit);
    });
}

QFuture<StoreResult<AuditCheck>> AuditTrailService::verify() const
{
    return m_store->read([](const QString &connection) { return AuditChain(connection).verify(); });
}

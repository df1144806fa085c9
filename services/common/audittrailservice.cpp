// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/common/audittrailservice.h"

#include "services/store/store.h"

QFuture<StoreResult<AuditCheck>> AuditTrailService::verify() const
{
    return m_store->read([](const QString &connection) { return AuditChain(connection).verify(); });
}

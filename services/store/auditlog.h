// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/auditentry.h"
#include "services/store/storeerror.h"

#include <QDateTime>
#include <QList>
#include <QString>

//! The audit_log table: rows appended (each hashed into the chain, AuditChain), listed and
//! searched; never changed (triggers refuse UPDATE and DELETE).
class AuditLog
{
public:
    explicit AuditLog(QString connectionName)
        : m_connection(std::move(connectionName))
    {
    }

    //! Appends a row; the new row's id, or an error (nothing written) when the user or action
    //! is empty or the database refuses the row.
    StoreResult<qint64> record(const QString &user, const QString &action, const QString &entity,
                               qint64 entityId);
    StoreResult<QList<AuditEntry>> entries(int limit = 1000) const; // newest first; <= 0: all
    //! The rows `filter` selects, newest first, at most `limit`.
    StoreResult<QList<AuditEntry>> search(const AuditFilter &filter, int limit) const;

private:
    QString m_connection;
};

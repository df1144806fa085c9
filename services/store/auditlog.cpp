// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/store/auditlog.h"

#include "services/store/database.h"
#include "services/store/sqlvalues.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

StoreResult<qint64> AuditLog::record(const QString &user, const QString &action,
                                     const QString &entity, qint64 entityId)
{
    // An entry without a user proves nothing; refusing it makes callers pass one.
    if (user.trimmed().isEmpty() || action.trimmed().isEmpty()) {
        return StoreResult<qint64>::failure(QCoreApplication::translate(
            "Store", "The audit trail needs the user and the action; nothing was recorded."));
    }
    QSqlQuery query(Database::connection(m_connection));
    query.prepare(QStringLiteral("INSERT INTO audit_log (at, user_name, action, entity, entity_id) "
                                 "VALUES (?, ?, ?, ?, ?)"));
    query.addBindValue(SqlValues::fromTimestamp(SqlValues::nowUtc()));
    query.addBindValue(user.trimmed());
    query.addBindValue(action.trimmed());
    query.addBindValue(SqlValues::fromText(entity.trimmed()));
    query.addBindValue(entityId);
    if (!query.exec()) {
        return StoreResult<qint64>::failure(StoreErrors::describe(
            query.lastError(), QCoreApplication::translate("Store", "the audit trail")));
    }
    return query.lastInsertId().toLongLong();
}

StoreResult<QList<AuditEntry>> AuditLog::entries(int limit) const
{
    QSqlQuery query(Database::connection(m_connection));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT id, at, user_name, action, entity, entity_id "
                                 "FROM audit_log ORDER BY id DESC LIMIT ?"));
    query.addBindValue(limit > 0 ? limit : -1);
    QList<AuditEntry> entries;
    if (!query.exec()) {
        return StoreResult<QList<AuditEntry>>::failure(StoreErrors::describe(
            query.lastError(), QCoreApplication::translate("Store", "the audit trail")));
    }
    while (query.next()) {
        AuditEntry entry;
        entry.id = query.value(0).toLongLong();
        entry.at = SqlValues::toTimestamp(query.value(1));
        entry.user = query.value(2).toString();
        entry.action = query.value(3).toString();
        entry.entity = query.value(4).toString();
        entry.entityId = query.value(5).toLongLong();
        entries.append(entry);
    }
    if (query.lastError().isValid()) { // a row that could not be read ends the list early
        return StoreResult<QList<AuditEntry>>::failure(StoreErrors::describe(
            query.lastError(), QCoreApplication::translate("Store", "the audit trail")));
    }
    return entries;
}

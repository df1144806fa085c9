// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/store/auditlog.h"

#include "services/store/database.h"
#include "services/store/sqlvalues.h"

#include <QSqlQuery>

bool AuditLog::record(const QString &user, const QString &action, const QString &entity,
                      qint64 entityId)
{
    // An entry without a user proves nothing; refusing it makes callers pass one.
    if (user.trimmed().isEmpty() || action.trimmed().isEmpty())
        return false;
    QSqlQuery query(Database::connection(m_connection));
    query.prepare(QStringLiteral("INSERT INTO audit_log (at, user_name, action, entity, entity_id) "
                                 "VALUES (?, ?, ?, ?, ?)"));
    query.addBindValue(SqlValues::fromTimestamp(SqlValues::nowUtc()));
    query.addBindValue(user.trimmed());
    query.addBindValue(action.trimmed());
    query.addBindValue(SqlValues::fromText(entity.trimmed()));
    query.addBindValue(entityId);
    return query.exec();
}

QList<AuditEntry> AuditLog::entries(int limit) const
{
    QSqlQuery query(Database::connection(m_connection));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT id, at, user_name, action, entity, entity_id "
                                 "FROM audit_log ORDER BY id DESC LIMIT ?"));
    query.addBindValue(limit > 0 ? limit : -1);
    QList<AuditEntry> entries;
    if (!query.exec())
        return entries;
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
    return entries;
}

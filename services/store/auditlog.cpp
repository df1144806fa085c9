// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/store/auditlog.h"

#include "services/store/auditchain.h"
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
    // The row takes its place in the chain (AuditChain): the next id after the newest row, and
    // that row's hash. Writes are serialised on the writer's connection, inside the caller's
    // transaction, so nothing comes between the read and the insert; a second process writing
    // at once would take the same id and be refused by the key, never fork the chain.
    const QSqlDatabase db = Database::connection(m_connection);
    QSqlQuery head(db);
    head.setForwardOnly(true);
    if (!head.exec(QStringLiteral("SELECT id, row_hash FROM audit_log ORDER BY id DESC LIMIT 1"))) {
        return StoreResult<qint64>::failure(StoreErrors::describe(
            head.lastError(), QCoreApplication::translate("Store", "the audit trail")));
    }
    qint64 id = 1;
    QByteArray previous = AuditChain::genesis();
    if (head.next()) {
        id = head.value(0).toLongLong() + 1;
        previous = head.value(1).toString().toLatin1();
    }
    head.finish();
    const QString at = SqlValues::fromTimestamp(SqlValues::nowUtc()).toString();
    const QString trimmedUser = user.trimmed();
    const QString trimmedAction = action.trimmed();
    const QString trimmedEntity = entity.trimmed();
    const QByteArray hash = AuditChain::rowHash(previous, id, at, trimmedUser, trimmedAction,
                                                trimmedEntity, entityId);
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT INTO audit_log (id, at, user_name, action, entity, "
                                 "entity_id, prev_hash, row_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(id);
    query.addBindValue(at);
    query.addBindValue(trimmedUser);
    query.addBindValue(trimmedAction);
    query.addBindValue(SqlValues::fromText(trimmedEntity));
    query.addBindValue(entityId);
    query.addBindValue(QString::fromLatin1(previous));
    query.addBindValue(QString::fromLatin1(hash));
    if (!query.exec()) {
        return StoreResult<qint64>::failure(StoreErrors::describe(
            query.lastError(), QCoreApplication::translate("Store", "the audit trail")));
    }
    return id;
}

StoreResult<QList<AuditEntry>> AuditLog::entries(int limit) const
{
    return search(AuditFilter{}, limit);
}

StoreResult<QList<AuditEntry>> AuditLog::search(const AuditFilter &filter, int limit) const
{
    QStringList where;
    QVariantList values;
    if (!filter.user.isEmpty()) {
        where << QStringLiteral("user_name = ?");
        values << filter.user;
    }
    if (filter.action.endsWith(QLatin1Char('.'))) {
        // A family of actions: a range on the text, so the comparison stays exact.
        where << QStringLiteral("action >= ? AND action < ?");
        values << filter.action << SqlValues::prefixUpperBound(filter.action);
    } else if (!filter.action.isEmpty()) {
        where << QStringLiteral("action = ?");
        values << filter.action;
    }
    if (filter.patientId > 0) {
        where << QStringLiteral("entity = 'patient' AND entity_id = ?");
        values << filter.patientId;
    }
    if (filter.from.isValid()) {
        where << QStringLiteral("at >= ?");
        values << SqlValues::fromTimestamp(filter.from);
    }
    if (filter.to.isValid()) {
        where << QStringLiteral("at < ?");
        values << SqlValues::fromTimestamp(filter.to);
    }
    QSqlQuery query(Database::connection(m_connection));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT id, at, user_name, action, entity, entity_id "
                                 "FROM audit_log %1 ORDER BY id DESC LIMIT ?")
                      .arg(where.isEmpty() ? QString()
                                           : QStringLiteral("WHERE ") + where.join(QLatin1String(" AND "))));
    for (const QVariant &value : std::as_const(values))
        query.addBindValue(value);
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

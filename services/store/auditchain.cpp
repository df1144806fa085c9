// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/store/auditchain.h"

#include "services/store/database.h"
#include "services/store/sqlvalues.h"

#include <QCryptographicHash>
#include <QSqlError>
#include <QSqlQuery>

namespace {
void appendField(QByteArray &out, const QByteArray &field)
{
    out += QByteArray::number(field.size());
    out += ':';
    out += field;
    out += ';';
}
} // namespace

QByteArray AuditChain::genesis()
{
    return QByteArray(64, '0');
}

QByteArray AuditChain::rowHash(const QByteArray &prevHash, qint64 id, const QString &at,
                               const QString &user, const QString &action,
                               const QString &entity, qint64 entityId)
{
    QByteArray content;
    content.reserve(160);
    appendField(content, prevHash);
    appendField(content, QByteArray::number(id));
    appendField(content, at.toUtf8());
    appendField(content, user.toUtf8());
    appendField(content, action.toUtf8());
    appendField(content, entity.toUtf8());
    appendField(content, QByteArray::number(entityId));
    return QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex();
}

StoreResult<AuditCheck> AuditChain::verify() const
{
    QSqlQuery query(Database::connection(m_connection));
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT id, at, user_name, action, entity, entity_id, "
                                   "prev_hash, row_hash FROM audit_log ORDER BY id"))) {
        return StoreResult<AuditCheck>::failure(
            StoreErrors::describe(query.lastError(), tr("the audit trail")));
    }
    AuditCheck check;
    QByteArray previous = genesis();
    qint64 previousId = 0;
    while (query.next()) {
        const qint64 id = query.value(0).toLongLong();
        const QString at = query.value(1).toString();
        const QByteArray prevHash = query.value(6).toString().toLatin1();
        const QByteArray stored = query.value(7).toString().toLatin1();
        auto broken = [&](const QString &problem) {
            check.brokenRow = id;
            check.problem = problem;
        };
        if (prevHash != previous) {
            if (previousId == 0)
                broken(tr("Row %1 is the first row, but it was written after other rows: the "
                          "rows before it were deleted.").arg(id));
            else if (id != previousId + 1)
                broken(tr("Row %1 does not follow row %2: the rows between them (%3) were "
                          "deleted or moved.")
                           .arg(id)
                           .arg(previousId)
                           .arg(id - previousId - 1 == 1
                                    ? QString::number(previousId + 1)
                                    : tr("%1 to %2").arg(previousId + 1).arg(id - 1)));
            else
                broken(tr("Row %1 does not follow row %2: rows were moved, or one was replaced.")
                           .arg(id)
                           .arg(previousId));
            break;
        }
        const QByteArray computed =
            rowHash(prevHash, id, at, query.value(2).toString(), query.value(3).toString(),
                    query.value(4).toString(), query.value(5).toLongLong());
        if (stored != computed) {
            broken(tr("Row %1 was changed after it was written: its content no longer matches "
                      "its hash.").arg(id));
            break;
        }
        ++check.rows;
        if (!check.firstAt.isValid())
            check.firstAt = SqlValues::toTimestamp(at);
        check.lastAt = SqlValues::toTimestamp(at);
        previous = stored;
        previousId = id;
    }
    if (query.lastError().isValid() && check.ok()) {
        return StoreResult<AuditCheck>::failure(
            StoreErrors::describe(query.lastError(), tr("the audit trail")));
    }
    check.lastHash = previous;
    return check;
}

QString AuditChain::chainUnhashedRows(QSqlDatabase &db)
{
    struct Row
    {
        qint64 id;
        QString at, user, action, entity;
        qint64 entityId;
    };
    QList<Row> rows;
    QByteArray previous = genesis();
    {
        QSqlQuery query(db);
        query.setForwardOnly(true);
        if (!query.exec(QStringLiteral("SELECT id, at, user_name, action, entity, entity_id, "
                                       "row_hash FROM audit_log ORDER BY id")))
            return query.lastError().text();
        while (query.next()) {
            if (!query.value(6).isNull()) { // already chained: the chain goes on from it
                previous = query.value(6).toString().toLatin1();
                continue;
            }
            rows.append({query.value(0).toLongLong(), query.value(1).toString(),
                         query.value(2).toString(), query.value(3).toString(),
                         query.value(4).toString(), query.value(5).toLongLong()});
        }
    }
    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE audit_log SET prev_hash = ?, row_hash = ? WHERE id = ?"));
    for (const Row &row : std::as_const(rows)) {
        const QByteArray hash =
            rowHash(previous, row.id, row.at, row.user, row.action, row.entity, row.entityId);
        update.addBindValue(QString::fromLatin1(previous));
        update.addBindValue(QString::fromLatin1(hash));
        update.addBindValue(row.id);
        if (!update.exec())
            return update.lastError().text();
        previous = hash;
    }
    return {};
}

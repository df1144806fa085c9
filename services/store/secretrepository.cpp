// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/store/secretrepository.h"

#include "services/store/database.h"
#include "services/store/sqlvalues.h"

#include <QSqlError>
#include <QSqlQuery>

StoreResult<QHash<QString, QString>> SecretRepository::all() const
{
    QSqlQuery query(Database::connection(m_connection));
    if (!query.exec(QStringLiteral("SELECT name, value FROM secrets")))
        return StoreResult<QHash<QString, QString>>::failure(query.lastError().text());
    QHash<QString, QString> secrets;
    while (query.next())
        secrets.insert(query.value(0).toString(), query.value(1).toString());
    return secrets;
}

StoreResult<bool> SecretRepository::set(const QHash<QString, QString> &secrets,
                                        const QString &userName)
{
    QSqlDatabase db = Database::connection(m_connection);
    QSqlQuery upsert(db);
    upsert.prepare(QStringLiteral(
        "INSERT INTO secrets (name, value, updated_at, updated_by) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (name) DO UPDATE SET value = excluded.value, "
        "updated_at = excluded.updated_at, updated_by = excluded.updated_by "
        "WHERE value IS NOT excluded.value"));
    QSqlQuery remove(db);
    remove.prepare(QStringLiteral("DELETE FROM secrets WHERE name = ?"));
    const QVariant now = SqlValues::fromTimestamp(SqlValues::nowUtc());
    for (auto it = secrets.cbegin(); it != secrets.cend(); ++it) {
        QSqlQuery &query = it.value().isEmpty() ? remove : upsert;
        query.addBindValue(it.key());
        if (!it.value().isEmpty()) {
            query.addBindValue(it.value());
            query.addBindValue(now);
            query.addBindValue(userName);
        }
        if (!query.exec())
            return StoreResult<bool>::failure(query.lastError().text());
    }
    return StoreResult<bool>(true);
}

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/store/userrepository.h"

#include "services/store/database.h"
#include "services/store/sqlvalues.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace {
const QString columns = QStringLiteral(
    "id, user_name, full_name, role, password_hash, failed_attempts, locked_until, active, "
    "created_at, created_by, password_changed_at");

UserAccount readAccount(const QSqlQuery &query)
{
    UserAccount account;
    account.id = query.value(0).toLongLong();
    account.userName = query.value(1).toString();
    account.fullName = query.value(2).toString();
    account.role = roleFromCode(query.value(3).toString()).value_or(Role::FrontDesk);
    account.passwordHash = query.value(4).toString().toLatin1();
    account.failedAttempts = query.value(5).toInt();
    account.lockedUntil = SqlValues::toTimestamp(query.value(6));
    account.active = query.value(7).toInt() != 0;
    account.createdAt = SqlValues::toTimestamp(query.value(8));
    account.createdBy = query.value(9).toString();
    account.passwordChangedAt = SqlValues::toTimestamp(query.value(10));
    return account;
}

QString what()
{
    return QCoreApplication::translate("Store", "the users");
}

template<typename T> StoreResult<T> failed(const QSqlQuery &query)
{
    return StoreResult<T>::failure(StoreErrors::describe(query.lastError(), what()));
}

//! One UPDATE of one account; true when the account exists.
StoreResult<bool> updateOne(const QString &connection, const QString &sql,
                            const QVariantList &values)
{
    QSqlQuery query(Database::connection(connection));
    query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return failed<bool>(query);
    return query.numRowsAffected() > 0;
}
} // namespace

StoreResult<std::optional<UserAccount>> UserRepository::find(const QString &userName) const
{
    QSqlQuery query(Database::connection(m_connection));
    query.prepare(QStringLiteral("SELECT %1 FROM users WHERE user_name = ?").arg(columns));
    query.addBindValue(userName.trimmed());
    if (!query.exec())
        return failed<std::optional<UserAccount>>(query);
    if (!query.next())
        return std::optional<UserAccount>();
    return std::optional<UserAccount>(readAccount(query));
}

StoreResult<QList<UserAccount>> UserRepository::all() const
{
    QSqlQuery query(Database::connection(m_connection));
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT %1 FROM users ORDER BY user_name").arg(columns)))
        return failed<QList<UserAccount>>(query);
    QList<UserAccount> accounts;
    while (query.next())
        accounts.append(readAccount(query));
    return accounts;
}

StoreResult<int> UserRepository::count() const
{
    QSqlQuery query(Database::connection(m_connection));
    if (!query.exec(QStringLiteral("SELECT count(*) FROM users")) || !query.next())
        return failed<int>(query);
    return query.value(0).toInt();
}

StoreResult<qint64> UserRepository::create(const UserAccount &account)
{
    const QString now = SqlValues::fromTimestamp(SqlValues::nowUtc()).toString();
    QSqlQuery query(Database::connection(m_connection));
    query.prepare(QStringLiteral("INSERT INTO users (user_name, full_name, role, password_hash, "
                                 "active, created_at, created_by, password_changed_at) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(account.userName.trimmed());
    query.addBindValue(SqlValues::fromText(account.fullName.trimmed()));
    query.addBindValue(roleCode(account.role));
    query.addBindValue(QString::fromLatin1(account.passwordHash));
    query.addBindValue(account.active ? 1 : 0);
    query.addBindValue(now);
    query.addBindValue(SqlValues::fromText(account.createdBy));
    query.addBindValue(now);
    if (!query.exec()) {
        if (query.lastError().databaseText().contains(QLatin1String("UNIQUE"))) {
            return StoreResult<qint64>::failure(
                QCoreApplication::translate("Store", "There is already a user named %1.")
                    .arg(account.userName.trimmed()));
        }
        return failed<qint64>(query);
    }
    return query.lastInsertId().toLongLong();
}

StoreResult<UserAccount> UserRepository::recordFailure(qint64 id, int lockAfter,
                                                       const QDateTime &lockedUntil)
{
    const auto counted = updateOne(
        m_connection,
        QStringLiteral("UPDATE users SET failed_attempts = failed_attempts + 1, locked_until = "
                       "CASE WHEN failed_attempts + 1 >= ? THEN ? ELSE locked_until END "
                       "WHERE id = ?"),
        {lockAfter, SqlValues::fromTimestamp(lockedUntil), id});
    if (!counted)
        return StoreResult<UserAccount>::failure(counted.error());
    QSqlQuery query(Database::connection(m_connection));
    query.prepare(QStringLiteral("SELECT %1 FROM users WHERE id = ?").arg(columns));
    query.addBindValue(id);
    if (!query.exec() || !query.next())
        return failed<UserAccount>(query);
    return readAccount(query);
}

StoreResult<bool> UserRepository::recordSuccess(qint64 id)
{
    return updateOne(m_connection,
                     QStringLiteral("UPDATE users SET failed_attempts = 0, locked_until = NULL "
                                    "WHERE id = ?"),
                     {id});
}

StoreResult<bool> UserRepository::setPasswordHash(qint64 id, const QByteArray &hash)
{
    return updateOne(m_connection,
                     QStringLiteral("UPDATE users SET password_hash = ?, password_changed_at = ? "
                                    "WHERE id = ?"),
                     {QString::fromLatin1(hash), SqlValues::fromTimestamp(SqlValues::nowUtc()), id});
}

StoreResult<bool> UserRepository::setRole(qint64 id, Role role)
{
    return updateOne(m_connection, QStringLiteral("UPDATE users SET role = ? WHERE id = ?"),
                     {roleCode(role), id});
}

StoreResult<bool> UserRepository::setActive(qint64 id, bool active)
{
    return updateOne(m_connection, QStringLiteral("UPDATE users SET active = ? WHERE id = ?"),
                     {active ? 1 : 0, id});
}

StoreResult<bool> UserRepository::unlock(qint64 id)
{
    return recordSuccess(id);
}

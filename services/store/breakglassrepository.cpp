// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/store/breakglassrepository.h"

#include "services/store/auditlog.h"
#include "services/store/database.h"
#include "services/store/sqlvalues.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

using namespace SqlValues;

namespace {
BreakGlassGrant grantFrom(const QSqlQuery &query)
{
    BreakGlassGrant grant;
    grant.id = query.value(0).toLongLong();
    grant.userName = query.value(1).toString();
    grant.patientId = query.value(2).toLongLong();
    grant.reason = query.value(3).toString();
    grant.openedAt = toTimestamp(query.value(4));
    grant.expiresAt = toTimestamp(query.value(5));
    grant.reviewedBy = query.value(6).toString();
    return grant;
}

const QString columns = QStringLiteral(
    "id, user_name, patient_id, reason, opened_at, expires_at, coalesce(reviewed_by, '')");
} // namespace

StoreResult<BreakGlassGrant> BreakGlassRepository::open(const QString &userName, qint64 patientId,
                                                        const QString &reason, int minutes)
{
    QSqlDatabase db = Database::connection(m_connection);
    TransactionGuard transaction(db);
    if (!transaction.isActive())
        return StoreResult<BreakGlassGrant>::failure(transaction.describeError(
            QCoreApplication::translate("BreakGlass", "the emergency access")));
    BreakGlassGrant grant;
    grant.userName = userName;
    grant.patientId = patientId;
    grant.reason = reason.trimmed();
    grant.openedAt = nowUtc();
    grant.expiresAt = grant.openedAt.addSecs(qint64(minutes) * 60);
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT INTO break_glass (user_name, patient_id, reason, "
                                 "opened_at, expires_at) VALUES (?, ?, ?, ?, ?)"));
    query.addBindValue(userName);
    query.addBindValue(patientId);
    query.addBindValue(grant.reason);
    query.addBindValue(fromTimestamp(grant.openedAt));
    query.addBindValue(fromTimestamp(grant.expiresAt));
    if (!query.exec())
        return StoreResult<BreakGlassGrant>::failure(StoreErrors::describe(
            query.lastError(), QCoreApplication::translate("BreakGlass", "the emergency access")));
    grant.id = query.lastInsertId().toLongLong();
    const StoreResult<qint64> audited =
        AuditLog(m_connection).record(userName, QStringLiteral("break_glass.open"),
                                      QStringLiteral("patient"), patientId);
    if (!audited)
        return StoreResult<BreakGlassGrant>::failure(audited.error());
    if (!transaction.commit())
        return StoreResult<BreakGlassGrant>::failure(transaction.describeError(
            QCoreApplication::translate("BreakGlass", "the emergency access")));
    return grant;
}

StoreResult<QList<BreakGlassGrant>> BreakGlassRepository::active(const QString &userName,
                                                                 const QDateTime &now) const
{
    QSqlQuery query(Database::connection(m_connection));
    query.prepare(QStringLiteral("SELECT %1 FROM break_glass WHERE user_name = ? AND "
                                 "expires_at > ? ORDER BY id")
                      .arg(columns));
    query.addBindValue(userName);
    query.addBindValue(fromTimestamp(now));
    if (!query.exec())
        return StoreResult<QList<BreakGlassGrant>>::failure(query.lastError().text());
    QList<BreakGlassGrant> grants;
    while (query.next())
        grants.append(grantFrom(query));
    return grants;
}

StoreResult<QList<BreakGlassGrant>> BreakGlassRepository::unreviewed() const
{
    QSqlQuery query(Database::connection(m_connection));
    if (!query.exec(QStringLiteral("SELECT %1 FROM break_glass WHERE reviewed_at IS NULL "
                                   "ORDER BY id DESC")
                        .arg(columns)))
        return StoreResult<QList<BreakGlassGrant>>::failure(query.lastError().text());
    QList<BreakGlassGrant> grants;
    while (query.next())
        grants.append(grantFrom(query));
    return grants;
}

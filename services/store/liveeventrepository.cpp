// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/store/liveeventrepository.h"

#include "services/store/database.h"
#include "services/store/sqlvalues.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace {
const QString eventColumns = QStringLiteral(
    "id, epoch, seq, kind, event_type, received_at, status, attempts, error, applied_at, payload");

QString failed(const QSqlQuery &query)
{
    return StoreErrors::describe(query.lastError(),
                                 QCoreApplication::translate("Store", "the live event log"));
}

QString toJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject fromJson(const QVariant &value)
{
    return QJsonDocument::fromJson(value.toString().toUtf8()).object();
}

LiveEventRecord readRecord(const QSqlQuery &query)
{
    LiveEventRecord record;
    record.id = query.value(0).toLongLong();
    record.event.epoch = query.value(1).toString();
    record.event.seq = query.value(2).toLongLong();
    record.event.kind = query.value(3).toString();
    record.event.eventType = query.value(4).toString();
    record.event.receivedAt = SqlValues::toTimestamp(query.value(5));
    record.status = liveEventStatusFromKey(query.value(6).toString());
    record.attempts = query.value(7).toInt();
    record.error = query.value(8).toString();
    record.appliedAt = SqlValues::toTimestamp(query.value(9));
    record.event.payload = fromJson(query.value(10));
    return record;
}

template<typename T> StoreResult<T> fail(const QSqlQuery &query)
{
    return StoreResult<T>::failure(failed(query));
}
} // namespace

StoreResult<LiveCursor> LiveEventRepository::cursor() const
{
    QSqlQuery query(Database::connection(m_connection));
    if (!query.exec(QStringLiteral(
            "SELECT device, epoch, last_applied_seq FROM live_cursor WHERE id = 1")))
        return fail<LiveCursor>(query);
    if (!query.next())
        return StoreResult<LiveCursor>::failure(
            QCoreApplication::translate("Store", "The live feed's position is missing from the "
                                                 "database."));
    return LiveCursor{query.value(0).toString(), query.value(1).toString(),
                      query.value(2).toLongLong()};
}

StoreResult<bool> LiveEventRepository::advance(const QString &epoch, qint64 seq)
{
    QSqlQuery query(Database::connection(m_connection));
    query.prepare(QStringLiteral("UPDATE live_cursor SET last_applied_seq = ?, updated_at = ? "
                                 "WHERE id = 1 AND epoch = ? AND last_applied_seq <= ?"));
    query.addBindValue(seq);
    query.addBindValue(SqlValues::fromTimestamp(SqlValues::nowUtc()));
    query.addBindValue(epoch);
    query.addBindValue(seq);
    if (!query.exec())
        return fail<bool>(query);
    return query.numRowsAffected() == 1;
}

StoreResult<bool> LiveEventRepository::reset(const QString &epoch, qint64 seq)
{
    QSqlQuery query(Database::connection(m_connection));
    query.prepare(QStringLiteral(
        "UPDATE live_cursor SET epoch = ?, last_applied_seq = ?, updated_at = ? WHERE id = 1"));
    query.addBindValue(epoch);
    query.addBindValue(seq);
    query.addBindValue(SqlValues::fromTimestamp(SqlValues::nowUtc()));
    if (!query.exec())
        return fail<bool>(query);
    return true;
}

StoreResult<qint64> LiveEventRepository::record(const LiveEventRecord &record)
{
    QSqlQuery query(Database::connection(m_connection));
    query.prepare(QStringLiteral(
        "INSERT INTO live_events (epoch, seq, kind, event_type, received_at, status, attempts, "
        "error, applied_at, origin_device, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (epoch, seq) DO NOTHING"));
    query.addBindValue(record.event.epoch);
    query.addBindValue(record.event.seq);
    query.addBindValue(SqlValues::fromText(record.event.kind));
    query.addBindValue(SqlValues::fromText(record.event.eventType));
    query.addBindValue(SqlValues::fromTimestamp(record.event.receivedAt));
    query.addBindValue(liveEventStatusKey(record.status));
    query.addBindValue(record.attempts);
    query.addBindValue(SqlValues::fromText(record.error));
    query.addBindValue(SqlValues::fromTimestamp(record.appliedAt));
    query.addBindValue(SqlValues::fromText(record.event.originDevice()));
    query.addBindValue(toJson(record.event.payload));
    if (!query.exec())
        return fail<qint64>(query);
    return query.numRowsAffected() == 1 ? query.lastInsertId().toLongLong() : qint64(0);
}

StoreResult<bool> LiveEventRepository::updateOutcome(qint64 id, LiveEventStatus status,
                                                     const QString &error, int attempts)
{
    QSqlQuery query(Database::connection(m_connection));
    query.prepare(QStringLiteral("UPDATE live_events SET status = ?, error = ?, attempts = ?, "
                                 "applied_at = ? WHERE id = ?"));
    query.addBindValue(liveEventStatusKey(status));
    query.addBindValue(SqlValues::fromText(error));
    query.addBindValue(attempts);
    query.addBindValue(SqlValues::fromTimestamp(SqlValues::nowUtc()));
    query.addBindValue(id);
    if (!query.exec())
        return fail<bool>(query);
    return query.numRowsAffected() == 1;
}

StoreResult<std::optional<LiveEventRecord>> LiveEventRepository::find(qint64 id) const
{
    QSqlQuery query(Database::connection(m_connection));
    query.prepare(QStringLiteral("SELECT %1 FROM live_events WHERE id = ?").arg(eventColumns));
    query.addBindValue(id);
    if (!query.exec())
        return fail<std::optional<LiveEventRecord>>(query);
    if (!query.next())
        return std::optional<LiveEventRecord>();
    return std::optional<LiveEventRecord>(readRecord(query));
}

StoreResult<QList<LiveEventRecord>> LiveEventRepository::recent(int limit) const
{
    QSqlQuery query(Database::connection(m_connection));
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT %1 FROM live_events ORDER BY id DESC LIMIT ?").arg(eventColumns));
    query.addBindValue(limit);
    if (!query.exec())
        return fail<QList<LiveEventRecord>>(query);
    QList<LiveEventRecord> records;
    while (query.next())
        records.append(readRecord(query));
    return records;
}

StoreResult<QList<LiveEventRecord>> LiveEventRepository::retryable(int maxAttempts,
                                                                   int limit) const
{
    QSqlQuery query(Database::connection(m_connection));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM live_events WHERE status = 'failed' AND "
                                 "attempts < ? ORDER BY id LIMIT ?")
                      .arg(eventColumns));
    query.addBindValue(maxAttempts);
    query.addBindValue(limit);
    if (!query.exec())
        return fail<QList<LiveEventRecord>>(query);
    QList<LiveEventRecord> records;
    while (query.next())
        records.append(readRecord(query));
    return records;
}

StoreResult<LiveEventCounts> LiveEventRepository::counts() const
{
    QSqlQuery query(Database::connection(m_connection));
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT status, count(*) FROM live_events GROUP BY status")))
        return fail<LiveEventCounts>(query);
    LiveEventCounts counts;
    while (query.next()) {
        const qint64 n = query.value(1).toLongLong();
        counts.received += n;
        switch (liveEventStatusFromKey(query.value(0).toString())) {
        case LiveEventStatus::Applied: counts.applied += n; break;
        case LiveEventStatus::Failed: counts.failed += n; break;
        case LiveEventStatus::Ignored: counts.ignored += n; break;
        }
    }
    if (!query.exec(QStringLiteral("SELECT event_type, count(*) AS n FROM live_events "
                                   "GROUP BY event_type ORDER BY n DESC, event_type")))
        return fail<LiveEventCounts>(query);
    while (query.next())
        counts.perType.append({query.value(0).toString(), query.value(1).toLongLong()});
    return counts;
}

StoreResult<bool> LiveEventRepository::enqueue(const LiveOutboxItem &item)
{
    QSqlQuery query(Database::connection(m_connection));
    query.prepare(QStringLiteral(
        "INSERT INTO live_outbox (id, event_type, payload, created_at) VALUES (?, ?, ?, ?)"));
    query.addBindValue(item.id.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces)
                                         : item.id);
    query.addBindValue(item.eventType);
    query.addBindValue(toJson(item.payload));
    query.addBindValue(SqlValues::fromTimestamp(item.createdAt.isValid() ? item.createdAt
                                                                        : SqlValues::nowUtc()));
    if (!query.exec())
        return fail<bool>(query);
    return true;
}

StoreResult<QList<LiveOutboxItem>> LiveEventRepository::outbox(int limit) const
{
    QSqlQuery query(Database::connection(m_connection));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT id, event_type, payload, created_at FROM live_outbox "
                                 "ORDER BY created_at, id LIMIT ?"));
    query.addBindValue(limit);
    if (!query.exec())
        return fail<QList<LiveOutboxItem>>(query);
    QList<LiveOutboxItem> items;
    while (query.next()) {
        items.append({query.value(0).toString(), query.value(1).toString(),
                      fromJson(query.value(2)), SqlValues::toTimestamp(query.value(3))});
    }
    return items;
}

StoreResult<bool> LiveEventRepository::removeFromOutbox(const QString &id)
{
    QSqlQuery query(Database::connection(m_connection));
    query.prepare(QStringLiteral("DELETE FROM live_outbox WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return fail<bool>(query);
    return query.numRowsAffected() == 1;
}

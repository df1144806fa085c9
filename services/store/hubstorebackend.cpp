// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/store/hubstorebackend.h"

#include "services/store/postgreseventlog.h"
#include "services/store/sqliteeventlog.h"
#include "services/store/database.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>

namespace {
QString isoUtc(const QDateTime &when)
{
    return when.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

QDateTime fromIsoUtc(const QString &text)
{
    QDateTime when = QDateTime::fromString(text, Qt::ISODateWithMs);
    return when.toUTC();
}

//! A NULL of type text, for an empty business key (NULLs never collide in a UNIQUE index).
QVariant nullableText(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

QString newEpoch()
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    return QByteArray(reinterpret_cast<const char *>(words), sizeof words).toHex();
}

//! The identity of a delivery inside one batch.
QString batchKey(const QString &kind, const QString &value)
{
    return kind + QChar(0x1f) + value;
}
} // namespace

HubStoreBackend::HubStoreBackend(QString connectionName)
    : m_connectionName(std::move(connectionName))
{
}

HubStoreBackend::~HubStoreBackend() = default;

QSqlDatabase HubStoreBackend::database() const
{
    return Database::connection(m_connectionName);
}

bool HubStoreBackend::exec(QSqlDatabase &db, const QString &sql, QString *error)
{
    QSqlQuery query(db);
    if (query.exec(sql))
        return true;
    if (error)
        *error = errorOf(query);
    return false;
}

QString HubStoreBackend::errorOf(const QSqlQuery &query)
{
    const QSqlError error = query.lastError();
    const QString text = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    return text.trimmed();
}

void HubStoreBackend::close()
{
    Database::close(m_connectionName);
}

bool HubStoreBackend::listen(std::function<void(qint64)>, QString *)
{
    return false;
}

bool HubStoreBackend::finishSchema(QSqlDatabase &, QString *)
{
    return true;
}

bool HubStoreBackend::beforeCommit(QSqlDatabase &, qint64, QString *)
{
    return true;
}

bool HubStoreBackend::open(Position *position, QString *error)
{
    if (!connectDatabase(error))
        return false;
    QSqlDatabase db = database();
    QString failure;
    if (!createSchema(db, &failure) || !readEpoch(db, &position->epoch, &failure) ||
        !readPosition(position, &failure)) {
        *error = QCoreApplication::translate("HubStore", "Cannot open the hub's event log %1: %2")
                     .arg(describe(), failure);
        close();
        return false;
    }
    return true;
}

bool HubStoreBackend::createSchema(QSqlDatabase &db, QString *error)
{
    if (!begin(db, error))
        return false;
    bool ok = checkSchema(db, error);
    const QStringList statements = schemaStatements();
    for (const QString &statement : statements) {
        if (!ok)
            break;
        ok = exec(db, statement, error);
    }
    if (ok) {
        // ON CONFLICT DO NOTHING: the first hub to create the log sets the epoch for good.
        const QList<std::pair<QString, QString>> rows = {
            {QStringLiteral("epoch"), newEpoch()},
            {QStringLiteral("created"), isoUtc(QDateTime::currentDateTimeUtc())},
            {QStringLiteral("schema_version"), QString::number(schemaVersion)},
        };
        for (const auto &[key, value] : rows) {
            QSqlQuery query(db);
            query.prepare(QStringLiteral("INSERT INTO hub_meta (key, value) VALUES (?, ?) "
                                         "ON CONFLICT (key) DO NOTHING"));
            query.addBindValue(key);
            query.addBindValue(value);
            if (!query.exec()) {
                *error = errorOf(query);
                ok = false;
                break;
            }
        }
    }
    ok = ok && exec(db,
                    QStringLiteral("INSERT INTO hub_counter (id, last_seq) VALUES (1, 0) "
                                   "ON CONFLICT (id) DO NOTHING"),
                    error);
    ok = ok && finishSchema(db, error);
    ok = ok && exec(db, QStringLiteral("COMMIT"), error);
    if (!ok)
        exec(db, QStringLiteral("ROLLBACK"), nullptr);
    return ok;
}

bool HubStoreBackend::readEpoch(QSqlDatabase &db, QString *epoch, QString *error)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT value FROM hub_meta WHERE key = 'epoch'"))) {
        *error = errorOf(query);
        return false;
    }
    if (!query.next() || query.value(0).toString().isEmpty()) {
        *error = QStringLiteral("no epoch");
        return false;
    }
    *epoch = query.value(0).toString();
    return true;
}

bool HubStoreBackend::readPosition(Position *position, QString *error)
{
    QSqlDatabase db = database();
    if (!db.isOpen()) {
        *error = QCoreApplication::translate("HubStore", "the database cannot be reached");
        return false;
    }
    // One statement, one snapshot: the counter and the oldest event agree.
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT last_seq, (SELECT MIN(seq) FROM hub_events) "
                                   "FROM hub_counter WHERE id = 1"))) {
        *error = errorOf(query);
        return false;
    }
    if (!query.next()) {
        *error = QStringLiteral("no counter row");
        return false;
    }
    position->lastSeq = query.value(0).toLongLong();
    position->firstRetained = query.isNull(1) ? position->lastSeq + 1 : query.value(1).toLongLong();
    return true;
}

HubStoreBackend::Outcome HubStoreBackend::write(const Batch &batch)
{
    Outcome outcome;
    if (!database().isOpen())
        recover(); // the connection was lost earlier: try again before giving up on this batch
    QSqlDatabase db = database();
    QString error;
    if (!db.isOpen()) {
        outcome.error = QCoreApplication::translate("HubStore", "the database cannot be reached");
        return outcome;
    }
    auto fail = [&](const QString &why) {
        exec(db, QStringLiteral("ROLLBACK"), nullptr);
        Outcome failed;
        failed.error = why;
        return failed;
    };
    if (!begin(db, &error)) {
        outcome.error = error;
        return outcome;
    }

    QSqlQuery counter(db);
    if (!counter.exec(lockCounterStatement()) || !counter.next())
        return fail(errorOf(counter));
    const qint64 before = counter.value(0).toLongLong();
    qint64 last = before;

    QSqlQuery byId(db);
    QSqlQuery byKey(db);
    QSqlQuery insertEvent(db);
    QSqlQuery insertDelivery(db);
    if (!batch.deliveries.isEmpty()) {
        const bool prepared =
            byId.prepare(QStringLiteral(
                "SELECT seq FROM hub_deliveries WHERE kind = ? AND delivery_id = ?")) &&
            byKey.prepare(QStringLiteral(
                "SELECT seq FROM hub_deliveries WHERE kind = ? AND business_key = ?")) &&
            insertEvent.prepare(
                QStringLiteral("INSERT INTO hub_events (seq, kind, event_type, received_at, "
                               "payload) VALUES (?, ?, ?, ?, ?)")) &&
            insertDelivery.prepare(
                QStringLiteral("INSERT INTO hub_deliveries (kind, delivery_id, business_key, "
                               "seq) VALUES (?, ?, ?, ?)"));
        if (!prepared) {
            for (const QSqlQuery *query : {&byId, &byKey, &insertEvent, &insertDelivery}) {
                if (query->lastError().isValid())
                    return fail(errorOf(*query));
            }
            return fail(QStringLiteral("cannot prepare statements"));
        }
    }
    // Seq of an earlier stored event, 0 when none, -1 on failure.
    auto lookup = [&](QSqlQuery &query, const QString &kind, const QString &value) -> qint64 {
        query.bindValue(0, kind);
        query.bindValue(1, value);
        if (!query.exec())
            return -1;
        const qint64 seq = query.next() ? query.value(0).toLongLong() : 0;
        query.finish();
        return seq;
    };

    // Deliveries already handled in this batch: two identical webhooks arriving together.
    QHash<QString, qint64> batchIds;
    QHash<QString, qint64> batchKeys;
    outcome.results.reserve(batch.deliveries.size());
    for (const HubDelivery &delivery : batch.deliveries) {
        AppendResult result;
        if (delivery.kind.isEmpty() || delivery.deliveryId.isEmpty()) {
            result.error = QStringLiteral("a delivery needs a kind and a delivery id");
            outcome.results.append(result);
            continue;
        }
        const QString idKey = batchKey(delivery.kind, delivery.deliveryId);
        const QString businessKey = delivery.businessKey.isEmpty()
                                        ? QString()
                                        : batchKey(delivery.kind, delivery.businessKey);
        qint64 earlier = batchIds.value(idKey);
        if (earlier == 0 && !businessKey.isEmpty())
            earlier = batchKeys.value(businessKey);
        if (earlier == 0) {
            earlier = lookup(byId, delivery.kind, delivery.deliveryId);
            if (earlier == 0 && !businessKey.isEmpty())
                earlier = lookup(byKey, delivery.kind, delivery.businessKey);
            if (earlier < 0)
                return fail(errorOf(byId.lastError().isValid() ? byId : byKey));
        }
        if (earlier > 0) {
            result.ok = true;
            result.duplicate = true;
            result.seq = earlier;
            outcome.results.append(result);
            continue;
        }

        HubEvent event;
        event.seq = ++last;
        event.kind = delivery.kind;
        event.eventType = delivery.eventType;
        event.receivedAt = delivery.receivedAt.isValid() ? delivery.receivedAt.toUTC()
                                                         : QDateTime::currentDateTimeUtc();
        event.payload = delivery.payload;
        insertEvent.bindValue(0, event.seq);
        insertEvent.bindValue(1, event.kind);
        insertEvent.bindValue(2, event.eventType);
        insertEvent.bindValue(3, isoUtc(event.receivedAt));
        insertEvent.bindValue(4, event.payload);
        if (!insertEvent.exec())
            return fail(errorOf(insertEvent));
        insertDelivery.bindValue(0, delivery.kind);
        insertDelivery.bindValue(1, delivery.deliveryId);
        insertDelivery.bindValue(2, nullableText(delivery.businessKey));
        insertDelivery.bindValue(3, event.seq);
        if (!insertDelivery.exec())
            return fail(errorOf(insertDelivery));

        batchIds.insert(idKey, event.seq);
        if (!businessKey.isEmpty())
            batchKeys.insert(businessKey, event.seq);
        result.ok = true;
        result.seq = event.seq;
        outcome.results.append(result);
        outcome.added.append(event);
    }

    if (last != before) {
        QSqlQuery update(db);
        update.prepare(QStringLiteral("UPDATE hub_counter SET last_seq = ? WHERE id = 1"));
        update.addBindValue(last);
        if (!update.exec())
            return fail(errorOf(update));
    }

    if (!batch.audits.isEmpty()) {
        QSqlQuery insert(db);
        insert.prepare(
            QStringLiteral("INSERT INTO hub_audit (at, what, peer, detail) VALUES (?, ?, ?, ?)"));
        for (const HubAuditEntry &entry : batch.audits) {
            insert.bindValue(0, isoUtc(entry.at.isValid() ? entry.at : batch.now));
            insert.bindValue(1, entry.what);
            insert.bindValue(2, entry.peer);
            insert.bindValue(3, entry.detail);
            if (!insert.exec())
                return fail(errorOf(insert));
        }
    }

    if (!batch.acks.isEmpty()) {
        // Cumulative acks only move forward, even when two hubs record the same device.
        QSqlQuery upsert(db);
        upsert.prepare(QStringLiteral("INSERT INTO hub_devices (device, acked_seq, last_seen) "
                                      "VALUES (?, ?, ?) ON CONFLICT (device) DO UPDATE SET "
                                      "acked_seq = %1(hub_devices.acked_seq, excluded.acked_seq), "
                                      "last_seen = excluded.last_seen")
                           .arg(greatestFunction()));
        for (auto it = batch.acks.cbegin(); it != batch.acks.cend(); ++it) {
            upsert.bindValue(0, it.key());
            upsert.bindValue(1, it.value());
            upsert.bindValue(2, isoUtc(batch.now));
            if (!upsert.exec())
                return fail(errorOf(upsert));
        }
    }

    if (last != before && !beforeCommit(db, last, &error))
        return fail(error);
    if (!exec(db, QStringLiteral("COMMIT"), &error))
        return fail(error);
    outcome.ok = true;
    outcome.lastSeq = last;
    return outcome;
}

bool HubStoreBackend::readAfter(qint64 afterSeq, qint64 upToSeq, int limit, QList<HubEvent> *events,
                                QString *error)
{
    QSqlDatabase db = database();
    if (!db.isOpen()) {
        *error = QCoreApplication::translate("HubStore", "the database cannot be reached");
        return false;
    }
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT seq, kind, event_type, received_at, payload "
                                 "FROM hub_events WHERE seq > ? AND seq <= ? "
                                 "ORDER BY seq LIMIT ?"));
    query.addBindValue(afterSeq);
    query.addBindValue(upToSeq);
    query.addBindValue(qMax(0, limit));
    if (!query.exec()) {
        *error = errorOf(query);
        return false;
    }
    while (query.next()) {
        HubEvent event;
        event.seq = query.value(0).toLongLong();
        event.kind = query.value(1).toString();
        event.eventType = query.value(2).toString();
        event.receivedAt = fromIsoUtc(query.value(3).toString());
        event.payload = query.value(4).toByteArray();
        events->append(event);
    }
    return true;
}

bool HubStoreBackend::prune(const QDateTime &before, int *removed, qint64 *firstRetained,
                            QString *error)
{
    QSqlDatabase db = database();
    if (!begin(db, error))
        return false;
    auto fail = [&](const QSqlQuery &query) {
        *error = errorOf(query);
        exec(db, QStringLiteral("ROLLBACK"), nullptr);
        return false;
    };
    // The log stays a contiguous range: delete the oldest events up to the first one to keep,
    // even if a later one (another hub's clock) is older than `before`.
    QSqlQuery keep(db);
    keep.prepare(
        QStringLiteral("SELECT COALESCE((SELECT MIN(seq) FROM hub_events WHERE received_at >= ?), "
                       "(SELECT last_seq + 1 FROM hub_counter WHERE id = 1))"));
    keep.addBindValue(isoUtc(before));
    if (!keep.exec() || !keep.next())
        return fail(keep);
    const qint64 keepFrom = keep.value(0).toLongLong();

    QSqlQuery events(db);
    events.prepare(QStringLiteral("DELETE FROM hub_events WHERE seq < ?"));
    events.addBindValue(keepFrom);
    if (!events.exec())
        return fail(events);
    *removed = events.numRowsAffected();
    QSqlQuery deliveries(db);
    deliveries.prepare(QStringLiteral("DELETE FROM hub_deliveries WHERE seq < ?"));
    deliveries.addBindValue(keepFrom);
    if (!deliveries.exec())
        return fail(deliveries);
    if (!exec(db, QStringLiteral("COMMIT"), error)) {
        exec(db, QStringLiteral("ROLLBACK"), nullptr);
        return false;
    }
    Position position;
    if (!readPosition(&position, error))
        return false;
    *firstRetained = position.firstRetained;
    return true;
}

bool HubStoreBackend::readAcks(QHash<QString, qint64> *acks, QString *error)
{
    QSqlQuery query(database());
    if (!query.exec(QStringLiteral("SELECT device, acked_seq FROM hub_devices"))) {
        *error = errorOf(query);
        return false;
    }
    while (query.next())
        acks->insert(query.value(0).toString(), query.value(1).toLongLong());
    return true;
}

bool HubStoreBackend::readAudit(int limit, QList<HubAuditEntry> *entries, QString *error)
{
    QSqlQuery query(database());
    query.prepare(
        QStringLiteral("SELECT at, what, peer, detail FROM hub_audit ORDER BY id DESC LIMIT ?"));
    query.addBindValue(qMax(0, limit));
    if (!query.exec()) {
        *error = errorOf(query);
        return false;
    }
    while (query.next()) {
        entries->append({fromIsoUtc(query.value(0).toString()), query.value(1).toString(),
                         query.value(2).toString(), query.value(3).toString()});
    }
    return true;
}

bool isPostgresSpec(const QString &spec)
{
    return spec.startsWith(QLatin1String("postgresql://"), Qt::CaseInsensitive) ||
           spec.startsWith(QLatin1String("postgres://"), Qt::CaseInsensitive);
}

std::unique_ptr<HubStoreBackend> makeHubStoreBackend(const QString &spec,
                                                     const QString &connectionName)
{
    if (isPostgresSpec(spec))
        return std::make_unique<PostgresEventLog>(spec, connectionName);
    return std::make_unique<SqliteEventLog>(spec, connectionName);
}

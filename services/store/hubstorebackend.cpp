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
    forgetStatements();
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

QSqlQuery *HubStoreBackend::prepared(const QString &sql, QString *error)
{
    auto found = m_statements.find(sql);
    if (found != m_statements.end())
        return &found->second;
    QSqlQuery query(database());
    query.setForwardOnly(true);
    if (!query.prepare(sql)) {
        *error = errorOf(query);
        return nullptr;
    }
    return &m_statements.emplace(sql, query).first->second;
}

void HubStoreBackend::forgetStatements()
{
    m_statements.clear();
}

namespace {
//! `count` copies of `item` joined by `separator`.
QString repeated(const QString &item, int count, const QString &separator)
{
    QStringList items;
    items.reserve(count);
    for (int i = 0; i < count; ++i)
        items.append(item);
    return items.join(separator);
}

//! The statement size for `rows` rows: a power of two, so few statement shapes are prepared.
int roundedUp(int rows)
{
    int size = 1;
    while (size < rows)
        size *= 2;
    return size;
}

int roundedDown(int rows)
{
    int size = 1;
    while (size * 2 <= rows)
        size *= 2;
    return size;
}
} // namespace

bool HubStoreBackend::findStored(const QString &column,
                                 const QList<std::pair<QString, QString>> &keys,
                                 QHash<QString, qint64> *seqs, QString *error)
{
    if (keys.isEmpty())
        return true;
    // The lookups are padded to a power of two by repeating the last one (which changes
    // nothing) so that the same few statements are reused.
    Q_ASSERT(keys.size() <= maxRowsPerStatement);
    const int size = roundedUp(int(keys.size()));
    // A join against the keys, not an OR of conditions: PostgreSQL plans 64 ORed conditions
    // twenty times slower than it runs them, a VALUES list it plans at once (and both use the
    // unique index).
    QSqlQuery *query = prepared(
        QStringLiteral("SELECT d.kind, d.%1, d.seq FROM (VALUES %2) AS k JOIN hub_deliveries AS d "
                       "ON d.kind = k.column1 AND d.%1 = k.column2")
            .arg(column, repeated(QStringLiteral("(?, ?)"), size, QStringLiteral(", "))),
        error);
    if (!query)
        return false;
    for (int i = 0; i < size; ++i) {
        const auto &[kind, value] = keys.at(qMin(i, int(keys.size()) - 1));
        query->bindValue(2 * i, kind);
        query->bindValue(2 * i + 1, value);
    }
    if (!query->exec()) {
        *error = errorOf(*query);
        return false;
    }
    while (query->next()) {
        seqs->insert(batchKey(query->value(0).toString(), query->value(1).toString()),
                     query->value(2).toLongLong());
    }
    query->finish();
    return true;
}

bool HubStoreBackend::insertRows(const QString &into, int columns, qsizetype count,
                                 const std::function<void(QSqlQuery *, int, qsizetype)> &bindRow,
                                 QString *error)
{
    const QString row =
        QLatin1Char('(') + repeated(QStringLiteral("?"), columns, QStringLiteral(", ")) +
        QLatin1Char(')');
    for (qsizetype from = 0; from < count;) {
        // Power-of-two sizes: a batch of any size is made of a few statements already prepared.
        const int rows = roundedDown(int(qMin<qsizetype>(count - from, maxRowsPerStatement)));
        QSqlQuery *insert = prepared(
            QStringLiteral("INSERT INTO %1 VALUES %2")
                .arg(into, repeated(row, rows, QStringLiteral(", "))),
            error);
        if (!insert)
            return false;
        for (int i = 0; i < rows; ++i)
            bindRow(insert, i * columns, from + i);
        if (!insert->exec()) {
            *error = errorOf(*insert);
            return false;
        }
        insert->finish();
        from += rows;
    }
    return true;
}

bool HubStoreBackend::insertEvents(const QList<HubEvent> &events, QString *error)
{
    return insertRows(
        QStringLiteral("hub_events (seq, kind, event_type, received_at, payload)"), 5,
        events.size(),
        [&](QSqlQuery *insert, int first, qsizetype index) {
            const HubEvent &event = events.at(index);
            insert->bindValue(first, event.seq);
            insert->bindValue(first + 1, event.kind);
            insert->bindValue(first + 2, event.eventType);
            insert->bindValue(first + 3, isoUtc(event.receivedAt));
            insert->bindValue(first + 4, event.payload);
        },
        error);
}

bool HubStoreBackend::insertDeliveries(const QList<HubEvent> &events,
                                       const QList<const HubDelivery *> &deliveries,
                                       QString *error)
{
    return insertRows(
        QStringLiteral("hub_deliveries (kind, delivery_id, business_key, seq)"), 4,
        events.size(),
        [&](QSqlQuery *insert, int first, qsizetype index) {
            const HubDelivery *delivery = deliveries.at(index);
            insert->bindValue(first, delivery->kind);
            insert->bindValue(first + 1, delivery->deliveryId);
            insert->bindValue(first + 2, nullableText(delivery->businessKey));
            insert->bindValue(first + 3, events.at(index).seq);
        },
        error);
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

    // Deliveries already handled in this batch: two identical webhooks arriving together.
    QHash<QString, qint64> batchIds;
    QHash<QString, qint64> batchKeys;
    const int count = int(batch.deliveries.size());
    outcome.results.resize(count);
    // A chunk costs four statements (two lookups, two inserts) whatever its size, instead of
    // four per delivery: a server round trip, not the rows, is what each one costs.
    for (int from = 0; from < count; from += maxRowsPerStatement) {
        const int to = qMin(count, from + maxRowsPerStatement);
        QList<std::pair<QString, QString>> ids;
        QList<std::pair<QString, QString>> keys;
        for (int i = from; i < to; ++i) {
            const HubDelivery &delivery = batch.deliveries.at(i);
            if (delivery.kind.isEmpty() || delivery.deliveryId.isEmpty())
                continue;
            ids.append({delivery.kind, delivery.deliveryId});
            if (!delivery.businessKey.isEmpty())
                keys.append({delivery.kind, delivery.businessKey});
        }
        QHash<QString, qint64> storedIds;
        QHash<QString, qint64> storedKeys;
        if (!findStored(QStringLiteral("delivery_id"), ids, &storedIds, &error) ||
            !findStored(QStringLiteral("business_key"), keys, &storedKeys, &error)) {
            return fail(error);
        }

        QList<HubEvent> fresh;
        QList<const HubDelivery *> freshDeliveries;
        for (int i = from; i < to; ++i) {
            const HubDelivery &delivery = batch.deliveries.at(i);
            AppendResult &result = outcome.results[i];
            if (delivery.kind.isEmpty() || delivery.deliveryId.isEmpty()) {
                result.error = QStringLiteral("a delivery needs a kind and a delivery id");
                continue;
            }
            const QString idKey = batchKey(delivery.kind, delivery.deliveryId);
            const QString businessKey = delivery.businessKey.isEmpty()
                                            ? QString()
                                            : batchKey(delivery.kind, delivery.businessKey);
            qint64 earlier = batchIds.value(idKey, storedIds.value(idKey));
            if (earlier == 0 && !businessKey.isEmpty())
                earlier = batchKeys.value(businessKey, storedKeys.value(businessKey));
            if (earlier > 0) {
                result.ok = true;
                result.duplicate = true;
                result.seq = earlier;
                continue;
            }

            HubEvent event;
            event.seq = ++last;
            event.kind = delivery.kind;
            event.eventType = delivery.eventType;
            event.receivedAt = delivery.receivedAt.isValid() ? delivery.receivedAt.toUTC()
                                                             : QDateTime::currentDateTimeUtc();
            event.payload = delivery.payload;
            batchIds.insert(idKey, event.seq);
            if (!businessKey.isEmpty())
                batchKeys.insert(businessKey, event.seq);
            result.ok = true;
            result.seq = event.seq;
            fresh.append(event);
            freshDeliveries.append(&delivery);
        }
        if (!insertEvents(fresh, &error) || !insertDeliveries(fresh, freshDeliveries, &error))
            return fail(error);
        outcome.added.append(fresh);
    }

    if (last != before) {
        QSqlQuery *update =
            prepared(QStringLiteral("UPDATE hub_counter SET last_seq = ? WHERE id = 1"), &error);
        if (!update)
            return fail(error);
        update->bindValue(0, last);
        if (!update->exec())
            return fail(errorOf(*update));
        update->finish();
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
                                                     const QString &connectionName,
                                                     const QByteArray &keyHex)
{
    if (isPostgresSpec(spec))
        return std::make_unique<PostgresEventLog>(spec, connectionName);
    return std::make_unique<SqliteEventLog>(spec, connectionName, keyHex);
}

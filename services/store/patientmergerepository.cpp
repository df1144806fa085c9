// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/store/patientmergerepository.h"

#include "services/store/database.h"
#include "services/store/sqlvalues.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace {
/*
  Every table with a patient_id (resources/migrations 001–011). Claims keep the name and date of
  birth they were billed under (their own columns); only their patient moves. An outside
  document both charts hold (same source id) stays once, on the kept chart. The network link
  (one per patient) has its own rule below: the kept patient's stays, the merged one's moves
  only when the kept patient has none.
 */
constexpr const char *tables[] = {"coverages",          "verifications", "appointments",
                                  "claims",             "clinical_documents", "chart_items",
                                  "reconcile_decisions", "break_glass"};

QString what()
{
    return QCoreApplication::translate("Store", "the merge");
}

QString failed(const QSqlQuery &query)
{
    return StoreErrors::describe(query.lastError(), what());
}

// Active coverages of the merged patient (first value) that repeat an active one of the kept
// patient (second value).
const char *repeatedCoverage =
    "patient_id = ? AND active = 1 AND EXISTS (SELECT 1 FROM coverages k WHERE "
    "k.patient_id = ? AND k.active = 1 AND k.payer_id = coverages.payer_id AND "
    "k.member_id = coverages.member_id)";

//! Why the two cannot be merged; empty when they can.
StoreResult<QString> refusal(const QString &connection, qint64 keptId, qint64 mergedId)
{
    if (keptId == mergedId || keptId <= 0 || mergedId <= 0)
        return QCoreApplication::translate("Store", "Choose two different patients to merge.");
    QSqlQuery query(Database::connection(connection));
    query.prepare(
        QStringLiteral("SELECT id, ifnull(merged_into, 0) FROM patients WHERE id IN (?, ?)"));
    query.addBindValue(keptId);
    query.addBindValue(mergedId);
    if (!query.exec())
        return StoreResult<QString>::failure(failed(query));
    qint64 keptInto = -1;
    qint64 mergedInto = -1;
    while (query.next()) {
        (query.value(0).toLongLong() == keptId ? keptInto : mergedInto) =
            query.value(1).toLongLong();
    }
    if (keptInto < 0 || mergedInto < 0) {
        return QCoreApplication::translate(
            "Store", "This patient no longer exists; someone may have removed the record.");
    }
    if (mergedInto > 0) {
        return QCoreApplication::translate("Store",
                                           "That patient was already merged into another record.");
    }
    if (keptInto > 0) {
        return QCoreApplication::translate(
            "Store", "The patient to keep was merged into another record; open that record "
                     "and merge into it instead.");
    }
    return QString();
}

StoreResult<int> countOf(const QString &connection, const QString &sql, const QVariantList &values)
{
    QSqlQuery query(Database::connection(connection));
    query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec() || !query.next())
        return StoreResult<int>::failure(failed(query));
    return query.value(0).toInt();
}

//! Runs a write; the rows it changed.
StoreResult<int> change(const QString &connection, const QString &sql, const QVariantList &values)
{
    QSqlQuery query(Database::connection(connection));
    query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return StoreResult<int>::failure(failed(query));
    return query.numRowsAffected();
}

QString movedJson(const QMap<QString, int> &moved)
{
    QJsonObject object;
    for (auto it = moved.cbegin(); it != moved.cend(); ++it)
        object.insert(it.key(), it.value());
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}
} // namespace

QStringList PatientMergeRepository::movedTables()
{
    QStringList names;
    for (const char *table : tables)
        names.append(QLatin1String(table));
    return names;
}

StoreResult<PatientMerge> PatientMergeRepository::preview(qint64 keptId, qint64 mergedId) const
{
    using Result = StoreResult<PatientMerge>;
    const auto refused = refusal(m_connection, keptId, mergedId);
    if (!refused)
        return Result::failure(refused.error());
    if (!refused->isEmpty())
        return Result::failure(*refused);
    PatientMerge merge;
    merge.keptId = keptId;
    merge.mergedId = mergedId;
    for (const char *table : tables) {
        // Table names come from the list above, never from input.
        const auto counted = countOf(m_connection,
                                     QStringLiteral("SELECT count(*) FROM %1 WHERE patient_id = ?")
                                         .arg(QLatin1String(table)),
                                     {mergedId});
        if (!counted)
            return Result::failure(counted.error());
        merge.moved.insert(QLatin1String(table), *counted);
    }
    const auto links = countOf(m_connection,
                               QStringLiteral("SELECT count(*) FROM network_links WHERE patient_id = ? "
                                              "AND NOT EXISTS (SELECT 1 FROM network_links WHERE "
                                              "patient_id = ?)"),
                               {mergedId, keptId});
    if (!links)
        return Result::failure(links.error());
    merge.moved.insert(QStringLiteral("network_links"), *links);
    const auto repeated = countOf(m_connection,
                                  QStringLiteral("SELECT count(*) FROM coverages WHERE %1")
                                      .arg(QLatin1String(repeatedCoverage)),
                                  {mergedId, keptId});
    if (!repeated)
        return Result::failure(repeated.error());
    merge.coveragesDeactivated = *repeated;
    return merge;
}

StoreResult<PatientMerge> PatientMergeRepository::merge(qint64 keptId, qint64 mergedId,
                                                        const QString &user, const QString &reason)
{
    using Result = StoreResult<PatientMerge>;
    QSqlDatabase db = Database::connection(m_connection);
    TransactionGuard transaction(db);
    if (!transaction.isActive())
        return Result::failure(transaction.describeError(what()));
    StoreResult<PatientMerge> planned = preview(keptId, mergedId);
    if (!planned)
        return planned;
    PatientMerge merge = *planned;
    merge.user = user;
    merge.reason = reason.trimmed();
    merge.at = SqlValues::nowUtc();

    // Coverages first: a repeat of one the kept patient has goes inactive, and the others
    // follow the kept patient's active ones in order (primary stays the kept patient's).
    const auto deactivated = change(m_connection,
                                    QStringLiteral("UPDATE coverages SET active = 0 WHERE %1")
                                        .arg(QLatin1String(repeatedCoverage)),
                                    {mergedId, keptId});
    if (!deactivated)
        return Result::failure(deactivated.error());
    merge.coveragesDeactivated = *deactivated;
    const auto keptActive = countOf(m_connection,
                                    QStringLiteral("SELECT count(*) FROM coverages WHERE "
                                                   "patient_id = ? AND active = 1"),
                                    {keptId});
    if (!keptActive)
        return Result::failure(keptActive.error());
    QList<qint64> following;
    {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("SELECT id FROM coverages WHERE patient_id = ? AND "
                                     "active = 1 ORDER BY coverage_order, id"));
        query.addBindValue(mergedId);
        if (!query.exec())
            return Result::failure(failed(query));
        while (query.next())
            following.append(query.value(0).toLongLong());
    }
    for (qsizetype i = 0; i < following.size(); ++i) {
        // There is no order past tertiary: the rest stay tertiary.
        const int order = int(qMin<qsizetype>(*keptActive + i + 1, 3));
        const auto set = change(
            m_connection, QStringLiteral("UPDATE coverages SET coverage_order = ? WHERE id = ?"),
            {order, following.at(i)});
        if (!set)
            return Result::failure(set.error());
    }

    for (const char *table : tables) {
        const auto moved = change(
            m_connection,
            QStringLiteral("UPDATE OR IGNORE %1 SET patient_id = ? WHERE patient_id = ?")
                .arg(QLatin1String(table)),
            {keptId, mergedId});
        if (!moved)
            return Result::failure(moved.error());
        merge.moved.insert(QLatin1String(table), *moved);
    }
    const auto linked = change(
        m_connection,
        QStringLiteral("UPDATE network_links SET patient_id = ? WHERE patient_id = ? AND NOT EXISTS "
                       "(SELECT 1 FROM network_links WHERE patient_id = ?)"),
        {keptId, mergedId, keptId});
    if (!linked)
        return Result::failure(linked.error());
    merge.moved.insert(QStringLiteral("network_links"), *linked);

    // Charts merged into this one before now point at the kept one.
    const auto earlier = change(
        m_connection, QStringLiteral("UPDATE patients SET merged_into = ? WHERE merged_into = ?"),
        {keptId, mergedId});
    if (!earlier)
        return Result::failure(earlier.error());
    const auto marked = change(m_connection,
                               QStringLiteral("UPDATE patients SET merged_into = ?, updated_at = ? "
                                              "WHERE id = ? AND merged_into IS NULL"),
                               {keptId, SqlValues::fromTimestamp(merge.at), mergedId});
    if (!marked)
        return Result::failure(marked.error());
    if (*marked != 1) {
        return Result::failure(QCoreApplication::translate(
            "Store", "That patient was already merged into another record."));
    }

    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO patient_merges (kept_id, merged_id, user_name, "
                                  "merged_at, reason, moved) VALUES (?, ?, ?, ?, ?, ?)"));
    insert.addBindValue(keptId);
    insert.addBindValue(mergedId);
    insert.addBindValue(SqlValues::fromText(user));
    insert.addBindValue(SqlValues::fromTimestamp(merge.at));
    insert.addBindValue(SqlValues::fromText(merge.reason));
    insert.addBindValue(movedJson(merge.moved));
    if (!insert.exec())
        return Result::failure(failed(insert));
    merge.id = insert.lastInsertId().toLongLong();
    if (!transaction.commit())
        return Result::failure(transaction.describeError(what()));
    return merge;
}

StoreResult<QList<PatientMerge>> PatientMergeRepository::mergesInto(qint64 keptId) const
{
    using Result = StoreResult<QList<PatientMerge>>;
    QSqlQuery query(Database::connection(m_connection));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT id, kept_id, merged_id, user_name, merged_at, reason, "
                                 "moved FROM patient_merges WHERE kept_id = ? ORDER BY id"));
    query.addBindValue(keptId);
    if (!query.exec())
        return Result::failure(failed(query));
    QList<PatientMerge> merges;
    while (query.next()) {
        PatientMerge merge;
        merge.id = query.value(0).toLongLong();
        merge.keptId = query.value(1).toLongLong();
        merge.mergedId = query.value(2).toLongLong();
        merge.user = query.value(3).toString();
        merge.at = SqlValues::toTimestamp(query.value(4));
        merge.reason = query.value(5).toString();
        const QJsonObject moved = QJsonDocument::fromJson(query.value(6).toByteArray()).object();
        for (auto it = moved.begin(); it != moved.end(); ++it)
            merge.moved.insert(it.key(), it.value().toInt());
        merges.append(merge);
    }
    if (query.lastError().isValid())
        return Result::failure(failed(query));
    return merges;
}

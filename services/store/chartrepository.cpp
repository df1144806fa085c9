// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/store/chartrepository.h"

#include "services/store/database.h"
#include "services/store/sqlvalues.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace {

const QString itemColumns = QStringLiteral(
    "id, patient_id, kind, match_key, code, code_system, code_system_name, display, status, "
    "reaction, severity, dose, route, frequency, onset, source_document_id, added_by, added_at, "
    "updated_by, updated_at");

ChartItem readItem(const QSqlQuery &query)
{
    ChartItem item;
    item.id = query.value(0).toLongLong();
    item.patientId = query.value(1).toLongLong();
    item.kind = chartKindFromCode(query.value(2).toString());
    item.matchKey = query.value(3).toString();
    item.code = query.value(4).toString();
    item.codeSystem = query.value(5).toString();
    item.codeSystemName = query.value(6).toString();
    item.display = query.value(7).toString();
    item.status = query.value(8).toString();
    item.reaction = query.value(9).toString();
    item.severity = query.value(10).toString();
    item.dose = query.value(11).toString();
    item.route = query.value(12).toString();
    item.frequency = query.value(13).toString();
    item.onset = query.value(14).toString();
    item.sourceDocumentId = query.value(15).toLongLong();
    item.addedBy = query.value(16).toString();
    item.addedAt = SqlValues::toTimestamp(query.value(17));
    item.updatedBy = query.value(18).toString();
    item.updatedAt = SqlValues::toTimestamp(query.value(19));
    return item;
}

QString what()
{
    return QCoreApplication::translate("Store", "the chart");
}

template<typename T> StoreResult<T> failed(const QSqlQuery &query)
{
    return StoreResult<T>::failure(StoreErrors::describe(query.lastError(), what()));
}

void bindContent(QSqlQuery &query, const ChartItem &item)
{
    query.addBindValue(SqlValues::fromText(item.matchKey));
    query.addBindValue(SqlValues::fromText(item.code));
    query.addBindValue(SqlValues::fromText(item.codeSystem));
    query.addBindValue(SqlValues::fromText(item.codeSystemName));
    query.addBindValue(SqlValues::fromText(item.display.trimmed()));
    query.addBindValue(item.status.isEmpty() ? QStringLiteral("active") : item.status);
    query.addBindValue(SqlValues::fromText(item.reaction));
    query.addBindValue(SqlValues::fromText(item.severity));
    query.addBindValue(SqlValues::fromText(item.dose));
    query.addBindValue(SqlValues::fromText(item.route));
    query.addBindValue(SqlValues::fromText(item.frequency));
    query.addBindValue(SqlValues::fromText(item.onset));
}

} // namespace

StoreResult<QList<ChartItem>> ChartRepository::items(qint64 patientId) const
{
    QSqlQuery query(Database::connection(m_connection));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM chart_items WHERE patient_id = ? ORDER BY "
                                 "CASE kind WHEN 'allergy' THEN 0 WHEN 'medication' THEN 1 "
                                 "ELSE 2 END, id")
                      .arg(itemColumns));
    query.addBindValue(patientId);
    if (!query.exec())
        return failed<QList<ChartItem>>(query);
    QList<ChartItem> items;
    while (query.next())
        items.append(readItem(query));
    return items;
}

StoreResult<std::optional<ChartItem>> ChartRepository::item(qint64 id) const
{
    QSqlQuery query(Database::connection(m_connection));
    query.prepare(QStringLiteral("SELECT %1 FROM chart_items WHERE id = ?").arg(itemColumns));
    query.addBindValue(id);
    if (!query.exec())
        return failed<std::optional<ChartItem>>(query);
    if (!query.next())
        return std::optional<ChartItem>();
    return std::optional<ChartItem>(readItem(query));
}

StoreResult<std::optional<ChartItem>>
ChartRepository::itemByMatchKey(qint64 patientId, ChartKind kind, const QString &matchKey) const
{
    if (matchKey.isEmpty())
        return std::optional<ChartItem>();
    QSqlQuery query(Database::connection(m_connection));
    query.prepare(QStringLiteral("SELECT %1 FROM chart_items WHERE patient_id = ? AND kind = ? "
                                 "AND match_key = ? ORDER BY id LIMIT 1")
                      .arg(itemColumns));
    query.addBindValue(patientId);
    query.addBindValue(chartKindCode(kind));
    query.addBindValue(matchKey);
    if (!query.exec())
        return failed<std::optional<ChartItem>>(query);
    if (!query.next())
        return std::optional<ChartItem>();
    return std::optional<ChartItem>(readItem(query));
}

StoreResult<qint64> ChartRepository::addItem(const ChartItem &item, const QString &user)
{
    if (item.patientId == 0 || item.display.trimmed().isEmpty()) {
        return StoreResult<qint64>::failure(QCoreApplication::translate(
            "Store", "A chart line needs the patient and what it is (a name)."));
    }
    const QVariant now = SqlValues::fromTimestamp(SqlValues::nowUtc());
    QSqlQuery query(Database::connection(m_connection));
    query.prepare(QStringLiteral(
        "INSERT INTO chart_items (patient_id, kind, match_key, code, code_system, "
        "code_system_name, display, status, reaction, severity, dose, route, frequency, onset, "
        "source_document_id, added_by, added_at, updated_by, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(item.patientId);
    query.addBindValue(chartKindCode(item.kind));
    bindContent(query, item);
    query.addBindValue(SqlValues::fromId(item.sourceDocumentId));
    query.addBindValue(user);
    query.addBindValue(now);
    query.addBindValue(user);
    query.addBindValue(now);
    if (!query.exec())
        return failed<qint64>(query);
    return query.lastInsertId().toLongLong();
}

StoreResult<bool> ChartRepository::updateItem(const ChartItem &item, const QString &user)
{
    if (item.display.trimmed().isEmpty()) {
        return StoreResult<bool>::failure(
            QCoreApplication::translate("Store", "A chart line needs what it is (a name)."));
    }
    QSqlQuery query(Database::connection(m_connection));
    query.prepare(QStringLiteral(
        "UPDATE chart_items SET match_key = ?, code = ?, code_system = ?, code_system_name = ?, "
        "display = ?, status = ?, reaction = ?, severity = ?, dose = ?, route = ?, frequency = ?, "
        "onset = ?, source_document_id = COALESCE(?, source_document_id), updated_by = ?, "
        "updated_at = ? WHERE id = ? AND patient_id = ?"));
    bindContent(query, item);
    query.addBindValue(SqlValues::fromId(item.sourceDocumentId));
    query.addBindValue(user);
    query.addBindValue(SqlValues::fromTimestamp(SqlValues::nowUtc()));
    query.addBindValue(item.id);
    query.addBindValue(item.patientId);
    if (!query.exec())
        return failed<bool>(query);
    return query.numRowsAffected() > 0;
}

StoreResult<QList<ReconcileDecision>> ChartRepository::decisions(qint64 patientId) const
{
    QSqlQuery query(Database::connection(m_connection));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT id, patient_id, kind, fingerprint, decision, chart_item_id, reason, decided_by, "
        "decided_at FROM reconcile_decisions WHERE patient_id = ? ORDER BY id DESC"));
    query.addBindValue(patientId);
    if (!query.exec())
        return failed<QList<ReconcileDecision>>(query);
    QList<ReconcileDecision> decisions;
    while (query.next()) {
        ReconcileDecision decision;
        decision.id = query.value(0).toLongLong();
        decision.patientId = query.value(1).toLongLong();
        decision.kind = chartKindFromCode(query.value(2).toString());
        decision.fingerprint = query.value(3).toString();
        decision.choice = reconcileChoiceFromCode(query.value(4).toString());
        decision.chartItemId = query.value(5).toLongLong();
        decision.reason = query.value(6).toString();
        decision.decidedBy = query.value(7).toString();
        decision.decidedAt = SqlValues::toTimestamp(query.value(8));
        decisions.append(decision);
    }
    return decisions;
}

StoreResult<qint64> ChartRepository::addDecision(const ReconcileDecision &decision)
{
    if (decision.patientId == 0 || decision.fingerprint.isEmpty() || decision.decidedBy.isEmpty()) {
        return StoreResult<qint64>::failure(QCoreApplication::translate(
            "Store", "A reconciliation decision needs the patient, the statement and who "
                     "decided."));
    }
    QSqlQuery query(Database::connection(m_connection));
    query.prepare(QStringLiteral(
        "INSERT INTO reconcile_decisions (patient_id, kind, fingerprint, decision, chart_item_id, "
        "reason, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(decision.patientId);
    query.addBindValue(chartKindCode(decision.kind));
    query.addBindValue(decision.fingerprint);
    query.addBindValue(reconcileChoiceCode(decision.choice));
    query.addBindValue(SqlValues::fromId(decision.chartItemId));
    query.addBindValue(SqlValues::fromText(decision.reason));
    query.addBindValue(decision.decidedBy);
    query.addBindValue(SqlValues::fromTimestamp(decision.decidedAt.isValid()
                                                     ? decision.decidedAt
                                                     : SqlValues::nowUtc()));
    if (!query.exec())
        return failed<qint64>(query);
    return query.lastInsertId().toLongLong();
}

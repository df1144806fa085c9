// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/store/outsiderecordrepository.h"

#include "services/store/database.h"
#include "services/store/sqlvalues.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QSqlError>
#include <QSqlQuery>

namespace {

const QString linkColumns = QStringLiteral(
    "patient_id, metriport_patient_id, facility_id, etag, sync_status, sync_detail, "
    "matched_existing, verified_by, verified_at, query_request_id, query_started_at, linked_at, "
    "updated_at");

NetworkLink readLink(const QSqlQuery &query)
{
    NetworkLink link;
    link.patientId = query.value(0).toLongLong();
    link.metriportPatientId = query.value(1).toString();
    link.facilityId = query.value(2).toString();
    link.eTag = query.value(3).toString();
    link.status = networkSyncStatusFromCode(query.value(4).toString());
    link.detail = query.value(5).toString();
    link.matchedExisting = query.value(6).toBool();
    link.verifiedBy = query.value(7).toString();
    link.verifiedAt = SqlValues::toTimestamp(query.value(8));
    link.queryRequestId = query.value(9).toString();
    link.queryStartedAt = SqlValues::toTimestamp(query.value(10));
    link.linkedAt = SqlValues::toTimestamp(query.value(11));
    link.updatedAt = SqlValues::toTimestamp(query.value(12));
    return link;
}

const QString documentColumns = QStringLiteral(
    "id, patient_id, source_id, kind, file_name, title, mime_type, type_code, type_display, "
    "document_date, source, size, download_url, url_expires_at, status, attempts, last_error, "
    "next_attempt_at, sha256, parsed, announced_at, stored_at");

ClinicalDocument readDocument(const QSqlQuery &query)
{
    ClinicalDocument document;
    document.id = query.value(0).toLongLong();
    document.patientId = query.value(1).toLongLong();
    document.sourceId = query.value(2).toString();
    document.kind = query.value(3).toString() == QLatin1String("consolidated")
        ? ClinicalDocumentKind::Consolidated
        : ClinicalDocumentKind::Document;
    document.fileName = query.value(4).toString();
    document.title = query.value(5).toString();
    document.mimeType = query.value(6).toString();
    document.typeCode = query.value(7).toString();
    document.typeDisplay = query.value(8).toString();
    document.documentDate = SqlValues::toTimestamp(query.value(9));
    document.source = query.value(10).toString();
    document.size = query.value(11).isNull() ? -1 : query.value(11).toLongLong();
    document.downloadUrl = query.value(12).toString();
    document.urlExpiresAt = SqlValues::toTimestamp(query.value(13));
    document.status = clinicalDocumentStatusFromCode(query.value(14).toString());
    document.attempts = query.value(15).toInt();
    document.lastError = query.value(16).toString();
    document.nextAttemptAt = SqlValues::toTimestamp(query.value(17));
    document.sha256 = query.value(18).toByteArray();
    document.parsed = query.value(19).toString();
    document.announcedAt = SqlValues::toTimestamp(query.value(20));
    document.storedAt = SqlValues::toTimestamp(query.value(21));
    return document;
}

QString what()
{
    return QCoreApplication::translate("Store", "the outside records");
}

template<typename T> StoreResult<T> failed(const QSqlQuery &query)
{
    return StoreResult<T>::failure(StoreErrors::describe(query.lastError(), what()));
}

} // namespace

StoreResult<std::optional<NetworkLink>> OutsideRecordRepository::link(qint64 patientId) const
{
    QSqlQuery query(Database::connection(m_connection));
    query.prepare(QStringLiteral("SELECT %1 FROM network_links WHERE patient_id = ?").arg(linkColumns));
    query.addBindValue(patientId);
    if (!query.exec())
        return failed<std::optional<NetworkLink>>(query);
    if (!query.next())
        return std::optional<NetworkLink>();
    return std::optional<NetworkLink>(readLink(query));
}

StoreResult<std::optional<NetworkLink>>
OutsideRecordRepository::linkByMetriportId(const QString &metriportPatientId) const
{
    QSqlQuery query(Database::connection(m_connection));
    query.prepare(QStringLiteral("SELECT %1 FROM network_links WHERE metriport_patient_id = ?")
                      .arg(linkColumns));
    query.addBindValue(metriportPatientId);
    if (!query.exec())
        return failed<std::optional<NetworkLink>>(query);
    if (!query.next())
        return std::optional<NetworkLink>();
    return std::optional<NetworkLink>(readLink(query));
}

StoreResult<NetworkLink> OutsideRecordRepository::saveLink(const NetworkLink &input)
{
    NetworkLink link = input;
    if (link.patientId == 0 || link.metriportPatientId.isEmpty() || link.facilityId.isEmpty()) {
        return StoreResult<NetworkLink>::failure(QCoreApplication::translate(
            "Store", "A network link needs the patient, the network's patient id and the "
                     "facility."));
    }
    const auto existing = linkByMetriportId(link.metriportPatientId);
    if (!existing)
        return StoreResult<NetworkLink>::failure(existing.error());
    if (*existing && (*existing)->patientId != link.patientId) {
        return StoreResult<NetworkLink>::failure(
            QCoreApplication::translate("Store",
                                        "This network patient is already linked to another local "
                                        "patient (record %1): the two may be the same person.")
                .arg((*existing)->patientId));
    }
    const QDateTime now = SqlValues::nowUtc();
    if (!link.linkedAt.isValid())
        link.linkedAt = now;
    link.updatedAt = now;
    QSqlQuery query(Database::connection(m_connection));
    query.prepare(QStringLiteral(
        "INSERT INTO network_links (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (patient_id) DO UPDATE SET metriport_patient_id = excluded.metriport_patient_id, "
        "facility_id = excluded.facility_id, etag = excluded.etag, sync_status = excluded.sync_status, "
        "sync_detail = excluded.sync_detail, matched_existing = excluded.matched_existing, "
        "verified_by = excluded.verified_by, verified_at = excluded.verified_at, "
        "query_request_id = excluded.query_request_id, query_started_at = excluded.query_started_at, "
        "updated_at = excluded.updated_at").arg(linkColumns));
    query.addBindValue(link.patientId);
    query.addBindValue(link.metriportPatientId);
    query.addBindValue(link.facilityId);
    query.addBindValue(SqlValues::fromText(link.eTag));
    query.addBindValue(networkSyncStatusCode(link.status));
    query.addBindValue(SqlValues::fromText(link.detail));
    query.addBindValue(link.matchedExisting ? 1 : 0);
    query.addBindValue(link.verifiedBy.isEmpty() ? QVariant() : QVariant(link.verifiedBy));
    query.addBindValue(SqlValues::fromTimestamp(link.verifiedAt));
    query.addBindValue(link.queryRequestId.isEmpty() ? QVariant() : QVariant(link.queryRequestId));
    query.addBindValue(SqlValues::fromTimestamp(link.queryStartedAt));
    query.addBindValue(SqlValues::fromTimestamp(link.linkedAt));
    query.addBindValue(SqlValues::fromTimestamp(link.updatedAt));
    if (!query.exec())
        return failed<NetworkLink>(query);
    return link;
}

StoreResult<bool> OutsideRecordRepository::setSyncStatus(qint64 patientId, NetworkSyncStatus status,
                                                         const QString &detail,
                                                         const QString &queryRequestId)
{
    QSqlQuery query(Database::connection(m_connection));
    const QDateTime now = SqlValues::nowUtc();
    if (queryRequestId.isEmpty()) {
        query.prepare(QStringLiteral("UPDATE network_links SET sync_status = ?, sync_detail = ?, "
                                     "updated_at = ? WHERE patient_id = ?"));
        query.addBindValue(networkSyncStatusCode(status));
        query.addBindValue(SqlValues::fromText(detail));
        query.addBindValue(SqlValues::fromTimestamp(now));
    } else {
        query.prepare(QStringLiteral("UPDATE network_links SET sync_status = ?, sync_detail = ?, "
                                     "updated_at = ?, query_request_id = ?, query_started_at = ? "
                                     "WHERE patient_id = ?"));
        query.addBindValue(networkSyncStatusCode(status));
        query.addBindValue(SqlValues::fromText(detail));
        query.addBindValue(SqlValues::fromTimestamp(now));
        query.addBindValue(queryRequestId);
        query.addBindValue(SqlValues::fromTimestamp(now));
    }
    query.addBindValue(patientId);
    if (!query.exec())
        return failed<bool>(query);
    return query.numRowsAffected() > 0;
}

StoreResult<bool> OutsideRecordRepository::verifyLink(qint64 patientId, const QString &user)
{
    QSqlQuery query(Database::connection(m_connection));
    query.prepare(QStringLiteral("UPDATE network_links SET verified_by = ?, verified_at = ?, "
                                 "updated_at = ? WHERE patient_id = ?"));
    const QDateTime now = SqlValues::nowUtc();
    query.addBindValue(user);
    query.addBindValue(SqlValues::fromTimestamp(now));
    query.addBindValue(SqlValues::fromTimestamp(now));
    query.addBindValue(patientId);
    if (!query.exec())
        return failed<bool>(query);
    return query.numRowsAffected() > 0;
}

StoreResult<bool> OutsideRecordRepository::removeLink(qint64 patientId)
{
    QSqlQuery query(Database::connection(m_connection));
    query.prepare(QStringLiteral("DELETE FROM network_links WHERE patient_id = ?"));
    query.addBindValue(patientId);
    if (!query.exec())
        return failed<bool>(query);
    return query.numRowsAffected() > 0;
}

StoreResult<QList<NetworkLink>> OutsideRecordRepository::linksInProgress() const
{
    QSqlQuery query(Database::connection(m_connection));
    if (!query.exec(QStringLiteral("SELECT %1 FROM network_links WHERE sync_status = 'in_progress'")
                        .arg(linkColumns)))
        return failed<QList<NetworkLink>>(query);
    QList<NetworkLink> links;
    while (query.next())
        links.append(readLink(query));
    return links;
}

StoreResult<QList<qint64>> OutsideRecordRepository::announce(const QList<ClinicalDocument> &documents)
{
    QSqlDatabase db = Database::connection(m_connection);
    TransactionGuard transaction(db);
    if (!transaction.isActive())
        return StoreResult<QList<qint64>>::failure(transaction.describeError(what()));
    const QDateTime now = SqlValues::nowUtc();
    QList<qint64> due;
    for (const ClinicalDocument &document : documents) {
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral(
            "INSERT INTO clinical_documents (patient_id, source_id, kind, file_name, title, "
            "mime_type, type_code, type_display, document_date, source, size, download_url, "
            "url_expires_at, status, announced_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "'announced', ?) ON CONFLICT (patient_id, source_id) DO UPDATE SET "
            "download_url = coalesce(excluded.download_url, download_url), "
            "url_expires_at = coalesce(excluded.url_expires_at, url_expires_at) "
            "WHERE status != 'stored'"));
        insert.addBindValue(document.patientId);
        insert.addBindValue(document.sourceId);
        insert.addBindValue(document.kind == ClinicalDocumentKind::Consolidated
                                ? QStringLiteral("consolidated")
                                : QStringLiteral("document"));
        insert.addBindValue(SqlValues::fromText(document.fileName));
        insert.addBindValue(SqlValues::fromText(document.title));
        insert.addBindValue(SqlValues::fromText(document.mimeType));
        insert.addBindValue(SqlValues::fromText(document.typeCode));
        insert.addBindValue(SqlValues::fromText(document.typeDisplay));
        insert.addBindValue(SqlValues::fromTimestamp(document.documentDate));
        insert.addBindValue(SqlValues::fromText(document.source));
        insert.addBindValue(document.size >= 0 ? QVariant(document.size) : QVariant());
        insert.addBindValue(document.downloadUrl.isEmpty() ? QVariant() : QVariant(document.downloadUrl));
        insert.addBindValue(SqlValues::fromTimestamp(document.urlExpiresAt));
        insert.addBindValue(SqlValues::fromTimestamp(now));
        if (!insert.exec())
            return failed<QList<qint64>>(insert);
        QSqlQuery row(db);
        row.prepare(QStringLiteral("SELECT id, status FROM clinical_documents WHERE patient_id = ? "
                                   "AND source_id = ?"));
        row.addBindValue(document.patientId);
        row.addBindValue(document.sourceId);
        if (!row.exec())
            return failed<QList<qint64>>(row);
        if (row.next() && row.value(1).toString() != QLatin1String("stored"))
            due.append(row.value(0).toLongLong());
    }
    if (!transaction.commit())
        return StoreResult<QList<qint64>>::failure(transaction.describeError(what()));
    return due;
}

StoreResult<QList<ClinicalDocument>> OutsideRecordRepository::documents(qint64 patientId) const
{
    QSqlQuery query(Database::connection(m_connection));
    query.prepare(QStringLiteral("SELECT %1 FROM clinical_documents WHERE patient_id = ? ORDER BY "
                                 "kind = 'consolidated', document_date IS NULL, document_date DESC, "
                                 "id DESC").arg(documentColumns));
    query.addBindValue(patientId);
    if (!query.exec())
        return failed<QList<ClinicalDocument>>(query);
    QList<ClinicalDocument> documents;
    while (query.next())
        documents.append(readDocument(query));
    return documents;
}

StoreResult<std::optional<ClinicalDocument>> OutsideRecordRepository::document(qint64 id,
                                                                               bool withContent) const
{
    QSqlQuery query(Database::connection(m_connection));
    query.prepare(QStringLiteral("SELECT %1%2 FROM clinical_documents WHERE id = ?")
                      .arg(documentColumns, withContent ? QStringLiteral(", content") : QString()));
    query.addBindValue(id);
    if (!query.exec())
        return failed<std::optional<ClinicalDocument>>(query);
    if (!query.next())
        return std::optional<ClinicalDocument>();
    ClinicalDocument document = readDocument(query);
    if (withContent)
        document.content = query.value(22).toByteArray();
    return std::optional<ClinicalDocument>(document);
}

StoreResult<QList<ClinicalDocument>>
OutsideRecordRepository::storedWithContent(qint64 patientId) const
{
    QSqlQuery query(Database::connection(m_connection));
    query.prepare(QStringLiteral("SELECT %1, content FROM clinical_documents WHERE patient_id = ? "
                                 "AND status = 'stored' ORDER BY id").arg(documentColumns));
    query.addBindValue(patientId);
    if (!query.exec())
        return failed<QList<ClinicalDocument>>(query);
    QList<ClinicalDocument> documents;
    while (query.next()) {
        ClinicalDocument document = readDocument(query);
        document.content = query.value(22).toByteArray();
        documents.append(document);
    }
    return documents;
}

StoreResult<QList<ClinicalDocument>> OutsideRecordRepository::due(const QDateTime &now, int limit) const
{
    QSqlQuery query(Database::connection(m_connection));
    query.prepare(QStringLiteral("SELECT %1 FROM clinical_documents WHERE status = 'announced' OR "
                                 "(status = 'failed' AND next_attempt_at IS NOT NULL AND "
                                 "next_attempt_at <= ?) ORDER BY id LIMIT ?").arg(documentColumns));
    query.addBindValue(SqlValues::fromTimestamp(now));
    query.addBindValue(limit);
    if (!query.exec())
        return failed<QList<ClinicalDocument>>(query);
    QList<ClinicalDocument> documents;
    while (query.next())
        documents.append(readDocument(query));
    return documents;
}

StoreResult<bool> OutsideRecordRepository::store(qint64 id, const QByteArray &content,
                                                 const QString &parsed)
{
    QSqlQuery query(Database::connection(m_connection));
    query.prepare(QStringLiteral("UPDATE clinical_documents SET status = 'stored', content = ?, "
                                 "sha256 = ?, parsed = ?, size = ?, stored_at = ?, last_error = '', "
                                 "next_attempt_at = NULL, download_url = NULL, attempts = attempts + 1 "
                                 "WHERE id = ?"));
    query.addBindValue(content.isNull() ? QByteArray("") : content);
    query.addBindValue(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
    query.addBindValue(SqlValues::fromText(parsed));
    query.addBindValue(content.size());
    query.addBindValue(SqlValues::fromTimestamp(SqlValues::nowUtc()));
    query.addBindValue(id);
    if (!query.exec())
        return failed<bool>(query);
    return query.numRowsAffected() > 0;
}

StoreResult<bool> OutsideRecordRepository::fail(qint64 id, const QString &error,
                                                const QDateTime &nextAttemptAt)
{
    QSqlQuery query(Database::connection(m_connection));
    query.prepare(QStringLiteral("UPDATE clinical_documents SET status = 'failed', last_error = ?, "
                                 "next_attempt_at = ?, attempts = attempts + 1 WHERE id = ? AND "
                                 "status != 'stored'"));
    query.addBindValue(SqlValues::fromText(error));
    query.addBindValue(SqlValues::fromTimestamp(nextAttemptAt));
    query.addBindValue(id);
    if (!query.exec())
        return failed<bool>(query);
    return query.numRowsAffected() > 0;
}

StoreResult<bool> OutsideRecordRepository::retry(qint64 id)
{
    QSqlQuery query(Database::connection(m_connection));
    query.prepare(QStringLiteral("UPDATE clinical_documents SET status = 'announced', "
                                 "next_attempt_at = NULL WHERE id = ? AND status = 'failed'"));
    query.addBindValue(id);
    if (!query.exec())
        return failed<bool>(query);
    return query.numRowsAffected() > 0;
}

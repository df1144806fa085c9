// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/store/verificationrepository.h"

#include "services/store/database.h"
#include "services/store/sqlvalues.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace {
//! The columns in readVerification() order; the raw X12 last so it can be left out.
QString verificationColumns(bool withRaw)
{
    return QStringLiteral("id, coverage_id, patient_id, status, error, error_message, aaa_codes, "
                          "trace_number, service_types, service_date, duration_ms, attempts, "
                          "user_name, requested_at, completed_at, retry_of, result_json, ") +
           (withRaw ? QStringLiteral("request_x12, response_x12") : QStringLiteral("NULL, NULL"));
}

Verification readVerification(const QSqlQuery &query)
{
    Verification verification;
    verification.id = query.value(0).toLongLong();
    verification.coverageId = query.value(1).toLongLong();
    verification.patientId = query.value(2).toLongLong();
    verification.status = verificationStatusFromKey(query.value(3).toString());
    verification.error = verificationErrorFromKey(query.value(4).toString());
    verification.errorMessage = query.value(5).toString();
    verification.aaaCodes = query.value(6).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    verification.traceNumber = query.value(7).toString();
    verification.serviceTypes = query.value(8).toString();
    verification.serviceDate = SqlValues::toDate(query.value(9));
    verification.durationMs = query.value(10).toInt();
    verification.attempts = query.value(11).toInt();
    verification.user = query.value(12).toString();
    verification.requestedAt = SqlValues::toTimestamp(query.value(13));
    verification.completedAt = SqlValues::toTimestamp(query.value(14));
    verification.retryOf = query.value(15).toLongLong();
    if (!query.value(16).isNull()) {
        const QJsonDocument json = QJsonDocument::fromJson(query.value(16).toByteArray());
        if (json.isObject())
            verification.result = EligibilityResult::fromJson(json.object());
    }
    verification.request = query.value(17).toByteArray();
    verification.response = query.value(18).toByteArray();
    return verification;
}

QList<Verification> readVerifications(QSqlQuery &query)
{
    QList<Verification> verifications;
    while (query.next())
        verifications.append(readVerification(query));
    return verifications;
}

QString saveFailed(const QString &detail)
{
    return QCoreApplication::translate("Store", "Cannot save the verification: %1").arg(detail);
}
} // namespace

StoreResult<Verification> VerificationRepository::save(const Verification &input)
{
    Verification verification = input;
    if (verification.patientId == 0 || (verification.id == 0 && verification.coverageId == 0)) {
        return StoreResult<Verification>::failure(QCoreApplication::translate(
            "Store", "A verification needs the patient and the coverage it checks."));
    }
    if (!verification.requestedAt.isValid() && verification.id == 0)
        verification.requestedAt = SqlValues::nowUtc();
    if (!verification.requestedAt.isValid()) {
        return StoreResult<Verification>::failure(QCoreApplication::translate(
            "Store", "A verification needs the time it was requested."));
    }

    QSqlDatabase db = Database::connection(m_connection);
    {
        TransactionGuard transaction(db);
        if (!transaction.isActive())
            return StoreResult<Verification>::failure(saveFailed(transaction.errorText()));

        QSqlQuery query(db);
        if (verification.coverageId != 0) {
            // A result filed under the wrong patient would show one patient's benefits to another.
            query.prepare(QStringLiteral("SELECT patient_id FROM coverages WHERE id = ?"));
            query.addBindValue(verification.coverageId);
            if (!query.exec())
                return StoreResult<Verification>::failure(saveFailed(query.lastError().text()));
            if (!query.next()) {
                return StoreResult<Verification>::failure(QCoreApplication::translate(
                    "Store", "The coverage of this verification no longer exists."));
            }
            if (query.value(0).toLongLong() != verification.patientId) {
                return StoreResult<Verification>::failure(QCoreApplication::translate(
                    "Store", "The coverage of this verification belongs to another patient."));
            }
            query.finish();
        }

        if (verification.id == 0) {
            query.prepare(QStringLiteral(
                "INSERT INTO verifications (coverage_id, patient_id, status, error, "
                "error_message, aaa_codes, trace_number, service_types, service_date, "
                "coverage_end, duration_ms, attempts, user_name, requested_at, completed_at, "
                "retry_of, result_json, request_x12, response_x12) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        } else {
            query.prepare(QStringLiteral(
                "UPDATE verifications SET coverage_id = ?, patient_id = ?, status = ?, error = ?, "
                "error_message = ?, aaa_codes = ?, trace_number = ?, service_types = ?, "
                "service_date = ?, coverage_end = ?, duration_ms = ?, attempts = ?, "
                "user_name = ?, requested_at = ?, completed_at = ?, retry_of = ?, "
                "result_json = ?, request_x12 = ?, response_x12 = ? WHERE id = ?"));
        }
        query.addBindValue(SqlValues::fromId(verification.coverageId));
        query.addBindValue(verification.patientId);
        query.addBindValue(verificationStatusKey(verification.status));
        query.addBindValue(verificationErrorKey(verification.error));
        query.addBindValue(SqlValues::fromText(verification.errorMessage));
        query.addBindValue(SqlValues::fromText(verification.aaaCodes.join(QLatin1Char(','))));
        query.addBindValue(SqlValues::fromText(verification.traceNumber));
        query.addBindValue(SqlValues::fromText(verification.serviceTypes));
        query.addBindValue(SqlValues::fromDate(verification.serviceDate));
        // Only active coverage can run out; an inactive answer stays a valid answer.
        query.addBindValue(
            SqlValues::fromDate(verification.result && verification.result->isActive()
                                    ? verification.result->coverageEnd()
                                    : QDate()));
        query.addBindValue(verification.durationMs);
        query.addBindValue(verification.attempts);
        query.addBindValue(SqlValues::fromText(verification.user));
        query.addBindValue(SqlValues::fromTimestamp(verification.requestedAt));
        query.addBindValue(SqlValues::fromTimestamp(verification.completedAt));
        query.addBindValue(SqlValues::fromId(verification.retryOf));
        if (verification.result) {
            query.addBindValue(QString::fromUtf8(
                QJsonDocument(verification.result->toJson()).toJson(QJsonDocument::Compact)));
        } else {
            query.addBindValue(QVariant(QMetaType::fromType<QString>()));
        }
        query.addBindValue(verification.request);
        query.addBindValue(verification.response);
        if (verification.id != 0)
            query.addBindValue(verification.id);
        if (!query.exec())
            return StoreResult<Verification>::failure(saveFailed(query.lastError().text()));
        if (verification.id == 0) {
            verification.id = query.lastInsertId().toLongLong();
        } else if (query.numRowsAffected() == 0) {
            return StoreResult<Verification>::failure(
                QCoreApplication::translate("Store", "This verification no longer exists."));
        }
        if (!transaction.commit())
            return StoreResult<Verification>::failure(saveFailed(transaction.errorText()));
    }
    if (std::optional<Verification> stored = find(verification.id))
        return *stored;
    return StoreResult<Verification>::failure(saveFailed(db.lastError().text()));
}

std::optional<Verification> VerificationRepository::find(qint64 id) const
{
    QSqlQuery query(Database::connection(m_connection));
    query.prepare(
        QStringLiteral("SELECT %1 FROM verifications WHERE id = ?").arg(verificationColumns(true)));
    query.addBindValue(id);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return readVerification(query);
}

std::optional<Verification> VerificationRepository::latestForCoverage(qint64 coverageId) const
{
    const QHash<qint64, Verification> latest = latestForCoverages({coverageId}, true);
    if (latest.isEmpty())
        return std::nullopt;
    return latest.value(coverageId);
}

QHash<qint64, Verification>
VerificationRepository::latestForCoverages(const QList<qint64> &coverageIds, bool withRaw) const
{
    QHash<qint64, Verification> latest;
    QSqlQuery query(Database::connection(m_connection));
    query.prepare(QStringLiteral("SELECT %1 FROM verifications WHERE coverage_id = ? "
                                 "ORDER BY requested_at DESC, id DESC LIMIT 1")
                      .arg(verificationColumns(withRaw)));
    for (const qint64 coverageId : coverageIds) {
        query.bindValue(0, coverageId);
        if (query.exec() && query.next())
            latest.insert(coverageId, readVerification(query));
        query.finish();
    }
    return latest;
}

QList<Verification> VerificationRepository::historyForCoverage(qint64 coverageId) const
{
    QSqlQuery query(Database::connection(m_connection));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM verifications WHERE coverage_id = ? "
                                 "ORDER BY requested_at DESC, id DESC")
                      .arg(verificationColumns(true)));
    query.addBindValue(coverageId);
    if (!query.exec())
        return {};
    return readVerifications(query);
}

QList<Verification> VerificationRepository::historyForPatient(qint64 patientId) const
{
    QSqlQuery query(Database::connection(m_connection));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM verifications WHERE patient_id = ? "
                                 "ORDER BY requested_at DESC, id DESC")
                      .arg(verificationColumns(true)));
    query.addBindValue(patientId);
    if (!query.exec())
        return {};
    return readVerifications(query);
}

QList<Verification> VerificationRepository::between(const QDateTime &from, const QDateTime &to,
                                                    bool withRaw) const
{
    QSqlQuery query(Database::connection(m_connection));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM verifications WHERE requested_at >= ? AND "
                                 "requested_at < ? ORDER BY requested_at DESC, id DESC")
                      .arg(verificationColumns(withRaw)));
    query.addBindValue(SqlValues::fromTimestamp(from));
    query.addBindValue(SqlValues::fromTimestamp(to));
    if (!query.exec())
        return {};
    return readVerifications(query);
}

int VerificationRepository::expireStale(const QDateTime &verifiedBefore, const QDate &today)
{
    // A NULL bound (invalid argument) makes its comparison false, which disables that rule.
    QSqlQuery query(Database::connection(m_connection));
    query.prepare(QStringLiteral("UPDATE verifications SET status = 'expired' "
                                 "WHERE status IN ('verified', 'manual_review') "
                                 "AND (completed_at < ? OR coverage_end < ?)"));
    query.addBindValue(SqlValues::fromTimestamp(verifiedBefore));
    query.addBindValue(SqlValues::fromDate(today));
    if (!query.exec())
        return 0;
    return query.numRowsAffected();
}

QList<Verification> VerificationRepository::pending() const
{
    QSqlQuery query(Database::connection(m_connection));
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT %1 FROM verifications WHERE status = 'pending' "
                                   "ORDER BY requested_at, id")
                        .arg(verificationColumns(true)))) {
        return {};
    }
    return readVerifications(query);
}

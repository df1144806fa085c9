// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/store/verificationrepository.h"

#include "services/domain/patient.h"

#include "services/store/database.h"
#include "services/store/sqlvalues.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace {
//! The columns in readVerification() order, each with `prefix` (a table alias and a dot); the
//! raw X12 last so it can be left out.
QString verificationColumns(bool withRaw, const QString &prefix = {})
{
    static const char *const names[] = {"id",           "coverage_id",  "patient_id",
                                        "status",       "error",        "error_message",
                                        "aaa_codes",    "trace_number", "service_types",
                                        "service_date", "duration_ms",  "attempts",
                                        "user_name",    "requested_at", "completed_at",
                                        "retry_of",     "result_json",  "request_x12",
                                        "response_x12"};
    QStringList columns;
    for (const char *name : names)
        columns.append(prefix + QLatin1String(name));
    if (!withRaw) {
        columns[17] = QStringLiteral("NULL");
        columns[18] = QStringLiteral("NULL");
    }
    return columns.join(QStringLiteral(", "));
}

const QString insertStatement = QStringLiteral(
    "INSERT INTO verifications (coverage_id, patient_id, status, error, error_message, aaa_codes, "
    "trace_number, service_types, service_date, coverage_end, duration_ms, attempts, user_name, "
    "requested_at, completed_at, retry_of, result_json, request_x12, response_x12) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");

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

//! The columns of an INSERT or UPDATE, in the order both statements name them.
void bindColumns(QSqlQuery &query, const Verification &verification)
{
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
    query.addBindValue(SqlValues::fromDate(verification.result && verification.result->isActive()
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
}

QString readFailed(const QSqlQuery &query)
{
    return StoreErrors::describe(query.lastError(),
                                 QCoreApplication::translate("Store", "the verifications"));
}

QString saveFailed(const QString &detail)
{
    return QCoreApplication::translate("Store", "Cannot save the verification: %1").arg(detail);
}

//! A write the database itself refused (busy, unreadable, disk full) is worded for the person
//! at the screen; a refused row keeps SQLite's text.
QString saveFailed(const QSqlError &error)
{
    if (StoreErrors::isDatabaseProblem(error))
        return StoreErrors::describe(error,
                                     QCoreApplication::translate("Store", "the verification"));
    return saveFailed(error.text());
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
            return StoreResult<Verification>::failure(saveFailed(transaction.lastError()));

        QSqlQuery query(db);
        if (verification.coverageId != 0) {
            // A result filed under the wrong patient would show one patient's benefits to another.
            query.prepare(QStringLiteral("SELECT patient_id FROM coverages WHERE id = ?"));
            query.addBindValue(verification.coverageId);
            if (!query.exec())
                return StoreResult<Verification>::failure(saveFailed(query.lastError()));
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
            query.prepare(insertStatement);
        } else {
            query.prepare(QStringLiteral(
                "UPDATE verifications SET coverage_id = ?, patient_id = ?, status = ?, error = ?, "
                "error_message = ?, aaa_codes = ?, trace_number = ?, service_types = ?, "
                "service_date = ?, coverage_end = ?, duration_ms = ?, attempts = ?, "
                "user_name = ?, requested_at = ?, completed_at = ?, retry_of = ?, "
                "result_json = ?, request_x12 = ?, response_x12 = ? WHERE id = ?"));
        }
        bindColumns(query, verification);
        if (verification.id != 0)
            query.addBindValue(verification.id);
        if (!query.exec())
            return StoreResult<Verification>::failure(saveFailed(query.lastError()));
        if (verification.id == 0) {
            verification.id = query.lastInsertId().toLongLong();
        } else if (query.numRowsAffected() == 0) {
            return StoreResult<Verification>::failure(
                QCoreApplication::translate("Store", "This verification no longer exists."));
        }
        if (!transaction.commit())
            return StoreResult<Verification>::failure(saveFailed(transaction.lastError()));
    }
    const StoreResult<std::optional<Verification>> stored = find(verification.id);
    if (!stored)
        return StoreResult<Verification>::failure(stored.error());
    if (!stored->has_value())
        return StoreResult<Verification>::failure(saveFailed(db.lastError().text()));
    return **stored;
}

namespace {
// The effective status in SQL, as EligibilityService::effectiveStatus() computes it: an answer
// older than the age limit, or active coverage past its end date, is expired.
const QString effectiveStatusSql = QStringLiteral(
    "CASE WHEN status IN ('verified', 'manual_review') AND (completed_at < ? OR coverage_end < ?) "
    "THEN 'expired' ELSE status END");

QString displayName(const QString &last, const QString &first, const QString &middle)
{
    Patient patient;
    patient.lastName = last;
    patient.firstName = first;
    patient.middleName = middle;
    return patient.displayName();
}

VerificationActivity readActivity(const QSqlQuery &query)
{
    VerificationActivity activity;
    activity.verification = readVerification(query);
    constexpr int names = 19; // the first column after the verification's
    if (!query.value(names).isNull()) {
        activity.patientName =
            displayName(query.value(names).toString(), query.value(names + 1).toString(),
                        query.value(names + 2).toString());
    }
    activity.coverageRemoved = query.value(names + 3).isNull();
    activity.payerName = query.value(names + 3).toString();
    activity.memberId = query.value(names + 4).toString();
    return activity;
}

QString activityColumns()
{
    return verificationColumns(false, QStringLiteral("v.")) +
           QStringLiteral(", p.last_name, p.first_name, p.middle_name, c.payer_name, "
                          "c.member_id");
}

const QString activityJoins = QStringLiteral(" FROM verifications v"
                                             " LEFT JOIN patients p ON p.id = v.patient_id"
                                             " LEFT JOIN coverages c ON c.id = v.coverage_id");
} // namespace

StoreResult<int> VerificationRepository::insertMany(const QList<Verification> &verifications)
{
    QSqlDatabase db = Database::connection(m_connection);
    TransactionGuard transaction(db);
    if (!transaction.isActive())
        return StoreResult<int>::failure(saveFailed(transaction.lastError()));
    QSqlQuery query(db);
    query.prepare(insertStatement);
    for (const Verification &verification : verifications) {
        bindColumns(query, verification);
        if (!query.exec())
            return StoreResult<int>::failure(saveFailed(query.lastError()));
    }
    if (!transaction.commit())
        return StoreResult<int>::failure(saveFailed(transaction.lastError()));
    return int(verifications.size());
}

StoreResult<std::optional<Verification>> VerificationRepository::find(qint64 id) const
{
    QSqlQuery query(Database::connection(m_connection));
    query.prepare(
        QStringLiteral("SELECT %1 FROM verifications WHERE id = ?").arg(verificationColumns(true)));
    query.addBindValue(id);
    if (!query.exec())
        return StoreResult<std::optional<Verification>>::failure(readFailed(query));
    if (!query.next())
        return std::optional<Verification>();
    return std::optional<Verification>(readVerification(query));
}

StoreResult<std::optional<Verification>>
VerificationRepository::latestForCoverage(qint64 coverageId) const
{
    const auto latest = latestForCoverages({coverageId}, true);
    if (!latest)
        return StoreResult<std::optional<Verification>>::failure(latest.error());
    if (latest->isEmpty())
        return std::optional<Verification>();
    return std::optional<Verification>(latest->value(coverageId));
}

StoreResult<QHash<qint64, Verification>>
VerificationRepository::latestForCoverages(const QList<qint64> &coverageIds, bool withRaw) const
{
    QHash<qint64, Verification> latest;
    QSqlQuery query(Database::connection(m_connection));
    // The (coverage_id, requested_at) index read backwards; a cancelled attempt is skipped.
    query.prepare(QStringLiteral("SELECT %1 FROM verifications WHERE coverage_id = ? "
                                 "AND error <> 'cancelled' ORDER BY requested_at DESC, id DESC "
                                 "LIMIT 1")
                      .arg(verificationColumns(withRaw)));
    for (const qint64 coverageId : coverageIds) {
        query.bindValue(0, coverageId);
        if (!query.exec())
            return StoreResult<QHash<qint64, Verification>>::failure(readFailed(query));
        if (query.next())
            latest.insert(coverageId, readVerification(query));
        query.finish();
    }
    return latest;
}

StoreResult<QHash<qint64, QDateTime>>
VerificationRepository::lastAnsweredAt(const QList<qint64> &coverageIds) const
{
    QHash<qint64, QDateTime> answered;
    QSqlQuery query(Database::connection(m_connection));
    // One short walk of the (coverage_id, requested_at) index per coverage.
    query.prepare(
        QStringLiteral("SELECT MAX(completed_at) FROM verifications WHERE coverage_id = ? "
                       "AND status IN ('verified', 'manual_review', 'expired')"));
    for (const qint64 coverageId : coverageIds) {
        query.bindValue(0, coverageId);
        if (!query.exec())
            return StoreResult<QHash<qint64, QDateTime>>::failure(readFailed(query));
        if (query.next() && !query.isNull(0))
            answered.insert(coverageId, SqlValues::toTimestamp(query.value(0)));
        query.finish();
    }
    return answered;
}

StoreResult<QList<Verification>> VerificationRepository::historyForCoverage(qint64 coverageId) const
{
    QSqlQuery query(Database::connection(m_connection));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM verifications WHERE coverage_id = ? "
                                 "ORDER BY requested_at DESC, id DESC")
                      .arg(verificationColumns(true)));
    query.addBindValue(coverageId);
    if (!query.exec())
        return StoreResult<QList<Verification>>::failure(readFailed(query));
    QList<Verification> verifications = readVerifications(query);
    if (query.lastError().isValid()) // a row that could not be read ends the list early
        return StoreResult<QList<Verification>>::failure(readFailed(query));
    return verifications;
}

StoreResult<QList<Verification>> VerificationRepository::historyForPatient(qint64 patientId) const
{
    QSqlQuery query(Database::connection(m_connection));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM verifications WHERE patient_id = ? "
                                 "ORDER BY requested_at DESC, id DESC")
                      .arg(verificationColumns(true)));
    query.addBindValue(patientId);
    if (!query.exec())
        return StoreResult<QList<Verification>>::failure(readFailed(query));
    QList<Verification> verifications = readVerifications(query);
    if (query.lastError().isValid()) // a row that could not be read ends the list early
        return StoreResult<QList<Verification>>::failure(readFailed(query));
    return verifications;
}

StoreResult<QList<Verification>>
VerificationRepository::between(const QDateTime &from, const QDateTime &to, bool withRaw) const
{
    QSqlQuery query(Database::connection(m_connection));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM verifications WHERE requested_at >= ? AND "
                                 "requested_at < ? ORDER BY requested_at DESC, id DESC")
                      .arg(verificationColumns(withRaw)));
    query.addBindValue(SqlValues::fromTimestamp(from));
    query.addBindValue(SqlValues::fromTimestamp(to));
    if (!query.exec())
        return StoreResult<QList<Verification>>::failure(readFailed(query));
    QList<Verification> verifications = readVerifications(query);
    if (query.lastError().isValid()) // a row that could not be read ends the list early
        return StoreResult<QList<Verification>>::failure(readFailed(query));
    return verifications;
}

StoreResult<QList<VerificationActivity>>
VerificationRepository::recent(const QDateTime &from, const QDateTime &to, int limit) const
{
    QSqlQuery query(Database::connection(m_connection));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1%2 WHERE v.requested_at >= ? AND v.requested_at < ? "
                                 "ORDER BY v.requested_at DESC, v.id DESC LIMIT ?")
                      .arg(activityColumns(), activityJoins));
    query.addBindValue(SqlValues::fromTimestamp(from));
    query.addBindValue(SqlValues::fromTimestamp(to));
    query.addBindValue(limit > 0 ? limit : -1);
    if (!query.exec())
        return StoreResult<QList<VerificationActivity>>::failure(readFailed(query));
    QList<VerificationActivity> rows;
    while (query.next())
        rows.append(readActivity(query));
    if (query.lastError().isValid())
        return StoreResult<QList<VerificationActivity>>::failure(readFailed(query));
    return rows;
}

StoreResult<std::optional<VerificationActivity>>
VerificationRepository::activity(qint64 verificationId) const
{
    QSqlQuery query(Database::connection(m_connection));
    query.prepare(
        QStringLiteral("SELECT %1%2 WHERE v.id = ?").arg(activityColumns(), activityJoins));
    query.addBindValue(verificationId);
    if (!query.exec())
        return StoreResult<std::optional<VerificationActivity>>::failure(readFailed(query));
    if (!query.next())
        return std::optional<VerificationActivity>();
    return std::optional<VerificationActivity>(readActivity(query));
}

StoreResult<VerificationAggregates>
VerificationRepository::aggregates(const QDateTime &from, const QDateTime &to,
                                   const ExpiryRule &expiry) const
{
    QSqlDatabase db = Database::connection(m_connection);
    VerificationAggregates result;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    // Everything the dashboard counts comes from the verifications_dashboard index alone.
    query.prepare(QStringLiteral("SELECT %1, status, error, aaa_codes, count(*), "
                                 "sum(duration_ms) FROM verifications "
                                 "WHERE requested_at >= ? AND requested_at < ? "
                                 "GROUP BY 1, 2, 3, 4")
                      .arg(effectiveStatusSql));
    query.addBindValue(SqlValues::fromTimestamp(expiry.answeredBefore));
    query.addBindValue(SqlValues::fromDate(expiry.today));
    query.addBindValue(SqlValues::fromTimestamp(from));
    query.addBindValue(SqlValues::fromTimestamp(to));
    if (!query.exec())
        return StoreResult<VerificationAggregates>::failure(readFailed(query));
    int counted = 0;
    while (query.next()) {
        VerificationGroup group;
        group.effectiveStatus = verificationStatusFromKey(query.value(0).toString());
        group.status = verificationStatusFromKey(query.value(1).toString());
        group.error = verificationErrorFromKey(query.value(2).toString());
        group.aaaCodes = query.value(3).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
        group.count = query.value(4).toInt();
        group.durationSumMs = query.value(5).toLongLong();
        if (group.status != VerificationStatus::Pending &&
            group.error != VerificationError::Cancelled)
            counted += group.count;
        result.groups.append(group);
    }
    if (query.lastError().isValid()) // counts of part of the period would mislead
        return StoreResult<VerificationAggregates>::failure(readFailed(query));
    query.finish();
    if (counted > 0) {
        // Nearest rank: the smallest duration with at least 95 % of them at or below it.
        const int rank = (95 * counted + 99) / 100;
        query.prepare(QStringLiteral("SELECT duration_ms FROM verifications "
                                     "WHERE requested_at >= ? AND requested_at < ? "
                                     "AND status <> 'pending' AND error <> 'cancelled' "
                                     "ORDER BY duration_ms LIMIT 1 OFFSET ?"));
        query.addBindValue(SqlValues::fromTimestamp(from));
        query.addBindValue(SqlValues::fromTimestamp(to));
        query.addBindValue(rank - 1);
        if (!query.exec())
            return StoreResult<VerificationAggregates>::failure(readFailed(query));
        if (query.next())
            result.p95Ms = query.value(0).toInt();
    }
    return result;
}

StoreResult<QList<VerificationGroup>>
VerificationRepository::inactiveAggregates(const QDateTime &from, const QDateTime &to,
                                           const ExpiryRule &expiry) const
{
    QSqlQuery query(Database::connection(m_connection));
    query.setForwardOnly(true);
    // The json_extract term is the partial index's own WHERE, word for word, so SQLite can use
    // it; INDEXED BY makes sure it does (the status index looks cheaper to a planner without
    // statistics, and would read every answer's JSON).
    query.prepare(QStringLiteral("SELECT %1, status, error, aaa_codes, count(*), "
                                 "sum(duration_ms) FROM verifications "
                                 "INDEXED BY verifications_inactive WHERE requested_at >= ? AND requested_at < ? "
                                 "AND json_extract(result_json, '$.status') = 'inactive' "
                                 "AND status IN ('verified', 'manual_review', 'expired') "
                                 "GROUP BY 1, 2, 3, 4")
                      .arg(effectiveStatusSql));
    query.addBindValue(SqlValues::fromTimestamp(expiry.answeredBefore));
    query.addBindValue(SqlValues::fromDate(expiry.today));
    query.addBindValue(SqlValues::fromTimestamp(from));
    query.addBindValue(SqlValues::fromTimestamp(to));
    if (!query.exec())
        return StoreResult<QList<VerificationGroup>>::failure(readFailed(query));
    QList<VerificationGroup> groups;
    while (query.next()) {
        VerificationGroup group;
        group.effectiveStatus = verificationStatusFromKey(query.value(0).toString());
        group.status = verificationStatusFromKey(query.value(1).toString());
        group.error = verificationErrorFromKey(query.value(2).toString());
        group.aaaCodes = query.value(3).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
        group.count = query.value(4).toInt();
        group.durationSumMs = query.value(5).toLongLong();
        groups.append(group);
    }
    if (query.lastError().isValid())
        return StoreResult<QList<VerificationGroup>>::failure(readFailed(query));
    return groups;
}

StoreResult<int> VerificationRepository::expireStale(const ExpiryRule &expiry)
{
    // Two indexed ranges rather than one OR over every answer. A NULL bound (invalid argument)
    // makes its comparison false, which disables that rule.
    QSqlDatabase db = Database::connection(m_connection);
    TransactionGuard transaction(db);
    if (!transaction.isActive())
        return StoreResult<int>::failure(saveFailed(transaction.lastError()));
    int changed = 0;
    for (const auto &[column, bound] :
         {std::pair{QStringLiteral("completed_at"),
                    SqlValues::fromTimestamp(expiry.answeredBefore)},
          std::pair{QStringLiteral("coverage_end"), SqlValues::fromDate(expiry.today)}}) {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("UPDATE verifications SET status = 'expired' "
                                     "WHERE status IN ('verified', 'manual_review') AND %1 < ?")
                          .arg(column));
        query.addBindValue(bound);
        if (!query.exec())
            return StoreResult<int>::failure(saveFailed(query.lastError()));
        changed += query.numRowsAffected();
    }
    if (!transaction.commit())
        return StoreResult<int>::failure(saveFailed(transaction.lastError()));
    return changed;
}

StoreResult<QList<Verification>> VerificationRepository::pending() const
{
    QSqlQuery query(Database::connection(m_connection));
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT %1 FROM verifications WHERE status = 'pending' "
                                   "ORDER BY requested_at, id")
                        .arg(verificationColumns(true)))) {
        return StoreResult<QList<Verification>>::failure(readFailed(query));
    }
    QList<Verification> verifications = readVerifications(query);
    if (query.lastError().isValid())
        return StoreResult<QList<Verification>>::failure(readFailed(query));
    return verifications;
}

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/store/coveragerepository.h"

#include "services/store/database.h"
#include "services/store/sqlvalues.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

namespace {
const QString coverageColumns = QStringLiteral(
    "id, patient_id, payer_id, payer_name, member_id, group_number, plan_name, coverage_order, "
    "relationship, subscriber_first_name, subscriber_last_name, subscriber_dob, "
    "subscriber_gender, active, effective_date, termination_date");

Coverage readCoverage(const QSqlQuery &query)
{
    Coverage coverage;
    coverage.id = query.value(0).toLongLong();
    coverage.patientId = query.value(1).toLongLong();
    coverage.payerId = query.value(2).toString();
    coverage.payerName = query.value(3).toString();
    coverage.memberId = query.value(4).toString();
    coverage.groupNumber = query.value(5).toString();
    coverage.planName = query.value(6).toString();
    coverage.order = static_cast<CoverageOrder>(query.value(7).toInt());
    coverage.relationship = relationshipFromCode(query.value(8).toString());
    coverage.subscriber.firstName = query.value(9).toString();
    coverage.subscriber.lastName = query.value(10).toString();
    coverage.subscriber.dateOfBirth = SqlValues::toDate(query.value(11));
    coverage.subscriber.gender = genderFromCode(query.value(12).toString());
    coverage.active = query.value(13).toBool();
    coverage.effectiveDate = SqlValues::toDate(query.value(14));
    coverage.terminationDate = SqlValues::toDate(query.value(15));
    return coverage;
}

Coverage normalized(Coverage coverage)
{
    coverage.payerId = coverage.payerId.trimmed();
    coverage.payerName = coverage.payerName.trimmed();
    coverage.memberId = coverage.memberId.trimmed();
    coverage.groupNumber = coverage.groupNumber.trimmed();
    coverage.planName = coverage.planName.trimmed();
    coverage.subscriber.firstName = coverage.subscriber.firstName.trimmed();
    coverage.subscriber.lastName = coverage.subscriber.lastName.trimmed();
    return coverage;
}

QString validationError(const Coverage &coverage)
{
    if (coverage.patientId == 0) {
        return QCoreApplication::translate("Store",
                                           "Save the patient before adding insurance coverage.");
    }
    if (coverage.payerId.isEmpty())
        return QCoreApplication::translate("Store", "Choose the insurance payer.");
    if (coverage.memberId.isEmpty())
        return QCoreApplication::translate("Store", "Enter the member ID from the insurance card.");
    const int order = static_cast<int>(coverage.order);
    if (order < 1 || order > 3) {
        return QCoreApplication::translate("Store",
                                           "Choose whether the coverage is primary, secondary or "
                                           "tertiary.");
    }
    if (!coverage.patientIsSubscriber() &&
        (coverage.subscriber.lastName.isEmpty() || !coverage.subscriber.dateOfBirth.isValid())) {
        return QCoreApplication::translate("Store",
                                           "Enter the subscriber's name and date of birth: the "
                                           "patient is not the subscriber of this coverage.");
    }
    if (coverage.effectiveDate.isValid() && coverage.terminationDate.isValid() &&
        coverage.terminationDate < coverage.effectiveDate) {
        return QCoreApplication::translate("Store", "The coverage ends before it begins; check the "
                                                    "effective and termination dates.");
    }
    return {};
}

QString readFailed(const QSqlQuery &query)
{
    return StoreErrors::describe(query.lastError(),
                                 QCoreApplication::translate("Store", "the insurance coverages"));
}

QString saveFailed(const QString &detail)
{
    return QCoreApplication::translate("Store", "Cannot save the coverage: %1").arg(detail);
}

//! A write the database itself refused (busy, unreadable, disk full) is worded for the person
//! at the screen; a refused row keeps SQLite's text.
QString saveFailed(const QSqlError &error)
{
    if (StoreErrors::isDatabaseProblem(error))
        return StoreErrors::describe(error, QCoreApplication::translate("Store", "the coverage"));
    return saveFailed(error.text());
}

//! True when a row with `id` exists in `table`; `error` set when the query fails.
bool rowExists(QSqlDatabase &db, const QString &table, const QVariant &id, QString *error)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT 1 FROM %1 WHERE id = ?").arg(table));
    query.addBindValue(id);
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    return query.next();
}
} // namespace

StoreResult<Coverage> CoverageRepository::save(const Coverage &input)
{
    Coverage coverage = normalized(input);
    if (const QString invalid = validationError(coverage); !invalid.isEmpty())
        return StoreResult<Coverage>::failure(invalid);

    QSqlDatabase db = Database::connection(m_connection);
    {
        TransactionGuard transaction(db);
        if (!transaction.isActive())
            return StoreResult<Coverage>::failure(saveFailed(transaction.lastError()));

        // Checked here rather than left to the foreign keys, to say which one is wrong.
        QString error;
        if (!rowExists(db, QStringLiteral("patients"), coverage.patientId, &error)) {
            return StoreResult<Coverage>::failure(
                error.isEmpty() ? QCoreApplication::translate(
                                      "Store", "The patient of this coverage no longer exists.")
                                : saveFailed(error));
        }
        const StoreResult<std::optional<Payer>> foundPayer = this->payer(coverage.payerId);
        if (!foundPayer)
            return StoreResult<Coverage>::failure(saveFailed(foundPayer.error()));
        const std::optional<Payer> &payer = *foundPayer;
        if (!payer) {
            return StoreResult<Coverage>::failure(
                QCoreApplication::translate("Store",
                                            "The payer %1 is not in the payer list; add it there "
                                            "first.")
                    .arg(coverage.payerId));
        }
        if (coverage.payerName.isEmpty())
            coverage.payerName = payer->name;

        QSqlQuery query(db);
        if (coverage.id == 0) {
            query.prepare(QStringLiteral(
                "INSERT INTO coverages (patient_id, payer_id, payer_name, member_id, group_number, "
                "plan_name, coverage_order, relationship, subscriber_first_name, "
                "subscriber_last_name, subscriber_dob, subscriber_gender, active, effective_date, "
                "termination_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        } else {
            query.prepare(QStringLiteral(
                "UPDATE coverages SET patient_id = ?, payer_id = ?, payer_name = ?, member_id = ?, "
                "group_number = ?, plan_name = ?, coverage_order = ?, relationship = ?, "
                "subscriber_first_name = ?, subscriber_last_name = ?, subscriber_dob = ?, "
                "subscriber_gender = ?, active = ?, effective_date = ?, termination_date = ? "
                "WHERE id = ?"));
        }
        query.addBindValue(coverage.patientId);
        query.addBindValue(coverage.payerId);
        query.addBindValue(SqlValues::fromText(coverage.payerName));
        query.addBindValue(coverage.memberId);
        query.addBindValue(SqlValues::fromText(coverage.groupNumber));
        query.addBindValue(SqlValues::fromText(coverage.planName));
        query.addBindValue(static_cast<int>(coverage.order));
        query.addBindValue(relationshipCode(coverage.relationship));
        query.addBindValue(SqlValues::fromText(coverage.subscriber.firstName));
        query.addBindValue(SqlValues::fromText(coverage.subscriber.lastName));
        query.addBindValue(SqlValues::fromDate(coverage.subscriber.dateOfBirth));
        query.addBindValue(genderCode(coverage.subscriber.gender));
        query.addBindValue(coverage.active ? 1 : 0);
        query.addBindValue(SqlValues::fromDate(coverage.effectiveDate));
        query.addBindValue(SqlValues::fromDate(coverage.terminationDate));
        if (coverage.id != 0)
            query.addBindValue(coverage.id);
        if (!query.exec())
            return StoreResult<Coverage>::failure(saveFailed(query.lastError()));
        if (coverage.id == 0) {
            coverage.id = query.lastInsertId().toLongLong();
        } else if (query.numRowsAffected() == 0) {
            return StoreResult<Coverage>::failure(QCoreApplication::translate(
                "Store", "This coverage no longer exists; someone may have removed it."));
        }
        if (!transaction.commit())
            return StoreResult<Coverage>::failure(saveFailed(transaction.lastError()));
    }
    const StoreResult<std::optional<Coverage>> stored = find(coverage.id);
    if (!stored)
        return StoreResult<Coverage>::failure(stored.error());
    if (!stored->has_value())
        return StoreResult<Coverage>::failure(saveFailed(db.lastError().text()));
    return **stored;
}

StoreResult<QList<Coverage>> CoverageRepository::insertMany(const QList<Coverage> &coverages)
{
    const auto knownPayers = payers();
    if (!knownPayers)
        return StoreResult<QList<Coverage>>::failure(knownPayers.error());
    QHash<QString, QString> payerNames;
    for (const Payer &payer : *knownPayers)
        payerNames.insert(payer.id, payer.name);

    QSqlDatabase db = Database::connection(m_connection);
    TransactionGuard transaction(db);
    if (!transaction.isActive())
        return StoreResult<QList<Coverage>>::failure(saveFailed(transaction.lastError()));
    // One prepared statement for every row; the foreign key refuses a missing patient.
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "INSERT INTO coverages (patient_id, payer_id, payer_name, member_id, group_number, "
        "plan_name, coverage_order, relationship, subscriber_first_name, subscriber_last_name, "
        "subscriber_dob, subscriber_gender, active, effective_date, termination_date) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    QList<Coverage> stored;
    stored.reserve(coverages.size());
    for (qsizetype i = 0; i < coverages.size(); ++i) {
        Coverage coverage = normalized(coverages.at(i));
        coverage.id = 0;
        QString problem = validationError(coverage);
        if (problem.isEmpty() && !payerNames.contains(coverage.payerId)) {
            problem = QCoreApplication::translate("Store",
                                                  "The payer %1 is not in the payer list; add it "
                                                  "there first.")
                          .arg(coverage.payerId);
        }
        if (problem.isEmpty()) {
            if (coverage.payerName.isEmpty())
                coverage.payerName = payerNames.value(coverage.payerId);
            const QVariant values[] = {coverage.patientId,
                                       coverage.payerId,
                                       SqlValues::fromText(coverage.payerName),
                                       coverage.memberId,
                                       SqlValues::fromText(coverage.groupNumber),
                                       SqlValues::fromText(coverage.planName),
                                       int(coverage.order),
                                       relationshipCode(coverage.relationship),
                                       SqlValues::fromText(coverage.subscriber.firstName),
                                       SqlValues::fromText(coverage.subscriber.lastName),
                                       SqlValues::fromDate(coverage.subscriber.dateOfBirth),
                                       genderCode(coverage.subscriber.gender),
                                       coverage.active ? 1 : 0,
                                       SqlValues::fromDate(coverage.effectiveDate),
                                       SqlValues::fromDate(coverage.terminationDate)};
            int position = 0;
            for (const QVariant &value : values)
                query.bindValue(position++, value);
            if (query.exec())
                coverage.id = query.lastInsertId().toLongLong();
            else
                problem = saveFailed(query.lastError());
        }
        if (!problem.isEmpty()) {
            return StoreResult<QList<Coverage>>::failure(
                QCoreApplication::translate("Store", "Coverage %1 of %2: %3")
                    .arg(i + 1)
                    .arg(coverages.size())
                    .arg(problem));
        }
        stored.append(coverage);
    }
    if (!transaction.commit())
        return StoreResult<QList<Coverage>>::failure(saveFailed(transaction.lastError()));
    return stored;
}

StoreResult<std::optional<Coverage>> CoverageRepository::find(qint64 id) const
{
    QSqlQuery query(Database::connection(m_connection));
    query.prepare(QStringLiteral("SELECT %1 FROM coverages WHERE id = ?").arg(coverageColumns));
    query.addBindValue(id);
    if (!query.exec())
        return StoreResult<std::optional<Coverage>>::failure(readFailed(query));
    if (!query.next())
        return std::optional<Coverage>();
    return std::optional<Coverage>(readCoverage(query));
}

StoreResult<QList<Coverage>> CoverageRepository::forPatient(qint64 patientId) const
{
    return forPatients({patientId});
}

StoreResult<QList<Coverage>> CoverageRepository::forPatients(const QList<qint64> &patientIds) const
{
    QList<Coverage> coverages;
    for (qsizetype from = 0; from < patientIds.size(); from += 500) {
        const QList<qint64> chunk = patientIds.mid(from, 500);
        const QStringList marks(chunk.size(), QStringLiteral("?"));
        QSqlQuery query(Database::connection(m_connection));
        query.setForwardOnly(true);
        query.prepare(QStringLiteral("SELECT %1 FROM coverages WHERE patient_id IN (%2) "
                                     "ORDER BY patient_id, active DESC, coverage_order, id")
                          .arg(coverageColumns, marks.join(QLatin1Char(','))));
        for (const qint64 id : chunk)
            query.addBindValue(id);
        if (!query.exec())
            return StoreResult<QList<Coverage>>::failure(readFailed(query));
        while (query.next())
            coverages.append(readCoverage(query));
        if (query.lastError().isValid()) // a row that could not be read ends the list early
            return StoreResult<QList<Coverage>>::failure(readFailed(query));
    }
    return coverages;
}

StoreResult<bool>
CoverageRepository::setOrders(const QList<std::pair<qint64, CoverageOrder>> &orders)
{
    QSqlQuery query(Database::connection(m_connection));
    query.prepare(QStringLiteral("UPDATE coverages SET coverage_order = ? WHERE id = ?"));
    for (const auto &[id, order] : orders) {
        query.bindValue(0, int(order));
        query.bindValue(1, id);
        if (!query.exec())
            return StoreResult<bool>::failure(saveFailed(query.lastError()));
        if (query.numRowsAffected() == 0)
            return false;
    }
    return true;
}

StoreResult<bool> CoverageRepository::remove(qint64 id)
{
    QSqlQuery query(Database::connection(m_connection));
    query.prepare(QStringLiteral("DELETE FROM coverages WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec()) {
        return StoreResult<bool>::failure(StoreErrors::describe(
            query.lastError(), QCoreApplication::translate("Store", "the coverage")));
    }
    return query.numRowsAffected() > 0;
}

StoreResult<QList<Payer>> CoverageRepository::payers() const
{
    QSqlQuery query(Database::connection(m_connection));
    QList<Payer> payers;
    if (!query.exec(QStringLiteral("SELECT id, name FROM payers ORDER BY name COLLATE NOCASE, id")))
        return StoreResult<QList<Payer>>::failure(readFailed(query));
    while (query.next())
        payers.append({query.value(0).toString(), query.value(1).toString()});
    if (query.lastError().isValid())
        return StoreResult<QList<Payer>>::failure(readFailed(query));
    return payers;
}

StoreResult<std::optional<Payer>> CoverageRepository::payer(const QString &payerId) const
{
    QSqlQuery query(Database::connection(m_connection));
    query.prepare(QStringLiteral("SELECT id, name FROM payers WHERE id = ?"));
    query.addBindValue(payerId.trimmed());
    if (!query.exec())
        return StoreResult<std::optional<Payer>>::failure(readFailed(query));
    if (!query.next())
        return std::optional<Payer>();
    return std::optional<Payer>(Payer{query.value(0).toString(), query.value(1).toString()});
}

StoreResult<Payer> CoverageRepository::savePayer(const Payer &input)
{
    const Payer payer{input.id.trimmed(), input.name.trimmed()};
    if (payer.id.isEmpty())
        return StoreResult<Payer>::failure(
            QCoreApplication::translate("Store", "Enter the payer ID."));
    if (payer.name.isEmpty()) {
        return StoreResult<Payer>::failure(
            QCoreApplication::translate("Store", "Enter the payer's name."));
    }
    QSqlQuery query(Database::connection(m_connection));
    query.prepare(QStringLiteral("INSERT INTO payers (id, name) VALUES (?, ?) "
                                 "ON CONFLICT (id) DO UPDATE SET name = excluded.name"));
    query.addBindValue(payer.id);
    query.addBindValue(payer.name);
    if (!query.exec()) {
        if (StoreErrors::isDatabaseProblem(query.lastError())) {
            return StoreResult<Payer>::failure(StoreErrors::describe(
                query.lastError(), QCoreApplication::translate("Store", "the payer")));
        }
        return StoreResult<Payer>::failure(
            QCoreApplication::translate("Store", "Cannot save the payer: %1")
                .arg(query.lastError().text()));
    }
    return payer;
}

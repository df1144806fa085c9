// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/store/claimbulkwriter.h"

#include "services/store/database.h"
#include "services/store/sqlvalues.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace {
template<typename T> StoreResult<T> fail(const QSqlQuery &query)
{
    return StoreResult<T>::failure(StoreErrors::describe(
        query.lastError(), QCoreApplication::translate("Store", "the claims")));
}

QString joined(const QList<int> &numbers)
{
    QStringList parts;
    for (int n : numbers)
        parts.append(QString::number(n));
    return parts.join(QLatin1Char(','));
}
} // namespace

StoreResult<qint64> ClaimBulkWriter::insertMany(const QList<Claim> &claims)
{
    QSqlDatabase db = Database::connection(m_connection);
    TransactionGuard transaction(db);
    if (!transaction.isActive())
        return StoreResult<qint64>::failure(
            transaction.describeError(QCoreApplication::translate("Store", "the claims")));
    QSqlQuery next(db);
    if (!next.exec(QStringLiteral("SELECT ifnull(max(id), 0) + 1, "
                                  "(SELECT claim_prefix FROM claim_sync WHERE id = 1) FROM claims")) ||
        !next.next())
        return fail<qint64>(next);
    const qint64 first = next.value(0).toLongLong();
    const QString prefix = next.value(1).toString();
    // Done with it: a statement left open keeps its snapshot past the commit, and the WAL
    // could never be checkpointed behind it.
    next.finish();

    QSqlQuery claim(db);
    claim.prepare(QStringLiteral(
        "INSERT INTO claims (id, claim_number, patient_id, patient_name, patient_name_key, "
        "patient_dob, patient_gender, coverage_id, insurance_id, payer_name, member_id, "
        "billing_name, billing_npi, rendering_name, rendering_npi, place_of_service, "
        "date_of_service, priority, notes, status, frequency, replaces_claim_id, payer_claim_id, "
        "payer_message, billed_cents, allowed_cents, paid_cents, patient_resp_cents, "
        "expected_payment_date, appointment_id, created_at, status_changed_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "?, ?, ?, ?, ?, ?, ?)"));
    QSqlQuery diagnosis(db);
    diagnosis.prepare(QStringLiteral(
        "INSERT INTO claim_diagnoses (claim_id, position, code, description) VALUES (?, ?, ?, ?)"));
    QSqlQuery line(db);
    line.prepare(QStringLiteral(
        "INSERT INTO claim_lines (claim_id, position, procedure_code, modifiers, units, "
        "charge_cents, pointers, description) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));

    const QVariant noText(QMetaType::fromType<QString>());
    qint64 id = first;
    for (const Claim &c : claims) {
        int i = 0;
        claim.bindValue(i++, id);
        claim.bindValue(i++, QStringLiteral("CLM%1%2").arg(prefix).arg(id, 7, 10, QLatin1Char('0')));
        claim.bindValue(i++, SqlValues::fromId(c.patientId));
        claim.bindValue(i++, SqlValues::fromText(c.patientName));
        claim.bindValue(i++, SqlValues::fromText(nameKey(c.patientName)));
        claim.bindValue(i++, SqlValues::fromDate(c.patientDateOfBirth));
        claim.bindValue(i++, genderCode(c.patientGender));
        claim.bindValue(i++, SqlValues::fromId(c.coverageId));
        claim.bindValue(i++, SqlValues::fromText(c.insuranceId));
        claim.bindValue(i++, SqlValues::fromText(c.payerName));
        claim.bindValue(i++, SqlValues::fromText(c.memberId));
        claim.bindValue(i++, SqlValues::fromText(c.billingProvider.name));
        claim.bindValue(i++, SqlValues::fromText(c.billingProvider.npi));
        claim.bindValue(i++, SqlValues::fromText(c.renderingProvider.name));
        claim.bindValue(i++, SqlValues::fromText(c.renderingProvider.npi));
        claim.bindValue(i++, SqlValues::fromText(c.placeOfService));
        claim.bindValue(i++, SqlValues::fromDate(c.dateOfService));
        claim.bindValue(i++, claimPriorityKey(c.priority));
        claim.bindValue(i++, SqlValues::fromText(c.notes));
        claim.bindValue(i++, claimStatusKey(c.status));
        claim.bindValue(i++, int(c.frequency));
        claim.bindValue(i++, SqlValues::fromId(c.replacesClaimId));
        claim.bindValue(i++, c.payerClaimId.isEmpty() ? noText : QVariant(c.payerClaimId));
        claim.bindValue(i++, SqlValues::fromText(c.payerMessage));
        claim.bindValue(i++, c.totalChargeCents());
        claim.bindValue(i++, c.allowedCents);
        claim.bindValue(i++, c.paidCents);
        claim.bindValue(i++, c.patientResponsibilityCents);
        claim.bindValue(i++, SqlValues::fromDate(c.expectedPaymentDate));
        claim.bindValue(i++, SqlValues::fromId(c.appointmentId));
        const QDateTime now = SqlValues::nowUtc();
        const QDateTime created = c.createdAt.isValid() ? c.createdAt : now;
        claim.bindValue(i++, SqlValues::fromTimestamp(created));
        claim.bindValue(i++, SqlValues::fromTimestamp(c.statusChangedAt.isValid() ? c.statusChangedAt
                                                                                 : created));
        claim.bindValue(i++, SqlValues::fromTimestamp(c.updatedAt.isValid() ? c.updatedAt : created));
        if (!claim.exec())
            return fail<qint64>(claim);
        for (int d = 0; d < c.diagnoses.size(); ++d) {
            diagnosis.bindValue(0, id);
            diagnosis.bindValue(1, d + 1);
            diagnosis.bindValue(2, SqlValues::fromText(icd10Stored(c.diagnoses.at(d).code)));
            diagnosis.bindValue(3, SqlValues::fromText(c.diagnoses.at(d).description));
            if (!diagnosis.exec())
                return fail<qint64>(diagnosis);
        }
        for (int l = 0; l < c.lines.size(); ++l) {
            const ServiceLine &s = c.lines.at(l);
            line.bindValue(0, id);
            line.bindValue(1, l + 1);
            line.bindValue(2, SqlValues::fromText(s.procedureCode));
            line.bindValue(3, SqlValues::fromText(s.modifiers.join(QLatin1Char(','))));
            line.bindValue(4, s.units);
            line.bindValue(5, s.chargeCents);
            line.bindValue(6, SqlValues::fromText(joined(s.diagnosisPointers)));
            line.bindValue(7, SqlValues::fromText(s.description));
            if (!line.exec())
                return fail<qint64>(line);
        }
        ++id;
    }
    if (!transaction.commit())
        return StoreResult<qint64>::failure(
            transaction.describeError(QCoreApplication::translate("Store", "the claims")));
    return first;
}

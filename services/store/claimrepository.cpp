// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/store/claimrepository.h"

#include "services/domain/payorjson.h"
#include "services/store/database.h"
#include "services/store/sqlvalues.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace {
const QString claimColumns = QStringLiteral(
    "id, claim_number, patient_id, patient_name, patient_dob, patient_gender, coverage_id, "
    "insurance_id, payer_name, member_id, billing_name, billing_npi, rendering_name, "
    "rendering_npi, place_of_service, date_of_service, priority, notes, status, frequency, "
    "replaces_claim_id, payer_claim_id, payer_message, allowed_cents, paid_cents, "
    "patient_resp_cents, expected_payment_date, coverage_override_by, coverage_override_reason, "
    "appointment_id, created_at, status_changed_at, updated_at");

const QString outboxColumns =
    QStringLiteral("claim_id, idempotency_key, payload, payload_hash, state, attempts, "
                   "next_attempt_at, first_attempt_at, last_error");

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

QList<int> numbersOf(const QString &text)
{
    QList<int> numbers;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        numbers.append(part.toInt());
    return numbers;
}

Claim readClaim(const QSqlQuery &q)
{
    Claim c;
    c.id = q.value(0).toLongLong();
    c.claimNumber = q.value(1).toString();
    c.patientId = q.value(2).toLongLong();
    c.patientName = q.value(3).toString();
    c.patientDateOfBirth = SqlValues::toDate(q.value(4));
    c.patientGender = genderFromCode(q.value(5).toString());
    c.coverageId = q.value(6).toLongLong();
    c.insuranceId = q.value(7).toString();
    c.payerName = q.value(8).toString();
    c.memberId = q.value(9).toString();
    c.billingProvider = {q.value(10).toString(), q.value(11).toString()};
    c.renderingProvider = {q.value(12).toString(), q.value(13).toString()};
    c.placeOfService = q.value(14).toString();
    c.dateOfService = SqlValues::toDate(q.value(15));
    c.priority = claimPriorityFromKey(q.value(16).toString()).value_or(ClaimPriority::Medium);
    c.notes = q.value(17).toString();
    c.status = claimStatusFromKey(q.value(18).toString()).value_or(ClaimStatus::Error);
    const int frequency = q.value(19).toInt();
    c.frequency = frequency == 7   ? ClaimFrequency::Replacement
                  : frequency == 8 ? ClaimFrequency::Void
                                   : ClaimFrequency::Original;
    c.replacesClaimId = q.value(20).toLongLong();
    c.payerClaimId = q.value(21).toString();
    c.payerMessage = q.value(22).toString();
    c.allowedCents = q.value(23).toLongLong();
    c.paidCents = q.value(24).toLongLong();
    c.patientResponsibilityCents = q.value(25).toLongLong();
    c.expectedPaymentDate = SqlValues::toDate(q.value(26));
    c.coverageOverrideBy = q.value(27).toString();
    c.coverageOverrideReason = q.value(28).toString();
    c.appointmentId = q.value(29).toLongLong();
    c.createdAt = SqlValues::toTimestamp(q.value(30));
    c.statusChangedAt = SqlValues::toTimestamp(q.value(31));
    c.updatedAt = SqlValues::toTimestamp(q.value(32));
    return c;
}

ClaimOutboxItem readOutbox(const QSqlQuery &q)
{
    ClaimOutboxItem item;
    item.claimId = q.value(0).toLongLong();
    item.idempotencyKey = q.value(1).toString();
    item.payload = q.value(2).toString().toUtf8();
    item.payloadHash = q.value(3).toString();
    item.state = q.value(4).toString();
    item.attempts = q.value(5).toInt();
    item.nextAttemptAt = SqlValues::toTimestamp(q.value(6));
    item.firstAttemptAt = SqlValues::toTimestamp(q.value(7));
    item.lastError = q.value(8).toString();
    return item;
}

//! Binds the content columns (what a person writes on a claim) in claimColumns' order from
//! patient_id to notes, then appointment_id.
void bindContent(QSqlQuery &q, const Claim &c)
{
    q.addBindValue(SqlValues::fromId(c.patientId));
    q.addBindValue(SqlValues::fromText(c.patientName));
    q.addBindValue(SqlValues::fromText(nameKey(c.patientName)));
    q.addBindValue(SqlValues::fromDate(c.patientDateOfBirth));
    q.addBindValue(genderCode(c.patientGender));
    q.addBindValue(SqlValues::fromId(c.coverageId));
    q.addBindValue(SqlValues::fromText(c.insuranceId));
    q.addBindValue(SqlValues::fromText(c.payerName));
    q.addBindValue(SqlValues::fromText(c.memberId));
    q.addBindValue(SqlValues::fromText(c.billingProvider.name));
    q.addBindValue(SqlValues::fromText(c.billingProvider.npi));
    q.addBindValue(SqlValues::fromText(c.renderingProvider.name));
    q.addBindValue(SqlValues::fromText(c.renderingProvider.npi));
    q.addBindValue(SqlValues::fromText(c.placeOfService));
    q.addBindValue(SqlValues::fromDate(c.dateOfService));
    q.addBindValue(claimPriorityKey(c.priority));
    q.addBindValue(SqlValues::fromText(c.notes));
    q.addBindValue(c.totalChargeCents());
    q.addBindValue(SqlValues::fromId(c.appointmentId));
}
} // namespace

StoreResult<Claim> ClaimRepository::insert(const Claim &claim)
{
    QSqlQuery q(Database::connection(m_connection));
    // The number is made from the id, which only the insert knows: a placeholder first, unique
    // because the rowid to come is unique.
    q.prepare(QStringLiteral(
        "INSERT INTO claims (claim_number, patient_id, patient_name, patient_name_key, "
        "patient_dob, patient_gender, coverage_id, insurance_id, payer_name, member_id, "
        "billing_name, billing_npi, rendering_name, rendering_npi, place_of_service, "
        "date_of_service, priority, notes, billed_cents, appointment_id, status, frequency, "
        "replaces_claim_id, payer_claim_id, coverage_override_by, coverage_override_reason, "
        "created_at, status_changed_at, updated_at) VALUES ("
        "'new-' || lower(hex(randomblob(8))), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    bindContent(q, claim);
    const QDateTime now = SqlValues::nowUtc();
    q.addBindValue(claimStatusKey(claim.status));
    q.addBindValue(int(claim.frequency));
    q.addBindValue(SqlValues::fromId(claim.replacesClaimId));
    q.addBindValue(claim.payerClaimId.isEmpty() || claim.frequency != ClaimFrequency::Original
                       ? QVariant(QMetaType::fromType<QString>())
                       : QVariant(claim.payerClaimId));
    q.addBindValue(SqlValues::fromText(claim.coverageOverrideBy));
    q.addBindValue(SqlValues::fromText(claim.coverageOverrideReason));
    q.addBindValue(SqlValues::fromTimestamp(now));
    q.addBindValue(SqlValues::fromTimestamp(now));
    q.addBindValue(SqlValues::fromTimestamp(now));
    if (!q.exec())
        return fail<Claim>(q);
    const qint64 id = q.lastInsertId().toLongLong();
    QSqlQuery number(Database::connection(m_connection));
    number.prepare(QStringLiteral(
        "UPDATE claims SET claim_number = 'CLM' || (SELECT claim_prefix FROM claim_sync "
        "WHERE id = 1) || printf('%07d', id) WHERE id = ?"));
    number.addBindValue(id);
    if (!number.exec())
        return fail<Claim>(number);
    Claim stored = claim;
    stored.id = id;
    const auto written = writeCodes(stored);
    if (!written)
        return StoreResult<Claim>::failure(written.error());
    const auto found = find(id);
    if (!found)
        return StoreResult<Claim>::failure(found.error());
    return **found;
}

StoreResult<Claim> ClaimRepository::updateContent(const Claim &claim)
{
    QSqlQuery q(Database::connection(m_connection));
    q.prepare(QStringLiteral(
        "UPDATE claims SET patient_id = ?, patient_name = ?, patient_name_key = ?, "
        "patient_dob = ?, patient_gender = ?, coverage_id = ?, insurance_id = ?, payer_name = ?, "
        "member_id = ?, billing_name = ?, billing_npi = ?, rendering_name = ?, rendering_npi = ?, "
        "place_of_service = ?, date_of_service = ?, priority = ?, notes = ?, billed_cents = ?, "
        "appointment_id = ?, updated_at = ? WHERE id = ? AND status IN ('draft', 'error')"));
    bindContent(q, claim);
    q.addBindValue(SqlValues::fromTimestamp(SqlValues::nowUtc()));
    q.addBindValue(claim.id);
    if (!q.exec())
        return fail<Claim>(q);
    if (q.numRowsAffected() != 1) {
        return StoreResult<Claim>::failure(QCoreApplication::translate(
            "Store", "Only a draft claim, or one that could not be delivered, can be edited."));
    }
    const auto written = writeCodes(claim);
    if (!written)
        return StoreResult<Claim>::failure(written.error());
    const auto found = find(claim.id);
    if (!found)
        return StoreResult<Claim>::failure(found.error());
    return **found;
}

StoreResult<bool> ClaimRepository::writeCodes(const Claim &claim)
{
    QSqlDatabase db = Database::connection(m_connection);
    for (const char *table : {"claim_diagnoses", "claim_lines"}) {
        QSqlQuery clear(db);
        clear.prepare(QStringLiteral("DELETE FROM %1 WHERE claim_id = ?").arg(QLatin1String(table)));
        clear.addBindValue(claim.id);
        if (!clear.exec())
            return fail<bool>(clear);
    }
    QSqlQuery diagnosis(db);
    diagnosis.prepare(QStringLiteral(
        "INSERT INTO claim_diagnoses (claim_id, position, code, description) VALUES (?, ?, ?, ?)"));
    for (int i = 0; i < claim.diagnoses.size(); ++i) {
        diagnosis.bindValue(0, claim.id);
        diagnosis.bindValue(1, i + 1);
        diagnosis.bindValue(2, SqlValues::fromText(icd10Stored(claim.diagnoses.at(i).code)));
        diagnosis.bindValue(3, SqlValues::fromText(claim.diagnoses.at(i).description));
        if (!diagnosis.exec())
            return fail<bool>(diagnosis);
    }
    QSqlQuery line(db);
    line.prepare(QStringLiteral(
        "INSERT INTO claim_lines (claim_id, position, procedure_code, modifiers, units, "
        "charge_cents, pointers, description) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    for (int i = 0; i < claim.lines.size(); ++i) {
        const ServiceLine &l = claim.lines.at(i);
        line.bindValue(0, claim.id);
        line.bindValue(1, i + 1);
        line.bindValue(2, SqlValues::fromText(l.procedureCode));
        line.bindValue(3, SqlValues::fromText(l.modifiers.join(QLatin1Char(','))));
        line.bindValue(4, l.units);
        line.bindValue(5, l.chargeCents);
        line.bindValue(6, SqlValues::fromText(joined(l.diagnosisPointers)));
        line.bindValue(7, SqlValues::fromText(l.description));
        if (!line.exec())
            return fail<bool>(line);
    }
    return true;
}

StoreResult<bool> ClaimRepository::readCodes(Claim *claim) const
{
    QSqlDatabase db = Database::connection(m_connection);
    QSqlQuery diagnoses(db);
    diagnoses.prepare(QStringLiteral(
        "SELECT code, description FROM claim_diagnoses WHERE claim_id = ? ORDER BY position"));
    diagnoses.addBindValue(claim->id);
    if (!diagnoses.exec())
        return fail<bool>(diagnoses);
    while (diagnoses.next())
        claim->diagnoses.append({diagnoses.value(0).toString(), diagnoses.value(1).toString()});
    QSqlQuery lines(db);
    lines.prepare(QStringLiteral(
        "SELECT procedure_code, modifiers, units, charge_cents, pointers, description "
        "FROM claim_lines WHERE claim_id = ? ORDER BY position"));
    lines.addBindValue(claim->id);
    if (!lines.exec())
        return fail<bool>(lines);
    while (lines.next()) {
        ServiceLine line;
        line.procedureCode = lines.value(0).toString();
        line.modifiers = lines.value(1).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
        line.units = lines.value(2).toInt();
        line.chargeCents = lines.value(3).toLongLong();
        line.diagnosisPointers = numbersOf(lines.value(4).toString());
        line.description = lines.value(5).toString();
        claim->lines.append(line);
    }
    return true;
}

StoreResult<std::optional<Claim>> ClaimRepository::findWhere(const QString &condition,
                                                            const QVariant &value) const
{
    using Result = StoreResult<std::optional<Claim>>;
    QSqlQuery q(Database::connection(m_connection));
    q.prepare(QStringLiteral("SELECT %1 FROM claims WHERE %2").arg(claimColumns, condition));
    q.addBindValue(value);
    if (!q.exec())
        return fail<std::optional<Claim>>(q);
    if (!q.next())
        return Result(std::nullopt);
    Claim claim = readClaim(q);
    const auto codes = readCodes(&claim);
    if (!codes)
        return Result::failure(codes.error());
    return Result(std::optional<Claim>(claim));
}

StoreResult<std::optional<Claim>> ClaimRepository::find(qint64 id) const
{
    return findWhere(QStringLiteral("id = ?"), id);
}

StoreResult<std::optional<Claim>> ClaimRepository::findByNumber(const QString &claimNumber) const
{
    return findWhere(QStringLiteral("claim_number = ?"), claimNumber);
}

StoreResult<std::optional<Claim>>
ClaimRepository::findByPayerClaimId(const QString &payerClaimId) const
{
    return findWhere(QStringLiteral("payer_claim_id = ?"), payerClaimId);
}

StoreResult<Claim> ClaimRepository::saveStatus(const Claim &claim, const QDateTime &payorTime)
{
    QSqlQuery q(Database::connection(m_connection));
    const QDateTime now = SqlValues::nowUtc();
    q.prepare(QStringLiteral(
        "UPDATE claims SET status_changed_at = CASE WHEN status = ? THEN status_changed_at "
        "ELSE ? END, status = ?, payer_claim_id = ?, payer_message = ?, allowed_cents = ?, "
        "paid_cents = ?, patient_resp_cents = ?, expected_payment_date = ?, "
        "coverage_override_by = ?, coverage_override_reason = ?, updated_at = ?, "
        "payor_updated_at = COALESCE(?, payor_updated_at) WHERE id = ?"));
    const QString status = claimStatusKey(claim.status);
    q.addBindValue(status);
    q.addBindValue(SqlValues::fromTimestamp(now));
    q.addBindValue(status);
    q.addBindValue(claim.payerClaimId.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                                : QVariant(claim.payerClaimId));
    q.addBindValue(SqlValues::fromText(claim.payerMessage));
    q.addBindValue(claim.allowedCents);
    q.addBindValue(claim.paidCents);
    q.addBindValue(claim.patientResponsibilityCents);
    q.addBindValue(SqlValues::fromDate(claim.expectedPaymentDate));
    q.addBindValue(SqlValues::fromText(claim.coverageOverrideBy));
    q.addBindValue(SqlValues::fromText(claim.coverageOverrideReason));
    q.addBindValue(SqlValues::fromTimestamp(now));
    q.addBindValue(SqlValues::fromTimestamp(payorTime));
    q.addBindValue(claim.id);
    if (!q.exec())
        return fail<Claim>(q);
    if (q.numRowsAffected() != 1) {
        return StoreResult<Claim>::failure(
            QCoreApplication::translate("Store", "The claim %1 no longer exists.")
                .arg(claim.claimNumber));
    }
    const auto found = find(claim.id);
    if (!found)
        return StoreResult<Claim>::failure(found.error());
    return **found;
}

StoreResult<QDateTime> ClaimRepository::payorTime(qint64 claimId) const
{
    QSqlQuery q(Database::connection(m_connection));
    q.prepare(QStringLiteral("SELECT payor_updated_at FROM claims WHERE id = ?"));
    q.addBindValue(claimId);
    if (!q.exec())
        return fail<QDateTime>(q);
    return q.next() ? SqlValues::toTimestamp(q.value(0)) : QDateTime();
}

StoreResult<bool> ClaimRepository::addTimeline(qint64 claimId, const ClaimTimelineEntry &entry)
{
    QSqlQuery q(Database::connection(m_connection));
    q.prepare(QStringLiteral("INSERT INTO claim_timeline (claim_id, at, status, source, message, "
                             "actor) VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(claimId);
    q.addBindValue(SqlValues::fromTimestamp(entry.at.isValid() ? entry.at : SqlValues::nowUtc()));
    q.addBindValue(claimStatusKey(entry.status));
    q.addBindValue(claimEventSourceKey(entry.source));
    q.addBindValue(SqlValues::fromText(entry.message));
    q.addBindValue(SqlValues::fromText(entry.actor));
    if (!q.exec())
        return fail<bool>(q);
    return true;
}

StoreResult<QList<ClaimTimelineEntry>> ClaimRepository::timeline(qint64 claimId) const
{
    QSqlQuery q(Database::connection(m_connection));
    q.prepare(QStringLiteral("SELECT at, status, source, message, actor FROM claim_timeline "
                             "WHERE claim_id = ? ORDER BY id"));
    q.addBindValue(claimId);
    if (!q.exec())
        return fail<QList<ClaimTimelineEntry>>(q);
    QList<ClaimTimelineEntry> entries;
    while (q.next()) {
        entries.append({SqlValues::toTimestamp(q.value(0)),
                        claimStatusFromKey(q.value(1).toString()).value_or(ClaimStatus::Error),
                        claimEventSourceFromKey(q.value(2).toString())
                            .value_or(ClaimEventSource::Person),
                        q.value(3).toString(), q.value(4).toString()});
    }
    return entries;
}

StoreResult<bool> ClaimRepository::enqueue(const ClaimOutboxItem &item)
{
    QSqlQuery q(Database::connection(m_connection));
    q.prepare(QStringLiteral(
        "INSERT INTO claim_outbox (claim_id, idempotency_key, payload, payload_hash, state, "
        "attempts, next_attempt_at, created_at) VALUES (?, ?, ?, ?, 'pending', 0, ?, ?) "
        "ON CONFLICT (claim_id) DO UPDATE SET idempotency_key = excluded.idempotency_key, "
        "payload = excluded.payload, payload_hash = excluded.payload_hash, state = 'pending', "
        "attempts = 0, next_attempt_at = excluded.next_attempt_at, first_attempt_at = NULL, "
        "last_error = '' WHERE claim_outbox.idempotency_key <> excluded.idempotency_key"));
    const QDateTime now = SqlValues::nowUtc();
    q.addBindValue(item.claimId);
    q.addBindValue(item.idempotencyKey);
    q.addBindValue(QString::fromUtf8(item.payload));
    q.addBindValue(item.payloadHash);
    q.addBindValue(SqlValues::fromTimestamp(item.nextAttemptAt.isValid() ? item.nextAttemptAt
                                                                         : now));
    q.addBindValue(SqlValues::fromTimestamp(now));
    if (!q.exec())
        return fail<bool>(q);
    return q.numRowsAffected() == 1;
}

StoreResult<std::optional<ClaimOutboxItem>> ClaimRepository::outboxItem(qint64 claimId) const
{
    using Result = StoreResult<std::optional<ClaimOutboxItem>>;
    QSqlQuery q(Database::connection(m_connection));
    q.prepare(QStringLiteral("SELECT %1 FROM claim_outbox WHERE claim_id = ?").arg(outboxColumns));
    q.addBindValue(claimId);
    if (!q.exec())
        return fail<std::optional<ClaimOutboxItem>>(q);
    if (!q.next())
        return Result(std::nullopt);
    return Result(std::optional<ClaimOutboxItem>(readOutbox(q)));
}

StoreResult<QList<ClaimOutboxItem>> ClaimRepository::dueOutbox(const QDateTime &now,
                                                              int limit) const
{
    QSqlQuery q(Database::connection(m_connection));
    q.prepare(QStringLiteral("SELECT %1 FROM claim_outbox WHERE state IN ('pending', 'inflight') "
                             "AND next_attempt_at <= ? ORDER BY next_attempt_at, claim_id "
                             "LIMIT ?")
                  .arg(outboxColumns));
    q.addBindValue(SqlValues::fromTimestamp(now));
    q.addBindValue(limit);
    if (!q.exec())
        return fail<QList<ClaimOutboxItem>>(q);
    QList<ClaimOutboxItem> items;
    while (q.next())
        items.append(readOutbox(q));
    return items;
}

StoreResult<QDateTime> ClaimRepository::nextOutboxAttempt() const
{
    QSqlQuery q(Database::connection(m_connection));
    if (!q.exec(QStringLiteral("SELECT MIN(next_attempt_at) FROM claim_outbox "
                               "WHERE state IN ('pending', 'inflight')")))
        return fail<QDateTime>(q);
    return q.next() ? SqlValues::toTimestamp(q.value(0)) : QDateTime();
}

StoreResult<bool> ClaimRepository::updateOutbox(const ClaimOutboxItem &item)
{
    QSqlQuery q(Database::connection(m_connection));
    q.prepare(QStringLiteral("UPDATE claim_outbox SET state = ?, attempts = ?, "
                             "next_attempt_at = ?, first_attempt_at = ?, last_error = ? "
                             "WHERE claim_id = ? AND idempotency_key = ?"));
    q.addBindValue(item.state);
    q.addBindValue(item.attempts);
    q.addBindValue(SqlValues::fromTimestamp(item.nextAttemptAt.isValid() ? item.nextAttemptAt
                                                                         : SqlValues::nowUtc()));
    q.addBindValue(SqlValues::fromTimestamp(item.firstAttemptAt));
    q.addBindValue(SqlValues::fromText(item.lastError));
    q.addBindValue(item.claimId);
    q.addBindValue(item.idempotencyKey);
    if (!q.exec())
        return fail<bool>(q);
    return q.numRowsAffected() == 1;
}

StoreResult<int> ClaimRepository::releaseInflight(const QDateTime &now)
{
    QSqlQuery q(Database::connection(m_connection));
    q.prepare(QStringLiteral("UPDATE claim_outbox SET state = 'pending', next_attempt_at = ? "
                             "WHERE state = 'inflight'"));
    q.addBindValue(SqlValues::fromTimestamp(now));
    if (!q.exec())
        return fail<int>(q);
    return q.numRowsAffected();
}

StoreResult<qint64> ClaimRepository::addRemittance(qint64 claimId, const Remittance &remittance,
                                                   bool balanced, const QString &balanceError)
{
    QSqlQuery q(Database::connection(m_connection));
    q.prepare(QStringLiteral(
        "INSERT INTO remittances (claim_id, claim_number, payer_claim_id, source, status_code, "
        "billed_cents, paid_cents, patient_resp_cents, payment_date, check_number, payer_name, "
        "balanced, balance_error, detail, received_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (claim_number, source, check_number, paid_cents) DO NOTHING"));
    q.addBindValue(SqlValues::fromId(claimId));
    q.addBindValue(SqlValues::fromText(remittance.claimNumber));
    q.addBindValue(SqlValues::fromText(remittance.payerClaimId));
    q.addBindValue(SqlValues::fromText(remittance.source));
    q.addBindValue(SqlValues::fromText(remittance.statusCode));
    q.addBindValue(remittance.billedCents);
    q.addBindValue(remittance.paidCents);
    q.addBindValue(remittance.patientResponsibilityCents);
    q.addBindValue(SqlValues::fromDate(remittance.paymentDate));
    q.addBindValue(SqlValues::fromText(remittance.checkNumber));
    q.addBindValue(SqlValues::fromText(remittance.payerName));
    q.addBindValue(balanced ? 1 : 0);
    q.addBindValue(SqlValues::fromText(balanceError));
    q.addBindValue(QString::fromUtf8(
        QJsonDocument(PayorJson::remittanceJson(remittance)).toJson(QJsonDocument::Compact)));
    q.addBindValue(SqlValues::fromTimestamp(SqlValues::nowUtc()));
    if (!q.exec())
        return fail<qint64>(q);
    // 0: this remittance was stored before.
    return q.numRowsAffected() == 1 ? q.lastInsertId().toLongLong() : 0;
}

StoreResult<QList<StoredRemittance>> ClaimRepository::remittances(qint64 claimId) const
{
    QSqlQuery q(Database::connection(m_connection));
    q.prepare(QStringLiteral("SELECT id, claim_id, source, payer_name, balanced, balance_error, "
                             "detail, received_at FROM remittances WHERE claim_id = ? "
                             "ORDER BY id"));
    q.addBindValue(claimId);
    if (!q.exec())
        return fail<QList<StoredRemittance>>(q);
    QList<StoredRemittance> list;
    while (q.next()) {
        StoredRemittance stored;
        stored.id = q.value(0).toLongLong();
        stored.claimId = q.value(1).toLongLong();
        QString error;
        const auto parsed = PayorJson::parseRemittance(
            QJsonDocument::fromJson(q.value(6).toString().toUtf8()).object(), &error);
        if (parsed)
            stored.remittance = *parsed;
        stored.remittance.source = q.value(2).toString();
        stored.remittance.payerName = q.value(3).toString();
        stored.balanced = q.value(4).toBool();
        stored.balanceError = q.value(5).toString();
        stored.receivedAt = SqlValues::toTimestamp(q.value(7));
        list.append(stored);
    }
    return list;
}

StoreResult<QList<PayorMapping>> ClaimRepository::mappings() const
{
    QSqlQuery q(Database::connection(m_connection));
    if (!q.exec(QStringLiteral(
            "SELECT insurance_id, payor_name, source FROM payor_mappings ORDER BY insurance_id")))
        return fail<QList<PayorMapping>>(q);
    QList<PayorMapping> list;
    while (q.next())
        list.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString()});
    return list;
}

StoreResult<std::optional<PayorMapping>> ClaimRepository::mapping(const QString &insuranceId) const
{
    using Result = StoreResult<std::optional<PayorMapping>>;
    QSqlQuery q(Database::connection(m_connection));
    q.prepare(QStringLiteral("SELECT insurance_id, payor_name, source FROM payor_mappings "
                             "WHERE insurance_id = ?"));
    q.addBindValue(insuranceId.trimmed().toUpper());
    if (!q.exec())
        return fail<std::optional<PayorMapping>>(q);
    if (!q.next())
        return Result(std::nullopt);
    return Result(std::optional<PayorMapping>(
        PayorMapping{q.value(0).toString(), q.value(1).toString(), q.value(2).toString()}));
}

StoreResult<bool> ClaimRepository::saveMapping(const PayorMapping &mapping)
{
    QSqlQuery q(Database::connection(m_connection));
    q.prepare(QStringLiteral(
        "INSERT INTO payor_mappings (insurance_id, payor_name, source, updated_at) "
        "VALUES (?, ?, ?, ?) ON CONFLICT (insurance_id) DO UPDATE SET "
        "payor_name = excluded.payor_name, source = excluded.source, "
        "updated_at = excluded.updated_at"));
    q.addBindValue(mapping.insuranceId.trimmed().toUpper());
    q.addBindValue(mapping.payorName.trimmed());
    q.addBindValue(mapping.source.isEmpty() ? QStringLiteral("local") : mapping.source);
    q.addBindValue(SqlValues::fromTimestamp(SqlValues::nowUtc()));
    if (!q.exec())
        return fail<bool>(q);
    return true;
}

StoreResult<bool> ClaimRepository::removeMapping(const QString &insuranceId)
{
    QSqlQuery q(Database::connection(m_connection));
    q.prepare(QStringLiteral("DELETE FROM payor_mappings WHERE insurance_id = ?"));
    q.addBindValue(insuranceId.trimmed().toUpper());
    if (!q.exec())
        return fail<bool>(q);
    return q.numRowsAffected() == 1;
}

StoreResult<QList<Claim>> ClaimRepository::withStatus(const QList<ClaimStatus> &statuses,
                                                     int limit) const
{
    QStringList marks;
    for (qsizetype i = 0; i < statuses.size(); ++i)
        marks.append(QStringLiteral("?"));
    QSqlQuery q(Database::connection(m_connection));
    q.prepare(QStringLiteral("SELECT %1 FROM claims %2 ORDER BY status_changed_at, id LIMIT ?")
                  .arg(claimColumns, statuses.isEmpty()
                                         ? QString()
                                         : QStringLiteral("WHERE status IN (%1)")
                                               .arg(marks.join(QStringLiteral(", ")))));
    for (ClaimStatus status : statuses)
        q.addBindValue(claimStatusKey(status));
    q.addBindValue(limit);
    if (!q.exec())
        return fail<QList<Claim>>(q);
    QList<Claim> claims;
    while (q.next())
        claims.append(readClaim(q));
    for (Claim &claim : claims) {
        const auto codes = readCodes(&claim);
        if (!codes)
            return StoreResult<QList<Claim>>::failure(codes.error());
    }
    return claims;
}

StoreResult<QList<Claim>> ClaimRepository::forExport(const QList<qint64> &ids, const QDate &from,
                                                    const QDate &to, int limit) const
{
    QStringList conditions{QStringLiteral("status NOT IN ('draft', 'error')")};
    QVariantList values;
    if (!ids.isEmpty()) {
        QStringList marks;
        for (qint64 id : ids) {
            marks.append(QStringLiteral("?"));
            values.append(id);
        }
        conditions.append(QStringLiteral("id IN (%1)").arg(marks.join(QStringLiteral(", "))));
    } else {
        if (from.isValid()) {
            conditions.append(QStringLiteral("date_of_service >= ?"));
            values.append(SqlValues::fromDate(from));
        }
        if (to.isValid()) {
            conditions.append(QStringLiteral("date_of_service <= ?"));
            values.append(SqlValues::fromDate(to));
        }
    }
    QSqlQuery q(Database::connection(m_connection));
    q.prepare(QStringLiteral("SELECT %1 FROM claims WHERE %2 ORDER BY id LIMIT ?")
                  .arg(claimColumns, conditions.join(QStringLiteral(" AND "))));
    for (const QVariant &value : std::as_const(values))
        q.addBindValue(value);
    q.addBindValue(limit);
    if (!q.exec())
        return fail<QList<Claim>>(q);
    QList<Claim> claims;
    while (q.next())
        claims.append(readClaim(q));
    for (Claim &claim : claims) {
        const auto codes = readCodes(&claim);
        if (!codes)
            return StoreResult<QList<Claim>>::failure(codes.error());
    }
    return claims;
}

StoreResult<QDateTime> ClaimRepository::lastSyncTime() const
{
    QSqlQuery q(Database::connection(m_connection));
    if (!q.exec(QStringLiteral("SELECT last_sync_time FROM claim_sync WHERE id = 1")))
        return fail<QDateTime>(q);
    return q.next() ? SqlValues::toTimestamp(q.value(0)) : QDateTime();
}

StoreResult<bool> ClaimRepository::setLastSyncTime(const QDateTime &time)
{
    QSqlQuery q(Database::connection(m_connection));
    q.prepare(QStringLiteral("UPDATE claim_sync SET last_sync_time = ? WHERE id = 1"));
    q.addBindValue(SqlValues::fromTimestamp(time));
    if (!q.exec())
        return fail<bool>(q);
    return true;
}

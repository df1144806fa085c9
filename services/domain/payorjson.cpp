// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/domain/payorjson.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <cmath>

namespace PayorJson {
namespace {
QString text(const QJsonObject &object, const char *key)
{
    const QJsonValue value = object.value(QLatin1String(key));
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 15);
    return value.toString().trimmed();
}

QJsonArray stringArray(const QStringList &strings)
{
    QJsonArray array;
    for (const QString &s : strings)
        array.append(s);
    return array;
}

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array) {
        if (!item.toString().trimmed().isEmpty())
            list.append(item.toString().trimmed());
    }
    return list;
}

QJsonArray adjustmentsJson(const QList<RemittanceAdjustment> &adjustments)
{
    QJsonArray array;
    for (const RemittanceAdjustment &adjustment : adjustments) {
        array.append(QJsonObject{{QStringLiteral("group"), adjustment.group},
                                 {QStringLiteral("reason"), adjustment.reason},
                                 {QStringLiteral("amount"), dollars(adjustment.amountCents)}});
    }
    return array;
}

bool parseAdjustments(const QJsonValue &value, const QString &where,
                      QList<RemittanceAdjustment> *adjustments, QString *error)
{
    const QJsonArray array = value.toArray();
    for (int i = 0; i < array.size(); ++i) {
        const QJsonObject object = array.at(i).toObject();
        RemittanceAdjustment adjustment;
        adjustment.group = text(object, "group").toUpper();
        adjustment.reason = text(object, "reason").toUpper();
        const std::optional<qint64> amount = cents(object.value(QLatin1String("amount")));
        if (adjustment.group.isEmpty() || adjustment.reason.isEmpty() || !amount) {
            *error = QStringLiteral("%1 adjustment %2 needs a group, a reason and an amount")
                         .arg(where)
                         .arg(i + 1);
            return false;
        }
        adjustment.amountCents = *amount;
        adjustments->append(adjustment);
    }
    return true;
}
} // namespace

QJsonValue dollars(qint64 cents)
{
    return double(cents) / 100.0;
}

std::optional<qint64> cents(const QJsonValue &value)
{
    if (value.isDouble()) {
        const double amount = value.toDouble();
        if (!std::isfinite(amount) || std::fabs(amount) > 1e11)
            return std::nullopt;
        return std::llround(amount * 100.0);
    }
    if (value.isString())
        return parseCents(value.toString());
    return std::nullopt;
}

QJsonObject routeClaimBody(const Claim &claim, const Provider &provider)
{
    QJsonArray diagnoses;
    for (int i = 0; i < claim.diagnoses.size(); ++i) {
        diagnoses.append(QJsonObject{{QStringLiteral("pointer"), i + 1},
                                     {QStringLiteral("code"), icd10Display(claim.diagnoses.at(i).code)},
                                     {QStringLiteral("description"),
                                      claim.diagnoses.at(i).description}});
    }
    QJsonArray lines;
    for (const ServiceLine &line : claim.lines) {
        QJsonArray pointers;
        for (int pointer : line.diagnosisPointers)
            pointers.append(pointer);
        lines.append(QJsonObject{{QStringLiteral("procedure_code"), line.procedureCode},
                                 {QStringLiteral("modifiers"), stringArray(line.modifiers)},
                                 {QStringLiteral("units"), line.units},
                                 {QStringLiteral("charge"), dollars(line.chargeCents)},
                                 {QStringLiteral("diagnosis_pointers"), pointers},
                                 {QStringLiteral("description"), line.description}});
    }
    auto providerJson = [](const ClaimProvider &p) {
        return QJsonObject{{QStringLiteral("name"), p.name}, {QStringLiteral("npi"), p.npi}};
    };
    const ClaimDiagnosis firstDiagnosis = claim.diagnoses.value(0);
    const ServiceLine firstLine = claim.lines.value(0);
    QJsonObject data{
        // The seed fields: a payor that knows only those still gets a whole claim's gist.
        {QStringLiteral("patient_name"), claim.patientName},
        {QStringLiteral("insurance_id"), claim.insuranceId},
        {QStringLiteral("diagnosis_code"), icd10Display(firstDiagnosis.code)},
        {QStringLiteral("diagnosis_description"), firstDiagnosis.description},
        {QStringLiteral("procedure_code"), firstLine.procedureCode},
        {QStringLiteral("procedure_description"), firstLine.description},
        {QStringLiteral("amount"), dollars(claim.totalChargeCents())},
        {QStringLiteral("date_of_service"), claim.dateOfService.toString(Qt::ISODate)},
        {QStringLiteral("priority"), claimPriorityKey(claim.priority)},
        {QStringLiteral("notes"), claim.notes},
        // The full claim.
        {QStringLiteral("claim_number"), claim.claimNumber},
        {QStringLiteral("member_id"), claim.memberId},
        {QStringLiteral("patient_date_of_birth"), claim.patientDateOfBirth.toString(Qt::ISODate)},
        {QStringLiteral("patient_gender"), genderCode(claim.patientGender)},
        {QStringLiteral("provider_id"), provider.id},
        {QStringLiteral("provider_name"), provider.name},
        {QStringLiteral("billing_provider"), providerJson(claim.billingProvider)},
        {QStringLiteral("rendering_provider"), providerJson(claim.renderingProvider)},
        {QStringLiteral("place_of_service"), claim.placeOfService},
        {QStringLiteral("frequency_code"), QString::number(int(claim.frequency))},
        {QStringLiteral("diagnoses"), diagnoses},
        {QStringLiteral("lines"), lines},
    };
    if (claim.frequency != ClaimFrequency::Original)
        data.insert(QStringLiteral("original_claim_id"), claim.payerClaimId);
    return {{QStringLiteral("insurance_id"), claim.insuranceId},
            {QStringLiteral("claim_data"), data}};
}

Claim claimFromClaimData(const QJsonObject &data, QStringList *errors)
{
    Claim claim;
    auto wrongType = [&](const QString &field, const char *what) {
        errors->append(QStringLiteral("%1: %2").arg(field, QLatin1String(what)));
    };
    claim.patientName = text(data, "patient_name");
    claim.insuranceId = text(data, "insurance_id");
    claim.claimNumber = text(data, "claim_number");
    claim.memberId = text(data, "member_id");
    claim.patientDateOfBirth =
        QDate::fromString(text(data, "patient_date_of_birth"), Qt::ISODate);
    claim.patientGender = genderFromCode(text(data, "patient_gender"));
    claim.notes = text(data, "notes");
    claim.placeOfService = text(data, "place_of_service");
    const QString dos = text(data, "date_of_service");
    claim.dateOfService = QDate::fromString(dos, Qt::ISODate);
    if (!claim.dateOfService.isValid())
        wrongType(QStringLiteral("date_of_service"), "not a date (YYYY-MM-DD)");
    if (const auto priority = claimPriorityFromKey(text(data, "priority")))
        claim.priority = *priority;
    const int frequency = text(data, "frequency_code").toInt();
    claim.frequency = frequency == 7   ? ClaimFrequency::Replacement
                      : frequency == 8 ? ClaimFrequency::Void
                                       : ClaimFrequency::Original;
    claim.payerClaimId = text(data, "original_claim_id");
    for (const auto &[key, provider] :
         {std::pair{"billing_provider", &claim.billingProvider},
          std::pair{"rendering_provider", &claim.renderingProvider}}) {
        const QJsonObject object = data.value(QLatin1String(key)).toObject();
        provider->name = text(object, "name");
        provider->npi = text(object, "npi");
    }

    const QJsonValue diagnoses = data.value(QLatin1String("diagnoses"));
    if (diagnoses.isArray()) {
        const QJsonArray array = diagnoses.toArray();
        for (int i = 0; i < array.size(); ++i) {
            if (!array.at(i).isObject()) {
                wrongType(QStringLiteral("diagnoses[%1]").arg(i), "not an object");
                continue;
            }
            const QJsonObject object = array.at(i).toObject();
            claim.diagnoses.append({icd10Stored(text(object, "code")), text(object, "description")});
        }
    } else if (!text(data, "diagnosis_code").isEmpty()) {
        // A seed-only claim: one diagnosis and one line.
        claim.diagnoses.append(
            {icd10Stored(text(data, "diagnosis_code")), text(data, "diagnosis_description")});
    } else if (!diagnoses.isUndefined()) {
        wrongType(QStringLiteral("diagnoses"), "not a list");
    }

    const QJsonValue lines = data.value(QLatin1String("lines"));
    if (lines.isArray()) {
        const QJsonArray array = lines.toArray();
        for (int i = 0; i < array.size(); ++i) {
            const QString where = QStringLiteral("lines[%1]").arg(i);
            if (!array.at(i).isObject()) {
                wrongType(where, "not an object");
                continue;
            }
            const QJsonObject object = array.at(i).toObject();
            ServiceLine line;
            line.procedureCode = text(object, "procedure_code").toUpper();
            line.modifiers = strings(object.value(QLatin1String("modifiers")));
            const QJsonValue units = object.value(QLatin1String("units"));
            line.units = units.isUndefined() ? 1 : units.toInt(0);
            const std::optional<qint64> charge = cents(object.value(QLatin1String("charge")));
            if (!charge)
                wrongType(where + QStringLiteral(".charge"), "not an amount");
            line.chargeCents = charge.value_or(0);
            const QJsonArray pointers = object.value(QLatin1String("diagnosis_pointers")).toArray();
            for (const QJsonValue &pointer : pointers)
                line.diagnosisPointers.append(pointer.toInt(0));
            line.description = text(object, "description");
            claim.lines.append(line);
        }
    } else if (!text(data, "procedure_code").isEmpty()) {
        ServiceLine line;
        line.procedureCode = text(data, "procedure_code").toUpper();
        line.description = text(data, "procedure_description");
        line.chargeCents = cents(data.value(QLatin1String("amount"))).value_or(0);
        if (!claim.diagnoses.isEmpty())
            line.diagnosisPointers = {1};
        claim.lines.append(line);
    } else if (!lines.isUndefined()) {
        wrongType(QStringLiteral("lines"), "not a list");
    }
    return claim;
}

QJsonObject statusJson(const ClaimStatusReport &report)
{
    QJsonObject object{
        {QStringLiteral("claim_id"), report.payerClaimId},
        {QStringLiteral("claim_number"), report.claimNumber},
        {QStringLiteral("status"), report.statusText},
        {QStringLiteral("message"), report.message},
        {QStringLiteral("auto_approved"), report.autoApproved},
        {QStringLiteral("coverage_validated"), report.coverageValidated},
        {QStringLiteral("coverage_message"), report.coverageMessage},
        {QStringLiteral("payment_details"),
         QJsonObject{{QStringLiteral("approved_amount"), dollars(report.approvedCents)},
                     {QStringLiteral("patient_responsibility"),
                      dollars(report.patientResponsibilityCents)},
                     {QStringLiteral("expected_payment_date"),
                      report.expectedPaymentDate.isValid()
                          ? QJsonValue(report.expectedPaymentDate.toString(Qt::ISODate))
                          : QJsonValue()}}},
    };
    if (report.billedCents)
        object.insert(QStringLiteral("amount"), dollars(*report.billedCents));
    if (!report.previousStatus.isEmpty())
        object.insert(QStringLiteral("previous_status"), report.previousStatus);
    if (report.updatedAt.isValid())
        object.insert(QStringLiteral("updated_at"),
                      report.updatedAt.toUTC().toString(Qt::ISODateWithMs));
    if (report.remittance)
        object.insert(QStringLiteral("remittance"), remittanceJson(*report.remittance));
    return object;
}

std::optional<ClaimStatusReport> parseStatus(const QJsonObject &object, QString *error)
{
    ClaimStatusReport report;
    report.payerClaimId = text(object, "claim_id");
    report.claimNumber = text(object, "claim_number");
    // A reply says "status", a webhook "new_status".
    report.statusText = text(object, "new_status");
    if (report.statusText.isEmpty())
        report.statusText = text(object, "status");
    report.statusText = report.statusText.toLower();
    report.previousStatus = text(object, "previous_status").toLower();
    if (report.payerClaimId.isEmpty() || report.statusText.isEmpty()) {
        *error = QCoreApplication::translate("PayorJson",
                                             "The payor's answer has no claim_id or no status.");
        return std::nullopt;
    }
    report.status = claimStatusFromKey(report.statusText);
    report.message = text(object, "message");
    report.autoApproved = object.value(QLatin1String("auto_approved")).toBool();
    report.coverageValidated = object.value(QLatin1String("coverage_validated")).toBool();
    report.coverageMessage = text(object, "coverage_message");
    report.billedCents = cents(object.value(QLatin1String("amount")));
    const QJsonObject payment = object.value(QLatin1String("payment_details")).toObject();
    report.approvedCents = cents(payment.value(QLatin1String("approved_amount"))).value_or(0);
    report.patientResponsibilityCents =
        cents(payment.value(QLatin1String("patient_responsibility"))).value_or(0);
    report.expectedPaymentDate =
        QDate::fromString(text(payment, "expected_payment_date"), Qt::ISODate);
    const QString updated = text(object, "updated_at");
    if (!updated.isEmpty()) {
        report.updatedAt = QDateTime::fromString(updated, Qt::ISODateWithMs);
        if (!report.updatedAt.isValid()) {
            *error = QCoreApplication::translate("PayorJson",
                                                 "The payor's updated_at \"%1\" is not a time.")
                         .arg(updated);
            return std::nullopt;
        }
        report.updatedAt = report.updatedAt.toUTC();
    }
    if (object.value(QLatin1String("remittance")).isObject()) {
        report.remittance =
            parseRemittance(object.value(QLatin1String("remittance")).toObject(), error);
        if (!report.remittance)
            return std::nullopt;
    }
    return report;
}

QJsonObject remittanceJson(const Remittance &remittance)
{
    QJsonArray lines;
    for (const RemittanceLine &line : remittance.lines) {
        lines.append(QJsonObject{{QStringLiteral("procedure_code"), line.procedureCode},
                                 {QStringLiteral("modifiers"), stringArray(line.modifiers)},
                                 {QStringLiteral("units"), line.units},
                                 {QStringLiteral("billed"), dollars(line.billedCents)},
                                 {QStringLiteral("allowed"), dollars(line.allowedCents)},
                                 {QStringLiteral("paid"), dollars(line.paidCents)},
                                 {QStringLiteral("adjustments"), adjustmentsJson(line.adjustments)},
                                 {QStringLiteral("remarks"), stringArray(line.remarks)}});
    }
    return {{QStringLiteral("claim_number"), remittance.claimNumber},
            {QStringLiteral("payer_claim_id"), remittance.payerClaimId},
            {QStringLiteral("status_code"), remittance.statusCode},
            {QStringLiteral("billed"), dollars(remittance.billedCents)},
            {QStringLiteral("paid"), dollars(remittance.paidCents)},
            {QStringLiteral("patient_responsibility"),
             dollars(remittance.patientResponsibilityCents)},
            {QStringLiteral("payment_date"), remittance.paymentDate.toString(Qt::ISODate)},
            {QStringLiteral("check_number"), remittance.checkNumber},
            {QStringLiteral("claim_adjustments"), adjustmentsJson(remittance.claimAdjustments)},
            {QStringLiteral("remarks"), stringArray(remittance.remarks)},
            {QStringLiteral("lines"), lines}};
}

std::optional<Remittance> parseRemittance(const QJsonObject &object, QString *error)
{
    Remittance remittance;
    remittance.claimNumber = text(object, "claim_number");
    remittance.payerClaimId = text(object, "payer_claim_id");
    remittance.statusCode = text(object, "status_code");
    remittance.paymentDate = QDate::fromString(text(object, "payment_date"), Qt::ISODate);
    remittance.checkNumber = text(object, "check_number");
    remittance.remarks = strings(object.value(QLatin1String("remarks")));
    remittance.source = QStringLiteral("payor");
    const auto billed = cents(object.value(QLatin1String("billed")));
    const auto paid = cents(object.value(QLatin1String("paid")));
    if (!billed || !paid) {
        *error = QCoreApplication::translate("PayorJson",
                                             "The payor's remittance has no billed or paid amount.");
        return std::nullopt;
    }
    remittance.billedCents = *billed;
    remittance.paidCents = *paid;
    remittance.patientResponsibilityCents =
        cents(object.value(QLatin1String("patient_responsibility"))).value_or(0);
    if (!parseAdjustments(object.value(QLatin1String("claim_adjustments")),
                          QStringLiteral("claim"), &remittance.claimAdjustments, error)) {
        return std::nullopt;
    }
    const QJsonArray lines = object.value(QLatin1String("lines")).toArray();
    for (int i = 0; i < lines.size(); ++i) {
        const QJsonObject lineObject = lines.at(i).toObject();
        RemittanceLine line;
        line.procedureCode = text(lineObject, "procedure_code").toUpper();
        line.modifiers = strings(lineObject.value(QLatin1String("modifiers")));
        line.units = lineObject.value(QLatin1String("units")).toInt(1);
        const auto lineBilled = cents(lineObject.value(QLatin1String("billed")));
        const auto linePaid = cents(lineObject.value(QLatin1String("paid")));
        if (!lineBilled || !linePaid) {
            *error = QCoreApplication::translate("PayorJson",
                                                 "Remittance line %1 has no billed or paid "
                                                 "amount.")
                         .arg(i + 1);
            return std::nullopt;
        }
        line.billedCents = *lineBilled;
        line.paidCents = *linePaid;
        line.allowedCents = cents(lineObject.value(QLatin1String("allowed"))).value_or(0);
        line.remarks = strings(lineObject.value(QLatin1String("remarks")));
        if (!parseAdjustments(lineObject.value(QLatin1String("adjustments")),
                              QStringLiteral("line %1").arg(i + 1), &line.adjustments, error)) {
            return std::nullopt;
        }
        remittance.lines.append(line);
    }
    return remittance;
}

} // namespace PayorJson

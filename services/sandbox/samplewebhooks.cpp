// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/sandbox/samplewebhooks.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QUuid>

#include <array>

namespace SampleWebhooks {
namespace {

struct Persona
{
    const char *firstName;
    const char *lastName;
    const char *externalId;
};

// Metriport's sandbox personas: their first names are what give a sandbox patient data.
constexpr std::array<Persona, 5> personas{{
    {"Jane", "Smith", "DEMO-000001"},
    {"Chris", "Smith", "DEMO-000002"},
    {"Ollie", "Brown", "DEMO-000003"},
    {"Kyla", "Brown", "DEMO-000004"},
    {"Andreas", "Brown", "DEMO-000005"},
}};

struct Document
{
    const char *fileName;
    const char *description;
    const char *mimeType;
    qint64 size;
    const char *loinc;
    const char *display;
};

// About what a persona has: one C-CDA, three PDFs and two images.
constexpr std::array<Document, 6> documents{{
    {"DEMO_CCDA_Summary.xml", "Continuity of care document", "application/xml", 48213, "34133-9",
     "Summary of episode note"},
    {"DEMO_Progress_Note.pdf", "Progress note", "application/pdf", 182340, "11506-3",
     "Progress note"},
    {"DEMO_Lab_Results.pdf", "Laboratory results", "application/pdf", 95112, "11502-2",
     "Laboratory report"},
    {"DEMO_Discharge_Summary.pdf", "Discharge summary", "application/pdf", 120554, "18842-5",
     "Discharge summary"},
    {"DEMO_Chest_XRay.jpeg", "Chest X-ray", "image/jpeg", 402211, "18748-4",
     "Diagnostic imaging study"},
    {"DEMO_Skin_Photo.png", "Clinical photograph", "image/png", 250004, "72170-4",
     "Photographic image"},
}};

const QString filesHost = QStringLiteral("https://files.sandbox.example");

const QStringList metriportTypeList{
    QStringLiteral("ping"),
    QStringLiteral("medical.document-download"),
    QStringLiteral("medical.document-conversion"),
    QStringLiteral("medical.consolidated-data"),
    QStringLiteral("network-query.hie"),
    QStringLiteral("network-query.pharmacy"),
    QStringLiteral("network-query.lab"),
    QStringLiteral("network-query.hie.first-data-ready"),
    QStringLiteral("patient.admit"),
    QStringLiteral("patient.discharge"),
    QStringLiteral("patient.transfer"),
};

const QStringList payorTypeList{
    QStringLiteral("claim_status_update"),
    QStringLiteral("claim_created"),
};

QString isoUtc(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODateWithMs);
}

QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

int cycle(int index, int size)
{
    return ((index % size) + size) % size;
}

const Persona &personaAt(int index)
{
    return personas[size_t(cycle(index, int(personas.size())))];
}

//! The same id for a persona every time, so events about one persona name one patient.
QString patientIdOf(const Persona &persona)
{
    static const QUuid space = QUuid::fromString(u"6b1d3c52-0d7e-4a8e-9f3a-5a0d1e2f3c4b");
    return QUuid::createUuidV5(space, QByteArray("clinicsandbox demo patient ") +
                                          persona.firstName + ' ' + persona.lastName)
        .toString(QUuid::WithoutBraces);
}

QJsonObject meta(const QString &messageId, const QString &type, const QDateTime &when,
                 const QString &requestId = {}, bool withData = true)
{
    QJsonObject object{{QStringLiteral("messageId"), messageId},
                       {QStringLiteral("when"), isoUtc(when)},
                       {QStringLiteral("type"), type}};
    if (!requestId.isEmpty())
        object.insert(QStringLiteral("requestId"), requestId);
    // meta.data echoes the metadata given to the start call (and is dropped on resends).
    if (withData)
        object.insert(QStringLiteral("data"),
                      QJsonObject{{QStringLiteral("source"), QStringLiteral("clinicsandbox")}});
    return object;
}

QJsonObject patientHeader(const Persona &persona, const QString &status)
{
    return {{QStringLiteral("patientId"), patientIdOf(persona)},
            {QStringLiteral("externalId"), QString::fromLatin1(persona.externalId)},
            {QStringLiteral("status"), status}};
}

QJsonObject documentJson(int personaIndex, int documentIndex, const QDateTime &when)
{
    const Document &d = documents[size_t(documentIndex)];
    const QJsonObject coding{{QStringLiteral("system"), QStringLiteral("http://loinc.org")},
                             {QStringLiteral("code"), QString::fromLatin1(d.loinc)},
                             {QStringLiteral("display"), QString::fromLatin1(d.display)}};
    return {
        // 2.999 is the OID arc kept for examples.
        {QStringLiteral("id"),
         QStringLiteral("2.999.7.%1.%2").arg(personaIndex + 1).arg(documentIndex + 1)},
        {QStringLiteral("fileName"), QString::fromLatin1(d.fileName)},
        {QStringLiteral("description"), QString::fromLatin1(d.description)},
        {QStringLiteral("status"), QStringLiteral("current")},
        {QStringLiteral("indexed"), isoUtc(when.addDays(-(documentIndex + 1) * 30))},
        {QStringLiteral("mimeType"), QString::fromLatin1(d.mimeType)},
        {QStringLiteral("size"), double(d.size)},
        {QStringLiteral("type"),
         QJsonObject{{QStringLiteral("coding"), QJsonArray{coding}},
                     {QStringLiteral("text"), QString::fromLatin1(d.display)}}},
    };
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject metriportBody(const QString &type, int index, const QDateTime &when,
                          const QString &messageId)
{
    const int personaIndex = cycle(index, int(personas.size()));
    const Persona &persona = personaAt(index);
    const QString patientId = patientIdOf(persona);
    const QString requestId = newUuid();

    if (type == QLatin1String("ping")) {
        const QString sequence = QString::number(QRandomGenerator::global()->generate64(), 36);
        return {
            {QStringLiteral("ping"), sequence},
            {QStringLiteral("meta"), meta(messageId, type, when, QString(), /*withData=*/false)}};
    }
    if (type == QLatin1String("medical.document-download")) {
        // The C-CDA and one more document, which one turning with the index.
        const int other = 1 + cycle(index, int(documents.size()) - 1);
        QJsonObject patient = patientHeader(persona, QStringLiteral("completed"));
        patient.insert(QStringLiteral("additionalIds"),
                       QJsonObject{{QStringLiteral("clinicdesk"),
                                    QJsonArray{QString::fromLatin1(persona.externalId)}}});
        patient.insert(QStringLiteral("documents"),
                       QJsonArray{documentJson(personaIndex, 0, when),
                                  documentJson(personaIndex, other, when)});
        return {{QStringLiteral("meta"), meta(messageId, type, when, requestId)},
                {QStringLiteral("patients"), QJsonArray{patient}}};
    }
    if (type == QLatin1String("medical.document-conversion")) {
        return {{QStringLiteral("meta"), meta(messageId, type, when, requestId)},
                {QStringLiteral("patients"),
                 QJsonArray{patientHeader(persona, QStringLiteral("completed"))}}};
    }
    if (type == QLatin1String("medical.consolidated-data")) {
        const QString url =
            QStringLiteral("%1/consolidated/%2/%3").arg(filesHost, patientId, requestId);
        const QJsonObject reference{
            {QStringLiteral("resourceType"), QStringLiteral("DocumentReference")},
            {QStringLiteral("subject"),
             QJsonObject{{QStringLiteral("reference"), QStringLiteral("Patient/") + patientId}}},
            {QStringLiteral("content"),
             QJsonArray{
                 QJsonObject{{QStringLiteral("attachment"),
                              QJsonObject{{QStringLiteral("contentType"),
                                           QStringLiteral("application/json")},
                                          {QStringLiteral("url"), url + QStringLiteral(".json")}}}},
                 QJsonObject{
                     {QStringLiteral("attachment"),
                      QJsonObject{
                          {QStringLiteral("contentType"), QStringLiteral("application/gzip")},
                          {QStringLiteral("url"), url + QStringLiteral(".json.gz")}}}}}}};
        QJsonObject patient = patientHeader(persona, QStringLiteral("completed"));
        patient.insert(QStringLiteral("filters"),
                       QJsonObject{{QStringLiteral("resources"),
                                    QStringLiteral("AllergyIntolerance,Condition,"
                                                   "MedicationStatement,Immunization")}});
        patient.insert(
            QStringLiteral("bundle"),
            QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("Bundle")},
                        {QStringLiteral("type"), QStringLiteral("collection")},
                        {QStringLiteral("total"), 1},
                        {QStringLiteral("entry"),
                         QJsonArray{QJsonObject{{QStringLiteral("resource"), reference}}}}});
        return {{QStringLiteral("meta"), meta(messageId, type, when, requestId)},
                {QStringLiteral("patients"), QJsonArray{patient}}};
    }
    if (type.startsWith(QLatin1String("network-query."))) {
        QJsonObject source;
        if (type == QLatin1String("network-query.hie.first-data-ready")) {
            source = {{QStringLiteral("type"), QStringLiteral("hie")},
                      {QStringLiteral("status"), QStringLiteral("processing")},
                      {QStringLiteral("firstDataReadyAt"), isoUtc(when.addSecs(-2))}};
        } else {
            const QString kind = type.mid(int(qstrlen("network-query.")));
            source = {{QStringLiteral("type"), kind},
                      {QStringLiteral("status"), QStringLiteral("completed")},
                      {QStringLiteral("completedAt"), isoUtc(when.addSecs(-3))}};
            // Only pharmacy and lab name the network that answered.
            if (kind == QLatin1String("pharmacy"))
                source.insert(QStringLiteral("source"), QStringLiteral("surescripts"));
            else if (kind == QLatin1String("lab"))
                source.insert(QStringLiteral("source"), QStringLiteral("quest"));
        }
        const QJsonObject payload{
            {QStringLiteral("patientId"), patientId},
            {QStringLiteral("externalId"), QString::fromLatin1(persona.externalId)},
            {QStringLiteral("consolidatedDataUrl"),
             QStringLiteral("%1/network-query/%2/%3.json").arg(filesHost, patientId, requestId)},
            {QStringLiteral("source"), source}};
        return {{QStringLiteral("meta"), meta(messageId, type, when, requestId)},
                {QStringLiteral("payload"), payload}};
    }
    if (type.startsWith(QLatin1String("patient."))) {
        // ADT messages carry no meta.data and no requestId.
        QJsonObject payload{
            {QStringLiteral("url"),
             QStringLiteral("%1/adt/%2/%3.json").arg(filesHost, patientId, messageId)},
            {QStringLiteral("patientId"), patientId},
            {QStringLiteral("externalId"), QString::fromLatin1(persona.externalId)},
            {QStringLiteral("admitTimestamp"), isoUtc(when.addSecs(-6 * 3600))}};
        if (type == QLatin1String("patient.discharge"))
            payload.insert(QStringLiteral("dischargeTimestamp"), isoUtc(when.addSecs(-60)));
        if (type == QLatin1String("patient.transfer")) {
            // The reference names the field but not its items' shape; kept minimal.
            payload.insert(
                QStringLiteral("transfers"),
                QJsonArray{QJsonObject{{QStringLiteral("timestamp"), isoUtc(when.addSecs(-120))},
                                       {QStringLiteral("facility"),
                                        QStringLiteral("Demo General Hospital (sandbox)")}}});
        }
        return {{QStringLiteral("meta"), meta(messageId, type, when, QString(), false)},
                {QStringLiteral("payload"), payload}};
    }
    return {};
}

struct Transition
{
    const char *previous;
    const char *next;
    const char *message;
};

constexpr std::array<Transition, 5> transitions{{
    {"submitted", "accepted", "Claim received and accepted for adjudication."},
    {"accepted", "pended", "Claim pended for review."},
    {"pended", "paid", "Claim paid."},
    {"pended", "denied", "Denied: CO-197 precertification/authorization absent."},
    {"pended", "partially_paid",
     "Partially paid: one line denied, CO-97 (included in another "
     "service)."},
}};

// Billed amounts in cents, turned into dollars only on the wire.
constexpr std::array<qint64, 5> billedCents{18500, 24000, 9500, 131000, 42075};
constexpr std::array<const char *, 5> insuranceIds{"ACT100001", "ACT200002", "DEP300003",
                                                   "COB400004", "ACT100001"};

double dollars(qint64 cents)
{
    return double(cents) / 100.0;
}

QJsonObject payorData(const QString &type, int index, const QDateTime &when)
{
    const int i = cycle(index, int(billedCents.size()));
    const qint64 billed = billedCents[size_t(i)];
    const QString claimId = QStringLiteral("CLM-DEMO-%1").arg(index + 1, 6, 10, QLatin1Char('0'));
    if (type == QLatin1String("claim_created")) {
        const Persona &persona = personaAt(index);
        return {{QStringLiteral("claim_id"), claimId},
                {QStringLiteral("status"), QStringLiteral("submitted")},
                {QStringLiteral("insurance_id"), QString::fromLatin1(insuranceIds[size_t(i)])},
                {QStringLiteral("patient_name"),
                 QStringLiteral("%1 %2 (demo)")
                     .arg(QLatin1String(persona.firstName), QLatin1String(persona.lastName))},
                {QStringLiteral("provider_id"), QStringLiteral("PRV-DEMO-001")},
                {QStringLiteral("amount"), dollars(billed)},
                {QStringLiteral("date_of_service"),
                 when.toUTC().date().addDays(-3).toString(Qt::ISODate)}};
    }
    const Transition &t = transitions[size_t(i)];
    const QString next = QString::fromLatin1(t.next);
    qint64 approved = 0;
    qint64 patientShare = 0;
    QJsonValue expectedPayment = QJsonValue::Null;
    if (next == QLatin1String("paid") || next == QLatin1String("partially_paid")) {
        patientShare = 2500; // the copay
        approved =
            next == QLatin1String("paid") ? billed - patientShare : (billed - patientShare) / 2;
        expectedPayment = when.toUTC().date().addDays(14).toString(Qt::ISODate);
    }
    return {{QStringLiteral("claim_id"), claimId},
            {QStringLiteral("previous_status"), QString::fromLatin1(t.previous)},
            {QStringLiteral("new_status"), next},
            {QStringLiteral("message"), QString::fromLatin1(t.message)},
            {QStringLiteral("amount"), dollars(billed)},
            {QStringLiteral("payment_details"),
             QJsonObject{{QStringLiteral("approved_amount"), dollars(approved)},
                         {QStringLiteral("patient_responsibility"), dollars(patientShare)},
                         {QStringLiteral("expected_payment_date"), expectedPayment}}}};
}

} // namespace

QStringList metriportTypes()
{
    return metriportTypeList;
}

QStringList payorTypes()
{
    return payorTypeList;
}

std::optional<Sample> metriport(const QString &type, int index, const QDateTime &when)
{
    if (!metriportTypeList.contains(type))
        return std::nullopt;
    const QString messageId = newUuid();
    return Sample{messageId.toUtf8(), compact(metriportBody(type, index, when, messageId))};
}

std::optional<Sample> payor(const QString &type, int index, const QDateTime &when)
{
    if (!payorTypeList.contains(type))
        return std::nullopt;
    const QJsonObject body{{QStringLiteral("type"), type},
                           {QStringLiteral("timestamp"), isoUtc(when)},
                           {QStringLiteral("data"), payorData(type, index, when)}};
    return Sample{"msg_" + QUuid::createUuid().toByteArray(QUuid::Id128), compact(body)};
}

} // namespace SampleWebhooks

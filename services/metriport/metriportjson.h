// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/patient.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

/*!
  Metriport's JSON shapes (../shared/reference/metriport-api.md §2–§4) as values, and the
  conversions both ways. Shared by the desk's client and the sandbox that plays Metriport, so
  the two cannot drift apart. Readers are tolerant (unknown fields ignored, absent optional
  fields empty) and return nothing, with `error` naming the field, when a required one is
  missing or of the wrong type.
 */
namespace MetriportJson {

struct Address
{
    QString addressLine1;
    QString addressLine2;
    QString city;
    QString state;
    QString zip;
    QString country = QStringLiteral("USA");
    bool operator==(const Address &) const = default;
};

struct Contact
{
    QString phone;
    QString email;
    bool operator==(const Contact &) const = default;
};

//! What Metriport matches patients on (§3).
struct Demographics
{
    QString firstName;
    QString lastName;
    QDate dob;
    QString genderAtBirth; // "M", "F", "O", "U"
    QList<Address> address;
    QList<Contact> contact;
    bool operator==(const Demographics &) const = default;
};

struct Patient
{
    QString id;
    QString eTag;
    QStringList facilityIds;
    QString externalId;
    QDateTime dateCreated;
    Demographics demographics;
};

struct Facility
{
    QString id;
    QString eTag;
    QString oid;
    QString name;
    QString npi;
    QString tin;
    bool active = true;
    Address address;
};

//! A Document Query's progress for one of download or convert.
struct Progress
{
    QString status; // "processing", "completed", "failed"; empty when absent
    int total = 0;
    int successful = 0;
    int errors = 0;
};

struct DocumentQueryStatus
{
    QString requestId;
    Progress download;
    Progress convert;
};

struct NetworkSource
{
    QString type;   // "hie", "pharmacy", "lab"
    QString status; // "processing", "completed", "failed"
    QDateTime startedAt;
    QDateTime completedAt;
};

struct NetworkError
{
    QString source;
    int httpStatus = 0;
    QString message;
    QDateTime timestamp;
};

struct NetworkQueryStatus
{
    QString requestId;
    QString status; // "processing", "completed", "partial", "failed"
    QDateTime startedAt;
    QList<NetworkSource> sources;
    QList<NetworkError> errors;
};

struct ConsolidatedQuery
{
    QString requestId;
    QString status; // "processing", "completed", "failed"
    QDateTime startedAt;
    QString conversionType; // "json", "pdf", "html"
    QStringList resources;
};

//! A document as GET /document lists it (a FHIR DocumentReference) or a webhook announces it.
struct Document
{
    QString id;
    QString fileName;    // what /document/download-url takes
    QString description; // or the title
    QString mimeType;
    qint64 size = -1;    // -1: unknown
    QDateTime indexed;   // or the document's date
    QString typeCode;    // LOINC document type
    QString typeDisplay;
    QString status;
};

struct WebhookStatus
{
    bool enabled = false;
    QString statusDetail;
    int processing = 0;
    int failed = 0;
};

struct Settings
{
    QString id;
    QString webhookUrl;
    QString webhookKey;
};

//! Our patient as Metriport's demographics (first address and contact only; "O"/"U" for
//! unknown sex). `externalId` is our MRN.
Demographics demographicsOf(const ::Patient &patient);
//! Problems Metriport would refuse (no address, an invalid zip, a date of birth before 1900 or
//! in the future), as translated sentences; empty when it can be sent.
QStringList demographicsProblems(const Demographics &demographics, const QDate &today);

QJsonObject toJson(const Demographics &demographics);
std::optional<Demographics> demographicsFromJson(const QJsonObject &json, QString *error);
//! The body of create/update: the demographics plus externalId when given.
QJsonObject patientBody(const Demographics &demographics, const QString &externalId);
QJsonObject toJson(const Patient &patient);
std::optional<Patient> patientFromJson(const QJsonObject &json, QString *error);

QJsonObject toJson(const Facility &facility); // the create/update body when id is empty
std::optional<Facility> facilityFromJson(const QJsonObject &json, QString *error);

QJsonObject toJson(const DocumentQueryStatus &status);
DocumentQueryStatus documentQueryStatusFromJson(const QJsonObject &json);
QJsonObject toJson(const NetworkQueryStatus &status);
std::optional<NetworkQueryStatus> networkQueryStatusFromJson(const QJsonObject &json,
                                                             QString *error);
QJsonObject toJson(const ConsolidatedQuery &query);
std::optional<ConsolidatedQuery> consolidatedQueryFromJson(const QJsonObject &json,
                                                           QString *error);
//! A FHIR DocumentReference as GET /document returns it.
QJsonObject documentReferenceJson(const Document &document, const QString &patientId);
std::optional<Document> documentFromReference(const QJsonObject &reference, QString *error);
//! A document as the `medical.document-download` webhook carries it.
QJsonObject webhookDocumentJson(const Document &document);
std::optional<Document> documentFromWebhook(const QJsonObject &json, QString *error);
WebhookStatus webhookStatusFromJson(const QJsonObject &json);
QJsonObject toJson(const WebhookStatus &status);

/*!
  An error answer in words: RFC 7807's `detail` (else `title`), or the sandbox's bare
  `message`; empty when the body is neither.
 */
QString problemText(const QByteArray &body);

} // namespace MetriportJson

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/metriport/metriportjson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace MetriportJson {

namespace {

QString str(const QJsonObject &json, const char *key)
{
    return json.value(QLatin1String(key)).toString();
}

QString isoTime(const QDateTime &when)
{
    return when.isValid() ? when.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime timeOf(const QJsonObject &json, const char *key)
{
    return QDateTime::fromString(str(json, key), Qt::ISODateWithMs);
}

void insertIf(QJsonObject &json, const char *key, const QString &value)
{
    if (!value.isEmpty())
        json.insert(QLatin1String(key), value);
}

void insertIf(QJsonObject &json, const char *key, const QDateTime &value)
{
    if (value.isValid())
        json.insert(QLatin1String(key), isoTime(value));
}

// Metriport accepts a single object where it documents an array.
QJsonArray arrayOrOne(const QJsonValue &value)
{
    if (value.isArray())
        return value.toArray();
    if (value.isObject())
        return QJsonArray{value};
    return {};
}

QJsonObject toJson(const Address &address)
{
    QJsonObject json{{QStringLiteral("addressLine1"), address.addressLine1},
                     {QStringLiteral("city"), address.city},
                     {QStringLiteral("state"), address.state},
                     {QStringLiteral("zip"), address.zip},
                     {QStringLiteral("country"),
                      address.country.isEmpty() ? QStringLiteral("USA") : address.country}};
    insertIf(json, "addressLine2", address.addressLine2);
    return json;
}

Address addressFromJson(const QJsonObject &json)
{
    Address address;
    address.addressLine1 = str(json, "addressLine1");
    address.addressLine2 = str(json, "addressLine2");
    address.city = str(json, "city");
    address.state = str(json, "state");
    address.zip = str(json, "zip");
    const QString country = str(json, "country");
    if (!country.isEmpty())
        address.country = country;
    return address;
}

QString digitsOf(const QString &text)
{
    QString digits;
    for (QChar c : text) {
        if (c.isDigit())
            digits.append(c);
    }
    return digits;
}

QJsonObject progressJson(const Progress &progress)
{
    QJsonObject json{{QStringLiteral("status"), progress.status}};
    if (progress.total > 0 || progress.status == QLatin1String("completed")) {
        json.insert(QStringLiteral("total"), progress.total);
        json.insert(QStringLiteral("successful"), progress.successful);
        json.insert(QStringLiteral("errors"), progress.errors);
    }
    return json;
}

Progress progressFromJson(const QJsonObject &json)
{
    Progress progress;
    progress.status = str(json, "status");
    progress.total = json.value(QLatin1String("total")).toInt();
    progress.successful = json.value(QLatin1String("successful")).toInt();
    progress.errors = json.value(QLatin1String("errors")).toInt();
    return progress;
}

} // namespace

Demographics demographicsOf(const ::Patient &patient)
{
    Demographics demographics;
    demographics.firstName = patient.firstName.trimmed();
    demographics.lastName = patient.lastName.trimmed();
    demographics.dob = patient.dateOfBirth;
    switch (patient.gender) {
    case Gender::Female:
        demographics.genderAtBirth = QStringLiteral("F");
        break;
    case Gender::Male:
        demographics.genderAtBirth = QStringLiteral("M");
        break;
    case Gender::Unknown:
        demographics.genderAtBirth = QStringLiteral("U");
        break;
    }
    if (!patient.address.isEmpty()) {
        Address address;
        address.addressLine1 = patient.address.line1.trimmed();
        address.addressLine2 = patient.address.line2.trimmed();
        address.city = patient.address.city.trimmed();
        address.state = patient.address.state.trimmed().toUpper();
        address.zip = patient.address.zip.trimmed().left(5);
        demographics.address.append(address);
    }
    Contact contact;
    contact.phone = digitsOf(patient.phone);
    if (contact.phone.size() == 11 && contact.phone.startsWith(QLatin1Char('1')))
        contact.phone.remove(0, 1);
    contact.email = patient.email.trimmed();
    if (!contact.phone.isEmpty() || !contact.email.isEmpty())
        demographics.contact.append(contact);
    return demographics;
}

QStringList demographicsProblems(const Demographics &demographics, const QDate &today)
{
    QStringList problems;
    if (demographics.firstName.trimmed().isEmpty())
        problems.append(QCoreApplication::translate("MetriportJson", "The first name is missing."));
    if (demographics.lastName.trimmed().isEmpty())
        problems.append(QCoreApplication::translate("MetriportJson", "The last name is missing."));
    if (!demographics.dob.isValid())
        problems.append(QCoreApplication::translate("MetriportJson", "The date of birth is missing."));
    else if (demographics.dob > today || demographics.dob.year() < 1900)
        problems.append(QCoreApplication::translate("MetriportJson", "The date of birth must be between 1900 and today."));
    if (demographics.address.isEmpty()) {
        problems.append(QCoreApplication::translate("MetriportJson", "The network needs an address: add the patient's street, city, "
                           "state and ZIP code."));
    } else {
        const Address &address = demographics.address.first();
        if (address.addressLine1.isEmpty() || address.city.isEmpty())
            problems.append(QCoreApplication::translate("MetriportJson", "The address needs a street and a city."));
        if (address.state.size() != 2)
            problems.append(QCoreApplication::translate("MetriportJson", "The address needs a two-letter state."));
        // Metriport refuses these placeholder ZIP codes (and the docs' own 12345).
        static const QStringList refusedZips{
            QStringLiteral("00000"), QStringLiteral("99999"), QStringLiteral("12345"),
            QStringLiteral("54321"), QStringLiteral("10000"), QStringLiteral("20000"),
            QStringLiteral("30000"), QStringLiteral("40000"), QStringLiteral("50000"),
            QStringLiteral("60000"), QStringLiteral("70000"), QStringLiteral("80000"),
            QStringLiteral("90000")};
        const bool fiveDigits =
            address.zip.size() == 5 && digitsOf(address.zip).size() == 5;
        if (!fiveDigits)
            problems.append(QCoreApplication::translate("MetriportJson", "The ZIP code must have five digits."));
        else if (refusedZips.contains(address.zip))
            problems.append(QCoreApplication::translate("MetriportJson", "The ZIP code %1 is a placeholder the network refuses.")
                                .arg(address.zip));
    }
    return problems;
}

QJsonObject toJson(const Demographics &demographics)
{
    QJsonArray addresses;
    for (const Address &address : demographics.address)
        addresses.append(toJson(address));
    QJsonObject json{{QStringLiteral("firstName"), demographics.firstName},
                     {QStringLiteral("lastName"), demographics.lastName},
                     {QStringLiteral("dob"), demographics.dob.toString(Qt::ISODate)},
                     {QStringLiteral("genderAtBirth"), demographics.genderAtBirth},
                     {QStringLiteral("address"), addresses}};
    QJsonArray contacts;
    for (const Contact &contact : demographics.contact) {
        QJsonObject item;
        insertIf(item, "phone", contact.phone);
        insertIf(item, "email", contact.email);
        contacts.append(item);
    }
    if (!contacts.isEmpty())
        json.insert(QStringLiteral("contact"), contacts);
    return json;
}

std::optional<Demographics> demographicsFromJson(const QJsonObject &json, QString *error)
{
    Demographics demographics;
    demographics.firstName = str(json, "firstName").trimmed();
    demographics.lastName = str(json, "lastName").trimmed();
    demographics.dob = QDate::fromString(str(json, "dob"), Qt::ISODate);
    demographics.genderAtBirth = str(json, "genderAtBirth");
    auto fail = [error](const QString &why) -> std::optional<Demographics> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (demographics.firstName.isEmpty())
        return fail(QStringLiteral("firstName is missing"));
    if (demographics.lastName.isEmpty())
        return fail(QStringLiteral("lastName is missing"));
    if (!demographics.dob.isValid())
        return fail(QStringLiteral("dob must be a date YYYY-MM-DD"));
    static const QStringList genders{QStringLiteral("M"), QStringLiteral("F"),
                                     QStringLiteral("O"), QStringLiteral("U")};
    if (!genders.contains(demographics.genderAtBirth))
        return fail(QStringLiteral("genderAtBirth must be M, F, O or U"));
    for (const QJsonValue &value : arrayOrOne(json.value(QLatin1String("address"))))
        demographics.address.append(addressFromJson(value.toObject()));
    for (const QJsonValue &value : arrayOrOne(json.value(QLatin1String("contact")))) {
        const QJsonObject item = value.toObject();
        demographics.contact.append(Contact{str(item, "phone"), str(item, "email")});
    }
    return demographics;
}

QJsonObject patientBody(const Demographics &demographics, const QString &externalId)
{
    QJsonObject json = toJson(demographics);
    insertIf(json, "externalId", externalId);
    return json;
}

QJsonObject toJson(const Patient &patient)
{
    QJsonObject json = patientBody(patient.demographics, patient.externalId);
    json.insert(QStringLiteral("id"), patient.id);
    json.insert(QStringLiteral("eTag"), patient.eTag);
    json.insert(QStringLiteral("facilityIds"), QJsonArray::fromStringList(patient.facilityIds));
    insertIf(json, "dateCreated", patient.dateCreated);
    return json;
}

std::optional<Patient> patientFromJson(const QJsonObject &json, QString *error)
{
    Patient patient;
    patient.id = str(json, "id");
    if (patient.id.isEmpty()) {
        if (error)
            *error = QStringLiteral("the patient has no id");
        return std::nullopt;
    }
    const auto demographics = demographicsFromJson(json, error);
    if (!demographics)
        return std::nullopt;
    patient.demographics = *demographics;
    patient.eTag = str(json, "eTag");
    patient.externalId = str(json, "externalId");
    patient.dateCreated = timeOf(json, "dateCreated");
    for (const QJsonValue &value : json.value(QLatin1String("facilityIds")).toArray())
        patient.facilityIds.append(value.toString());
    return patient;
}

QJsonObject toJson(const Facility &facility)
{
    QJsonObject json{{QStringLiteral("name"), facility.name},
                     {QStringLiteral("npi"), facility.npi},
                     {QStringLiteral("active"), facility.active},
                     {QStringLiteral("address"), toJson(facility.address)}};
    insertIf(json, "tin", facility.tin);
    insertIf(json, "id", facility.id);
    insertIf(json, "eTag", facility.eTag);
    insertIf(json, "oid", facility.oid);
    return json;
}

std::optional<Facility> facilityFromJson(const QJsonObject &json, QString *error)
{
    Facility facility;
    facility.id = str(json, "id");
    facility.eTag = str(json, "eTag");
    facility.oid = str(json, "oid");
    facility.name = str(json, "name").trimmed();
    facility.npi = str(json, "npi").trimmed();
    facility.tin = str(json, "tin");
    facility.active = json.value(QLatin1String("active")).toBool(true);
    facility.address = addressFromJson(json.value(QLatin1String("address")).toObject());
    if (facility.name.isEmpty()) {
        if (error)
            *error = QStringLiteral("the facility has no name");
        return std::nullopt;
    }
    return facility;
}

QJsonObject toJson(const DocumentQueryStatus &status)
{
    QJsonObject json;
    if (!status.download.status.isEmpty())
        json.insert(QStringLiteral("download"), progressJson(status.download));
    if (!status.convert.status.isEmpty())
        json.insert(QStringLiteral("convert"), progressJson(status.convert));
    insertIf(json, "requestId", status.requestId);
    return json;
}

DocumentQueryStatus documentQueryStatusFromJson(const QJsonObject &json)
{
    DocumentQueryStatus status;
    status.requestId = str(json, "requestId");
    status.download = progressFromJson(json.value(QLatin1String("download")).toObject());
    status.convert = progressFromJson(json.value(QLatin1String("convert")).toObject());
    return status;
}

QJsonObject toJson(const NetworkQueryStatus &status)
{
    QJsonArray sources;
    for (const NetworkSource &source : status.sources) {
        QJsonObject item{{QStringLiteral("type"), source.type},
                         {QStringLiteral("status"), source.status}};
        insertIf(item, "startedAt", source.startedAt);
        insertIf(item, "completedAt", source.completedAt);
        sources.append(item);
    }
    QJsonArray errors;
    for (const NetworkError &error : status.errors) {
        errors.append(QJsonObject{{QStringLiteral("source"), error.source},
                                  {QStringLiteral("httpStatus"), error.httpStatus},
                                  {QStringLiteral("message"), error.message},
                                  {QStringLiteral("timestamp"), isoTime(error.timestamp)}});
    }
    QJsonObject json{{QStringLiteral("requestId"), status.requestId},
                     {QStringLiteral("status"), status.status},
                     {QStringLiteral("sources"), sources},
                     {QStringLiteral("errors"), errors}};
    insertIf(json, "startedAt", status.startedAt);
    return json;
}

std::optional<NetworkQueryStatus> networkQueryStatusFromJson(const QJsonObject &json,
                                                             QString *error)
{
    NetworkQueryStatus status;
    status.requestId = str(json, "requestId");
    status.status = str(json, "status");
    status.startedAt = timeOf(json, "startedAt");
    if (status.requestId.isEmpty() || status.status.isEmpty()) {
        if (error)
            *error = QStringLiteral("requestId or status is missing");
        return std::nullopt;
    }
    for (const QJsonValue &value : json.value(QLatin1String("sources")).toArray()) {
        const QJsonObject item = value.toObject();
        status.sources.append(NetworkSource{str(item, "type"), str(item, "status"),
                                            timeOf(item, "startedAt"),
                                            timeOf(item, "completedAt")});
    }
    for (const QJsonValue &value : json.value(QLatin1String("errors")).toArray()) {
        const QJsonObject item = value.toObject();
        status.errors.append(NetworkError{str(item, "source"),
                                          item.value(QLatin1String("httpStatus")).toInt(),
                                          str(item, "message"), timeOf(item, "timestamp")});
    }
    return status;
}

QJsonObject toJson(const ConsolidatedQuery &query)
{
    QJsonObject json{{QStringLiteral("requestId"), query.requestId},
                     {QStringLiteral("status"), query.status},
                     {QStringLiteral("conversionType"), query.conversionType}};
    insertIf(json, "startedAt", query.startedAt);
    if (!query.resources.isEmpty())
        json.insert(QStringLiteral("resources"), QJsonArray::fromStringList(query.resources));
    return json;
}

std::optional<ConsolidatedQuery> consolidatedQueryFromJson(const QJsonObject &json,
                                                           QString *error)
{
    ConsolidatedQuery query;
    query.requestId = str(json, "requestId");
    query.status = str(json, "status");
    query.conversionType = str(json, "conversionType");
    query.startedAt = timeOf(json, "startedAt");
    const QJsonValue resources = json.value(QLatin1String("resources"));
    if (resources.isArray()) {
        for (const QJsonValue &value : resources.toArray())
            query.resources.append(value.toString());
    } else if (resources.isString() && !resources.toString().isEmpty()) {
        query.resources = resources.toString().split(QLatin1Char(','));
    }
    if (query.requestId.isEmpty() || query.status.isEmpty()) {
        if (error)
            *error = QStringLiteral("requestId or status is missing");
        return std::nullopt;
    }
    return query;
}

QJsonObject documentReferenceJson(const Document &document, const QString &patientId)
{
    QJsonObject attachment{{QStringLiteral("contentType"), document.mimeType},
                           {QStringLiteral("title"), document.fileName},
                           {QStringLiteral("url"), QStringLiteral("/document/download-url?fileName=")
                                                       + document.fileName}};
    if (document.size >= 0)
        attachment.insert(QStringLiteral("size"), document.size);
    QJsonObject json{
        {QStringLiteral("resourceType"), QStringLiteral("DocumentReference")},
        {QStringLiteral("id"), document.id},
        {QStringLiteral("meta"), QJsonObject{{QStringLiteral("source"), document.fileName}}},
        {QStringLiteral("status"), document.status.isEmpty() ? QStringLiteral("current")
                                                             : document.status},
        {QStringLiteral("subject"),
         QJsonObject{{QStringLiteral("reference"), QStringLiteral("Patient/") + patientId}}},
        {QStringLiteral("content"), QJsonArray{QJsonObject{{QStringLiteral("attachment"),
                                                            attachment}}}},
        {QStringLiteral("description"), document.description}};
    insertIf(json, "date", document.indexed);
    if (!document.typeCode.isEmpty()) {
        json.insert(QStringLiteral("type"),
                    QJsonObject{{QStringLiteral("coding"),
                                 QJsonArray{QJsonObject{
                                     {QStringLiteral("system"), QStringLiteral("http://loinc.org")},
                                     {QStringLiteral("code"), document.typeCode},
                                     {QStringLiteral("display"), document.typeDisplay}}}},
                                {QStringLiteral("text"), document.typeDisplay}});
    }
    return json;
}

namespace {
void readType(const QJsonObject &type, Document &document)
{
    const QJsonArray coding = type.value(QLatin1String("coding")).toArray();
    if (!coding.isEmpty()) {
        const QJsonObject first = coding.first().toObject();
        document.typeCode = str(first, "code");
        document.typeDisplay = str(first, "display");
    }
    if (document.typeDisplay.isEmpty())
        document.typeDisplay = str(type, "text");
}
} // namespace

std::optional<Document> documentFromReference(const QJsonObject &reference, QString *error)
{
    Document document;
    document.id = str(reference, "id");
    document.description = str(reference, "description");
    document.status = str(reference, "status");
    document.indexed = timeOf(reference, "date");
    readType(reference.value(QLatin1String("type")).toObject(), document);
    const QJsonArray content = reference.value(QLatin1String("content")).toArray();
    if (!content.isEmpty()) {
        const QJsonObject attachment =
            content.first().toObject().value(QLatin1String("attachment")).toObject();
        document.fileName = str(attachment, "title");
        document.mimeType = str(attachment, "contentType");
        if (attachment.contains(QLatin1String("size")))
            document.size = qint64(attachment.value(QLatin1String("size")).toDouble(-1));
    }
    if (document.fileName.isEmpty())
        document.fileName = str(reference.value(QLatin1String("meta")).toObject(), "source");
    if (document.id.isEmpty() || document.fileName.isEmpty()) {
        if (error)
            *error = QStringLiteral("a DocumentReference has no id or no file name");
        return std::nullopt;
    }
    return document;
}

QJsonObject webhookDocumentJson(const Document &document)
{
    QJsonObject json{{QStringLiteral("id"), document.id},
                     {QStringLiteral("fileName"), document.fileName},
                     {QStringLiteral("description"), document.description},
                     {QStringLiteral("status"), document.status.isEmpty()
                                                    ? QStringLiteral("current")
                                                    : document.status},
                     {QStringLiteral("mimeType"), document.mimeType}};
    if (document.size >= 0)
        json.insert(QStringLiteral("size"), document.size);
    insertIf(json, "indexed", document.indexed);
    if (!document.typeCode.isEmpty()) {
        json.insert(QStringLiteral("type"),
                    QJsonObject{{QStringLiteral("coding"),
                                 QJsonArray{QJsonObject{
                                     {QStringLiteral("system"), QStringLiteral("http://loinc.org")},
                                     {QStringLiteral("code"), document.typeCode},
                                     {QStringLiteral("display"), document.typeDisplay}}}},
                                {QStringLiteral("text"), document.typeDisplay}});
    }
    return json;
}

std::optional<Document> documentFromWebhook(const QJsonObject &json, QString *error)
{
    Document document;
    document.id = str(json, "id");
    document.fileName = str(json, "fileName");
    document.description = str(json, "description");
    document.status = str(json, "status");
    document.mimeType = str(json, "mimeType");
    document.indexed = timeOf(json, "indexed");
    if (json.contains(QLatin1String("size")))
        document.size = qint64(json.value(QLatin1String("size")).toDouble(-1));
    readType(json.value(QLatin1String("type")).toObject(), document);
    if (document.id.isEmpty() || document.fileName.isEmpty()) {
        if (error)
            *error = QStringLiteral("a document has no id or no fileName");
        return std::nullopt;
    }
    return document;
}

WebhookStatus webhookStatusFromJson(const QJsonObject &json)
{
    WebhookStatus status;
    status.enabled = json.value(QLatin1String("webhookEnabled")).toBool();
    status.statusDetail = str(json, "webhookStatusDetail");
    status.processing = json.value(QLatin1String("webhookRequestsProcessing")).toInt();
    status.failed = json.value(QLatin1String("webhookRequestsFailed")).toInt();
    return status;
}

QJsonObject toJson(const WebhookStatus &status)
{
    QJsonObject json{{QStringLiteral("webhookEnabled"), status.enabled},
                     {QStringLiteral("webhookRequestsProcessing"), status.processing},
                     {QStringLiteral("webhookRequestsFailed"), status.failed}};
    insertIf(json, "webhookStatusDetail", status.statusDetail);
    return json;
}

QString problemText(const QByteArray &body)
{
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    for (const char *key : {"detail", "message", "title"}) {
        const QString text = str(json, key).trimmed();
        if (!text.isEmpty())
            return text.left(500);
    }
    return {};
}

} // namespace MetriportJson

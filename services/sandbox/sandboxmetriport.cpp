// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/sandbox/sandboxmetriport.h"

#include "services/common/httpjob.h"
#include "services/common/webhooksignature.h"
#include "services/domain/fieldvalidation.h"
#include "services/httpserver/httproutes.h"
#include "services/sandbox/sandboxpatientmatcher.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>

namespace {

using Status = QHttpServerResponse::StatusCode;
using Method = QHttpServerRequest::Method;

// Answers are Metriport's, in English, RFC 7807 shaped.
QHttpServerResponse problem(Status status, const QString &detail)
{
    const int code = int(status);
    QString name = QStringLiteral("BAD_REQUEST");
    QString title = QStringLiteral("BadRequestError");
    if (code == 401) {
        name = QStringLiteral("UNAUTHORIZED");
        title = QStringLiteral("UnauthorizedError");
    } else if (code == 404) {
        name = QStringLiteral("NOT_FOUND");
        title = QStringLiteral("NotFoundError");
    } else if (code == 412) {
        name = QStringLiteral("PRECONDITION_FAILED");
        title = QStringLiteral("PreconditionFailedError");
    } else if (code == 429) {
        name = QStringLiteral("TOO_MANY_REQUESTS");
        title = QStringLiteral("TooManyRequestsError");
    } else if (code >= 500) {
        name = QStringLiteral("INTERNAL_SERVER_ERROR");
        title = QStringLiteral("InternalServerError");
    }
    return QHttpServerResponse(QJsonObject{{QStringLiteral("status"), code},
                                           {QStringLiteral("name"), name},
                                           {QStringLiteral("title"), title},
                                           {QStringLiteral("detail"), detail}},
                               status);
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QString queryValue(const QHttpServerRequest &request, const char *key)
{
    return request.query().queryItemValue(QLatin1String(key), QUrl::FullyDecoded);
}

QByteArray header(const QHttpServerRequest &request, const QByteArray &name)
{
    for (const auto &[key, value] : request.headers()) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

std::optional<QJsonObject> bodyObject(const QHttpServerRequest &request, bool emptyIsObject)
{
    const QByteArray body = request.body().trimmed();
    if (body.isEmpty() && emptyIsObject)
        return QJsonObject{};
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isObject())
        return std::nullopt;
    return document.object();
}

QJsonObject metadataOf(const QJsonObject &body)
{
    return body.value(QStringLiteral("metadata")).toObject();
}

QString firstToken(const QString &name)
{
    const QString simple = name.simplified();
    const qsizetype end = simple.indexOf(QLatin1Char(' '));
    QString first = end < 0 ? simple : simple.left(end);
    const qsizetype comma = first.indexOf(QLatin1Char(','));
    return comma < 0 ? first : first.left(comma);
}

QString problemsText(const QStringList &problems)
{
    return problems.join(QLatin1Char(' '));
}

} // namespace

SandboxMetriport::SandboxMetriport(QNetworkAccessManager *network, Options options,
                                   QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_options(std::move(options))
    , m_webhookUrl(m_options.webhookUrl)
    , m_settingsId(newId())
{
    m_clock.start();
}

SandboxMetriport::~SandboxMetriport() = default;

QJsonObject SandboxMetriport::stats() const
{
    int processing = 0;
    for (const WebhookRequest &request : m_webhooks) {
        if (request.status == QLatin1String("processing"))
            ++processing;
    }
    return {{QStringLiteral("patients"), int(m_patients.size())},
            {QStringLiteral("facilities"), int(m_facilities.size())},
            {QStringLiteral("webhooksSent"), int(m_webhooks.size())},
            {QStringLiteral("webhooksDelivered"), m_delivered},
            {QStringLiteral("webhooksFailed"), m_failed},
            {QStringLiteral("webhooksProcessing"), processing},
            {QStringLiteral("webhookUrl"), m_webhookUrl.toString()}};
}

std::optional<QHttpServerResponse> SandboxMetriport::refuseCall(const Request &request)
{
    const QByteArray key = header(request, QByteArrayLiteral("x-api-key"));
    if (m_options.apiKey.isEmpty() || !constantTimeEquals(key, m_options.apiKey))
        return problem(Status::Unauthorized, QStringLiteral("Invalid or missing API key (x-api-key)"));
    if (m_busyCount > 0) {
        --m_busyCount;
        QHttpServerResponse response = problem(Status::TooManyRequests,
                                               QStringLiteral("Too many requests, slow down"));
        response.setHeader(QByteArrayLiteral("Retry-After"), QByteArrayLiteral("1"));
        return response;
    }
    if (m_serverErrorCount > 0) {
        --m_serverErrorCount;
        return problem(Status::ServiceUnavailable, QStringLiteral("The service is unavailable"));
    }
    return std::nullopt;
}

void SandboxMetriport::registerOn(HttpRoutes &routes)
{
    // Each API route first checks the key (and the injected faults).
    auto guarded = [this](auto handler) {
        return [this, handler](const QHttpServerRequest &request) {
            if (auto refusal = refuseCall(request))
                return std::move(*refusal);
            return handler(request);
        };
    };
    auto guardedArg = [this](auto handler) {
        return [this, handler](const QString &arg, const QHttpServerRequest &request) {
            if (auto refusal = refuseCall(request))
                return std::move(*refusal);
            return handler(arg, request);
        };
    };

    routes.add(QStringLiteral("/medical/v1/facility"), Method::Get | Method::Post,
               guarded([this](const Request &request) {
                   if (request.method() == Method::Post)
                       return createFacility(request);
                   QJsonArray facilities;
                   for (const MetriportJson::Facility &facility : m_facilities)
                       facilities.append(MetriportJson::toJson(facility));
                   return QHttpServerResponse(
                       QJsonObject{{QStringLiteral("facilities"), facilities}});
               }));
    routes.add(QStringLiteral("/medical/v1/facility/<arg>"), Method::Get,
               guardedArg([this](const QString &id, const Request &) {
                   for (const MetriportJson::Facility &facility : m_facilities) {
                       if (facility.id == id)
                           return QHttpServerResponse(MetriportJson::toJson(facility));
                   }
                   return problem(Status::NotFound, QStringLiteral("Facility not found"));
               }));
    routes.add(QStringLiteral("/medical/v1/patient/match"), Method::Post,
               guarded([this](const Request &request) { return matchPatient(request); }));
    routes.add(QStringLiteral("/medical/v1/patient"), Method::Get | Method::Post,
               guarded([this](const Request &request) {
                   return request.method() == Method::Post ? createPatient(request)
                                                           : listPatients(request);
               }));
    routes.add(QStringLiteral("/medical/v1/patient/<arg>/consolidated/query/<arg>"), Method::Get,
               [this](const QString &patientId, const QString &requestId,
                      const QHttpServerRequest &request) {
                   if (auto refusal = refuseCall(request))
                       return std::move(*refusal);
                   return consolidatedStatus(patientId, requestId);
               });
    routes.add(QStringLiteral("/medical/v1/patient/<arg>/consolidated/query"),
               Method::Get | Method::Post,
               guardedArg([this](const QString &patientId, const Request &request) {
                   if (request.method() == Method::Post)
                       return startConsolidated(patientId, request);
                   return consolidatedStatus(patientId, {});
               }));
    routes.add(QStringLiteral("/medical/v1/patient/<arg>/medical-record"), Method::Get,
               guardedArg([this](const QString &patientId, const Request &request) {
                   return medicalRecord(patientId, request);
               }));
    routes.add(QStringLiteral("/medical/v1/patient/<arg>"),
               Method::Get | Method::Put | Method::Delete,
               guardedArg([this](const QString &id, const Request &request) {
                   return patientRoute(id, request);
               }));
    routes.add(QStringLiteral("/medical/v1/document/query"), Method::Get | Method::Post,
               guarded([this](const Request &request) {
                   if (request.method() == Method::Post)
                       return startDocumentQuery(request);
                   const QString patientId = queryValue(request, "patientId");
                   if (!findPatient(patientId))
                       return problem(Status::NotFound, QStringLiteral("Patient not found"));
                   const auto it = m_documentQueries.constFind(patientId);
                   if (it == m_documentQueries.constEnd())
                       return QHttpServerResponse(QJsonObject{});
                   return QHttpServerResponse(MetriportJson::toJson(it->status));
               }));
    routes.add(QStringLiteral("/medical/v1/document/download-url"), Method::Get,
               guarded([this](const Request &request) { return downloadUrl(request); }));
    routes.add(QStringLiteral("/medical/v1/document"), Method::Get,
               guarded([this](const Request &request) { return listDocuments(request); }));
    routes.add(QStringLiteral("/medical/v1/network/query"), Method::Post,
               guarded([this](const Request &request) { return startNetworkQuery(request); }));
    routes.add(QStringLiteral("/medical/v1/network/query/<arg>"), Method::Get,
               guardedArg([this](const QString &requestId, const Request &) {
                   const auto it = m_networkQueries.constFind(requestId);
                   if (it == m_networkQueries.constEnd())
                       return problem(Status::NotFound, QStringLiteral("Network query not found"));
                   return QHttpServerResponse(MetriportJson::toJson(it->status));
               }));
    routes.add(QStringLiteral("/settings"), Method::Get | Method::Post,
               guarded([this](const Request &request) { return settings(request); }));
    routes.add(QStringLiteral("/settings/webhook"), Method::Get,
               guarded([this](const Request &) {
                   MetriportJson::WebhookStatus status;
                   status.enabled = m_webhookEnabled;
                   status.statusDetail = m_webhookDetail;
                   // Pings test the URL; they are not messages waiting to be resent.
                   for (const WebhookRequest &request : m_webhooks) {
                       if (request.type == QLatin1String("ping"))
                           continue;
                       if (request.status == QLatin1String("processing"))
                           ++status.processing;
                       else if (request.status == QLatin1String("failure"))
                           ++status.failed;
                   }
                   return QHttpServerResponse(MetriportJson::toJson(status));
               }));
    routes.add(QStringLiteral("/settings/webhook/request"), Method::Get,
               guarded([this](const Request &) {
                   QJsonArray requests;
                   for (const WebhookRequest &request : m_webhooks) {
                       requests.append(QJsonObject{
                           {QStringLiteral("id"), request.messageId},
                           {QStringLiteral("type"), request.type},
                           {QStringLiteral("status"), request.status},
                           {QStringLiteral("statusCode"), request.httpStatus},
                           {QStringLiteral("createdAt"),
                            request.createdAt.toString(Qt::ISODateWithMs)}});
                   }
                   return QHttpServerResponse(QJsonObject{{QStringLiteral("requests"), requests}});
               }));
    routes.add(QStringLiteral("/settings/webhook/retry"), Method::Post,
               guarded([this](const Request &) {
                   // Oldest first, same messageId and `when`, without meta.data (§4).
                   for (qsizetype i = 0; i < m_webhooks.size(); ++i) {
                       WebhookRequest &request = m_webhooks[i];
                       if (request.status != QLatin1String("failure")
                           || request.type == QLatin1String("ping"))
                           continue;
                       QJsonObject body = QJsonDocument::fromJson(request.body).object();
                       QJsonObject meta = body.value(QStringLiteral("meta")).toObject();
                       meta.remove(QStringLiteral("data"));
                       body.insert(QStringLiteral("meta"), meta);
                       request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
                       request.status = QStringLiteral("processing");
                       deliver(i);
                   }
                   return QHttpServerResponse(QJsonObject{}, Status::Ok);
               }));
    routes.add(QStringLiteral("/convert/v1/ccda/to/fhir"), Method::Post,
               guarded([this](const Request &request) { return convert(request); }));

    // ---- the sandbox's own: presigned downloads and fault switches (no key, like S3 URLs) --
    routes.add(QStringLiteral("/sandbox/metriport/files/<arg>"), Method::Get,
               [this](const QString &token) { return file(token); });
    routes.add(QStringLiteral("/sandbox/metriport/faults"), Method::Get | Method::Post,
               [this](const QHttpServerRequest &request) {
                   if (request.method() == Method::Post) {
                       const auto body = bodyObject(request, false);
                       if (!body)
                           return problem(Status::BadRequest,
                                          QStringLiteral("the body must be a JSON object"));
                       m_busyCount = qMax(0, body->value(QStringLiteral("busyCount")).toInt(m_busyCount));
                       m_serverErrorCount = qMax(
                           0, body->value(QStringLiteral("serverErrorCount")).toInt(m_serverErrorCount));
                   }
                   return QHttpServerResponse(
                       QJsonObject{{QStringLiteral("busyCount"), m_busyCount},
                                   {QStringLiteral("serverErrorCount"), m_serverErrorCount}});
               });
    routes.add(QStringLiteral("/sandbox/metriport/stats"), Method::Get,
               [this] { return QHttpServerResponse(stats()); });
}

// ---- facilities and patients -------------------------------------------------------------

QHttpServerResponse SandboxMetriport::createFacility(const Request &request)
{
    const auto body = bodyObject(request, false);
    if (!body)
        return problem(Status::BadRequest, QStringLiteral("the body must be a JSON object"));
    QString error;
    auto facility = MetriportJson::facilityFromJson(*body, &error);
    if (!facility)
        return problem(Status::BadRequest, error);
    if (!FieldValidation::isValidNpi(facility->npi))
        return problem(Status::BadRequest, QStringLiteral("Invalid NPI: %1").arg(facility->npi));
    facility->id = newId();
    facility->eTag = QStringLiteral("1");
    facility->oid = QStringLiteral("2.16.840.1.113883.3.9621.5.%1")
                        .arg(QRandomGenerator::global()->bounded(100000, 999999));
    m_facilities.append(*facility);
    return QHttpServerResponse(MetriportJson::toJson(*facility), Status::Created);
}

SandboxMetriport::StoredPatient *SandboxMetriport::findPatient(const QString &id)
{
    for (StoredPatient &stored : m_patients) {
        if (stored.patient.id == id)
            return &stored;
    }
    return nullptr;
}

QHttpServerResponse SandboxMetriport::createPatient(const Request &request)
{
    const QString facilityId = queryValue(request, "facilityId");
    if (facilityId.isEmpty())
        return problem(Status::BadRequest, QStringLiteral("facilityId is required"));
    const bool knownFacility = std::any_of(m_facilities.cbegin(), m_facilities.cend(),
                                           [&](const auto &f) { return f.id == facilityId; });
    if (!knownFacility)
        return problem(Status::NotFound, QStringLiteral("Facility not found: %1").arg(facilityId));
    const auto body = bodyObject(request, false);
    if (!body)
        return problem(Status::BadRequest, QStringLiteral("the body must be a JSON object"));
    QString error;
    const auto demographics = MetriportJson::demographicsFromJson(*body, &error);
    if (!demographics)
        return problem(Status::BadRequest, error);
    const QStringList problems =
        MetriportJson::demographicsProblems(*demographics, QDate::currentDate());
    if (!problems.isEmpty())
        return problem(Status::BadRequest, problemsText(problems));

    // Metriport answers a create that matches an existing patient with that patient, 201.
    for (StoredPatient &stored : m_patients) {
        if (SandboxPatientMatcher::matches(stored.patient.demographics, *demographics)) {
            if (!stored.patient.facilityIds.contains(facilityId))
                stored.patient.facilityIds.append(facilityId);
            return QHttpServerResponse(MetriportJson::toJson(stored.patient), Status::Created);
        }
    }
    if (m_patients.size() >= m_options.patientCap) {
        return QHttpServerResponse(
            QJsonObject{{QStringLiteral("message"),
                         QStringLiteral("Cannot create more than %1 patients in Sandbox mode!")
                             .arg(m_options.patientCap)}},
            Status::BadRequest);
    }
    StoredPatient stored;
    stored.patient.id = newId();
    stored.patient.eTag = QStringLiteral("1");
    stored.patient.facilityIds = {facilityId};
    stored.patient.externalId = body->value(QStringLiteral("externalId")).toString();
    stored.patient.dateCreated = QDateTime::currentDateTimeUtc();
    stored.patient.demographics = *demographics;
    m_patients.append(stored);
    return QHttpServerResponse(MetriportJson::toJson(stored.patient), Status::Created);
}

QUrl SandboxMetriport::pageUrl(const Request &request, const QString &fromItem) const
{
    QUrl url = m_baseUrl.isValid() ? m_baseUrl : request.url();
    url.setPath(QStringLiteral("/medical/v1/patient"));
    QUrlQuery query(request.query());
    query.removeAllQueryItems(QStringLiteral("fromItem"));
    query.removeAllQueryItems(QStringLiteral("toItem"));
    query.addQueryItem(QStringLiteral("fromItem"), fromItem);
    url.setQuery(query);
    return url;
}

QHttpServerResponse SandboxMetriport::listPatients(const Request &request)
{
    const QString facilityId = queryValue(request, "facilityId");
    const QStringList terms =
        queryValue(request, "filters").toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    bool countOk = false;
    int count = queryValue(request, "count").toInt(&countOk);
    if (!countOk)
        count = 50;
    if (count < 1 || count > 500)
        return problem(Status::BadRequest, QStringLiteral("count must be from 1 to 500"));
    const QString fromItem = queryValue(request, "fromItem");

    QList<const StoredPatient *> matching;
    for (const StoredPatient &stored : m_patients) {
        const MetriportJson::Patient &p = stored.patient;
        if (!facilityId.isEmpty() && !p.facilityIds.contains(facilityId))
            continue;
        const QString haystack =
            (p.demographics.firstName + u' ' + p.demographics.lastName + u' '
             + p.demographics.dob.toString(Qt::ISODate) + u' ' + p.id + u' ' + p.externalId)
                .toLower();
        bool included = terms.isEmpty();
        bool excluded = false;
        for (const QString &term : terms) {
            if (term.startsWith(QLatin1Char('-')) && term.size() > 1)
                excluded = excluded || haystack.contains(term.mid(1));
            else
                included = included || haystack.contains(term);
        }
        if (!included && std::all_of(terms.cbegin(), terms.cend(),
                                     [](const QString &t) { return t.startsWith(u'-'); }))
            included = true;
        if (included && !excluded)
            matching.append(&stored);
    }
    qsizetype start = 0;
    if (!fromItem.isEmpty()) {
        start = -1;
        for (qsizetype i = 0; i < matching.size(); ++i) {
            if (matching[i]->patient.id == fromItem)
                start = i;
        }
        if (start < 0)
            return problem(Status::BadRequest, QStringLiteral("fromItem is not a listed patient"));
    }
    QJsonArray patients;
    for (qsizetype i = start; i < matching.size() && patients.size() < count; ++i)
        patients.append(MetriportJson::toJson(matching[i]->patient));
    QJsonObject meta{{QStringLiteral("itemsOnPage"), patients.size()},
                     {QStringLiteral("itemsInTotal"), matching.size()}};
    const qsizetype next = start + patients.size();
    if (next < matching.size())
        meta.insert(QStringLiteral("nextPage"), pageUrl(request, matching[next]->patient.id).toString());
    return QHttpServerResponse(QJsonObject{{QStringLiteral("meta"), meta},
                                           {QStringLiteral("patients"), patients}});
}

QHttpServerResponse SandboxMetriport::patientRoute(const QString &id, const Request &request)
{
    StoredPatient *stored = findPatient(id);
    if (!stored)
        return problem(Status::NotFound, QStringLiteral("Patient not found"));
    if (request.method() == Method::Get)
        return QHttpServerResponse(MetriportJson::toJson(stored->patient));

    const QByteArray ifMatch = header(request, QByteArrayLiteral("If-Match"));
    if (!ifMatch.isEmpty() && QString::fromUtf8(ifMatch) != stored->patient.eTag) {
        return problem(Status::PreconditionFailed,
                       QStringLiteral("The patient was changed since it was read (eTag %1 is "
                                      "stale)").arg(QString::fromUtf8(ifMatch)));
    }
    if (request.method() == Method::Delete) {
        m_documentQueries.remove(id);
        m_medicalRecords.remove(id);
        m_patients.removeIf([&](const StoredPatient &p) { return p.patient.id == id; });
        return QHttpServerResponse(Status::NoContent);
    }
    const auto body = bodyObject(request, false);
    if (!body)
        return problem(Status::BadRequest, QStringLiteral("the body must be a JSON object"));
    QString error;
    const auto demographics = MetriportJson::demographicsFromJson(*body, &error);
    if (!demographics)
        return problem(Status::BadRequest, error);
    const QStringList problems =
        MetriportJson::demographicsProblems(*demographics, QDate::currentDate());
    if (!problems.isEmpty())
        return problem(Status::BadRequest, problemsText(problems));
    // Like Metriport (issue #1119), an update does not run the matcher again.
    stored->patient.demographics = *demographics;
    if (body->contains(QStringLiteral("externalId")))
        stored->patient.externalId = body->value(QStringLiteral("externalId")).toString();
    stored->patient.eTag = QString::number(++stored->version);
    return QHttpServerResponse(MetriportJson::toJson(stored->patient));
}

QHttpServerResponse SandboxMetriport::matchPatient(const Request &request)
{
    const auto body = bodyObject(request, false);
    if (!body)
        return problem(Status::BadRequest, QStringLiteral("the body must be a JSON object"));
    QString error;
    const auto demographics = MetriportJson::demographicsFromJson(*body, &error);
    if (!demographics)
        return problem(Status::BadRequest, error);
    for (const StoredPatient &stored : m_patients) {
        if (SandboxPatientMatcher::matches(stored.patient.demographics, *demographics))
            return QHttpServerResponse(MetriportJson::toJson(stored.patient));
    }
    return problem(Status::NotFound, QStringLiteral("No patient matches these demographics"));
}

// ---- documents -----------------------------------------------------------------------------

QList<SandboxMetriportDocument> SandboxMetriport::downloadFor(StoredPatient &patient)
{
    QList<SandboxMetriportDocument> added;
    if (!m_documents)
        return added;
    for (const SandboxMetriportDocument &document :
         m_documents(firstToken(patient.patient.demographics.firstName))) {
        const bool known = std::any_of(patient.documents.cbegin(), patient.documents.cend(),
                                       [&](const auto &d) { return d.meta.id == document.meta.id; });
        if (!known) {
            patient.documents.append(document);
            added.append(document);
        }
    }
    return added;
}

QHttpServerResponse SandboxMetriport::startDocumentQuery(const Request &request)
{
    const QString patientId = queryValue(request, "patientId");
    StoredPatient *stored = findPatient(patientId);
    if (!stored)
        return problem(Status::NotFound, QStringLiteral("Patient not found"));
    const QString facilityId = queryValue(request, "facilityId");
    if (!facilityId.isEmpty() && !stored->patient.facilityIds.contains(facilityId))
        return problem(Status::BadRequest,
                       QStringLiteral("The patient is not at facility %1").arg(facilityId));
    const auto body = bodyObject(request, true);
    if (!body)
        return problem(Status::BadRequest, QStringLiteral("the body must be a JSON object"));

    // One query per patient: a repeat start returns the running one's progress.
    auto running = m_documentQueries.constFind(patientId);
    if (running != m_documentQueries.constEnd()
        && (running->status.download.status == QLatin1String("processing")
            || running->status.convert.status == QLatin1String("processing"))) {
        return QHttpServerResponse(MetriportJson::toJson(running->status));
    }
    DocumentQuery query;
    query.requestId = newId();
    query.status.requestId = query.requestId;
    query.status.download.status = QStringLiteral("processing");
    query.metadata = metadataOf(*body);
    m_documentQueries.insert(patientId, query);
    const QString requestId = query.requestId;
    QTimer::singleShot(m_options.documentQueryDelayMs, this, [this, patientId, requestId] {
        completeDocumentQuery(patientId, requestId);
    });
    return QHttpServerResponse(MetriportJson::toJson(query.status));
}

QJsonObject SandboxMetriport::meta(const QString &type, const QString &requestId,
                                   const QJsonObject &metadata) const
{
    QJsonObject meta{{QStringLiteral("messageId"), newId()},
                     {QStringLiteral("when"), now()},
                     {QStringLiteral("type"), type}};
    if (!requestId.isEmpty())
        meta.insert(QStringLiteral("requestId"), requestId);
    if (!metadata.isEmpty())
        meta.insert(QStringLiteral("data"), metadata);
    return meta;
}

QJsonObject SandboxMetriport::patientRef(const StoredPatient &patient) const
{
    QJsonObject json{{QStringLiteral("patientId"), patient.patient.id}};
    if (!patient.patient.externalId.isEmpty())
        json.insert(QStringLiteral("externalId"), patient.patient.externalId);
    return json;
}

void SandboxMetriport::completeDocumentQuery(const QString &patientId, const QString &requestId)
{
    StoredPatient *stored = findPatient(patientId);
    auto it = m_documentQueries.find(patientId);
    if (!stored || it == m_documentQueries.end() || it->requestId != requestId)
        return; // deleted meanwhile
    const QList<SandboxMetriportDocument> added = downloadFor(*stored);
    it->status.download = {QStringLiteral("completed"), int(added.size()), int(added.size()), 0};
    const bool anyXml = std::any_of(added.cbegin(), added.cend(), [](const auto &d) {
        return d.meta.mimeType.contains(QLatin1String("xml"));
    });
    it->status.convert.status = anyXml ? QStringLiteral("processing") : QStringLiteral("completed");

    QJsonArray documents;
    for (const SandboxMetriportDocument &document : added)
        documents.append(MetriportJson::webhookDocumentJson(document.meta));
    QJsonObject patient = patientRef(*stored);
    patient.insert(QStringLiteral("status"), QStringLiteral("completed"));
    patient.insert(QStringLiteral("documents"), documents);
    sendWebhook(QStringLiteral("medical.document-download"),
                QJsonObject{{QStringLiteral("meta"),
                             meta(QStringLiteral("medical.document-download"), requestId,
                                  it->metadata)},
                            {QStringLiteral("patients"), QJsonArray{patient}}});
    QTimer::singleShot(m_options.conversionDelayMs, this, [this, patientId, requestId] {
        completeConversion(patientId, requestId);
    });
}

void SandboxMetriport::completeConversion(const QString &patientId, const QString &requestId)
{
    StoredPatient *stored = findPatient(patientId);
    auto it = m_documentQueries.find(patientId);
    if (!stored || it == m_documentQueries.end() || it->requestId != requestId)
        return;
    int xml = 0;
    for (const SandboxMetriportDocument &document : stored->documents) {
        if (document.meta.mimeType.contains(QLatin1String("xml")))
            ++xml;
    }
    it->status.convert = {QStringLiteral("completed"), xml, xml, 0};
    QJsonObject patient = patientRef(*stored);
    patient.insert(QStringLiteral("status"), QStringLiteral("completed"));
    sendWebhook(QStringLiteral("medical.document-conversion"),
                QJsonObject{{QStringLiteral("meta"),
                             meta(QStringLiteral("medical.document-conversion"), requestId,
                                  it->metadata)},
                            {QStringLiteral("patients"), QJsonArray{patient}}});
}

QHttpServerResponse SandboxMetriport::listDocuments(const Request &request)
{
    const QString patientId = queryValue(request, "patientId");
    StoredPatient *stored = findPatient(patientId);
    if (!stored)
        return problem(Status::NotFound, QStringLiteral("Patient not found"));
    const QDate from = QDate::fromString(queryValue(request, "dateFrom"), Qt::ISODate);
    const QDate to = QDate::fromString(queryValue(request, "dateTo"), Qt::ISODate);
    QJsonArray documents;
    for (const SandboxMetriportDocument &document : stored->documents) {
        const QDate day = document.meta.indexed.toUTC().date();
        if ((from.isValid() && day < from) || (to.isValid() && day > to))
            continue;
        documents.append(MetriportJson::documentReferenceJson(document.meta, patientId));
    }
    return QHttpServerResponse(QJsonObject{{QStringLiteral("documents"), documents}});
}

QString SandboxMetriport::publish(QByteArray bytes, QByteArray contentType, int ttlMs)
{
    // Drop what has expired, so the files held stay bounded by what is still valid.
    const qint64 nowMs = m_clock.elapsed();
    m_files.removeIf([nowMs](const auto &item) { return item.value().expiresAtMs < nowMs; });
    const QString token = QString::fromLatin1(
        QCryptographicHash::hash(newId().toUtf8(), QCryptographicHash::Sha256).toHex().left(40));
    m_files.insert(token, File{std::move(bytes), std::move(contentType), nowMs + ttlMs});
    QUrl url = m_baseUrl;
    url.setPath(QStringLiteral("/sandbox/metriport/files/") + token);
    return url.toString();
}

QHttpServerResponse SandboxMetriport::downloadUrl(const Request &request)
{
    const QString fileName = queryValue(request, "fileName");
    const QString conversion = queryValue(request, "conversionType");
    if (fileName.isEmpty())
        return problem(Status::BadRequest, QStringLiteral("fileName is required"));
    if (!conversion.isEmpty() && conversion != QLatin1String("html")
        && conversion != QLatin1String("pdf"))
        return problem(Status::BadRequest, QStringLiteral("conversionType must be html or pdf"));
    for (const StoredPatient &stored : m_patients) {
        for (const SandboxMetriportDocument &document : stored.documents) {
            if (document.meta.fileName != fileName)
                continue;
            if (!conversion.isEmpty())
                return problem(Status::BadRequest,
                               QStringLiteral("The sandbox does not convert documents to %1")
                                   .arg(conversion));
            return QHttpServerResponse(QJsonObject{
                {QStringLiteral("url"),
                 publish(document.bytes, document.meta.mimeType.toUtf8(),
                         m_options.downloadUrlTtlMs)}});
        }
    }
    return problem(Status::NotFound, QStringLiteral("Document not found: %1").arg(fileName));
}

QHttpServerResponse SandboxMetriport::file(const QString &token)
{
    const auto it = m_files.constFind(token);
    if (it == m_files.constEnd() || it->expiresAtMs < m_clock.elapsed()) {
        // What S3 answers a presigned URL past its time.
        return QHttpServerResponse(
            QByteArrayLiteral("application/xml"),
            QByteArrayLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>"
                              "AccessDenied</Code><Message>Request has expired</Message></Error>"),
            Status::Forbidden);
    }
    return QHttpServerResponse(it->contentType, it->bytes);
}

// ---- consolidated data ---------------------------------------------------------------------

QByteArray SandboxMetriport::consolidatedBundle(const StoredPatient &patient) const
{
    QJsonArray entries;
    if (m_converter) {
        for (const SandboxMetriportDocument &document : patient.documents) {
            if (!document.meta.mimeType.contains(QLatin1String("xml")))
                continue;
            QString error;
            const auto converted = m_converter(document.bytes, patient.patient.id, &error);
            if (!converted)
                continue;
            const QJsonArray batch =
                QJsonDocument::fromJson(*converted).object().value(QStringLiteral("entry")).toArray();
            for (const QJsonValue &entry : batch) {
                const QJsonObject resource = entry.toObject().value(QStringLiteral("resource")).toObject();
                const QString fullUrl = entry.toObject().value(QStringLiteral("fullUrl")).toString();
                QJsonObject item{{QStringLiteral("resource"), resource}};
                if (!fullUrl.isEmpty())
                    item.insert(QStringLiteral("fullUrl"), fullUrl);
                entries.append(item);
            }
        }
    }
    // Metriport builds a searchset although its docs say collection (§4).
    return QJsonDocument(QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("Bundle")},
                                     {QStringLiteral("type"), QStringLiteral("searchset")},
                                     {QStringLiteral("total"), entries.size()},
                                     {QStringLiteral("entry"), entries}})
        .toJson(QJsonDocument::Compact);
}

QHttpServerResponse SandboxMetriport::startConsolidated(const QString &patientId,
                                                        const Request &request)
{
    if (!findPatient(patientId))
        return problem(Status::NotFound, QStringLiteral("Patient not found"));
    const QString conversion = queryValue(request, "conversionType");
    if (conversion != QLatin1String("json") && conversion != QLatin1String("pdf")
        && conversion != QLatin1String("html"))
        return problem(Status::BadRequest, QStringLiteral("conversionType must be json, pdf or html"));
    const auto body = bodyObject(request, true);
    if (!body)
        return problem(Status::BadRequest, QStringLiteral("the body must be a JSON object"));
    const QStringList resources = queryValue(request, "resources")
                                      .split(QLatin1Char(','), Qt::SkipEmptyParts);
    // Identical parameters while one is processing: its requestId.
    for (const ConsolidatedRun &run : std::as_const(m_consolidated)) {
        if (run.patientId == patientId && run.query.status == QLatin1String("processing")
            && run.query.conversionType == conversion && run.query.resources == resources)
            return QHttpServerResponse(MetriportJson::toJson(run.query));
    }
    ConsolidatedRun run;
    run.patientId = patientId;
    run.metadata = metadataOf(*body);
    run.query.requestId = newId();
    run.query.status = QStringLiteral("processing");
    run.query.startedAt = QDateTime::currentDateTimeUtc();
    run.query.conversionType = conversion;
    run.query.resources = resources;
    m_consolidated.append(run);
    const QString requestId = run.query.requestId;
    QTimer::singleShot(m_options.consolidatedDelayMs, this,
                       [this, requestId] { completeConsolidated(requestId); });
    return QHttpServerResponse(MetriportJson::toJson(run.query));
}

void SandboxMetriport::completeConsolidated(const QString &requestId)
{
    ConsolidatedRun *run = nullptr;
    for (ConsolidatedRun &candidate : m_consolidated) {
        if (candidate.query.requestId == requestId)
            run = &candidate;
    }
    StoredPatient *stored = run ? findPatient(run->patientId) : nullptr;
    if (!stored)
        return;
    run->query.status = QStringLiteral("completed");
    const QString type = run->query.conversionType;
    QByteArray bytes;
    QByteArray contentType;
    if (type == QLatin1String("json")) {
        bytes = consolidatedBundle(*stored);
        contentType = QByteArrayLiteral("application/json");
    } else {
        // The medical record summary: the first PDF the patient has for pdf, a page for html.
        if (type == QLatin1String("pdf")) {
            for (const SandboxMetriportDocument &document : stored->documents) {
                if (document.meta.mimeType == QLatin1String("application/pdf")) {
                    bytes = document.bytes;
                    break;
                }
            }
            contentType = QByteArrayLiteral("application/pdf");
        } else {
            QString html = QStringLiteral("<!DOCTYPE html><html><head><title>Medical Record "
                                          "Summary</title></head><body><h1>Medical Record "
                                          "Summary</h1><ul>");
            for (const SandboxMetriportDocument &document : stored->documents)
                html += QStringLiteral("<li>") + document.meta.description.toHtmlEscaped()
                        + QStringLiteral("</li>");
            html += QStringLiteral("</ul></body></html>");
            bytes = html.toUtf8();
            contentType = QByteArrayLiteral("text/html");
        }
        if (!bytes.isEmpty())
            m_medicalRecords[stored->patient.id].insert(type, bytes);
    }

    QJsonObject patient = patientRef(*stored);
    patient.insert(QStringLiteral("status"), QStringLiteral("completed"));
    if (!run->query.resources.isEmpty())
        patient.insert(QStringLiteral("filters"),
                       QJsonObject{{QStringLiteral("resources"),
                                    run->query.resources.join(QLatin1Char(','))}});
    QJsonArray entries;
    if (!bytes.isEmpty()) {
        const QString url = publish(bytes, contentType, m_options.consolidatedUrlTtlMs);
        entries.append(QJsonObject{
            {QStringLiteral("resource"),
             QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("DocumentReference")},
                         {QStringLiteral("subject"),
                          QJsonObject{{QStringLiteral("reference"),
                                       QStringLiteral("Patient/") + stored->patient.id}}},
                         {QStringLiteral("content"),
                          QJsonArray{QJsonObject{
                              {QStringLiteral("attachment"),
                               QJsonObject{{QStringLiteral("contentType"),
                                            QString::fromLatin1(contentType)},
                                           {QStringLiteral("url"), url}}}}}}}}});
    }
    patient.insert(QStringLiteral("bundle"),
                   QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("Bundle")},
                               {QStringLiteral("type"), QStringLiteral("collection")},
                               {QStringLiteral("total"), entries.size()},
                               {QStringLiteral("entry"), entries}});
    sendWebhook(QStringLiteral("medical.consolidated-data"),
                QJsonObject{{QStringLiteral("meta"),
                             meta(QStringLiteral("medical.consolidated-data"), requestId,
                                  run->metadata)},
                            {QStringLiteral("patients"), QJsonArray{patient}}});
}

QHttpServerResponse SandboxMetriport::consolidatedStatus(const QString &patientId,
                                                         const QString &requestId)
{
    if (!findPatient(patientId))
        return problem(Status::NotFound, QStringLiteral("Patient not found"));
    QJsonArray queries;
    for (const ConsolidatedRun &run : std::as_const(m_consolidated)) {
        if (run.patientId != patientId)
            continue;
        if (!requestId.isEmpty()) {
            if (run.query.requestId == requestId)
                return QHttpServerResponse(MetriportJson::toJson(run.query));
            continue;
        }
        queries.append(MetriportJson::toJson(run.query));
    }
    if (!requestId.isEmpty())
        return problem(Status::NotFound, QStringLiteral("Consolidated query not found"));
    return QHttpServerResponse(QJsonObject{{QStringLiteral("queries"), queries}});
}

QHttpServerResponse SandboxMetriport::medicalRecord(const QString &patientId,
                                                    const Request &request)
{
    if (!findPatient(patientId))
        return problem(Status::NotFound, QStringLiteral("Patient not found"));
    const QString type = queryValue(request, "conversionType");
    if (type != QLatin1String("pdf") && type != QLatin1String("html"))
        return problem(Status::BadRequest, QStringLiteral("conversionType must be pdf or html"));
    const QByteArray bytes = m_medicalRecords.value(patientId).value(type);
    if (bytes.isEmpty())
        return problem(Status::NotFound, QStringLiteral("No medical record summary exists yet"));
    return QHttpServerResponse(QJsonObject{
        {QStringLiteral("url"),
         publish(bytes,
                 type == QLatin1String("pdf") ? QByteArrayLiteral("application/pdf")
                                              : QByteArrayLiteral("text/html"),
                 m_options.consolidatedUrlTtlMs)}});
}

// ---- network query -------------------------------------------------------------------------

QHttpServerResponse SandboxMetriport::startNetworkQuery(const Request &request)
{
    const QString patientId = queryValue(request, "patientId");
    if (!findPatient(patientId))
        return problem(Status::NotFound, QStringLiteral("Patient not found"));
    const auto body = bodyObject(request, false);
    if (!body)
        return problem(Status::BadRequest, QStringLiteral("the body must be a JSON object"));
    QStringList sources;
    const QJsonValue given = body->value(QStringLiteral("sources"));
    if (given.isArray()) {
        for (const QJsonValue &value : given.toArray())
            sources.append(value.toString());
    } else if (given.isObject()) {
        const QJsonObject object = given.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.value().toObject().value(QStringLiteral("enabled")).toBool())
                sources.append(it.key());
        }
    }
    sources.removeDuplicates();
    if (sources.isEmpty())
        return problem(Status::BadRequest, QStringLiteral("sources must name at least one source"));
    static const QStringList known{QStringLiteral("hie"), QStringLiteral("pharmacy"),
                                   QStringLiteral("lab")};
    for (const QString &source : sources) {
        if (!known.contains(source))
            return problem(Status::BadRequest,
                           QStringLiteral("Unknown source \"%1\": use hie, pharmacy or lab")
                               .arg(source));
    }
    NetworkRun run;
    run.patientId = patientId;
    run.metadata = metadataOf(*body);
    run.status.requestId = newId();
    run.status.status = QStringLiteral("processing");
    run.status.startedAt = QDateTime::currentDateTimeUtc();
    int delay = m_options.networkQueryDelayMs;
    for (const QString &source : std::as_const(sources)) {
        run.status.sources.append({source, QStringLiteral("processing"), run.status.startedAt, {}});
        const QString requestId = run.status.requestId;
        QTimer::singleShot(delay, this, [this, requestId, source] {
            completeNetworkSource(requestId, source);
        });
        delay += m_options.networkQueryDelayMs / 2;
    }
    m_networkQueries.insert(run.status.requestId, run);
    return QHttpServerResponse(MetriportJson::toJson(run.status));
}

void SandboxMetriport::completeNetworkSource(const QString &requestId, const QString &source)
{
    auto it = m_networkQueries.find(requestId);
    if (it == m_networkQueries.end())
        return;
    StoredPatient *stored = findPatient(it->patientId);
    if (!stored)
        return;
    // The HIE brings the persona's documents; pharmacy and lab add to the same record.
    if (source == QLatin1String("hie"))
        downloadFor(*stored);
    const QDateTime completedAt = QDateTime::currentDateTimeUtc();
    bool allDone = true;
    for (MetriportJson::NetworkSource &item : it->status.sources) {
        if (item.type == source) {
            item.status = QStringLiteral("completed");
            item.completedAt = completedAt;
        }
        allDone = allDone && item.status != QLatin1String("processing");
    }
    if (allDone)
        it->status.status = QStringLiteral("completed");

    QJsonObject sourceJson{{QStringLiteral("type"), source},
                           {QStringLiteral("status"), QStringLiteral("completed")},
                           {QStringLiteral("completedAt"), completedAt.toString(Qt::ISODateWithMs)}};
    if (source == QLatin1String("pharmacy"))
        sourceJson.insert(QStringLiteral("source"), QStringLiteral("surescripts"));
    else if (source == QLatin1String("lab"))
        sourceJson.insert(QStringLiteral("source"), QStringLiteral("quest"));
    QJsonObject payload = patientRef(*stored);
    payload.insert(QStringLiteral("consolidatedDataUrl"),
                   publish(consolidatedBundle(*stored), QByteArrayLiteral("application/json"),
                           m_options.consolidatedUrlTtlMs));
    payload.insert(QStringLiteral("source"), sourceJson);
    const QString type = QStringLiteral("network-query.") + source;
    sendWebhook(type, QJsonObject{{QStringLiteral("meta"), meta(type, requestId, it->metadata)},
                                  {QStringLiteral("payload"), payload}});
}

// ---- settings and webhooks -----------------------------------------------------------------

QHttpServerResponse SandboxMetriport::settings(const Request &request)
{
    if (request.method() == Method::Post) {
        const auto body = bodyObject(request, false);
        if (!body || !body->value(QStringLiteral("webhookUrl")).isString())
            return problem(Status::BadRequest, QStringLiteral("webhookUrl must be a string"));
        const QString given = body->value(QStringLiteral("webhookUrl")).toString().trimmed();
        const QUrl url(given);
        if (!given.isEmpty()
            && (!url.isValid()
                || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))))
            return problem(Status::BadRequest, QStringLiteral("webhookUrl must be an http(s) URL"));
        m_webhookUrl = url;
        if (!given.isEmpty()) {
            // Setting the URL sends a ping at once; the reply must be the pong.
            const QString ping = newId().remove(QLatin1Char('-'));
            WebhookRequest ping_;
            ping_.messageId = newId();
            ping_.type = QStringLiteral("ping");
            ping_.createdAt = QDateTime::currentDateTimeUtc();
            ping_.status = QStringLiteral("processing");
            ping_.body = QJsonDocument(QJsonObject{
                                           {QStringLiteral("ping"), ping},
                                           {QStringLiteral("meta"),
                                            QJsonObject{{QStringLiteral("messageId"), ping_.messageId},
                                                        {QStringLiteral("when"), now()},
                                                        {QStringLiteral("type"), QStringLiteral("ping")}}}})
                             .toJson(QJsonDocument::Compact);
            m_webhooks.append(ping_);
            deliver(m_webhooks.size() - 1, true, ping);
        }
    }
    return QHttpServerResponse(QJsonObject{
        {QStringLiteral("id"), m_settingsId},
        {QStringLiteral("webhookUrl"), m_webhookUrl.toString()},
        {QStringLiteral("webhookKey"), QString::fromUtf8(m_options.webhookKey)}});
}

void SandboxMetriport::sendWebhook(const QString &type, QJsonObject payload)
{
    // The reserved metadata key disableWHFlag suppresses the webhook (§4).
    const QJsonObject data =
        payload.value(QStringLiteral("meta")).toObject().value(QStringLiteral("data")).toObject();
    if (data.value(QStringLiteral("disableWHFlag")).toString() == QLatin1String("true"))
        return;
    WebhookRequest request;
    request.messageId =
        payload.value(QStringLiteral("meta")).toObject().value(QStringLiteral("messageId")).toString();
    request.type = type;
    request.createdAt = QDateTime::currentDateTimeUtc();
    request.body = QJsonDocument(payload).toJson(QJsonDocument::Compact);
    request.status = QStringLiteral("processing");
    m_webhooks.append(request);
    // Keep the log bounded: the oldest delivered requests go first.
    while (m_webhooks.size() > 5000) {
        const auto old = std::find_if(m_webhooks.begin(), m_webhooks.end(), [](const auto &r) {
            return r.status == QLatin1String("success");
        });
        if (old == m_webhooks.end())
            break;
        m_webhooks.erase(old);
    }
    deliver(m_webhooks.size() - 1);
}

void SandboxMetriport::deliver(qsizetype index, bool ping, const QString &pong)
{
    WebhookRequest &request = m_webhooks[index];
    const QString messageId = request.messageId;
    const QString type = request.type;
    auto fail = [this, messageId, type](const QString &why, int httpStatus) {
        for (WebhookRequest &item : m_webhooks) {
            if (item.messageId == messageId) {
                item.status = QStringLiteral("failure");
                item.httpStatus = httpStatus;
            }
        }
        ++m_failed;
        m_webhookEnabled = false;
        m_webhookDetail = why;
        Q_EMIT webhookFailed(type, messageId, why);
    };
    if (!m_webhookUrl.isValid() || m_webhookUrl.isEmpty()) {
        // No URL: marked failed and never sent (PRs #27, #842).
        QTimer::singleShot(0, this, [fail] { fail(QStringLiteral("no webhook URL is set"), 0); });
        return;
    }
    HttpJob::Request post;
    post.url = m_webhookUrl;
    post.method = HttpJob::Method::Post;
    post.body = request.body;
    post.contentType = QByteArrayLiteral("application/json");
    post.timeoutMs = ping ? 2000 : m_options.webhookTimeoutMs;
    post.maxResponseBytes = 64 * 1024;
    post.headers = {{QByteArrayLiteral("x-metriport-signature"),
                     MetriportSignature::sign(m_options.webhookKey, request.body)},
                    {QByteArrayLiteral("user-agent"), QByteArrayLiteral("Metriport API")}};
    auto *job = new HttpJob(m_network, post, this);
    connect(job, &Job::finished, this, [this, job, messageId, type, ping, pong, fail] {
        if (job->error() != Job::Error::NoError) {
            fail(job->errorString(), job->httpStatus());
            return;
        }
        if (ping) {
            const QString answered = QJsonDocument::fromJson(job->responseBody())
                                         .object()
                                         .value(QStringLiteral("pong"))
                                         .toString();
            if (answered != pong) {
                fail(QStringLiteral("the ping was not answered with its pong"), job->httpStatus());
                return;
            }
        }
        for (WebhookRequest &item : m_webhooks) {
            if (item.messageId == messageId) {
                item.status = QStringLiteral("success");
                item.httpStatus = job->httpStatus();
            }
        }
        ++m_delivered;
        m_webhookEnabled = true;
        m_webhookDetail.clear();
        Q_EMIT webhookDelivered(type, messageId);
    });
    job->start();
}

// ---- converter -----------------------------------------------------------------------------

QHttpServerResponse SandboxMetriport::convert(const Request &request)
{
    const QString patientId = queryValue(request, "patientId");
    if (patientId.isEmpty())
        return problem(Status::BadRequest, QStringLiteral("patientId is required"));
    if (!m_converter)
        return problem(Status::ServiceUnavailable, QStringLiteral("The converter is not available"));
    QString error;
    const auto bundle = m_converter(request.body(), patientId, &error);
    if (!bundle)
        return problem(Status::BadRequest, error);
    return QHttpServerResponse(QByteArrayLiteral("application/json"), *bundle);
}

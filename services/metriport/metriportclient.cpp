// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/metriport/metriportclient.h"

#include "services/domain/fieldvalidation.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

namespace {
QString isoDate(const QDate &date)
{
    return date.toString(Qt::ISODate);
}
} // namespace

RetryPolicy MetriportClient::defaultPolicy()
{
    RetryPolicy policy;
    policy.maxTries = 4;
    policy.baseDelay = RetryPolicy::Ms(1000);
    policy.maxDelay = RetryPolicy::Ms(60000);
    policy.timeBudget = RetryPolicy::Ms(120000);
    return policy;
}

MetriportClient::MetriportClient(QNetworkAccessManager *network, Config config, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_config(std::move(config))
{
}

MetriportClient::~MetriportClient() = default;

HttpJob::Request MetriportClient::request(HttpJob::Method method, const QString &path,
                                          const QList<std::pair<QString, QString>> &query) const
{
    HttpJob::Request request;
    QUrl url = m_config.baseUrl;
    QString base = url.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + path);
    QUrlQuery items;
    for (const auto &[key, value] : query) {
        if (!value.isEmpty())
            items.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    }
    url.setQuery(items);
    request.url = url;
    request.method = method;
    request.headers = {{QByteArrayLiteral("x-api-key"), m_config.apiKey.toUtf8()},
                       {QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")}};
    request.timeoutMs = m_config.timeoutMs;
    request.maxResponseBytes = 16 * 1024 * 1024;
    return request;
}

QByteArray MetriportClient::json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

MetriportCall *MetriportClient::call(HttpJob::Request request, const QString &what,
                                     MetriportCall::Expect expect)
{
    if (!request.body.isEmpty() && request.contentType.isEmpty())
        request.contentType = QByteArrayLiteral("application/json");
    return new MetriportCall(m_network, std::move(request), m_config.policy, what, expect);
}

MetriportCall *MetriportClient::refuse(const QString &what, const QString &why)
{
    auto *refused = new MetriportCall(m_network, {}, m_config.policy, what);
    refused->failOnStart(Job::Error::InvalidRequest, why);
    return refused;
}

MetriportCall *MetriportClient::createFacility(const MetriportJson::Facility &facility)
{
    const QString what = tr("create the facility");
    if (!FieldValidation::isValidNpi(facility.npi)) {
        return refuse(what, tr("The facility's NPI %1 is not a valid NPI (ten digits with a "
                               "correct check digit).").arg(facility.npi));
    }
    HttpJob::Request r = request(HttpJob::Method::Post, QStringLiteral("/medical/v1/facility"));
    MetriportJson::Facility body = facility;
    body.id.clear();
    body.eTag.clear();
    body.oid.clear();
    r.body = json(MetriportJson::toJson(body));
    return call(r, what);
}

MetriportCall *MetriportClient::facility(const QString &facilityId)
{
    return call(request(HttpJob::Method::Get, QStringLiteral("/medical/v1/facility/") + facilityId),
                tr("read the facility"));
}

MetriportCall *MetriportClient::facilities()
{
    return call(request(HttpJob::Method::Get, QStringLiteral("/medical/v1/facility")),
                tr("list the facilities"));
}

MetriportCall *MetriportClient::createPatient(const QString &facilityId,
                                              const MetriportJson::Demographics &demographics,
                                              const QString &externalId)
{
    HttpJob::Request r = request(HttpJob::Method::Post, QStringLiteral("/medical/v1/patient"),
                                 {{QStringLiteral("facilityId"), facilityId}});
    r.body = json(MetriportJson::patientBody(demographics, externalId));
    return call(r, tr("create the patient"));
}

MetriportCall *MetriportClient::patient(const QString &patientId)
{
    return call(request(HttpJob::Method::Get, QStringLiteral("/medical/v1/patient/") + patientId),
                tr("read the patient"));
}

MetriportCall *MetriportClient::updatePatient(const QString &patientId, const QString &facilityId,
                                              const MetriportJson::Demographics &demographics,
                                              const QString &externalId, const QString &eTag)
{
    HttpJob::Request r =
        request(HttpJob::Method::Put, QStringLiteral("/medical/v1/patient/") + patientId,
                {{QStringLiteral("facilityId"), facilityId}});
    r.body = json(MetriportJson::patientBody(demographics, externalId));
    if (!eTag.isEmpty())
        r.headers.append({QByteArrayLiteral("If-Match"), eTag.toUtf8()});
    return call(r, tr("update the patient"));
}

MetriportCall *MetriportClient::deletePatient(const QString &patientId, const QString &facilityId)
{
    return call(request(HttpJob::Method::Delete, QStringLiteral("/medical/v1/patient/") + patientId,
                        {{QStringLiteral("facilityId"), facilityId}}),
                tr("delete the patient"), MetriportCall::Expect::Nothing);
}

MetriportCall *MetriportClient::listPatients(const QString &facilityId, const QString &filters,
                                             int count, const QUrl &pageUrl)
{
    HttpJob::Request r =
        request(HttpJob::Method::Get, QStringLiteral("/medical/v1/patient"),
                {{QStringLiteral("facilityId"), facilityId},
                 {QStringLiteral("filters"), filters},
                 {QStringLiteral("count"), QString::number(qBound(1, count, 500))}});
    if (pageUrl.isValid()) {
        // Follow meta.nextPage, but only on the configured server: a page link elsewhere
        // would send our API key to someone else.
        if (pageUrl.host() != m_config.baseUrl.host() || pageUrl.port() != m_config.baseUrl.port()
            || pageUrl.scheme() != m_config.baseUrl.scheme())
            return refuse(tr("list the patients"),
                          tr("Metriport's next page points to another server (%1); it was not "
                             "followed.").arg(pageUrl.host()));
        r.url = pageUrl;
    }
    return call(r, tr("list the patients"));
}

MetriportCall *MetriportClient::matchPatient(const MetriportJson::Demographics &demographics)
{
    HttpJob::Request r =
        request(HttpJob::Method::Post, QStringLiteral("/medical/v1/patient/match"));
    r.body = json(MetriportJson::toJson(demographics));
    return call(r, tr("look the patient up"));
}

MetriportCall *MetriportClient::startDocumentQuery(const QString &patientId,
                                                   const QString &facilityId,
                                                   const QJsonObject &metadata)
{
    HttpJob::Request r = request(HttpJob::Method::Post, QStringLiteral("/medical/v1/document/query"),
                                 {{QStringLiteral("patientId"), patientId},
                                  {QStringLiteral("facilityId"), facilityId}});
    QJsonObject body;
    if (!metadata.isEmpty())
        body.insert(QStringLiteral("metadata"), metadata);
    r.body = json(body);
    return call(r, tr("start the document query"));
}

MetriportCall *MetriportClient::documentQueryStatus(const QString &patientId)
{
    return call(request(HttpJob::Method::Get, QStringLiteral("/medical/v1/document/query"),
                        {{QStringLiteral("patientId"), patientId}}),
                tr("tell how the document query stands"));
}

MetriportCall *MetriportClient::listDocuments(const QString &patientId, const QDate &from,
                                              const QDate &to)
{
    return call(request(HttpJob::Method::Get, QStringLiteral("/medical/v1/document"),
                        {{QStringLiteral("patientId"), patientId},
                         {QStringLiteral("dateFrom"), isoDate(from)},
                         {QStringLiteral("dateTo"), isoDate(to)}}),
                tr("list the patient's documents"));
}

MetriportCall *MetriportClient::documentDownloadUrl(const QString &fileName,
                                                    const QString &conversionType)
{
    return call(request(HttpJob::Method::Get, QStringLiteral("/medical/v1/document/download-url"),
                        {{QStringLiteral("fileName"), fileName},
                         {QStringLiteral("conversionType"), conversionType}}),
                tr("give the document's download address"));
}

MetriportCall *MetriportClient::startNetworkQuery(const QString &patientId,
                                                  const QStringList &sources,
                                                  const QString &facilityId,
                                                  const QJsonObject &metadata)
{
    const QString what = tr("start the network query");
    if (sources.isEmpty())
        return refuse(what, tr("Choose at least one source: HIE, pharmacy or lab."));
    HttpJob::Request r = request(HttpJob::Method::Post, QStringLiteral("/medical/v1/network/query"),
                                 {{QStringLiteral("patientId"), patientId},
                                  {QStringLiteral("facilityId"), facilityId}});
    QJsonObject body{{QStringLiteral("sources"), QJsonArray::fromStringList(sources)}};
    if (!metadata.isEmpty())
        body.insert(QStringLiteral("metadata"), metadata);
    r.body = json(body);
    return call(r, what);
}

MetriportCall *MetriportClient::networkQueryStatus(const QString &requestId)
{
    return call(request(HttpJob::Method::Get, QStringLiteral("/medical/v1/network/query/") + requestId),
                tr("tell how the network query stands"));
}

MetriportCall *MetriportClient::startConsolidatedQuery(const QString &patientId,
                                                       const QString &conversionType,
                                                       const QStringList &resources,
                                                       const QDate &from, const QDate &to,
                                                       const QJsonObject &metadata)
{
    HttpJob::Request r = request(
        HttpJob::Method::Post,
        QStringLiteral("/medical/v1/patient/%1/consolidated/query").arg(patientId),
        {{QStringLiteral("conversionType"), conversionType},
         {QStringLiteral("resources"), resources.join(QLatin1Char(','))},
         {QStringLiteral("dateFrom"), isoDate(from)},
         {QStringLiteral("dateTo"), isoDate(to)}});
    QJsonObject body;
    if (!metadata.isEmpty())
        body.insert(QStringLiteral("metadata"), metadata);
    r.body = json(body);
    return call(r, tr("start the consolidated data query"));
}

MetriportCall *MetriportClient::consolidatedQueryStatus(const QString &patientId,
                                                        const QString &requestId)
{
    QString path = QStringLiteral("/medical/v1/patient/%1/consolidated/query").arg(patientId);
    if (!requestId.isEmpty())
        path += QLatin1Char('/') + requestId;
    return call(request(HttpJob::Method::Get, path),
                tr("tell how the consolidated data query stands"));
}

MetriportCall *MetriportClient::medicalRecordUrl(const QString &patientId,
                                                 const QString &conversionType)
{
    return call(request(HttpJob::Method::Get,
                        QStringLiteral("/medical/v1/patient/%1/medical-record").arg(patientId),
                        {{QStringLiteral("conversionType"), conversionType}}),
                tr("give the medical record summary"));
}

MetriportCall *MetriportClient::settings()
{
    return call(request(HttpJob::Method::Get, QStringLiteral("/settings")),
                tr("read the settings"));
}

MetriportCall *MetriportClient::updateSettings(const QString &webhookUrl)
{
    HttpJob::Request r = request(HttpJob::Method::Post, QStringLiteral("/settings"));
    r.body = json(QJsonObject{{QStringLiteral("webhookUrl"), webhookUrl}});
    return call(r, tr("save the webhook address"));
}

MetriportCall *MetriportClient::webhookStatus()
{
    return call(request(HttpJob::Method::Get, QStringLiteral("/settings/webhook")),
                tr("tell how its webhook deliveries stand"));
}

MetriportCall *MetriportClient::webhookRequests()
{
    return call(request(HttpJob::Method::Get, QStringLiteral("/settings/webhook/request")),
                tr("list its webhook deliveries"));
}

MetriportCall *MetriportClient::retryWebhooks()
{
    HttpJob::Request r = request(HttpJob::Method::Post, QStringLiteral("/settings/webhook/retry"));
    r.body = QByteArrayLiteral("{}");
    return call(r, tr("send its failed webhooks again"), MetriportCall::Expect::Nothing);
}

MetriportCall *MetriportClient::download(const QUrl &url, const QString &what)
{
    HttpJob::Request r;
    r.url = url;
    r.timeoutMs = qMin(m_config.timeoutMs, 30000);
    r.maxResponseBytes = m_config.maxDownloadBytes;
    RetryPolicy quick = m_config.policy;
    quick.maxTries = 3;
    quick.timeBudget = RetryPolicy::Ms(45000); // the URL is good for 60 s at best
    return new MetriportCall(m_network, r, quick, what, MetriportCall::Expect::Bytes);
}

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/sandbox/sandboxserver.h"

#include "services/clinical/ccdareader.h"
#include "services/clinical/fhirwriter.h"
#include "services/httpserver/guardedtcpserver.h"
#include "services/sandbox/samplewebhooks.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <QUuid>

#include <memory>

namespace {
WebhookPoster::Options posterOptions(const SandboxServer::Options &options)
{
    WebhookPoster::Options poster;
    poster.hubUrl = options.hubUrl;
    poster.metriportKey = options.metriportWebhookKey;
    if (!options.payorWebhookSecret.isEmpty())
        poster.payorSecrets = {options.payorWebhookSecret};
    poster.retry = options.webhookRetry;
    return poster;
}

SandboxMetriport::Options metriportOptions(const SandboxServer::Options &options)
{
    SandboxMetriport::Options metriport = options.metriport;
    if (metriport.webhookKey.isEmpty())
        metriport.webhookKey = options.metriportWebhookKey;
    if (metriport.webhookUrl.isEmpty() && options.hubUrl.isValid()) {
        QUrl url = options.hubUrl;
        QString path = url.path();
        while (path.endsWith(QLatin1Char('/')))
            path.chop(1);
        url.setPath(path + QStringLiteral("/webhooks/metriport"));
        metriport.webhookUrl = url;
    }
    return metriport;
}

SandboxPayor::Options payorOptions(const SandboxServer::Options &options)
{
    SandboxPayor::Options payor;
    payor.decisionDelayMs = options.payorDecisionDelayMs;
    payor.statePath = options.payorStatePath;
    return payor;
}
} // namespace

SandboxServer::SandboxServer(Options options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_webhooks(&m_network, posterOptions(options), this)
    , m_payor(payorOptions(options))
    , m_payorRoutes(&m_payor, options.payorApiKey)
    , m_metriport(&m_network, metriportOptions(options))
{
    m_clearinghouse.slowDelayMs = options.slowDelayMs;
    m_payorRoutes.setFaults(options.payorFaults);
    connect(&m_payor, &SandboxPayor::claimStatusChanged, this, &SandboxServer::announceClaimStatus);
    // Metriport's personas: their documents, made once.
    m_metriport.setDocumentSource([personas = m_personas](const QString &firstName) {
        QList<SandboxMetriportDocument> documents;
        for (const PersonaDocument &persona : personas->documents(firstName)) {
            SandboxMetriportDocument document;
            document.meta.id = persona.id;
            document.meta.fileName = persona.fileName;
            document.meta.description = persona.description;
            document.meta.mimeType = persona.mimeType;
            document.meta.size = persona.size;
            document.meta.indexed = persona.indexed;
            document.meta.typeCode = persona.typeCode;
            document.meta.typeDisplay = persona.typeDisplay;
            document.meta.status = QStringLiteral("current");
            document.bytes = persona.content;
            documents.append(document);
        }
        return documents;
    });
    // Metriport's converter: our C-CDA reader and FHIR writer.
    m_metriport.setConverter([](const QByteArray &ccda, const QString &patientId,
                                QString *error) -> std::optional<QByteArray> {
        const ClinicalReadResult read = CcdaReader::read(ccda);
        if (!read.ok()) {
            *error = read.error.message;
            return std::nullopt;
        }
        return FhirWriter::write(read.record, patientId,
                                 {ccda, QStringLiteral("application/xml"), read.record.header.title});
    });
    registerRoutes();
}

SandboxServer::~SandboxServer() = default;

bool SandboxServer::listen(QString *error)
{
    HttpServerLimits limits;
    limits.maxBodyBytes = m_options.maxRequestBytes;
    limits.requestTimeout = std::chrono::milliseconds(m_options.requestTimeoutMs);
    limits.idleTimeout = std::chrono::milliseconds(m_options.idleTimeoutMs);
    limits.maxConnections = m_options.maxConnections;
    auto *tcp = new GuardedTcpServer(limits);
    if (!tcp->listen(m_options.address, m_options.port)) {
        if (error) {
            *error =
                QCoreApplication::translate("Sandbox", "The sandbox could not listen on %1:%2.")
                    .arg(m_options.address.toString())
                    .arg(m_options.port);
        }
        delete tcp;
        return false;
    }
    m_port = tcp->serverPort();
    m_server.bind(tcp); // the HTTP server owns it from here
    m_metriport.setBaseUrl(baseUrl());
    return true;
}

QUrl SandboxServer::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(m_options.address.toString());
    url.setPort(m_port);
    return url;
}

QUrl SandboxServer::clearinghouseUrl() const
{
    QUrl url = baseUrl();
    url.setPath(QStringLiteral("/clearinghouse/x12/270"));
    return url;
}

void SandboxServer::registerRoutes()
{
    m_routes.add(QStringLiteral("/health"), QHttpServerRequest::Method::Get, [] {
        const QJsonObject body{
            {QStringLiteral("status"), QStringLiteral("ok")},
            {QStringLiteral("systems"),
             QJsonArray{QStringLiteral("clearinghouse"), QStringLiteral("payor"),
                        QStringLiteral("metriport")}}};
        return QHttpServerResponse(body);
    });

    // ---- clearinghouse -----------------------------------------------------------------
    // The guard has refused bodies over maxRequestBytes before they were read.
    m_routes.add(QStringLiteral("/clearinghouse/x12/270"), QHttpServerRequest::Method::Post,
                 [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                     ++m_requestCount;
                     SandboxClearinghouse::Answer answer = m_clearinghouse.answer(request.body());
                     const auto status =
                         static_cast<QHttpServerResponder::StatusCode>(answer.httpStatus);
                     if (answer.delayMs <= 0) {
                         responder.write(answer.body, answer.contentType, status);
                         return;
                     }
                     // Answer late without blocking the server: keep the responder until the
                     // timer fires, and drop it quietly if the client has gone by then. The
                     // guard's request timeout does not cut a request whose answer is pending.
                     auto held = std::make_shared<QHttpServerResponder>(std::move(responder));
                     QPointer<QTcpSocket> socket = held->socket();
                     QTimer::singleShot(answer.delayMs, this, [held, socket, answer, status] {
                         if (socket && socket->state() == QAbstractSocket::ConnectedState)
                             held->write(answer.body, answer.contentType, status);
                     });
                 });

    // ---- payor ---------------------------------------------------------------------------
    m_payorRoutes.registerOn(m_routes);

    // ---- Metriport ------------------------------------------------------------------------
    m_metriport.registerOn(m_routes);

    // ---- webhooks to the hub --------------------------------------------------------------
    m_routes.add(QStringLiteral("/sandbox/webhooks"), QHttpServerRequest::Method::Post,
                 [this](const QHttpServerRequest &request) {
                     ++m_requestCount;
                     return sendSampleWebhooks(request.body());
                 });
}

void SandboxServer::announceClaimStatus(const PayorJson::ClaimStatusReport &report)
{
    if (!m_webhooks.canPostPayor())
        return; // no hub: the change is still seen through GET and the claim-updates feed
    QJsonObject data = PayorJson::statusJson(report);
    data.insert(QStringLiteral("new_status"), report.statusText);
    const QJsonObject body{
        {QStringLiteral("type"), QStringLiteral("claim_status_update")},
        {QStringLiteral("timestamp"), report.updatedAt.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("data"), data}};
    // A fresh id: the hub drops a webhook-id it has seen, and claim ids start again at
    // PCL-000001 each time the sandbox starts.
    m_webhooks.postPayor("msg_" + QUuid::createUuid().toByteArray(QUuid::Id128),
                         QJsonDocument(body).toJson(QJsonDocument::Compact));
}

QHttpServerResponse SandboxServer::sendSampleWebhooks(const QByteArray &body)
{
    // Answers are for scripts and tests, in English like the rest of this API.
    using Status = QHttpServerResponse::StatusCode;
    auto refuse = [](Status status, const QString &message) {
        return QHttpServerResponse(QJsonObject{{QStringLiteral("error"), message}}, status);
    };
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isObject()) {
        return refuse(Status::BadRequest,
                      QStringLiteral("the body must be a JSON object such as "
                                     "{\"target\":\"payor\",\"type\":\"claim_created\","
                                     "\"count\":1}"));
    }
    const QJsonObject request = document.object();
    for (auto it = request.begin(); it != request.end(); ++it) {
        if (it.key() != QLatin1String("target") && it.key() != QLatin1String("type") &&
            it.key() != QLatin1String("count"))
            return refuse(Status::BadRequest, QStringLiteral("unknown field \"%1\"").arg(it.key()));
    }
    const QString target = request.value(QLatin1String("target")).toString();
    const bool metriport = target == QLatin1String("metriport");
    if (!metriport && target != QLatin1String("payor"))
        return refuse(Status::BadRequest,
                      QStringLiteral("target must be \"metriport\" or \"payor\""));
    const QStringList types =
        metriport ? SampleWebhooks::metriportTypes() : SampleWebhooks::payorTypes();
    const QString type = request.value(QLatin1String("type")).toString();
    if (!types.contains(type)) {
        return refuse(
            Status::BadRequest,
            QStringLiteral("type must be one of: %1").arg(types.join(QStringLiteral(", "))));
    }
    int count = 1;
    const QJsonValue countValue = request.value(QLatin1String("count"));
    if (!countValue.isUndefined()) {
        const double n = countValue.toDouble(-1);
        if (!countValue.isDouble() || n != double(qint64(n)) || n < 1 || n > maxSampleWebhooks) {
            return refuse(
                Status::BadRequest,
                QStringLiteral("count must be a whole number from 1 to %1").arg(maxSampleWebhooks));
        }
        count = int(n);
    }
    if (!m_options.hubUrl.isValid()) {
        return refuse(Status::Conflict,
                      QStringLiteral("no hub is configured (start clinicsandbox with --hub-url)"));
    }
    if (metriport && !m_webhooks.canPostMetriport()) {
        return refuse(Status::Conflict, QStringLiteral("no Metriport webhook key is configured "
                                                       "(CLINICSANDBOX_METRIPORT_WEBHOOK_KEY)"));
    }
    if (!metriport && !m_webhooks.canPostPayor()) {
        return refuse(Status::Conflict,
                      QStringLiteral("no usable payor webhook secret is configured "
                                     "(CLINICSANDBOX_PAYOR_WEBHOOK_SECRET, whsec_…)"));
    }

    const QDateTime now = QDateTime::currentDateTimeUtc();
    QJsonArray ids;
    for (int i = 0; i < count; ++i) {
        const int index = m_sampleIndex++;
        const auto sample = metriport ? SampleWebhooks::metriport(type, index, now)
                                      : SampleWebhooks::payor(type, index, now);
        if (metriport)
            m_webhooks.postMetriport(sample->body);
        else
            m_webhooks.postPayor(sample->id, sample->body);
        ids.append(QString::fromUtf8(sample->id));
    }
    const QUrl destination = metriport ? m_webhooks.metriportUrl() : m_webhooks.payorUrl();
    return QHttpServerResponse(QJsonObject{{QStringLiteral("target"), target},
                                           {QStringLiteral("type"), type},
                                           {QStringLiteral("count"), count},
                                           {QStringLiteral("url"), destination.toString()},
                                           {QStringLiteral("ids"), ids}},
                               Status::Accepted);
}

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/hub/hubserver.h"

#include "services/common/webhooksignature.h"
#include "services/httpserver/guardedtcpserver.h"
#include "services/httpserver/tlsidentity.h"
#include "services/hub/feedserver.h"
#include "services/hub/hubstore.h"
#include "services/hub/webhookintake.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTcpSocket>
#include <QWebSocket>

namespace {
constexpr qint64 maxWebhookBytes = 10 * 1024 * 1024;
const QByteArray jsonType = QByteArrayLiteral("application/json");

QByteArray header(const QHttpServerRequest &request, const QByteArray &name)
{
    for (const auto &[key, value] : request.headers()) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QByteArray jsonBody(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray errorBody(const QString &error)
{
    return jsonBody({{QStringLiteral("error"), error}});
}
} // namespace

HubServer::HubServer(HubConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
{
}

HubServer::~HubServer()
{
    if (m_feed)
        m_feed->closeAll();
    if (m_store)
        m_store->drain();
}

bool HubServer::start(QString *error)
{
    QSslConfiguration tls;
    if (m_config.tlsEnabled()
        && !TlsIdentity::load(m_config.tlsCertificate, m_config.tlsKey, &tls, error)) {
        return false;
    }
    m_store = std::make_unique<HubStore>(m_config.database, m_config.databaseKeyHex);
    QString storeError;
    if (!m_store->open(&storeError)) {
        *error = storeError;
        return false;
    }
    FeedServer::Options feedOptions;
    feedOptions.deviceTokens = m_config.deviceTokens;
    m_feed = std::make_unique<FeedServer>(m_store.get(), feedOptions);
    connect(m_feed.get(), &FeedServer::deskRefused, this,
            [this](const QString &peer, const QString &reason) {
                m_store->recordAudit(QStringLiteral("feed-refused"), peer, reason);
            });

    HttpServerLimits limits;
    limits.maxBodyBytes = maxWebhookBytes;
    limits.requestTimeout = std::chrono::milliseconds(10000);
    limits.maxConnections = 1024;
    auto *tcp = new GuardedTcpServer(limits);
    if (!tcp->listen(m_config.address, m_config.port)) {
        *error = QStringLiteral("cannot listen on %1:%2 (%3)")
                     .arg(m_config.address.toString())
                     .arg(m_config.port)
                     .arg(tcp->errorString());
        delete tcp;
        return false;
    }
    if (m_config.tlsEnabled())
        tcp->setSslConfiguration(tls);
    connect(tcp, &GuardedTcpServer::tlsHandshakeFailed, this,
            [this](const QHostAddress &peer, const QString &reason) {
                ++m_counters.tlsRefused;
                m_store->recordAudit(QStringLiteral("tls-refused"), peer.toString(), reason);
            });
    connect(tcp, &GuardedTcpServer::requestRefused, this,
            [this](const QHostAddress &peer, int status) {
                m_store->recordAudit(QStringLiteral("http-refused"), peer.toString(),
                                     QStringLiteral("HTTP %1").arg(status));
            });
    m_port = tcp->serverPort();
    registerRoutes();
    m_http.bind(tcp);
    connect(&m_http, &QHttpServer::newWebSocketConnection, this, &HubServer::onWebSocket);

    // Retention: at start, then every hour.
    pruneOld();
    connect(&m_retentionTimer, &QTimer::timeout, this, &HubServer::pruneOld);
    m_retentionTimer.start(60 * 60 * 1000);
    return true;
}

QUrl HubServer::baseUrl() const
{
    QUrl url;
    url.setScheme(m_config.tlsEnabled() ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(m_config.address.toString());
    url.setPort(m_port);
    return url;
}

void HubServer::pruneOld()
{
    m_store->prune(QDateTime::currentDateTimeUtc().addDays(-m_config.retentionDays));
}

void HubServer::registerRoutes()
{
    m_routes.add(QStringLiteral("/health"), QHttpServerRequest::Method::Get, [this] {
        return QHttpServerResponse(QJsonObject{
            {QStringLiteral("status"), QStringLiteral("ok")},
            {QStringLiteral("epoch"), m_store->epoch()},
            {QStringLiteral("lastSeq"), double(m_store->lastSeq())},
            {QStringLiteral("firstRetainedSeq"), double(m_store->firstRetainedSeq())},
            {QStringLiteral("desks"), m_feed->authenticatedCount()}});
    });
    m_routes.add(QStringLiteral("/webhooks/metriport"), QHttpServerRequest::Method::Post,
                 [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                     receiveMetriport(request, std::move(responder));
                 });
    m_routes.add(QStringLiteral("/webhooks/payor"), QHttpServerRequest::Method::Post,
                 [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                     receivePayor(request, std::move(responder));
                 });
    // QHttpServer 6.4 upgrades a WebSocket request only when a route takes it and writes
    // nothing (then newWebSocketConnection); a plain GET is told what the path is for.
    m_routes.add(QStringLiteral("/feed"), QHttpServerRequest::Method::Get,
                 [](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                     if (header(request, "upgrade").compare("websocket", Qt::CaseInsensitive) == 0)
                         return;
                     responder.write(errorBody(QStringLiteral("/feed is a WebSocket endpoint")),
                                     jsonType, QHttpServerResponder::StatusCode::UpgradeRequired);
                 });
}

void HubServer::onWebSocket()
{
    while (m_http.hasPendingWebSocketConnections()) {
        std::unique_ptr<QWebSocket> socket = m_http.nextPendingWebSocketConnection();
        if (!socket)
            continue;
        if (socket->requestUrl().path() != QLatin1String("/feed")) {
            socket->close(QWebSocketProtocol::CloseCodePolicyViolated,
                          QStringLiteral("the feed is at /feed"));
            socket.release()->deleteLater();
            continue;
        }
        m_feed->accept(std::move(socket));
    }
}

void HubServer::refuseSignature(const QHttpServerRequest &request, const QString &what,
                                QHttpServerResponder &&responder)
{
    ++m_counters.webhooksRefused;
    // Who and why, never the body: it may hold PHI.
    m_store->recordAudit(QStringLiteral("signature-rejected"), request.remoteAddress().toString(),
                         what);
    responder.write(QHttpServerResponder::StatusCode::Unauthorized);
}

void HubServer::receiveMetriport(const QHttpServerRequest &request,
                                 QHttpServerResponder &&responder)
{
    const QByteArray body = request.body();
    const QByteArray signature = header(request, "x-metriport-signature");
    // Verified over the raw bytes, before anything parses them.
    if (!MetriportSignature::verify(m_config.metriportWebhookKey, body, signature)) {
        refuseSignature(request,
                        signature.isEmpty() ? QStringLiteral("metriport: no signature")
                                            : QStringLiteral("metriport: signature mismatch"),
                        std::move(responder));
        return;
    }
    const WebhookIntake::Outcome outcome =
        WebhookIntake::metriport(body, QDateTime::currentDateTimeUtc());
    switch (outcome.kind) {
    case WebhookIntake::Outcome::Kind::Ping:
        ++m_counters.pings;
        responder.write(outcome.pongBody, jsonType);
        return;
    case WebhookIntake::Outcome::Kind::Invalid:
        ++m_counters.webhooksRefused;
        responder.write(errorBody(outcome.error), jsonType,
                        QHttpServerResponder::StatusCode::BadRequest);
        return;
    case WebhookIntake::Outcome::Kind::Delivery:
        store(outcome.delivery, std::move(responder));
        return;
    }
}

void HubServer::receivePayor(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    const QByteArray body = request.body();
    StandardWebhooks::Headers headers;
    headers.id = header(request, "webhook-id");
    headers.timestamp = header(request, "webhook-timestamp");
    headers.signature = header(request, "webhook-signature");
    const StandardWebhooks::Failure failure = StandardWebhooks::verify(
        m_config.payorKeys, headers, body, QDateTime::currentDateTimeUtc());
    if (failure != StandardWebhooks::Failure::None) {
        refuseSignature(request, QStringLiteral("payor: ") + StandardWebhooks::describe(failure),
                        std::move(responder));
        return;
    }
    const WebhookIntake::Outcome outcome =
        WebhookIntake::payor(headers.id, body, QDateTime::currentDateTimeUtc());
    if (outcome.kind != WebhookIntake::Outcome::Kind::Delivery) {
        ++m_counters.webhooksRefused;
        responder.write(errorBody(outcome.error), jsonType,
                        QHttpServerResponder::StatusCode::BadRequest);
        return;
    }
    store(outcome.delivery, std::move(responder));
}

void HubServer::store(const HubDelivery &delivery, QHttpServerResponder &&responder)
{
    // 200 only once the delivery is committed: keep the responder until the store says so.
    auto held = std::make_shared<QHttpServerResponder>(std::move(responder));
    QPointer<QTcpSocket> socket = held->socket();
    QPointer<HubServer> self(this);
    m_store->append(delivery, [self, held, socket](const AppendResult &result) {
        if (!self)
            return;
        if (result.ok)
            ++(result.duplicate ? self->m_counters.webhooksDuplicate
                                : self->m_counters.webhooksStored);
        if (!socket || socket->state() != QAbstractSocket::ConnectedState)
            return;
        if (!result.ok) {
            // The sender keeps it and tries again; the hub stored nothing.
            held->write(errorBody(QStringLiteral("not stored; try again")), jsonType,
                        QHttpServerResponder::StatusCode::ServiceUnavailable);
            return;
        }
        held->write(jsonBody({{QStringLiteral("seq"), double(result.seq)},
                              {QStringLiteral("duplicate"), result.duplicate}}),
                    jsonType);
    });
}

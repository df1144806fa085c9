// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/sandbox/sandboxserver.h"

#include "services/httpserver/guardedtcpserver.h"

#include <QCoreApplication>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

SandboxServer::SandboxServer(Options options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{
    m_clearinghouse.slowDelayMs = options.slowDelayMs;
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
            {QStringLiteral("systems"), QJsonArray{QStringLiteral("clearinghouse")}}};
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
}

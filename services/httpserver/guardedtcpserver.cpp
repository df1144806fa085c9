// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/httpserver/guardedtcpserver.h"

#include "services/httpserver/guardedconnection.h"

#include <QPointer>

GuardedTcpServer::GuardedTcpServer(HttpServerLimits limits, QObject *parent)
    : QTcpServer(parent)
    , m_limits(limits)
{
}

GuardedTcpServer::~GuardedTcpServer() = default;

void GuardedTcpServer::setSslConfiguration(const QSslConfiguration &configuration)
{
    m_sslConfiguration = configuration;
    m_tls = true;
}

void GuardedTcpServer::incomingConnection(qintptr handle)
{
    if (*m_connections >= m_limits.maxConnections) {
        // No room: close at once, before reading anything.
        auto *socket = new QTcpSocket(this);
        if (socket->setSocketDescriptor(handle)) {
            const QHostAddress peer = socket->peerAddress();
            socket->abort();
            Q_EMIT requestRefused(peer, 503);
        }
        socket->deleteLater();
        return;
    }

    QPointer<GuardedTcpServer> self(this);
    auto *connection = new GuardedConnection(
        m_limits,
        [self](const QHostAddress &peer, int status) {
            if (self)
                Q_EMIT self->requestRefused(peer, status);
        },
        this);
    if (!connection->setSocketDescriptor(handle)) {
        delete connection;
        return;
    }
    // A shared counter: connections may outlive this server by a moment (deleteLater).
    ++*m_connections;
    connect(connection, &QObject::destroyed, connection, [counter = m_connections] { --*counter; });

    if (!isTls()) {
        handOver(connection);
        return;
    }
    connection->startTls(
        m_sslConfiguration,
        [self, connection] {
            if (self)
                self->handOver(connection);
        },
        [self](const QHostAddress &peer, const QString &reason) {
            if (self)
                Q_EMIT self->tlsHandshakeFailed(peer, reason);
        });
}

void GuardedTcpServer::handOver(GuardedConnection *connection)
{
    // The order makes the guard work: its reader first, then QHttpServer's (connected inside
    // addPendingConnection through pendingConnectionAvailable), then its reader again.
    connection->watchBeforeHttpServer();
    addPendingConnection(connection);
    connection->watchAfterHttpServer();
    // Over TLS, bytes decrypted with the handshake's last flight may already wait: have both
    // readers look (a readyRead with nothing new is harmless to either).
    if (connection->bytesAvailable() > 0)
        QMetaObject::invokeMethod(connection, &QIODevice::readyRead, Qt::QueuedConnection);
}

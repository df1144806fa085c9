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

    // The order makes the guard work: its reader first, then QHttpServer's (connected inside
    // addPendingConnection through pendingConnectionAvailable), then its reader again.
    connection->watchBeforeHttpServer();
    addPendingConnection(connection);
    connection->watchAfterHttpServer();
}

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

/*!
  A loopback TCP relay between a client and a server, for the network's failures: dropAll()
  cuts every connection at once (a reset), setSilent(true) stops passing bytes both ways while
  the connections stay open (a cable pulled: no FIN ever comes).
 */
class TcpRelay
{
public:
    explicit TcpRelay(quint16 targetPort)
        : m_targetPort(targetPort)
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            while (QTcpSocket *client = m_server.nextPendingConnection()) {
                auto *upstream = new QTcpSocket(client);
                upstream->connectToHost(QHostAddress::LocalHost, m_targetPort);
                m_pairs.append(qMakePair(QPointer<QTcpSocket>(client), QPointer<QTcpSocket>(upstream)));
                auto pass = [this](QTcpSocket *from, QTcpSocket *to) {
                    if (m_silent)
                        return;
                    if (to->state() == QAbstractSocket::ConnectedState)
                        to->write(from->readAll());
                };
                QObject::connect(client, &QTcpSocket::readyRead, client,
                                 [pass, client, upstream] { pass(client, upstream); });
                QObject::connect(upstream, &QTcpSocket::readyRead, client,
                                 [pass, client, upstream] { pass(upstream, client); });
                QObject::connect(upstream, &QTcpSocket::connected, client,
                                 [pass, client, upstream] { pass(client, upstream); });
                QObject::connect(upstream, &QTcpSocket::disconnected, client,
                                 [client] { client->disconnectFromHost(); });
                QObject::connect(client, &QTcpSocket::disconnected, client, [client, upstream] {
                    upstream->disconnectFromHost();
                    client->deleteLater();
                });
            }
        });
    }

    quint16 port() const { return m_server.serverPort(); }
    void dropAll()
    {
        for (const auto &[client, upstream] : std::as_const(m_pairs)) {
            if (upstream)
                upstream->abort();
            if (client)
                client->abort();
        }
        m_pairs.clear();
    }
    void setSilent(bool silent) { m_silent = silent; }
    int openConnections() const
    {
        int open = 0;
        for (const auto &[client, upstream] : m_pairs)
            open += client && client->state() == QAbstractSocket::ConnectedState;
        return open;
    }

private:
    quint16 m_targetPort;
    QTcpServer m_server;
    QList<QPair<QPointer<QTcpSocket>, QPointer<QTcpSocket>>> m_pairs;
    bool m_silent = false;
};

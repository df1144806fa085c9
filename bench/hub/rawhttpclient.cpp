// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "rawhttpclient.h"

#include "hubbenchsupport.h"

namespace HubBench {

RawHttpConnection::RawHttpConnection(QString host, quint16 port,
                                     std::function<void(int status)> answered, QObject *parent)
    : QObject(parent)
    , m_host(std::move(host))
    , m_port(port)
    , m_answered(std::move(answered))
{
    m_socket.setParent(this);
    connect(&m_socket, &QTcpSocket::connected, this, [this] {
        m_socket.write(m_pending);
        m_pending.clear();
    });
    connect(&m_socket, &QTcpSocket::readyRead, this, &RawHttpConnection::onReadyRead);
    connect(&m_socket, &QTcpSocket::disconnected, this, &RawHttpConnection::onDisconnected);
    connect(&m_socket, &QTcpSocket::errorOccurred, this, [this] {
        if (m_socket.state() != QAbstractSocket::ConnectedState)
            onDisconnected();
    });
}

void RawHttpConnection::send(const QByteArray &request)
{
    m_busy = true;
    m_buffer.clear();
    if (m_socket.state() == QAbstractSocket::ConnectedState) {
        m_socket.write(request);
        return;
    }
    m_pending = request;
    if (m_socket.state() == QAbstractSocket::UnconnectedState)
        m_socket.connectToHost(m_host, m_port);
}

void RawHttpConnection::onReadyRead()
{
    m_buffer += m_socket.readAll();
    const qsizetype headerEnd = m_buffer.indexOf("\r\n\r\n");
    if (!m_busy || headerEnd < 0)
        return;
    const QByteArray head = m_buffer.left(headerEnd);
    qsizetype length = 0;
    for (const QByteArray &line : head.split('\n')) {
        const QByteArray trimmed = line.trimmed();
        if (trimmed.toLower().startsWith("content-length:"))
            length = trimmed.mid(15).trimmed().toLongLong();
    }
    if (m_buffer.size() < headerEnd + 4 + length)
        return;
    // "HTTP/1.1 200 OK"
    const int status = head.mid(9, 3).toInt();
    m_buffer.remove(0, headerEnd + 4 + length);
    finish(status);
}

void RawHttpConnection::onDisconnected()
{
    m_pending.clear();
    m_buffer.clear();
    if (m_busy)
        finish(-1);
}

void RawHttpConnection::finish(int status)
{
    m_busy = false;
    m_answered(status);
}

QByteArray rawWebhookRequest(const QString &host, quint16 port, const QByteArray &path,
                             const QByteArray &id, qint64 n)
{
    const SignedWebhook webhook = signedWebhook(id, n);
    return "POST " + path + " HTTP/1.1\r\nHost: " + host.toLatin1() + ':' + QByteArray::number(port)
           + "\r\nContent-Type: application/json\r\nwebhook-id: " + webhook.id
           + "\r\nwebhook-timestamp: " + webhook.timestamp + "\r\nwebhook-signature: "
           + webhook.signature + "\r\nContent-Length: " + QByteArray::number(webhook.body.size())
           + "\r\n\r\n" + webhook.body;
}

} // namespace HubBench

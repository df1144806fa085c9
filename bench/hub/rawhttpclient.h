// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QObject>
#include <QTcpSocket>

#include <functional>

namespace HubBench {

/*!
  One keep-alive HTTP/1.1 connection that sends a request and reads its answer (status and a
  Content-Length body), nothing else. The throughput measurement keeps dozens of these busy:
  QNetworkAccessManager costs the sending side more CPU per request than the hub spends
  storing it, and on a small machine it would measure itself.
 */
class RawHttpConnection : public QObject
{
    Q_OBJECT
public:
    //! `answered(status)` after each request: the HTTP status, or -1 when the connection broke.
    RawHttpConnection(QString host, quint16 port, std::function<void(int status)> answered,
                      QObject *parent = nullptr);
    //! Sends `request` (a whole HTTP/1.1 message), connecting first when needed. One at a time.
    void send(const QByteArray &request);

private:
    void onReadyRead();
    void onDisconnected();
    void finish(int status);

    QString m_host;
    quint16 m_port;
    std::function<void(int)> m_answered;
    QTcpSocket m_socket;
    QByteArray m_pending; // written once connected
    QByteArray m_buffer;
    bool m_busy = false;
};

//! A whole HTTP/1.1 POST of a signed payor webhook, ready for RawHttpConnection::send().
QByteArray rawWebhookRequest(const QString &host, quint16 port, const QByteArray &path,
                             const QByteArray &id, qint64 n);

} // namespace HubBench

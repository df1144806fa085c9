// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/httpserver/guardedtcpserver.h"

#include <QByteArray>
#include <QList>
#include <QSslSocket>
#include <QTimer>

#include <functional>

/*!
  One connection of a GuardedTcpServer (internal to it; see there for the rules). It watches
  the bytes QHttpServer is about to read, follows the responses written back, runs the request
  and idle clocks, and refuses or closes the connection when a rule is broken.

  A QSslSocket so that one class serves both: without startTls() it is plain TCP; with it, the
  guard sees the decrypted bytes exactly as it sees plain ones.
 */
class GuardedConnection : public QSslSocket
{
public:
    using RefusedCallback = std::function<void(const QHostAddress &peer, int status)>;
    using HandshakeFailedCallback =
        std::function<void(const QHostAddress &peer, const QString &why)>;

    GuardedConnection(const HttpServerLimits &limits, RefusedCallback onRefused,
                      QObject *parent = nullptr);
    ~GuardedConnection() override;

    /*!
      Starts the server's side of the TLS handshake; `onEncrypted` runs once it completed (then
      hand the connection to QHttpServer). The request clock runs from here: a handshake not
      done within requestTimeout is dropped. A failed or late handshake calls `onFailed` and
      aborts the connection.
     */
    void startTls(const QSslConfiguration &configuration, std::function<void()> onEncrypted,
                  HandshakeFailedCallback onFailed);

    //! Connects the guard's first reader: call before QTcpServer::addPendingConnection().
    void watchBeforeHttpServer();
    //! Connects the guard's last reader and starts the clock: call right after it.
    void watchAfterHttpServer();

protected:
    qint64 writeData(const char *data, qint64 len) override;

private:
    //! A request read in full, waiting for its response.
    struct Pending
    {
        bool isHead = false;     // the response has no body
        bool closeAfter = false; // HTTP/1.0 without keep-alive, or Connection: close
    };
    enum class Input { Head, Body, AfterClose };
    enum class Output { Head, Body, Untracked };

    void failHandshake(const QString &why);
    void onFirstReadyRead();
    void onLastReadyRead();
    void examine(qint64 fresh, qint64 available);
    qsizetype takeHeadBytes(QByteArrayView bytes);
    void headComplete();
    void requestComplete();
    void followResponse(QByteArrayView bytes);
    void responseHeadComplete();
    void responseComplete();
    void onRequestTimeout();
    void refuse(int status, const QByteArray &reason);
    void detachHttpServer();
    void closeGracefully();
    void shutdownOutput();

    HttpServerLimits m_limits;
    RefusedCallback m_onRefused;
    QTimer m_requestTimer;
    QTimer m_idleTimer;
    QTimer m_lingerTimer;

    // What QHttpServer reads: bytes already examined, and where the current request stands.
    qint64 m_known = 0;
    Input m_input = Input::Head;
    QByteArray m_head;
    bool m_requestStarted = false;
    qint64 m_bodyLeft = 0;
    Pending m_current;
    QList<Pending> m_pending;
    qint64 m_bytesAfterClose = 0; // received after a request that asked to close
    bool m_timedOut = false;
    bool m_detached = false; // QHttpServer reads no more

    // What QHttpServer writes back.
    Output m_output = Output::Head;
    QByteArray m_responseHead;
    qint64 m_responseBodyLeft = 0;

    bool m_closing = false;
    bool m_handshaking = false;
    HandshakeFailedCallback m_onHandshakeFailed;
};

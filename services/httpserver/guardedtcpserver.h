// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHostAddress>
#include <QSslConfiguration>
#include <QTcpServer>

#include <chrono>
#include <memory>

class GuardedConnection;

//! The limits a GuardedTcpServer enforces on every connection.
struct HttpServerLimits
{
    using Ms = std::chrono::milliseconds;

    qint64 maxHeadBytes = 64 * 1024;   //!< request line + headers; more: 431
    qint64 maxBodyBytes = 1024 * 1024; //!< announced by Content-Length; more: 413, body unread
    Ms requestTimeout{10000}; //!< from the first byte (or the connect, TLS handshake included)
                              //!< to the whole request
    Ms idleTimeout{30000};    //!< a keep-alive connection with nothing to do is closed
    Ms lingerTimeout{2000};   //!< when closing, input is discarded this long, then reset
    int maxConnections = 256; //!< open connections; more are closed at once
};

/*!
  A QTcpServer for QHttpServer that checks every connection before QHttpServer reads from it.
  QHttpServer 6.4 reads a whole request (any size, at any pace) before a handler sees it, keeps
  every connection open, and has no timeouts; this server closes those gaps:

  - request head (request line and headers) ≤ maxHeadBytes, else 431;
  - a body only with Content-Length (Transfer-Encoding, chunked included: 411), and no larger
    than maxBodyBytes: else 413 is sent at once, without reading the body, and the connection
    closes;
  - a malformed head gets 400, an HTTP version other than 1.0 and 1.1 gets 505;
  - each request must arrive complete within requestTimeout (counted from the connect for the
    first one), else 408 and close: a client sending a byte a second is dropped;
  - a keep-alive connection idle for idleTimeout is closed;
  - after the response to an HTTP/1.0 request without "Connection: keep-alive", or to any
    request with "Connection: close", the connection closes, and nothing the client sends
    after such a request is read;
  - a request whose response is still pending (a handler answering later) is never cut by these
    timers;
  - at most maxConnections connections are open; more are closed as soon as they arrive.

  How it hooks in: it creates each socket itself in incomingConnection() and connects its own
  readyRead slot before handing the socket to QHttpServer with addPendingConnection(); in Qt
  6.4, QHttpServer::bind() listens to pendingConnectionAvailable, so QHttpServer connects its
  reader synchronously inside that call, and the guard connects a second slot after it. The
  guard therefore sees every byte before QHttpServer and what QHttpServer left unread after it;
  it parses the request head from a peek, never consuming what QHttpServer needs. It follows
  the responses through the socket's writeData() (it needs Content-Length on responses, which
  QHttpServerResponse and QHttpServerResponder::write(QByteArray…) always send). Refusals are
  written by the guard itself, then it half-closes and discards input for lingerTimeout so the
  client can read the answer even while it is still sending.

  Use (the QHttpServer must live in the same thread):
  \code
    auto *tcp = new GuardedTcpServer(limits);
    if (!tcp->listen(address, port)) { … tcp->errorString() …; delete tcp; }
    httpServer.bind(tcp); // QHttpServer becomes its parent
  \endcode
  TLS (setSslConfiguration()): each connection is a QSslSocket that does its server handshake
  first, under the same clock as a request (requestTimeout from the connect) and counted among
  maxConnections, and is handed to QHttpServer only once encrypted; from then on the guard
  works on the decrypted bytes exactly as above, so TLS changes no limit. A handshake that fails
  (plain HTTP, a protocol older than the configuration allows, a broken client) or does not
  finish in time is aborted and reported by tlsHandshakeFailed(). WebSocket upgrades work the
  same over TLS: QHttpServer hands the encrypted socket to its QWebSocketServer (wss://).

  WebSocket upgrades handed to QHttpServer's QWebSocketServer leave the guard's watch after the
  upgrade request. QHttpServer 6.4 answers pipelined requests as their handlers finish, so a
  client that pipelines behind a late answer may get answers out of order (Qt's and browsers'
  clients do not pipeline); the guard still applies its limits to every request.
 */
class GuardedTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    explicit GuardedTcpServer(HttpServerLimits limits = {}, QObject *parent = nullptr);
    ~GuardedTcpServer() override;

    const HttpServerLimits &limits() const { return m_limits; }
    //! Connections open now (handshaking, or handed to QHttpServer and not yet destroyed).
    int connectionCount() const { return *m_connections; }

    //! Serves TLS with `configuration` (certificate chain, key, protocols) from the next
    //! connection on.
    void setSslConfiguration(const QSslConfiguration &configuration);
    bool isTls() const { return m_tls; }

Q_SIGNALS:
    /*!
      The guard answered `status` itself and closed the connection (400, 408, 411, 413, 431,
      505), or closed it at once for lack of room (status 503, nothing sent). For audit rows
      and counters: no request content is passed on.
     */
    void requestRefused(const QHostAddress &peer, int status);
    //! A TLS handshake failed or took too long, and the connection was aborted; `reason` is the
    //! TLS library's (it carries no request content).
    void tlsHandshakeFailed(const QHostAddress &peer, const QString &reason);

protected:
    void incomingConnection(qintptr handle) override;

private:
    void handOver(GuardedConnection *connection);

    HttpServerLimits m_limits;
    QSslConfiguration m_sslConfiguration;
    bool m_tls = false;
    std::shared_ptr<int> m_connections = std::make_shared<int>(0);
};

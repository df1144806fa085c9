// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// GuardedTcpServer and HttpRoutes in front of a real QHttpServer on 127.0.0.1, spoken to with
// raw sockets: limits on head and body, timeouts, connection reuse and closing, 405/404. Every
// test runs twice: over plain TCP, then over TLS (a certificate made for the run), where the
// limits must hold just the same; TLS's own refusals (handshakes) come last.
#include "common/testcertificate.h"
#include "services/httpserver/guardedtcpserver.h"
#include "services/httpserver/httproutes.h"
#include "services/httpserver/tlsidentity.h"

#include <QHttpServer>
#include <QHttpServerResponder>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace std::chrono_literals;

namespace {
//! Set for the TLS run: the server's identity and what the clients trust.
struct TlsRun
{
    QSslConfiguration server;
    QSslConfiguration client;
};
const TlsRun *tlsRun = nullptr;

QString scheme()
{
    return tlsRun ? QStringLiteral("https") : QStringLiteral("http");
}

//! A QHttpServer behind the guard, with short limits so the tests run fast.
class Server
{
public:
    explicit Server(HttpServerLimits limits = shortLimits())
        : routes(&http)
    {
        routes.add(QStringLiteral("/health"), QHttpServerRequest::Method::Get, [this] {
            ++handled;
            return QHttpServerResponse(QByteArrayLiteral("ok"));
        });
        routes.add(QStringLiteral("/echo"), QHttpServerRequest::Method::Post,
                   [this](const QHttpServerRequest &request) {
                       ++handled;
                       return QHttpServerResponse(QByteArray::number(request.body().size()));
                   });
        // Answers 2 s late, longer than both timeouts.
        routes.add(QStringLiteral("/slow"), QHttpServerRequest::Method::Post,
                   [this](const QHttpServerRequest &, QHttpServerResponder &&responder) {
                       ++handled;
                       auto held = std::make_shared<QHttpServerResponder>(std::move(responder));
                       QPointer<QTcpSocket> socket = held->socket();
                       QTimer::singleShot(2000, &http, [held, socket] {
                           if (socket && socket->state() == QAbstractSocket::ConnectedState)
                               held->write(QByteArrayLiteral("late"), "text/plain");
                       });
                   });
        if (tlsRun) {
            // Under TLS a client refused mid-request is closed by the linger time (see
            // GuardedConnection::closeGracefully): shorter here, so the run stays quick.
            limits.lingerTimeout = std::min(limits.lingerTimeout, std::chrono::milliseconds(200));
        }
        guard = new GuardedTcpServer(limits);
        if (tlsRun)
            guard->setSslConfiguration(tlsRun->server);
        guard->listen(QHostAddress::LocalHost);
        refused = std::make_unique<QSignalSpy>(guard, &GuardedTcpServer::requestRefused);
        handshakesFailed = std::make_unique<QSignalSpy>(guard, &GuardedTcpServer::tlsHandshakeFailed);
        http.bind(guard);
    }

    static HttpServerLimits shortLimits()
    {
        HttpServerLimits limits;
        limits.maxBodyBytes = 1000;
        limits.requestTimeout = 500ms;
        limits.idleTimeout = 1500ms;
        limits.lingerTimeout = 500ms;
        return limits;
    }

    quint16 port() const { return guard->serverPort(); }
    QList<int> refusedStatuses() const
    {
        QList<int> statuses;
        for (const QList<QVariant> &args : *refused)
            statuses << args.at(1).toInt();
        return statuses;
    }

    QHttpServer http;
    HttpRoutes routes;
    GuardedTcpServer *guard = nullptr; // owned by http
    std::unique_ptr<QSignalSpy> refused;
    std::unique_ptr<QSignalSpy> handshakesFailed;
    int handled = 0;
};

//! A raw HTTP client: sends bytes, collects what comes back, notices the server closing. In
//! the TLS run it is connected once the handshake is done.
class Client
{
public:
    explicit Client(quint16 port)
    {
        QObject::connect(&socket, &QTcpSocket::readyRead, &socket,
                         [this] { received += socket.readAll(); });
        QObject::connect(&socket, &QTcpSocket::disconnected, &socket, [this] { closed = true; });
        if (!tlsRun) {
            socket.connectToHost(QHostAddress::LocalHost, port);
            connected = socket.waitForConnected(5000);
            return;
        }
        socket.setSslConfiguration(tlsRun->client);
        socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
        // Not waitForEncrypted(): the server handshakes in this thread's event loop.
        connected = QTest::qWaitFor([this] {
            return socket.isEncrypted() || socket.state() == QAbstractSocket::UnconnectedState;
        }, 5000) && socket.isEncrypted();
    }

    void send(const QByteArray &bytes)
    {
        socket.write(bytes);
        socket.flush();
    }
    //! Waits until `count` complete responses have arrived (Content-Length framed).
    bool waitForResponses(int count, int ms = 5000)
    {
        return QTest::qWaitFor([&] { return responses().size() >= count; }, ms);
    }
    bool waitForClose(int ms = 5000)
    {
        return QTest::qWaitFor([&] { return closed; }, ms);
    }
    //! The complete responses so far: (status, head, body).
    struct Response
    {
        int status = 0;
        QByteArray head;
        QByteArray body;
    };
    QList<Response> responses() const
    {
        QList<Response> list;
        qsizetype at = 0;
        while (true) {
            const qsizetype end = received.indexOf("\r\n\r\n", at);
            if (end == -1)
                break;
            Response r;
            r.head = received.mid(at, end + 4 - at);
            r.status = r.head.mid(9, 3).toInt();
            qsizetype length = 0;
            for (const QByteArray &line : r.head.split('\n')) {
                if (line.toLower().startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
            }
            if (received.size() < end + 4 + length)
                break;
            r.body = received.mid(end + 4, length);
            list << r;
            at = end + 4 + length;
        }
        return list;
    }
    QByteArray header(int response, const QByteArray &name) const
    {
        for (const QByteArray &line : responses().value(response).head.split('\n')) {
            if (line.toLower().startsWith(name.toLower() + ':'))
                return line.mid(name.size() + 1).trimmed();
        }
        return {};
    }

    QSslSocket socket; // plain TCP unless the run is TLS
    QByteArray received;
    bool connected = false;
    bool closed = false;
};

const QByteArray getHealth11 = "GET /health HTTP/1.1\r\nHost: t\r\n\r\n";
} // namespace

class TestGuardedTcpServer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void keepAliveForHttp11();
    void closeAfterResponse_data();
    void closeAfterResponse();
    void idleConnectionClosed();
    void pipelined();
    void nothingReadAfterClose();
    void bodyWithinLimit();
    void payloadTooLargeBeforeBody();
    void payloadTooLargeWhileClientSends();
    void payloadTooLargeWithExpectContinue();
    void payloadTooLargeThroughQt();
    void lengthRequiredForTransferEncoding();
    void headTooLarge_data();
    void headTooLarge();
    void malformedHead_data();
    void malformedHead();
    void slowHeadDropped();
    void slowBodyDropped();
    void silentConnectionDropped();
    void pendingResponseNotCut();
    void stalledRequestBehindPendingResponse();
    void methodNotAllowedAndNotFound_data();
    void methodNotAllowedAndNotFound();
    void connectionLimit();
};

void TestGuardedTcpServer::keepAliveForHttp11()
{
    Server server;
    Client client(server.port());
    QVERIFY(client.connected);
    client.send(getHealth11);
    QVERIFY(client.waitForResponses(1));
    QCOMPARE(client.responses().at(0).status, 200);
    QCOMPARE(client.responses().at(0).body, QByteArray("ok"));
    QTest::qWait(200); // well within the idle timeout
    QVERIFY(!client.closed);
    client.send(getHealth11);
    QVERIFY(client.waitForResponses(2));
    QCOMPARE(client.responses().at(1).status, 200);
    QVERIFY(!client.closed);
    QCOMPARE(server.handled, 2);
}

void TestGuardedTcpServer::closeAfterResponse_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<bool>("closes");
    QTest::newRow("HTTP/1.0") << QByteArray("GET /health HTTP/1.0\r\n\r\n") << true;
    QTest::newRow("HTTP/1.0 keep-alive")
        << QByteArray("GET /health HTTP/1.0\r\nConnection: keep-alive\r\n\r\n") << false;
    QTest::newRow("HTTP/1.1 close")
        << QByteArray("GET /health HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n") << true;
    QTest::newRow("HTTP/1.1 other options")
        << QByteArray("GET /health HTTP/1.1\r\nHost: t\r\nConnection: TE, Close\r\n\r\n") << true;
    QTest::newRow("HTTP/1.1") << getHealth11 << false;
}

void TestGuardedTcpServer::closeAfterResponse()
{
    QFETCH(QByteArray, request);
    QFETCH(bool, closes);
    Server server;
    Client client(server.port());
    client.send(request);
    QVERIFY(client.waitForResponses(1));
    QCOMPARE(client.responses().at(0).status, 200);
    if (closes) {
        QVERIFY(client.waitForClose(1000)); // well before the idle timeout
        QCOMPARE(client.responses().size(), 1);
    } else {
        QTest::qWait(300);
        QVERIFY(!client.closed);
    }
}

void TestGuardedTcpServer::idleConnectionClosed()
{
    Server server;
    Client client(server.port());
    client.send(getHealth11);
    QVERIFY(client.waitForResponses(1));
    QVERIFY(!client.closed);
    QVERIFY(client.waitForClose(5000));
    QCOMPARE(client.responses().size(), 1); // closed quietly, nothing more sent
    QTRY_COMPARE(server.guard->connectionCount(), 0);
}

void TestGuardedTcpServer::pipelined()
{
    Server server;
    Client client(server.port());
    // Three requests in one write; the last asks to close.
    client.send(getHealth11 + "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\n\r\nabc" +
                "GET /health HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
    QVERIFY(client.waitForResponses(3));
    QCOMPARE(client.responses().at(1).body, QByteArray("3"));
    QVERIFY(client.waitForClose(1000));
    QCOMPARE(server.handled, 3);
}

void TestGuardedTcpServer::nothingReadAfterClose()
{
    // The answer to the request that asks to close is pending; what follows it is not read,
    // not even a request that breaks the limits.
    Server server;
    Client client(server.port());
    client.send(
        "POST /slow HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\nConnection: close\r\n\r\nhi" +
        getHealth11);
    QTest::qWait(200);
    client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 100000000\r\n\r\n");
    QVERIFY(client.waitForClose(5000));
    QCOMPARE(client.responses().size(), 1);
    QCOMPARE(client.responses().at(0).body, QByteArray("late"));
    QCOMPARE(server.handled, 1);
    QVERIFY(server.refusedStatuses().isEmpty());
}

void TestGuardedTcpServer::bodyWithinLimit()
{
    Server server;
    Client client(server.port());
    client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 1000\r\n\r\n");
    // In two parts, the second after a pause shorter than the request timeout.
    client.send(QByteArray(400, 'a'));
    QTest::qWait(100);
    client.send(QByteArray(600, 'b'));
    QVERIFY(client.waitForResponses(1));
    QCOMPARE(client.responses().at(0).status, 200);
    QCOMPARE(client.responses().at(0).body, QByteArray("1000"));
    QVERIFY(server.refusedStatuses().isEmpty());
}

void TestGuardedTcpServer::payloadTooLargeBeforeBody()
{
    Server server;
    Client client(server.port());
    // The head alone: the answer must come without the body.
    client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 100000000\r\n\r\n");
    QVERIFY(client.waitForResponses(1));
    QCOMPARE(client.responses().at(0).status, 413);
    QCOMPARE(client.header(0, "Connection"), QByteArray("close"));
    QVERIFY(client.responses().at(0).body.contains("1000"));
    QVERIFY(client.waitForClose());
    QCOMPARE(server.handled, 0);
    QCOMPARE(server.refusedStatuses(), QList<int>{413});
}

void TestGuardedTcpServer::payloadTooLargeWhileClientSends()
{
    Server server;
    Client client(server.port());
    client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 10000000\r\n\r\n");
    client.send(QByteArray(64 * 1024, 'x'));
    QVERIFY(client.waitForResponses(1));
    QCOMPARE(client.responses().at(0).status, 413);
    // The client goes on sending; the server discards it and still ends the connection.
    for (int i = 0; i < 20 && !client.closed; ++i) {
        client.send(QByteArray(64 * 1024, 'x'));
        QTest::qWait(10);
    }
    QVERIFY(client.waitForClose());
    QCOMPARE(server.handled, 0);
}

void TestGuardedTcpServer::payloadTooLargeWithExpectContinue()
{
    Server server;
    Client client(server.port());
    client.send("POST /echo HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\n"
                "Content-Length: 5000\r\n\r\n");
    QVERIFY(client.waitForResponses(1));
    QCOMPARE(client.responses().at(0).status, 413); // not "100 Continue"
    QVERIFY(client.waitForClose());
}

void TestGuardedTcpServer::payloadTooLargeThroughQt()
{
    // What a real client sees when it sends a large body in one go.
    Server server;
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(QStringLiteral("%1://127.0.0.1:%2/echo").arg(scheme()).arg(server.port())));
    if (tlsRun)
        request.setSslConfiguration(tlsRun->client);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("text/plain"));
    QNetworkReply *reply = network.post(request, QByteArray(2 * 1024 * 1024, 'A'));
    QSignalSpy done(reply, &QNetworkReply::finished);
    QVERIFY(done.wait(10000));
    QVERIFY2(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 413, qPrintable(reply->errorString()));
    reply->deleteLater();
    QCOMPARE(server.handled, 0);
}

void TestGuardedTcpServer::lengthRequiredForTransferEncoding()
{
    Server server;
    Client client(server.port());
    client.send("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
                "5\r\nhello\r\n0\r\n\r\n");
    QVERIFY(client.waitForResponses(1));
    QCOMPARE(client.responses().at(0).status, 411);
    QVERIFY(client.waitForClose());
    QCOMPARE(server.handled, 0);
    QCOMPARE(server.refusedStatuses(), QList<int>{411});
}

void TestGuardedTcpServer::headTooLarge_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::newRow("one huge header")
        << "GET /health HTTP/1.1\r\nHost: t\r\nX-Big: " + QByteArray(70 * 1024, 'b') + "\r\n\r\n";
    QTest::newRow("many headers, no end")
        << "GET /health HTTP/1.1\r\n" + QByteArray("X-A: b\r\n").repeated(10000);
    QTest::newRow("endless request line") << "GET /" + QByteArray(80 * 1024, 'a');
}

void TestGuardedTcpServer::headTooLarge()
{
    QFETCH(QByteArray, request);
    Server server;
    Client client(server.port());
    client.send(request);
    QVERIFY(client.waitForResponses(1));
    QCOMPARE(client.responses().at(0).status, 431);
    QVERIFY(client.waitForClose());
    QCOMPARE(server.handled, 0);
}

void TestGuardedTcpServer::malformedHead_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::newRow("not http") << QByteArray("hello there\r\n\r\n") << 400;
    QTest::newRow("no version") << QByteArray("GET /health\r\n\r\n") << 400;
    QTest::newRow("HTTP/2.0") << QByteArray("GET /health HTTP/2.0\r\n\r\n") << 505;
    QTest::newRow("header without colon")
        << QByteArray("GET /health HTTP/1.1\r\nHost t\r\n\r\n") << 400;
    QTest::newRow("folded header")
        << QByteArray("GET /health HTTP/1.1\r\nHost: t\r\n  more\r\n\r\n") << 400;
    QTest::newRow("conflicting lengths")
        << QByteArray("POST /echo HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd")
        << 400;
    QTest::newRow("signed length")
        << QByteArray("POST /echo HTTP/1.1\r\nContent-Length: +3\r\n\r\nabc") << 400;
    QTest::newRow("negative length")
        << QByteArray("POST /echo HTTP/1.1\r\nContent-Length: -1\r\n\r\n") << 400;
    QTest::newRow("huge length")
        << QByteArray("POST /echo HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n\r\n") << 400;
}

void TestGuardedTcpServer::malformedHead()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    Server server;
    Client client(server.port());
    client.send(request);
    QVERIFY(client.waitForResponses(1));
    QCOMPARE(client.responses().at(0).status, status);
    QVERIFY(client.waitForClose());
    QCOMPARE(server.handled, 0);
}

void TestGuardedTcpServer::slowHeadDropped()
{
    // A byte every 100 ms: each arrives well within any read timeout, the whole never does.
    Server server;
    Client client(server.port());
    const QByteArray request =
        "GET /health HTTP/1.1\r\nHost: t\r\nX-Slow: " + QByteArray(200, 's') + "\r\n\r\n";
    QTimer drip;
    qsizetype at = 0;
    QObject::connect(&drip, &QTimer::timeout, &drip, [&] {
        if (at < request.size() && client.socket.state() == QAbstractSocket::ConnectedState)
            client.send(request.mid(at++, 1));
    });
    drip.start(100);
    QVERIFY(client.waitForClose(5000));
    drip.stop();
    QVERIFY(at < request.size());
    QCOMPARE(client.responses().size(), 1);
    QCOMPARE(client.responses().at(0).status, 408);
    QCOMPARE(server.handled, 0);
}

void TestGuardedTcpServer::slowBodyDropped()
{
    Server server;
    Client client(server.port());
    client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 500\r\n\r\n");
    QTimer drip;
    QObject::connect(&drip, &QTimer::timeout, &drip, [&] {
        if (client.socket.state() == QAbstractSocket::ConnectedState)
            client.send("b");
    });
    drip.start(100);
    QVERIFY(client.waitForClose(5000));
    QCOMPARE(client.responses().size(), 1);
    QCOMPARE(client.responses().at(0).status, 408);
    QCOMPARE(server.handled, 0);
}

void TestGuardedTcpServer::silentConnectionDropped()
{
    Server server;
    Client client(server.port());
    QVERIFY(client.connected);
    QVERIFY(client.waitForClose(5000));
    QVERIFY(client.received.isEmpty());
}

void TestGuardedTcpServer::pendingResponseNotCut()
{
    // The answer takes 2 s: longer than the request timeout (0.5 s) and the idle timeout (1.5 s).
    Server server;
    Client client(server.port());
    client.send("POST /slow HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\n\r\nhi");
    QVERIFY(client.waitForResponses(1, 5000));
    QCOMPARE(client.responses().at(0).status, 200);
    QCOMPARE(client.responses().at(0).body, QByteArray("late"));
    QVERIFY(!client.closed);
    // The connection is usable afterwards, and idles out as usual.
    client.send(getHealth11);
    QVERIFY(client.waitForResponses(2));
    QVERIFY(client.waitForClose(5000));
}

void TestGuardedTcpServer::stalledRequestBehindPendingResponse()
{
    // A second request starts while the first one's answer is pending, and never finishes:
    // the first answer still arrives whole, then 408, then the connection closes.
    Server server;
    Client client(server.port());
    client.send("POST /slow HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\n\r\nhi");
    QTest::qWait(100);
    client.send("GET /health HTTP/1.1\r\nHost:");
    QVERIFY(client.waitForClose(6000));
    QCOMPARE(client.responses().size(), 2);
    QCOMPARE(client.responses().at(0).body, QByteArray("late"));
    QCOMPARE(client.responses().at(1).status, 408);
    QCOMPARE(server.handled, 1);
}

void TestGuardedTcpServer::methodNotAllowedAndNotFound_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("allow");
    QTest::newRow("GET /health") << getHealth11 << 200 << QByteArray();
    QTest::newRow("POST /health")
        << QByteArray("POST /health HTTP/1.1\r\nHost: t\r\nContent-Length: 0\r\n\r\n") << 405
        << QByteArray("GET");
    QTest::newRow("DELETE /echo") << QByteArray("DELETE /echo HTTP/1.1\r\nHost: t\r\n\r\n") << 405
                                  << QByteArray("POST");
    QTest::newRow("unknown method")
        << QByteArray("BREW /health HTTP/1.1\r\nHost: t\r\n\r\n") << 405 << QByteArray("GET");
    QTest::newRow("query string") << QByteArray("PUT /health?x=1 HTTP/1.1\r\nHost: t\r\n\r\n")
                                  << 405 << QByteArray("GET");
    QTest::newRow("unknown path") << QByteArray("GET /nowhere HTTP/1.1\r\nHost: t\r\n\r\n") << 404
                                  << QByteArray();
    QTest::newRow("trailing slash")
        << QByteArray("GET /health/ HTTP/1.1\r\nHost: t\r\n\r\n") << 404 << QByteArray();
}

void TestGuardedTcpServer::methodNotAllowedAndNotFound()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    QFETCH(QByteArray, allow);
    Server server;
    Client client(server.port());
    client.send(request);
    QVERIFY(client.waitForResponses(1));
    QCOMPARE(client.responses().at(0).status, status);
    QCOMPARE(client.header(0, "Allow"), allow);
    // Still a usable keep-alive connection.
    client.send(getHealth11);
    QVERIFY(client.waitForResponses(2));
    QCOMPARE(client.responses().at(1).status, 200);
}

void TestGuardedTcpServer::connectionLimit()
{
    HttpServerLimits limits = Server::shortLimits();
    limits.maxConnections = 2;
    limits.requestTimeout = 5s;
    Server server(limits);
    auto first = std::make_unique<Client>(server.port());
    Client second(server.port());
    QTRY_COMPARE(server.guard->connectionCount(), 2);
    Client third(server.port());
    QVERIFY(third.waitForClose(2000));
    QVERIFY(third.received.isEmpty());
    QCOMPARE(server.refusedStatuses(), QList<int>{503});
    // The two admitted connections still work; once one leaves there is room again.
    second.send(getHealth11);
    QVERIFY(second.waitForResponses(1));
    first.reset();
    QTRY_COMPARE(server.guard->connectionCount(), 1);
    Client fourth(server.port());
    fourth.send(getHealth11);
    QVERIFY(fourth.waitForResponses(1));
    QCOMPARE(fourth.responses().at(0).status, 200);
}

//! The same tests over TLS, and what only TLS has: the handshake.
class TestGuardedTcpServerTls : public TestGuardedTcpServer
{
    Q_OBJECT
private Q_SLOTS:
    void handshakeRunsOnTheRequestClock();
    void plainHttpAndGarbageAreRefused_data();
    void plainHttpAndGarbageAreRefused();
    void leavingDuringTheHandshakeIsNoFailure();
    void handshakesCountTowardTheConnectionLimit();
    void untrustingClientGetsNothing();
};

void TestGuardedTcpServerTls::handshakeRunsOnTheRequestClock()
{
    // Connected, and never a ClientHello: cut when the request time (0.5 s) is up.
    Server server;
    QTcpSocket silent;
    silent.connectToHost(QHostAddress::LocalHost, server.port());
    QVERIFY(silent.waitForConnected(2000));
    QElapsedTimer clock;
    clock.start();
    QVERIFY(QTest::qWaitFor([&] { return silent.state() == QAbstractSocket::UnconnectedState; }, 3000));
    QVERIFY2(clock.elapsed() >= 300 && clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(silent.readAll().isEmpty());
    QCOMPARE(server.handshakesFailed->size(), 1);
    QVERIFY(server.handshakesFailed->at(0).at(1).toString().contains(QLatin1String("500 ms")));
    QVERIFY(server.refusedStatuses().isEmpty());
    QTRY_COMPARE(server.guard->connectionCount(), 0);
}

void TestGuardedTcpServerTls::plainHttpAndGarbageAreRefused_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("plain HTTP") << getHealth11;
    QTest::newRow("garbage") << QByteArray("\x16\x03\x01\x00\x05\x01\xff\xff\xff\xff", 10);
    QTest::newRow("zeros") << QByteArray(4096, '\0');
}

void TestGuardedTcpServerTls::plainHttpAndGarbageAreRefused()
{
    QFETCH(QByteArray, bytes);
    Server server;
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, server.port());
    QVERIFY(client.waitForConnected(2000));
    client.write(bytes);
    QVERIFY(QTest::qWaitFor([&] { return client.state() == QAbstractSocket::UnconnectedState; }, 3000));
    QVERIFY(!client.readAll().contains("HTTP/"));
    // Refused by the TLS library, not by the clock.
    QCOMPARE(server.handshakesFailed->size(), 1);
    const QString reason = server.handshakesFailed->at(0).at(1).toString();
    QVERIFY2(!reason.isEmpty() && !reason.contains(QLatin1String("not completed within")),
             qPrintable(reason));
    QCOMPARE(server.handled, 0);
    QTRY_COMPARE(server.guard->connectionCount(), 0);
    // The server is none the worse.
    Client good(server.port());
    QVERIFY(good.connected);
    good.send(getHealth11);
    QVERIFY(good.waitForResponses(1));
    QCOMPARE(good.responses().at(0).status, 200);
}

void TestGuardedTcpServerTls::leavingDuringTheHandshakeIsNoFailure()
{
    // A load balancer's TCP probe: connect, close.
    Server server;
    for (int i = 0; i < 3; ++i) {
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, server.port());
        QVERIFY(probe.waitForConnected(2000));
        probe.disconnectFromHost();
    }
    QTRY_COMPARE(server.guard->connectionCount(), 0);
    QCOMPARE(server.handshakesFailed->size(), 0);
}

void TestGuardedTcpServerTls::handshakesCountTowardTheConnectionLimit()
{
    HttpServerLimits limits = Server::shortLimits();
    limits.maxConnections = 2;
    limits.requestTimeout = 5s;
    Server server(limits);
    QTcpSocket first;
    QTcpSocket second;
    for (QTcpSocket *socket : {&first, &second}) {
        socket->connectToHost(QHostAddress::LocalHost, server.port());
        QVERIFY(socket->waitForConnected(2000));
    }
    QTRY_COMPARE(server.guard->connectionCount(), 2);
    Client third(server.port());
    QVERIFY(!third.connected);
    QVERIFY(third.received.isEmpty());
    QCOMPARE(server.refusedStatuses(), QList<int>{503});
    first.abort();
    QTRY_COMPARE(server.guard->connectionCount(), 1);
    Client fourth(server.port());
    QVERIFY(fourth.connected);
    fourth.send(getHealth11);
    QVERIFY(fourth.waitForResponses(1));
}

void TestGuardedTcpServerTls::untrustingClientGetsNothing()
{
    Server server;
    QSslSocket client; // the system's CAs only
    client.connectToHostEncrypted(QStringLiteral("127.0.0.1"), server.port());
    QList<QSslError> errors;
    QObject::connect(&client, &QSslSocket::sslErrors, &client,
                     [&](const QList<QSslError> &list) { errors = list; });
    QVERIFY(QTest::qWaitFor([&] { return client.state() == QAbstractSocket::UnconnectedState; }, 3000));
    QVERIFY(!client.isEncrypted());
    QVERIFY(!errors.isEmpty());
    QCOMPARE(server.handled, 0);
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    TestGuardedTcpServer plain;
    int failures = QTest::qExec(&plain, argc, argv);

    QTemporaryDir dir;
    TestCertificate certificate;
    TlsRun run;
    QString error;
    if (!TestCertificate::create(dir.path(), QStringLiteral("guard"), TestCertificate::Key::Ec,
                                 &certificate, &error)
        || !TlsIdentity::load(certificate.certificatePath, certificate.keyPath, &run.server,
                              &error)) {
        qCritical("no test certificate: %s", qPrintable(error));
        return failures + 1;
    }
    run.client = certificate.trustingClient();
    tlsRun = &run;
    TestGuardedTcpServerTls tls;
    failures += QTest::qExec(&tls, argc, argv);
    return failures;
}

#include "tst_guardedtcpserver.moc"

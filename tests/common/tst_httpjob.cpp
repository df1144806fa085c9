// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// HttpJob against servers written here, on 127.0.0.1: every error mapping, the cap while the
// answer streams (Content-Length, chunked, close-delimited), timeouts, cancel, Retry-After.
#include "services/common/httpjob.h"

#include <QDateTime>
#include <QFile>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>

using namespace std::chrono_literals;

namespace {
//! A server that reads each request (head and Content-Length body) and hands it to a script.
class ScriptedServer : public QTcpServer
{
public:
    using Script = std::function<void(QTcpSocket *socket, const QByteArray &head)>;

    explicit ScriptedServer(Script script)
        : m_script(std::move(script))
    {
        listen(QHostAddress::LocalHost);
    }

    QUrl url(const QString &path = QStringLiteral("/x")) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(serverPort()).arg(path));
    }

    int requests = 0;
    int disconnects = 0;
    QByteArray lastHead;
    QByteArray lastBody;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QTcpSocket(this);
        socket->setSocketDescriptor(descriptor);
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            ++disconnects;
            socket->deleteLater();
        });
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
            *buffer += socket->readAll();
            const qsizetype end = buffer->indexOf("\r\n\r\n");
            if (end == -1)
                return;
            const QByteArray head = buffer->left(end + 4);
            qsizetype length = 0;
            for (const QByteArray &line : head.split('\n')) {
                if (line.toLower().startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
            }
            if (buffer->size() < end + 4 + length)
                return;
            lastHead = head;
            lastBody = buffer->mid(end + 4, length);
            buffer->remove(0, end + 4 + length);
            ++requests;
            m_script(socket, head);
        });
    }

private:
    Script m_script;
};

QByteArray reply(int status, const QByteArray &body, const QByteArray &extraHeaders = {})
{
    return "HTTP/1.1 " + QByteArray::number(status) +
           " Whatever\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n" +
           extraHeaders + "\r\n" + body;
}

/*!
  Writes `prefix`, then pieces from `next` while the socket takes them (never more than a
  quarter MiB waiting), until `next` returns nothing or the client goes away. `sent` counts
  the bytes handed to the socket.
 */
void stream(QTcpSocket *socket, const QByteArray &prefix, std::function<QByteArray()> next,
            std::shared_ptr<qint64> sent)
{
    socket->write(prefix);
    auto pump = [socket, next = std::move(next), sent] {
        while (socket->state() == QAbstractSocket::ConnectedState &&
               socket->bytesToWrite() < 256 * 1024) {
            const QByteArray piece = next();
            if (piece.isEmpty()) {
                socket->disconnectFromHost();
                return;
            }
            *sent += socket->write(piece);
        }
    };
    QObject::connect(socket, &QTcpSocket::bytesWritten, socket, pump);
    pump();
}

// AddressSanitizer keeps freed memory in quarantine, so resident memory says nothing there.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool residentMemoryIsMeaningful = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool residentMemoryIsMeaningful = false;
#else
constexpr bool residentMemoryIsMeaningful = true;
#endif
#else
constexpr bool residentMemoryIsMeaningful = true;
#endif

//! The process's peak resident memory since the last reset, in bytes (Linux only; else 0).
qint64 peakResidentBytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').constFirst().toLongLong() * 1024;
    }
    return 0;
}

void resetPeakResident()
{
    QFile refs(QStringLiteral("/proc/self/clear_refs"));
    if (refs.open(QIODevice::WriteOnly))
        refs.write("5");
}

struct Outcome
{
    Job::Error error = Job::Error::NoError;
    QString errorString;
    int status = 0;
    QByteArray body;
    qint64 received = 0;
    std::optional<std::chrono::milliseconds> retryAfter;
    int finishedSignals = 0;
};

//! Runs a job to its end (it does not delete itself here) and reads what it reports.
Outcome run(QNetworkAccessManager &network, HttpJob::Request request, int waitMs = 20000)
{
    HttpJob job(&network, std::move(request));
    job.setAutoDelete(false);
    QSignalSpy finished(&job, &Job::finished);
    job.start();
    if (finished.isEmpty())
        finished.wait(waitMs);
    QTest::qWait(20); // a second finished() would come now
    return {job.error(),         job.errorString(), job.httpStatus(),    job.responseBody(),
            job.bytesReceived(), job.retryAfter(),  int(finished.size())};
}

HttpJob::Request get(const QUrl &url)
{
    HttpJob::Request request;
    request.url = url;
    return request;
}
} // namespace

class TestHttpJob : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void postAndAnswer();
    void statusMapping_data();
    void statusMapping();
    void redirectIsNotFollowed();
    void retryAfter();
    void capAnnouncedByContentLength();
    void capWhileChunked();
    void capWhileCloseDelimited();
    void capBoundary_data();
    void capBoundary();
    void timeoutWhileWaiting();
    void timeoutWhileReading();
    void cancel();
    void connectionRefused();
    void closedWithoutAnswer();
    void truncatedBody();
    void notHttp();
    void unusableUrl_data();
    void unusableUrl();
};

void TestHttpJob::postAndAnswer()
{
    ScriptedServer server([](QTcpSocket *socket, const QByteArray &) {
        socket->write(reply(200, "271 here", "X-Trace: abc\r\n"));
    });
    QNetworkAccessManager network;
    HttpJob::Request request;
    request.url = server.url(QStringLiteral("/submit"));
    request.method = HttpJob::Method::Post;
    request.body = "ISA*00*...";
    request.contentType = "application/edi-x12";
    request.headers = {{"Idempotency-Key", "k-1"}};

    HttpJob *job = new HttpJob(&network, request);
    QPointer<HttpJob> alive(job);
    QSignalSpy finished(job, &Job::finished);
    job->start();
    QVERIFY(finished.wait(10000));
    QCOMPARE(job->error(), Job::Error::NoError);
    QVERIFY(job->errorString().isEmpty());
    QCOMPARE(job->httpStatus(), 200);
    QCOMPARE(job->responseBody(), QByteArray("271 here"));
    QCOMPARE(job->bytesReceived(), 8);
    QCOMPARE(job->responseHeader("x-trace"), QByteArray("abc"));
    QVERIFY(job->elapsedMs() >= 0);
    QCOMPARE(job->takeResponseBody(), QByteArray("271 here"));
    QVERIFY(job->responseBody().isEmpty());

    QVERIFY(server.lastHead.startsWith("POST /submit HTTP/1.1\r\n"));
    const QByteArray head = server.lastHead.toLower();
    QVERIFY(head.contains("content-type: application/edi-x12\r\n"));
    QVERIFY(head.contains("idempotency-key: k-1\r\n"));
    QVERIFY(head.contains("accept-encoding: identity\r\n"));
    QCOMPARE(server.lastBody, QByteArray("ISA*00*..."));
    // Auto-delete is the default.
    QTRY_VERIFY(alive.isNull());
}

void TestHttpJob::statusMapping_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QList<int>>("accepted");
    QTest::addColumn<Job::Error>("error");
    const QList<int> any2xx;
    QTest::newRow("200") << 200 << any2xx << Job::Error::NoError;
    QTest::newRow("204") << 204 << any2xx << Job::Error::NoError;
    QTest::newRow("400") << 400 << any2xx << Job::Error::HttpError;
    QTest::newRow("404") << 404 << any2xx << Job::Error::HttpError;
    QTest::newRow("404 accepted") << 404 << QList<int>{200, 404} << Job::Error::NoError;
    QTest::newRow("201 not accepted") << 201 << QList<int>{200} << Job::Error::HttpError;
    QTest::newRow("408") << 408 << any2xx << Job::Error::Timeout;
    QTest::newRow("409") << 409 << any2xx << Job::Error::HttpError;
    QTest::newRow("429") << 429 << any2xx << Job::Error::Busy;
    QTest::newRow("500") << 500 << any2xx << Job::Error::ServerError;
    QTest::newRow("502") << 502 << any2xx << Job::Error::ServerError;
    QTest::newRow("503") << 503 << any2xx << Job::Error::ServerError;
}

void TestHttpJob::statusMapping()
{
    QFETCH(int, status);
    QFETCH(QList<int>, accepted);
    QFETCH(Job::Error, error);
    // The body stands for PHI: it must never reach the message.
    const QByteArray body = status == 204 ? QByteArray() : QByteArray("Jane Smith 1996-02-10");
    ScriptedServer server([&](QTcpSocket *socket, const QByteArray &) {
        socket->write(reply(status, body, "Retry-After: 30\r\n"));
    });
    QNetworkAccessManager network;
    HttpJob::Request request = get(server.url());
    request.acceptedStatuses = accepted;
    const Outcome outcome = run(network, request);
    QCOMPARE(outcome.error, error);
    QCOMPARE(outcome.status, status);
    QCOMPARE(outcome.body, body);
    QCOMPARE(outcome.finishedSignals, 1);
    if (error == Job::Error::NoError) {
        QVERIFY(outcome.errorString.isEmpty());
    } else {
        QVERIFY2(outcome.errorString.contains(QStringLiteral("127.0.0.1")),
                 qPrintable(outcome.errorString));
        QVERIFY2(outcome.errorString.contains(QString::number(status)),
                 qPrintable(outcome.errorString));
        QVERIFY(!outcome.errorString.contains(QStringLiteral("Jane")));
    }
}

void TestHttpJob::redirectIsNotFollowed()
{
    ScriptedServer server([](QTcpSocket *socket, const QByteArray &head) {
        if (head.startsWith("GET /x "))
            socket->write(reply(301, {}, "Location: /elsewhere\r\n"));
        else
            socket->write(reply(200, "followed"));
    });
    QNetworkAccessManager network;
    const Outcome outcome = run(network, get(server.url()));
    QCOMPARE(outcome.error, Job::Error::HttpError);
    QCOMPARE(outcome.status, 301);
    QVERIFY(outcome.errorString.contains(QStringLiteral("redirect")));
    QTest::qWait(100);
    QCOMPARE(server.requests, 1);
}

void TestHttpJob::retryAfter()
{
    QByteArray header;
    ScriptedServer server([&](QTcpSocket *socket, const QByteArray &) {
        socket->write(
            reply(header.startsWith("429") ? 429 : 503, "busy",
                  header.isEmpty() ? QByteArray() : "Retry-After: " + header.mid(4) + "\r\n"));
    });
    QNetworkAccessManager network;

    header = "429 7";
    Outcome outcome = run(network, get(server.url()));
    QCOMPARE(outcome.error, Job::Error::Busy);
    QCOMPARE(outcome.retryAfter, std::optional(std::chrono::milliseconds(7000)));

    // An HTTP date a minute ahead; 503 stays a server error whatever it asks.
    header = "503 " + QLocale::c()
                          .toString(QDateTime::currentDateTimeUtc().addSecs(60),
                                    QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"))
                          .toLatin1();
    outcome = run(network, get(server.url()));
    QCOMPARE(outcome.error, Job::Error::ServerError);
    QVERIFY(outcome.retryAfter.has_value());
    QVERIFY2(*outcome.retryAfter > 50s && *outcome.retryAfter <= 60s,
             qPrintable(QString::number(outcome.retryAfter->count())));

    header = "503 soon";
    outcome = run(network, get(server.url()));
    QCOMPARE(outcome.error, Job::Error::ServerError);
    QVERIFY(!outcome.retryAfter.has_value());

    header.clear();
    outcome = run(network, get(server.url()));
    QVERIFY(!outcome.retryAfter.has_value());
}

void TestHttpJob::capAnnouncedByContentLength()
{
    auto sent = std::make_shared<qint64>(0);
    ScriptedServer server([sent](QTcpSocket *socket, const QByteArray &) {
        // Announces 1 GB, then sends for as long as the client reads.
        stream(
            socket, "HTTP/1.1 200 OK\r\nContent-Length: 1000000000\r\n\r\n",
            [] { return QByteArray(64 * 1024, 'x'); }, sent);
    });
    QNetworkAccessManager network;
    HttpJob::Request request = get(server.url());
    const Outcome outcome = run(network, request);
    QCOMPARE(outcome.error, Job::Error::TooLarge);
    QCOMPARE(outcome.status, 200);
    // Refused on the header: nothing (or next to nothing) of the body was read.
    QVERIFY2(outcome.received <= 64 * 1024, qPrintable(QString::number(outcome.received)));
    QVERIFY(outcome.errorString.contains(QStringLiteral("127.0.0.1")));
    QVERIFY2(outcome.errorString.contains(QLocale().formattedDataSize(8 * 1024 * 1024)),
             qPrintable(outcome.errorString));
    QTRY_COMPARE(server.disconnects, 1);
    QVERIFY2(*sent < 100 * 1024 * 1024, qPrintable(QString::number(*sent)));
}

void TestHttpJob::capWhileChunked()
{
    const qint64 cap = HttpJob::defaultMaxResponseBytes;
    auto sent = std::make_shared<qint64>(0);
    ScriptedServer server([sent](QTcpSocket *socket, const QByteArray &) {
        // 50 MB in 64 KiB chunks, no Content-Length.
        auto chunks = std::make_shared<int>(800);
        stream(
            socket, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n",
            [chunks] {
                if ((*chunks)-- <= 0)
                    return QByteArray("0\r\n\r\n");
                return "10000\r\n" + QByteArray(64 * 1024, 'x') + "\r\n";
            },
            sent);
    });
    QNetworkAccessManager network;
    resetPeakResident();
    const qint64 before = peakResidentBytes();
    const Outcome outcome = run(network, get(server.url()));
    const qint64 peakGrowth = peakResidentBytes() - before;
    QCOMPARE(outcome.error, Job::Error::TooLarge);
    QVERIFY2(outcome.received > cap && outcome.received <= cap + 64 * 1024 + 1,
             qPrintable(QString::number(outcome.received)));
    QCOMPARE(outcome.body.size(), cap);
    QTRY_COMPARE(server.disconnects, 1);
    QVERIFY2(*sent < 40 * 1024 * 1024, qPrintable(QString::number(*sent)));
    // Memory stayed near the cap, far from the 50 MB on offer (Linux can tell).
    if (residentMemoryIsMeaningful)
        QVERIFY2(peakGrowth < cap + 24 * 1024 * 1024, qPrintable(QString::number(peakGrowth)));
}

void TestHttpJob::capWhileCloseDelimited()
{
    auto sent = std::make_shared<qint64>(0);
    ScriptedServer server([sent](QTcpSocket *socket, const QByteArray &) {
        // No length at all: the body ends when the server closes (after 50 MB).
        auto pieces = std::make_shared<int>(800);
        stream(
            socket, "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n",
            [pieces] { return (*pieces)-- > 0 ? QByteArray(64 * 1024, 'y') : QByteArray(); }, sent);
    });
    QNetworkAccessManager network;
    HttpJob::Request request = get(server.url());
    request.maxResponseBytes = 1024 * 1024;
    resetPeakResident();
    const qint64 before = peakResidentBytes();
    const Outcome outcome = run(network, request);
    const qint64 peakGrowth = peakResidentBytes() - before;
    QCOMPARE(outcome.error, Job::Error::TooLarge);
    QVERIFY2(outcome.received <= request.maxResponseBytes + 64 * 1024 + 1,
             qPrintable(QString::number(outcome.received)));
    QCOMPARE(outcome.body.size(), request.maxResponseBytes);
    QTRY_COMPARE(server.disconnects, 1);
    QVERIFY2(*sent < 40 * 1024 * 1024, qPrintable(QString::number(*sent)));
    if (residentMemoryIsMeaningful)
        QVERIFY2(peakGrowth < 16 * 1024 * 1024, qPrintable(QString::number(peakGrowth)));
}

void TestHttpJob::capBoundary_data()
{
    QTest::addColumn<bool>("chunked");
    QTest::addColumn<int>("size");
    QTest::addColumn<Job::Error>("error");
    for (bool chunked : {false, true}) {
        const char *framing = chunked ? "chunked" : "length";
        QTest::addRow("%s, at the cap", framing) << chunked << 1000 << Job::Error::NoError;
        QTest::addRow("%s, one past", framing) << chunked << 1001 << Job::Error::TooLarge;
    }
}

void TestHttpJob::capBoundary()
{
    QFETCH(bool, chunked);
    QFETCH(int, size);
    QFETCH(Job::Error, error);
    ScriptedServer server([&](QTcpSocket *socket, const QByteArray &) {
        const QByteArray body(size, 'z');
        if (!chunked) {
            socket->write(reply(200, body));
            return;
        }
        socket->write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
        for (qsizetype at = 0; at < body.size(); at += 300) {
            const QByteArray piece = body.mid(at, 300);
            socket->write(QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n");
        }
        socket->write("0\r\n\r\n");
    });
    QNetworkAccessManager network;
    HttpJob::Request request = get(server.url());
    request.maxResponseBytes = 1000;
    const Outcome outcome = run(network, request);
    QCOMPARE(outcome.error, error);
    // Past the cap, an announced length is refused before any byte is read.
    QCOMPARE(outcome.body.size(), size <= 1000 ? size : (chunked ? 1000 : 0));
}

void TestHttpJob::timeoutWhileWaiting()
{
    ScriptedServer server([](QTcpSocket *, const QByteArray &) {}); // never answers
    QNetworkAccessManager network;
    HttpJob::Request request = get(server.url());
    request.timeoutMs = 300;
    const Outcome outcome = run(network, request);
    QCOMPARE(outcome.error, Job::Error::Timeout);
    QCOMPARE(outcome.status, 0);
    QCOMPARE(outcome.finishedSignals, 1);
    QVERIFY2(outcome.errorString.contains(QStringLiteral("127.0.0.1")),
             qPrintable(outcome.errorString));
    QVERIFY(outcome.errorString.contains(QStringLiteral("1 second")));
    QTRY_COMPARE(server.disconnects, 1); // the reply was aborted
}

void TestHttpJob::timeoutWhileReading()
{
    // Headers at once, then a byte every 50 ms: the timer covers reading too.
    ScriptedServer server([](QTcpSocket *socket, const QByteArray &) {
        socket->write("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n");
        auto *drip = new QTimer(socket);
        QObject::connect(drip, &QTimer::timeout, socket, [socket] { socket->write("."); });
        drip->start(50);
    });
    QNetworkAccessManager network;
    HttpJob::Request request = get(server.url());
    request.timeoutMs = 500;
    const Outcome outcome = run(network, request);
    QCOMPARE(outcome.error, Job::Error::Timeout);
    QCOMPARE(outcome.status, 200);
    QVERIFY(outcome.received > 0 && outcome.received < 100000);
}

void TestHttpJob::cancel()
{
    ScriptedServer server([](QTcpSocket *, const QByteArray &) {});
    QNetworkAccessManager network;
    HttpJob job(&network, get(server.url()));
    job.setAutoDelete(false);
    QSignalSpy finished(&job, &Job::finished);
    job.start();
    QTRY_COMPARE(server.requests, 1);
    job.cancel();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(job.error(), Job::Error::Cancelled);
    QVERIFY(job.wasCancelled());
    QVERIFY(job.errorString().isEmpty());
    QTRY_COMPARE(server.disconnects, 1);
    job.cancel();
    QTest::qWait(50);
    QCOMPARE(finished.size(), 1);

    // Cancelled before anything was sent.
    HttpJob early(&network, get(server.url()));
    early.setAutoDelete(false);
    QSignalSpy earlyFinished(&early, &Job::finished);
    early.cancel();
    QCOMPARE(earlyFinished.size(), 1);
    QCOMPARE(early.error(), Job::Error::Cancelled);
    early.start(); // does nothing now
    QTest::qWait(50);
    QCOMPARE(earlyFinished.size(), 1);
    QCOMPARE(server.requests, 1);
}

void TestHttpJob::connectionRefused()
{
    QTcpServer probe; // a port nobody listens on: bind one, note it, close it
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    QNetworkAccessManager network;
    const Outcome outcome =
        run(network, get(QUrl(QStringLiteral("http://127.0.0.1:%1/x").arg(port))));
    QCOMPARE(outcome.error, Job::Error::NetworkError);
    QVERIFY2(outcome.errorString.startsWith(QStringLiteral("Could not reach 127.0.0.1:")),
             qPrintable(outcome.errorString));
}

void TestHttpJob::closedWithoutAnswer()
{
    ScriptedServer server([](QTcpSocket *socket, const QByteArray &) { socket->abort(); });
    QNetworkAccessManager network;
    HttpJob::Request request = get(server.url());
    request.method = HttpJob::Method::Post; // not repeated by Qt on its own
    request.body = "x";
    const Outcome outcome = run(network, request);
    QCOMPARE(outcome.error, Job::Error::NetworkError);
    QCOMPARE(outcome.status, 0);
    QVERIFY(!outcome.errorString.isEmpty());
}

void TestHttpJob::truncatedBody()
{
    // 200 and a promise of 100 bytes, then the connection drops after 10: not a success.
    ScriptedServer server([](QTcpSocket *socket, const QByteArray &) {
        socket->write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789");
        socket->flush();
        socket->disconnectFromHost();
    });
    QNetworkAccessManager network;
    HttpJob::Request request = get(server.url());
    request.method = HttpJob::Method::Put;
    request.body = "x";
    const Outcome outcome = run(network, request);
    QCOMPARE(outcome.error, Job::Error::NetworkError);
}

void TestHttpJob::notHttp()
{
    ScriptedServer server([](QTcpSocket *socket, const QByteArray &) {
        socket->write("SSH-2.0-OpenSSH_9.2\r\n\r\n");
        socket->disconnectFromHost();
    });
    QNetworkAccessManager network;
    HttpJob::Request request = get(server.url());
    request.method = HttpJob::Method::Delete;
    const Outcome outcome = run(network, request);
    QVERIFY2(outcome.error == Job::Error::InvalidResponse ||
                 outcome.error == Job::Error::NetworkError,
             qPrintable(outcome.errorString));
    QVERIFY(!outcome.errorString.isEmpty());
}

void TestHttpJob::unusableUrl_data()
{
    QTest::addColumn<QUrl>("url");
    QTest::newRow("empty") << QUrl();
    QTest::newRow("no host") << QUrl(QStringLiteral("http:///x"));
    QTest::newRow("relative") << QUrl(QStringLiteral("/clearinghouse/x12/270"));
    QTest::newRow("ftp") << QUrl(QStringLiteral("ftp://127.0.0.1/x"));
}

void TestHttpJob::unusableUrl()
{
    QFETCH(QUrl, url);
    QNetworkAccessManager network;
    HttpJob job(&network, get(url));
    job.setAutoDelete(false);
    QSignalSpy finished(&job, &Job::finished);
    job.start();
    QCOMPARE(finished.size(), 0); // never from inside start()
    QVERIFY(finished.wait(5000));
    QCOMPARE(job.error(), Job::Error::InvalidRequest);
    QVERIFY(job.errorString().contains(QStringLiteral("Settings")));
}

QTEST_GUILESS_MAIN(TestHttpJob)
#include "tst_httpjob.moc"

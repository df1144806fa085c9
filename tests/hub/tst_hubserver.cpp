// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// clinichub end to end on loopback: signed webhooks in over real HTTP, the feed out over real
// WebSocket, the log in a real SQLite file.
#include "common/feedtestclient.h"
#include "services/common/webhooksignature.h"
#include "services/hub/feedserver.h"
#include "services/hub/hubserver.h"
#include "services/hub/hubstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QByteArray metriportKey = "testWebhookKey";
const QByteArray payorSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const QString token1 = QStringLiteral("TOKEN-ONE");
const QString token2 = QStringLiteral("TOKEN-TWO");

struct Reply
{
    int status = 0;
    QByteArray body;
};

QByteArray documentDownload(const QString &messageId, const QString &documentId)
{
    return QJsonDocument(
               QJsonObject{{QStringLiteral("meta"),
                            QJsonObject{{QStringLiteral("messageId"), messageId},
                                        {QStringLiteral("requestId"), QStringLiteral("req-7")},
                                        {QStringLiteral("when"), QStringLiteral("2026-12-01T10:00:00Z")},
                                        {QStringLiteral("type"), QStringLiteral("medical.document-download")}}},
                           {QStringLiteral("patients"),
                            QJsonArray{QJsonObject{
                                {QStringLiteral("patientId"), QStringLiteral("pat-1")},
                                {QStringLiteral("documents"),
                                 QJsonArray{QJsonObject{{QStringLiteral("id"), documentId},
                                                        {QStringLiteral("url"),
                                                         QStringLiteral("https://s3/x?sig=") + messageId}}}}}}}})
        .toJson(QJsonDocument::Compact);
}
} // namespace

class TestHubServer : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void healthSaysEpochAndLastSeq();
    void metriportSignedDeliveryIsStoredAndFannedOut();
    void badOrMissingSignaturesGet401WithoutDetail();
    void pingIsAnsweredAndNeverFannedOut();
    void payorStandardWebhooks();
    void tenIdenticalDeliveriesInParallelAreOneEvent();
    void sameDocumentUnderNewMessageIdIsOneEvent();
    void oversizedBodyGets413AndWrongMethod405();
    void badTokenIsRefused();
    void resumeReplaysInOrderThenGoesLive();
    void otherEpochOrUnreadableCursorGetsReset();
    void publishReachesEveryDeskOnce();
    void cursorOlderThanRetentionGetsReset();
    void ackedCursorIsKeptPerDevice();
    void nonProtocolFramesCloseTheConnection();
    void stalledRequestIsCut();

private:
    Reply post(const QString &path, const QByteArray &body,
               const QList<QPair<QByteArray, QByteArray>> &headers);
    Reply postMetriport(const QByteArray &body);
    Reply postPayor(const QByteArray &id, const QByteArray &body, qint64 timestamp = 0);
    Reply get(const QString &path);
    QUrl feedUrl() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<HubServer> m_hub;
    QNetworkAccessManager m_network;
};

void TestHubServer::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    HubConfig config;
    config.port = 0;
    config.database = m_dir->filePath(QStringLiteral("hub.sqlite"));
    config.metriportWebhookKey = metriportKey;
    config.payorKeys = {*StandardWebhooks::decodeSecret(payorSecret)};
    config.deviceTokens = {{QStringLiteral("desk-1"), token1.toUtf8()},
                           {QStringLiteral("desk-2"), token2.toUtf8()}};
    m_hub = std::make_unique<HubServer>(config);
    QString error;
    QVERIFY2(m_hub->start(&error), qPrintable(error));
}

void TestHubServer::cleanup()
{
    m_hub.reset();
    m_dir.reset();
}

QUrl TestHubServer::feedUrl() const
{
    QUrl url = m_hub->baseUrl();
    url.setScheme(QStringLiteral("ws"));
    url.setPath(QStringLiteral("/feed"));
    return url;
}

Reply TestHubServer::post(const QString &path, const QByteArray &body,
                          const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QUrl url = m_hub->baseUrl();
    url.setPath(path);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply *reply = m_network.post(request, body);
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000))
        reply->abort();
    Reply result{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
    reply->deleteLater();
    return result;
}

Reply TestHubServer::postMetriport(const QByteArray &body)
{
    return post(QStringLiteral("/webhooks/metriport"), body,
                {{"x-metriport-signature", MetriportSignature::sign(metriportKey, body)}});
}

Reply TestHubServer::postPayor(const QByteArray &id, const QByteArray &body, qint64 timestamp)
{
    if (timestamp == 0)
        timestamp = QDateTime::currentSecsSinceEpoch();
    const QByteArray signature = StandardWebhooks::sign(*StandardWebhooks::decodeSecret(payorSecret),
                                                        id, timestamp, body);
    return post(QStringLiteral("/webhooks/payor"), body,
                {{"webhook-id", id},
                 {"webhook-timestamp", QByteArray::number(timestamp)},
                 {"webhook-signature", signature}});
}

Reply TestHubServer::get(const QString &path)
{
    QUrl url = m_hub->baseUrl();
    url.setPath(path);
    QNetworkReply *reply = m_network.get(QNetworkRequest(url));
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000))
        reply->abort();
    Reply result{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
    reply->deleteLater();
    return result;
}

void TestHubServer::healthSaysEpochAndLastSeq()
{
    const Reply health = get(QStringLiteral("/health"));
    QCOMPARE(health.status, 200);
    const QJsonObject body = QJsonDocument::fromJson(health.body).object();
    QCOMPARE(body.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    QCOMPARE(body.value(QStringLiteral("epoch")).toString(), m_hub->store()->epoch());
    QVERIFY(!m_hub->store()->epoch().isEmpty());
    QCOMPARE(body.value(QStringLiteral("lastSeq")).toInt(-1), 0);
}

void TestHubServer::metriportSignedDeliveryIsStoredAndFannedOut()
{
    FeedTestClient desk(feedUrl());
    QVERIFY(desk.hello(QStringLiteral("desk-1"), token1, m_hub->store()->epoch(), 0));
    const QByteArray body = R"({"event":"test_event","meta":{"messageId":"m-1","type":"medical.consolidated-data","requestId":"r"}})";
    const Reply reply = postMetriport(body);
    QCOMPARE(reply.status, 200);
    QCOMPARE(QJsonDocument::fromJson(reply.body).object().value(QStringLiteral("seq")).toInt(), 1);
    QVERIFY(desk.waitForEvents(1));
    const FeedProtocol::Event &event = desk.events.constFirst();
    QCOMPARE(event.seq, 1);
    QCOMPARE(event.kind, QStringLiteral("metriport"));
    QCOMPARE(event.eventType, QStringLiteral("medical.consolidated-data"));
    QCOMPARE(event.epoch, m_hub->store()->epoch());
    QCOMPARE(event.payload, QJsonDocument::fromJson(body).object());
    QCOMPARE(QJsonDocument::fromJson(get(QStringLiteral("/health")).body)
                 .object().value(QStringLiteral("lastSeq")).toInt(), 1);
}

void TestHubServer::badOrMissingSignaturesGet401WithoutDetail()
{
    const QByteArray body = documentDownload(QStringLiteral("m-1"), QStringLiteral("d"));
    QByteArray wrong = MetriportSignature::sign(metriportKey, body);
    wrong[0] = wrong[0] == 'a' ? 'b' : 'a';
    for (const auto &headers : QList<QList<QPair<QByteArray, QByteArray>>>{
             {}, {{"x-metriport-signature", wrong}},
             {{"x-metriport-signature", MetriportSignature::sign(metriportKey, body).toUpper()}},
             {{"x-metriport-signature", MetriportSignature::sign("otherKey", body)}}}) {
        const Reply reply = post(QStringLiteral("/webhooks/metriport"), body, headers);
        QCOMPARE(reply.status, 401);
        QVERIFY(reply.body.isEmpty());
    }
    // A body changed after signing.
    QByteArray tampered = body;
    tampered.replace("pat-1", "pat-2");
    QCOMPARE(post(QStringLiteral("/webhooks/metriport"), tampered,
                  {{"x-metriport-signature", MetriportSignature::sign(metriportKey, body)}})
                 .status,
             401);
    QCOMPARE(m_hub->store()->lastSeq(), 0);
    QCOMPARE(m_hub->counters().webhooksRefused, 5);
    // Each refusal is in the hub's audit log: who and why, never the body.
    QList<HubAuditEntry> audit;
    bool read = false;
    m_hub->store()->readAudit(100, [&](const QList<HubAuditEntry> &entries, const QString &) {
        audit = entries;
        read = true;
    });
    QVERIFY(QTest::qWaitFor([&] { return read; }, 5000));
    const auto refusals = std::count_if(audit.cbegin(), audit.cend(), [](const HubAuditEntry &e) {
        return e.what == QLatin1String("signature-rejected");
    });
    QCOMPARE(refusals, 5);
    for (const HubAuditEntry &entry : audit) {
        QCOMPARE(entry.peer, QStringLiteral("127.0.0.1"));
        QVERIFY(!entry.detail.contains(QLatin1String("pat-")));
        QVERIFY(!entry.detail.contains(QLatin1String("doc")));
    }
}

void TestHubServer::pingIsAnsweredAndNeverFannedOut()
{
    FeedTestClient desk(feedUrl());
    QVERIFY(desk.hello(QStringLiteral("desk-1"), token1, m_hub->store()->epoch(), 0));
    const Reply reply = postMetriport(
        R"({"ping":"Zq3-9x","meta":{"messageId":"p1","when":"2026-12-01T10:00:00Z","type":"ping"}})");
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.body, QByteArray(R"({"pong":"Zq3-9x"})"));
    // Something real after it: the desk sees that one as seq 1, and nothing for the ping.
    QCOMPARE(postMetriport(documentDownload(QStringLiteral("m-2"), QStringLiteral("d"))).status, 200);
    QVERIFY(desk.waitForEvents(1));
    QTest::qWait(100);
    QCOMPARE(desk.events.size(), 1);
    QCOMPARE(desk.events.constFirst().eventType, QStringLiteral("medical.document-download"));
}

void TestHubServer::payorStandardWebhooks()
{
    const QByteArray body = R"({"type":"claim_status_update","timestamp":"2026-12-01T10:00:00Z","data":{"claim_id":"CLM-1","previous_status":"submitted","new_status":"paid","message":"ok","amount":120.5}})";
    QCOMPARE(postPayor("msg_1", body).status, 200);
    // The same webhook-id again (the payor retried): 200, nothing new.
    const Reply again = postPayor("msg_1", body);
    QCOMPARE(again.status, 200);
    QCOMPARE(QJsonDocument::fromJson(again.body).object().value(QStringLiteral("duplicate")).toBool(), true);
    QCOMPARE(m_hub->store()->lastSeq(), 1);
    // Stale, future, and a signature over other bytes: 401.
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QCOMPARE(postPayor("msg_2", body, now - 301).status, 401);
    QCOMPARE(postPayor("msg_3", body, now + 310).status, 401); // clear of the 300 s edge
    QCOMPARE(post(QStringLiteral("/webhooks/payor"), body,
                  {{"webhook-id", "msg_4"}, {"webhook-timestamp", QByteArray::number(now)}})
                 .status,
             401);
    QCOMPARE(m_hub->store()->lastSeq(), 1);
    // Signed but not what the payor sends: 400 naming it.
    const Reply malformed = postPayor("msg_5", R"({"data":{}})");
    QCOMPARE(malformed.status, 400);
    QVERIFY(malformed.body.contains("type"));
}

void TestHubServer::tenIdenticalDeliveriesInParallelAreOneEvent()
{
    FeedTestClient desk1(feedUrl());
    FeedTestClient desk2(feedUrl());
    QVERIFY(desk1.hello(QStringLiteral("desk-1"), token1, m_hub->store()->epoch(), 0));
    QVERIFY(desk2.hello(QStringLiteral("desk-2"), token2, m_hub->store()->epoch(), 0));
    const QByteArray body = documentDownload(QStringLiteral("m-par"), QStringLiteral("doc-par"));
    QUrl url = m_hub->baseUrl();
    url.setPath(QStringLiteral("/webhooks/metriport"));
    QList<QNetworkReply *> replies;
    QList<std::shared_ptr<QNetworkAccessManager>> managers; // separate connections
    for (int i = 0; i < 10; ++i) {
        auto manager = std::make_shared<QNetworkAccessManager>();
        managers.append(manager);
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setRawHeader("x-metriport-signature", MetriportSignature::sign(metriportKey, body));
        replies.append(manager->post(request, body));
    }
    QVERIFY(QTest::qWaitFor([&] {
        return std::all_of(replies.cbegin(), replies.cend(), [](QNetworkReply *r) { return r->isFinished(); });
    }, 10000));
    for (QNetworkReply *reply : replies)
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QVERIFY(desk1.waitForEvents(1));
    QVERIFY(desk2.waitForEvents(1));
    QTest::qWait(200);
    QCOMPARE(desk1.events.size(), 1);
    QCOMPARE(desk2.events.size(), 1);
    QCOMPARE(m_hub->store()->lastSeq(), 1);
}

void TestHubServer::sameDocumentUnderNewMessageIdIsOneEvent()
{
    QCOMPARE(postMetriport(documentDownload(QStringLiteral("m-a"), QStringLiteral("doc-1"))).status, 200);
    const Reply resend = postMetriport(documentDownload(QStringLiteral("m-b"), QStringLiteral("doc-1")));
    QCOMPARE(resend.status, 200);
    QVERIFY(QJsonDocument::fromJson(resend.body).object().value(QStringLiteral("duplicate")).toBool());
    QCOMPARE(m_hub->store()->lastSeq(), 1);
    QCOMPARE(postMetriport(documentDownload(QStringLiteral("m-c"), QStringLiteral("doc-2"))).status, 200);
    QCOMPARE(m_hub->store()->lastSeq(), 2);
}

void TestHubServer::oversizedBodyGets413AndWrongMethod405()
{
    // 11 MiB announced: refused from the head, the body never read.
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, m_hub->port());
    QVERIFY(client.waitForConnected(2000));
    client.write("POST /webhooks/metriport HTTP/1.1\r\nHost: hub\r\nContent-Type: application/json\r\n"
                 "x-metriport-signature: 00\r\nContent-Length: " + QByteArray::number(11 * 1024 * 1024)
                 + "\r\n\r\n" + QByteArray(64 * 1024, 'x'));
    QByteArray answer;
    QVERIFY(QTest::qWaitFor([&] {
        answer += client.readAll();
        return answer.contains("\r\n\r\n") || client.state() != QAbstractSocket::ConnectedState;
    }, 5000));
    QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.left(80).constData());
    QCOMPARE(get(QStringLiteral("/feed")).status, 426);
    QCOMPARE(get(QStringLiteral("/webhooks/payor")).status, 405);
    QCOMPARE(get(QStringLiteral("/nowhere")).status, 404);
    QCOMPARE(m_hub->store()->lastSeq(), 0);
}

void TestHubServer::badTokenIsRefused()
{
    FeedTestClient stranger(feedUrl());
    QVERIFY(stranger.hello(QStringLiteral("desk-1"), QStringLiteral("WRONG"), QString(), 0));
    QVERIFY(stranger.waitClosed());
    QCOMPARE(stranger.errors.size(), 1);
    QCOMPARE(stranger.errors.constFirst().code, QStringLiteral("unauthorized"));
    // Another desk's token under this name is wrong too.
    FeedTestClient swapped(feedUrl());
    QVERIFY(swapped.hello(QStringLiteral("desk-1"), token2, QString(), 0));
    QVERIFY(swapped.waitClosed());
    QCOMPARE(swapped.errors.value(0).code, QStringLiteral("unauthorized"));
    // Something else before hello.
    FeedTestClient rude(feedUrl());
    QVERIFY(rude.open());
    rude.send(FeedProtocol::Ack{1});
    QVERIFY(rude.waitClosed());
    QCOMPARE(rude.errors.value(0).code, QStringLiteral("unauthorized"));
    QCOMPARE(m_hub->feed()->authenticatedCount(), 0);
}

void TestHubServer::resumeReplaysInOrderThenGoesLive()
{
    for (int i = 1; i <= 30; ++i)
        QCOMPARE(postPayor(QByteArray("r-") + QByteArray::number(i),
                           QByteArray(R"({"type":"claim_created","data":{"claim_id":"C)") + QByteArray::number(i) + "\"}}")
                     .status,
                 200);
    FeedTestClient desk(feedUrl());
    QVERIFY(desk.hello(QStringLiteral("desk-1"), token1, m_hub->store()->epoch(), 12));
    QVERIFY(desk.waitForEvents(18));
    QCOMPARE(desk.resets.size(), 0);
    for (int i = 0; i < 18; ++i)
        QCOMPARE(desk.events.at(i).seq, 13 + i);
    QCOMPARE(postPayor("r-live", R"({"type":"claim_created","data":{"claim_id":"live"}})").status, 200);
    QVERIFY(desk.waitForEvents(19));
    QCOMPARE(desk.events.constLast().seq, 31);
}

void TestHubServer::otherEpochOrUnreadableCursorGetsReset()
{
    for (int i = 1; i <= 5; ++i)
        QCOMPARE(postPayor(QByteArray("e-") + QByteArray::number(i), R"({"type":"claim_created","data":{}})").status, 200);
    FeedTestClient other(feedUrl());
    QVERIFY(other.hello(QStringLiteral("desk-1"), token1, QStringLiteral("an-old-epoch"), 3));
    QVERIFY(QTest::qWaitFor([&] { return !other.resets.isEmpty(); }, 5000));
    QCOMPARE(other.resets.constFirst().epoch, m_hub->store()->epoch());
    QCOMPARE(other.resets.constFirst().lastSeq, 5);
    QCOMPARE(other.events.size(), 0);

    FeedTestClient future(feedUrl());
    QVERIFY(future.hello(QStringLiteral("desk-2"), token2, m_hub->store()->epoch(), 99));
    QVERIFY(QTest::qWaitFor([&] { return !future.resets.isEmpty(); }, 5000));

    FeedTestClient garbled(feedUrl());
    QVERIFY(garbled.open());
    garbled.sendRaw(QByteArray(R"({"type":"hello","device":"desk-1","token":")") + token1.toUtf8()
                    + R"(","epoch":")" + m_hub->store()->epoch().toUtf8() + R"(","lastSeq":"2"})");
    QVERIFY(QTest::qWaitFor([&] { return !garbled.resets.isEmpty(); }, 5000));
    QCOMPARE(garbled.events.size(), 0);
    // After the reset the desk is live from there.
    QCOMPARE(postPayor("e-6", R"({"type":"claim_created","data":{}})").status, 200);
    QVERIFY(garbled.waitForEvents(1));
    QCOMPARE(garbled.events.constFirst().seq, 6);
}

void TestHubServer::publishReachesEveryDeskOnce()
{
    FeedTestClient desk1(feedUrl());
    FeedTestClient desk2(feedUrl());
    QVERIFY(desk1.hello(QStringLiteral("desk-1"), token1, m_hub->store()->epoch(), 0));
    QVERIFY(desk2.hello(QStringLiteral("desk-2"), token2, m_hub->store()->epoch(), 0));
    const FeedProtocol::Publish publish{QStringLiteral("pub-1"), QStringLiteral("appointment.updated"),
                                        QJsonObject{{QStringLiteral("uid"), QStringLiteral("a-1")}}};
    desk1.send(publish);
    desk1.send(publish); // sent again (a reconnect before the answer): stored once
    QVERIFY(QTest::qWaitFor([&] { return desk1.published.size() == 2; }, 5000));
    QCOMPARE(desk1.published.at(0).seq, 1);
    QCOMPARE(desk1.published.at(1).seq, 1);
    QVERIFY(desk2.waitForEvents(1));
    QVERIFY(desk1.waitForEvents(1));
    QTest::qWait(100);
    QCOMPARE(desk2.events.size(), 1);
    const FeedProtocol::Event &event = desk2.events.constFirst();
    QCOMPARE(event.kind, QStringLiteral("clinic"));
    QCOMPARE(event.eventType, QStringLiteral("appointment.updated"));
    QCOMPARE(event.payload.value(QStringLiteral("uid")).toString(), QStringLiteral("a-1"));
    const QJsonObject origin = event.payload.value(QStringLiteral("origin")).toObject();
    QCOMPARE(origin.value(QStringLiteral("device")).toString(), QStringLiteral("desk-1"));
    QCOMPARE(origin.value(QStringLiteral("id")).toString(), QStringLiteral("pub-1"));
}

void TestHubServer::cursorOlderThanRetentionGetsReset()
{
    for (int i = 1; i <= 4; ++i)
        QCOMPARE(postPayor(QByteArray("old-") + QByteArray::number(i), R"({"type":"claim_created","data":{}})").status, 200);
    // Everything received so far is past retention (a desk away for 31 days).
    bool pruned = false;
    m_hub->store()->prune(QDateTime::currentDateTimeUtc().addSecs(1), [&](int) { pruned = true; });
    QVERIFY(QTest::qWaitFor([&] { return pruned; }, 5000));
    QCOMPARE(m_hub->store()->firstRetainedSeq(), 5);
    QCOMPARE(postPayor("new-5", R"({"type":"claim_created","data":{}})").status, 200);

    FeedTestClient away(feedUrl());
    QVERIFY(away.hello(QStringLiteral("desk-1"), token1, m_hub->store()->epoch(), 2));
    QVERIFY(QTest::qWaitFor([&] { return !away.resets.isEmpty(); }, 5000));
    QCOMPARE(away.resets.constFirst().lastSeq, 5);
    QTest::qWait(100);
    QCOMPARE(away.events.size(), 0); // no partial history

    // A desk that had everything before the prune resumes normally.
    FeedTestClient current(feedUrl());
    QVERIFY(current.hello(QStringLiteral("desk-2"), token2, m_hub->store()->epoch(), 4));
    QVERIFY(current.waitForEvents(1));
    QCOMPARE(current.events.constFirst().seq, 5);
    QCOMPARE(current.resets.size(), 0);
}

void TestHubServer::ackedCursorIsKeptPerDevice()
{
    FeedTestClient desk(feedUrl());
    QVERIFY(desk.hello(QStringLiteral("desk-2"), token2, m_hub->store()->epoch(), 0));
    for (int i = 1; i <= 3; ++i)
        QCOMPARE(postPayor(QByteArray("a-") + QByteArray::number(i), R"({"type":"claim_created","data":{}})").status, 200);
    QVERIFY(desk.waitForEvents(3));
    QHash<QString, qint64> acks;
    QVERIFY(QTest::qWaitFor([&] {
        bool read = false;
        m_hub->store()->readAcks([&](const QHash<QString, qint64> &stored, const QString &) {
            acks = stored;
            read = true;
        });
        return QTest::qWaitFor([&] { return read; }, 2000) && acks.value(QStringLiteral("desk-2")) == 3;
    }, 8000));
}

void TestHubServer::nonProtocolFramesCloseTheConnection()
{
    FeedTestClient desk(feedUrl());
    QVERIFY(desk.hello(QStringLiteral("desk-1"), token1, m_hub->store()->epoch(), 0));
    QTest::qWait(50);
    desk.sendRaw(R"({"type":"publish","id":"x","eventType":"claim_status_update","payload":{}})");
    QVERIFY(desk.waitClosed());
    QCOMPARE(desk.errors.value(0).code, QStringLiteral("bad-message"));
    QCOMPARE(m_hub->store()->lastSeq(), 0);

    FeedTestClient acksTooFar(feedUrl());
    QVERIFY(acksTooFar.hello(QStringLiteral("desk-2"), token2, m_hub->store()->epoch(), 0));
    QTest::qWait(50);
    acksTooFar.send(FeedProtocol::Ack{5});
    QVERIFY(acksTooFar.waitClosed());
}

void TestHubServer::stalledRequestIsCut()
{
    QTcpSocket slow;
    slow.connectToHost(QHostAddress::LocalHost, m_hub->port());
    QVERIFY(slow.waitForConnected(2000));
    slow.write("POST /webhooks/metriport HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{");
    QElapsedTimer clock;
    clock.start();
    // One byte a second: the hub cuts it after 10 s from the connect.
    while (slow.state() == QAbstractSocket::ConnectedState && clock.elapsed() < 15000) {
        slow.write("a");
        slow.waitForBytesWritten(100);
        QTest::qWait(1000);
    }
    QVERIFY(slow.state() != QAbstractSocket::ConnectedState || slow.readAll().contains("408"));
    QVERIFY2(clock.elapsed() < 12500, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(m_hub->store()->lastSeq(), 0);
}

QTEST_GUILESS_MAIN(TestHubServer)
#include "tst_hubserver.moc"

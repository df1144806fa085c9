// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/common/feedprotocol.h"

#include <QJsonDocument>
#include <QTest>

using namespace FeedProtocol;

class TestFeedProtocol : public QObject
{
    Q_OBJECT
private slots:
    void roundTripsEveryMessage();
    void eventFrameSplicesThePayload();
    void refusesMalformedFrames_data();
    void refusesMalformedFrames();
    void unreadableCursorIsMarkedForReset_data();
    void unreadableCursorIsMarkedForReset();
    void refusesOversizedFrames();
};

void TestFeedProtocol::roundTripsEveryMessage()
{
    const QDateTime at = QDateTime(QDate(2026, 12, 1), QTime(14, 5, 9, 123), Qt::UTC);
    const QList<Message> messages{
        Hello{QStringLiteral("desk-1"), QStringLiteral("TOKEN1"), QStringLiteral("e1"), 42},
        Hello{QStringLiteral("desk-2"), QStringLiteral("T"), QString(), 0},
        Ack{7},
        Publish{QStringLiteral("id-1"), QStringLiteral("appointment.updated"),
                QJsonObject{{QStringLiteral("uid"), QStringLiteral("a")}}},
        Event{9, QStringLiteral("e1"), QStringLiteral("payor"), QStringLiteral("claim_created"), at,
              QJsonObject{{QStringLiteral("x"), 1}}},
        Reset{QStringLiteral("e2"), 1000},
        Published{QStringLiteral("id-1"), 10},
        Error{QStringLiteral("unauthorized"), QStringLiteral("no")},
    };
    for (const Message &message : messages) {
        const QByteArray frame = encode(message);
        const Decoded decoded = decode(frame);
        QVERIFY2(decoded.message.has_value(), qPrintable(decoded.error + QLatin1String(" in ") + QString::fromUtf8(frame)));
        QCOMPARE(decoded.message->index(), message.index());
        QCOMPARE(encode(*decoded.message), frame);
    }
    const Decoded hello = decode(encode(Hello{QStringLiteral("desk-1"), QStringLiteral("T"),
                                              QStringLiteral("e"), 9007199254740991LL}));
    QCOMPARE(std::get<Hello>(*hello.message).lastSeq, 9007199254740991LL);
    const Decoded event = decode(encode(messages.at(4)));
    QCOMPARE(std::get<Event>(*event.message).receivedAt, at);
}

void TestFeedProtocol::eventFrameSplicesThePayload()
{
    const QByteArray payload = R"({"meta":{"type":"medical.consolidated-data"},"patients":[]})";
    const QByteArray frame =
        encodeEvent(3, QStringLiteral("ep\"och"), QStringLiteral("metriport"),
                    QStringLiteral("medical.consolidated-data"),
                    QDateTime::currentDateTimeUtc(), payload);
    QVERIFY(frame.endsWith(QByteArray(",\"payload\":") + payload + '}'));
    const Decoded decoded = decode(frame);
    QVERIFY2(decoded.message.has_value(), qPrintable(decoded.error));
    const Event &event = std::get<Event>(*decoded.message);
    QCOMPARE(event.seq, 3);
    QCOMPARE(event.epoch, QStringLiteral("ep\"och")); // escaped, not spliced
    QCOMPARE(event.payload, QJsonDocument::fromJson(payload).object());
}

void TestFeedProtocol::refusesMalformedFrames_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("not json") << QByteArray("{nope") << "not JSON";
    QTest::newRow("array") << QByteArray("[1]") << "not a JSON object";
    QTest::newRow("no type") << QByteArray(R"({"seq":1})") << "type";
    QTest::newRow("unknown type") << QByteArray(R"({"type":"subscribe"})") << "unknown message type";
    QTest::newRow("hello without token")
        << QByteArray(R"({"type":"hello","device":"d","epoch":"","lastSeq":0})") << "hello.token";
    QTest::newRow("ack without seq") << QByteArray(R"({"type":"ack"})") << "ack.seq";
    QTest::newRow("publish of a webhook type")
        << QByteArray(R"({"type":"publish","id":"1","eventType":"claim_status_update","payload":{}})")
        << "not a clinic event type";
    QTest::newRow("publish payload not object")
        << QByteArray(R"({"type":"publish","id":"1","eventType":"patient.updated","payload":[]})")
        << "publish.payload";
    QTest::newRow("event seq 0")
        << QByteArray(R"({"type":"event","seq":0,"epoch":"e","kind":"k","eventType":"t","receivedAt":"2026-12-01T10:00:00.000Z","payload":{}})")
        << "event.seq";
    QTest::newRow("event bad time")
        << QByteArray(R"({"type":"event","seq":1,"epoch":"e","kind":"k","eventType":"t","receivedAt":"yesterday","payload":{}})")
        << "event.receivedAt";
    QTest::newRow("too long device")
        << (QByteArray(R"({"type":"hello","device":")") + QByteArray(300, 'd')
            + R"(","token":"t","epoch":"","lastSeq":0})")
        << "hello.device";
}

void TestFeedProtocol::refusesMalformedFrames()
{
    QFETCH(QByteArray, frame);
    QFETCH(QString, mentions);
    const Decoded decoded = decode(frame);
    QVERIFY(!decoded.message.has_value());
    QVERIFY2(decoded.error.contains(mentions), qPrintable(decoded.error));
}

void TestFeedProtocol::unreadableCursorIsMarkedForReset_data()
{
    QTest::addColumn<QByteArray>("lastSeq");
    QTest::newRow("string") << QByteArray(R"("5")");
    QTest::newRow("fraction") << QByteArray("1.5");
    QTest::newRow("negative") << QByteArray("-1");
    QTest::newRow("beyond 2^53") << QByteArray("1e300");
    QTest::newRow("null") << QByteArray("null");
}

void TestFeedProtocol::unreadableCursorIsMarkedForReset()
{
    QFETCH(QByteArray, lastSeq);
    const Decoded decoded = decode(
        R"({"type":"hello","device":"d","token":"t","epoch":"e","lastSeq":)" + lastSeq + "}");
    QVERIFY2(decoded.message.has_value(), qPrintable(decoded.error));
    QCOMPARE(std::get<Hello>(*decoded.message).lastSeq, -1);
}

void TestFeedProtocol::refusesOversizedFrames()
{
    QByteArray frame = R"({"type":"error","code":"x","message":")";
    frame += QByteArray(maxMessageBytes, 'a');
    frame += "\"}";
    const Decoded decoded = decode(frame);
    QVERIFY(!decoded.message.has_value());
    QVERIFY2(decoded.error.contains(QLatin1String("1 MiB")), qPrintable(decoded.error));
}

QTEST_GUILESS_MAIN(TestFeedProtocol)
#include "tst_feedprotocol.moc"

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/hub/webhookintake.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using Kind = WebhookIntake::Outcome::Kind;

namespace {
const QDateTime now = QDateTime::currentDateTimeUtc();

QByteArray download(const QString &messageId, const QStringList &documentIds,
                    const QString &requestId = QStringLiteral("req-1"))
{
    QJsonArray documents;
    for (const QString &id : documentIds) {
        documents.append(QJsonObject{{QStringLiteral("id"), id},
                                     {QStringLiteral("fileName"), id + QStringLiteral(".xml")},
                                     {QStringLiteral("url"), QStringLiteral("https://s3/%1?sig=%2")
                                                                 .arg(id, messageId)}});
    }
    return QJsonDocument(
               QJsonObject{{QStringLiteral("meta"),
                            QJsonObject{{QStringLiteral("messageId"), messageId},
                                        {QStringLiteral("requestId"), requestId},
                                        {QStringLiteral("when"), QStringLiteral("2026-12-01T10:00:00Z")},
                                        {QStringLiteral("type"), QStringLiteral("medical.document-download")}}},
                           {QStringLiteral("patients"),
                            QJsonArray{QJsonObject{{QStringLiteral("patientId"), QStringLiteral("p-1")},
                                                   {QStringLiteral("status"), QStringLiteral("completed")},
                                                   {QStringLiteral("documents"), documents}}}}})
        .toJson(QJsonDocument::Compact);
}
} // namespace

class TestWebhookIntake : public QObject
{
    Q_OBJECT
private slots:
    void pingIsAnsweredNotStored();
    void metriportDeliveryKeepsTheRawBody();
    void resendWithNewMessageIdHasTheSameBusinessKey();
    void differentDocumentsAreDifferentNews();
    void networkQuerySourcesAreDifferentNews();
    void unknownTypesAreAccepted();
    void malformedMetriportBodies_data();
    void malformedMetriportBodies();
    void payorDelivery();
    void malformedPayorBodies();
};

void TestWebhookIntake::pingIsAnsweredNotStored()
{
    const auto outcome = WebhookIntake::metriport(
        R"({"ping":"abc123","meta":{"messageId":"m","when":"2024-01-01T00:00:00Z","type":"ping"}})",
        now);
    QCOMPARE(outcome.kind, Kind::Ping);
    QCOMPARE(outcome.pongBody, QByteArray(R"({"pong":"abc123"})"));
}

void TestWebhookIntake::metriportDeliveryKeepsTheRawBody()
{
    const QByteArray body = download(QStringLiteral("msg-1"), {QStringLiteral("doc-a")});
    const auto outcome = WebhookIntake::metriport(body, now);
    QCOMPARE(outcome.kind, Kind::Delivery);
    QCOMPARE(outcome.delivery.kind, QStringLiteral("metriport"));
    QCOMPARE(outcome.delivery.deliveryId, QStringLiteral("msg-1"));
    QCOMPARE(outcome.delivery.eventType, QStringLiteral("medical.document-download"));
    QCOMPARE(outcome.delivery.payload, body);
    QVERIFY(outcome.delivery.businessKey.contains(QLatin1String("req-1")));
    QVERIFY(outcome.delivery.businessKey.contains(QLatin1String("doc-a")));
}

void TestWebhookIntake::resendWithNewMessageIdHasTheSameBusinessKey()
{
    // A single-request retry: new messageId, fresh presigned URLs, documents in another order.
    const auto first = WebhookIntake::metriport(
        download(QStringLiteral("msg-1"), {QStringLiteral("a"), QStringLiteral("b")}), now);
    const auto resent = WebhookIntake::metriport(
        download(QStringLiteral("msg-2"), {QStringLiteral("b"), QStringLiteral("a")}), now);
    QVERIFY(first.delivery.deliveryId != resent.delivery.deliveryId);
    QVERIFY(first.delivery.payload != resent.delivery.payload);
    QCOMPARE(resent.delivery.businessKey, first.delivery.businessKey);
}

void TestWebhookIntake::differentDocumentsAreDifferentNews()
{
    const auto a = WebhookIntake::metriport(download(QStringLiteral("m1"), {QStringLiteral("a")}), now);
    const auto b = WebhookIntake::metriport(download(QStringLiteral("m1"), {QStringLiteral("b")}), now);
    const auto otherRequest = WebhookIntake::metriport(
        download(QStringLiteral("m1"), {QStringLiteral("a")}, QStringLiteral("req-2")), now);
    QVERIFY(a.delivery.businessKey != b.delivery.businessKey);
    QVERIFY(a.delivery.businessKey != otherRequest.delivery.businessKey);
}

void TestWebhookIntake::networkQuerySourcesAreDifferentNews()
{
    auto body = [](const QString &type, const QString &source) {
        return QJsonDocument(
                   QJsonObject{{QStringLiteral("meta"),
                                QJsonObject{{QStringLiteral("messageId"), QStringLiteral("m")},
                                            {QStringLiteral("requestId"), QStringLiteral("nq-1")},
                                            {QStringLiteral("type"), type}}},
                               {QStringLiteral("payload"),
                                QJsonObject{{QStringLiteral("patientId"), QStringLiteral("p")},
                                            {QStringLiteral("source"),
                                             QJsonObject{{QStringLiteral("type"), source},
                                                         {QStringLiteral("status"),
                                                          QStringLiteral("completed")}}}}}})
            .toJson(QJsonDocument::Compact);
    };
    const auto hie = WebhookIntake::metriport(body(QStringLiteral("network-query.hie"), QStringLiteral("hie")), now);
    const auto lab = WebhookIntake::metriport(body(QStringLiteral("network-query.lab"), QStringLiteral("lab")), now);
    QCOMPARE(hie.kind, Kind::Delivery);
    QVERIFY(!hie.delivery.businessKey.isEmpty());
    QVERIFY(hie.delivery.businessKey != lab.delivery.businessKey);
}

void TestWebhookIntake::unknownTypesAreAccepted()
{
    const auto outcome = WebhookIntake::metriport(
        R"({"meta":{"messageId":"m9","type":"medical.something-new"},"x":1})", now);
    QCOMPARE(outcome.kind, Kind::Delivery);
    QCOMPARE(outcome.delivery.eventType, QStringLiteral("medical.something-new"));
    QVERIFY(outcome.delivery.businessKey.isEmpty()); // nothing to tell two apart but the id
}

void TestWebhookIntake::malformedMetriportBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("not json") << QByteArray("{") << "not JSON";
    QTest::newRow("array") << QByteArray("[]") << "not a JSON object";
    QTest::newRow("no meta") << QByteArray(R"({"patients":[]})") << "meta";
    QTest::newRow("no type") << QByteArray(R"({"meta":{"messageId":"m"}})") << "meta.type";
    QTest::newRow("no message id")
        << QByteArray(R"({"meta":{"type":"medical.document-download"}})") << "meta.messageId";
    QTest::newRow("ping without value") << QByteArray(R"({"meta":{"type":"ping"}})") << "ping";
}

void TestWebhookIntake::malformedMetriportBodies()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, mentions);
    const auto outcome = WebhookIntake::metriport(body, now);
    QCOMPARE(outcome.kind, Kind::Invalid);
    QVERIFY2(outcome.error.contains(mentions), qPrintable(outcome.error));
}

void TestWebhookIntake::payorDelivery()
{
    const QByteArray body =
        R"({"type":"claim_status_update","timestamp":"2026-12-01T10:00:00Z","data":{"claim_id":"C-1","previous_status":"submitted","new_status":"paid"}})";
    const auto outcome = WebhookIntake::payor("msg_1", body, now);
    QCOMPARE(outcome.kind, Kind::Delivery);
    QCOMPARE(outcome.delivery.kind, QStringLiteral("payor"));
    QCOMPARE(outcome.delivery.deliveryId, QStringLiteral("msg_1"));
    QCOMPARE(outcome.delivery.eventType, QStringLiteral("claim_status_update"));
    QCOMPARE(outcome.delivery.payload, body);
}

void TestWebhookIntake::malformedPayorBodies()
{
    QCOMPARE(WebhookIntake::payor("m", "nope", now).kind, Kind::Invalid);
    QVERIFY(WebhookIntake::payor("m", R"({"data":{}})", now).error.contains(QLatin1String("type")));
    QVERIFY(WebhookIntake::payor("m", R"({"type":"claim_created"})", now)
                .error.contains(QLatin1String("data")));
}

QTEST_GUILESS_MAIN(TestWebhookIntake)
#include "tst_webhookintake.moc"

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The sandbox's webhook sender against a receiver written here on 127.0.0.1: what it sends
// verifies with our own signature checks, failures are retried then reported, the sample bodies
// have the documented shapes, and POST /sandbox/webhooks sends what it says it sends.
#include "services/common/webhooksignature.h"
#include "services/sandbox/samplewebhooks.h"
#include "services/sandbox/sandboxserver.h"
#include "services/sandbox/webhookposter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <functional>
#include <memory>

namespace {
struct ReceivedRequest
{
    QByteArray method;
    QByteArray path;
    QList<QPair<QByteArray, QByteArray>> headers; // names in lower case, in the order sent
    QByteArray body;

    //! Every value sent under `name` (lower case).
    QList<QByteArray> values(const QByteArray &name) const
    {
        QList<QByteArray> found;
        for (const auto &[key, value] : headers) {
            if (key == name)
                found << value;
        }
        return found;
    }
    QByteArray header(const QByteArray &name) const { return values(name).value(0); }
};

//! A hub stand-in: records each request (head and Content-Length body) and answers with the
//! status `statusFor` gives for the request's number (1 for the first).
class Receiver : public QTcpServer
{
public:
    Receiver() { listen(QHostAddress::LocalHost); }

    QUrl url(const QString &path = {}) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(serverPort()).arg(path));
    }

    std::function<int(int number)> statusFor = [](int) {
        return 200;
    };
    QList<ReceivedRequest> requests;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QTcpSocket(this);
        socket->setSocketDescriptor(descriptor);
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
            *buffer += socket->readAll();
            // Several requests may come over one kept-alive connection.
            for (;;) {
                const qsizetype end = buffer->indexOf("\r\n\r\n");
                if (end == -1)
                    return;
                const QList<QByteArray> lines = buffer->left(end).split('\n');
                ReceivedRequest request;
                const QList<QByteArray> start = lines.value(0).trimmed().split(' ');
                request.method = start.value(0);
                request.path = start.value(1);
                qsizetype length = 0;
                for (qsizetype i = 1; i < lines.size(); ++i) {
                    const qsizetype colon = lines[i].indexOf(':');
                    if (colon <= 0)
                        continue;
                    const QByteArray name = lines[i].left(colon).trimmed().toLower();
                    const QByteArray value = lines[i].mid(colon + 1).trimmed();
                    request.headers.append({name, value});
                    if (name == "content-length")
                        length = value.toLongLong();
                }
                if (buffer->size() < end + 4 + length)
                    return;
                request.body = buffer->mid(end + 4, length);
                buffer->remove(0, end + 4 + length);
                requests.append(request);
                const int status = statusFor(int(requests.size()));
                const QByteArray answer = R"({"ok":true})";
                QByteArray reply = "HTTP/1.1 " + QByteArray::number(status) +
                                   " Whatever\r\nContent-Type: application/json\r\n"
                                   "Content-Length: " +
                                   QByteArray::number(answer.size()) + "\r\n";
                if (status >= 300 && status < 400)
                    reply += "Location: http://127.0.0.1:1/elsewhere\r\n";
                socket->write(reply + "\r\n" + answer);
            }
        });
    }
};

//! Quick retries, so the tests wait milliseconds rather than seconds.
RetryPolicy quickRetries(int tries)
{
    RetryPolicy policy;
    policy.maxTries = tries;
    policy.baseDelay = RetryPolicy::Ms(10);
    policy.maxDelay = RetryPolicy::Ms(40);
    return policy;
}

const QByteArray metriportKey = QByteArrayLiteral("sandboxKeyForTests123");
const QByteArray firstSecret = "whsec_" + QByteArray(32, '\x11').toBase64();
const QByteArray secondSecret = "whsec_" + QByteArray(32, '\x22').toBase64();

QByteArray keyOf(const QByteArray &secret)
{
    return StandardWebhooks::decodeSecret(secret).value_or(QByteArray());
}

WebhookPoster::Options posterOptions(const QUrl &hub, int tries = 3)
{
    WebhookPoster::Options options;
    options.hubUrl = hub;
    options.metriportKey = metriportKey;
    options.payorSecrets = {firstSecret, secondSecret};
    options.retry = quickRetries(tries);
    options.timeoutMs = 5000;
    return options;
}

StandardWebhooks::Failure verifyPayor(const ReceivedRequest &request, const QByteArray &secret)
{
    return StandardWebhooks::verify({keyOf(secret)},
                                    {request.header("webhook-id"),
                                     request.header("webhook-timestamp"),
                                     request.header("webhook-signature")},
                                    request.body, QDateTime::currentDateTimeUtc());
}

QJsonObject jsonOf(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}

struct HttpAnswer
{
    int status = 0;
    QJsonObject body;
};

HttpAnswer postJson(QNetworkAccessManager &network, const QUrl &url, const QByteArray &body)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = network.post(request, body);
    QSignalSpy done(reply, &QNetworkReply::finished);
    done.wait(10000);
    HttpAnswer answer{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                      jsonOf(reply->readAll())};
    reply->deleteLater();
    return answer;
}

QUrl webhooksRoute(const SandboxServer &server)
{
    QUrl url = server.baseUrl();
    url.setPath(QStringLiteral("/sandbox/webhooks"));
    return url;
}
} // namespace

class TestWebhookPoster : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void metriportWebhooksVerify();
    void payorWebhooksVerifyWithTheFirstSecret();
    void hubUrlWithAPath();
    void serverErrorsAreRetriedThenReported();
    void transientErrorsRecover();
    void refusalsAreNotRetried_data();
    void refusalsAreNotRetried();
    void unreachableHubIsRetriedThenReported();
    void unusableInputIsNotSent();

    void metriportSamplesHaveTheDocumentedShapes();
    void payorSamplesHaveTheDocumentedShapes();
    void samplesAreDistinct();

    void routeSendsBatches_data();
    void routeSendsBatches();
    void routeRefusesBadInput_data();
    void routeRefusesBadInput();
    void routeNeedsAHub();
};

void TestWebhookPoster::metriportWebhooksVerify()
{
    Receiver hub;
    QNetworkAccessManager network;
    WebhookPoster poster(&network, posterOptions(hub.url()));
    QSignalSpy delivered(&poster, &WebhookPoster::delivered);
    QSignalSpy failed(&poster, &WebhookPoster::deliveryFailed);

    const auto sample = SampleWebhooks::metriport(QStringLiteral("medical.document-download"), 0,
                                                  QDateTime::currentDateTimeUtc());
    QVERIFY(sample.has_value());
    QVERIFY(poster.canPostMetriport());
    const QByteArray id = poster.postMetriport(sample->body);
    QCOMPARE(id, sample->id); // meta.messageId names the delivery
    QCOMPARE(poster.pendingCount(), 1);
    QVERIFY(delivered.wait(10000));
    QCOMPARE(failed.count(), 0);
    QCOMPARE(delivered.at(0).at(0).toByteArray(), id);
    QCOMPARE(delivered.at(0).at(1).toInt(), 200);
    QCOMPARE(poster.pendingCount(), 0);

    QCOMPARE(hub.requests.size(), 1);
    const ReceivedRequest &request = hub.requests.constFirst();
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.path, QByteArray("/webhooks/metriport"));
    QCOMPARE(request.body, sample->body);
    QCOMPARE(request.values("user-agent"), QList<QByteArray>{"Metriport API"});
    QCOMPARE(request.header("content-type"), QByteArray("application/json"));
    const QByteArray signature = request.header("x-metriport-signature");
    QCOMPARE(signature.size(), 64);
    QVERIFY(MetriportSignature::verify(metriportKey, request.body, signature));
    QVERIFY(!MetriportSignature::verify("anotherKey", request.body, signature));
    // No Standard Webhooks headers on Metriport's.
    QVERIFY(request.header("webhook-signature").isEmpty());
}

void TestWebhookPoster::payorWebhooksVerifyWithTheFirstSecret()
{
    Receiver hub;
    QNetworkAccessManager network;
    WebhookPoster poster(&network, posterOptions(hub.url()));
    QSignalSpy delivered(&poster, &WebhookPoster::delivered);

    const auto sample = SampleWebhooks::payor(QStringLiteral("claim_status_update"), 2,
                                              QDateTime::currentDateTimeUtc());
    QVERIFY(sample.has_value());
    QVERIFY(poster.canPostPayor());
    const qint64 before = QDateTime::currentSecsSinceEpoch();
    poster.postPayor(sample->id, sample->body);
    QVERIFY(delivered.wait(10000));
    const qint64 after = QDateTime::currentSecsSinceEpoch();
    QCOMPARE(delivered.at(0).at(0).toByteArray(), sample->id);

    QCOMPARE(hub.requests.size(), 1);
    const ReceivedRequest &request = hub.requests.constFirst();
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.path, QByteArray("/webhooks/payor"));
    QCOMPARE(request.body, sample->body);
    QCOMPARE(request.header("content-type"), QByteArray("application/json"));
    QCOMPARE(request.header("webhook-id"), sample->id);
    const qint64 timestamp = request.header("webhook-timestamp").toLongLong();
    QVERIFY(timestamp >= before && timestamp <= after);
    QCOMPARE(verifyPayor(request, firstSecret), StandardWebhooks::Failure::None);
    QCOMPARE(verifyPayor(request, secondSecret), StandardWebhooks::Failure::NoMatch);
    QVERIFY(request.header("x-metriport-signature").isEmpty());
}

void TestWebhookPoster::hubUrlWithAPath()
{
    Receiver hub;
    QNetworkAccessManager network;
    WebhookPoster poster(&network, posterOptions(hub.url(QStringLiteral("/hub/"))));
    QSignalSpy delivered(&poster, &WebhookPoster::delivered);
    poster.postPayor("msg_path", R"({"type":"claim_created","data":{}})");
    poster.postMetriport(R"({"meta":{"messageId":"m-1","type":"ping"},"ping":"x"})");
    QTRY_COMPARE_WITH_TIMEOUT(delivered.count(), 2, 10000);
    QSet<QByteArray> paths;
    for (const ReceivedRequest &request : std::as_const(hub.requests))
        paths << request.path;
    QCOMPARE(paths, (QSet<QByteArray>{"/hub/webhooks/payor", "/hub/webhooks/metriport"}));
}

void TestWebhookPoster::serverErrorsAreRetriedThenReported()
{
    Receiver hub;
    hub.statusFor = [](int) {
        return 500;
    };
    QNetworkAccessManager network;
    WebhookPoster poster(&network, posterOptions(hub.url(), 3));
    QSignalSpy delivered(&poster, &WebhookPoster::delivered);
    QSignalSpy retries(&poster, &WebhookPoster::retryScheduled);
    QSignalSpy failed(&poster, &WebhookPoster::deliveryFailed);

    poster.postPayor("msg_retry", R"({"type":"claim_created","data":{"claim_id":"CLM-DEMO-1"}})");
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.count(), 1);
    QCOMPARE(failed.at(0).at(0).toByteArray(), QByteArray("msg_retry"));
    const QString error = failed.at(0).at(1).toString();
    QVERIFY2(error.contains(QLatin1String("500")), qPrintable(error));
    QCOMPARE(delivered.count(), 0);
    QCOMPARE(poster.pendingCount(), 0);

    // Three tries in all, each signed afresh and each verifiable, with the same id.
    QCOMPARE(hub.requests.size(), 3);
    for (const ReceivedRequest &request : std::as_const(hub.requests)) {
        QCOMPARE(request.header("webhook-id"), QByteArray("msg_retry"));
        QCOMPARE(verifyPayor(request, firstSecret), StandardWebhooks::Failure::None);
    }
    QCOMPARE(retries.count(), 2);
    QCOMPARE(retries.at(0).at(1).toInt(), 2);
    QCOMPARE(retries.at(1).at(1).toInt(), 3);
    for (const auto &retry : std::as_const(retries))
        QVERIFY(retry.at(2).toLongLong() >= 0 && retry.at(2).toLongLong() <= 40);

    // Nothing more comes later.
    QTest::qWait(200);
    QCOMPARE(hub.requests.size(), 3);
    QCOMPARE(failed.count(), 1);
}

void TestWebhookPoster::transientErrorsRecover()
{
    Receiver hub;
    hub.statusFor = [](int number) {
        return number == 1 ? 503 : number == 2 ? 429 : 200;
    };
    QNetworkAccessManager network;
    WebhookPoster poster(&network, posterOptions(hub.url(), 4));
    QSignalSpy delivered(&poster, &WebhookPoster::delivered);
    QSignalSpy failed(&poster, &WebhookPoster::deliveryFailed);
    const QByteArray id = poster.postMetriport(R"({"meta":{"messageId":"abc-1"},"x":1})");
    QCOMPARE(id, QByteArray("abc-1"));
    QVERIFY(delivered.wait(10000));
    QCOMPARE(failed.count(), 0);
    QCOMPARE(hub.requests.size(), 3);
    for (const ReceivedRequest &request : std::as_const(hub.requests))
        QVERIFY(MetriportSignature::verify(metriportKey, request.body,
                                           request.header("x-metriport-signature")));
}

void TestWebhookPoster::refusalsAreNotRetried_data()
{
    QTest::addColumn<int>("status");
    QTest::newRow("401") << 401;
    QTest::newRow("400") << 400;
    QTest::newRow("413") << 413;
    QTest::newRow("redirect") << 302;
}

void TestWebhookPoster::refusalsAreNotRetried()
{
    QFETCH(int, status);
    Receiver hub;
    hub.statusFor = [status](int) {
        return status;
    };
    QNetworkAccessManager network;
    WebhookPoster poster(&network, posterOptions(hub.url(), 5));
    QSignalSpy failed(&poster, &WebhookPoster::deliveryFailed);
    QSignalSpy retries(&poster, &WebhookPoster::retryScheduled);
    poster.postPayor("msg_refused", "{}");
    QVERIFY(failed.wait(10000));
    QVERIFY(failed.at(0).at(1).toString().contains(QString::number(status)));
    QTest::qWait(100);
    QCOMPARE(hub.requests.size(), 1);
    QCOMPARE(retries.count(), 0);
}

void TestWebhookPoster::unreachableHubIsRetriedThenReported()
{
    quint16 closedPort = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        closedPort = probe.serverPort();
    }
    QNetworkAccessManager network;
    WebhookPoster poster(
        &network, posterOptions(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(closedPort)), 3));
    QSignalSpy retries(&poster, &WebhookPoster::retryScheduled);
    QSignalSpy failed(&poster, &WebhookPoster::deliveryFailed);
    poster.postMetriport(R"({"meta":{"messageId":"down-1"}})");
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.at(0).at(0).toByteArray(), QByteArray("down-1"));
    QVERIFY(!failed.at(0).at(1).toString().isEmpty());
    QCOMPARE(retries.count(), 2);
}

void TestWebhookPoster::unusableInputIsNotSent()
{
    Receiver hub;
    QNetworkAccessManager network;
    WebhookPoster poster(&network, posterOptions(hub.url()));
    QSignalSpy failed(&poster, &WebhookPoster::deliveryFailed);
    // Ids the hub would refuse: a dot, empty, too long.
    poster.postPayor("msg.1", "{}");
    QCOMPARE(failed.count(), 0); // never from inside the call
    poster.postPayor("", "{}");
    poster.postPayor(QByteArray(256, 'a'), "{}");
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 3, 5000);
    QCOMPARE(failed.at(0).at(0).toByteArray(), QByteArray("msg.1"));

    // Nothing to sign with.
    WebhookPoster::Options unsigned_ = posterOptions(hub.url());
    unsigned_.metriportKey.clear();
    unsigned_.payorSecrets = {"whsec_", "not base64!"};
    WebhookPoster bare(&network, unsigned_);
    QVERIFY(!bare.canPostMetriport());
    QVERIFY(!bare.canPostPayor());
    QSignalSpy bareFailed(&bare, &WebhookPoster::deliveryFailed);
    bare.postPayor("msg_1", "{}");
    const QByteArray generated = bare.postMetriport("not json");
    QVERIFY(!generated.isEmpty()); // no messageId in the body: a fresh one
    QTRY_COMPARE_WITH_TIMEOUT(bareFailed.count(), 2, 5000);

    // A later usable secret is used when the first is not.
    WebhookPoster::Options second = posterOptions(hub.url());
    second.payorSecrets = {"whsec_!!", secondSecret};
    WebhookPoster fallback(&network, second);
    QVERIFY(fallback.canPostPayor());
    QSignalSpy delivered(&fallback, &WebhookPoster::delivered);
    fallback.postPayor("msg_fallback", "{}");
    QVERIFY(delivered.wait(10000));
    QCOMPARE(hub.requests.size(), 1);
    QCOMPARE(verifyPayor(hub.requests.constFirst(), secondSecret), StandardWebhooks::Failure::None);

    // No hub at all.
    WebhookPoster nowhere(&network, posterOptions(QUrl()));
    QVERIFY(!nowhere.canPostMetriport());
    QVERIFY(!nowhere.canPostPayor());
}

void TestWebhookPoster::metriportSamplesHaveTheDocumentedShapes()
{
    const QDateTime when(QDate(2026, 12, 1), QTime(10, 4, 15), Qt::UTC);
    const QStringList types = SampleWebhooks::metriportTypes();
    QVERIFY(types.size() >= 11);
    for (const QString &type : types) {
        const auto sample = SampleWebhooks::metriport(type, 3, when);
        QVERIFY2(sample.has_value(), qPrintable(type));
        const QJsonObject body = jsonOf(sample->body);
        QVERIFY2(!body.isEmpty(), qPrintable(type));
        const QJsonObject meta = body.value(QLatin1String("meta")).toObject();
        QCOMPARE(meta.value(QLatin1String("type")).toString(), type);
        QCOMPARE(meta.value(QLatin1String("messageId")).toString().toUtf8(), sample->id);
        QCOMPARE(meta.value(QLatin1String("when")).toString(),
                 QStringLiteral("2026-12-01T10:04:15.000Z"));
        // Compact, as Metriport sends JSON.stringify's output.
        QVERIFY(!sample->body.contains('\n'));
    }

    auto bodyOf = [&](const char *type) {
        return jsonOf(SampleWebhooks::metriport(QLatin1String(type), 0, when)->body);
    };
    const QJsonObject ping = bodyOf("ping");
    QVERIFY(!ping.value(QLatin1String("ping")).toString().isEmpty());
    QVERIFY(!ping.value(QLatin1String("meta")).toObject().contains(QLatin1String("requestId")));

    const QJsonObject download = bodyOf("medical.document-download");
    QVERIFY(!download.value(QLatin1String("meta"))
                 .toObject()
                 .value(QLatin1String("requestId"))
                 .toString()
                 .isEmpty());
    const QJsonObject patient =
        download.value(QLatin1String("patients")).toArray().at(0).toObject();
    QVERIFY(!patient.value(QLatin1String("patientId")).toString().isEmpty());
    QVERIFY(
        patient.value(QLatin1String("externalId")).toString().startsWith(QLatin1String("DEMO-")));
    QCOMPARE(patient.value(QLatin1String("status")).toString(), QStringLiteral("completed"));
    const QJsonArray documents = patient.value(QLatin1String("documents")).toArray();
    QVERIFY(!documents.isEmpty());
    for (const QJsonValue &value : documents) {
        const QJsonObject document = value.toObject();
        for (const char *field : {"id", "fileName", "description", "status", "indexed", "mimeType"})
            QVERIFY2(!document.value(QLatin1String(field)).toString().isEmpty(), field);
        QVERIFY(document.value(QLatin1String("size")).isDouble());
        QVERIFY(!document.value(QLatin1String("type"))
                     .toObject()
                     .value(QLatin1String("coding"))
                     .toArray()
                     .isEmpty());
    }

    const QJsonObject conversion = bodyOf("medical.document-conversion");
    const QJsonObject converted =
        conversion.value(QLatin1String("patients")).toArray().at(0).toObject();
    QCOMPARE(converted.value(QLatin1String("status")).toString(), QStringLiteral("completed"));
    QVERIFY(!converted.contains(QLatin1String("documents")));

    const QJsonObject consolidated = bodyOf("medical.consolidated-data");
    const QJsonObject bundle = consolidated.value(QLatin1String("patients"))
                                   .toArray()
                                   .at(0)
                                   .toObject()
                                   .value(QLatin1String("bundle"))
                                   .toObject();
    QCOMPARE(bundle.value(QLatin1String("resourceType")).toString(), QStringLiteral("Bundle"));
    const QJsonObject reference = bundle.value(QLatin1String("entry"))
                                      .toArray()
                                      .at(0)
                                      .toObject()
                                      .value(QLatin1String("resource"))
                                      .toObject();
    QCOMPARE(reference.value(QLatin1String("resourceType")).toString(),
             QStringLiteral("DocumentReference"));
    const QJsonArray content = reference.value(QLatin1String("content")).toArray();
    QCOMPARE(content.size(), 2);
    QCOMPARE(content.at(0)
                 .toObject()
                 .value(QLatin1String("attachment"))
                 .toObject()
                 .value(QLatin1String("contentType"))
                 .toString(),
             QStringLiteral("application/json"));

    const QJsonObject pharmacy =
        bodyOf("network-query.pharmacy").value(QLatin1String("payload")).toObject();
    QVERIFY(!pharmacy.value(QLatin1String("consolidatedDataUrl")).toString().isEmpty());
    const QJsonObject pharmacySource = pharmacy.value(QLatin1String("source")).toObject();
    QCOMPARE(pharmacySource.value(QLatin1String("type")).toString(), QStringLiteral("pharmacy"));
    QCOMPARE(pharmacySource.value(QLatin1String("source")).toString(),
             QStringLiteral("surescripts"));
    QCOMPARE(bodyOf("network-query.lab")
                 .value(QLatin1String("payload"))
                 .toObject()
                 .value(QLatin1String("source"))
                 .toObject()
                 .value(QLatin1String("source"))
                 .toString(),
             QStringLiteral("quest"));
    // Only pharmacy and lab name their network.
    QVERIFY(!bodyOf("network-query.hie")
                 .value(QLatin1String("payload"))
                 .toObject()
                 .value(QLatin1String("source"))
                 .toObject()
                 .contains(QLatin1String("source")));

    const QJsonObject admit = bodyOf("patient.admit");
    QVERIFY(!admit.value(QLatin1String("meta")).toObject().contains(QLatin1String("data")));
    QVERIFY(!admit.value(QLatin1String("payload"))
                 .toObject()
                 .value(QLatin1String("admitTimestamp"))
                 .toString()
                 .isEmpty());
    QVERIFY(bodyOf("patient.discharge")
                .value(QLatin1String("payload"))
                .toObject()
                .contains(QLatin1String("dischargeTimestamp")));
    QVERIFY(!admit.value(QLatin1String("payload"))
                 .toObject()
                 .contains(QLatin1String("dischargeTimestamp")));

    QVERIFY(!SampleWebhooks::metriport(QStringLiteral("medical.unknown"), 0, when));
    QVERIFY(!SampleWebhooks::metriport(QStringLiteral("claim_created"), 0, when));
}

void TestWebhookPoster::payorSamplesHaveTheDocumentedShapes()
{
    const QDateTime when = QDateTime::currentDateTimeUtc();
    QCOMPARE(SampleWebhooks::payorTypes(),
             (QStringList{QStringLiteral("claim_status_update"), QStringLiteral("claim_created")}));
    QSet<QString> newStatuses;
    for (int index = 0; index < 5; ++index) {
        const auto sample =
            SampleWebhooks::payor(QStringLiteral("claim_status_update"), index, when);
        QVERIFY(sample.has_value());
        QVERIFY(sample->id.startsWith("msg_"));
        QVERIFY(!sample->id.contains('.'));
        const QJsonObject body = jsonOf(sample->body);
        QCOMPARE(body.value(QLatin1String("type")).toString(),
                 QStringLiteral("claim_status_update"));
        const QJsonObject data = body.value(QLatin1String("data")).toObject();
        for (const char *field : {"claim_id", "previous_status", "new_status", "message"})
            QVERIFY2(!data.value(QLatin1String(field)).toString().isEmpty(), field);
        QVERIFY(data.value(QLatin1String("claim_id"))
                    .toString()
                    .startsWith(QLatin1String("CLM-DEMO-")));
        QVERIFY(data.value(QLatin1String("amount")).toDouble() > 0);
        QVERIFY(data.value(QLatin1String("previous_status")) !=
                data.value(QLatin1String("new_status")));
        const QJsonObject payment = data.value(QLatin1String("payment_details")).toObject();
        for (const char *field :
             {"approved_amount", "patient_responsibility", "expected_payment_date"})
            QVERIFY2(payment.contains(QLatin1String(field)), field);
        QVERIFY(payment.value(QLatin1String("approved_amount")).toDouble() <=
                data.value(QLatin1String("amount")).toDouble());
        newStatuses << data.value(QLatin1String("new_status")).toString();
    }
    // A batch walks through the statuses a biller sees.
    QVERIFY(newStatuses.contains(QStringLiteral("paid")));
    QVERIFY(newStatuses.contains(QStringLiteral("denied")));
    QVERIFY(newStatuses.size() >= 4);

    const auto created = SampleWebhooks::payor(QStringLiteral("claim_created"), 0, when);
    QVERIFY(created.has_value());
    const QJsonObject body = jsonOf(created->body);
    QCOMPARE(body.value(QLatin1String("type")).toString(), QStringLiteral("claim_created"));
    const QJsonObject data = body.value(QLatin1String("data")).toObject();
    QVERIFY(!data.value(QLatin1String("claim_id")).toString().isEmpty());
    QCOMPARE(data.value(QLatin1String("status")).toString(), QStringLiteral("submitted"));
    QVERIFY(!SampleWebhooks::payor(QStringLiteral("claim_deleted"), 0, when));
}

void TestWebhookPoster::samplesAreDistinct()
{
    const QDateTime when = QDateTime::currentDateTimeUtc();
    QSet<QByteArray> ids;
    QSet<QByteArray> bodies;
    QSet<QString> patients;
    for (int i = 0; i < 50; ++i) {
        const auto sample =
            SampleWebhooks::metriport(QStringLiteral("medical.document-download"), i, when);
        ids << sample->id;
        bodies << sample->body;
        patients << jsonOf(sample->body)
                        .value(QLatin1String("patients"))
                        .toArray()
                        .at(0)
                        .toObject()
                        .value(QLatin1String("patientId"))
                        .toString();
        ids << SampleWebhooks::payor(QStringLiteral("claim_created"), i, when)->id;
    }
    QCOMPARE(ids.size(), 100);
    QCOMPARE(bodies.size(), 50);
    QCOMPARE(patients.size(), 5); // the five sandbox personas, each with one stable id
}

void TestWebhookPoster::routeSendsBatches_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("type");
    QTest::addColumn<int>("count");
    QTest::newRow("payor status updates") << "payor"
                                          << "claim_status_update" << 7;
    QTest::newRow("payor claim created") << "payor"
                                         << "claim_created" << 1;
    QTest::newRow("metriport downloads") << "metriport"
                                         << "medical.document-download" << 5;
    QTest::newRow("metriport lab") << "metriport"
                                   << "network-query.lab" << 2;
}

void TestWebhookPoster::routeSendsBatches()
{
    QFETCH(QString, target);
    QFETCH(QString, type);
    QFETCH(int, count);
    Receiver hub;
    SandboxServer::Options options;
    options.hubUrl = hub.url();
    options.metriportWebhookKey = metriportKey;
    options.payorWebhookSecret = firstSecret;
    options.webhookRetry = quickRetries(3);
    SandboxServer server(options);
    QVERIFY(server.listen());
    QSignalSpy delivered(server.webhookPoster(), &WebhookPoster::delivered);

    QNetworkAccessManager network;
    const QJsonObject request{{QStringLiteral("target"), target},
                              {QStringLiteral("type"), type},
                              {QStringLiteral("count"), count}};
    const HttpAnswer answer =
        postJson(network, webhooksRoute(server), QJsonDocument(request).toJson());
    QCOMPARE(answer.status, 202);
    QSet<QByteArray> announced;
    for (const QJsonValue &id : answer.body.value(QLatin1String("ids")).toArray())
        announced << id.toString().toUtf8();
    QCOMPARE(announced.size(), count); // distinct

    QTRY_COMPARE_WITH_TIMEOUT(delivered.count(), count, 15000);
    QCOMPARE(hub.requests.size(), count);
    QSet<QByteArray> received;
    for (const ReceivedRequest &r : std::as_const(hub.requests)) {
        const QJsonObject body = jsonOf(r.body);
        if (target == QLatin1String("payor")) {
            QCOMPARE(r.path, QByteArray("/webhooks/payor"));
            QCOMPARE(verifyPayor(r, firstSecret), StandardWebhooks::Failure::None);
            QCOMPARE(body.value(QLatin1String("type")).toString(), type);
            received << r.header("webhook-id");
        } else {
            QCOMPARE(r.path, QByteArray("/webhooks/metriport"));
            QVERIFY(MetriportSignature::verify(metriportKey, r.body,
                                               r.header("x-metriport-signature")));
            const QJsonObject meta = body.value(QLatin1String("meta")).toObject();
            QCOMPARE(meta.value(QLatin1String("type")).toString(), type);
            received << meta.value(QLatin1String("messageId")).toString().toUtf8();
        }
    }
    QCOMPARE(received, announced);

    // A second batch is about other claims or patients, with new ids.
    const HttpAnswer again =
        postJson(network, webhooksRoute(server), QJsonDocument(request).toJson());
    QCOMPARE(again.status, 202);
    for (const QJsonValue &id : again.body.value(QLatin1String("ids")).toArray())
        QVERIFY(!announced.contains(id.toString().toUtf8()));
    QTRY_COMPARE_WITH_TIMEOUT(delivered.count(), 2 * count, 15000);
}

void TestWebhookPoster::routeRefusesBadInput_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("named"); // a word the error must contain
    QTest::newRow("not JSON") << QByteArray("target=payor") << "JSON object";
    QTest::newRow("JSON array") << QByteArray("[]") << "JSON object";
    QTest::newRow("no target") << QByteArray(R"({"type":"claim_created"})") << "target";
    QTest::newRow("unknown target") << QByteArray(R"({"target":"bank","type":"x"})") << "target";
    QTest::newRow("no type") << QByteArray(R"({"target":"payor"})") << "type";
    QTest::newRow("other target's type")
        << QByteArray(R"({"target":"payor","type":"medical.document-download"})")
        << "claim_status_update";
    QTest::newRow("unknown metriport type")
        << QByteArray(R"({"target":"metriport","type":"medical.x"})") << "type";
    QTest::newRow("count zero") << QByteArray(
                                       R"({"target":"payor","type":"claim_created","count":0})")
                                << "count";
    QTest::newRow("count too big")
        << QByteArray(R"({"target":"payor","type":"claim_created","count":1001})") << "count";
    QTest::newRow("count fractional")
        << QByteArray(R"({"target":"payor","type":"claim_created","count":2.5})") << "count";
    QTest::newRow("count as text")
        << QByteArray(R"({"target":"payor","type":"claim_created","count":"3"})") << "count";
    QTest::newRow("unknown field")
        << QByteArray(R"({"target":"payor","type":"claim_created","cuont":3})") << "cuont";
}

void TestWebhookPoster::routeRefusesBadInput()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, named);
    Receiver hub;
    SandboxServer::Options options;
    options.hubUrl = hub.url();
    options.metriportWebhookKey = metriportKey;
    options.payorWebhookSecret = firstSecret;
    SandboxServer server(options);
    QVERIFY(server.listen());
    QNetworkAccessManager network;
    const HttpAnswer answer = postJson(network, webhooksRoute(server), body);
    QCOMPARE(answer.status, 400);
    const QString error = answer.body.value(QLatin1String("error")).toString();
    QVERIFY2(error.contains(named), qPrintable(error));
    QTest::qWait(50);
    QCOMPARE(hub.requests.size(), 0);
    QCOMPARE(server.webhookPoster()->pendingCount(), 0);
}

void TestWebhookPoster::routeNeedsAHub()
{
    QNetworkAccessManager network;
    const QByteArray payor = R"({"target":"payor","type":"claim_created","count":2})";
    const QByteArray metriport = R"({"target":"metriport","type":"ping"})";
    {
        SandboxServer server(SandboxServer::Options{});
        QVERIFY(server.listen());
        for (const QByteArray &body : {payor, metriport}) {
            const HttpAnswer answer = postJson(network, webhooksRoute(server), body);
            QCOMPARE(answer.status, 409);
            QVERIFY(answer.body.value(QLatin1String("error"))
                        .toString()
                        .contains(QLatin1String("hub")));
        }
        // Bad input is still named as such without a hub.
        QCOMPARE(postJson(network, webhooksRoute(server), "{}").status, 400);
        // Only POST.
        QNetworkReply *reply = network.get(QNetworkRequest(webhooksRoute(server)));
        QSignalSpy done(reply, &QNetworkReply::finished);
        QVERIFY(done.wait(5000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 405);
        reply->deleteLater();
    }
    {
        // A hub but no key or secret: nothing can be signed.
        Receiver hub;
        SandboxServer::Options options;
        options.hubUrl = hub.url();
        SandboxServer server(options);
        QVERIFY(server.listen());
        const HttpAnswer forPayor = postJson(network, webhooksRoute(server), payor);
        QCOMPARE(forPayor.status, 409);
        QVERIFY(forPayor.body.value(QLatin1String("error"))
                    .toString()
                    .contains(QLatin1String("CLINICSANDBOX_PAYOR_WEBHOOK_SECRET")));
        const HttpAnswer forMetriport = postJson(network, webhooksRoute(server), metriport);
        QCOMPARE(forMetriport.status, 409);
        QVERIFY(forMetriport.body.value(QLatin1String("error"))
                    .toString()
                    .contains(QLatin1String("CLINICSANDBOX_METRIPORT_WEBHOOK_KEY")));
        QTest::qWait(50);
        QCOMPARE(hub.requests.size(), 0);
    }
}

QTEST_GUILESS_MAIN(TestWebhookPoster)
#include "tst_webhookposter.moc"

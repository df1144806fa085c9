// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// clinichub over TLS on loopback, with a self-signed certificate made for the test: HTTPS and
// WSS work for a client that trusts it, the HTTP limits hold under TLS, and what is not TLS 1.2
// or later, or does not trust the certificate, gets nothing. Also the start-up errors for TLS
// files that are missing or do not belong together.
#include "common/feedtestclient.h"
#include "common/testcertificate.h"
#include "services/common/webhooksignature.h"
#include "services/hub/hubconfig.h"
#include "services/hub/hubserver.h"
#include "services/hub/hubstore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSettings>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QByteArray metriportKey = "testWebhookKey";
const QString token1 = QStringLiteral("TOKEN-ONE");

struct Reply
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
};

Reply finish(QNetworkReply *reply)
{
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000))
        reply->abort();
    Reply result{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->error(),
                 reply->readAll()};
    reply->deleteLater();
    return result;
}

//! Reads from `socket` until a whole response head arrived or the connection ended.
QByteArray readAnswer(QAbstractSocket &socket, int timeoutMs = 5000)
{
    QByteArray answer;
    const bool ended = QTest::qWaitFor(
        [&] {
            answer += socket.readAll();
            return answer.contains("\r\n\r\n") || socket.state() != QAbstractSocket::ConnectedState;
        },
        timeoutMs);
    if (!ended)
        qWarning() << "no answer within" << timeoutMs << "ms";
    return answer + socket.readAll();
}
} // namespace

class TestHubTls : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void healthOverHttpsForAClientThatTrustsTheCertificate();
    void webhookOverHttpsReachesADeskOverWss();
    void clientThatDoesNotTrustTheCertificateGetsNothing();
    void plainHttpOnTheTlsPortIsNotServed();
    void oversizedBodyOverTlsGets413Unread();
    void stalledHandshakeAndStalledRequestAreCut();
    void tls11ClientIsRefused();
    void configNamesTheTlsFileAtFault_data();
    void configNamesTheTlsFileAtFault();

private:
    QUrl url(const QString &path, const QString &scheme = QStringLiteral("https")) const;
    QNetworkRequest request(const QString &path) const;
    QSslSocket *connectTls();

    QTemporaryDir m_certificates;
    TestCertificate m_rsa;   // the hub's
    TestCertificate m_ec;    // another identity, EC
    TestCertificate m_other; // another RSA identity: its key does not fit m_rsa
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<HubServer> m_hub;
    QNetworkAccessManager m_network;
};

void TestHubTls::initTestCase()
{
    QVERIFY(QSslSocket::supportsSsl());
    QVERIFY(m_certificates.isValid());
    QString error;
    QVERIFY2(TestCertificate::create(m_certificates.path(), QStringLiteral("hub"),
                                     TestCertificate::Key::Rsa, &m_rsa, &error),
             qPrintable(error));
    QVERIFY2(TestCertificate::create(m_certificates.path(), QStringLiteral("ec"),
                                     TestCertificate::Key::Ec, &m_ec, &error),
             qPrintable(error));
    QVERIFY2(TestCertificate::create(m_certificates.path(), QStringLiteral("other"),
                                     TestCertificate::Key::Rsa, &m_other, &error),
             qPrintable(error));
}

void TestHubTls::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    HubConfig config;
    config.port = 0;
    config.database = m_dir->filePath(QStringLiteral("hub.sqlite"));
    config.metriportWebhookKey = metriportKey;
    config.deviceTokens = {{QStringLiteral("desk-1"), token1.toUtf8()}};
    config.tlsCertificate = m_rsa.certificatePath;
    config.tlsKey = m_rsa.keyPath;
    m_hub = std::make_unique<HubServer>(config);
    QString error;
    QVERIFY2(m_hub->start(&error), qPrintable(error));
    m_network.clearConnectionCache();
}

void TestHubTls::cleanup()
{
    m_hub.reset();
    m_dir.reset();
}

QUrl TestHubTls::url(const QString &path, const QString &scheme) const
{
    QUrl url = m_hub->baseUrl();
    url.setScheme(scheme);
    url.setPath(path);
    return url;
}

QNetworkRequest TestHubTls::request(const QString &path) const
{
    QNetworkRequest request(url(path));
    request.setSslConfiguration(m_rsa.trustingClient());
    return request;
}

QSslSocket *TestHubTls::connectTls()
{
    auto *socket = new QSslSocket(this);
    socket->setSslConfiguration(m_rsa.trustingClient());
    socket->connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_hub->port());
    // Not waitForEncrypted(): the hub answers from this thread's event loop.
    if (!QTest::qWaitFor(
            [socket] {
                return socket->isEncrypted() ||
                       socket->state() == QAbstractSocket::UnconnectedState;
            },
            5000) ||
        !socket->isEncrypted()) {
        qWarning() << "no TLS:" << socket->errorString();
    }
    return socket;
}

void TestHubTls::healthOverHttpsForAClientThatTrustsTheCertificate()
{
    QCOMPARE(m_hub->baseUrl().scheme(), QStringLiteral("https"));
    const Reply health = finish(m_network.get(request(QStringLiteral("/health"))));
    QCOMPARE(health.error, QNetworkReply::NoError);
    QCOMPARE(health.status, 200);
    const QJsonObject body = QJsonDocument::fromJson(health.body).object();
    QCOMPARE(body.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    QCOMPARE(body.value(QStringLiteral("epoch")).toString(), m_hub->store()->epoch());
    QCOMPARE(m_hub->counters().tlsRefused, 0);
}

void TestHubTls::webhookOverHttpsReachesADeskOverWss()
{
    FeedTestClient desk(url(QStringLiteral("/feed"), QStringLiteral("wss")));
    desk.socket().setSslConfiguration(m_rsa.trustingClient());
    QVERIFY(desk.hello(QStringLiteral("desk-1"), token1, m_hub->store()->epoch(), 0));

    const QByteArray body =
        R"({"meta":{"messageId":"m-tls","type":"medical.consolidated-data","requestId":"r"}})";
    QNetworkRequest post = request(QStringLiteral("/webhooks/metriport"));
    post.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    post.setRawHeader("x-metriport-signature", MetriportSignature::sign(metriportKey, body));
    const Reply reply = finish(m_network.post(post, body));
    QCOMPARE(reply.status, 200);
    QCOMPARE(QJsonDocument::fromJson(reply.body).object().value(QStringLiteral("seq")).toInt(), 1);
    QCOMPARE(m_hub->store()->lastSeq(), 1);

    QVERIFY(desk.waitForEvents(1));
    QCOMPARE(desk.events.constFirst().seq, 1);
    QCOMPARE(desk.events.constFirst().eventType, QStringLiteral("medical.consolidated-data"));
    QCOMPARE(desk.events.constFirst().payload, QJsonDocument::fromJson(body).object());

    // The feed is not offered in the clear on the TLS port.
    FeedTestClient clear(url(QStringLiteral("/feed"), QStringLiteral("ws")));
    QVERIFY(!clear.open());
}

void TestHubTls::clientThatDoesNotTrustTheCertificateGetsNothing()
{
    const Reply untrusted = finish(m_network.get(QNetworkRequest(url(QStringLiteral("/health")))));
    QCOMPARE(untrusted.error, QNetworkReply::SslHandshakeFailedError);
    QCOMPARE(untrusted.status, 0);
    QVERIFY(untrusted.body.isEmpty());

    // Trusting another certificate is no better.
    QNetworkRequest wrongTrust(url(QStringLiteral("/health")));
    wrongTrust.setSslConfiguration(m_other.trustingClient());
    QCOMPARE(finish(m_network.get(wrongTrust)).error, QNetworkReply::SslHandshakeFailedError);

    FeedTestClient desk(url(QStringLiteral("/feed"), QStringLiteral("wss")));
    QVERIFY(!desk.hello(QStringLiteral("desk-1"), token1, QString(), 0));
    QVERIFY(desk.events.isEmpty());
}

void TestHubTls::plainHttpOnTheTlsPortIsNotServed()
{
    QTcpSocket plain;
    plain.connectToHost(QHostAddress::LocalHost, m_hub->port());
    QVERIFY(plain.waitForConnected(2000));
    plain.write("GET /health HTTP/1.1\r\nHost: hub\r\n\r\n");
    QVERIFY(
        QTest::qWaitFor([&] { return plain.state() == QAbstractSocket::UnconnectedState; }, 5000));
    const QByteArray answer = plain.readAll();
    QVERIFY2(!answer.contains("HTTP/1.") && !answer.contains("status"), answer.constData());
    QVERIFY(QTest::qWaitFor([&] { return m_hub->counters().tlsRefused == 1; }, 2000));
}

void TestHubTls::oversizedBodyOverTlsGets413Unread()
{
    std::unique_ptr<QSslSocket> client(connectTls());
    QVERIFY(client->isEncrypted());
    QCOMPARE(client->sessionProtocol() >= QSsl::TlsV1_2, true);
    client->write(
        "POST /webhooks/metriport HTTP/1.1\r\nHost: hub\r\nContent-Type: application/json\r\n"
        "x-metriport-signature: 00\r\nContent-Length: " +
        QByteArray::number(11 * 1024 * 1024) + "\r\n\r\n" + QByteArray(64 * 1024, 'x'));
    const QByteArray answer = readAnswer(*client);
    QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.left(80).constData());
    QCOMPARE(m_hub->store()->lastSeq(), 0);

    // A request within the limits on a fresh TLS connection is answered as usual.
    std::unique_ptr<QSslSocket> next(connectTls());
    next->write("GET /health HTTP/1.1\r\nHost: hub\r\n\r\n");
    QVERIFY(readAnswer(*next).startsWith("HTTP/1.1 200"));
}

void TestHubTls::stalledHandshakeAndStalledRequestAreCut()
{
    // One connects and never says hello; the other finishes the handshake, starts a request and
    // then sends a byte a second. Both are cut about 10 s after their connect.
    QTcpSocket silent;
    silent.connectToHost(QHostAddress::LocalHost, m_hub->port());
    QVERIFY(silent.waitForConnected(2000));
    QElapsedTimer clock;
    clock.start();
    std::unique_ptr<QSslSocket> slow(connectTls());
    QVERIFY(slow->isEncrypted());
    slow->write("POST /webhooks/metriport HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{");
    qint64 silentCutAt = -1;
    QByteArray answer;
    // Cut: told 408 (and asked to close), or closed.
    while (clock.elapsed() < 15000 && slow->state() == QAbstractSocket::ConnectedState &&
           !answer.contains("408")) {
        slow->write("a");
        QTest::qWait(500);
        answer += slow->readAll();
        if (silentCutAt < 0 && silent.state() != QAbstractSocket::ConnectedState)
            silentCutAt = clock.elapsed();
    }
    const qint64 slowCutAt = clock.elapsed();
    QVERIFY2(answer.startsWith("HTTP/1.1 408"), answer.constData());
    QVERIFY2(slowCutAt > 8000 && slowCutAt < 12500, qPrintable(QString::number(slowCutAt)));
    QVERIFY(
        QTest::qWaitFor([&] { return silent.state() != QAbstractSocket::ConnectedState; }, 3000));
    if (silentCutAt < 0)
        silentCutAt = clock.elapsed();
    QVERIFY2(silentCutAt > 8000 && silentCutAt < 12500, qPrintable(QString::number(silentCutAt)));
    QVERIFY(silent.readAll().isEmpty());
    QCOMPARE(m_hub->counters().tlsRefused, 1); // the handshake that never came
    QCOMPARE(m_hub->store()->lastSeq(), 0);
}

void TestHubTls::tls11ClientIsRefused()
{
    // openssl s_client can still speak TLS 1.1 when allowed to (security level 0). As a
    // control, the same client with TLS 1.2 gets through.
    const QString connect = QStringLiteral("127.0.0.1:%1").arg(m_hub->port());
    const QStringList common{QStringLiteral("s_client"),
                             QStringLiteral("-connect"),
                             connect,
                             QStringLiteral("-CAfile"),
                             m_rsa.certificatePath,
                             QStringLiteral("-cipher"),
                             QStringLiteral("DEFAULT:@SECLEVEL=0")};
    QString output;
    QVERIFY2(TestCertificate::run(common + QStringList{QStringLiteral("-tls1_2")}, &output),
             qPrintable(output));
    QVERIFY2(output.contains(QLatin1String("Verify return code: 0")), qPrintable(output));

    QVERIFY2(!TestCertificate::run(common + QStringList{QStringLiteral("-tls1_1")}, &output),
             qPrintable(output));
    // The server answered the hello with a protocol_version alert (70).
    QVERIFY2(output.contains(QLatin1String("alert protocol version")) ||
                 output.contains(QLatin1String("alert number 70")),
             qPrintable(output));
    QVERIFY(QTest::qWaitFor([&] { return m_hub->counters().tlsRefused == 1; }, 2000));
}

void TestHubTls::configNamesTheTlsFileAtFault_data()
{
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("named"); // the file the error must name; empty: no error
    QTest::addColumn<QString>("says");

    const QString missing = m_certificates.filePath(QStringLiteral("missing.pem"));
    const QString garbage = m_certificates.filePath(QStringLiteral("garbage.pem"));
    QFile file(garbage);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("-----BEGIN NOTHING-----\nAAAA\n-----END NOTHING-----\n");
    file.close();

    QTest::newRow("rsa pair") << m_rsa.certificatePath << m_rsa.keyPath << QString() << QString();
    QTest::newRow("ec pair") << m_ec.certificatePath << m_ec.keyPath << QString() << QString();
    QTest::newRow("no certificate file")
        << missing << m_rsa.keyPath << missing << QStringLiteral("cannot read the TLS certificate");
    QTest::newRow("no key file") << m_rsa.certificatePath << missing << missing
                                 << QStringLiteral("cannot read the TLS key");
    QTest::newRow("certificate not PEM")
        << garbage << m_rsa.keyPath << garbage << QStringLiteral("holds no PEM certificate");
    QTest::newRow("key not PEM") << m_rsa.certificatePath << garbage << garbage
                                 << QStringLiteral("holds no RSA or EC private key");
    QTest::newRow("key given as certificate") << m_rsa.keyPath << m_rsa.keyPath << m_rsa.keyPath
                                              << QStringLiteral("holds no PEM certificate");
    QTest::newRow("another rsa key") << m_rsa.certificatePath << m_other.keyPath << m_other.keyPath
                                     << QStringLiteral("does not belong to the certificate");
    QTest::newRow("another ec key") << m_ec.certificatePath << m_rsa.keyPath << m_rsa.keyPath
                                    << QStringLiteral("does not belong to the certificate");
    QTest::newRow("ec key for rsa") << m_rsa.certificatePath << m_ec.keyPath << m_ec.keyPath
                                    << QStringLiteral("does not belong to the certificate");
}

void TestHubTls::configNamesTheTlsFileAtFault()
{
    QFETCH(QString, certificate);
    QFETCH(QString, key);
    QFETCH(QString, named);
    QFETCH(QString, says);

    // Through the config file, as clinichub reads it.
    QTemporaryDir dir;
    const QString ini = dir.filePath(QStringLiteral("hub.ini"));
    {
        QSettings settings(ini, QSettings::IniFormat);
        settings.setValue(QStringLiteral("server/listen"), QStringLiteral("127.0.0.1:0"));
        settings.setValue(QStringLiteral("server/database"), QStringLiteral("hub.sqlite"));
        settings.setValue(QStringLiteral("server/tlsCertificate"), certificate);
        settings.setValue(QStringLiteral("server/tlsKey"), key);
        settings.setValue(QStringLiteral("metriport/webhookKey"), QString::fromUtf8(metriportKey));
        settings.setValue(QStringLiteral("devices/tokens"), QStringLiteral("desk-1:T"));
    }
    HubConfig config;
    QString error;
    const bool loaded = HubConfig::load(ini, QProcessEnvironment(), &config, &error);
    QCOMPARE(loaded, named.isEmpty());
    if (!named.isEmpty()) {
        QVERIFY2(error.contains(named) && error.contains(says), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("[server/tlsCertificate]")), qPrintable(error));
    } else {
        QVERIFY(config.tlsEnabled());
    }

    // And when the hub starts (the files may have changed since, or come from code).
    HubConfig direct;
    direct.port = 0;
    direct.database = dir.filePath(QStringLiteral("hub.sqlite"));
    direct.metriportWebhookKey = metriportKey;
    direct.deviceTokens = {{QStringLiteral("desk-1"), "T"}};
    direct.tlsCertificate = certificate;
    direct.tlsKey = key;
    HubServer hub(direct);
    QString startError;
    QCOMPARE(hub.start(&startError), named.isEmpty());
    if (!named.isEmpty()) {
        QVERIFY2(startError.contains(named) && startError.contains(says), qPrintable(startError));
        // Nothing was opened.
        QVERIFY(!QFile::exists(direct.database));
        return;
    }
    QCOMPARE(hub.baseUrl().scheme(), QStringLiteral("https"));
    QTcpSocket probe; // it listens
    probe.connectToHost(QHostAddress::LocalHost, hub.port());
    QVERIFY(probe.waitForConnected(2000));
}

QTEST_GUILESS_MAIN(TestHubTls)
#include "tst_hubtls.moc"

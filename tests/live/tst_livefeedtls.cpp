// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// A desk following a clinichub that serves TLS (wss://), with a self-signed certificate made for
// the test: trusted through LiveFeed::Options::trustedCertificates the desk applies what the hub
// sends; without it the desk never connects, and says why.
#include "common/testcertificate.h"
#include "common/trainingenvironment.h"
#include "services/common/webhooksignature.h"
#include "services/hub/hubhost.h"
#include "services/live/livefeed.h"
#include "services/store/liveeventrepository.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QByteArray token = "training-token";
} // namespace

class TestLiveFeedTls : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void deskThatTrustsTheHubAppliesItsEvents();
    void deskThatDoesNotTrustTheHubStaysOffline();

private:
    std::unique_ptr<LiveFeed> startDesk(TrainingEnvironment &env, LiveFeed::Options options);

    QTemporaryDir m_dir;
    TestCertificate m_certificate;
    std::unique_ptr<HubHost> m_hub;
};

void TestLiveFeedTls::initTestCase()
{
    QString error;
    QVERIFY2(TestCertificate::create(m_dir.path(), QStringLiteral("hub"), TestCertificate::Key::Ec,
                                     &m_certificate, &error),
             qPrintable(error));
    HubConfig config = HubHost::trainingConfig(m_dir.filePath(QStringLiteral("hub.sqlite")), token);
    config.tlsCertificate = m_certificate.certificatePath;
    config.tlsKey = m_certificate.keyPath;
    m_hub = std::make_unique<HubHost>(config);
    QVERIFY2(m_hub->start(&error), qPrintable(error));
    QCOMPARE(m_hub->feedUrl().scheme(), QStringLiteral("wss"));
}

std::unique_ptr<LiveFeed> TestLiveFeedTls::startDesk(TrainingEnvironment &env,
                                                     LiveFeed::Options options)
{
    options.url = m_hub->feedUrl();
    options.token = token;
    options.backoffBaseMs = 50;
    options.backoffCapMs = 200;
    auto feed = std::make_unique<LiveFeed>(&env.store(), options);
    feed->addHandler(QStringLiteral("medical.*"),
                     [](const QString &, const LiveEvent &) { return LiveApplyOutcome{}; });
    feed->start();
    return feed;
}

void TestLiveFeedTls::deskThatTrustsTheHubAppliesItsEvents()
{
    TrainingEnvironment env;
    QVERIFY(env.isReady());
    LiveFeed::Options options;
    options.device = QStringLiteral("desk-tls");
    options.trustedCertificates = {m_certificate.certificate};
    std::unique_ptr<LiveFeed> feed = startDesk(env, options);
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     return feed->state() == LiveFeed::State::Connected &&
                            !feed->cursor().epoch.isEmpty();
                 },
                 10000),
             qPrintable(feed->lastError()));

    // Three signed webhooks over HTTPS.
    QNetworkAccessManager network;
    QUrl url = m_hub->baseUrl();
    url.setPath(QStringLiteral("/webhooks/metriport"));
    const qint64 before = feed->cursor().lastAppliedSeq;
    for (int i = 0; i < 3; ++i) {
        const QByteArray body =
            QJsonDocument(
                QJsonObject{
                    {QStringLiteral("meta"),
                     QJsonObject{
                         {QStringLiteral("messageId"), QStringLiteral("tls-%1").arg(i)},
                         {QStringLiteral("type"), QStringLiteral("medical.document-conversion")}}}})
                .toJson(QJsonDocument::Compact);
        QNetworkRequest request(url);
        request.setSslConfiguration(m_certificate.trustingClient());
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        request.setRawHeader("x-metriport-signature",
                             MetriportSignature::sign(m_hub->config().metriportWebhookKey, body));
        QNetworkReply *reply = network.post(request, body);
        QVERIFY(QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        reply->deleteLater();
    }
    QVERIFY(QTest::qWaitFor([&] { return feed->cursor().lastAppliedSeq >= before + 3; }, 10000));
    const QList<LiveEventRecord> log =
        *env.read([](const QString &c) { return LiveEventRepository(c).recent(100); });
    QCOMPARE(log.size(), 3);
    for (const LiveEventRecord &record : log)
        QCOMPARE(record.event.eventType, QStringLiteral("medical.document-conversion"));
}

void TestLiveFeedTls::deskThatDoesNotTrustTheHubStaysOffline()
{
    TrainingEnvironment env;
    QVERIFY(env.isReady());
    LiveFeed::Options options;
    options.device = QStringLiteral("desk-untrusting");
    std::unique_ptr<LiveFeed> feed = startDesk(env, options); // the system's CAs only
    // It tries (and tries again), and never gets in.
    QVERIFY(QTest::qWaitFor([&] { return !feed->lastError().isEmpty(); }, 5000));
    QTest::qWait(500);
    QVERIFY(feed->state() != LiveFeed::State::Connected);
    QVERIFY(feed->cursor().epoch.isEmpty());
    QVERIFY2(feed->lastError().contains(QLatin1String("certificate"), Qt::CaseInsensitive),
             qPrintable(feed->lastError()));
}

QTEST_GUILESS_MAIN(TestLiveFeedTls)
#include "tst_livefeedtls.moc"

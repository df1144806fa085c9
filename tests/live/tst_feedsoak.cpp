// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Nothing lost, nothing applied twice, whatever dies: the clinichub process is SIGKILLed again
// and again while signed webhooks stream to three desks; then a desk process is SIGKILLed again
// and again while it applies. Sizes come from the environment so scripts/bench can run the full
// soak (CLINICDESK_SOAK_EVENTS, CLINICDESK_SOAK_KILLS); CI runs a size that still finds the bug.
#include "common/postgrescluster.h"
#include "common/testsupport.h"
#include "models/liveeventmodel.h"
#include "services/common/webhooksignature.h"
#include "services/hub/hubhost.h"
#include "services/live/livefeed.h"
#include "services/store/liveeventrepository.h"
#include "services/store/store.h"

#include <QAbstractItemModelTester>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QTcpServer>

#include <csignal>

namespace {
const QByteArray payorKey = QByteArray("soak-payor-key-0123456789abcdef");

int sizeFromEnvironment(const char *name, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok && value > 0 ? value : fallback;
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

//! One desk without windows: a database and a LiveFeed.
struct HeadlessDesk
{
    HeadlessDesk(const QString &path, const QUrl &url, const QString &device, const QByteArray &token)
        : store(Store::Options{path, 1, device})
    {
        const Database::OpenResult opened = TestSupport::await(store.open());
        ok = opened.ok;
        LiveFeed::Options options;
        options.url = url;
        options.token = token;
        options.device = device;
        options.backoffBaseMs = 50;
        options.backoffCapMs = 500;
        feed = std::make_unique<LiveFeed>(&store, options);
        feed->start();
    }
    ~HeadlessDesk()
    {
        feed.reset();
        store.drain();
    }
    QList<LiveEventRecord> log()
    {
        QList<LiveEventRecord> records = *TestSupport::await(store.read(
            [](const QString &c) { return LiveEventRepository(c).recent(100000000); }));
        std::reverse(records.begin(), records.end());
        return records;
    }

    bool ok = false;
    Store store;
    std::unique_ptr<LiveFeed> feed;
};

QString checkContiguous(const QList<LiveEventRecord> &log, qint64 n)
{
    if (log.size() != n) {
        QStringList missing;
        qint64 expected = 1;
        for (const LiveEventRecord &record : log) {
            for (; expected < record.event.seq && missing.size() < 10; ++expected)
                missing << QString::number(expected);
            expected = record.event.seq + 1;
        }
        return QStringLiteral("%1 events, expected %2 (missing %3)")
            .arg(log.size())
            .arg(n)
            .arg(missing.join(QLatin1Char(',')));
    }
    for (qsizetype i = 0; i < log.size(); ++i) {
        if (log.at(i).event.seq != i + 1)
            return QStringLiteral("position %1 holds seq %2").arg(i).arg(log.at(i).event.seq);
    }
    return {};
}

//! The child mode: run one desk until killed, printing the cursor as it moves.
int runChildDesk(const QStringList &args)
{
    HeadlessDesk desk(args.at(0), QUrl(args.at(1)), args.at(2), args.at(3).toUtf8());
    if (!desk.ok)
        return 3;
    QObject::connect(desk.feed.get(), &LiveFeed::resetReceived, desk.feed.get(),
                     [](const QString &, qint64 seq) {
                         QTextStream(stdout) << "reset " << seq << Qt::endl;
                     });
    QObject::connect(desk.feed.get(), &LiveFeed::eventRecorded, desk.feed.get(),
                     [&desk](const LiveEventRecord &) {
                         QTextStream(stdout) << "applied " << desk.feed->cursor().lastAppliedSeq
                                             << Qt::endl;
                     });
    return QCoreApplication::exec();
}
} // namespace

class TestFeedSoak : public QObject
{
    Q_OBJECT
private slots:
    void hubKilledRepeatedlyDuringStream();
    void deskKilledRepeatedlyWhileApplying();
    void twoHubsOnPostgresOneKilledRepeatedly();

private:
    //! A hub configuration file in `dir` for `port` and `database`.
    static QString writeConfig(const QTemporaryDir &dir, const QString &name, quint16 port,
                               const QString &database);
    bool startHub(QProcess &hub, const QString &config);
    //! Posts payor webhook `id` until the hub answers 200 (it is committed then).
    bool postUntilStored(QNetworkAccessManager &network, const QUrl &url, int n);
    //! The same through a load balancer: `urls` in turn until one stores it.
    bool postUntilStored(QNetworkAccessManager &network, const QList<QUrl> &urls, int n);
};

QString TestFeedSoak::writeConfig(const QTemporaryDir &dir, const QString &name, quint16 port,
                                  const QString &database)
{
    const QString path = dir.filePath(name);
    QFile ini(path);
    if (!ini.open(QIODevice::WriteOnly))
        return {};
    // Quoted: a PostgreSQL spec holds '?' and '&'.
    ini.write(QStringLiteral("[server]\nlisten=127.0.0.1:%1\ndatabase=\"%2\"\n"
                             "[payor]\nsecrets=whsec_%3\n"
                             "[devices]\ntokens=desk-1:T1,desk-2:T2,desk-3:T3\n")
                  .arg(port)
                  .arg(database, QString::fromLatin1(payorKey.toBase64()))
                  .toUtf8());
    return path;
}

bool TestFeedSoak::startHub(QProcess &hub, const QString &config)
{
    hub.setProgram(QStringLiteral(CLINICHUB_BINARY));
    hub.setArguments({QStringLiteral("--config"), config});
    hub.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    hub.start();
    return hub.waitForStarted(5000)
           && QTest::qWaitFor([&] { return hub.canReadLine() || hub.state() != QProcess::Running; }, 10000)
           && hub.readLine().startsWith("clinichub listening on");
}

bool TestFeedSoak::postUntilStored(QNetworkAccessManager &network, const QUrl &url, int n)
{
    return postUntilStored(network, QList<QUrl>{url}, n);
}

bool TestFeedSoak::postUntilStored(QNetworkAccessManager &network, const QList<QUrl> &urls, int n)
{
    const QByteArray id = "soak-" + QByteArray::number(n);
    const QByteArray body = R"({"type":"claim_status_update","data":{"claim_id":"C)" + QByteArray::number(n)
                            + R"(","previous_status":"submitted","new_status":"paid"}})";
    for (int attempt = 0; attempt < 400; ++attempt) {
        const qint64 timestamp = QDateTime::currentSecsSinceEpoch();
        QNetworkRequest request(urls.at(attempt % urls.size()));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setRawHeader("webhook-id", id);
        request.setRawHeader("webhook-timestamp", QByteArray::number(timestamp));
        request.setRawHeader("webhook-signature", StandardWebhooks::sign(payorKey, id, timestamp, body));
        request.setTransferTimeout(3000);
        QNetworkReply *reply = network.post(request, body);
        if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 5000))
            reply->abort();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        reply->deleteLater();
        if (status == 200)
            return true;
        QTest::qWait(30); // the hub is restarting: the sender keeps the event and tries again
    }
    return false;
}

void TestFeedSoak::hubKilledRepeatedlyDuringStream()
{
    const int events = sizeFromEnvironment("CLINICDESK_SOAK_EVENTS", 1500);
    const int kills = sizeFromEnvironment("CLINICDESK_SOAK_KILLS", 20);
    QTemporaryDir dir;
    const quint16 port = freePort();
    const QString config =
        writeConfig(dir, QStringLiteral("hub.ini"), port, dir.filePath(QStringLiteral("hub.sqlite")));
    QVERIFY(!config.isEmpty());
    QProcess hub;
    QVERIFY(startHub(hub, config));
    QUrl feed(QStringLiteral("ws://127.0.0.1:%1/feed").arg(port));
    QUrl webhook(QStringLiteral("http://127.0.0.1:%1/webhooks/payor").arg(port));

    std::vector<std::unique_ptr<HeadlessDesk>> desks;
    std::vector<std::unique_ptr<LiveEventModel>> models;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;
    for (int i = 1; i <= 3; ++i) {
        desks.push_back(std::make_unique<HeadlessDesk>(
            dir.filePath(QStringLiteral("desk%1.sqlite").arg(i)), feed,
            QStringLiteral("desk-%1").arg(i), QByteArray("T") + QByteArray::number(i)));
        QVERIFY(desks.back()->ok);
        models.push_back(std::make_unique<LiveEventModel>(desks.back()->feed.get()));
        testers.push_back(std::make_unique<QAbstractItemModelTester>(models.back().get()));
    }
    // A new desk starts from the hub's position at its first handshake: stream after that.
    for (auto &desk : desks)
        QVERIFY(QTest::qWaitFor([&] { return !desk->feed->cursor().epoch.isEmpty(); }, 10000));

    QNetworkAccessManager network;
    QRandomGenerator random(20261201);
    const int every = std::max(1, events / (kills + 1));
    int killed = 0;
    for (int n = 1; n <= events; ++n) {
        QVERIFY2(postUntilStored(network, webhook, n), qPrintable(QStringLiteral("event %1").arg(n)));
        if (n % every == 0 && killed < kills) {
            // SIGKILL at a random moment of the stream: some posts are in flight, some desks
            // are mid-replay.
            QTest::qWait(int(random.bounded(30)));
            ::kill(pid_t(hub.processId()), SIGKILL);
            hub.waitForFinished(5000);
            ++killed;
            QVERIFY(startHub(hub, config));
        }
    }
    QCOMPARE(killed, kills);
    for (auto &desk : desks) {
        QVERIFY2(QTest::qWaitFor([&] { return desk->feed->cursor().lastAppliedSeq >= events; }, 60000),
                 qPrintable(QStringLiteral("%1 stopped at %2").arg(desk->feed->device())
                                .arg(desk->feed->cursor().lastAppliedSeq)));
    }
    QTest::qWait(300);
    for (size_t i = 0; i < desks.size(); ++i) {
        const QString problem = checkContiguous(desks[i]->log(), events);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        // The models hold the newest events, each once, in order.
        LiveEventModel &model = *models[i];
        QCOMPARE(model.rowCount(), std::min(events, int(LiveEventModel::MaxRows)));
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.recordAt(row).event.seq, events - row);
        QCOMPARE(model.counts().received, events);
    }
    hub.kill();
    hub.waitForFinished();
}


void TestFeedSoak::deskKilledRepeatedlyWhileApplying()
{
    const int events = sizeFromEnvironment("CLINICDESK_SOAK_EVENTS", 1500) / 2;
    const int kills = sizeFromEnvironment("CLINICDESK_SOAK_KILLS", 20);
    QTemporaryDir dir;
    HubConfig config = HubHost::trainingConfig(dir.filePath(QStringLiteral("hub.sqlite")), "TK");
    config.payorKeys = {payorKey};
    HubHost hub(config);
    QString error;
    QVERIFY2(hub.start(&error), qPrintable(error));
    QUrl webhook = hub.baseUrl();
    webhook.setPath(QStringLiteral("/webhooks/payor"));
    const QString deskDb = dir.filePath(QStringLiteral("desk.sqlite"));

    QProcess desk;
    desk.setProgram(QCoreApplication::applicationFilePath());
    desk.setArguments({QStringLiteral("--desk"), deskDb, hub.feedUrl().toString(),
                       QStringLiteral("desk-k"), QStringLiteral("TK")});
    desk.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    auto startDesk = [&] {
        desk.start();
        return desk.waitForStarted(5000);
    };
    QVERIFY(startDesk());
    // Its first handshake (a new desk starts from the hub's position) before the stream.
    QByteArray first;
    QVERIFY(QTest::qWaitFor([&] {
        first += desk.readAllStandardOutput();
        return first.contains("reset 0");
    }, 10000));

    QNetworkAccessManager network;
    QRandomGenerator random(7);
    const int every = std::max(1, events / (kills + 1));
    int killed = 0;
    for (int n = 1; n <= events; ++n) {
        QVERIFY(postUntilStored(network, webhook, n));
        if (n % every == 0 && killed < kills) {
            // Let it receive a little, then kill it wherever it is: receiving, applying,
            // committing.
            QTest::qWait(int(random.bounded(5, 60)));
            desk.readAllStandardOutput();
            ::kill(pid_t(desk.processId()), SIGKILL);
            desk.waitForFinished(5000);
            ++killed;
            QVERIFY(startDesk());
        }
    }
    QCOMPARE(killed, kills);
    // Let the last desk process catch up, then stop it and read its database.
    QByteArray seen;
    QVERIFY2(QTest::qWaitFor([&] {
        seen += desk.readAllStandardOutput();
        return seen.contains("applied " + QByteArray::number(events) + '\n');
    }, 60000), seen.right(200).constData());
    desk.terminate();
    desk.waitForFinished(5000);

    Store store(Store::Options{deskDb, 1, QStringLiteral("check")});
    QVERIFY(TestSupport::await(store.open()).ok);
    QList<LiveEventRecord> log = *TestSupport::await(store.read(
        [](const QString &c) { return LiveEventRepository(c).recent(100000000); }));
    std::reverse(log.begin(), log.end());
    const QString problem = checkContiguous(log, events);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const LiveCursor cursor = *TestSupport::await(
        store.read([](const QString &c) { return LiveEventRepository(c).cursor(); }));
    QCOMPARE(cursor.lastAppliedSeq, events);
    store.drain();
}

void TestFeedSoak::twoHubsOnPostgresOneKilledRepeatedly()
{
    const int events = sizeFromEnvironment("CLINICDESK_SOAK_EVENTS", 1500) / 2;
    const int kills = std::max(1, sizeFromEnvironment("CLINICDESK_SOAK_KILLS", 20) / 2);
    PostgresCluster postgres;
    QString error;
    QVERIFY2(postgres.start(&error), qPrintable(error));
    QTemporaryDir dir;
    const quint16 portA = freePort();
    const quint16 portB = freePort();
    const QString configA = writeConfig(dir, QStringLiteral("a.ini"), portA, postgres.spec());
    const QString configB = writeConfig(dir, QStringLiteral("b.ini"), portB, postgres.spec());
    QProcess hubA;
    QProcess hubB;
    QVERIFY(startHub(hubA, configA));
    QVERIFY(startHub(hubB, configB));
    auto url = [](quint16 port, const char *path) {
        return QUrl(QStringLiteral("%1://127.0.0.1:%2%3")
                        .arg(QLatin1String(qstrcmp(path, "/feed") == 0 ? "ws" : "http"))
                        .arg(port)
                        .arg(QLatin1String(path)));
    };
    // Two desks follow the hub that gets killed, one the other hub.
    std::vector<std::unique_ptr<HeadlessDesk>> desks;
    const quint16 ports[] = {portA, portA, portB};
    for (int i = 1; i <= 3; ++i) {
        desks.push_back(std::make_unique<HeadlessDesk>(
            dir.filePath(QStringLiteral("desk%1.sqlite").arg(i)), url(ports[i - 1], "/feed"),
            QStringLiteral("desk-%1").arg(i), QByteArray("T") + QByteArray::number(i)));
        QVERIFY(desks.back()->ok);
    }
    for (auto &desk : desks)
        QVERIFY(QTest::qWaitFor([&] { return !desk->feed->cursor().epoch.isEmpty(); }, 10000));

    // The load balancer sends to A, B, A, B…; a request to a dead A goes to B next.
    const QList<QUrl> balancer{url(portA, "/webhooks/payor"), url(portB, "/webhooks/payor")};
    QNetworkAccessManager network;
    QRandomGenerator random(15);
    const int every = std::max(1, events / (kills + 1));
    int killed = 0;
    for (int n = 1; n <= events; ++n) {
        const QList<QUrl> order = n % 2 ? balancer : QList<QUrl>{balancer.at(1), balancer.at(0)};
        QVERIFY(postUntilStored(network, order, n));
        if (n % every == 0 && killed < kills) {
            QTest::qWait(int(random.bounded(20)));
            ::kill(pid_t(hubA.processId()), SIGKILL);
            hubA.waitForFinished(5000);
            ++killed;
            QVERIFY(startHub(hubA, configA));
        }
    }
    QCOMPARE(killed, kills);
    for (auto &desk : desks) {
        QVERIFY2(QTest::qWaitFor([&] { return desk->feed->cursor().lastAppliedSeq >= events; }, 60000),
                 qPrintable(QStringLiteral("%1 stopped at %2").arg(desk->feed->device())
                                .arg(desk->feed->cursor().lastAppliedSeq)));
    }
    QTest::qWait(300);
    for (auto &desk : desks) {
        const QString problem = checkContiguous(desk->log(), events);
        QVERIFY2(problem.isEmpty(), qPrintable(desk->feed->device() + QLatin1String(": ") + problem));
    }
    hubA.kill();
    hubB.kill();
    hubA.waitForFinished();
    hubB.waitForFinished();
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 6 && args.at(1) == QLatin1String("--desk"))
        return runChildDesk(args.mid(2));
    TestFeedSoak test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_feedsoak.moc"

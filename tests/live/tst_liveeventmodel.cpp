// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The event log's model keeps its totals by counting each new event instead of reading the whole
// log again, and must still agree with the database; desks that lose the hub together spread
// even their first reconnect. A real in-process hub, real desks on temporary SQLite files.
#include "common/testsupport.h"
#include "models/liveeventmodel.h"
#include "services/common/webhooksignature.h"
#include "services/hub/hubhost.h"
#include "services/live/livefeed.h"
#include "services/store/liveeventrepository.h"
#include "services/store/store.h"

#include <QAbstractItemModelTester>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QTcpServer>
#include <QTest>

namespace {
const QByteArray payorKey = "model-test-payor-key-0123456789";
const QByteArray token = "TK";

struct Desk
{
    Desk(const QString &path, const QUrl &url, const QString &device)
        : store(Store::Options{path, 1, device})
    {
        ok = TestSupport::await(store.open()).ok;
        LiveFeed::Options options;
        options.url = url;
        options.token = token;
        options.device = device;
        options.backoffBaseMs = 50;
        options.backoffCapMs = 400;
        options.retryFailedEveryMs = 3600000; // retried by hand here
        feed = std::make_unique<LiveFeed>(&store, options);
    }
    ~Desk()
    {
        feed.reset();
        store.drain();
    }
    bool ok = false;
    Store store;
    std::unique_ptr<LiveFeed> feed;
};

QNetworkReply *postPayor(QNetworkAccessManager &network, const QUrl &url, int n, const QString &type)
{
    const QByteArray id = "model-" + QByteArray::number(n);
    const QByteArray body = R"({"type":")" + type.toUtf8() + R"(","data":{"claim_id":"C)"
                            + QByteArray::number(n) + R"("}})";
    const qint64 timestamp = QDateTime::currentSecsSinceEpoch();
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("webhook-id", id);
    request.setRawHeader("webhook-timestamp", QByteArray::number(timestamp));
    request.setRawHeader("webhook-signature", StandardWebhooks::sign(payorKey, id, timestamp, body));
    return network.post(request, body);
}

QString describe(const LiveEventCounts &c)
{
    QStringList types;
    for (const auto &[type, n] : c.perType)
        types << QStringLiteral("%1=%2").arg(type).arg(n);
    return QStringLiteral("received %1 applied %2 failed %3 ignored %4 [%5]")
        .arg(c.received)
        .arg(c.applied)
        .arg(c.failed)
        .arg(c.ignored)
        .arg(types.join(QLatin1Char(' ')));
}
} // namespace

class TestLiveEventModel : public QObject
{
    Q_OBJECT
private slots:
    void totalsFollowEventsAndRetries();
    void desksThatLoseTheHubTogetherSpreadTheirFirstReconnect();
};

void TestLiveEventModel::totalsFollowEventsAndRetries()
{
    QTemporaryDir dir;
    HubConfig config = HubHost::trainingConfig(dir.filePath(QStringLiteral("hub.sqlite")), token);
    config.payorKeys = {payorKey};
    HubHost hub(config);
    QString error;
    QVERIFY2(hub.start(&error), qPrintable(error));
    Desk desk(dir.filePath(QStringLiteral("desk.sqlite")), hub.feedUrl(), QStringLiteral("desk-m"));
    QVERIFY(desk.ok);
    bool failing = true;
    desk.feed->addHandler(QStringLiteral("claim_status_update"),
                          [](const QString &, const LiveEvent &) { return LiveApplyOutcome::applied(); });
    desk.feed->addHandler(QStringLiteral("claim_created"), [&failing](const QString &, const LiveEvent &) {
        return failing ? LiveApplyOutcome::failed(QStringLiteral("not yet"))
                       : LiveApplyOutcome::applied();
    });
    LiveEventModel model(desk.feed.get());
    QAbstractItemModelTester tester(&model);
    desk.feed->start();
    QVERIFY(QTest::qWaitFor([&] { return !desk.feed->cursor().epoch.isEmpty(); }, 10000));

    // All at once, so events are recorded while the model's counts read is in flight.
    const int events = 300;
    QUrl url = hub.baseUrl();
    url.setPath(QStringLiteral("/webhooks/payor"));
    QNetworkAccessManager network;
    QList<QNetworkReply *> replies;
    int created = 0;
    int other = 0;
    for (int n = 1; n <= events; ++n) {
        QString type = QStringLiteral("claim_status_update");
        if (n % 7 == 0) {
            type = QStringLiteral("claim_created");
            ++created;
        } else if (n % 11 == 0) {
            type = QStringLiteral("claim_note_added"); // nobody handles it: ignored
            ++other;
        }
        replies << postPayor(network, url, n, type);
    }
    QVERIFY(QTest::qWaitFor([&] {
        return std::all_of(replies.begin(), replies.end(), [](QNetworkReply *r) { return r->isFinished(); });
    }, 30000));
    for (QNetworkReply *reply : replies)
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    qDeleteAll(replies);
    QVERIFY(QTest::qWaitFor([&] { return desk.feed->cursor().lastAppliedSeq >= events; }, 30000));

    QTRY_COMPARE_WITH_TIMEOUT(model.counts().received, qint64(events), 10000);
    LiveEventCounts stored = *TestSupport::await(desk.feed->counts());
    QCOMPARE(stored.received, qint64(events));
    QCOMPARE(stored.failed, qint64(created));
    QCOMPARE(stored.ignored, qint64(other));
    QCOMPARE(describe(model.counts()), describe(stored));

    // A retried event moves from failed to applied without being received twice.
    failing = false;
    QVERIFY(model.rowCount() > 0);
    qint64 failedId = 0;
    for (int row = 0; row < model.rowCount() && !failedId; ++row) {
        if (model.recordAt(row).status == LiveEventStatus::Failed)
            failedId = model.recordAt(row).id;
    }
    QVERIFY(failedId > 0);
    const StoreResult<LiveEventRecord> retried = TestSupport::await(desk.feed->retry(failedId));
    QVERIFY(retried);
    QCOMPARE(retried->status, LiveEventStatus::Applied);
    QTRY_COMPARE_WITH_TIMEOUT(model.counts().failed, qint64(created - 1), 10000);
    QCOMPARE(model.counts().received, qint64(events));
    stored = *TestSupport::await(desk.feed->counts());
    QCOMPARE(describe(model.counts()), describe(stored));
    hub.stop();
}

void TestLiveEventModel::desksThatLoseTheHubTogetherSpreadTheirFirstReconnect()
{
    QTemporaryDir dir;
    HubConfig config = HubHost::trainingConfig(dir.filePath(QStringLiteral("hub.sqlite")), token);
    {
        // A fixed port: the desks must find the hub again where it was.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        config.port = probe.serverPort();
    }
    HubHost hub(config);
    QString error;
    QVERIFY2(hub.start(&error), qPrintable(error));
    std::vector<std::unique_ptr<Desk>> desks;
    QList<qint64> firstDelays;
    for (int i = 0; i < 8; ++i) {
        desks.push_back(std::make_unique<Desk>(dir.filePath(QStringLiteral("d%1.sqlite").arg(i)),
                                               hub.feedUrl(), QStringLiteral("desk-%1").arg(i)));
        QVERIFY(desks.back()->ok);
        LiveFeed *feed = desks.back()->feed.get();
        auto seen = std::make_shared<bool>(false);
        connect(feed, &LiveFeed::stateChanged, feed, [feed, seen, &firstDelays](LiveFeed::State state) {
            if (state == LiveFeed::State::WaitingToReconnect && !*seen) {
                *seen = true;
                firstDelays << QDateTime::currentDateTimeUtc().msecsTo(feed->nextAttemptAt());
            }
        });
        feed->start();
    }
    for (auto &desk : desks) {
        QVERIFY(QTest::qWaitFor([&] {
            return desk->feed->state() == LiveFeed::State::Connected
                   && !desk->feed->cursor().epoch.isEmpty();
        }, 10000));
    }
    hub.stop(); // closes every desk's connection at once
    QTRY_COMPARE_WITH_TIMEOUT(firstDelays.size(), qsizetype(desks.size()), 10000);
    // Within four base delays (50 ms here), and not all at once: with every delay drawn from
    // 0..200 ms, eight of them all under 20 ms would be a one-in-ten-million chance.
    for (qint64 delay : firstDelays)
        QVERIFY2(delay >= -5 && delay <= 4 * 50 + 5, qPrintable(QString::number(delay)));
    QVERIFY2(*std::max_element(firstDelays.begin(), firstDelays.end()) > 20,
             qPrintable(QStringLiteral("first delays all under 20 ms")));
    // They come back once the hub does.
    QVERIFY2(hub.start(&error), qPrintable(error));
    for (auto &desk : desks)
        QVERIFY(QTest::qWaitFor([&] { return desk->feed->state() == LiveFeed::State::Connected; }, 20000));
}

QTEST_GUILESS_MAIN(TestLiveEventModel)
#include "tst_liveeventmodel.moc"

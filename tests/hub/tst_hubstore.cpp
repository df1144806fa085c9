// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/hub/hubstore.h"

#include "common/postgrescluster.h"
#include "services/store/postgreseventlog.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <memory>

// Every test runs against both backends: a SQLite file in a temporary folder and a database on
// a throw-away PostgreSQL server started once for the whole run. The main thread only queues
// work and waits for callbacks; the HubStore's worker runs the SQL.
//
// The kill test runs this same program again as a child (HUBSTORE_CHILD_SPEC set) that appends
// without pause and prints each delivery id whose callback said "committed"; the test kills it
// with SIGKILL at random moments and checks the log afterwards.

namespace {
const char childSpecVariable[] = "HUBSTORE_CHILD_SPEC";
const char childPrefixVariable[] = "HUBSTORE_CHILD_PREFIX";

const QString sqlite = QStringLiteral("sqlite");
const QString postgres = QStringLiteral("postgres");

HubDelivery delivery(const QString &id, const QString &businessKey = {},
                     const QString &kind = EventKind::payor)
{
    HubDelivery d;
    d.kind = kind;
    d.deliveryId = id;
    d.businessKey = businessKey;
    d.eventType = QStringLiteral("claim_status_update");
    d.payload =
        QJsonDocument(QJsonObject{{QStringLiteral("id"), id}}).toJson(QJsonDocument::Compact);
    d.receivedAt = QDateTime::currentDateTimeUtc();
    return d;
}

QString idOf(const HubEvent &event)
{
    return QJsonDocument::fromJson(event.payload).object().value(QStringLiteral("id")).toString();
}

//! Appends all at once (one burst, as concurrent webhooks would) and waits for every callback.
QList<AppendResult> appendAll(HubStore &store, const QList<HubDelivery> &deliveries,
                              int timeoutMs = 30000)
{
    QList<AppendResult> results(deliveries.size());
    int pending = int(deliveries.size());
    for (qsizetype i = 0; i < deliveries.size(); ++i) {
        store.append(deliveries.at(i), [&results, &pending, i](const AppendResult &result) {
            results[i] = result;
            --pending;
        });
    }
    (void)QTest::qWaitFor([&] { return pending == 0; }, timeoutMs);
    if (pending != 0)
        return {};
    return results;
}

AppendResult appendOne(HubStore &store, const HubDelivery &d)
{
    const QList<AppendResult> results = appendAll(store, {d});
    return results.value(0);
}

//! Every stored event after `afterSeq`, read in pages of `page`.
QList<HubEvent> readAll(HubStore &store, qint64 afterSeq = 0, int page = 500,
                        QString *error = nullptr)
{
    QList<HubEvent> all;
    for (;;) {
        bool done = false;
        QList<HubEvent> chunk;
        QString failure;
        store.readAfter(afterSeq, page, [&](const QList<HubEvent> &events, const QString &e) {
            chunk = events;
            failure = e;
            done = true;
        });
        (void)QTest::qWaitFor([&] { return done; }, 20000);
        if (!done || !failure.isEmpty()) {
            if (error)
                *error = done ? failure : QStringLiteral("readAfter timed out");
            return all;
        }
        all += chunk;
        if (chunk.size() < page)
            return all;
        afterSeq = chunk.constLast().seq;
    }
}

int pruneAndWait(HubStore &store, const QDateTime &before)
{
    int removed = -1;
    bool done = false;
    store.prune(before, [&](int n) {
        removed = n;
        done = true;
    });
    (void)QTest::qWaitFor([&] { return done; }, 20000);
    return removed;
}

//! Seqs of `events`, for comparing with an expected run.
QList<qint64> seqsOf(const QList<HubEvent> &events)
{
    QList<qint64> seqs;
    for (const HubEvent &event : events)
        seqs.append(event.seq);
    return seqs;
}

QList<qint64> range(qint64 first, qint64 last)
{
    QList<qint64> seqs;
    for (qint64 seq = first; seq <= last; ++seq)
        seqs.append(seq);
    return seqs;
}

int modeOf(const QString &path)
{
    struct stat info;
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return int(info.st_mode & 0777);
}

//! Runs this program as a writer child on `spec`, SIGKILLs it at a random moment once it is
//! appending, and collects the delivery ids it reported committed.
bool runChildUntilKilled(const QString &spec, const QString &prefix, QSet<QString> *acked,
                         int *ackedCount, QString *error)
{
    QProcess child;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QLatin1String(childSpecVariable), spec);
    environment.insert(QLatin1String(childPrefixVariable), prefix);
    child.setProcessEnvironment(environment);
    child.start(QCoreApplication::applicationFilePath(), {});
    if (!child.waitForStarted(10000)) {
        *error = child.errorString();
        return false;
    }
    QByteArray out;
    (void)QTest::qWaitFor(
        [&] {
            out += child.readAllStandardOutput();
            return out.contains("ready\n") || child.state() == QProcess::NotRunning;
        },
        20000);
    if (!out.contains("ready\n")) {
        *error = QString::fromLocal8Bit(child.readAllStandardError());
        child.kill();
        child.waitForFinished();
        return false;
    }
    // A random moment, mostly in the middle of a transaction.
    QTest::qWait(20 + int(QRandomGenerator::global()->bounded(180)));
    child.kill();
    if (!child.waitForFinished(10000) || child.exitStatus() != QProcess::CrashExit) {
        *error = QStringLiteral("the child did not die of SIGKILL");
        return false;
    }
    out += child.readAllStandardOutput();
    const QList<QByteArray> lines = out.split('\n');
    // The last piece may be a line cut off by the kill: only whole lines count.
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        if (lines.at(i).startsWith("ack ")) {
            acked->insert(QString::fromLatin1(lines.at(i).split(' ').value(1)));
            ++*ackedCount;
        }
    }
    return true;
}

//! Checks that `events` are seq 1..N with no delivery twice and every id of `acked` present;
//! empty when so, else what is wrong.
QString checkLog(const QList<HubEvent> &events, const QSet<QString> &acked)
{
    QSet<QString> stored;
    for (qsizetype i = 0; i < events.size(); ++i) {
        if (events.at(i).seq != i + 1)
            return QStringLiteral("seq %1 at position %2: a gap").arg(events.at(i).seq).arg(i + 1);
        stored.insert(idOf(events.at(i)));
    }
    if (stored.size() != events.size())
        return QStringLiteral("a delivery was stored twice");
    for (const QString &id : acked) {
        if (!stored.contains(id))
            return QStringLiteral("%1 was acknowledged but is missing").arg(id);
    }
    return {};
}

//! The child of the kill test: appends forever with many deliveries in flight, printing
//! "ack <id>" once each is committed. Only SIGKILL ends it.
int runChild(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    HubStore store(qEnvironmentVariable(childSpecVariable));
    QString error;
    if (!store.open(&error)) {
        std::fprintf(stderr, "cannot open: %s\n", qPrintable(error));
        return 2;
    }
    std::printf("ready\n");
    std::fflush(stdout);
    const QString prefix = qEnvironmentVariable(childPrefixVariable);
    int next = 0;
    std::function<void()> sendOne = [&] {
        const QString id = QStringLiteral("%1-%2").arg(prefix).arg(next++);
        store.append(delivery(id), [&, id](const AppendResult &result) {
            if (result.ok && !result.duplicate) {
                std::printf("ack %s %lld\n", qPrintable(id), result.seq);
                std::fflush(stdout);
            }
            sendOne();
        });
    };
    for (int i = 0; i < 64; ++i)
        sendOne();
    return app.exec();
}
} // namespace

class TestHubStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void appendsGetContiguousSeqs_data() { backends(); }
    void appendsGetContiguousSeqs();
    void duplicatesStoreNothing_data() { backends(); }
    void duplicatesStoreNothing();
    void tenIdenticalDeliveriesAtOnceStoreOne_data() { backends(); }
    void tenIdenticalDeliveriesAtOnceStoreOne();
    void largeBatchesDedupeAcrossTheirChunks_data() { backends(); }
    void largeBatchesDedupeAcrossTheirChunks();
    void invalidDeliveryIsRefusedAlone_data() { backends(); }
    void invalidDeliveryIsRefusedAlone();
    void readAfterPages_data() { backends(); }
    void readAfterPages();
    void epochAndEventsSurviveReopen_data() { backends(); }
    void epochAndEventsSurviveReopen();
    void pruneMovesFirstRetained_data() { backends(); }
    void pruneMovesFirstRetained();
    void groupCommitBatches_data() { backends(); }
    void groupCommitBatches();
    void acksAndAuditAreRecorded_data() { backends(); }
    void acksAndAuditAreRecorded();
    void killedWriterLosesNothingAcknowledged_data();
    void killedWriterLosesNothingAcknowledged();

    void sqliteFileIsOwnerOnly();
    void sqliteRefusesAFileThatIsNotAHubLog();
    void postgresSpecIsParsed_data();
    void postgresSpecIsParsed();
    void postgresUnreachableIsAClearError();
    void twoHubsOnOnePostgresShareOneLog();
    void postgresHubKilledWhileAnotherAppends();
    void postgresLostServerReportsStorageFailureAndRecovers();

private:
    void backends();
    //! A new, empty database for `backend`.
    QString freshSpec(const QString &backend);
    std::unique_ptr<HubStore> openStore(const QString &spec, QString *error);

    QTemporaryDir m_dir;
    PostgresCluster m_postgres;
    int m_databases = 0;
};

void TestHubStore::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error;
    // No skip: scripts/test installs PostgreSQL, and a missing server is a failure to see.
    QVERIFY2(m_postgres.start(&error), qPrintable(error));
}

void TestHubStore::cleanupTestCase()
{
    m_postgres.stop();
}

void TestHubStore::backends()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite") << sqlite;
    QTest::newRow("postgres") << postgres;
}

QString TestHubStore::freshSpec(const QString &backend)
{
    const QString name = QStringLiteral("hub%1").arg(++m_databases);
    if (backend == sqlite)
        return m_dir.filePath(name + QStringLiteral(".sqlite"));
    QString error;
    if (!m_postgres.createDatabase(name, &error)) {
        qWarning("createdb: %s", qPrintable(error));
        return {};
    }
    return m_postgres.spec(name);
}

std::unique_ptr<HubStore> TestHubStore::openStore(const QString &spec, QString *error)
{
    auto store = std::make_unique<HubStore>(spec);
    if (!store->open(error))
        return nullptr;
    return store;
}

void TestHubStore::appendsGetContiguousSeqs()
{
    QFETCH(QString, backend);
    QString error;
    auto store = openStore(freshSpec(backend), &error);
    QVERIFY2(store, qPrintable(error));
    QCOMPARE(store->isPostgres(), backend == postgres);
    QCOMPARE(store->lastSeq(), 0);
    QCOMPARE(store->firstRetainedSeq(), 1);

    QList<qint64> announced;
    connect(store.get(), &HubStore::eventsAppended, this,
            [&](const QList<HubEvent> &events) { announced += seqsOf(events); });
    QList<HubDelivery> deliveries;
    for (int i = 0; i < 50; ++i) {
        deliveries.append(delivery(QStringLiteral("d%1").arg(i)));
        deliveries.last().receivedAt = QDateTime(QDate(2026, 3, 1), QTime(9, 0, 0, i), Qt::UTC);
        deliveries.last().eventType =
            i % 2 ? QStringLiteral("claim_created") : QStringLiteral("claim_status_update");
    }
    const QList<AppendResult> results = appendAll(*store, deliveries);
    QCOMPARE(results.size(), 50);
    for (int i = 0; i < 50; ++i) {
        QVERIFY2(results.at(i).ok, qPrintable(results.at(i).error));
        QVERIFY(!results.at(i).duplicate);
        // Issued in this order, committed in this order.
        QCOMPARE(results.at(i).seq, i + 1);
    }
    QCOMPARE(store->lastSeq(), 50);
    QCOMPARE(announced, range(1, 50));

    const QList<HubEvent> events = readAll(*store, 0, 500, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(seqsOf(events), range(1, 50));
    for (int i = 0; i < 50; ++i) {
        QCOMPARE(events.at(i).kind, EventKind::payor);
        QCOMPARE(events.at(i).eventType, deliveries.at(i).eventType);
        QCOMPARE(events.at(i).payload, deliveries.at(i).payload);
        QCOMPARE(events.at(i).receivedAt, deliveries.at(i).receivedAt);
        QCOMPARE(events.at(i).receivedAt.timeSpec(), Qt::UTC);
    }

    // A later transaction goes on from 51.
    const AppendResult next = appendOne(*store, delivery(QStringLiteral("later")));
    QVERIFY(next.ok);
    QCOMPARE(next.seq, 51);
}

void TestHubStore::duplicatesStoreNothing()
{
    QFETCH(QString, backend);
    QString error;
    auto store = openStore(freshSpec(backend), &error);
    QVERIFY2(store, qPrintable(error));
    int announced = 0;
    connect(store.get(), &HubStore::eventsAppended, this,
            [&](const QList<HubEvent> &events) { announced += int(events.size()); });

    const QString document = QStringLiteral("medical.document-download|req-1|pat-1|doc-9");
    AppendResult first =
        appendOne(*store, delivery(QStringLiteral("msg-1"), document, EventKind::metriport));
    QVERIFY(first.ok);
    QVERIFY(!first.duplicate);
    QCOMPARE(first.seq, 1);

    // The same delivery id again: the earlier event, nothing new.
    AppendResult again =
        appendOne(*store, delivery(QStringLiteral("msg-1"), QString(), EventKind::metriport));
    QVERIFY(again.ok);
    QVERIFY(again.duplicate);
    QCOMPARE(again.seq, 1);

    // Metriport's resend: a new message id, the same document.
    AppendResult resend =
        appendOne(*store, delivery(QStringLiteral("msg-2"), document, EventKind::metriport));
    QVERIFY(resend.ok);
    QVERIFY(resend.duplicate);
    QCOMPARE(resend.seq, 1);

    // Keys and ids belong to their kind: the same strings from the payor are another event.
    AppendResult otherKind =
        appendOne(*store, delivery(QStringLiteral("msg-1"), document, EventKind::payor));
    QVERIFY(otherKind.ok);
    QVERIFY(!otherKind.duplicate);
    QCOMPARE(otherKind.seq, 2);

    // Empty business keys never collide with each other.
    AppendResult noKeyA = appendOne(*store, delivery(QStringLiteral("msg-3")));
    AppendResult noKeyB = appendOne(*store, delivery(QStringLiteral("msg-4")));
    QCOMPARE(noKeyA.seq, 3);
    QCOMPARE(noKeyB.seq, 4);
    QVERIFY(!noKeyB.duplicate);

    // Duplicates inside one batch, by id and by key; the duplicate consumes no seq.
    const QList<AppendResult> batch =
        appendAll(*store, {delivery(QStringLiteral("msg-5"), QStringLiteral("claim-7|paid")),
                           delivery(QStringLiteral("msg-5")),
                           delivery(QStringLiteral("msg-6"), QStringLiteral("claim-7|paid")),
                           delivery(QStringLiteral("msg-7"))});
    QCOMPARE(batch.size(), 4);
    QCOMPARE(batch.at(0).seq, 5);
    QVERIFY(!batch.at(0).duplicate);
    QCOMPARE(batch.at(1).seq, 5);
    QVERIFY(batch.at(1).duplicate);
    QCOMPARE(batch.at(2).seq, 5);
    QVERIFY(batch.at(2).duplicate);
    QCOMPARE(batch.at(3).seq, 6);
    QVERIFY(!batch.at(3).duplicate);

    QCOMPARE(store->lastSeq(), 6);
    QCOMPARE(announced, 6);
    const QList<HubEvent> events = readAll(*store);
    QCOMPARE(seqsOf(events), range(1, 6));
    QCOMPARE(idOf(events.at(0)), QStringLiteral("msg-1"));
    QCOMPARE(events.at(0).kind, EventKind::metriport);
    QCOMPARE(events.at(1).kind, EventKind::payor);
    QCOMPARE(idOf(events.at(4)), QStringLiteral("msg-5"));
    QCOMPARE(idOf(events.at(5)), QStringLiteral("msg-7"));
}

void TestHubStore::tenIdenticalDeliveriesAtOnceStoreOne()
{
    QFETCH(QString, backend);
    QString error;
    auto store = openStore(freshSpec(backend), &error);
    QVERIFY2(store, qPrintable(error));
    QList<HubEvent> announced;
    connect(store.get(), &HubStore::eventsAppended, this,
            [&](const QList<HubEvent> &events) { announced += events; });

    const QList<HubDelivery> same(10, delivery(QStringLiteral("wh_1"), QStringLiteral("c1|paid")));
    const QList<AppendResult> results = appendAll(*store, same);
    QCOMPARE(results.size(), 10);
    int fresh = 0;
    for (const AppendResult &result : results) {
        QVERIFY(result.ok);
        QCOMPARE(result.seq, 1);
        fresh += result.duplicate ? 0 : 1;
    }
    QCOMPARE(fresh, 1);
    QCOMPARE(announced.size(), 1);
    QCOMPARE(readAll(*store).size(), 1);
}

void TestHubStore::largeBatchesDedupeAcrossTheirChunks()
{
    // The log looks duplicates up and inserts many rows per statement; a batch of hundreds
    // crosses several of those chunks. The answers must be exactly those of taking the
    // deliveries one at a time, which the test works out itself.
    QFETCH(QString, backend);
    QString error;
    auto store = openStore(freshSpec(backend), &error);
    QVERIFY2(store, qPrintable(error));

    QHash<QString, qint64> knownIds;  // kind|id → seq
    QHash<QString, qint64> knownKeys; // kind|business key → seq
    qint64 last = 0;
    QStringList storedOrder;          // delivery ids of the events, in seq order
    auto expect = [&](const HubDelivery &d) {
        AppendResult result;
        if (d.deliveryId.isEmpty())
            return result;
        const QString id = d.kind + QLatin1Char('|') + d.deliveryId;
        const QString key =
            d.businessKey.isEmpty() ? QString() : d.kind + QLatin1Char('|') + d.businessKey;
        qint64 earlier = knownIds.value(id);
        if (earlier == 0 && !key.isEmpty())
            earlier = knownKeys.value(key);
        result.ok = true;
        if (earlier > 0) {
            result.duplicate = true;
            result.seq = earlier;
            return result;
        }
        result.seq = ++last;
        knownIds.insert(id, result.seq);
        if (!key.isEmpty())
            knownKeys.insert(key, result.seq);
        storedOrder.append(d.deliveryId);
        return result;
    };
    auto check = [&](const QList<HubDelivery> &deliveries) {
        QList<AppendResult> wanted;
        for (const HubDelivery &d : deliveries)
            wanted.append(expect(d));
        const QList<AppendResult> results = appendAll(*store, deliveries);
        QCOMPARE(results.size(), wanted.size());
        for (int i = 0; i < results.size(); ++i) {
            const QString where = QStringLiteral("delivery %1 (%2)").arg(i).arg(
                deliveries.at(i).deliveryId);
            QVERIFY2(results.at(i).ok == wanted.at(i).ok, qPrintable(where));
            QVERIFY2(results.at(i).duplicate == wanted.at(i).duplicate, qPrintable(where));
            QVERIFY2(results.at(i).seq == wanted.at(i).seq,
                     qPrintable(where + QStringLiteral(": seq %1, not %2")
                                            .arg(results.at(i).seq)
                                            .arg(wanted.at(i).seq)));
        }
    };

    // Stored first: 150 deliveries, every third with a business key.
    QList<HubDelivery> first;
    for (int i = 0; i < 150; ++i) {
        first.append(delivery(QStringLiteral("old-%1").arg(i),
                              i % 3 ? QString() : QStringLiteral("key-%1").arg(i)));
    }
    check(first);
    if (QTest::currentTestFailed())
        return;

    QRandomGenerator random(20261201);
    QList<HubDelivery> second;
    for (int i = 0; i < 333; ++i) {
        switch (random.bounded(8)) {
        case 0: // a stored id again
            second.append(delivery(QStringLiteral("old-%1").arg(random.bounded(150))));
            break;
        case 1: // a resend of a stored event under a new id
            second.append(delivery(QStringLiteral("resend-%1").arg(i),
                                   QStringLiteral("key-%1").arg(3 * random.bounded(50))));
            break;
        case 2: // an id or key first seen earlier in this batch, maybe chunks before
            if (!second.isEmpty()) {
                const HubDelivery &earlier = second.at(random.bounded(int(second.size())));
                second.append(random.bounded(2)
                                  ? delivery(earlier.deliveryId)
                                  : delivery(QStringLiteral("again-%1").arg(i),
                                             earlier.businessKey));
            }
            break;
        case 3: // the same strings from another kind: another event
            second.append(delivery(QStringLiteral("old-%1").arg(random.bounded(150)),
                                   QStringLiteral("key-%1").arg(i), EventKind::metriport));
            break;
        case 4: // refused, takes no number
            second.append(delivery(QString()));
            break;
        default:
            second.append(delivery(QStringLiteral("new-%1").arg(i),
                                   random.bounded(2) ? QStringLiteral("new-key-%1").arg(i)
                                                     : QString()));
        }
    }
    check(second);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(last > 150);
    QVERIFY(last < 150 + 333);

    QCOMPARE(store->lastSeq(), last);
    const QList<HubEvent> events = readAll(*store, 0, 5000, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(seqsOf(events), range(1, last));
    QStringList ids;
    for (const HubEvent &event : events)
        ids.append(idOf(event));
    QCOMPARE(ids, storedOrder);
}

void TestHubStore::invalidDeliveryIsRefusedAlone()
{
    QFETCH(QString, backend);
    QString error;
    auto store = openStore(freshSpec(backend), &error);
    QVERIFY2(store, qPrintable(error));
    HubDelivery noId = delivery(QString());
    const QList<AppendResult> results =
        appendAll(*store, {delivery(QStringLiteral("a")), noId, delivery(QStringLiteral("b"))});
    QCOMPARE(results.size(), 3);
    QVERIFY(results.at(0).ok);
    QVERIFY(!results.at(1).ok);
    QVERIFY(!results.at(1).error.isEmpty());
    QVERIFY(results.at(2).ok);
    // The refused one took no number.
    QCOMPARE(results.at(0).seq, 1);
    QCOMPARE(results.at(2).seq, 2);
}

void TestHubStore::readAfterPages()
{
    QFETCH(QString, backend);
    QString error;
    auto store = openStore(freshSpec(backend), &error);
    QVERIFY2(store, qPrintable(error));
    QList<HubDelivery> deliveries;
    for (int i = 1; i <= 25; ++i)
        deliveries.append(delivery(QStringLiteral("p%1").arg(i)));
    QCOMPARE(appendAll(*store, deliveries).size(), 25);

    auto page = [&](qint64 after, int limit) {
        QList<HubEvent> result;
        bool done = false;
        store->readAfter(after, limit, [&](const QList<HubEvent> &events, const QString &e) {
            result = events;
            error = e;
            done = true;
        });
        (void)QTest::qWaitFor([&] { return done; }, 10000);
        return seqsOf(result);
    };
    QCOMPARE(page(0, 10), range(1, 10));
    QCOMPARE(page(10, 10), range(11, 20));
    QCOMPARE(page(20, 10), range(21, 25));
    QCOMPARE(page(25, 10), QList<qint64>());
    QCOMPARE(page(-5, 3), range(1, 3));
    QCOMPARE(page(7, 1), QList<qint64>{8});
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QList<HubEvent> all = readAll(*store, 0, 4);
    QCOMPARE(seqsOf(all), range(1, 25));
    QCOMPARE(idOf(all.at(11)), QStringLiteral("p12"));
}

void TestHubStore::epochAndEventsSurviveReopen()
{
    QFETCH(QString, backend);
    const QString spec = freshSpec(backend);
    QString error;
    QString epoch;
    {
        auto store = openStore(spec, &error);
        QVERIFY2(store, qPrintable(error));
        epoch = store->epoch();
        QCOMPARE(epoch.size(), 32);
        QVERIFY(QByteArray::fromHex(epoch.toLatin1()).toHex() == epoch.toLatin1());
        QCOMPARE(appendAll(*store, {delivery(QStringLiteral("a")), delivery(QStringLiteral("b")),
                                    delivery(QStringLiteral("c"))})
                     .size(),
                 3);
    }
    {
        auto store = openStore(spec, &error);
        QVERIFY2(store, qPrintable(error));
        QCOMPARE(store->epoch(), epoch);
        QCOMPARE(store->lastSeq(), 3);
        QCOMPARE(store->firstRetainedSeq(), 1);
        const QList<HubEvent> events = readAll(*store);
        QCOMPARE(seqsOf(events), range(1, 3));
        QCOMPARE(idOf(events.at(2)), QStringLiteral("c"));
        // Dedupe survives too.
        const AppendResult again = appendOne(*store, delivery(QStringLiteral("b")));
        QVERIFY(again.duplicate);
        QCOMPARE(again.seq, 2);
        QCOMPARE(appendOne(*store, delivery(QStringLiteral("d"))).seq, 4);
    }
    auto other = openStore(freshSpec(backend), &error);
    QVERIFY2(other, qPrintable(error));
    QCOMPARE(other->epoch().size(), 32);
    QVERIFY(other->epoch() != epoch);
}

void TestHubStore::pruneMovesFirstRetained()
{
    QFETCH(QString, backend);
    const QString spec = freshSpec(backend);
    QString error;
    auto store = openStore(spec, &error);
    QVERIFY2(store, qPrintable(error));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<HubDelivery> deliveries;
    for (int i = 1; i <= 5; ++i) {
        deliveries.append(delivery(QStringLiteral("e%1").arg(i)));
        deliveries.last().receivedAt = now.addDays(i <= 3 ? -40 : -1);
    }
    QCOMPARE(appendAll(*store, deliveries).size(), 5);

    QCOMPARE(pruneAndWait(*store, now.addDays(-30)), 3);
    QCOMPARE(store->firstRetainedSeq(), 4);
    QCOMPARE(store->lastSeq(), 5);
    QCOMPARE(seqsOf(readAll(*store)), range(4, 5));
    // Nothing more is old enough.
    QCOMPARE(pruneAndWait(*store, now.addDays(-30)), 0);
    QCOMPARE(store->firstRetainedSeq(), 4);

    // Everything gone: the log is empty after seq 5, and numbering does not start over.
    QCOMPARE(pruneAndWait(*store, now.addDays(1)), 2);
    QCOMPARE(store->firstRetainedSeq(), 6);
    QCOMPARE(readAll(*store).size(), 0);
    const AppendResult next = appendOne(*store, delivery(QStringLiteral("e6")));
    QVERIFY(next.ok);
    QCOMPARE(next.seq, 6);
    QCOMPARE(store->firstRetainedSeq(), 6);
    store.reset();

    auto reopened = openStore(spec, &error);
    QVERIFY2(reopened, qPrintable(error));
    QCOMPARE(reopened->firstRetainedSeq(), 6);
    QCOMPARE(reopened->lastSeq(), 6);
}

void TestHubStore::groupCommitBatches()
{
    QFETCH(QString, backend);
    QString error;
    auto store = openStore(freshSpec(backend), &error);
    QVERIFY2(store, qPrintable(error));
    QList<HubDelivery> deliveries;
    for (int i = 0; i < 1000; ++i)
        deliveries.append(delivery(QStringLiteral("g%1").arg(i)));
    const qint64 before = store->commitCount();
    QElapsedTimer clock;
    clock.start();
    const QList<AppendResult> results = appendAll(*store, deliveries);
    const qint64 elapsed = clock.elapsed();
    QCOMPARE(results.size(), 1000);
    QList<qint64> seqs;
    for (const AppendResult &result : results)
        seqs.append(result.seq);
    QCOMPARE(seqs, range(1, 1000));
    const qint64 transactions = store->commitCount() - before;
    // One transaction per append would be 1000; queued together they share a few.
    QVERIFY2(transactions >= 1 && transactions <= 20,
             qPrintable(QStringLiteral("%1 transactions").arg(transactions)));
    qInfo("1000 appends in %lld ms, %lld transactions", elapsed, transactions);
}

void TestHubStore::acksAndAuditAreRecorded()
{
    QFETCH(QString, backend);
    QString error;
    auto store = openStore(freshSpec(backend), &error);
    QVERIFY2(store, qPrintable(error));
    store->recordAck(QStringLiteral("desk-1"), 5);
    store->recordAck(QStringLiteral("desk-1"), 3); // an older ack never moves the cursor back
    store->recordAck(QStringLiteral("desk-2"), 7);
    store->recordAudit(QStringLiteral("signature-rejected"), QStringLiteral("127.0.0.1"),
                       QStringLiteral("payor"));
    store->recordAudit(QStringLiteral("token-rejected"), QStringLiteral("127.0.0.2"),
                       QStringLiteral("desk-9"));
    store->drain();

    QHash<QString, qint64> acks;
    QList<HubAuditEntry> audit;
    int answers = 0;
    store->readAcks([&](const QHash<QString, qint64> &a, const QString &e) {
        acks = a;
        error += e;
        ++answers;
    });
    store->readAudit(10, [&](const QList<HubAuditEntry> &entries, const QString &e) {
        audit = entries;
        error += e;
        ++answers;
    });
    QTRY_COMPARE(answers, 2);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(acks.size(), 2);
    QCOMPARE(acks.value(QStringLiteral("desk-1")), 5);
    QCOMPARE(acks.value(QStringLiteral("desk-2")), 7);
    QCOMPARE(audit.size(), 2);
    QCOMPARE(audit.at(0).what, QStringLiteral("token-rejected")); // newest first
    QCOMPARE(audit.at(1).what, QStringLiteral("signature-rejected"));
    QCOMPARE(audit.at(1).peer, QStringLiteral("127.0.0.1"));
    QCOMPARE(audit.at(1).detail, QStringLiteral("payor"));
    QVERIFY(qAbs(audit.at(1).at.secsTo(QDateTime::currentDateTimeUtc())) < 60);

    // Without drain(), acks still reach the database within about a second.
    store->recordAck(QStringLiteral("desk-1"), 9);
    QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                 bool done = false;
                                 store->readAcks(
                                     [&](const QHash<QString, qint64> &a, const QString &) {
                                         acks = a;
                                         done = true;
                                     });
                                 (void)QTest::qWaitFor([&] { return done; }, 5000);
                                 return acks.value(QStringLiteral("desk-1")) == 9;
                             }()),
                             5000);
}

void TestHubStore::killedWriterLosesNothingAcknowledged_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<int>("kills");
    QTest::newRow("sqlite") << sqlite << 30;
    QTest::newRow("postgres") << postgres << 12;
}

void TestHubStore::killedWriterLosesNothingAcknowledged()
{
    QFETCH(QString, backend);
    QFETCH(int, kills);
    const QString spec = freshSpec(backend);
    QVERIFY(!spec.isEmpty());
    QSet<QString> acked;
    qint64 storedBefore = 0;
    int ackedTotal = 0;
    for (int run = 0; run < kills; ++run) {
        QString failure;
        QVERIFY2(runChildUntilKilled(spec, QStringLiteral("r%1").arg(run), &acked, &ackedTotal,
                                     &failure),
                 qPrintable(failure));
        QString error;
        auto store = openStore(spec, &error);
        QVERIFY2(store, qPrintable(error));
        const QList<HubEvent> events = readAll(*store, 0, 5000, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(store->lastSeq(), qint64(events.size()));
        QVERIFY(events.size() >= storedBefore);
        const QString problem = checkLog(events, acked);
        QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("run %1: %2").arg(run).arg(problem)));
        storedBefore = events.size();
    }
    QCOMPARE(acked.size(), ackedTotal);
    // The kills came while work was going on: many commits, and some were cut off.
    QVERIFY2(ackedTotal > kills * 10, qPrintable(QString::number(ackedTotal)));
    qInfo("%d kills, %lld events stored, %d acknowledged", kills, storedBefore, ackedTotal);
}

void TestHubStore::sqliteFileIsOwnerOnly()
{
    const QString path = freshSpec(sqlite);
    QString error;
    auto store = openStore(path, &error);
    QVERIFY2(store, qPrintable(error));
    QVERIFY(appendOne(*store, delivery(QStringLiteral("x"))).ok);
    QCOMPARE(modeOf(path), 0600);
    QCOMPARE(modeOf(path + QStringLiteral("-wal")), 0600);
}

void TestHubStore::sqliteRefusesAFileThatIsNotAHubLog()
{
    const QString path = m_dir.filePath(QStringLiteral("garbage.sqlite"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(8192, 'x'));
    }
    QString error;
    auto store = openStore(path, &error);
    QVERIFY(!store);
    QVERIFY2(error.contains(QStringLiteral("garbage.sqlite")), qPrintable(error));

    // A directory that does not exist.
    auto missing = openStore(m_dir.filePath(QStringLiteral("no/such/dir/hub.sqlite")), &error);
    QVERIFY(!missing);
    QVERIFY2(error.contains(QStringLiteral("hub.sqlite")), qPrintable(error));

    // Appends before a successful open are refused, not lost silently.
    HubStore unopened(path);
    const AppendResult result = appendOne(unopened, delivery(QStringLiteral("y")));
    QVERIFY(!result.ok);
    QVERIFY(!result.error.isEmpty());
}

void TestHubStore::postgresSpecIsParsed_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("database");
    QTest::addColumn<bool>("valid");
    QTest::newRow("socket") << "postgresql://hub@/events?host=/run/postgresql&port=5433"
                            << "/run/postgresql" << 5433 << "hub"
                            << ""
                            << "events" << true;
    QTest::newRow("tcp") << "postgresql://hub:s%40cret@db.example:6543/events"
                         << "db.example" << 6543 << "hub"
                         << "s@cret"
                         << "events" << true;
    QTest::newRow("no port") << "postgres://hub@db/events"
                             << "db" << -1 << "hub"
                             << ""
                             << "events" << true;
    QTest::newRow("no database") << "postgresql://hub@db:5432/"
                                 << "" << -1 << ""
                                 << ""
                                 << "" << false;
    QTest::newRow("bad port") << "postgresql://hub@/events?host=/tmp&port=abc"
                              << "/tmp" << -1 << "hub"
                              << ""
                              << "events" << false;
}

void TestHubStore::postgresSpecIsParsed()
{
    QFETCH(QString, spec);
    QFETCH(bool, valid);
    const PostgresAddress address = PostgresAddress::parse(spec);
    QCOMPARE(address.error.isEmpty(), valid);
    if (!valid)
        return;
    QTEST(address.host, "host");
    QTEST(address.port, "port");
    QTEST(address.user, "user");
    QTEST(address.password, "password");
    QTEST(address.database, "database");
    QVERIFY(!address.describe().contains(address.password.isEmpty() ? QStringLiteral("\x01")
                                                                    : address.password));
}

void TestHubStore::postgresUnreachableIsAClearError()
{
    QString error;
    auto store = openStore(
        QStringLiteral("postgresql://nobody@/nowhere?host=%1&port=1").arg(m_dir.path()), &error);
    QVERIFY(!store);
    QVERIFY2(error.contains(QStringLiteral("postgresql://nobody@")), qPrintable(error));
}

void TestHubStore::twoHubsOnOnePostgresShareOneLog()
{
    const QString spec = freshSpec(postgres);
    QString error;
    auto a = openStore(spec, &error);
    QVERIFY2(a, qPrintable(error));
    auto b = openStore(spec, &error);
    QVERIFY2(b, qPrintable(error));
    QCOMPARE(a->epoch(), b->epoch());

    QList<qint64> seenByA;
    QList<qint64> seenByB;
    connect(a.get(), &HubStore::eventsAppended, this,
            [&](const QList<HubEvent> &events) { seenByA += seqsOf(events); });
    connect(b.get(), &HubStore::eventsAppended, this,
            [&](const QList<HubEvent> &events) { seenByB += seqsOf(events); });

    // Both hubs append at the same time, in bursts, and some webhooks reach both of them
    // (a load balancer retrying): those must be stored once.
    QList<AppendResult> results;
    int pending = 0;
    int shared = 0;
    for (int round = 0; round < 10; ++round) {
        for (int i = 0; i < 40; ++i) {
            const QString id = QStringLiteral("r%1-%2").arg(round).arg(i);
            HubStore *target = (i % 2) ? a.get() : b.get();
            const bool both = i % 10 == 0;
            shared += both ? 1 : 0;
            for (HubStore *store :
                 both ? QList<HubStore *>{a.get(), b.get()} : QList<HubStore *>{target}) {
                ++pending;
                store->append(delivery(id), [&](const AppendResult &result) {
                    results.append(result);
                    --pending;
                });
            }
        }
        QTest::qWait(5);
    }
    (void)QTest::qWaitFor([&] { return pending == 0; }, 30000);
    QCOMPARE(pending, 0);
    const qint64 n = 10 * 40;
    QCOMPARE(results.size(), n + shared);
    QSet<qint64> fresh;
    int duplicates = 0;
    for (const AppendResult &result : std::as_const(results)) {
        QVERIFY2(result.ok, qPrintable(result.error));
        if (result.duplicate) {
            ++duplicates;
        } else {
            QVERIFY(!fresh.contains(result.seq));
            fresh.insert(result.seq);
        }
    }
    QCOMPARE(duplicates, shared);
    QCOMPARE(fresh.size(), n);
    QCOMPARE(*std::min_element(fresh.cbegin(), fresh.cend()), 1);
    QCOMPARE(*std::max_element(fresh.cbegin(), fresh.cend()), n);

    // Each hub hears of the other's events (LISTEN/NOTIFY) and announces all of them, in order.
    QTRY_COMPARE_WITH_TIMEOUT(seenByA.size(), n, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(seenByB.size(), n, 10000);
    QCOMPARE(seenByA, range(1, n));
    QCOMPARE(seenByB, range(1, n));
    QCOMPARE(a->lastSeq(), n);
    QCOMPARE(b->lastSeq(), n);
    QCOMPARE(seqsOf(readAll(*b)), range(1, n));

    // A third hub opening later starts from where the log is.
    auto c = openStore(spec, &error);
    QVERIFY2(c, qPrintable(error));
    QCOMPARE(c->lastSeq(), n);
    QList<qint64> seenByC;
    connect(c.get(), &HubStore::eventsAppended, this,
            [&](const QList<HubEvent> &events) { seenByC += seqsOf(events); });
    QCOMPARE(appendOne(*a, delivery(QStringLiteral("late"))).seq, n + 1);
    QTRY_COMPARE_WITH_TIMEOUT(seenByC, QList<qint64>{n + 1}, 10000);
}

void TestHubStore::postgresHubKilledWhileAnotherAppends()
{
    const QString spec = freshSpec(postgres);
    QString error;
    auto survivor = openStore(spec, &error);
    QVERIFY2(survivor, qPrintable(error));
    QList<qint64> announced;
    connect(survivor.get(), &HubStore::eventsAppended, this,
            [&](const QList<HubEvent> &events) { announced += seqsOf(events); });

    // The survivor appends all along, so its transactions wait on the counter lock the killed
    // hub held, and its own seqs interleave with the other's.
    QSet<QString> acked;
    int ackedTotal = 0;
    int next = 0;
    int pending = 0;
    QTimer feeder;
    connect(&feeder, &QTimer::timeout, this, [&] {
        for (int i = 0; i < 5; ++i) {
            const QString id = QStringLiteral("s-%1").arg(next++);
            ++pending;
            survivor->append(delivery(id), [&, id](const AppendResult &result) {
                if (result.ok && !result.duplicate) {
                    acked.insert(id);
                    ++ackedTotal;
                }
                --pending;
            });
        }
    });
    feeder.start(5);
    for (int run = 0; run < 8; ++run) {
        QString failure;
        QVERIFY2(runChildUntilKilled(spec, QStringLiteral("k%1").arg(run), &acked, &ackedTotal,
                                     &failure),
                 qPrintable(failure));
    }
    feeder.stop();
    QTRY_COMPARE_WITH_TIMEOUT(pending, 0, 20000);
    // One more append: it commits after everything the killed hubs committed, so the survivor
    // knows of all of it (readAfter never goes beyond what the survivor has announced).
    const QString last = QStringLiteral("s-%1").arg(next++);
    const AppendResult final = appendOne(*survivor, delivery(last));
    QVERIFY2(final.ok, qPrintable(final.error));
    acked.insert(last);
    ++ackedTotal;

    const QList<HubEvent> events = readAll(*survivor, 0, 5000, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QString problem = checkLog(events, acked);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(acked.size(), ackedTotal);
    QVERIFY(next > 100);
    // Every survivor append stood (none failed on the dead hub's lock).
    int survivorEvents = 0;
    for (const HubEvent &event : events)
        survivorEvents += idOf(event).startsWith(QLatin1String("s-")) ? 1 : 0;
    QCOMPARE(survivorEvents, next);
    QVERIFY(survivorEvents < events.size()); // the killed hub's events are in there too
    // The survivor announced every event, its own and the killed hub's, once and in order.
    const qint64 n = events.size();
    QCOMPARE(final.seq, n);
    QCOMPARE(announced, range(1, n));
}

void TestHubStore::postgresLostServerReportsStorageFailureAndRecovers()
{
    PostgresCluster server;
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    auto store = openStore(server.spec(), &error);
    QVERIFY2(store, qPrintable(error));
    QVERIFY(appendOne(*store, delivery(QStringLiteral("before"))).ok);
    QStringList failures;
    connect(store.get(), &HubStore::storageFailed, this,
            [&](const QString &why) { failures.append(why); });

    server.stop(PostgresCluster::StopMode::Fast); // ends the hub's sessions, restarts quickly
    const AppendResult lost = appendOne(*store, delivery(QStringLiteral("after")));
    QVERIFY(!lost.ok); // the sender gets no 2xx and retries
    QVERIFY(!lost.error.isEmpty());
    const AppendResult stillLost = appendOne(*store, delivery(QStringLiteral("after")));
    QVERIFY(!stillLost.ok);
    // Said once, not once per delivery, and naming the database.
    QCOMPARE(failures.size(), 1);
    QVERIFY2(failures.constFirst().contains(QStringLiteral("postgresql://")),
             qPrintable(failures.constFirst()));
    QCOMPARE(store->lastSeq(), 1);

    // The server is back: the hub reconnects by itself and goes on after seq 1.
    QList<qint64> announced;
    connect(store.get(), &HubStore::eventsAppended, this,
            [&](const QList<HubEvent> &events) { announced += seqsOf(events); });
    QVERIFY2(server.start(&error), qPrintable(error));
    const AppendResult back = appendOne(*store, delivery(QStringLiteral("after")));
    QVERIFY2(back.ok, qPrintable(back.error));
    QCOMPARE(back.seq, 2);
    QCOMPARE(announced, QList<qint64>{2});
    QCOMPARE(seqsOf(readAll(*store)), range(1, 2));
}

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsSet(childSpecVariable))
        return runChild(argc, argv);
    QCoreApplication app(argc, argv);
    TestHubStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_hubstore.moc"

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/store/store.h"

#include "common/testsupport.h"
#include "services/store/auditlog.h"
#include "services/store/patientrepository.h"
#include "services/store/sqlthreadguard.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <sys/stat.h>

#include <algorithm>
#include <memory>
#include <vector>

// The main thread of this test only queues work and waits for it (TestSupport::await): it
// never runs SQL, and CLINICDESK_SQL_GUARD=fatal would abort it if it did.

using TestSupport::await;

namespace {
Store::Options optionsIn(const QTemporaryDir &dir, const QString &name, int readers = 2)
{
    Store::Options options;
    options.path = dir.filePath(QStringLiteral("clinicdesk.sqlite"));
    options.readers = readers;
    options.name = name;
    return options;
}

//! Connection names of this test's stores, distinct from each other.
QString uniqueName()
{
    static int counter = 0;
    return QStringLiteral("store-test-%1").arg(++counter);
}

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

//! The permission bits of a file (0600 ...), -1 when it does not exist.
int modeOf(const QString &path)
{
    struct stat info;
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return int(info.st_mode & 0777);
}

//! The first column of the first row of `sql` on `connection`; an invalid QVariant on failure.
QVariant valueOf(const QString &connection, const QString &sql)
{
    QSqlQuery query(Database::connection(connection));
    if (!query.exec(sql) || !query.next())
        return {};
    return query.value(0);
}

//! Runs `sql` on `connection`; SQLite's error text, empty on success.
QString execute(const QString &connection, const QString &sql)
{
    QSqlQuery query(Database::connection(connection));
    return query.exec(sql) ? QString() : query.lastError().text();
}

//! Where a piece of work ran.
struct Place
{
    quintptr thread = 0;
    QString threadName;
    QString connection;
};

Place here(const QString &connection)
{
    return {quintptr(QThread::currentThread()), QThread::currentThread()->objectName(), connection};
}

Patient makePatient(const QString &last)
{
    Patient patient;
    patient.firstName = QStringLiteral("Pat");
    patient.lastName = last;
    patient.dateOfBirth = QDate(1980, 1, 1);
    return patient;
}
} // namespace

class TestStore : public QObject
{
    Q_OBJECT

private slots:
    void openCreatesAndMigratesOnTheWriter();
    void writesRunOnTheWriterThread();
    void readsRunOnQueryOnlyReaders();
    void aSlowReadDoesNotHoldUpAnother();
    void readsGoOnWhileTheWriterWorks();
    void writesRunInOrder();
    void aReadSeesACommittedWrite();
    void workQueuedBeforeOpenRunsAfterIt();
    void drainWaitsForEverythingQueued();
    void manyThreadsReadAndWriteAtOnce();
    void newerDatabaseIsRefusedAndLeftAlone();
    void newFilesAreOwnerOnly();
    void existingFilesAreTightened();
    void reopensAfterTheStoreIsGone();
    void checkRunsOnAReader();
    void cleanupTestCase();

private:
    //! Opens `store` and waits until its readers have opened too.
    static bool openFully(Store &store);
};

bool TestStore::openFully(Store &store)
{
    const Database::OpenResult opened = await(store.open());
    if (!opened.ok) {
        qWarning("open: %s", qPrintable(opened.error));
        return false;
    }
    store.drain(); // the readers open once the writer has migrated
    return true;
}

void TestStore::openCreatesAndMigratesOnTheWriter()
{
    QTemporaryDir dir;
    const QString name = uniqueName();
    Store store(optionsIn(dir, name));
    QVERIFY(!QFileInfo::exists(store.path()));
    const Database::OpenResult opened = await(store.open());
    QVERIFY2(opened.ok, qPrintable(opened.error));
    QCOMPARE(opened.fromVersion, 0);
    QCOMPARE(opened.toVersion, Database::schemaVersion());
    QVERIFY(QFileInfo::exists(store.path()));

    // The writer's connection is the one open() set up: migrated, WAL, foreign keys on.
    const auto writer = await(store.write([](const QString &connection) {
        return QStringList{connection,
                           valueOf(connection, QStringLiteral("PRAGMA user_version")).toString(),
                           valueOf(connection, QStringLiteral("PRAGMA journal_mode")).toString(),
                           valueOf(connection, QStringLiteral("PRAGMA foreign_keys")).toString(),
                           valueOf(connection, QStringLiteral("PRAGMA query_only")).toString()};
    }));
    QCOMPARE(writer, (QStringList{name + QStringLiteral("-writer"),
                                  QString::number(Database::schemaVersion()), QStringLiteral("wal"),
                                  QStringLiteral("1"), QStringLiteral("0")}));
    // A reader sees the migrated schema.
    const auto payers = await(store.read(
        [](const QString &connection) { return PatientRepository(connection).count(); }));
    QVERIFY2(payers.ok(), qPrintable(payers.error()));
    QCOMPARE(payers.value(), 0);
}

void TestStore::writesRunOnTheWriterThread()
{
    QTemporaryDir dir;
    const QString name = uniqueName();
    Store store(optionsIn(dir, name));
    QVERIFY(openFully(store));
    QList<QFuture<Place>> futures;
    for (int i = 0; i < 20; ++i)
        futures.append(store.write(here));
    QSet<quintptr> threads;
    for (const QFuture<Place> &future : std::as_const(futures)) {
        const Place place = await(future);
        threads.insert(place.thread);
        QCOMPARE(place.threadName, name + QStringLiteral("-writer"));
        QCOMPARE(place.connection, name + QStringLiteral("-writer"));
    }
    QCOMPARE(threads.size(), 1); // always the same thread
    QVERIFY(!threads.contains(quintptr(QThread::currentThread())));
    QVERIFY(!threads.contains(0));
    QCOMPARE(await(store.write([](const QString &) { return SqlThreadGuard::onMainThread(); })),
             false);
}

void TestStore::readsRunOnQueryOnlyReaders()
{
    QTemporaryDir dir;
    const QString name = uniqueName();
    Store store(optionsIn(dir, name, 3));
    QVERIFY(openFully(store));
    const Place writer = await(store.write(here));
    QSet<QString> readerConnections;
    for (int i = 0; i < 12; ++i) {
        const Place place = await(store.read(here));
        QVERIFY2(place.connection.startsWith(name + QStringLiteral("-reader-")),
                 qPrintable(place.connection));
        QCOMPARE(place.threadName, place.connection);
        QVERIFY(place.thread != writer.thread);
        QVERIFY(place.thread != quintptr(QThread::currentThread()));
        readerConnections.insert(place.connection);
    }

    // Readers cannot write, not even by mistake.
    const auto onReader = await(store.read([](const QString &connection) {
        return QStringList{
            valueOf(connection, QStringLiteral("PRAGMA query_only")).toString(),
            execute(connection, QStringLiteral("INSERT INTO audit_log (at, user_name, action) "
                                               "VALUES ('2026-01-01T00:00:00.000Z', 'x', 'y')")),
            AuditLog(connection)
                .record(QStringLiteral("alice"), QStringLiteral("patient.view"),
                        QStringLiteral("patient"), 1)
                .error()};
    }));
    QCOMPARE(onReader.size(), 3);
    QCOMPARE(onReader.at(0), QStringLiteral("1"));
    QVERIFY2(onReader.at(1).contains(QLatin1String("readonly")), qPrintable(onReader.at(1)));
    QVERIFY2(!onReader.at(2).isEmpty(), "a repository write on a reader must fail");
    QCOMPARE(
        await(store.write([](const QString &connection) {
            return valueOf(connection, QStringLiteral("SELECT count(*) FROM audit_log")).toInt();
        })),
        0);
}

void TestStore::aSlowReadDoesNotHoldUpAnother()
{
    QTemporaryDir dir;
    Store store(optionsIn(dir, uniqueName()));
    QVERIFY(openFully(store));
    QSemaphore started;
    QSemaphore release;
    const auto unblock = qScopeGuard([&] { release.release(100); });
    const QFuture<Place> slow = store.read([&](const QString &connection) {
        started.release();
        release.acquire();
        return here(connection);
    });
    QTRY_COMPARE(started.available(), 1);

    const Place quick = await(store.read(here));
    QVERIFY(!quick.connection.isEmpty());
    QVERIFY(!slow.isFinished());
    release.release();
    const Place slowPlace = await(slow);
    QVERIFY(!slowPlace.connection.isEmpty());
    QVERIFY(slowPlace.connection != quick.connection);
}

void TestStore::readsGoOnWhileTheWriterWorks()
{
    QTemporaryDir dir;
    Store store(optionsIn(dir, uniqueName()));
    QVERIFY(openFully(store));
    QSemaphore inTransaction;
    QSemaphore release;
    const auto unblock = qScopeGuard([&] { release.release(100); });
    const QFuture<QString> write = store.write([&](const QString &connection) {
        TransactionGuard transaction(Database::connection(connection));
        const StoreResult<Patient> saved =
            PatientRepository(connection).save(makePatient(QStringLiteral("Doe")));
        inTransaction.release();
        release.acquire();
        if (!saved)
            return saved.error();
        return transaction.commit() ? QString() : transaction.errorText();
    });
    QTRY_COMPARE(inTransaction.available(), 1);

    const auto count = [](const QString &connection) {
        return PatientRepository(connection).count();
    };
    // The read runs beside the busy writer and sees what was committed: nothing yet.
    const StoreResult<int> during = await(store.read(count));
    QVERIFY2(during.ok(), qPrintable(during.error()));
    QCOMPARE(during.value(), 0);
    QVERIFY(!write.isFinished());

    release.release();
    QCOMPARE(await(write), QString());
    const StoreResult<int> after = await(store.read(count));
    QVERIFY2(after.ok(), qPrintable(after.error()));
    QCOMPARE(after.value(), 1);
}

void TestStore::writesRunInOrder()
{
    QTemporaryDir dir;
    Store store(optionsIn(dir, uniqueName()));
    QVERIFY(openFully(store));
    QCOMPARE(await(store.write([](const QString &connection) {
                 return execute(connection, QStringLiteral("CREATE TABLE queue (n INTEGER)"));
             })),
             QString());
    QList<QFuture<qint64>> futures;
    QStringList expected;
    for (int n = 0; n < 300; ++n) {
        futures.append(store.write([n](const QString &connection) {
            QSqlQuery query(Database::connection(connection));
            query.prepare(QStringLiteral("INSERT INTO queue (n) VALUES (?)"));
            query.addBindValue(n);
            return query.exec() ? query.lastInsertId().toLongLong() : qint64(-1);
        }));
        expected.append(QString::number(n));
    }
    qint64 previous = 0;
    for (const QFuture<qint64> &future : std::as_const(futures)) {
        const qint64 rowid = await(future);
        QVERIFY(rowid > previous);
        previous = rowid;
    }
    const QString stored = await(store.read([](const QString &connection) {
        return valueOf(connection, QStringLiteral("SELECT group_concat(n) FROM (SELECT n FROM "
                                                  "queue ORDER BY rowid)"))
            .toString();
    }));
    QCOMPARE(stored, expected.join(QLatin1Char(',')));
}

void TestStore::aReadSeesACommittedWrite()
{
    QTemporaryDir dir;
    Store store(optionsIn(dir, uniqueName()));
    QVERIFY(openFully(store));
    const StoreResult<Patient> saved = await(store.write([](const QString &connection) {
        return PatientRepository(connection).save(makePatient(QStringLiteral("Lovelace")));
    }));
    QVERIFY2(saved.ok(), qPrintable(saved.error()));
    const qint64 id = saved->id;
    for (int i = 0; i < 4; ++i) { // on whichever reader
        const auto found = await(store.read(
            [id](const QString &connection) { return PatientRepository(connection).find(id); }));
        QVERIFY2(found.ok(), qPrintable(found.error()));
        QCOMPARE(found.value(), std::optional<Patient>(saved.value()));
    }
}

void TestStore::workQueuedBeforeOpenRunsAfterIt()
{
    QTemporaryDir dir;
    Store store(optionsIn(dir, uniqueName()));
    const QFuture<Database::OpenResult> opened = store.open();
    const QFuture<StoreResult<Patient>> written = store.write([](const QString &connection) {
        return PatientRepository(connection).save(makePatient(QStringLiteral("Early")));
    });
    const QFuture<StoreResult<int>> counted =
        store.read([](const QString &connection) { return PatientRepository(connection).count(); });
    QVERIFY(await(opened).ok);
    const StoreResult<Patient> saved = await(written);
    QVERIFY2(saved.ok(), qPrintable(saved.error()));
    // The read ran on an opened, migrated database (whether before or after the write).
    const StoreResult<int> count = await(counted);
    QVERIFY2(count.ok(), qPrintable(count.error()));
    QVERIFY(count.value() == 0 || count.value() == 1);
}

void TestStore::drainWaitsForEverythingQueued()
{
    QTemporaryDir dir;
    Store store(optionsIn(dir, uniqueName()));
    QVERIFY(openFully(store));
    QList<QFuture<StoreResult<Patient>>> writes;
    QList<QFuture<StoreResult<int>>> reads;
    for (int i = 0; i < 30; ++i) {
        writes.append(store.write([i](const QString &connection) {
            return PatientRepository(connection).save(makePatient(QStringLiteral("P%1").arg(i)));
        }));
        reads.append(store.read(
            [](const QString &connection) { return PatientRepository(connection).count(); }));
    }
    store.drain();
    // No event loop ran: drain() itself waited for every task.
    for (const auto &future : std::as_const(writes)) {
        QVERIFY(future.isFinished());
        QVERIFY(future.result().ok());
    }
    for (const auto &future : std::as_const(reads)) {
        QVERIFY(future.isFinished());
        QVERIFY(future.result().ok());
    }
    const StoreResult<int> count = await(store.read(
        [](const QString &connection) { return PatientRepository(connection).count(); }));
    QCOMPARE(count.valueOr(-1), 30);
}

void TestStore::manyThreadsReadAndWriteAtOnce()
{
    QTemporaryDir dir;
    Store store(optionsIn(dir, uniqueName(), 3));
    QVERIFY(openFully(store));
    QCOMPARE(await(store.write([](const QString &connection) {
                 // Durability is not under test here; fewer syncs keep the test quick.
                 return execute(connection, QStringLiteral("PRAGMA synchronous = NORMAL")) +
                        execute(connection, QStringLiteral("CREATE TABLE work (thread INTEGER, "
                                                           "n INTEGER, UNIQUE (thread, n))"));
             })),
             QString());

    constexpr int threadCount = 8;
    constexpr int perThread = 200;
    struct Checkpoint
    {
        int written = 0; // rows of the thread committed before the read was queued
        QFuture<int> seen;
    };
    struct Work
    {
        QList<QFuture<qint64>> writes;
        QList<Checkpoint> checkpoints;
        QList<QFuture<int>> looseReads;
    };
    QList<Work> work(threadCount);
    const auto countOf = [](int thread) {
        return [thread](const QString &connection) {
            return valueOf(
                       connection,
                       QStringLiteral("SELECT count(*) FROM work WHERE thread = %1").arg(thread))
                .toInt();
        };
    };
    std::vector<std::unique_ptr<QThread>> threads;
    for (int t = 0; t < threadCount; ++t) {
        Work *mine = &work[t]; // each thread fills its own
        threads.emplace_back(QThread::create([&store, &countOf, mine, t] {
            for (int n = 0; n < perThread; ++n) {
                mine->writes.append(store.write([t, n](const QString &connection) {
                    QSqlQuery query(Database::connection(connection));
                    query.prepare(QStringLiteral("INSERT INTO work (thread, n) VALUES (?, ?)"));
                    query.addBindValue(t);
                    query.addBindValue(n);
                    return query.exec() ? query.lastInsertId().toLongLong() : qint64(-1);
                }));
                if (n % 20 == 19) {
                    // A worker of the test may wait; only the main thread must not.
                    QFuture<qint64> last = mine->writes.constLast();
                    last.waitForFinished();
                    mine->checkpoints.append({n + 1, store.read(countOf(t))});
                } else {
                    mine->looseReads.append(store.read(countOf(t)));
                }
            }
        }));
        threads.back()->start();
    }
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(threads.begin(), threads.end(),
                                         [](const auto &thread) { return thread->isFinished(); }),
                             180000);

    QSet<qint64> rowids;
    for (int t = 0; t < threadCount; ++t) {
        const Work &mine = work.at(t);
        QCOMPARE(mine.writes.size(), perThread);
        qint64 previous = 0;
        for (const QFuture<qint64> &write : mine.writes) {
            const qint64 rowid = await(write, 120000);
            QVERIFY(rowid > previous); // a thread's writes ran in its order
            previous = rowid;
            rowids.insert(rowid);
        }
        QCOMPARE(mine.checkpoints.size(), perThread / 20);
        for (const Checkpoint &checkpoint : mine.checkpoints) {
            const int seen = await(checkpoint.seen, 120000);
            QVERIFY2(seen >= checkpoint.written && seen <= perThread,
                     qPrintable(QStringLiteral("thread %1 saw %2 rows after %3 were committed")
                                    .arg(t)
                                    .arg(seen)
                                    .arg(checkpoint.written)));
        }
        for (const QFuture<int> &read : mine.looseReads) {
            const int seen = await(read, 120000);
            QVERIFY(seen >= 0 && seen <= perThread);
        }
    }
    QCOMPARE(rowids.size(), threadCount * perThread);
    const QString totals = await(store.read([](const QString &connection) {
        return valueOf(connection, QStringLiteral("SELECT count(*) || '/' || count(DISTINCT "
                                                  "thread) || '/' || sum(n) FROM work"))
            .toString();
    }));
    QCOMPARE(totals, QStringLiteral("%1/%2/%3")
                         .arg(threadCount * perThread)
                         .arg(threadCount)
                         .arg(threadCount * perThread * (perThread - 1) / 2));
    QCOMPARE(SqlThreadGuard::violations(), 0);
}

void TestStore::newerDatabaseIsRefusedAndLeftAlone()
{
    QTemporaryDir dir;
    const int newer = Database::schemaVersion() + 1;
    {
        Store store(optionsIn(dir, uniqueName()));
        QVERIFY(openFully(store));
        QCOMPARE(await(store.write([newer](const QString &connection) {
                     return execute(connection,
                                    QStringLiteral("PRAGMA user_version = %1").arg(newer));
                 })),
                 QString());
    }
    const QString path = dir.filePath(QStringLiteral("clinicdesk.sqlite"));
    const QByteArray before = fileHash(path);
    QVERIFY(!before.isEmpty());

    {
        Store store(optionsIn(dir, uniqueName()));
        const Database::OpenResult opened = await(store.open());
        QVERIFY(!opened.ok);
        QVERIFY2(opened.error.contains(QLatin1String("written by a newer ClinicDesk")),
                 qPrintable(opened.error));
        QCOMPARE(opened.fromVersion, newer);
        store.drain();
        // Neither the writer nor a reader works on it; both say so instead of hanging.
        const StoreResult<int> read = await(store.read(
            [](const QString &connection) { return PatientRepository(connection).count(); }));
        QVERIFY(!read.ok());
        const StoreResult<Patient> write = await(store.write([](const QString &connection) {
            return PatientRepository(connection).save(makePatient(QStringLiteral("Doe")));
        }));
        QVERIFY(!write.ok());
        QCOMPARE(fileHash(path), before);
    }
    QCOMPARE(fileHash(path), before);
    QVERIFY(!QFileInfo::exists(path + QStringLiteral("-wal")) ||
            QFileInfo(path + QStringLiteral("-wal")).size() == 0);
}

void TestStore::newFilesAreOwnerOnly()
{
    QTemporaryDir dir;
    Store store(optionsIn(dir, uniqueName()));
    QVERIFY(openFully(store));
    const StoreResult<Patient> saved = await(store.write([](const QString &connection) {
        return PatientRepository(connection).save(makePatient(QStringLiteral("Doe")));
    }));
    QVERIFY2(saved.ok(), qPrintable(saved.error()));
    for (const char *suffix : {"", "-wal", "-shm"}) {
        const QString file = store.path() + QLatin1String(suffix);
        QVERIFY2(QFileInfo::exists(file), qPrintable(file));
        QCOMPARE(QString::number(modeOf(file), 8), QStringLiteral("600"));
    }
}

void TestStore::existingFilesAreTightened()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("clinicdesk.sqlite"));
    const auto makeReadable = [&](const QStringList &suffixes) {
        for (const QString &suffix : suffixes) {
            QVERIFY(QFile::setPermissions(path + suffix,
                                          QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                              QFileDevice::ReadGroup | QFileDevice::ReadOther));
            QCOMPARE(QString::number(modeOf(path + suffix), 8), QStringLiteral("644"));
        }
    };
    {
        Store first(optionsIn(dir, uniqueName()));
        QVERIFY(openFully(first));
    }
    // A file left world-readable (by an older ClinicDesk or a copy) is tightened on open.
    makeReadable({QString()});
    {
        Store store(optionsIn(dir, uniqueName()));
        QVERIFY(openFully(store));
        QCOMPARE(QString::number(modeOf(path), 8), QStringLiteral("600"));

        // And its -wal and -shm, when a second desk opens it while they exist.
        makeReadable({QString(), QStringLiteral("-wal"), QStringLiteral("-shm")});
        Store second(optionsIn(dir, uniqueName()));
        QVERIFY(openFully(second));
        for (const char *suffix : {"", "-wal", "-shm"})
            QCOMPARE(QString::number(modeOf(path + QLatin1String(suffix)), 8),
                     QStringLiteral("600"));
    }
}

void TestStore::reopensAfterTheStoreIsGone()
{
    QTemporaryDir dir;
    const QString name = uniqueName();
    {
        Store store(optionsIn(dir, name));
        QVERIFY(openFully(store));
        QVERIFY(await(store.write([](const QString &connection) {
                    return PatientRepository(connection).save(makePatient(QStringLiteral("Doe")));
                })).ok());
    }
    // The same connection names again: the first store closed its connections.
    Store store(optionsIn(dir, name));
    QVERIFY(openFully(store));
    const StoreResult<int> count = await(store.read(
        [](const QString &connection) { return PatientRepository(connection).count(); }));
    QVERIFY2(count.ok(), qPrintable(count.error()));
    QCOMPARE(count.value(), 1);
}

void TestStore::checkRunsOnAReader()
{
    QTemporaryDir dir;
    Store store(optionsIn(dir, uniqueName()));
    QVERIFY(openFully(store));
    const Database::CheckResult result =
        await(store.read([](const QString &connection) { return Database::check(connection); }));
    QVERIFY2(result.ok(), qPrintable(result.problems.join(QLatin1Char('\n')) + result.error));
}

void TestStore::cleanupTestCase()
{
    // Everything above ran its SQL on the store's threads.
    QCOMPARE(SqlThreadGuard::violations(), 0);
}

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/store/sqlthreadguard.h"

#include "services/store/database.h"

#include <QCoreApplication>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <sys/resource.h>

#include <cstdio>
#include <memory>

// The guard ends the process, so it is tried in a child: this same program, started again
// with CLINICDESK_GUARD_PROBE set, runs one probe instead of the tests and reports on stdout.

namespace {
const char probeVariable[] = "CLINICDESK_GUARD_PROBE";
const QString mainQuery = QStringLiteral("main-query");     // SQL on the main thread
const QString mainOpen = QStringLiteral("main-open");       // Database::open on the main thread
const QString workerQuery = QStringLiteral("worker-query"); // SQL on a worker thread

//! Opens a database, runs SELECT 1 through Database::connection() twice and closes it; the
//! query's answer, or SQLite's error.
QString queryOnThisThread(const QString &connection)
{
    const Database::OpenResult opened = Database::open(QStringLiteral(":memory:"), connection);
    if (!opened.ok)
        return opened.error;
    QString answer;
    for (int i = 0; i < 2; ++i) {
        QSqlQuery query(Database::connection(connection));
        answer = query.exec(QStringLiteral("SELECT 1")) && query.next() ? query.value(0).toString()
                                                                        : QStringLiteral("failed");
    }
    Database::close(connection);
    return answer;
}

//! The child's side: one probe, what happened on stdout; the guard may abort it first.
int runProbe(int argc, char *argv[], const QString &probe)
{
    // The abort this child may end with is expected: no core file for it.
    const struct rlimit noCore = {0, 0};
    setrlimit(RLIMIT_CORE, &noCore);
    QCoreApplication app(argc, argv);
    const int before = SqlThreadGuard::violations();
    QString answer;
    if (probe == mainQuery) {
        // The connection itself is made without the guard (plain Qt), so the first SQL through
        // Database::connection() is what trips it.
        const QString name = QStringLiteral("probe");
        {
            QSqlDatabase db = Database::addConnection(name, {});
            db.setDatabaseName(QStringLiteral(":memory:"));
            db.open();
        }
        for (int i = 0; i < 2; ++i) {
            QSqlQuery query(Database::connection(name));
            answer = query.exec(QStringLiteral("SELECT 1")) && query.next()
                         ? query.value(0).toString()
                         : QStringLiteral("failed");
        }
    } else if (probe == mainOpen) {
        answer = queryOnThisThread(QStringLiteral("probe"));
    } else if (probe == workerQuery) {
        std::unique_ptr<QThread> worker(
            QThread::create([&] { answer = queryOnThisThread(QStringLiteral("probe")); }));
        worker->start();
        worker->wait();
    } else {
        std::fprintf(stderr, "unknown probe %s\n", qPrintable(probe));
        return 2;
    }
    std::printf("answer: %s\nviolations: %d -> %d\n", qPrintable(answer), before,
                SqlThreadGuard::violations());
    std::fflush(stdout);
    return 0;
}

struct ProbeRun
{
    QProcess::ExitStatus exitStatus = QProcess::CrashExit;
    int exitCode = -1;
    QString out;
    QString err;
    bool finished = false;
};

//! Runs this program as a probe child; `guard` is CLINICDESK_SQL_GUARD's value (null: unset).
ProbeRun runChild(const QString &probe, const QString &guard)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QLatin1String(probeVariable), probe);
    environment.remove(QStringLiteral("CLINICDESK_SQL_GUARD"));
    if (!guard.isNull())
        environment.insert(QStringLiteral("CLINICDESK_SQL_GUARD"), guard);
    QProcess child;
    child.setProcessEnvironment(environment);
    child.start(QCoreApplication::applicationFilePath(), {});
    ProbeRun run;
    run.finished = child.waitForFinished(60000);
    run.exitStatus = child.exitStatus();
    run.exitCode = child.exitCode();
    run.out = QString::fromLocal8Bit(child.readAllStandardOutput());
    run.err = QString::fromLocal8Bit(child.readAllStandardError());
    return run;
}
} // namespace

class TestSqlThreadGuard : public QObject
{
    Q_OBJECT

private slots:
    void fatalGuardEndsTheProcess_data();
    void fatalGuardEndsTheProcess();
    void workerThreadDoesNotTripIt();
    void workerThreadDoesNotTripItInAChildEither();
    void withoutFatalItOnlyLogsAndCounts_data();
    void withoutFatalItOnlyLogsAndCounts();
};

void TestSqlThreadGuard::fatalGuardEndsTheProcess_data()
{
    QTest::addColumn<QString>("probe");
    QTest::addColumn<QString>("message");
    QTest::newRow("query through Database::connection")
        << mainQuery << QStringLiteral("SQL on the main thread (Database::connection)");
    QTest::newRow("Database::open")
        << mainOpen << QStringLiteral("SQL on the main thread (Database::open)");
}

void TestSqlThreadGuard::fatalGuardEndsTheProcess()
{
    QFETCH(QString, probe);
    QFETCH(QString, message);
    const ProbeRun run = runChild(probe, QStringLiteral("fatal"));
    QVERIFY2(run.finished, qPrintable(run.err));
    // A test that does this fails: the process aborts (a crash to QProcess) or exits non-zero.
    QVERIFY2(run.exitStatus == QProcess::CrashExit || run.exitCode != 0,
             qPrintable(QStringLiteral("exit code %1, %2").arg(run.exitCode).arg(run.out)));
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    QVERIFY2(run.err.contains(QLatin1String("Store::read() or Store::write()")),
             qPrintable(run.err));
    // It stopped before the query ran.
    QVERIFY2(!run.out.contains(QLatin1String("answer:")), qPrintable(run.out));
}

void TestSqlThreadGuard::workerThreadDoesNotTripIt()
{
    // This test process runs with CLINICDESK_SQL_GUARD=fatal: SQL on its main thread would end
    // it. The same query on a worker thread is fine and is not counted.
    const int before = SqlThreadGuard::violations();
    QString answer;
    bool mainThreadThere = true;
    std::unique_ptr<QThread> worker(QThread::create([&] {
        mainThreadThere = SqlThreadGuard::onMainThread();
        answer = queryOnThisThread(QStringLiteral("worker"));
    }));
    worker->start();
    QVERIFY(worker->wait(60000));
    QCOMPARE(answer, QStringLiteral("1"));
    QCOMPARE(mainThreadThere, false);
    QCOMPARE(SqlThreadGuard::violations(), before);
    QVERIFY(SqlThreadGuard::onMainThread());
}

void TestSqlThreadGuard::workerThreadDoesNotTripItInAChildEither()
{
    const ProbeRun run = runChild(workerQuery, QStringLiteral("fatal"));
    QVERIFY2(run.finished, qPrintable(run.err));
    QCOMPARE(run.exitStatus, QProcess::NormalExit);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(QLatin1String("answer: 1\n")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QLatin1String("violations: 0 -> 0")), qPrintable(run.out));
    QVERIFY2(!run.err.contains(QLatin1String("SQL on the main thread")), qPrintable(run.err));
}

void TestSqlThreadGuard::withoutFatalItOnlyLogsAndCounts_data()
{
    QTest::addColumn<QString>("guard"); // CLINICDESK_SQL_GUARD; null: not set
    QTest::newRow("unset") << QString();
    QTest::newRow("empty") << QStringLiteral("");
    QTest::newRow("another value") << QStringLiteral("log");
}

void TestSqlThreadGuard::withoutFatalItOnlyLogsAndCounts()
{
    QFETCH(QString, guard);
    const ProbeRun run = runChild(mainQuery, guard);
    QVERIFY2(run.finished, qPrintable(run.err));
    QCOMPARE(run.exitStatus, QProcess::NormalExit);
    QCOMPARE(run.exitCode, 0);
    // The queries ran, and both were counted ...
    QVERIFY2(run.out.contains(QLatin1String("answer: 1\n")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QLatin1String("violations: 0 -> 2")), qPrintable(run.out));
    // ... but logged once, so a clerk's log is not flooded.
    QCOMPARE(run.err.count(QLatin1String("SQL on the main thread (Database::connection)")), 1);
}

int main(int argc, char *argv[])
{
    const QString probe = qEnvironmentVariable(probeVariable);
    if (!probe.isEmpty())
        return runProbe(argc, argv, probe);
    QCoreApplication app(argc, argv);
    TestSqlThreadGuard test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_sqlthreadguard.moc"

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/storetestmain.h"
#include "services/store/database.h"
#include "store/damagedfile.h"
#include "store/sqltrace.h"
#include "store/testdatabase.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <algorithm>

namespace {
QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

//! Reads user_version through a plain connection that sets no pragmas and runs no migration.
int rawUserVersion(const QString &path)
{
    const QString name = QStringLiteral("raw_user_version");
    int version = -1;
    {
        QSqlDatabase db = Database::addConnection(name, {});
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(QStringLiteral("PRAGMA user_version")) && query.next())
                version = query.value(0).toInt();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return version;
}

void setRawUserVersion(const QString &path, int version)
{
    const QString name = QStringLiteral("raw_set_user_version");
    {
        QSqlDatabase db = Database::addConnection(name, {});
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("PRAGMA user_version = %1").arg(version)));
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

//! A table with an index over enough rows for both to span many pages.
void addFiller(const TestDatabase &db, const QString &table)
{
    QCOMPARE(db.exec(QStringLiteral("CREATE TABLE %1 (x TEXT)").arg(table)), QString());
    QCOMPARE(db.exec(QStringLiteral("CREATE INDEX %1_x ON %1 (x)").arg(table)), QString());
    QCOMPARE(db.exec(QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 "
                                    "FROM n WHERE i < 2000) INSERT INTO %1 SELECT "
                                    "printf('row %08d padding padding padding', i) FROM n")
                         .arg(table)),
             QString());
}

//! 2,000 patients, written straight into the table.
void addPatients(const TestDatabase &db)
{
    QCOMPARE(db.exec(QStringLiteral(
                 "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) "
                 "INSERT INTO patients (mrn, first_name, last_name, first_name_key, "
                 "last_name_key, date_of_birth, created_at, updated_at) SELECT "
                 "printf('MRN%06d', i), 'Pat', printf('Doe%04d', i), 'pat', printf('doe%04d', i), "
                 "'1980-01-01', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z' FROM n")),
             QString());
}

//! What SQLite itself says of `table`, through a plain connection: quick_check's lines, or the
//! error that stopped it.
QStringList rawQuickCheck(const QString &path, const QString &table)
{
    const QString name = QStringLiteral("raw_quick_check");
    QStringList lines;
    {
        QSqlDatabase db = Database::addConnection(name, {});
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(QStringLiteral("PRAGMA quick_check(%1)").arg(table))) {
                while (query.next())
                    lines += query.value(0).toString().split(QLatin1Char('\n'));
            }
            if (query.lastError().isValid())
                lines.append(query.lastError().databaseText());
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return lines;
}
} // namespace

class TestDatabaseStore : public QObject
{
    Q_OBJECT

private slots:
    void migrationsAreNumberedWithoutGaps();
    void freshDatabaseReachesSchemaVersion_data();
    void freshDatabaseReachesSchemaVersion();
    void pragmasAreInEffect();
    void memoryDatabaseDoesNotUseWal();
    void reopeningDoesNothing();
    void migratesFromEachEarlierVersion_data();
    void migratesFromEachEarlierVersion();
    void upToVersionAboveSchemaMeansAll();
    void newerDatabaseIsRefusedAndLeftAlone();
    void notADatabaseIsRefused();
    void damagedDatabaseOpensForCheck();
    void checkReportsSoundFileAsOk();
    void checkReportsDamageInSqlitesWords_data();
    void checkReportsDamageInSqlitesWords();
    void checkGoesOnPastADamagedTable();
    void checkCanBeCancelled();
    void connectionNameInUseIsRefused();
    void foreignKeysAreEnforced();
    void auditLogIsAppendOnly_data();
    void auditLogIsAppendOnly();
    void payersAreSeeded();
    void transactionGuardRollsBackUnlessCommitted();
    void nestedTransactionGuardsUseSavepoints();
};

void TestDatabaseStore::migrationsAreNumberedWithoutGaps()
{
    const QStringList files = Database::migrationFiles();
    QVERIFY(files.size() >= 2);
    QCOMPARE(files.first(), QStringLiteral(":/migrations/001_initial.sql"));
    for (qsizetype i = 0; i < files.size(); ++i) {
        const QString prefix =
            QStringLiteral(":/migrations/%1_").arg(i + 1, 3, 10, QLatin1Char('0'));
        QVERIFY2(files.at(i).startsWith(prefix), qPrintable(files.at(i)));
    }
    QCOMPARE(Database::schemaVersion(), files.size());
}

void TestDatabaseStore::freshDatabaseReachesSchemaVersion_data()
{
    QTest::addColumn<bool>("inMemory");
    QTest::newRow("file") << false;
    QTest::newRow("memory") << true;
}

void TestDatabaseStore::freshDatabaseReachesSchemaVersion()
{
    QFETCH(bool, inMemory);
    TestDatabase db;
    const Database::OpenResult result =
        inMemory ? Database::open(QStringLiteral(":memory:"), db.connection())
                 : (db.open(), db.result());
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.error, QString());
    QCOMPARE(result.fromVersion, 0);
    QCOMPARE(result.toVersion, Database::schemaVersion());
    QCOMPARE(db.value(QStringLiteral("PRAGMA user_version")).toInt(), Database::schemaVersion());
    for (const char *table :
         {"patients", "payers", "coverages", "appointments", "verifications", "audit_log",
          "patient_merges", "chart_items", "reconcile_decisions"}) {
        QCOMPARE(db.value(QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE type = 'table' "
                                         "AND name = '%1'")
                              .arg(QLatin1String(table)))
                     .toInt(),
                 1);
    }
    // Three of the audit log (no edit, no delete, no row outside the chain), three keeping the claims dashboard's daily totals, two keeping the
    // record of merged charts, one keeping the reconciliation decisions as they were taken.
    QCOMPARE(db.value(QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'"))
                 .toInt(),
             9);
}

void TestDatabaseStore::pragmasAreInEffect()
{
    TestDatabase db;
    QVERIFY2(db.open(), qPrintable(db.result().error));
    QCOMPARE(db.value(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    QCOMPARE(db.value(QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
    QCOMPARE(db.value(QStringLiteral("PRAGMA synchronous")).toInt(), 2); // FULL
    QCOMPARE(db.value(QStringLiteral("PRAGMA busy_timeout")).toInt(), 5000);
}

void TestDatabaseStore::memoryDatabaseDoesNotUseWal()
{
    const QString name = QStringLiteral("memory_pragmas");
    const Database::OpenResult result = Database::open(QStringLiteral(":memory:"), name);
    QVERIFY2(result.ok, qPrintable(result.error));
    {
        QSqlQuery query(Database::connection(name));
        QVERIFY(query.exec(QStringLiteral("PRAGMA journal_mode")) && query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("memory"));
        QVERIFY(query.exec(QStringLiteral("PRAGMA foreign_keys")) && query.next());
        QCOMPARE(query.value(0).toInt(), 1);
    }
    Database::close(name);
    QVERIFY(!QSqlDatabase::contains(name));
}

void TestDatabaseStore::reopeningDoesNothing()
{
    TestDatabase db;
    QVERIFY(db.open());
    db.close();
    QVERIFY2(db.open(), qPrintable(db.result().error));
    QCOMPARE(db.result().fromVersion, Database::schemaVersion());
    QCOMPARE(db.result().toVersion, Database::schemaVersion());
}

void TestDatabaseStore::migratesFromEachEarlierVersion_data()
{
    QTest::addColumn<int>("version");
    for (int version = 1; version < Database::schemaVersion(); ++version)
        QTest::addRow("from %d", version) << version;
}

void TestDatabaseStore::migratesFromEachEarlierVersion()
{
    QFETCH(int, version);
    TestDatabase db;
    QVERIFY2(db.open(version), qPrintable(db.result().error));
    QCOMPARE(db.result().toVersion, version);
    QCOMPARE(db.value(QStringLiteral("PRAGMA user_version")).toInt(), version);

    // Rows every version since 1 has: a patient with a coverage and an appointment.
    QCOMPARE(db.exec(QStringLiteral(
                 "INSERT INTO patients (id, mrn, first_name, last_name, first_name_key, "
                 "last_name_key, date_of_birth, gender, created_at, updated_at) VALUES (7, "
                 "'MRN000007', 'Ada', 'Lovelace', 'ada', 'lovelace', '1815-12-10', 'F', "
                 "'2026-01-02T03:04:05.006Z', '2026-01-02T03:04:05.006Z')")),
             QString());
    QCOMPARE(db.exec(QStringLiteral("INSERT INTO coverages (id, patient_id, payer_id, member_id) "
                                    "VALUES (11, 7, 'INS001', 'XYZ123')")),
             QString());
    QCOMPARE(db.exec(QStringLiteral("INSERT INTO appointments (patient_id, start_at) VALUES (7, "
                                    "'2026-03-01T15:00:00.000Z')")),
             QString());
    db.close();

    QVERIFY2(db.open(), qPrintable(db.result().error));
    QCOMPARE(db.result().fromVersion, version);
    QCOMPARE(db.result().toVersion, Database::schemaVersion());
    QCOMPARE(db.value(QStringLiteral("PRAGMA user_version")).toInt(), Database::schemaVersion());
    QCOMPARE(db.value(QStringLiteral("SELECT last_name FROM patients WHERE id = 7")).toString(),
             QStringLiteral("Lovelace"));
    QCOMPARE(
        db.value(QStringLiteral("SELECT member_id FROM coverages WHERE patient_id = 7")).toString(),
        QStringLiteral("XYZ123"));
    QCOMPARE(db.value(QStringLiteral("SELECT count(*) FROM appointments")).toInt(), 1);
    // The migrated schema is the fresh one (tables, indexes and triggers alike).
    TestDatabase fresh;
    QVERIFY(fresh.open());
    const QString schema = QStringLiteral(
        "SELECT group_concat(type || ' ' || name || ': ' || coalesce(sql, ''), char(10)) FROM "
        "(SELECT * FROM sqlite_schema ORDER BY type, name)");
    QCOMPARE(db.value(schema).toString(), fresh.value(schema).toString());
    // The newest schema works on the old rows.
    QCOMPARE(db.exec(QStringLiteral("INSERT INTO verifications (coverage_id, patient_id, status, "
                                    "requested_at) VALUES (11, 7, 'pending', "
                                    "'2026-03-01T14:00:00.000Z')")),
             QString());
}

void TestDatabaseStore::upToVersionAboveSchemaMeansAll()
{
    TestDatabase db;
    QVERIFY(db.open(Database::schemaVersion() + 5));
    QCOMPARE(db.result().toVersion, Database::schemaVersion());
}

void TestDatabaseStore::newerDatabaseIsRefusedAndLeftAlone()
{
    TestDatabase db;
    QVERIFY(db.open());
    db.close();
    const int newer = Database::schemaVersion() + 1;
    setRawUserVersion(db.path(), newer);
    const QByteArray before = fileHash(db.path());
    QVERIFY(!before.isEmpty());

    QVERIFY(!db.open());
    const QString error = db.result().error;
    QVERIFY2(error.contains(QLatin1String("written by a newer ClinicDesk; update the app")),
             qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("version is %1").arg(newer)), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("up to %1").arg(Database::schemaVersion())),
             qPrintable(error));
    QCOMPARE(db.result().fromVersion, newer);
    QVERIFY(!QSqlDatabase::contains(db.connection()));

    QCOMPARE(fileHash(db.path()), before);
    QCOMPARE(rawUserVersion(db.path()), newer);
}

void TestDatabaseStore::notADatabaseIsRefused()
{
    TestDatabase db;
    {
        QFile file(db.path());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray("This is a letter, not a database. ").repeated(200));
    }
    const QByteArray before = fileHash(db.path());
    QVERIFY(!db.open());
    QVERIFY2(db.result().error.contains(QLatin1String("damaged")), qPrintable(db.result().error));
    QVERIFY(!QSqlDatabase::contains(db.connection()));
    QCOMPARE(fileHash(db.path()), before);
}

void TestDatabaseStore::damagedDatabaseOpensForCheck()
{
    TestDatabase db;
    QVERIFY(db.open());
    addFiller(db, QStringLiteral("filler"));
    const QList<qint64> pages = laterLeafPages(db, QStringLiteral("filler"));
    const int pageSize = db.value(QStringLiteral("PRAGMA page_size")).toInt();
    db.close();
    damagePages(db.path(), pageSize, pages, Damage::CellContents);

    // Start-up does not read the whole file: open succeeds, Database::check() finds the damage.
    QVERIFY2(db.open(), qPrintable(db.result().error));
    QCOMPARE(db.result().toVersion, Database::schemaVersion());
    QVERIFY(!Database::check(db.connection()).ok());
}

void TestDatabaseStore::checkReportsSoundFileAsOk()
{
    TestDatabase db;
    QVERIFY(db.open());
    addFiller(db, QStringLiteral("filler"));
    const int tables = db.value(QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE type = "
                                               "'table' AND name NOT LIKE 'sqlite_%'"))
                           .toInt();
    // 26 of the schema (three for the live feed, eight for claims, the claims dashboard's daily
    // totals, the record of merged charts, network links, outside documents, the chart lists,
    // the reconciliation decisions, the users, break-glass access and the desk's secrets) and
    // the filler.
    QCOMPARE(tables, 27);

    QList<QPair<int, int>> calls;
    const Database::CheckResult result = Database::check(db.connection(), [&](int done, int total) {
        calls.append({done, total});
        return true;
    });
    QVERIFY2(result.ok(), qPrintable(result.problems.join(QLatin1Char('\n')) + result.error));
    QCOMPARE(result.problems, QStringList());
    QCOMPARE(result.error, QString());
    QList<QPair<int, int>> expected;
    for (int done = 0; done <= tables; ++done)
        expected.append({done, tables});
    QCOMPARE(calls, expected);
    // The progress function is optional.
    QVERIFY(Database::check(db.connection()).ok());
}

void TestDatabaseStore::checkReportsDamageInSqlitesWords_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("object"); // the table or index whose pages are damaged
    QTest::addColumn<Damage>("damage");
    QTest::newRow("table rows") << QStringLiteral("filler") << QStringLiteral("filler")
                                << Damage::CellContents;
    QTest::newRow("index entries")
        << QStringLiteral("filler") << QStringLiteral("filler_x") << Damage::CellContents;
    QTest::newRow("table page headers")
        << QStringLiteral("filler") << QStringLiteral("filler") << Damage::PageHeaders;
    // quick_check reads the rows of a table with NOT NULL columns: damaged pages stop it with
    // an error (SQLITE_CORRUPT) instead of a list.
    QTest::newRow("patients' page headers")
        << QStringLiteral("patients") << QStringLiteral("patients") << Damage::PageHeaders;
    QTest::newRow("patients' rows")
        << QStringLiteral("patients") << QStringLiteral("patients") << Damage::CellContents;
}

void TestDatabaseStore::checkReportsDamageInSqlitesWords()
{
    QFETCH(QString, table);
    QFETCH(QString, object);
    QFETCH(Damage, damage);
    TestDatabase db;
    QVERIFY(db.open());
    addFiller(db, QStringLiteral("filler"));
    addPatients(db);
    const QList<qint64> pages = laterLeafPages(db, object);
    const int pageSize = db.value(QStringLiteral("PRAGMA page_size")).toInt();
    db.close();
    damagePages(db.path(), pageSize, pages, damage);
    const QStringList sqliteSays = rawQuickCheck(db.path(), table);
    QVERIFY(!sqliteSays.isEmpty());
    QVERIFY(!sqliteSays.contains(QStringLiteral("ok")));

    QVERIFY2(db.open(), qPrintable(db.result().error));
    const Database::CheckResult result = Database::check(db.connection());
    QVERIFY(!result.ok());
    // The check itself ran: damage is a finding, not "the database could not be checked".
    QCOMPARE(result.error, QString());
    QVERIFY(!result.problems.isEmpty());
    QVERIFY2(result.problems.size() <= 3, qPrintable(result.problems.join(QLatin1Char('\n'))));
    for (const QString &problem : result.problems) {
        // One of SQLite's lines, as it wrote it.
        QVERIFY2(sqliteSays.contains(problem), qPrintable(problem));
    }
}

void TestDatabaseStore::checkGoesOnPastADamagedTable()
{
    TestDatabase db;
    QVERIFY(db.open());
    addPatients(db);
    addFiller(db, QStringLiteral("filler"));
    addFiller(db, QStringLiteral("zz_filler"));
    const QList<qint64> fillerPages = laterLeafPages(db, QStringLiteral("filler"));
    const QList<qint64> patientPages = laterLeafPages(db, QStringLiteral("patients"));
    const QList<qint64> lastPages = laterLeafPages(db, QStringLiteral("zz_filler"));
    const int pageSize = db.value(QStringLiteral("PRAGMA page_size")).toInt();
    db.close();
    // Tables are checked in name order: filler, patients (whose damage stops SQLite's check of
    // that table with an error), then zz_filler.
    damagePages(db.path(), pageSize, fillerPages, Damage::CellContents);
    damagePages(db.path(), pageSize, patientPages, Damage::PageHeaders);
    damagePages(db.path(), pageSize, lastPages, Damage::CellContents);
    const QList<QStringList> sqliteSays{rawQuickCheck(db.path(), QStringLiteral("filler")),
                                        rawQuickCheck(db.path(), QStringLiteral("patients")),
                                        rawQuickCheck(db.path(), QStringLiteral("zz_filler"))};

    QVERIFY2(db.open(), qPrintable(db.result().error));
    const Database::CheckResult result = Database::check(db.connection());
    QCOMPARE(result.error, QString());
    const QString problems = result.problems.join(QLatin1Char('\n'));
    for (const QStringList &said : sqliteSays) {
        const bool reported =
            std::any_of(result.problems.begin(), result.problems.end(),
                        [&](const QString &problem) { return said.contains(problem); });
        QVERIFY2(reported, qPrintable(said.join(QLatin1Char('\n')) + QStringLiteral("\nnot in\n") +
                                      problems));
    }
}

void TestDatabaseStore::checkCanBeCancelled()
{
    TestDatabase db;
    QVERIFY(db.open());
    SqlTrace trace(db.connection());
    QVERIFY(trace.isValid());
    QList<int> progress;
    const Database::CheckResult result = Database::check(db.connection(), [&](int checked, int) {
        progress.append(checked);
        return checked < 2; // stop after two tables
    });
    QCOMPARE(progress, (QList<int>{0, 1, 2}));
    int checks = 0;
    for (const QString &statement : trace.statements())
        checks += statement.contains(QLatin1String("quick_check"), Qt::CaseInsensitive);
    QCOMPARE(checks, 2);
    QCOMPARE(result.problems, QStringList());
    QCOMPARE(result.error, QString());
}

void TestDatabaseStore::connectionNameInUseIsRefused()
{
    TestDatabase db;
    QVERIFY(db.open());
    const Database::OpenResult second = Database::open(QStringLiteral(":memory:"), db.connection());
    QVERIFY(!second.ok);
    QVERIFY(!second.error.isEmpty());
    // The first connection is untouched.
    QCOMPARE(db.value(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
}

void TestDatabaseStore::foreignKeysAreEnforced()
{
    TestDatabase db;
    QVERIFY(db.open());
    const QString error = db.exec(QStringLiteral(
        "INSERT INTO coverages (patient_id, payer_id, member_id) VALUES (999, 'INS001', 'X')"));
    QVERIFY2(error.contains(QLatin1String("FOREIGN KEY")), qPrintable(error));
}

void TestDatabaseStore::auditLogIsAppendOnly_data()
{
    QTest::addColumn<QString>("sql");
    QTest::newRow("update") << QStringLiteral("UPDATE audit_log SET user_name = 'mallory'");
    QTest::newRow("delete") << QStringLiteral("DELETE FROM audit_log");
    QTest::newRow("update hash") << QStringLiteral("UPDATE audit_log SET row_hash = NULL");
    QTest::newRow("unchained insert")
        << QStringLiteral("INSERT INTO audit_log (at, user_name, action) VALUES "
                          "('2026-01-02T00:00:00.000Z', 'mallory', 'patient.view')");
}

void TestDatabaseStore::auditLogIsAppendOnly()
{
    QFETCH(QString, sql);
    TestDatabase db;
    QVERIFY(db.open());
    const QString hashes = QStringLiteral("'%1', '%2'").arg(QString(64, u'0'), QString(64, u'a'));
    QCOMPARE(db.exec(QStringLiteral("INSERT INTO audit_log (at, user_name, action, entity, "
                                    "entity_id, prev_hash, row_hash) VALUES "
                                    "('2026-01-01T00:00:00.000Z', 'alice', 'patient.view', "
                                    "'patient', 1, %1)").arg(hashes)),
             QString());
    const QString error = db.exec(sql);
    QVERIFY2(error.contains(QLatin1String("audit_log is append-only"))
                 || error.contains(QLatin1String("audit_log rows must be chained")),
             qPrintable(error));
    QCOMPARE(db.value(QStringLiteral("SELECT user_name FROM audit_log")).toString(),
             QStringLiteral("alice"));
    QCOMPARE(db.value(QStringLiteral("SELECT count(*) FROM audit_log")).toInt(), 1);
}

void TestDatabaseStore::payersAreSeeded()
{
    TestDatabase db;
    QVERIFY(db.open(1));
    QCOMPARE(db.value(QStringLiteral("SELECT count(*) FROM payers")).toInt(), 4);
    QCOMPARE(db.value(QStringLiteral("SELECT name FROM payers WHERE id = 'HI12345'")).toString(),
             QStringLiteral("Health Insurance Premium"));
}

void TestDatabaseStore::transactionGuardRollsBackUnlessCommitted()
{
    TestDatabase db;
    QVERIFY(db.open());
    QCOMPARE(db.exec(QStringLiteral("CREATE TABLE t (x INTEGER)")), QString());
    const QSqlDatabase connection = Database::connection(db.connection());
    {
        TransactionGuard guard(connection);
        QVERIFY(guard.isActive());
        QCOMPARE(db.exec(QStringLiteral("INSERT INTO t VALUES (1)")), QString());
        QCOMPARE(db.value(QStringLiteral("SELECT count(*) FROM t")).toInt(), 1);
    }
    QCOMPARE(db.value(QStringLiteral("SELECT count(*) FROM t")).toInt(), 0);
    {
        TransactionGuard guard(connection);
        QCOMPARE(db.exec(QStringLiteral("INSERT INTO t VALUES (2)")), QString());
        QVERIFY(guard.commit());
        QVERIFY(!guard.isActive());
        QVERIFY(!guard.commit());
    }
    QCOMPARE(db.value(QStringLiteral("SELECT count(*) FROM t")).toInt(), 1);
    // A closed connection gives an inactive guard with a reason, not a crash.
    {
        TransactionGuard guard(QSqlDatabase{});
        QVERIFY(!guard.isActive());
        QVERIFY(!guard.errorText().isEmpty());
        QVERIFY(!guard.commit());
    }
}

void TestDatabaseStore::nestedTransactionGuardsUseSavepoints()
{
    TestDatabase db;
    QVERIFY(db.open());
    QCOMPARE(db.exec(QStringLiteral("CREATE TABLE t (x INTEGER)")), QString());
    const QSqlDatabase connection = Database::connection(db.connection());
    auto count = [&] {
        return db.value(QStringLiteral("SELECT count(*) FROM t")).toInt();
    };

    {
        TransactionGuard outer(connection);
        QCOMPARE(db.exec(QStringLiteral("INSERT INTO t VALUES (1)")), QString());
        {
            TransactionGuard inner(connection);
            QVERIFY2(inner.isActive(), qPrintable(inner.errorText()));
            QCOMPARE(db.exec(QStringLiteral("INSERT INTO t VALUES (2)")), QString());
        } // inner rolled back, outer's row stays
        QCOMPARE(count(), 1);
        QVERIFY(outer.commit());
    }
    QCOMPARE(count(), 1);

    {
        TransactionGuard outer(connection);
        {
            TransactionGuard inner(connection);
            QCOMPARE(db.exec(QStringLiteral("INSERT INTO t VALUES (3)")), QString());
            QVERIFY(inner.commit());
        }
        QCOMPARE(count(), 2);
    } // outer rolled back, taking the committed inner with it
    QCOMPARE(count(), 1);

    // After all that the next guard is an outermost one again.
    TransactionGuard again(connection);
    QVERIFY(again.isActive());
    QVERIFY(again.commit());
}

CLINICDESK_STORE_TEST_MAIN(TestDatabaseStore)
#include "tst_database.moc"

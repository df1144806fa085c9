// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/store/database.h"
#include "store/testdatabase.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

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
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
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
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("PRAGMA user_version = %1").arg(version)));
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
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
    void damagedDatabaseIsRefused();
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
         {"patients", "payers", "coverages", "appointments", "verifications", "audit_log"}) {
        QCOMPARE(db.value(QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE type = 'table' "
                                         "AND name = '%1'")
                              .arg(QLatin1String(table)))
                     .toInt(),
                 1);
    }
    QCOMPARE(db.value(QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'"))
                 .toInt(),
             2);
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

void TestDatabaseStore::damagedDatabaseIsRefused()
{
    TestDatabase db;
    QVERIFY(db.open());
    // Enough rows for the table and its indexes to span many pages.
    QCOMPARE(db.exec(QStringLiteral("CREATE TABLE filler (x TEXT)")), QString());
    QCOMPARE(db.exec(QStringLiteral("CREATE INDEX filler_x ON filler (x)")), QString());
    QCOMPARE(db.exec(QStringLiteral(
                 "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) "
                 "INSERT INTO filler SELECT printf('row %08d padding padding padding', i) FROM n")),
             QString());
    const int pageSize = db.value(QStringLiteral("PRAGMA page_size")).toInt();
    db.close();

    QFile file(db.path());
    QVERIFY(file.open(QIODevice::ReadWrite));
    const qint64 pages = file.size() / pageSize;
    QVERIFY(pages > 10);
    // Scribble over the middle of every page after the schema page, keeping the file header.
    for (qint64 page = 2; page < pages; ++page) {
        QVERIFY(file.seek(page * pageSize + 100));
        file.write(QByteArray(64, '\x5a'));
    }
    file.close();

    QVERIFY(!db.open());
    QVERIFY2(db.result().error.contains(QLatin1String("damaged")), qPrintable(db.result().error));
    QVERIFY(!QSqlDatabase::contains(db.connection()));
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
}

void TestDatabaseStore::auditLogIsAppendOnly()
{
    QFETCH(QString, sql);
    TestDatabase db;
    QVERIFY(db.open());
    QCOMPARE(db.exec(QStringLiteral("INSERT INTO audit_log (at, user_name, action, entity, "
                                    "entity_id) VALUES ('2026-01-01T00:00:00.000Z', 'alice', "
                                    "'patient.view', 'patient', 1)")),
             QString());
    const QString error = db.exec(sql);
    QVERIFY2(error.contains(QLatin1String("audit_log is append-only")), qPrintable(error));
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

QTEST_GUILESS_MAIN(TestDatabaseStore)
#include "tst_database.moc"

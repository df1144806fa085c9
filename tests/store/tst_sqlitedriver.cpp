// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/storetestmain.h"
#include "services/store/database.h"
#include "services/store/sqlite/sqlitedriver.h"
#include "services/store/sqlvalues.h"
#include "services/store/storeerror.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QMutex>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlField>
#include <QSqlIndex>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <limits>
#include <memory>
#include <vector>

// Qt's own SQLite plugin must never be loaded here: this program holds one SQLite only, ours.
// Every connection below is made with SqliteDriver.

namespace {
const QByteArray keyA =
    QByteArrayLiteral("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
const QByteArray keyB =
    QByteArrayLiteral("f0e1d2c3b4a5968778695a4b3c2d1e0ff0e1d2c3b4a5968778695a4b3c2d1e0f");
const QByteArray marker = QByteArrayLiteral("ZQXJ-Plaintext-Marker-Kowalczyk-7731");

QString uniqueName()
{
    static std::atomic<int> counter{0};
    return QStringLiteral("sqlitedriver_%1").arg(counter++);
}

//! A named connection through SqliteDriver, removed when it goes out of scope.
class Connection
{
public:
    explicit Connection(const QString &path, const QString &options = {})
        : m_name(uniqueName())
    {
        SqliteDriver::registerDriver();
        QSqlDatabase db = QSqlDatabase::addDatabase(SqliteDriver::driverName, m_name);
        db.setDatabaseName(path);
        db.setConnectOptions(options);
        m_open = db.open();
        m_error = db.lastError();
    }
    ~Connection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    bool isOpen() const { return m_open; }
    QSqlError openError() const { return m_error; }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }
    SqliteDriver *driver() const { return static_cast<SqliteDriver *>(db().driver()); }
    //! Runs `sql`; the error text, empty on success.
    QString exec(const QString &sql) const
    {
        QSqlQuery query(db());
        return query.exec(sql) ? QString() : query.lastError().text();
    }
    QVariant value(const QString &sql) const
    {
        QSqlQuery query(db());
        if (!query.exec(sql) || !query.next())
            return {};
        return query.value(0);
    }

private:
    QString m_name;
    bool m_open = false;
    QSqlError m_error;
};

QString keyOption(const QByteArray &key)
{
    return QStringLiteral("CLINICDESK_KEY=") + QString::fromLatin1(key);
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray fileHash(const QString &path)
{
    return QCryptographicHash::hash(fileBytes(path), QCryptographicHash::Sha256);
}

} // namespace

class TestSqliteDriver : public QObject
{
    Q_OBJECT

private slots:
    void compiledWithOurOptions();
    void featuresMatchQSqlite();
    void valuesRoundTrip_data();
    void valuesRoundTrip();
    void nullsHaveTheColumnsType();
    void namedAndPositionalBinds();
    void parameterMismatchIsAnError();
    void lastInsertIdAndRowsAffected();
    void transactionsCommitAndRollBack();
    void syntaxErrorCarriesSqliteCode();
    void constraintViolationsCarryExtendedCodes_data();
    void constraintViolationsCarryExtendedCodes();
    void multipleStatementsAreRefused();
    void lockedDatabaseIsBusyAfterTimeout();
    void readOnlyOptionRefusesWrites();
    void forwardOnlyIteration();
    void scrollableIteration();
    void closingWithQueriesAlive();
    void schemaIntrospection();
    void concurrentWritersAndReaders();
    void keyedFileHoldsNoPlaintext();
    void wrongOrMissingKeyFailsAndChangesNothing();
    void malformedKeyIsRefused();
    void rekeyReplacesTheKey();
    void migrationsRunOnEncryptedFile();
    void noOtherSqliteIsLoaded();

private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }
};

void TestSqliteDriver::compiledWithOurOptions()
{
    Connection c(QStringLiteral(":memory:"));
    QVERIFY2(c.isOpen(), qPrintable(c.openError().text()));
    QStringList options;
    QSqlQuery query(c.db());
    QVERIFY(query.exec(QStringLiteral("SELECT compile_options FROM pragma_compile_options")));
    while (query.next())
        options.append(query.value(0).toString());
    for (const char *option : {"ENABLE_FTS5", "ENABLE_MATH_FUNCTIONS", "TEMP_STORE=3", "DQS=0",
                               "OMIT_LOAD_EXTENSION", "THREADSAFE=1"}) {
        QVERIFY2(options.contains(QLatin1String(option)),
                 qPrintable(QStringLiteral("%1 not in %2")
                                .arg(QLatin1String(option), options.join(QLatin1Char(' ')))));
    }
    // The pinned amalgamation, and its features at work.
    QCOMPARE(c.value(QStringLiteral("SELECT sqlite_version()")).toString(),
             QStringLiteral("3.53.4"));
    QVERIFY(SqliteDriver::libraryVersion().contains(QLatin1String("Multiple Ciphers")));
    QCOMPARE(c.value(QStringLiteral("SELECT sqrt(16.0) + pi() - pi()")).toDouble(), 4.0);
    QCOMPARE(c.exec(QStringLiteral("CREATE VIRTUAL TABLE notes USING fts5(body)")), QString());
    QCOMPARE(c.exec(QStringLiteral("INSERT INTO notes VALUES ('chest pain on exertion')")),
             QString());
    QCOMPARE(
        c.value(QStringLiteral("SELECT count(*) FROM notes WHERE notes MATCH 'exertion'")).toInt(),
        1);
    QCOMPARE(c.value(QStringLiteral("SELECT json_extract('{\"a\":[1,2]}', '$.a[1]')")).toInt(), 2);
    // Temporary tables stay in memory whatever a connection asks (TEMP_STORE=3 overrides the
    // pragma): SQLite opens no temporary file, which would show (deleted) among our descriptors.
    // With a small cache, SQLite built otherwise spills this table to /var/tmp/etilqs_*.
    {
        Connection file(path(QStringLiteral("tempstore.db")));
        QVERIFY(file.isOpen());
        QCOMPARE(file.exec(QStringLiteral("PRAGMA temp_store = FILE")), QString());
        QCOMPARE(file.exec(QStringLiteral("CREATE TEMP TABLE scratch (i INTEGER, filler BLOB)")),
                 QString());
        QCOMPARE(file.exec(QStringLiteral("PRAGMA temp.cache_size = 10")), QString());
        QCOMPARE(file.exec(QStringLiteral("INSERT INTO scratch WITH RECURSIVE n(i) AS (SELECT 1 "
                                          "UNION ALL SELECT i + 1 FROM n WHERE i < 5000) SELECT "
                                          "i, randomblob(200) FROM n")),
                 QString());
        QCOMPARE(file.value(QStringLiteral("SELECT count(*) FROM scratch")).toInt(), 5000);
        const QDir fds(QStringLiteral("/proc/self/fd"));
        int descriptors = 0;
        for (const QString &fd : fds.entryList(QDir::AllEntries | QDir::System)) {
            const QString target = QFile::symLinkTarget(fds.filePath(fd));
            descriptors += target.endsWith(QLatin1String("tempstore.db")) ? 1 : 0;
            QVERIFY2(!target.contains(QLatin1String("etilqs")), qPrintable(target));
        }
        QCOMPARE(descriptors, 1); // the listing does see SQLite's files
    }
    // "text" is an identifier, never a string (DQS=0).
    QVERIFY(!c.exec(QStringLiteral("SELECT \"no such column\"")).isEmpty());
    QVERIFY(c.db().driver()->handle().isValid());
    QVERIFY(c.db().driver()->handle().value<sqlite3 *>() != nullptr);
}

void TestSqliteDriver::featuresMatchQSqlite()
{
    Connection c(QStringLiteral(":memory:"));
    const QSqlDriver *driver = c.db().driver();
    for (const auto feature :
         {QSqlDriver::Transactions, QSqlDriver::BLOB, QSqlDriver::Unicode,
          QSqlDriver::PreparedQueries, QSqlDriver::NamedPlaceholders,
          QSqlDriver::PositionalPlaceholders, QSqlDriver::LastInsertId, QSqlDriver::FinishQuery}) {
        QVERIFY2(driver->hasFeature(feature), qPrintable(QString::number(feature)));
    }
    for (const auto feature :
         {QSqlDriver::QuerySize, QSqlDriver::LowPrecisionNumbers, QSqlDriver::EventNotifications,
          QSqlDriver::BatchOperations, QSqlDriver::SimpleLocking, QSqlDriver::MultipleResultSets,
          QSqlDriver::CancelQuery}) {
        QVERIFY2(!driver->hasFeature(feature), qPrintable(QString::number(feature)));
    }
    QCOMPARE(driver->escapeIdentifier(QStringLiteral("a\"b"), QSqlDriver::FieldName),
             QStringLiteral("\"a\"\"b\""));
    QCOMPARE(driver->escapeIdentifier(QStringLiteral("main.t"), QSqlDriver::TableName),
             QStringLiteral("\"main\".\"t\""));
}

void TestSqliteDriver::valuesRoundTrip_data()
{
    QTest::addColumn<QString>("columnType");
    QTest::addColumn<QVariant>("written");
    QTest::addColumn<QVariant>("expected");

    const auto ll = [](qint64 v) {
        return QVariant(v);
    };
    QTest::newRow("int zero") << "INTEGER" << QVariant(0) << ll(0);
    QTest::newRow("int max") << "INTEGER" << QVariant(std::numeric_limits<int>::max())
                             << ll(std::numeric_limits<int>::max());
    QTest::newRow("int64 max") << "INTEGER" << ll(std::numeric_limits<qint64>::max())
                               << ll(std::numeric_limits<qint64>::max());
    QTest::newRow("int64 min") << "INTEGER" << ll(std::numeric_limits<qint64>::min())
                               << ll(std::numeric_limits<qint64>::min());
    QTest::newRow("bool") << "INTEGER" << QVariant(true) << ll(1);
    QTest::newRow("double") << "REAL" << QVariant(3.141592653589793) << QVariant(3.141592653589793);
    QTest::newRow("double tiny") << "REAL" << QVariant(-2.2250738585072014e-308)
                                 << QVariant(-2.2250738585072014e-308);
    QTest::newRow("double huge") << "REAL" << QVariant(1.7976931348623157e308)
                                 << QVariant(1.7976931348623157e308);
    const QString nonLatin = QStringLiteral("José Müller · Ωμέγα · 山田太郎 · 😀");
    QTest::newRow("non-Latin text") << "TEXT" << QVariant(nonLatin) << QVariant(nonLatin);
    const QString withNul(QStringLiteral("before\0after").data(), 12);
    QTest::newRow("embedded NUL") << "TEXT" << QVariant(withNul) << QVariant(withNul);
    QTest::newRow("empty string") << "TEXT" << QVariant(QLatin1String("")) << QVariant(QString(""));
    QTest::newRow("date as SqlValues writes it")
        << "TEXT" << SqlValues::fromDate(QDate(1961, 2, 28))
        << QVariant(QStringLiteral("1961-02-28"));
    const QDateTime stamp(QDate(2026, 3, 1), QTime(14, 5, 9, 123), Qt::UTC);
    QTest::newRow("timestamp as SqlValues writes it")
        << "TEXT" << SqlValues::fromTimestamp(stamp)
        << QVariant(QStringLiteral("2026-03-01T14:05:09.123Z"));
    QTest::newRow("QDate bound as ISO text")
        << "TEXT" << QVariant(QDate(2026, 1, 2)) << QVariant(QStringLiteral("2026-01-02"));
    QTest::newRow("empty blob") << "BLOB" << QVariant(QByteArray("")) << QVariant(QByteArray(""));
    QByteArray binary(256, '\0');
    for (int i = 0; i < binary.size(); ++i)
        binary[i] = char(i);
    QTest::newRow("all byte values") << "BLOB" << QVariant(binary) << QVariant(binary);
    QByteArray big(1024 * 1024, '\0');
    QRandomGenerator generator(42);
    for (char &byte : big)
        byte = char(generator.bounded(256));
    QTest::newRow("1 MB blob") << "BLOB" << QVariant(big) << QVariant(big);
}

void TestSqliteDriver::valuesRoundTrip()
{
    QFETCH(QString, columnType);
    QFETCH(QVariant, written);
    QFETCH(QVariant, expected);

    Connection c(path(QStringLiteral("types.db")));
    QVERIFY2(c.isOpen(), qPrintable(c.openError().text()));
    QCOMPARE(c.exec(QStringLiteral("DROP TABLE IF EXISTS t")), QString());
    QCOMPARE(
        c.exec(QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, v %1)").arg(columnType)),
        QString());
    QSqlQuery insert(c.db());
    QVERIFY(insert.prepare(QStringLiteral("INSERT INTO t (v) VALUES (?)")));
    insert.addBindValue(written);
    QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));

    QSqlQuery select(c.db());
    select.setForwardOnly(true);
    QVERIFY(select.exec(QStringLiteral("SELECT v, typeof(v) FROM t")));
    QVERIFY(select.next());
    const QVariant read = select.value(0);
    QVERIFY(!select.isNull(0));
    QVERIFY(!read.isNull());
    QCOMPARE(read.metaType(), expected.metaType());
    QCOMPARE(read, expected);
    // Stored as the column's own storage class, not as text.
    QCOMPARE(select.value(1).toString(), columnType.toLower());
    QVERIFY(!select.next());
}

void TestSqliteDriver::nullsHaveTheColumnsType()
{
    Connection c(QStringLiteral(":memory:"));
    QCOMPARE(c.exec(QStringLiteral("CREATE TABLE t (i INTEGER, r REAL, s TEXT, b BLOB)")),
             QString());
    QSqlQuery insert(c.db());
    QVERIFY(insert.prepare(QStringLiteral("INSERT INTO t VALUES (?, ?, ?, ?)")));
    insert.addBindValue(QVariant());
    insert.addBindValue(QVariant(QMetaType(QMetaType::Double)));
    insert.addBindValue(QString());    // a null QString is NULL (SqlValues relies on it)
    insert.addBindValue(QByteArray()); // so is a null QByteArray
    QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));

    QCOMPARE(c.value(QStringLiteral("SELECT count(*) FROM t WHERE i IS NULL AND r IS NULL AND "
                                    "s IS NULL AND b IS NULL"))
                 .toInt(),
             1);
    QSqlQuery select(c.db());
    QVERIFY(select.exec(QStringLiteral("SELECT i, r, s, b FROM t")));
    QVERIFY(select.next());
    const QList<int> types = {QMetaType::Int, QMetaType::Double, QMetaType::QString,
                              QMetaType::QByteArray};
    for (int i = 0; i < 4; ++i) {
        QVERIFY(select.isNull(i));
        QVERIFY(select.value(i).isNull());
        QCOMPARE(select.value(i).metaType().id(), types.at(i));
        QCOMPARE(select.record().field(i).metaType().id(), types.at(i));
    }
    QCOMPARE(select.record().fieldName(2), QStringLiteral("s"));
    QCOMPARE(select.value(QStringLiteral("s")), QVariant(QMetaType(QMetaType::QString)));
}

void TestSqliteDriver::namedAndPositionalBinds()
{
    Connection c(QStringLiteral(":memory:"));
    QCOMPARE(c.exec(QStringLiteral("CREATE TABLE t (a INTEGER, b TEXT, c TEXT)")), QString());

    // Named, one name used twice.
    QSqlQuery named(c.db());
    QVERIFY(named.prepare(QStringLiteral("INSERT INTO t (a, b, c) VALUES (:a, :b, :b || ':b')")));
    named.bindValue(QStringLiteral(":a"), 1);
    named.bindValue(QStringLiteral(":b"), QStringLiteral("x"));
    QVERIFY2(named.exec(), qPrintable(named.lastError().text()));
    // Re-executed with new values.
    named.bindValue(QStringLiteral(":a"), 2);
    named.bindValue(QStringLiteral(":b"), QStringLiteral("y"));
    QVERIFY2(named.exec(), qPrintable(named.lastError().text()));

    // Positional, by addBindValue and by index.
    QSqlQuery positional(c.db());
    QVERIFY(positional.prepare(QStringLiteral("INSERT INTO t (a, b, c) VALUES (?, ?, '?')")));
    positional.addBindValue(3);
    positional.addBindValue(QStringLiteral("z"));
    QVERIFY2(positional.exec(), qPrintable(positional.lastError().text()));
    positional.bindValue(1, QStringLiteral("w"));
    positional.bindValue(0, 4);
    QVERIFY2(positional.exec(), qPrintable(positional.lastError().text()));

    QSqlQuery select(c.db());
    QVERIFY(select.prepare(QStringLiteral("SELECT a, b, c FROM t WHERE a >= :low ORDER BY a")));
    select.bindValue(QStringLiteral(":low"), 1);
    QVERIFY(select.exec());
    QStringList rows;
    while (select.next()) {
        rows.append(QStringLiteral("%1 %2 %3")
                        .arg(select.value(0).toString(), select.value(1).toString(),
                             select.value(2).toString()));
    }
    QCOMPARE(rows, QStringList({QStringLiteral("1 x x:b"), QStringLiteral("2 y y:b"),
                                QStringLiteral("3 z ?"), QStringLiteral("4 w ?")}));
    // The same prepared select, again with another value.
    select.bindValue(QStringLiteral(":low"), 4);
    QVERIFY(select.exec());
    QVERIFY(select.next());
    QCOMPARE(select.value(1).toString(), QStringLiteral("w"));
    QVERIFY(!select.next());
}

void TestSqliteDriver::parameterMismatchIsAnError()
{
    Connection c(QStringLiteral(":memory:"));
    QCOMPARE(c.exec(QStringLiteral("CREATE TABLE t (a INTEGER, b INTEGER)")), QString());
    QSqlQuery tooFew(c.db());
    QVERIFY(tooFew.prepare(QStringLiteral("INSERT INTO t VALUES (?, ?)")));
    tooFew.addBindValue(1);
    QVERIFY(!tooFew.exec());
    QVERIFY(tooFew.lastError().isValid());
    QSqlQuery tooMany(c.db());
    QVERIFY(tooMany.prepare(QStringLiteral("INSERT INTO t VALUES (?, ?)")));
    tooMany.addBindValue(1);
    tooMany.addBindValue(2);
    tooMany.addBindValue(3);
    QVERIFY(!tooMany.exec());
    QCOMPARE(c.value(QStringLiteral("SELECT count(*) FROM t")).toInt(), 0);
}

void TestSqliteDriver::lastInsertIdAndRowsAffected()
{
    Connection c(QStringLiteral(":memory:"));
    QCOMPARE(c.exec(QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")), QString());
    QSqlQuery insert(c.db());
    QVERIFY(insert.prepare(QStringLiteral("INSERT INTO t (id, v) VALUES (?, ?)")));
    insert.addBindValue(41);
    insert.addBindValue(QStringLiteral("a"));
    QVERIFY(insert.exec());
    QCOMPARE(insert.lastInsertId(), QVariant(qint64(41)));
    QCOMPARE(insert.numRowsAffected(), 1);
    insert.addBindValue(QVariant());
    insert.addBindValue(QStringLiteral("b"));
    QVERIFY(insert.exec());
    QCOMPARE(insert.lastInsertId().toLongLong(), 42);

    QSqlQuery update(c.db());
    QVERIFY(update.exec(QStringLiteral("UPDATE t SET v = 'c'")));
    QCOMPARE(update.numRowsAffected(), 2);
    QVERIFY(update.exec(QStringLiteral("DELETE FROM t WHERE id = 99")));
    QCOMPARE(update.numRowsAffected(), 0);
    QVERIFY(update.exec(QStringLiteral("DELETE FROM t WHERE id = 41")));
    QCOMPARE(update.numRowsAffected(), 1);
}

void TestSqliteDriver::transactionsCommitAndRollBack()
{
    const QString file = path(QStringLiteral("transactions.db"));
    Connection c(file);
    QVERIFY(c.isOpen());
    QCOMPARE(c.exec(QStringLiteral("CREATE TABLE t (v INTEGER)")), QString());

    QVERIFY(c.db().transaction());
    QCOMPARE(c.exec(QStringLiteral("INSERT INTO t VALUES (1)")), QString());
    QVERIFY(c.db().rollback());
    QCOMPARE(c.value(QStringLiteral("SELECT count(*) FROM t")).toInt(), 0);

    QVERIFY(c.db().transaction());
    QCOMPARE(c.exec(QStringLiteral("INSERT INTO t VALUES (2)")), QString());
    // Not visible to another connection before the commit.
    {
        Connection other(file);
        QCOMPARE(other.value(QStringLiteral("SELECT count(*) FROM t")).toInt(), 0);
    }
    QVERIFY(c.db().commit());
    {
        Connection other(file);
        QCOMPARE(other.value(QStringLiteral("SELECT v FROM t")).toInt(), 2);
    }
    // TransactionGuard's way: BEGIN IMMEDIATE through a query, and a commit with none open.
    QCOMPARE(c.exec(QStringLiteral("BEGIN IMMEDIATE")), QString());
    QCOMPARE(c.exec(QStringLiteral("INSERT INTO t VALUES (3)")), QString());
    QCOMPARE(c.exec(QStringLiteral("COMMIT")), QString());
    QVERIFY(!c.db().commit());
    QVERIFY(c.db().lastError().isValid());
    QCOMPARE(c.value(QStringLiteral("SELECT sum(v) FROM t")).toInt(), 5);
}

void TestSqliteDriver::syntaxErrorCarriesSqliteCode()
{
    Connection c(QStringLiteral(":memory:"));
    QSqlQuery query(c.db());
    QVERIFY(!query.exec(QStringLiteral("SELEC 1")));
    const QSqlError error = query.lastError();
    QCOMPARE(error.type(), QSqlError::StatementError);
    QCOMPARE(error.nativeErrorCode(), QStringLiteral("1")); // SQLITE_ERROR
    QVERIFY2(error.databaseText().contains(QLatin1String("syntax error")),
             qPrintable(error.databaseText()));
    QVERIFY(!StoreErrors::isDatabaseProblem(error));
    // A prepared statement fails at prepare() the same way.
    QVERIFY(!query.prepare(QStringLiteral("SELECT * FROM no_such_table")));
    QVERIFY(query.lastError().databaseText().contains(QLatin1String("no such table")));
}

void TestSqliteDriver::constraintViolationsCarryExtendedCodes_data()
{
    QTest::addColumn<QString>("statement");
    QTest::addColumn<int>("code");
    QTest::newRow("unique") << "INSERT INTO child (id, parent, name) VALUES (2, 1, 'dup')"
                            << 2067; // SQLITE_CONSTRAINT_UNIQUE
    QTest::newRow("primary key") << "INSERT INTO parent (id) VALUES (1)"
                                 << 1555; // SQLITE_CONSTRAINT_PRIMARYKEY
    QTest::newRow("not null") << "INSERT INTO child (id, parent, name) VALUES (5, 1, NULL)"
                              << 1299; // SQLITE_CONSTRAINT_NOTNULL
    QTest::newRow("foreign key") << "INSERT INTO child (id, parent, name) VALUES (6, 99, 'x')"
                                 << 787; // SQLITE_CONSTRAINT_FOREIGNKEY
    QTest::newRow("check") << "INSERT INTO child (id, parent, name) VALUES (7, 1, '')"
                           << 275; // SQLITE_CONSTRAINT_CHECK
}

void TestSqliteDriver::constraintViolationsCarryExtendedCodes()
{
    QFETCH(QString, statement);
    QFETCH(int, code);
    Connection c(QStringLiteral(":memory:"));
    // Foreign keys are off until a connection turns them on (SQLITE_DEFAULT_FOREIGN_KEYS=0).
    QCOMPARE(c.value(QStringLiteral("PRAGMA foreign_keys")).toInt(), 0);
    QCOMPARE(c.exec(QStringLiteral("PRAGMA foreign_keys = ON")), QString());
    QCOMPARE(c.exec(QStringLiteral("CREATE TABLE parent (id INTEGER PRIMARY KEY)")), QString());
    QCOMPARE(c.exec(QStringLiteral("CREATE TABLE child (id INTEGER PRIMARY KEY, parent INTEGER "
                                   "REFERENCES parent (id), name TEXT NOT NULL UNIQUE "
                                   "CHECK (name <> ''))")),
             QString());
    QCOMPARE(c.exec(QStringLiteral("INSERT INTO parent VALUES (1)")), QString());
    QCOMPARE(c.exec(QStringLiteral("INSERT INTO child VALUES (1, 1, 'dup')")), QString());

    QSqlQuery query(c.db());
    QVERIFY(!query.exec(statement));
    const QSqlError error = query.lastError();
    QCOMPARE(error.nativeErrorCode().toInt(), code);
    QCOMPARE(error.nativeErrorCode().toInt() & 0xff, 19); // SQLITE_CONSTRAINT
    QVERIFY(!error.databaseText().isEmpty());
    QVERIFY(!StoreErrors::isDatabaseProblem(error));
    QVERIFY(!StoreErrors::isBusy(error));
}

void TestSqliteDriver::multipleStatementsAreRefused()
{
    Connection c(QStringLiteral(":memory:"));
    QCOMPARE(c.exec(QStringLiteral("CREATE TABLE t (v INTEGER)")), QString());
    QSqlQuery query(c.db());
    QVERIFY(!query.exec(QStringLiteral("INSERT INTO t VALUES (1); INSERT INTO t VALUES (2)")));
    QCOMPARE(query.lastError().nativeErrorCode(), QStringLiteral("21")); // SQLITE_MISUSE
    QCOMPARE(c.value(QStringLiteral("SELECT count(*) FROM t")).toInt(), 0);
    // A trailing semicolon is one statement.
    QVERIFY(query.exec(QStringLiteral("INSERT INTO t VALUES (3);  ")));
    QCOMPARE(c.value(QStringLiteral("SELECT count(*) FROM t")).toInt(), 1);
    // Found by the sql_driver fuzz target: SQLite stops at a NUL and runs nothing for a
    // statement of comments, which failed without saying why. Both are errors with words now.
    const QString withNul = QStringLiteral("INSERT INTO t VALUES (4)") + QChar(0)
                          + QStringLiteral("; DELETE FROM t");
    for (const QString &statement : {withNul, QStringLiteral("  -- nothing here\n"),
                                     QString(QChar(0)) + QStringLiteral("SELECT 1")}) {
        QVERIFY(!query.exec(statement));
        QVERIFY2(query.lastError().isValid() && !query.lastError().databaseText().isEmpty(),
                 qPrintable(statement));
        QCOMPARE(query.lastError().nativeErrorCode(), QStringLiteral("21"));
    }
    QCOMPARE(c.value(QStringLiteral("SELECT count(*) FROM t")).toInt(), 1);
}

void TestSqliteDriver::lockedDatabaseIsBusyAfterTimeout()
{
    const QString file = path(QStringLiteral("busy.db"));
    Connection holder(file);
    QCOMPARE(holder.exec(QStringLiteral("PRAGMA journal_mode = WAL")), QString());
    QCOMPARE(holder.exec(QStringLiteral("CREATE TABLE t (v INTEGER)")), QString());
    QCOMPARE(holder.exec(QStringLiteral("BEGIN IMMEDIATE")), QString());

    Connection waiter(file, QStringLiteral("QSQLITE_BUSY_TIMEOUT=150"));
    QVERIFY(waiter.isOpen());
    QSqlQuery query(waiter.db());
    QElapsedTimer timer;
    timer.start();
    QVERIFY(!query.exec(QStringLiteral("INSERT INTO t VALUES (1)")));
    const qint64 waited = timer.elapsed();
    QCOMPARE(query.lastError().nativeErrorCode().toInt() & 0xff, 5); // SQLITE_BUSY
    QVERIFY(StoreErrors::isBusy(query.lastError()));
    QVERIFY(StoreErrors::isDatabaseProblem(query.lastError()));
    QVERIFY2(waited >= 100 && waited < 4000, qPrintable(QString::number(waited)));

    // The reader still reads (WAL), and writes once the lock is gone.
    QCOMPARE(waiter.value(QStringLiteral("SELECT count(*) FROM t")).toInt(), 0);
    QCOMPARE(holder.exec(QStringLiteral("COMMIT")), QString());
    QVERIFY(query.exec(QStringLiteral("INSERT INTO t VALUES (1)")));
}

void TestSqliteDriver::readOnlyOptionRefusesWrites()
{
    const QString file = path(QStringLiteral("readonly.db"));
    {
        Connection c(file);
        QCOMPARE(c.exec(QStringLiteral("CREATE TABLE t (v INTEGER)")), QString());
    }
    Connection reader(file, QStringLiteral("QSQLITE_OPEN_READONLY; QSQLITE_OPEN_URI"));
    QVERIFY2(reader.isOpen(), qPrintable(reader.openError().text()));
    QSqlQuery query(reader.db());
    QVERIFY(!query.exec(QStringLiteral("INSERT INTO t VALUES (1)")));
    QCOMPARE(query.lastError().nativeErrorCode().toInt() & 0xff, 8); // SQLITE_READONLY
    QCOMPARE(reader.value(QStringLiteral("SELECT count(*) FROM t")).toInt(), 0);
    // A read-only open does not create a missing file.
    Connection missing(path(QStringLiteral("missing.db")), QStringLiteral("QSQLITE_OPEN_READONLY"));
    QVERIFY(!missing.isOpen());
    QVERIFY(!QFile::exists(path(QStringLiteral("missing.db"))));
}

void TestSqliteDriver::forwardOnlyIteration()
{
    Connection c(QStringLiteral(":memory:"));
    QCOMPARE(c.exec(QStringLiteral("CREATE TABLE t (v INTEGER)")), QString());
    QCOMPARE(c.exec(QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM "
                                   "n WHERE i < 9) INSERT INTO t SELECT i FROM n")),
             QString());
    QSqlQuery query(c.db());
    query.setForwardOnly(true);
    QVERIFY(query.exec(QStringLiteral("SELECT v FROM t ORDER BY v")));
    QVERIFY(query.isSelect());
    QCOMPARE(query.size(), -1);
    QCOMPARE(query.at(), int(QSql::BeforeFirstRow));
    QList<int> seen;
    while (query.next()) {
        QCOMPARE(query.at(), int(seen.size()));
        seen.append(query.value(0).toInt());
    }
    QCOMPARE(seen, QList<int>({0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
    QCOMPARE(query.at(), int(QSql::AfterLastRow));

    // Skipping forward works; going back does not.
    QVERIFY(query.exec(QStringLiteral("SELECT v FROM t ORDER BY v")));
    QVERIFY(query.seek(3));
    QCOMPARE(query.value(0).toInt(), 3);
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 4);
    QVERIFY(query.last());
    QCOMPARE(query.at(), 9);
    QCOMPARE(query.value(0).toInt(), 9);
    QVERIFY(!query.next());

    // finish() ends the read (SQLite's statement is reset); the query runs again.
    QVERIFY(query.exec(QStringLiteral("SELECT v FROM t ORDER BY v")));
    QVERIFY(query.next());
    query.finish();
    QVERIFY(!query.isActive());
    QVERIFY(query.exec());
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 0);
}

void TestSqliteDriver::scrollableIteration()
{
    Connection c(QStringLiteral(":memory:"));
    QCOMPARE(c.exec(QStringLiteral("CREATE TABLE t (v INTEGER)")), QString());
    QCOMPARE(c.exec(QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM "
                                   "n WHERE i < 9) INSERT INTO t SELECT i * 10 FROM n")),
             QString());
    QSqlQuery query(c.db());
    QVERIFY(!query.isForwardOnly());
    QVERIFY(query.exec(QStringLiteral("SELECT v FROM t ORDER BY v")));
    QVERIFY(query.seek(5));
    QCOMPARE(query.value(0).toInt(), 50);
    QVERIFY(query.previous());
    QCOMPARE(query.value(0).toInt(), 40);
    QVERIFY(query.last());
    QCOMPARE(query.at(), 9);
    QCOMPARE(query.value(0).toInt(), 90);
    QVERIFY(query.first());
    QCOMPARE(query.value(0).toInt(), 0);
    QVERIFY(query.seek(2, true));
    QCOMPARE(query.value(0).toInt(), 20);
    QVERIFY(!query.seek(10));
    QVERIFY(query.seek(7));
    QCOMPARE(query.value(0).toInt(), 70);
    QVERIFY(query.previous());
    QCOMPARE(query.value(0).toInt(), 60);

    // An empty result.
    QVERIFY(query.exec(QStringLiteral("SELECT v FROM t WHERE v < 0")));
    QVERIFY(!query.next());
    QVERIFY(!query.last());
    QVERIFY(!query.first());
}

void TestSqliteDriver::closingWithQueriesAlive()
{
    const QString file = path(QStringLiteral("close.db"));
    {
        Connection c(file);
        QCOMPARE(c.exec(QStringLiteral("CREATE TABLE t (v INTEGER)")), QString());
        QCOMPARE(c.exec(QStringLiteral("INSERT INTO t VALUES (1), (2), (3)")), QString());
    }
    auto c = std::make_unique<Connection>(file);
    // Two queries in the middle of their rows: each holds a read on the file.
    QSqlQuery first(c->db());
    QVERIFY(first.exec(QStringLiteral("SELECT v FROM t")));
    QVERIFY(first.next());
    QSqlQuery second(c->db());
    second.setForwardOnly(true);
    QVERIFY(second.exec(QStringLiteral("SELECT v FROM t")));
    QVERIFY(second.next());
    c->db().close();
    QVERIFY(!c->db().isOpen());
    // Closing released them: another connection takes the file's exclusive lock at once.
    Connection other(file, QStringLiteral("QSQLITE_BUSY_TIMEOUT=0"));
    QCOMPARE(other.exec(QStringLiteral("PRAGMA locking_mode = EXCLUSIVE")), QString());
    QCOMPARE(other.exec(QStringLiteral("DELETE FROM t")), QString());
    QVERIFY(!first.next());
    QVERIFY(!second.next());
}

void TestSqliteDriver::schemaIntrospection()
{
    Connection c(QStringLiteral(":memory:"));
    QCOMPARE(c.exec(QStringLiteral("CREATE TABLE claims (id INTEGER PRIMARY KEY, payer TEXT NOT "
                                   "NULL DEFAULT 'self', amount REAL, doc BLOB)")),
             QString());
    QCOMPARE(c.exec(QStringLiteral("CREATE TABLE pair (a TEXT, b INTEGER, PRIMARY KEY (b, a))")),
             QString());
    QCOMPARE(c.exec(QStringLiteral("CREATE VIEW v AS SELECT id FROM claims")), QString());
    QStringList tables = c.db().tables(QSql::Tables);
    tables.sort();
    QCOMPARE(tables, QStringList({QStringLiteral("claims"), QStringLiteral("pair")}));
    QCOMPARE(c.db().tables(QSql::Views), QStringList({QStringLiteral("v")}));

    const QSqlRecord record = c.db().record(QStringLiteral("claims"));
    QCOMPARE(record.count(), 4);
    QCOMPARE(record.fieldName(1), QStringLiteral("payer"));
    QCOMPARE(record.field(0).metaType().id(), int(QMetaType::Int));
    QCOMPARE(record.field(2).metaType().id(), int(QMetaType::Double));
    QCOMPARE(record.field(3).metaType().id(), int(QMetaType::QByteArray));
    QCOMPARE(record.field(1).requiredStatus(), QSqlField::Required);
    QVERIFY(record.field(0).isAutoValue());

    const QSqlIndex key = c.db().primaryIndex(QStringLiteral("pair"));
    QCOMPARE(key.count(), 2);
    QCOMPARE(key.fieldName(0), QStringLiteral("b"));
    QCOMPARE(key.fieldName(1), QStringLiteral("a"));
    QVERIFY(c.db().record(QStringLiteral("no_such_table")).isEmpty());

    // A query's record names its columns and their table.
    QSqlQuery query(c.db());
    QVERIFY(query.exec(QStringLiteral("SELECT payer AS who, amount FROM claims")));
    QCOMPARE(query.record().fieldName(0), QStringLiteral("who"));
    QCOMPARE(query.record().field(1).tableName(), QStringLiteral("claims"));
}

void TestSqliteDriver::concurrentWritersAndReaders()
{
    const QString file = path(QStringLiteral("threads.db"));
    {
        Connection setup(file, keyOption(keyA));
        QVERIFY2(setup.isOpen(), qPrintable(setup.openError().text()));
        QCOMPARE(setup.value(QStringLiteral("PRAGMA journal_mode = WAL")).toString(),
                 QStringLiteral("wal"));
        QCOMPARE(setup.exec(QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, writer "
                                           "INTEGER NOT NULL, n INTEGER NOT NULL, UNIQUE "
                                           "(writer, n))")),
                 QString());
    }
    constexpr int writers = 4;
    constexpr int rowsEach = 500;
    std::atomic<int> failures{0};
    std::atomic<bool> writing{true};
    QStringList errors;
    QMutex errorsMutex;
    const auto fail = [&](const QString &error) {
        ++failures;
        QMutexLocker lock(&errorsMutex);
        if (errors.size() < 5)
            errors.append(error);
    };

    std::vector<std::unique_ptr<QThread>> threads;
    for (int w = 0; w < writers; ++w) {
        threads.emplace_back(QThread::create([&, w] {
            Connection c(file, keyOption(keyA));
            if (!c.isOpen())
                return fail(c.openError().text());
            c.exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
            QSqlQuery insert(c.db());
            if (!insert.prepare(QStringLiteral("INSERT INTO t (writer, n) VALUES (?, ?)")))
                return fail(insert.lastError().text());
            for (int n = 0; n < rowsEach; ++n) {
                insert.addBindValue(w);
                insert.addBindValue(n);
                if (!insert.exec())
                    return fail(insert.lastError().text());
            }
        }));
    }
    // A reader sees the count grow and never shrink: only committed rows.
    int lastSeen = 0;
    threads.emplace_back(QThread::create([&] {
        Connection c(file, keyOption(keyA));
        if (!c.isOpen())
            return fail(c.openError().text());
        while (writing) {
            QSqlQuery count(c.db());
            if (!count.exec(QStringLiteral("SELECT count(*) FROM t")) || !count.next())
                return fail(count.lastError().text());
            const int seen = count.value(0).toInt();
            if (seen < lastSeen)
                return fail(
                    QStringLiteral("count went back from %1 to %2").arg(lastSeen).arg(seen));
            lastSeen = seen;
            QThread::msleep(2);
        }
    }));
    for (auto &thread : threads)
        thread->start();
    for (int w = 0; w < writers; ++w)
        QVERIFY(threads[w]->wait(120000));
    writing = false;
    QVERIFY(threads.back()->wait(10000));
    QVERIFY2(failures == 0, qPrintable(errors.join(QLatin1String("; "))));

    Connection check(file, keyOption(keyA));
    QCOMPARE(check.value(QStringLiteral("SELECT count(*) FROM t")).toInt(), writers * rowsEach);
    QCOMPARE(check.value(QStringLiteral("SELECT count(DISTINCT writer) FROM t")).toInt(), writers);
    QCOMPARE(check.value(QStringLiteral("SELECT max(n) FROM t")).toInt(), rowsEach - 1);
    QVERIFY(lastSeen <= writers * rowsEach);
}

void TestSqliteDriver::keyedFileHoldsNoPlaintext()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("keyed.db"));
    {
        Connection c(file, keyOption(keyA));
        QVERIFY2(c.isOpen(), qPrintable(c.openError().text()));
        QCOMPARE(c.value(QStringLiteral("PRAGMA journal_mode = WAL")).toString(),
                 QStringLiteral("wal"));
        QCOMPARE(c.exec(QStringLiteral("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT, "
                                       "doc BLOB)")),
                 QString());
        QCOMPARE(c.exec(QStringLiteral("CREATE INDEX notes_body ON notes (body)")), QString());
        QSqlQuery insert(c.db());
        QVERIFY(insert.prepare(QStringLiteral("INSERT INTO notes (body, doc) VALUES (?, ?)")));
        for (int i = 0; i < 200; ++i) {
            insert.addBindValue(QString::fromLatin1(marker) + QString::number(i));
            insert.addBindValue(marker + QByteArray(500, 'p'));
            QVERIFY(insert.exec());
        }
        // A temporary table and a big sort: TEMP_STORE=3 keeps them off the disk.
        QCOMPARE(c.exec(QStringLiteral("CREATE TEMP TABLE scratch AS SELECT body FROM notes")),
                 QString());
        QVERIFY(c.value(QStringLiteral("SELECT count(*) FROM (SELECT body FROM notes ORDER BY "
                                       "random())"))
                    .toInt() == 200);

        // While open: the WAL holds the writes, encrypted too.
        QVERIFY(QFile::exists(file + QLatin1String("-wal")));
        QVERIFY(fileBytes(file + QLatin1String("-wal")).size() > 50000);
        for (const QString &name : QDir(dir.path()).entryList(QDir::Files)) {
            const QByteArray bytes = fileBytes(dir.filePath(name));
            QVERIFY2(!bytes.contains(marker), qPrintable(name));
            QVERIFY2(!bytes.contains(QByteArrayLiteral("CREATE TABLE notes")), qPrintable(name));
        }
    }
    const QByteArray bytes = fileBytes(file);
    QVERIFY(bytes.size() > 50000);
    QVERIFY(!bytes.contains(marker));
    QVERIFY(!bytes.startsWith(QByteArrayLiteral("SQLite format 3")));
    for (const QString &name : QDir(dir.path()).entryList(QDir::Files))
        QVERIFY2(!fileBytes(dir.filePath(name)).contains(marker), qPrintable(name));

    // The same rows without a key are plain to see: the check above can fail.
    const QString plain = dir.filePath(QStringLiteral("plain.db"));
    {
        Connection c(plain);
        QCOMPARE(c.exec(QStringLiteral("CREATE TABLE notes (body TEXT)")), QString());
        QCOMPARE(
            c.exec(
                QStringLiteral("INSERT INTO notes VALUES ('%1')").arg(QString::fromLatin1(marker))),
            QString());
    }
    QVERIFY(fileBytes(plain).contains(marker));
    QVERIFY(fileBytes(plain).startsWith(QByteArrayLiteral("SQLite format 3")));

    // The right key reads it all back.
    Connection again(file, keyOption(keyA));
    QVERIFY2(again.isOpen(), qPrintable(again.openError().text()));
    QCOMPARE(again
                 .value(QStringLiteral("SELECT count(*) FROM notes WHERE body LIKE '%1%'")
                            .arg(QString::fromLatin1(marker)))
                 .toInt(),
             200);
    QCOMPARE(again.value(QStringLiteral("SELECT doc FROM notes WHERE id = 7")).toByteArray(),
             marker + QByteArray(500, 'p'));
}

void TestSqliteDriver::wrongOrMissingKeyFailsAndChangesNothing()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("keyed.db"));
    {
        Connection c(file, keyOption(keyA));
        QVERIFY(c.isOpen());
        QCOMPARE(c.value(QStringLiteral("PRAGMA journal_mode = WAL")).toString(),
                 QStringLiteral("wal"));
        QCOMPARE(c.exec(QStringLiteral("CREATE TABLE t (v TEXT)")), QString());
        QCOMPARE(c.exec(QStringLiteral("INSERT INTO t VALUES ('kept')")), QString());
    }
    const QStringList filesBefore = QDir(dir.path()).entryList(QDir::Files);
    const QByteArray hashBefore = fileHash(file);
    QVERIFY(!hashBefore.isEmpty());

    for (const QString &options : {keyOption(keyB), QString()}) {
        Connection c(file, options);
        QVERIFY(!c.isOpen());
        QVERIFY(!c.db().isOpen());
        const QSqlError error = c.openError();
        QCOMPARE(error.type(), QSqlError::ConnectionError);
        QCOMPARE(error.nativeErrorCode().toInt() & 0xff, 26); // SQLITE_NOTADB
        QVERIFY2(error.databaseText().contains(QLatin1String("key")),
                 qPrintable(error.databaseText()));
        QVERIFY(StoreErrors::isDatabaseProblem(error));
        // A query on the failed connection does nothing.
        QSqlQuery query(c.db());
        QVERIFY(!query.exec(QStringLiteral("DELETE FROM t")));
    }
    QCOMPARE(fileHash(file), hashBefore);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), filesBefore);

    Connection right(file, keyOption(keyA));
    QVERIFY(right.isOpen());
    QCOMPARE(right.value(QStringLiteral("SELECT v FROM t")).toString(), QStringLiteral("kept"));
}

void TestSqliteDriver::malformedKeyIsRefused()
{
    for (const QString &key : {QStringLiteral("abc"), QString::fromLatin1(keyA).replace(0, 1, 'g'),
                               QString::fromLatin1(keyA + "00")}) {
        const QString file = path(QStringLiteral("malformed.db"));
        Connection c(file, QStringLiteral("CLINICDESK_KEY=") + key);
        QVERIFY(!c.isOpen());
        QVERIFY(c.openError().databaseText().contains(QLatin1String("64")));
        QVERIFY(!QFile::exists(file));
    }
}

void TestSqliteDriver::rekeyReplacesTheKey()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("rekey.db"));
    {
        Connection c(file, keyOption(keyA));
        QVERIFY(c.isOpen());
        QCOMPARE(c.value(QStringLiteral("PRAGMA journal_mode = WAL")).toString(),
                 QStringLiteral("wal"));
        QCOMPARE(c.exec(QStringLiteral("CREATE TABLE t (v TEXT)")), QString());
        QCOMPARE(
            c.exec(QStringLiteral("INSERT INTO t VALUES ('%1')").arg(QString::fromLatin1(marker))),
            QString());
        QVERIFY(!c.driver()->rekey(QByteArrayLiteral("not hex")));
        QVERIFY(c.driver()->lastError().isValid());
        QVERIFY2(c.driver()->rekey(keyB), qPrintable(c.driver()->lastError().text()));
        // Still usable after the rekey.
        QCOMPARE(c.exec(QStringLiteral("INSERT INTO t VALUES ('after')")), QString());
    }
    {
        Connection old(file, keyOption(keyA));
        QVERIFY(!old.isOpen());
        QCOMPARE(old.openError().nativeErrorCode().toInt() & 0xff, 26);
    }
    Connection c(file, keyOption(keyB));
    QVERIFY2(c.isOpen(), qPrintable(c.openError().text()));
    QCOMPARE(c.value(QStringLiteral("SELECT count(*) FROM t")).toInt(), 2);
    for (const QString &name : QDir(dir.path()).entryList(QDir::Files))
        QVERIFY2(!fileBytes(dir.filePath(name)).contains(marker), qPrintable(name));
}

void TestSqliteDriver::migrationsRunOnEncryptedFile()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("clinicdesk.sqlite"));
    const QString name = uniqueName();
    const Database::OpenResult result = Database::open(file, name, -1, keyA);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.fromVersion, 0);
    QCOMPARE(result.toVersion, Database::schemaVersion());
    QVERIFY(Database::schemaVersion() >= 10);
    {
        QSqlDatabase db = Database::connection(name);
        QCOMPARE(db.driverName(), SqliteDriver::driverName);
        QVERIFY(dynamic_cast<SqliteDriver *>(db.driver()));
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("PRAGMA user_version")) && query.next());
        QCOMPARE(query.value(0).toInt(), Database::schemaVersion());
        QVERIFY(query.exec(QStringLiteral("PRAGMA journal_mode")) && query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("wal"));
        QVERIFY(query.exec(QStringLiteral("PRAGMA foreign_keys")) && query.next());
        QCOMPARE(query.value(0).toInt(), 1);
        QVERIFY(query.exec(QStringLiteral("PRAGMA foreign_key_check")));
        QVERIFY(!query.next());
        QVERIFY(db.tables().contains(QStringLiteral("patients")));
        const Database::CheckResult check = Database::check(name);
        QVERIFY2(check.ok(), qPrintable(check.problems.join(QLatin1Char('\n')) + check.error));
    }
    Database::close(name);

    QVERIFY(!fileBytes(file).startsWith(QByteArrayLiteral("SQLite format 3")));
    QVERIFY(!fileBytes(file).contains(QByteArrayLiteral("CREATE TABLE")));
    // Reopening migrates nothing; without the key the file cannot be read.
    const Database::OpenResult again = Database::open(file, name, -1, keyA);
    QVERIFY2(again.ok, qPrintable(again.error));
    QCOMPARE(again.fromVersion, Database::schemaVersion());
    Database::close(name);
    Connection unkeyed(file);
    QVERIFY(!unkeyed.isOpen());
}

void TestSqliteDriver::noOtherSqliteIsLoaded()
{
    // After all of the above: neither Qt's SQLite plugin nor a system libsqlite3 was mapped.
    QFile maps(QStringLiteral("/proc/self/maps"));
    QVERIFY(maps.open(QIODevice::ReadOnly));
    const QByteArray mapped = maps.readAll();
    QVERIFY(mapped.contains("libQt6Sql"));
    QVERIFY(!mapped.contains("libqsqlite"));
    QVERIFY(!mapped.contains("libsqlite3.so"));
}

CLINICDESK_STORE_TEST_MAIN(TestSqliteDriver)

#include "tst_sqlitedriver.moc"

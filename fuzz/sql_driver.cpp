// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Our Qt SQL driver's prepare/bind/step path (SqliteDriver, SqliteResult) on any statement and
// any bound values, over an in-memory database holding a table of every column type.
//
// Input, split on newlines: the statement, then one bound value per line: "i:<integer>",
// "d:<real>", "t:<text>", "x:<hex bytes>" or "n" (NULL); anything else binds as text.
// Besides not crashing: a statement that fails says why (an error with text); every row it gives
// can be read, column by column; and each bound value comes back from "SELECT ?" as it went in
// (the same type, the same value).

#include "fuzz/fuzzsupport.h"

#include "services/store/sqlite/sqlitedriver.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>

#include <sqlite3.h>

#include <cmath>

namespace {
const QString connectionName = QStringLiteral("fuzz");
constexpr int maxSteps = 2000; // rows read per statement
int progressTicks = 0;

//! Stops a statement that runs too long (a recursive CTE, a huge join): an error, not a hang.
int progress(void *)
{
    return ++progressTicks > 20000 ? 1 : 0; // × 100 VM instructions
}

QSqlDatabase database()
{
    static bool ready = false;
    if (!ready) {
        static int argc = 1;
        static char name[] = "fuzz_sql_driver";
        static char *argv[] = {name, nullptr};
        if (!QCoreApplication::instance())
            new QCoreApplication(argc, argv);
        SqliteDriver::registerDriver();
        QSqlDatabase db = QSqlDatabase::addDatabase(SqliteDriver::driverName, connectionName);
        db.setDatabaseName(QStringLiteral(":memory:"));
        FUZZ_CHECK(db.open());
        auto *handle = *static_cast<sqlite3 *const *>(db.driver()->handle().constData());
        // No other files: nothing attached (ATTACH and VACUUM INTO would write beside the
        // fuzzer), values and SQL kept small, long statements stopped.
        sqlite3_limit(handle, SQLITE_LIMIT_ATTACHED, 0);
        sqlite3_limit(handle, SQLITE_LIMIT_LENGTH, 1 << 20);
        sqlite3_limit(handle, SQLITE_LIMIT_SQL_LENGTH, 1 << 16);
        sqlite3_progress_handler(handle, 100, progress, nullptr);
        QSqlQuery query(db);
        FUZZ_CHECK(query.exec(QStringLiteral(
            "CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER, b TEXT, c BLOB, d REAL, "
            "e NUMERIC, f DATETIME, g DATE, h BOOLEAN)")));
        FUZZ_CHECK(query.exec(QStringLiteral(
            "INSERT INTO t (a, b, c, d, e, f, g, h) VALUES (1, 'one', x'00ff', 1.5, 2, "
            "'2026-12-02T10:00:00.000', '2026-12-02', 1), (NULL, NULL, NULL, NULL, NULL, NULL, "
            "NULL, NULL), (-9223372036854775808, 'é', x'', -0.0, '3.25', 'not a time', 'x', 0)")));
        ready = true;
    }
    return QSqlDatabase::database(connectionName, false);
}

QVariant valueOf(const QByteArray &line)
{
    if (line == "n")
        return QVariant(QMetaType::fromType<QString>());
    const QByteArray payload = line.mid(2);
    if (line.startsWith("i:")) {
        bool ok = false;
        const qlonglong value = payload.toLongLong(&ok);
        if (ok)
            return value;
    } else if (line.startsWith("d:")) {
        bool ok = false;
        const double value = payload.toDouble(&ok);
        if (ok && std::isfinite(value))
            return value;
    } else if (line.startsWith("x:")) {
        return QByteArray::fromHex(payload);
    }
    return QString::fromUtf8(line.startsWith("t:") ? payload : line);
}

//! "SELECT ?" gives back what was bound, as what it was bound.
void checkRoundTrip(QSqlDatabase &db, const QVariant &value)
{
    QSqlQuery query(db);
    FUZZ_CHECK(query.prepare(QStringLiteral("SELECT ?")));
    query.addBindValue(value);
    FUZZ_CHECK(query.exec());
    FUZZ_CHECK(query.next());
    const QVariant back = query.value(0);
    if (value.isNull()) {
        FUZZ_CHECK(back.isNull());
    } else if (value.typeId() == QMetaType::LongLong) {
        FUZZ_CHECK(back.toLongLong() == value.toLongLong());
    } else if (value.typeId() == QMetaType::Double) {
        FUZZ_CHECK(back.toDouble() == value.toDouble());
    } else if (value.typeId() == QMetaType::QByteArray) {
        FUZZ_CHECK(back.toByteArray() == value.toByteArray());
    } else {
        // Text goes through UTF-8: what the decoder made of the input is what comes back.
        FUZZ_CHECK(back.toString() == value.toString());
    }
    FUZZ_CHECK(!query.next());
}
} // namespace

//! The driver's creator, registered once for the process, is Qt's to keep until exit: not a
//! leak of the code under test.
extern "C" const char *__lsan_default_suppressions()
{
    return "leak:SqliteDriver::registerDriver\n";
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 1 << 16)
        return 0;
    QSqlDatabase db = database();
    const QByteArray input = Fuzz::bytes(data, size);
    Fuzz::Parts parts(input);
    const QString sql = QString::fromUtf8(parts.take());
    if (sql.trimmed().isEmpty())
        return 0; // QSqlQuery refuses an empty statement itself, before the driver sees it
    QList<QVariant> values;
    while (!parts.rest().isEmpty() && values.size() < 16)
        values.append(valueOf(parts.take()));

    // The statement runs in a transaction rolled back after, so each input starts from the
    // same table.
    QSqlQuery begin(db);
    FUZZ_CHECK(begin.exec(QStringLiteral("SAVEPOINT fuzz")));
    {
        progressTicks = 0;
        QSqlQuery query(db);
        bool ran = query.prepare(sql);
        if (ran) {
            for (const QVariant &value : std::as_const(values))
                query.addBindValue(value);
            ran = query.exec();
        }
        if (!ran) {
            FUZZ_CHECK(query.lastError().isValid());
            FUZZ_CHECK(!query.lastError().text().isEmpty());
        } else if (query.isSelect()) {
            const int columns = query.record().count();
            for (int step = 0; step < maxSteps && query.next(); ++step) {
                for (int column = 0; column < columns; ++column)
                    (void)query.value(column).toString();
            }
        }
    }
    QSqlQuery end(db);
    // A statement may have ended the transaction itself (COMMIT, ROLLBACK, RELEASE).
    if (!end.exec(QStringLiteral("ROLLBACK TO fuzz")) || !end.exec(QStringLiteral("RELEASE fuzz")))
        end.exec(QStringLiteral("ROLLBACK"));

    progressTicks = 0;
    for (const QVariant &value : std::as_const(values))
        checkRoundTrip(db, value);
    return 0;
}

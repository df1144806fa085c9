// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/store/sqlite/sqlitedriver.h"

#include "services/store/sqlite/sqliteresult.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlField>
#include <QSqlIndex>
#include <QSqlRecord>
#include <QVariant>

#include <sqlite3.h>

#include <algorithm>
#include <mutex>
#include <utility>

namespace {
constexpr int defaultBusyTimeoutMs = 5000; // QSQLITE's
constexpr int keyHexLength = 64;           // 256 bits

QSqlError makeError(sqlite3 *db, const QString &what, QSqlError::ErrorType type, int code)
{
    const QString message =
        db ? QString::fromUtf8(sqlite3_errmsg(db)) : QString::fromUtf8(sqlite3_errstr(code));
    return QSqlError(what, message, type, QString::number(code));
}

bool isHexKey(const QByteArray &key)
{
    return key.size() == keyHexLength && std::all_of(key.begin(), key.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
           });
}

//! SQLite3 Multiple Ciphers' "raw:" prefix: the key is used as is, without the passphrase key
//! derivation (our key is already 256 random bits, and PBKDF2 would slow every connection).
QByteArray rawKey(const QByteArray &keyHex)
{
    return QByteArrayLiteral("raw:") + keyHex;
}

void wipe(QByteArray &bytes)
{
    std::fill(bytes.begin(), bytes.end(), '\0');
    bytes.clear();
}

//! "a.b" (or "\"a\".\"b\"") → schema "a", table "b", without the quotes.
void splitTableName(const SqliteDriver &driver, const QString &name, QString *schema,
                    QString *table)
{
    const qsizetype dot = name.startsWith(QLatin1Char('"')) ? name.indexOf(QLatin1String("\"."))
                                                            : name.indexOf(QLatin1Char('.'));
    QString first = name;
    if (dot >= 0) {
        const qsizetype cut = name.startsWith(QLatin1Char('"')) ? dot + 1 : dot;
        first = name.left(cut);
        *table = name.mid(cut + 1);
        *schema = driver.stripDelimiters(first, QSqlDriver::TableName);
    } else {
        *table = name;
        schema->clear();
    }
    *table = driver.stripDelimiters(*table, QSqlDriver::TableName);
}

//! PRAGMA table_info rows: cid, name, type, notnull, dflt_value, pk.
struct ColumnInfo
{
    QString name;
    QString type;
    bool notNull = false;
    QVariant defaultValue;
    int primaryKeyPosition = 0;
};

QList<ColumnInfo> tableInfo(sqlite3 *db, const QString &schema, const QString &table)
{
    QList<ColumnInfo> columns;
    if (!db)
        return columns;
    const QString sql = QStringLiteral("SELECT name, type, \"notnull\", dflt_value, pk FROM "
                                       "pragma_table_info(?1, ?2) ORDER BY cid");
    sqlite3_stmt *stmt = nullptr;
    const QByteArray utf8 = sql.toUtf8();
    if (sqlite3_prepare_v2(db, utf8.constData(), int(utf8.size()), &stmt, nullptr) != SQLITE_OK)
        return columns;
    const QByteArray tableUtf8 = table.toUtf8();
    const QByteArray schemaUtf8 = schema.isEmpty() ? QByteArrayLiteral("main") : schema.toUtf8();
    sqlite3_bind_text(stmt, 1, tableUtf8.constData(), int(tableUtf8.size()), SQLITE_STATIC);
    sqlite3_bind_text(stmt, 2, schemaUtf8.constData(), int(schemaUtf8.size()), SQLITE_STATIC);
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        ColumnInfo column;
        const auto text = [stmt](int i) {
            return QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, i)),
                                     sqlite3_column_bytes(stmt, i));
        };
        column.name = text(0);
        column.type = text(1);
        column.notNull = sqlite3_column_int(stmt, 2) != 0;
        if (sqlite3_column_type(stmt, 3) != SQLITE_NULL)
            column.defaultValue = text(3);
        column.primaryKeyPosition = sqlite3_column_int(stmt, 4);
        columns.append(column);
    }
    sqlite3_finalize(stmt);
    return columns;
}

QSqlField fieldOf(const ColumnInfo &column, const QString &table)
{
    QSqlField field(column.name, SqliteResult::typeOfDeclared(column.type), table);
    field.setRequired(column.notNull);
    field.setDefaultValue(column.defaultValue);
    // An INTEGER PRIMARY KEY is the rowid: SQLite fills it in.
    field.setAutoValue(column.primaryKeyPosition > 0 &&
                       column.type.compare(QLatin1String("integer"), Qt::CaseInsensitive) == 0);
    return field;
}
} // namespace

const QString SqliteDriver::driverName = QStringLiteral("CLINICDESK_SQLITE");

void SqliteDriver::registerDriver()
{
    static std::once_flag once;
    std::call_once(once, [] {
        QSqlDatabase::registerSqlDriver(driverName, new QSqlDriverCreator<SqliteDriver>);
    });
}

QString SqliteDriver::libraryVersion()
{
    return QStringLiteral("SQLite %1 (%2)")
        .arg(QString::fromLatin1(sqlite3_libversion()), QStringLiteral(SQLITE3MC_VERSION_STRING));
}

SqliteDriver::SqliteDriver(QObject *parent)
    : QSqlDriver(parent)
{
}

SqliteDriver::~SqliteDriver()
{
    closeConnection();
    wipe(m_keyHex);
}

void SqliteDriver::setKeyHex(const QByteArray &keyHex)
{
    wipe(m_keyHex);
    m_keyHex = keyHex;
}

bool SqliteDriver::hasFeature(DriverFeature feature) const
{
    switch (feature) {
    case Transactions:
    case BLOB:
    case Unicode:
    case PreparedQueries:
    case NamedPlaceholders:
    case PositionalPlaceholders:
    case LastInsertId:
    case FinishQuery:
        return true;
    case QuerySize:
    case LowPrecisionNumbers:
    case EventNotifications:
    case BatchOperations:
    case SimpleLocking:
    case MultipleResultSets:
    case CancelQuery:
        return false;
    }
    return false;
}

bool SqliteDriver::open(const QString &db, const QString &, const QString &, const QString &, int,
                        const QString &connectOptions)
{
    if (isOpen())
        close();

    int busyTimeout = defaultBusyTimeoutMs;
    bool readOnly = false;
    QByteArray keyHex = m_keyHex;
    for (const QString &option : connectOptions.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const QString trimmed = option.trimmed();
        const qsizetype equals = trimmed.indexOf(QLatin1Char('='));
        const QString name = (equals < 0 ? trimmed : trimmed.left(equals)).trimmed();
        const QString value = equals < 0 ? QString() : trimmed.mid(equals + 1).trimmed();
        if (name == QLatin1String("QSQLITE_BUSY_TIMEOUT")) {
            bool ok = false;
            const int ms = value.toInt(&ok);
            if (ok && ms >= 0)
                busyTimeout = ms;
        } else if (name == QLatin1String("QSQLITE_OPEN_READONLY")) {
            readOnly = true;
        } else if (name == QLatin1String("CLINICDESK_KEY")) {
            keyHex = value.toLatin1();
        }
        // QSQLITE_OPEN_URI: URIs are always on. Other QSQLITE options do not apply here.
    }

    const auto fail = [this](const QSqlError &error) {
        setLastError(error);
        closeConnection();
        setOpenError(true);
        return false;
    };
    if (!keyHex.isEmpty() && !isHexKey(keyHex)) {
        return fail(QSqlError(tr("Error opening database"),
                              tr("The database key must be 64 hexadecimal digits."),
                              QSqlError::ConnectionError, QString::number(SQLITE_MISUSE)));
    }

    // NOMUTEX: one connection per thread is the rule (QSqlDatabase cannot cross threads).
    const int flags =
        (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
        SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_PRIVATECACHE | SQLITE_OPEN_URI;
    const int rc = sqlite3_open_v2(db.toUtf8().constData(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        const int code = m_db ? sqlite3_extended_errcode(m_db) : rc;
        return fail(
            makeError(m_db, tr("Error opening database"), QSqlError::ConnectionError, code));
    }
    sqlite3_extended_result_codes(m_db, 1);
    sqlite3_busy_timeout(m_db, busyTimeout);

    if (!keyHex.isEmpty()) {
        QByteArray key = rawKey(keyHex);
        const int keyed = sqlite3_key_v2(m_db, "main", key.constData(), int(key.size()));
        wipe(key);
        if (keyed != SQLITE_OK) {
            return fail(makeError(m_db, tr("Cannot use the database key"),
                                  QSqlError::ConnectionError, sqlite3_extended_errcode(m_db)));
        }
    }
    wipe(keyHex);

    // SQLite reads nothing until the first statement: read the schema now, so a wrong key (or
    // an encrypted file opened without one) fails here, before anything could write.
    const int check =
        sqlite3_exec(m_db, "SELECT count(*) FROM sqlite_schema", nullptr, nullptr, nullptr);
    if (check != SQLITE_OK) {
        const int code = sqlite3_extended_errcode(m_db);
        if ((code & 0xff) == SQLITE_NOTADB) {
            return fail(QSqlError(tr("Error opening database"),
                                  tr("The database cannot be read with this key: the key is "
                                     "wrong, or the file is not a database."),
                                  QSqlError::ConnectionError, QString::number(code)));
        }
        return fail(
            makeError(m_db, tr("Error opening database"), QSqlError::ConnectionError, code));
    }

    setOpen(true);
    setOpenError(false);
    return true;
}

void SqliteDriver::closeConnection()
{
    // Taken out first: finalizeStatement() reports back through statementFinalized().
    const QList<SqliteResult *> results = std::exchange(m_results, {});
    for (SqliteResult *result : results)
        result->finalizeStatement();
    if (m_db) {
        // _v2: never fails; with every statement finalised above it closes at once.
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
}

void SqliteDriver::close()
{
    if (!isOpen())
        return;
    closeConnection();
    setOpen(false);
    setOpenError(false);
}

QSqlResult *SqliteDriver::createResult() const
{
    return new SqliteResult(this);
}

bool SqliteDriver::execute(const char *sql, const QString &what, QSqlError::ErrorType type)
{
    if (!isOpen() || isOpenError())
        return false;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr) == SQLITE_OK)
        return true;
    setLastError(makeError(m_db, what, type, sqlite3_extended_errcode(m_db)));
    return false;
}

bool SqliteDriver::beginTransaction()
{
    return execute("BEGIN", tr("Unable to begin transaction"), QSqlError::TransactionError);
}

bool SqliteDriver::commitTransaction()
{
    return execute("COMMIT", tr("Unable to commit transaction"), QSqlError::TransactionError);
}

bool SqliteDriver::rollbackTransaction()
{
    return execute("ROLLBACK", tr("Unable to rollback transaction"), QSqlError::TransactionError);
}

bool SqliteDriver::rekey(const QByteArray &newKeyHex)
{
    if (!isOpen()) {
        setLastError(QSqlError(tr("Cannot change the database key"),
                               tr("The database is not open."), QSqlError::ConnectionError));
        return false;
    }
    if (!isHexKey(newKeyHex)) {
        setLastError(QSqlError(tr("Cannot change the database key"),
                               tr("The database key must be 64 hexadecimal digits."),
                               QSqlError::ConnectionError, QString::number(SQLITE_MISUSE)));
        return false;
    }
    QByteArray key = rawKey(newKeyHex);
    const int rc = sqlite3_rekey_v2(m_db, "main", key.constData(), int(key.size()));
    wipe(key);
    if (rc != SQLITE_OK) {
        setLastError(makeError(m_db, tr("Cannot change the database key"),
                               QSqlError::ConnectionError, sqlite3_extended_errcode(m_db)));
        return false;
    }
    return true;
}

QStringList SqliteDriver::tables(QSql::TableType type) const
{
    QStringList names;
    if (!isOpen())
        return names;
    QString where;
    if ((type & QSql::Tables) && (type & QSql::Views))
        where = QStringLiteral("type = 'table' OR type = 'view'");
    else if (type & QSql::Tables)
        where = QStringLiteral("type = 'table'");
    else if (type & QSql::Views)
        where = QStringLiteral("type = 'view'");
    if (!where.isEmpty()) {
        const QByteArray sql = QStringLiteral("SELECT name FROM sqlite_schema WHERE %1 UNION ALL "
                                              "SELECT name FROM sqlite_temp_schema WHERE %1")
                                   .arg(where)
                                   .toUtf8();
        sqlite3_stmt *stmt = nullptr;
        if (sqlite3_prepare_v2(m_db, sql.constData(), int(sql.size()), &stmt, nullptr) ==
            SQLITE_OK) {
            while (sqlite3_step(stmt) == SQLITE_ROW) {
                names.append(
                    QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)),
                                      sqlite3_column_bytes(stmt, 0)));
            }
        }
        sqlite3_finalize(stmt);
    }
    if (type & QSql::SystemTables)
        names.append(QStringLiteral("sqlite_schema"));
    return names;
}

QSqlRecord SqliteDriver::record(const QString &tableName) const
{
    QSqlRecord record;
    QString schema;
    QString table;
    splitTableName(*this, tableName, &schema, &table);
    for (const ColumnInfo &column : tableInfo(m_db, schema, table))
        record.append(fieldOf(column, table));
    return record;
}

QSqlIndex SqliteDriver::primaryIndex(const QString &tableName) const
{
    QString schema;
    QString table;
    splitTableName(*this, tableName, &schema, &table);
    QList<ColumnInfo> keyColumns;
    for (const ColumnInfo &column : tableInfo(m_db, schema, table)) {
        if (column.primaryKeyPosition > 0)
            keyColumns.append(column);
    }
    std::sort(keyColumns.begin(), keyColumns.end(), [](const ColumnInfo &a, const ColumnInfo &b) {
        return a.primaryKeyPosition < b.primaryKeyPosition;
    });
    QSqlIndex index(table);
    for (const ColumnInfo &column : std::as_const(keyColumns))
        index.append(fieldOf(column, table));
    return index;
}

QString SqliteDriver::escapeIdentifier(const QString &identifier, IdentifierType) const
{
    if (identifier.isEmpty() ||
        (identifier.startsWith(QLatin1Char('"')) && identifier.endsWith(QLatin1Char('"')))) {
        return identifier;
    }
    // Each part of "schema.table" quoted on its own, as QSQLITE does.
    QStringList parts = identifier.split(QLatin1Char('.'));
    for (QString &part : parts) {
        part.replace(QLatin1Char('"'), QLatin1String("\"\""));
        part = QLatin1Char('"') + part + QLatin1Char('"');
    }
    return parts.join(QLatin1Char('.'));
}

QVariant SqliteDriver::handle() const
{
    return QVariant::fromValue(m_db);
}

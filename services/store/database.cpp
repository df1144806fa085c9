// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/store/database.h"

#include "services/store/auditchain.h"
#include "services/store/sqlite/sqlitedriver.h"
#include "services/store/sqlscript.h"
#include "services/store/sqlthreadguard.h"
#include "services/store/storeerror.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace {
const QString migrationDir = QStringLiteral(":/migrations");
// 012_audit_chain.sql: the rows written before it are hashed into the chain as it runs.
constexpr int auditChainVersion = 12;

struct Migration
{
    int version = 0;
    QString path;
};

QList<Migration> loadMigrations()
{
    static const QRegularExpression namePattern(QStringLiteral("^(\\d+)_[A-Za-z0-9_]+\\.sql$"));
    QList<Migration> migrations;
    const QStringList names = QDir(migrationDir).entryList({QStringLiteral("*.sql")}, QDir::Files);
    for (const QString &name : names) {
        const QRegularExpressionMatch match = namePattern.match(name);
        if (match.hasMatch())
            migrations.append({match.captured(1).toInt(), migrationDir + QLatin1Char('/') + name});
    }
    std::sort(migrations.begin(), migrations.end(),
              [](const Migration &a, const Migration &b) { return a.version < b.version; });
    return migrations;
}

//! Runs a PRAGMA (or any one-value query); an invalid QVariant and `error` set on failure.
QVariant queryValue(QSqlDatabase &db, const QString &sql, QString *error)
{
    QSqlQuery query(db);
    if (!query.exec(sql)) {
        *error = query.lastError().text();
        return {};
    }
    if (!query.next()) {
        *error = QStringLiteral("no result for %1").arg(sql);
        return {};
    }
    return query.value(0);
}

//! Nesting depth of TransactionGuards per connection. Connections are per thread, so the map is
//! too; it needs no lock.
QHash<QString, int> &transactionDepths()
{
    thread_local QHash<QString, int> depths;
    return depths;
}

QString damagedMessage(const QString &path, const QString &detail)
{
    return QCoreApplication::translate(
               "Store",
               "Cannot open the database %1: it is not a ClinicDesk database or it is damaged "
               "(%2). Restore it from the latest backup, or ask your administrator for help.")
        .arg(QDir::toNativeSeparators(path), detail);
}

QString openAndMigrate(QSqlDatabase &db, const QString &path, int upToVersion, bool keyed,
                       Database::OpenResult &result)
{
    const bool inMemory = path == QLatin1String(":memory:");
    QString error;

    if (!inMemory) {
        // Create the file owner-only before SQLite does: SQLite gives the -wal and -shm files
        // the database file's permissions. An existing file is tightened too.
        QFile file(path);
        if (!file.exists() && file.open(QIODevice::WriteOnly))
            file.close();
        Database::restrictToOwner(path);
    }
    if (!db.open()) {
        // SQLITE_NOTADB: with a key, the key does not open it; without, it is not a database
        // (or one encrypted, and no key was given).
        if (StoreErrors::isNotADatabase(db.lastError())) {
            return keyed ? Database::wrongKeyMessage(path)
                         : damagedMessage(path, db.lastError().databaseText());
        }
        return QCoreApplication::translate("Store",
                                           "Cannot open the database %1: %2. Check that the folder "
                                           "exists and that you may write to it.")
            .arg(QDir::toNativeSeparators(path), db.lastError().text());
    }

    // Before anything that could write: a newer database must be left exactly as it is
    // (journal_mode=WAL alone would rewrite its header).
    if (!queryValue(db, QStringLiteral("PRAGMA busy_timeout = 5000"), &error).isValid())
        return damagedMessage(path, error);
    const QVariant userVersion = queryValue(db, QStringLiteral("PRAGMA user_version"), &error);
    if (!userVersion.isValid())
        return damagedMessage(path, error);
    result.fromVersion = userVersion.toInt();
    result.toVersion = result.fromVersion;
    if (result.fromVersion > Database::schemaVersion()) {
        return QCoreApplication::translate(
                   "Store",
                   "Cannot open the database %1: its schema version is %2, but this ClinicDesk "
                   "knows versions up to %3 only. This database was written by a newer ClinicDesk; "
                   "update the app to open it. The database was not changed.")
            .arg(QDir::toNativeSeparators(path))
            .arg(result.fromVersion)
            .arg(Database::schemaVersion());
    }

    if (!inMemory) {
        const QString mode =
            queryValue(db, QStringLiteral("PRAGMA journal_mode = WAL"), &error).toString();
        if (mode.compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
            return QCoreApplication::translate("Store",
                                               "Cannot use write-ahead logging for the database "
                                               "%1 (%2). Keep the database on a local disk.")
                .arg(QDir::toNativeSeparators(path), error.isEmpty() ? mode : error);
        }
    }
    for (const QString &pragma : {QStringLiteral("PRAGMA foreign_keys = ON"),
                                  QStringLiteral("PRAGMA synchronous = FULL")}) {
        QSqlQuery query(db);
        if (!query.exec(pragma))
            return damagedMessage(path, query.lastError().text());
    }

    if (!inMemory) {
        for (const char *suffix : {"-wal", "-shm"}) {
            if (QFileInfo::exists(path + QLatin1String(suffix)))
                Database::restrictToOwner(path + QLatin1String(suffix));
        }
    }

    const QList<Migration> migrations = loadMigrations();
    const int target = upToVersion < 0 ? Database::schemaVersion()
                                       : std::min(upToVersion, Database::schemaVersion());
    for (qsizetype i = 0; i < migrations.size(); ++i) {
        const Migration &migration = migrations.at(i);
        if (migration.version != i + 1) {
            // A build with a gap in its migrations would silently skip schema changes.
            return QCoreApplication::translate("Store",
                                               "This ClinicDesk build is broken: database update "
                                               "%1 is missing. Reinstall the app.")
                .arg(i + 1);
        }
        if (migration.version <= result.toVersion || migration.version > target)
            continue;

        QFile file(migration.path);
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
            return QCoreApplication::translate("Store",
                                               "This ClinicDesk build is broken: cannot read "
                                               "database update %1. Reinstall the app.")
                .arg(migration.version);
        }
        const QStringList statements = SqlScript::split(QString::fromUtf8(file.readAll()));

        TransactionGuard transaction(db);
        QString failure;
        if (!transaction.isActive())
            failure = transaction.errorText();
        for (const QString &statement : statements) {
            if (!failure.isEmpty())
                break;
            QSqlQuery query(db);
            if (!query.exec(statement))
                failure = query.lastError().text();
        }
        // Steps SQL cannot take (hashing), in the same transaction as the migration's SQL.
        if (failure.isEmpty() && migration.version == auditChainVersion)
            failure = AuditChain::chainUnhashedRows(db);
        if (failure.isEmpty()) {
            QSqlQuery query(db);
            if (!query.exec(QStringLiteral("PRAGMA user_version = %1").arg(migration.version)))
                failure = query.lastError().text();
        }
        if (failure.isEmpty() && !transaction.commit())
            failure = transaction.errorText();
        if (!failure.isEmpty()) {
            return QCoreApplication::translate("Store",
                                               "Cannot update the database %1 to version %2 (%3). "
                                               "It was left at version %4; nothing was lost.")
                .arg(QDir::toNativeSeparators(path))
                .arg(migration.version)
                .arg(failure)
                .arg(result.toVersion);
        }
        result.toVersion = migration.version;
    }
    return {};
}
} // namespace

int Database::schemaVersion()
{
    static const int version = [] {
        const QList<Migration> migrations = loadMigrations();
        return migrations.isEmpty() ? 0 : migrations.constLast().version;
    }();
    return version;
}

QStringList Database::migrationFiles()
{
    QStringList files;
    for (const Migration &migration : loadMigrations())
        files.append(migration.path);
    return files;
}

QSqlDatabase Database::addConnection(const QString &connectionName, const QByteArray &keyHex)
{
    SqliteDriver::registerDriver();
    QSqlDatabase db = QSqlDatabase::addDatabase(SqliteDriver::driverName, connectionName);
    if (auto *driver = qobject_cast<SqliteDriver *>(db.driver()))
        driver->setKeyHex(keyHex);
    return db;
}

QString Database::wrongKeyMessage(const QString &path)
{
    return QCoreApplication::translate(
               "Store",
               "Cannot open the database %1: the database key does not open it (a wrong "
               "passphrase or key file, or a file that is not a ClinicDesk database). Nothing was "
               "changed.")
        .arg(QDir::toNativeSeparators(path));
}

Database::OpenResult Database::open(const QString &path, const QString &connectionName,
                                    int upToVersion, const QByteArray &keyHex)
{
    OpenResult result;
    if (path.isEmpty()) {
        result.error = QCoreApplication::translate("Store", "No database file was given.");
        return result;
    }
    SqlThreadGuard::check("Database::open");
    if (QSqlDatabase::contains(connectionName)) {
        result.error =
            QCoreApplication::translate("Store", "The database connection %1 is already open.")
                .arg(connectionName);
        return result;
    }
    {
        QSqlDatabase db = addConnection(connectionName, keyHex);
        if (!db.isValid()) {
            result.error = QCoreApplication::translate("Store", "The SQLite driver for Qt is not "
                                                                "installed. Reinstall the app.");
        } else {
            db.setDatabaseName(path);
            transactionDepths().remove(connectionName);
            result.error = openAndMigrate(db, path, upToVersion, !keyHex.isEmpty(), result);
            if (!result.error.isEmpty())
                db.close();
        }
    }
    result.ok = result.error.isEmpty();
    if (!result.ok)
        QSqlDatabase::removeDatabase(connectionName);
    return result;
}

void Database::close(const QString &connectionName)
{
    if (!QSqlDatabase::contains(connectionName))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(connectionName, false);
        db.close();
    }
    transactionDepths().remove(connectionName);
    QSqlDatabase::removeDatabase(connectionName);
}

QSqlDatabase Database::connection(const QString &connectionName)
{
    SqlThreadGuard::check("Database::connection");
    return QSqlDatabase::database(connectionName, false);
}

QString Database::openReader(const QString &path, const QString &connectionName,
                             const QByteArray &keyHex)
{
    SqlThreadGuard::check("Database::openReader");
    if (QSqlDatabase::contains(connectionName))
        return {};
    QString error;
    {
        QSqlDatabase db = addConnection(connectionName, keyHex);
        db.setDatabaseName(path);
        if (!db.open()) {
            error = StoreErrors::isNotADatabase(db.lastError())
                      ? wrongKeyMessage(path)
                      : QCoreApplication::translate("Store", "Cannot open the database %1: %2.")
                            .arg(QDir::toNativeSeparators(path), db.lastError().text());
        } else {
            // A reader keeps 32 MiB of pages: an encrypted page is decrypted when it enters
            // SQLite's cache, so a cache that holds the indexes a search walks (instead of the
            // default 2 MiB) keeps search as fast as on a plaintext file.
            for (const QString &pragma : {QStringLiteral("PRAGMA busy_timeout = 5000"),
                                          QStringLiteral("PRAGMA query_only = 1"),
                                          QStringLiteral("PRAGMA cache_size = -32768")}) {
                QSqlQuery query(db);
                if (!query.exec(pragma) && error.isEmpty())
                    error = damagedMessage(path, query.lastError().text());
            }
        }
        if (!error.isEmpty())
            db.close();
    }
    if (!error.isEmpty())
        QSqlDatabase::removeDatabase(connectionName);
    return error;
}

bool Database::setBulkLoading(const QString &connectionName, bool bulk)
{
    QSqlDatabase db = connection(connectionName);
    bool ok = true;
    for (const QString &pragma : {bulk ? QStringLiteral("PRAGMA synchronous = OFF")
                                       : QStringLiteral("PRAGMA synchronous = FULL"),
                                  bulk ? QStringLiteral("PRAGMA cache_size = -262144") // 256 MiB
                                       : QStringLiteral("PRAGMA cache_size = -2000")}) {
        QSqlQuery query(db);
        ok = query.exec(pragma) && ok;
    }
    return ok;
}

bool Database::restrictToOwner(const QString &filePath)
{
    return QFile::setPermissions(filePath, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

Database::CheckResult Database::check(const QString &connectionName,
                                      const std::function<bool(int, int)> &progress)
{
    CheckResult result;
    QSqlDatabase db = connection(connectionName);
    QStringList tables;
    {
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("SELECT name FROM sqlite_schema WHERE type = 'table' AND "
                                       "name NOT LIKE 'sqlite_%' ORDER BY name"))) {
            result.error = query.lastError().text();
            return result;
        }
        while (query.next())
            tables.append(query.value(0).toString());
    }
    for (int i = 0; i < tables.size(); ++i) {
        if (progress && !progress(i, int(tables.size())))
            return result;
        // quick_check(TABLE) checks one table and its indexes (SQLite 3.33 and later). It
        // answers in lines, several to a row after a "*** in database main ***" heading. Damage
        // that stops it (it reads the rows of a table with NOT NULL columns) comes as an error,
        // SQLITE_CORRUPT or SQLITE_NOTADB: that is a finding too, and the next table is checked.
        QSqlQuery query(db);
        QStringList lines;
        if (query.exec(QStringLiteral("PRAGMA quick_check(\"%1\")").arg(tables.at(i)))) {
            while (query.next())
                lines += query.value(0).toString().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        }
        if (const QSqlError error = query.lastError(); error.isValid()) {
            const int code = error.nativeErrorCode().toInt() & 0xff;
            if (code != 11 && code != 26) { // SQLITE_CORRUPT, SQLITE_NOTADB
                result.error = error.text();
                return result;
            }
            lines.append(error.databaseText());
        }
        int shown = 0;
        for (const QString &line : std::as_const(lines)) {
            const QString problem = line.trimmed();
            if (problem.isEmpty() || problem == QLatin1String("ok") ||
                problem.startsWith(QLatin1String("*** in database "))) {
                continue;
            }
            if (shown++ < 3)
                result.problems.append(problem);
        }
    }
    if (progress)
        progress(int(tables.size()), int(tables.size()));
    return result;
}

TransactionGuard::TransactionGuard(QSqlDatabase db)
    : m_db(std::move(db))
{
    if (!m_db.isOpen()) {
        m_error = QCoreApplication::translate("Store", "The database is not open.");
        m_sqlError = QSqlError(QString(), m_error, QSqlError::ConnectionError);
        return;
    }
    int &depth = transactionDepths()[m_db.connectionName()];
    QSqlQuery query(m_db);
    if (depth == 0) {
        m_active = query.exec(QStringLiteral("BEGIN IMMEDIATE"));
    } else {
        m_savepoint = QStringLiteral("guard_%1").arg(depth);
        m_active = query.exec(QStringLiteral("SAVEPOINT ") + m_savepoint);
    }
    if (m_active) {
        ++depth;
    } else {
        m_sqlError = query.lastError();
        m_error = m_sqlError.text();
    }
}

TransactionGuard::~TransactionGuard()
{
    if (!m_active)
        return;
    QSqlQuery query(m_db);
    if (m_savepoint.isEmpty()) {
        // Fails harmlessly when SQLite already rolled back after an I/O or busy error.
        query.exec(QStringLiteral("ROLLBACK"));
    } else {
        query.exec(QStringLiteral("ROLLBACK TO ") + m_savepoint);
        query.exec(QStringLiteral("RELEASE ") + m_savepoint);
    }
    --transactionDepths()[m_db.connectionName()];
}

bool TransactionGuard::commit()
{
    if (!m_active)
        return false;
    QSqlQuery query(m_db);
    const bool ok = query.exec(m_savepoint.isEmpty() ? QStringLiteral("COMMIT")
                                                     : QStringLiteral("RELEASE ") + m_savepoint);
    if (!ok) {
        m_sqlError = query.lastError();
        m_error = m_sqlError.text();
        return false; // still active: the destructor rolls back
    }
    m_active = false;
    m_committed = true;
    --transactionDepths()[m_db.connectionName()];
    return true;
}

QString TransactionGuard::describeError(const QString &what) const
{
    return StoreErrors::isDatabaseProblem(m_sqlError) ? StoreErrors::describe(m_sqlError, what)
                                                      : m_error;
}

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/store/database.h"

#include "services/store/sqlscript.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace {
const QString migrationDir = QStringLiteral(":/migrations");

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

QString openAndMigrate(QSqlDatabase &db, const QString &path, int upToVersion,
                       Database::OpenResult &result)
{
    const bool inMemory = path == QLatin1String(":memory:");
    QString error;

    if (!db.open()) {
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

    {
        QSqlQuery check(db);
        if (!check.exec(QStringLiteral("PRAGMA quick_check")))
            return damagedMessage(path, check.lastError().text());
        QStringList problems;
        while (check.next() && problems.size() < 3) {
            const QString line = check.value(0).toString().simplified();
            if (line != QLatin1String("ok"))
                problems.append(line);
        }
        if (!problems.isEmpty())
            return damagedMessage(path, problems.join(QLatin1String("; ")));
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

Database::OpenResult Database::open(const QString &path, const QString &connectionName,
                                    int upToVersion)
{
    OpenResult result;
    if (path.isEmpty()) {
        result.error = QCoreApplication::translate("Store", "No database file was given.");
        return result;
    }
    if (QSqlDatabase::contains(connectionName)) {
        result.error =
            QCoreApplication::translate("Store", "The database connection %1 is already open.")
                .arg(connectionName);
        return result;
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
        if (!db.isValid()) {
            result.error = QCoreApplication::translate("Store", "The SQLite driver for Qt is not "
                                                                "installed. Reinstall the app.");
        } else {
            db.setDatabaseName(path);
            transactionDepths().remove(connectionName);
            result.error = openAndMigrate(db, path, upToVersion, result);
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
    return QSqlDatabase::database(connectionName, false);
}

TransactionGuard::TransactionGuard(QSqlDatabase db)
    : m_db(std::move(db))
{
    if (!m_db.isOpen()) {
        m_error = QCoreApplication::translate("Store", "The database is not open.");
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
    if (m_active)
        ++depth;
    else
        m_error = query.lastError().text();
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
        m_error = query.lastError().text();
        return false; // still active: the destructor rolls back
    }
    m_active = false;
    m_committed = true;
    --transactionDepths()[m_db.connectionName()];
    return true;
}

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/store/sqliteeventlog.h"

#include "services/store/database.h"
#include "services/store/databaseencryption.h"
#include "services/store/storeerror.h"

#include "services/store/database.h"
#include "services/store/sqlthreadguard.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

namespace {
//! PRAGMA application_id of a hub database ("CHub"), so a desk's file is never taken for one.
constexpr qint32 applicationId = 0x43487562;

QVariant pragmaValue(QSqlDatabase &db, const QString &pragma, QString *error)
{
    QSqlQuery query(db);
    if (!query.exec(pragma) || !query.next()) {
        *error = query.lastError().text();
        return {};
    }
    return query.value(0);
}
} // namespace

SqliteEventLog::SqliteEventLog(QString path, QString connectionName, QByteArray keyHex)
    : HubStoreBackend(std::move(connectionName))
    , m_path(std::move(path))
    , m_keyHex(std::move(keyHex))
{
}

QString SqliteEventLog::describe() const
{
    return QDir::toNativeSeparators(m_path);
}

void SqliteEventLog::restrictFiles() const
{
    for (const char *suffix : {"", "-wal", "-shm"}) {
        const QString file = m_path + QLatin1String(suffix);
        if (QFileInfo::exists(file))
            Database::restrictToOwner(file);
    }
}

bool SqliteEventLog::connectDatabase(QString *error)
{
    SqlThreadGuard::check("SqliteEventLog::connectDatabase");
    if (m_path.isEmpty() || m_path == QLatin1String(":memory:")) {
        *error = QCoreApplication::translate("HubStore",
                                             "The hub needs a database file (or a postgresql:// "
                                             "address); \"%1\" is not one.")
                     .arg(m_path);
        return false;
    }
    // Create the file owner-only before SQLite does: its -wal and -shm get the same mode.
    QFile file(m_path);
    if (!file.exists() && file.open(QIODevice::WriteOnly))
        file.close();
    restrictFiles();
    // A log written before the hub encrypted its store is encrypted once, in place.
    if (!m_keyHex.isEmpty()
        && DatabaseEncryption::stateOf(m_path) == DatabaseEncryption::FileState::Plaintext) {
        const DatabaseEncryption::Result encrypted =
            DatabaseEncryption::encryptInPlace(m_path, m_keyHex);
        if (!encrypted.ok()) {
            *error = encrypted.error;
            return false;
        }
    }

    QString failure;
    {
        QSqlDatabase db = Database::addConnection(connectionName(), m_keyHex);
        db.setDatabaseName(m_path);
        if (!db.open()) {
            failure = StoreErrors::isNotADatabase(db.lastError())
                        ? QCoreApplication::translate("HubStore",
                                                      "the database key does not open it (a "
                                                      "wrong key file or passphrase); nothing "
                                                      "was changed")
                        : QCoreApplication::translate("HubStore",
                                                      "%1; check that the folder exists and "
                                                      "that the hub may write to it")
                              .arg(db.lastError().text());
        } else if (pragmaValue(db, QStringLiteral("PRAGMA busy_timeout = 5000"), &failure)
                       .isValid() &&
                   checkSchema(db, &failure)) {
            // journal_mode cannot change inside a transaction, so it is set here, after the
            // checks that leave a foreign or newer file untouched.
            const QString mode =
                pragmaValue(db, QStringLiteral("PRAGMA journal_mode = WAL"), &failure).toString();
            if (mode.compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
                failure = QCoreApplication::translate("HubStore",
                                                      "write-ahead logging is not possible (%1); "
                                                      "keep the database on a local disk")
                              .arg(failure.isEmpty() ? mode : failure);
            } else {
                QSqlQuery query(db);
                if (!query.exec(QStringLiteral("PRAGMA synchronous = FULL")))
                    failure = query.lastError().text();
            }
        }
        if (!failure.isEmpty())
            db.close();
    }
    if (!failure.isEmpty()) {
        QSqlDatabase::removeDatabase(connectionName());
        *error = QCoreApplication::translate("HubStore", "Cannot open the hub's event log %1: %2")
                     .arg(describe(), failure);
        return false;
    }
    restrictFiles();
    return true;
}

bool SqliteEventLog::checkSchema(QSqlDatabase &db, QString *error)
{
    QString failure;
    const QVariant id = pragmaValue(db, QStringLiteral("PRAGMA application_id"), &failure);
    const QVariant version = pragmaValue(db, QStringLiteral("PRAGMA user_version"), &failure);
    const QVariant tables = pragmaValue(
        db, QStringLiteral("SELECT COUNT(*) FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'"),
        &failure);
    if (!id.isValid() || !version.isValid() || !tables.isValid()) {
        *error = failure;
        return false;
    }
    const bool empty = tables.toInt() == 0 && version.toInt() == 0;
    if (!empty && id.toInt() != applicationId) {
        *error = QCoreApplication::translate("HubStore",
                                             "it is not a clinichub database (perhaps a "
                                             "ClinicDesk one); give the hub a file of its own. "
                                             "The file was not changed.");
        return false;
    }
    if (version.toInt() > schemaVersion) {
        *error = QCoreApplication::translate("HubStore",
                                             "its schema version is %1, but this clinichub knows "
                                             "versions up to %2 only; update clinichub. The "
                                             "database was not changed.")
                     .arg(version.toInt())
                     .arg(schemaVersion);
        return false;
    }
    return true;
}

QStringList SqliteEventLog::schemaStatements() const
{
    return {
        QStringLiteral("CREATE TABLE IF NOT EXISTS hub_meta (key TEXT PRIMARY KEY, "
                       "value TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS hub_counter (id INTEGER PRIMARY KEY "
                       "CHECK (id = 1), last_seq INTEGER NOT NULL)"),
        // seq is given explicitly from hub_counter: an INTEGER PRIMARY KEY alone would reuse
        // numbers after the newest events were pruned.
        QStringLiteral("CREATE TABLE IF NOT EXISTS hub_events (seq INTEGER PRIMARY KEY, "
                       "kind TEXT NOT NULL, event_type TEXT NOT NULL, received_at TEXT NOT NULL, "
                       "payload BLOB NOT NULL)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS hub_deliveries (kind TEXT NOT NULL, "
                       "delivery_id TEXT NOT NULL, business_key TEXT, seq INTEGER NOT NULL, "
                       "UNIQUE (kind, delivery_id), UNIQUE (kind, business_key))"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS hub_deliveries_seq ON hub_deliveries (seq)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS hub_devices (device TEXT PRIMARY KEY, "
                       "acked_seq INTEGER NOT NULL, last_seen TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS hub_audit (id INTEGER PRIMARY KEY, "
                       "at TEXT NOT NULL, what TEXT NOT NULL, peer TEXT NOT NULL, "
                       "detail TEXT NOT NULL)"),
    };
}

bool SqliteEventLog::finishSchema(QSqlDatabase &db, QString *error)
{
    return exec(db, QStringLiteral("PRAGMA application_id = %1").arg(applicationId), error) &&
           exec(db, QStringLiteral("PRAGMA user_version = %1").arg(schemaVersion), error);
}

bool SqliteEventLog::begin(QSqlDatabase &db, QString *error)
{
    // IMMEDIATE takes the write lock up front: the counter read below cannot go stale.
    return exec(db, QStringLiteral("BEGIN IMMEDIATE"), error);
}

QString SqliteEventLog::lockCounterStatement() const
{
    return QStringLiteral("SELECT last_seq FROM hub_counter WHERE id = 1");
}

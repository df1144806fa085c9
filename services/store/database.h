// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QSqlDatabase>
#include <QSqlError>
#include <QString>
#include <QStringList>

#include <functional>

//! Opens the local SQLite database (encrypted by SQLite3 Multiple Ciphers when given a key; WAL, foreign_keys=ON, synchronous=FULL, busy timeout 5 s)
//! and applies the numbered migrations in :/migrations against PRAGMA user_version.
//! Connections are named; each thread uses its own (QSqlDatabase must not cross threads).
class Database
{
public:
    //! The schema version this build knows (highest migration number).
    static int schemaVersion();

    struct OpenResult
    {
        bool ok = false;
        QString error;       // translated; says what is wrong and what to do
        int fromVersion = 0; // user_version before migrating
        int toVersion = 0;
    };

    //! Opens (creating if needed) `path` (":memory:" allowed) under `connectionName` and migrates.
    //! A database newer than schemaVersion() is refused, never modified.
    //! `upToVersion` < 0 means all migrations (tests pass a lower number to build old schemas).
    //! The file and its -wal/-shm are made owner-only (0600): they hold PHI.
    //! It goes through SqliteDriver (the one SQLite in the process). `keyHex` (64 hex digits)
    //! opens an encrypted database, or creates a new one encrypted; empty means plaintext. A key
    //! that does not open the file is an error that changes nothing.
    static OpenResult open(const QString &path, const QString &connectionName,
                           int upToVersion = -1, const QByteArray &keyHex = {});
    //! Opens a read-only (query_only) connection to a database open() has migrated; the error
    //! (translated) is empty on success.
    static QString openReader(const QString &path, const QString &connectionName,
                              const QByteArray &keyHex = {});
    //! A connection's QSqlDatabase through SqliteDriver, with the key set for its open().
    static QSqlDatabase addConnection(const QString &connectionName, const QByteArray &keyHex);
    static void close(const QString &connectionName);
    //! The connection of the calling thread. SQL never runs on the UI thread: asking for a
    //! connection there is reported by SqlThreadGuard.
    static QSqlDatabase connection(const QString &connectionName);

    //! Result of check(): empty problems means the file is sound.
    struct CheckResult
    {
        QStringList problems; // SQLite's own words, at most a few per table
        QString error;        // the check itself could not run
        bool ok() const { return problems.isEmpty() && error.isEmpty(); }
    };
    //! SQLite's quick_check table by table (it reads the whole file, so it is not run at every
    //! start): `progress(done, total)` after each table; it returns false to stop early.
    static CheckResult check(const QString &connectionName,
                             const std::function<bool(int done, int total)> &progress = {});

    //! For filling a new database in bulk (the data generator): commits stop waiting for the
    //! disk (synchronous=OFF) and the page cache grows; `false` restores synchronous=FULL. A
    //! crash meanwhile can lose the load, so it is only for data that can be made again.
    static bool setBulkLoading(const QString &connectionName, bool bulk);

    //! "The database key does not open %1…": the same words wherever a key is refused.
    static QString wrongKeyMessage(const QString &path);

    //! Makes a file holding PHI readable and writable by its owner only; true on success.
    static bool restrictToOwner(const QString &filePath);

    //! The resource paths of the migrations, ordered by number (":/migrations/001_initial.sql").
    static QStringList migrationFiles();
};

//! RAII transaction: rolls back unless commit() was called.
//! The outermost guard on a connection runs BEGIN IMMEDIATE (takes the write lock up front, so a
//! read-then-write transaction cannot fail half-way on SQLITE_BUSY); guards nested inside it use
//! savepoints, so a repository's multi-row write can be part of a caller's larger transaction.
//! A guard belongs to the thread that created it, like its connection.
class TransactionGuard
{
public:
    explicit TransactionGuard(QSqlDatabase db);
    ~TransactionGuard();
    TransactionGuard(const TransactionGuard &) = delete;
    TransactionGuard &operator=(const TransactionGuard &) = delete;
    bool isActive() const { return m_active; }
    bool commit();
    //! Why BEGIN or COMMIT failed (SQLite's text), for the caller's error message.
    QString errorText() const { return m_error; }
    //! The same as a QSqlError, so the caller can tell "busy" from a refused row
    //! (StoreErrors::isDatabaseProblem()).
    QSqlError lastError() const { return m_sqlError; }
    //! Why BEGIN or COMMIT failed, in the clerk's words ("The database is busy…") when the
    //! database is the problem; `what` names what was being saved.
    QString describeError(const QString &what) const;

private:
    QSqlDatabase m_db;
    bool m_active = false;
    bool m_committed = false;
    QString m_savepoint; // empty for the outermost guard
    QString m_error;
    QSqlError m_sqlError;
};

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

//! Opens the local SQLite database (WAL, foreign_keys=ON, synchronous=FULL, busy timeout 5 s)
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
    static OpenResult open(const QString &path, const QString &connectionName,
                           int upToVersion = -1);
    static void close(const QString &connectionName);
    static QSqlDatabase connection(const QString &connectionName);

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

private:
    QSqlDatabase m_db;
    bool m_active = false;
    bool m_committed = false;
    QString m_savepoint; // empty for the outermost guard
    QString m_error;
};

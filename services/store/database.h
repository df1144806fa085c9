// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QString>

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
        QString error; // translated; says what is wrong and what to do
        int fromVersion = 0; // user_version before migrating
        int toVersion = 0;
    };

    //! Opens (creating if needed) `path` (":memory:" allowed) under `connectionName` and migrates.
    //! A database newer than schemaVersion() is refused, never modified.
    //! `upToVersion` < 0 means all migrations (tests pass a lower number to build old schemas).
    static OpenResult open(const QString &path, const QString &connectionName, int upToVersion = -1);
    static void close(const QString &connectionName);
    static QSqlDatabase connection(const QString &connectionName);
};

//! RAII transaction: rolls back unless commit() was called.
class TransactionGuard
{
public:
    explicit TransactionGuard(QSqlDatabase db);
    ~TransactionGuard();
    TransactionGuard(const TransactionGuard &) = delete;
    TransactionGuard &operator=(const TransactionGuard &) = delete;
    bool isActive() const { return m_active; }
    bool commit();

private:
    QSqlDatabase m_db;
    bool m_active = false;
    bool m_committed = false;
};

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QSqlDriver>
#include <QSqlError>
#include <QString>

struct sqlite3;
Q_DECLARE_OPAQUE_POINTER(sqlite3 *)
Q_DECLARE_METATYPE(sqlite3 *)

class SqliteResult;

//! A Qt SQL driver over the SQLite3 Multiple Ciphers library built into the program
//! (deps/sqlite3mc), so the process holds exactly one SQLite and Qt's own SQLite plugin is never
//! loaded. It behaves like QSQLITE where our repositories rely on it (types, binds, errors with
//! SQLite's extended result code as nativeErrorCode), and can open encrypted databases.
//!
//! Connect options (QSqlDatabase::setConnectOptions, separated by ';'):
//!  - QSQLITE_BUSY_TIMEOUT=ms  how long a locked database is waited for (5000 by default)
//!  - QSQLITE_OPEN_READONLY    open read-only
//!  - QSQLITE_OPEN_URI         accepted for compatibility: file: URIs are always understood
//!  - CLINICDESK_KEY=hex       the 256-bit database key, 64 hex digits (ChaCha20-Poly1305)
//! A database that the key (or the lack of one) cannot read is not opened: open() fails with
//! SQLITE_NOTADB and the file is left as it was.
class SqliteDriver final : public QSqlDriver
{
    Q_OBJECT

public:
    //! The name registerDriver() registers: QSqlDatabase::addDatabase(SqliteDriver::driverName, …).
    static const QString driverName;
    //! Registers the driver under driverName (once per process; safe to call again).
    static void registerDriver();
    //! What sqlite3_libversion() and SQLite3 Multiple Ciphers say, for "About" and bug reports.
    static QString libraryVersion();

    explicit SqliteDriver(QObject *parent = nullptr);
    ~SqliteDriver() override;

    //! The key for the next open(), as 64 hex digits; empty for none. A CLINICDESK_KEY connect
    //! option, when given, takes precedence.
    void setKeyHex(const QByteArray &keyHex);
    //! Re-encrypts the open database with a new key (64 hex digits). The old key no longer
    //! opens it afterwards. False with lastError() set on failure, the old key still in effect.
    bool rekey(const QByteArray &newKeyHex);

    bool hasFeature(DriverFeature feature) const override;
    bool open(const QString &db, const QString &user, const QString &password, const QString &host,
              int port, const QString &connectOptions) override;
    void close() override;
    QSqlResult *createResult() const override;
    bool beginTransaction() override;
    bool commitTransaction() override;
    bool rollbackTransaction() override;
    QStringList tables(QSql::TableType type) const override;
    QSqlRecord record(const QString &tableName) const override;
    QSqlIndex primaryIndex(const QString &tableName) const override;
    QString escapeIdentifier(const QString &identifier, IdentifierType type) const override;
    QVariant handle() const override;

    //! The open connection, for SqliteResult.
    sqlite3 *connection() const { return m_db; }
    //! SqliteResult reports its prepared statement, which close() finalises before closing.
    void statementPrepared(SqliteResult *result) const { m_results.append(result); }
    void statementFinalized(SqliteResult *result) const { m_results.removeOne(result); }

private:
    bool execute(const char *sql, const QString &what, QSqlError::ErrorType type);
    void closeConnection();

    sqlite3 *m_db = nullptr;
    QByteArray m_keyHex;
    // Results with a live statement, finalised before the connection closes. A connection and
    // its results belong to one thread, so this needs no lock.
    mutable QList<SqliteResult *> m_results;
};

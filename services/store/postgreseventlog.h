// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/store/hubstorebackend.h"

//! Where a `postgresql://` spec points.
struct PostgresAddress
{
    QString host; // a name, an address, or a socket folder (starting with '/')
    int port = -1;
    QString user;
    QString password;
    QString database;
    QString options; // further libpq keywords for QSqlDatabase::setConnectOptions ("a=b;c=d")
    QString error;   // why the spec is not understood; empty when it is

    //! `postgresql://user[:pass]@host[:port]/db` or
    //! `postgresql://user@/db?host=/socket/dir&port=5432` (further query items are libpq options).
    static PostgresAddress parse(const QString &spec);
    //! For messages: everything but the password.
    QString describe() const;
};

/*!
  The hub's event log in PostgreSQL, shared by several hubs. Besides the SQL connection it
  keeps a second one that LISTENs on the channel every commit NOTIFYs, so each hub learns of
  the others' events at once.
 */
class PostgresEventLog final : public HubStoreBackend
{
public:
    PostgresEventLog(const QString &spec, QString connectionName);
    ~PostgresEventLog() override;
    QString describe() const override;
    bool isPostgres() const override { return true; }
    void close() override;
    bool listen(std::function<void(qint64 lastSeq)> notified, QString *error) override;
    void recover() override;

    //! The channel every commit NOTIFYs with its last seq.
    static QString channel() { return QStringLiteral("clinichub_events"); }

protected:
    bool connectDatabase(QString *error) override;
    bool checkSchema(QSqlDatabase &db, QString *error) override;
    QStringList schemaStatements() const override;
    bool begin(QSqlDatabase &db, QString *error) override;
    QString lockCounterStatement() const override;
    QString greatestFunction() const override { return QStringLiteral("GREATEST"); }
    bool beforeCommit(QSqlDatabase &db, qint64 lastSeq, QString *error) override;

private:
    bool openConnection(const QString &name, QString *error);
    bool openListener(QString *error);
    QString listenerName() const { return connectionName() + QStringLiteral("-listen"); }

    PostgresAddress m_address;
    std::function<void(qint64)> m_notified;
};

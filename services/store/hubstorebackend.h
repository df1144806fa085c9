// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/hub/hubevent.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>

#include <functional>
#include <map>
#include <memory>

/*!
  The SQL of the hub's event log, shared by SQLite and PostgreSQL; a subclass supplies the
  connection, the table definitions and the few statements the two spell differently. Every
  method runs on the HubStore's worker thread, which owns the connection(s).

  Seq allocation: every write transaction first locks the one row of hub_counter, reads
  last_seq, numbers its new events last_seq+1… and stores the new last_seq before it commits.
  The lock makes writers take turns until commit, so seq order is commit order, and a rollback
  (or a killed process) gives the numbers back: there are never gaps.
 */
class HubStoreBackend
{
public:
    //! Where the log stands.
    struct Position
    {
        QString epoch;
        qint64 lastSeq = 0;       // committed (all hubs)
        qint64 firstRetained = 1; // lastSeq + 1 when empty
    };

    //! What one write transaction carries: appends, audit rows and acknowledgements together.
    struct Batch
    {
        QList<HubDelivery> deliveries;
        QList<HubAuditEntry> audits;
        QHash<QString, qint64> acks; // device → seq
        QDateTime now;               // UTC, for the devices' last_seen
    };

    struct Outcome
    {
        bool ok = false;
        QString error;               // why the whole transaction failed
        QList<AppendResult> results; // one per delivery, in order
        QList<HubEvent> added;       // the new events, in seq order
        qint64 lastSeq = 0;          // hub_counter.last_seq after the commit
    };

    explicit HubStoreBackend(QString connectionName);
    virtual ~HubStoreBackend();
    HubStoreBackend(const HubStoreBackend &) = delete;
    HubStoreBackend &operator=(const HubStoreBackend &) = delete;

    //! Connects, creates the tables (and the epoch) when missing, refuses a newer schema.
    bool open(Position *position, QString *error);
    virtual void close();
    virtual bool isPostgres() const = 0;

    Outcome write(const Batch &batch);
    //! Events with afterSeq < seq <= upToSeq, at most `limit`, in order.
    bool readAfter(qint64 afterSeq, qint64 upToSeq, int limit, QList<HubEvent> *events,
                   QString *error);
    //! lastSeq and firstRetained as committed now (the epoch is left alone).
    bool readPosition(Position *position, QString *error);
    //! Deletes the oldest events up to (not including) the first received at or after `before`.
    bool prune(const QDateTime &before, int *removed, qint64 *firstRetained, QString *error);
    bool readAcks(QHash<QString, qint64> *acks, QString *error);
    bool readAudit(int limit, QList<HubAuditEntry> *entries, QString *error);

    //! PostgreSQL: calls `notified(lastSeq)` (on this thread, from its event loop) when any hub
    //! announces a commit. SQLite has no other writers and returns false.
    virtual bool listen(std::function<void(qint64 lastSeq)> notified, QString *error);
    //! After a failure: checks the connection and reopens it when it is gone.
    virtual void recover() {}
    //! The database, for messages (a path, or a PostgreSQL address without its password).
    virtual QString describe() const = 0;

protected:
    //! Opens the connection named connectionName() on this thread.
    virtual bool connectDatabase(QString *error) = 0;
    //! Inside the schema transaction, before any table is made: refuses a database that is not
    //! the hub's or is newer than this build (without changing it).
    virtual bool checkSchema(QSqlDatabase &db, QString *error) = 0;
    virtual QStringList schemaStatements() const = 0;
    //! Inside the schema transaction, after the tables exist (SQLite: user_version).
    virtual bool finishSchema(QSqlDatabase &db, QString *error);
    //! Starts a write transaction.
    virtual bool begin(QSqlDatabase &db, QString *error) = 0;
    //! Reads last_seq and locks the counter row until the transaction ends.
    virtual QString lockCounterStatement() const = 0;
    //! The SQL function giving the larger of two values (max / GREATEST).
    virtual QString greatestFunction() const = 0;
    //! Runs last in a write transaction that added events (PostgreSQL: NOTIFY).
    virtual bool beforeCommit(QSqlDatabase &db, qint64 lastSeq, QString *error);
    QString connectionName() const { return m_connectionName; }
    QSqlDatabase database() const;
    static bool exec(QSqlDatabase &db, const QString &sql, QString *error);
    static QString errorOf(const QSqlQuery &query);

    static constexpr int schemaVersion = 1;
    //! The most rows one INSERT (or lookup) carries.
    static constexpr int maxRowsPerStatement = 64;

    //! `sql` prepared once per connection; nullptr (and `error`) when it cannot be.
    QSqlQuery *prepared(const QString &sql, QString *error);
    //! Drops the prepared statements: before the connection they belong to is closed.
    void forgetStatements();

private:
    bool createSchema(QSqlDatabase &db, QString *error);
    bool readEpoch(QSqlDatabase &db, QString *epoch, QString *error);
    //! Seqs of stored deliveries whose (kind, `column`) is one of `keys` (at most
    //! maxRowsPerStatement), keyed by batchKey(kind, value).
    bool findStored(const QString &column, const QList<std::pair<QString, QString>> &keys,
                    QHash<QString, qint64> *seqs, QString *error);
    //! INSERT INTO `into` (a table and its columns) `count` rows, at most maxRowsPerStatement
    //! per statement; bindRow(query, first placeholder, row index) binds one row.
    bool insertRows(const QString &into, int columns, qsizetype count,
                    const std::function<void(QSqlQuery *, int, qsizetype)> &bindRow,
                    QString *error);
    bool insertEvents(const QList<HubEvent> &events, QString *error);
    bool insertDeliveries(const QList<HubEvent> &events,
                          const QList<const HubDelivery *> &deliveries, QString *error);

    QString m_connectionName;
    std::map<QString, QSqlQuery> m_statements; // by SQL text; node-based, so pointers hold
};

//! The backend for a database spec: a PostgreSQL URL or a SQLite file path (encrypted with
//! `keyHex`, 64 hex digits, when given).
std::unique_ptr<HubStoreBackend> makeHubStoreBackend(const QString &spec,
                                                     const QString &connectionName,
                                                     const QByteArray &keyHex = {});
//! True when `spec` names a PostgreSQL database.
bool isPostgresSpec(const QString &spec);

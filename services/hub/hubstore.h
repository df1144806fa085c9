// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/hub/hubevent.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>


/*!
  The hub's durable event log, behind one worker thread (the caller's thread never runs SQL).

  Backends, chosen by the database spec given to the constructor:
  - a file path: SQLite (WAL, synchronous=FULL, owner-only file), seq = INTEGER PRIMARY KEY
    numbered from a counter (never reused after a prune);
  - `postgresql://user:pass@host:port/db` or `postgresql://user@/db?host=/socket/dir&port=5432`
    (further query items are passed to libpq, e.g. sslmode=require): PostgreSQL through QPSQL.
    Several hubs may share one database: seq is allocated inside the insert transaction so
    commit order equals seq order and there are no gaps; each hub LISTENs and learns of the
    others' events (eventsAppended() is emitted for them too).

  Appends are group-committed: deliveries queued while a transaction runs go together into the
  next one (one fsync for many webhooks), and each caller's callback runs once its delivery is
  committed (or refused), on the thread that owns the HubStore.

  Tables (prefixed `hub_`, since a PostgreSQL database may hold other things): hub_meta (epoch,
  created, schema_version), hub_counter (last_seq), hub_events (seq, kind, event_type, received_at,
  payload), hub_deliveries (kind, delivery_id UNIQUE / kind, business_key UNIQUE → seq),
  hub_devices (device, acked_seq, last_seen), hub_audit (at, what, peer, detail — never PHI).
  The retained events are always a contiguous range firstRetainedSeq()..lastSeq().
 */
class HubStore : public QObject
{
    Q_OBJECT
public:
    //! `keyHex` (64 hex digits) encrypts a SQLite event log; PostgreSQL ignores it.
    explicit HubStore(QString databaseSpec, QByteArray keyHex = {}, QObject *parent = nullptr);
    ~HubStore() override;

    //! Opens or creates the log (a new one gets a fresh random epoch); blocks the caller until
    //! done. On failure returns false and sets `error` (says what is wrong with which database).
    bool open(QString *error);
    bool isPostgres() const;

    //! Fixed for the life of the database.
    QString epoch() const;
    //! The highest seq committed that this hub knows of (its own and, on PostgreSQL, others').
    qint64 lastSeq() const;
    //! The lowest seq still stored (lastSeq() + 1 when the log is empty).
    qint64 firstRetainedSeq() const;

    //! Stores `delivery` unless it is a duplicate; `done` runs on this object's thread after
    //! the commit (or the failure).
    void append(const HubDelivery &delivery, std::function<void(const AppendResult &)> done);
    //! Up to `limit` events with seq > `afterSeq`, in order; `done(events, error)`. Never returns
    //! an event whose eventsAppended() has not been emitted before `done` runs, so a reader can
    //! replay with readAfter() and then follow eventsAppended() without a hole.
    void readAfter(qint64 afterSeq, int limit,
                   std::function<void(const QList<HubEvent> &, const QString &error)> done);
    //! Records a desk's cumulative acknowledgement (best effort, batched).
    void recordAck(const QString &device, qint64 seq);
    //! A PHI-free audit row: `what` ("signature-rejected", "token-rejected"…), the peer
    //! address, a short detail.
    void recordAudit(const QString &what, const QString &peer, const QString &detail);
    //! Deletes events received before `before` (and their delivery rows); returns via `done`
    //! the number removed. firstRetainedSeq() moves up. The oldest events go, up to the first
    //! one received at or after `before`, so the log stays contiguous.
    void prune(const QDateTime &before, std::function<void(int removed)> done = {});
    //! Blocks until every queued append and write has committed (shutdown, tests); the
    //! callbacks and eventsAppended() of what committed have run when it returns (when called on
    //! the owner's thread).
    void drain();

    //! The stored acknowledgements: device → highest acked seq.
    void readAcks(std::function<void(const QHash<QString, qint64> &, const QString &error)> done);
    //! The newest `limit` audit rows, newest first.
    void readAudit(int limit,
                   std::function<void(const QList<HubAuditEntry> &, const QString &error)> done);
    //! How many write transactions have committed since open() (tests check group commit).
    qint64 commitCount() const;

Q_SIGNALS:
    //! New events committed, in seq order, contiguous with the previous emission.
    void eventsAppended(const QList<HubEvent> &events);
    //! The database failed in a way that needs a person (disk full, connection lost for good).
    //! Emitted once when writes start failing, again only after one has succeeded meanwhile.
    void storageFailed(const QString &error);

private:
    class Worker;
    QString m_spec;
    std::unique_ptr<Worker> m_worker;
    // Cached on the owner's thread from the worker's results.
    QString m_epoch;
    qint64 m_lastSeq = 0;
    qint64 m_firstRetained = 1;
    bool m_postgres = false;
};

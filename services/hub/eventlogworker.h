// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/store/hubstorebackend.h"

#include <QObject>
#include <QTimer>

#include <atomic>
#include <functional>
#include <memory>

/*!
  Lives on the HubStore's worker thread and does all of its database work there.

  Group commit: append(), audit() and ack() only queue; one flush, posted behind whatever is
  already queued, writes everything pending in one transaction. Appends that arrive while a
  transaction runs wait in the event queue and go together into the next one.

  Everything the owner must learn (new events, append results, storage failures) goes through
  one sink, called in order from this thread; events are handed over contiguous, each report
  continuing where the previous one ended (the hub's own and, on PostgreSQL, other hubs').
 */
class EventLogWorker : public QObject
{
    Q_OBJECT
public:
    using AppendDone = std::function<void(const AppendResult &)>;

    //! One hand-over to the owner.
    struct Report
    {
        QList<HubEvent> events;      // contiguous after the previous report's
        QList<AppendDone> callbacks; // with results[i]
        QList<AppendResult> results;
        qint64 knownSeq = 0;       // the last seq handed over so far
        qint64 firstRetained = -1; // -1: unchanged
        QString storageError;      // set when writing starts failing
    };
    using Sink = std::function<void(Report)>;

    EventLogWorker(std::unique_ptr<HubStoreBackend> backend, Sink sink);
    ~EventLogWorker() override;

    // Everything below runs on the worker thread.
    bool open(HubStoreBackend::Position *position, QString *error);
    void append(const HubDelivery &delivery, AppendDone done);
    void audit(const HubAuditEntry &entry);
    void ack(const QString &device, qint64 seq);
    //! Events after `afterSeq`, never beyond those already handed to the sink.
    void readAfter(qint64 afterSeq, int limit,
                   const std::function<void(const QList<HubEvent> &, const QString &)> &reply);
    void prune(const QDateTime &before,
               const std::function<void(int removed, qint64 firstRetained)> &reply);
    void
    readAcks(const std::function<void(const QHash<QString, qint64> &, const QString &)> &reply);
    void readAudit(int limit,
                   const std::function<void(const QList<HubAuditEntry> &, const QString &)> &reply);
    //! Writes everything pending now (drain).
    void flushNow();
    //! Writes what is pending and closes the connections.
    void shutdown();

    //! Any thread.
    qint64 commitCount() const { return m_commits.load(); }

    //! Most deliveries one transaction takes; the rest go into the next.
    static constexpr int maxBatch = 2000;

private:
    struct PendingAppend
    {
        HubDelivery delivery;
        AppendDone done;
    };

    void scheduleFlush();
    void flush();
    //! Reads events after m_known that other writers committed (PostgreSQL) up to `upTo`
    //! (inclusive; -1: all), contiguous; false when they could not all be read.
    bool readNew(qint64 upTo, QList<HubEvent> *events);
    void catchUp();
    void scheduleCatchUp();
    void poll();

    std::unique_ptr<HubStoreBackend> m_backend;
    Sink m_sink;
    bool m_open = false;
    QList<PendingAppend> m_appends;
    QList<HubAuditEntry> m_audits;
    QHash<QString, qint64> m_acks;
    bool m_flushPosted = false;
    bool m_catchUpPosted = false;
    bool m_failing = false;
    qint64 m_known = 0;         // last seq handed to the sink
    qint64 m_firstRetained = 1; // as last reported
    QTimer m_ackTimer;          // acks are written at most about once a second
    QTimer m_pollTimer;         // PostgreSQL: in case a notification is lost
    std::atomic<qint64> m_commits{0};
};

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/liveevent.h"
#include "services/store/storeerror.h"

#include <QList>
#include <QString>

#include <optional>

/*!
  The desk's side of the live feed in SQLite: the cursor (live_cursor), the event log
  (live_events) and the outbox of clinic events to publish (live_outbox). The caller holds the
  transaction that applies an event, records it and advances the cursor, so the three happen
  together or not at all.
 */
class LiveEventRepository
{
public:
    explicit LiveEventRepository(QString connectionName)
        : m_connection(std::move(connectionName))
    {
    }

    StoreResult<LiveCursor> cursor() const;
    //! Moves the cursor to `seq` in `epoch`; refuses to move it backwards.
    StoreResult<bool> advance(const QString &epoch, qint64 seq);
    //! After a reset: the new epoch and position, whatever they were.
    StoreResult<bool> reset(const QString &epoch, qint64 seq);

    //! Adds an event to the log (its (epoch, seq) once); returns its row id.
    StoreResult<qint64> record(const LiveEventRecord &record);
    //! The outcome of a later attempt.
    StoreResult<bool> updateOutcome(qint64 id, LiveEventStatus status, const QString &error,
                                    int attempts);
    StoreResult<std::optional<LiveEventRecord>> find(qint64 id) const;
    //! The newest events first, at most `limit`.
    StoreResult<QList<LiveEventRecord>> recent(int limit) const;
    //! Failed events with fewer than `maxAttempts` attempts, oldest first.
    StoreResult<QList<LiveEventRecord>> retryable(int maxAttempts, int limit) const;
    StoreResult<LiveEventCounts> counts() const;

    //! Adds a clinic event to publish (an empty id gets a new UUID).
    StoreResult<bool> enqueue(const LiveOutboxItem &item);
    StoreResult<QList<LiveOutboxItem>> outbox(int limit) const;
    StoreResult<bool> removeFromOutbox(const QString &id);

private:
    QString m_connection;
};

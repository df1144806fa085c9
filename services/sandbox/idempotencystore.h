// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>

#include <deque>
#include <utility>

/*!
  What a server remembers of `Idempotency-Key`s (draft-ietf-httpapi-idempotency-key-header,
  Stripe's rules): the first response to a key is replayed exactly, whatever its status; the
  same key with another payload (fingerprint) is a mismatch; a key whose first request is still
  being processed is in flight. Entries are kept `ttlMs` (24 h) and at most `maxEntries`, the
  oldest going first. Times are passed in, in milliseconds, so tests can move the clock.
 */
class IdempotencyStore
{
public:
    struct Response
    {
        int status = 0;
        QByteArray body;
    };
    enum class Outcome {
        Started,  //!< new key: process the request, then finish() or abandon()
        Replay,   //!< answer with `response`
        InFlight, //!< the first request with this key is still being processed
        Mismatch, //!< the key came with another payload
    };
    struct Lookup
    {
        Outcome outcome = Outcome::Started;
        Response response;
    };

    static constexpr qint64 dayMs = 24LL * 60 * 60 * 1000;

    explicit IdempotencyStore(int maxEntries = 200000, qint64 ttlMs = dayMs);

    Lookup begin(const QByteArray &key, const QByteArray &fingerprint, qint64 nowMs);
    //! Records the response to replay for a key begun with begin().
    void finish(const QByteArray &key, const QByteArray &fingerprint, Response response,
                qint64 nowMs);
    //! Forgets a begun key whose request was not processed (it may come again as new).
    void abandon(const QByteArray &key);
    int size() const { return int(m_entries.size()); }

private:
    struct Entry
    {
        QByteArray fingerprint;
        qint64 createdMs = 0;
        bool inFlight = true;
        Response response;
    };
    void prune(qint64 nowMs);

    int m_maxEntries;
    qint64 m_ttlMs;
    QHash<QByteArray, Entry> m_entries;
    std::deque<std::pair<qint64, QByteArray>> m_order; // (created, key), oldest first
};

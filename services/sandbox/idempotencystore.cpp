// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/sandbox/idempotencystore.h"

#include <algorithm>

IdempotencyStore::IdempotencyStore(int maxEntries, qint64 ttlMs)
    : m_maxEntries(std::max(1, maxEntries))
    , m_ttlMs(ttlMs)
{
}

IdempotencyStore::Lookup IdempotencyStore::begin(const QByteArray &key,
                                                 const QByteArray &fingerprint, qint64 nowMs)
{
    prune(nowMs);
    const auto it = m_entries.constFind(key);
    if (it != m_entries.cend()) {
        if (it->fingerprint != fingerprint)
            return {Outcome::Mismatch, {}};
        if (it->inFlight)
            return {Outcome::InFlight, {}};
        return {Outcome::Replay, it->response};
    }
    Entry entry;
    entry.fingerprint = fingerprint;
    entry.createdMs = nowMs;
    m_entries.insert(key, entry);
    m_order.emplace_back(nowMs, key);
    prune(nowMs);
    return {Outcome::Started, {}};
}

void IdempotencyStore::finish(const QByteArray &key, const QByteArray &fingerprint,
                              Response response, qint64 nowMs)
{
    auto it = m_entries.find(key);
    if (it == m_entries.end()) {
        // Pushed out while the request was processed: remember it afresh.
        Entry entry;
        entry.fingerprint = fingerprint;
        entry.createdMs = nowMs;
        it = m_entries.insert(key, entry);
        m_order.emplace_back(nowMs, key);
    }
    it->inFlight = false;
    it->response = std::move(response);
    prune(nowMs);
}

void IdempotencyStore::abandon(const QByteArray &key)
{
    m_entries.remove(key); // its m_order item is skipped when it comes up
}

void IdempotencyStore::prune(qint64 nowMs)
{
    while (!m_order.empty()) {
        const auto &[created, key] = m_order.front();
        const auto it = m_entries.constFind(key);
        const bool current = it != m_entries.cend() && it->createdMs == created;
        const bool expired = nowMs - created >= m_ttlMs;
        if (current && !expired && int(m_entries.size()) <= m_maxEntries)
            break;
        if (current)
            m_entries.erase(it);
        m_order.pop_front();
    }
}

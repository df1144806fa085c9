// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/claim.h"
#include "services/domain/remittance.h"
#include "services/store/storeerror.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

//! A claim waiting in the outbox, or being sent.
struct ClaimOutboxItem
{
    qint64 claimId = 0;
    QString idempotencyKey; // a UUID made when the claim was queued, used for every try
    QByteArray payload;     // the route-claim body, exactly as sent every time
    QString payloadHash;    // SHA-256 of the payload, hex
    QString state;          // pending, inflight, succeeded, rejected, unknown
    int attempts = 0;
    QDateTime nextAttemptAt;
    QDateTime firstAttemptAt; // null before the first try
    QString lastError;
    bool operator==(const ClaimOutboxItem &) const = default;
};

/*!
  Claims in SQLite: the claim with its diagnoses and lines, its timeline, its outbox row, its
  remittances, and the insurance-ID → payor mappings. The caller holds the transaction that
  makes a change with its timeline entry and outbox row, so they happen together or not at all.
 */
class ClaimRepository
{
public:
    explicit ClaimRepository(QString connectionName)
        : m_connection(std::move(connectionName))
    {
    }

    //! Stores a new claim (its id is ignored) and gives it its number: CLM, this database's
    //! four hex digits and the id in seven digits ("CLM3FA20000042"); returns it as stored.
    StoreResult<Claim> insert(const Claim &claim);
    //! Replaces what a claim says (codes, amounts, people) while it is still a draft or in
    //! error; its status and payor fields are left alone.
    StoreResult<Claim> updateContent(const Claim &claim);
    StoreResult<std::optional<Claim>> find(qint64 id) const;
    StoreResult<std::optional<Claim>> findByNumber(const QString &claimNumber) const;
    StoreResult<std::optional<Claim>> findByPayerClaimId(const QString &payerClaimId) const;

    /*!
      Writes the status and the payor's fields of `claim` (status, payer claim id and message,
      allowed, paid, patient responsibility, expected payment date, coverage override) and the
      payor's time of that status (`payorTime`, may be null). Sets status_changed_at when the
      status differs from the stored one.
     */
    StoreResult<Claim> saveStatus(const Claim &claim, const QDateTime &payorTime);
    //! The payor's time of the status stored (null when none).
    StoreResult<QDateTime> payorTime(qint64 claimId) const;

    StoreResult<bool> addTimeline(qint64 claimId, const ClaimTimelineEntry &entry);
    StoreResult<QList<ClaimTimelineEntry>> timeline(qint64 claimId) const;

    //! Puts the claim in the outbox (state pending, due now); replaces an earlier row of the
    //! same claim only when `item.idempotencyKey` is new (a corrected claim is a new claim).
    StoreResult<bool> enqueue(const ClaimOutboxItem &item);
    StoreResult<std::optional<ClaimOutboxItem>> outboxItem(qint64 claimId) const;
    //! Pending or in-flight rows due at `now`, soonest first. An inflight row is due again:
    //! the process that sent it may have died before it learned the answer.
    StoreResult<QList<ClaimOutboxItem>> dueOutbox(const QDateTime &now, int limit) const;
    //! The soonest next attempt of any pending row; null when none.
    StoreResult<QDateTime> nextOutboxAttempt() const;
    StoreResult<bool> updateOutbox(const ClaimOutboxItem &item);
    //! Rows a process left inflight become pending and due at `now` (that process is gone);
    //! returns how many. Their tries stay counted and their keys unchanged.
    StoreResult<int> releaseInflight(const QDateTime &now);

    StoreResult<qint64> addRemittance(qint64 claimId, const Remittance &remittance,
                                      bool balanced, const QString &balanceError);
    StoreResult<QList<StoredRemittance>> remittances(qint64 claimId) const;

    StoreResult<QList<PayorMapping>> mappings() const;
    StoreResult<std::optional<PayorMapping>> mapping(const QString &insuranceId) const;
    StoreResult<bool> saveMapping(const PayorMapping &mapping);
    StoreResult<bool> removeMapping(const QString &insuranceId);

    //! Claims in one of `statuses` (all when empty), oldest change first, at most `limit`.
    StoreResult<QList<Claim>> withStatus(const QList<ClaimStatus> &statuses, int limit) const;
    /*!
      Claims for an 837P export: those with the given ids (when any), else those whose date of
      service is in [from, to] (an open end when null); drafts and claims never sent are left
      out. Ordered by id, at most `limit`.
     */
    StoreResult<QList<Claim>> forExport(const QList<qint64> &ids, const QDate &from,
                                        const QDate &to, int limit) const;
    StoreResult<QDateTime> lastSyncTime() const;
    StoreResult<bool> setLastSyncTime(const QDateTime &time);

private:
    StoreResult<bool> writeCodes(const Claim &claim);
    StoreResult<bool> readCodes(Claim *claim) const;
    StoreResult<std::optional<Claim>> findWhere(const QString &condition,
                                                const QVariant &value) const;

    QString m_connection;
};

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/claims/claimstatusrules.h"
#include "services/domain/claim.h"
#include "services/domain/payorjson.h"
#include "services/domain/remittance.h"
#include "services/store/claimrepository.h"
#include "services/store/storeerror.h"

#include <QFuture>
#include <QList>
#include <QObject>

#include <functional>

class Store;

/*!
  The biller's claims: drafts, queueing for the payor (the claim and its outbox row in one
  transaction, with an idempotency key made once), and every word from the payor — its reply,
  a sync, a webhook, a remittance — applied so that a late or repeated one never moves a claim
  backwards. Each change is a timeline entry naming its source, and an audit record, in the
  same transaction. Runs on the store's worker threads; results come back as QFutures.
 */
class ClaimService : public QObject
{
    Q_OBJECT
public:
    ClaimService(Store *store, QString user, QObject *parent = nullptr);

    const QString &user() const { return m_user; }

    //! Stores a new draft (id 0) or saves changes to a draft or a claim in error.
    QFuture<StoreResult<Claim>> saveDraft(const Claim &claim);
    /*!
      Saves the claim (new or a draft) and queues it for the payor: status queued, the
      route-claim body for `provider` in the outbox with a new idempotency key. The caller has
      validated it (ClaimValidator); a coverage override must carry who and why.
     */
    QFuture<StoreResult<Claim>> queue(const Claim &claim, const PayorJson::Provider &provider);
    /*!
      Applies what the payor says about a claim, found by the payor's claim id, else our claim
      number, else `claimId`. Ignored (changed false) when the payor's time is not newer than
      the status held, or the status would move the claim backwards.
     */
    QFuture<StoreResult<ClaimStatusOutcome>> applyStatus(const PayorJson::ClaimStatusReport &report,
                                                         ClaimEventSource source,
                                                         qint64 claimId = 0,
                                                         std::function<StoreResult<bool>(
                                                             ClaimRepository &)> alsoWrite = {});
    //! Another write that must commit with a status change (the outbox row's state).
    using AlsoWrite = std::function<StoreResult<bool>(ClaimRepository &repository)>;
    //! One payor answer for applyStatuses().
    struct StatusUpdate
    {
        PayorJson::ClaimStatusReport report;
        qint64 claimId = 0;
        AlsoWrite alsoWrite;
    };
    /*!
      Several payor answers in one transaction, so one flush to disk: each applied as
      applyStatus() applies it (with its audit record and `alsoWrite`), in a savepoint of its
      own, so one that fails leaves the others. The outer result fails only when the
      transaction itself could not begin or commit.
     */
    QFuture<StoreResult<QList<StoreResult<ClaimStatusOutcome>>>>
    applyStatuses(const QList<StatusUpdate> &updates, ClaimEventSource source);
    //! A status the desk itself decides (submitted, error, rejected, closed, …) with a message;
    //! `alsoWrite` runs in the same transaction.
    QFuture<StoreResult<Claim>> setStatus(qint64 claimId, ClaimStatus status,
                                          ClaimEventSource source, const QString &message,
                                          AlsoWrite alsoWrite = {});

    //! A denial or reduction disputed with the payor; the note is the appeal's reason.
    QFuture<StoreResult<Claim>> appeal(qint64 claimId, const QString &note);
    //! Closes a claim: the balance written off or settled by the patient, for `reason`.
    QFuture<StoreResult<Claim>> writeOff(qint64 claimId, const QString &reason);
    QFuture<StoreResult<std::optional<Claim>>> find(qint64 claimId) const;
    QFuture<StoreResult<QList<ClaimTimelineEntry>>> timeline(qint64 claimId) const;
    QFuture<StoreResult<QList<StoredRemittance>>> remittances(qint64 claimId) const;

    QFuture<StoreResult<QList<PayorMapping>>> mappings() const;
    QFuture<StoreResult<bool>> saveMapping(const PayorMapping &mapping);
    QFuture<StoreResult<bool>> removeMapping(const QString &insuranceId);
    //! The payor's own list (GET mappings), stored in one transaction over the same IDs;
    //! mappings only this desk has are kept. Returns how many were stored.
    QFuture<StoreResult<int>> savePayorMappings(const QList<PayorMapping> &mappings);

    //! The live feed applied a payor update to the claim the payor numbers `payerClaimId`:
    //! reads it and tells the screens.
    void showPayorUpdate(const QString &payerClaimId);

Q_SIGNALS:
    //! A claim was saved or its status changed (emitted in the service's thread).
    void claimChanged(const Claim &claim);

private:
    void announce(const QFuture<StoreResult<Claim>> &future);

    Store *m_store;
    QString m_user;
};

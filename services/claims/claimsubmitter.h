// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/common/retrypolicy.h"
#include "services/domain/payorjson.h"
#include "services/store/claimrepository.h"

#include <QFuture>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <QUrl>

class ClaimService;
class HttpJob;
class QNetworkAccessManager;
class Store;

/*!
  Sends the claims waiting in the outbox to the payor (`POST /api/route-claim/`), each with
  the idempotency key it was queued with, so the payor stores it once however often it is sent.

  A row is marked inflight (and its try counted) in the database before the request leaves; a
  process killed then leaves it inflight, and the next start sends it again with the same key.
  The payor's answer is applied through ClaimService. Network errors, timeouts, 408, 409, 429
  and 5xx are tried again after a full-jitter wait (never sooner than Retry-After); another
  4xx makes the claim rejected with the payor's words. After the policy's budget (20 h by
  default: payors may forget keys after 24 h) the claim is in error until a person retries it.
 */
class ClaimSubmitter : public QObject
{
    Q_OBJECT
public:
    struct Config
    {
        QUrl baseUrl; // the payor API, e.g. http://127.0.0.1:8080 (…/api/route-claim/ is added)
        QString apiKey;
        int timeoutMs = 30000;
        int maxInFlight = 16; // picked 8 at a time and answered in batches: fewer disk flushes
        RetryPolicy policy = defaultPolicy();
    };
    static RetryPolicy defaultPolicy();

    ClaimSubmitter(Store *store, ClaimService *claims, QNetworkAccessManager *network,
                   Config config, QObject *parent = nullptr);
    ~ClaimSubmitter() override;

    /*!
      Starts sending: rows left inflight by an earlier process are due at once, then due rows
      go out and the submitter wakes when the next one is due (or wake() is called).
     */
    void start();
    void stop();
    bool isRunning() const { return m_running; }
    //! Looks for due claims now (after queueing one, say).
    void wake();
    //! A claim in error goes back in the outbox with its key and a new budget.
    QFuture<StoreResult<bool>> retry(qint64 claimId);
    int inFlight() const { return int(m_inFlight.size()); }

Q_SIGNALS:
    //! One try ended; `outcome` is succeeded, retrying, rejected or unknown.
    void attemptFinished(qint64 claimId, const QString &outcome, const QString &detail);
    //! Nothing due and nothing in flight.
    void idle();

private:
    void pickDue();
    void send(const ClaimOutboxItem &item);
    void onReplied(HttpJob *job, ClaimOutboxItem item);
    void finishRow(const ClaimOutboxItem &item);
    //! Applies the payor's answers waiting in m_answers, as many as came, in one transaction.
    void applyAnswers();
    void closeRow(const ClaimOutboxItem &item, ClaimStatus status, ClaimEventSource source,
                  const QString &message);
    void scheduleNext();

    Store *m_store;
    ClaimService *m_claims;
    QNetworkAccessManager *m_network;
    Config m_config;
    QTimer m_timer;
    QSet<qint64> m_inFlight; // claim ids sent by this process and not answered yet
    struct Answer
    {
        PayorJson::ClaimStatusReport report;
        ClaimOutboxItem item; // as sent
        ClaimOutboxItem done; // its end: succeeded
    };
    QList<Answer> m_answers; // the payor answered; not applied yet
    bool m_applying = false;
    bool m_running = false;
    bool m_picking = false;
    bool m_pickAgain = false;
};

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/sandbox/idempotencystore.h"

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QRandomGenerator>

#include <optional>

class HttpRoutes;
class QHttpServerRequest;
class QHttpServerResponder;
class SandboxPayor;
class QTcpSocket;

//! The payor's fault switches, for tests and training. Shares are from 0 to 1.
struct PayorFaults
{
    double unavailableShare = 0; //!< answered 503 before anything is processed
    double inFlightShare = 0;    //!< answered 409 as if the key were in flight, nothing processed
    double lostReplyShare = 0; //!< processed and recorded, then the connection is closed unanswered
    int delayMs = 0;           //!< every route-claim is processed and answered this late
    quint32 seed = 1;          //!< the dice: the same seed and requests, the same faults

    QJsonObject toJson() const;
    //! Reads the given fields over `base`; nothing (and `error`) when one is out of range.
    static std::optional<PayorFaults> fromJson(const QJsonObject &json, const PayorFaults &base,
                                               QString *error);
};

/*!
  The payor's HTTP side: authentication (`X-API-Key`), `Idempotency-Key`, the fault switches
  and the routes of SandboxPayor.

    POST   /api/route-claim/                        a claim; needs X-API-Key and Idempotency-Key
    GET    /api/claims/{claim_id}/                  a claim's status
    GET    /api/provider/claim-updates/?provider_id=…&last_sync_time=ISO
    GET    /api/mappings/insurance-payor/           the insurance ID → payor mappings
    POST   /api/mappings/insurance-payor/           {"insurance_id","payor_name"}
    GET    /api/mappings/insurance-payor/{id}/
    DELETE /api/mappings/insurance-payor/{id}/
    GET    /sandbox/payor/stats                     {"claims","held","requests","replays",…}
    GET    /sandbox/payor/faults, POST (PayorFaults as JSON; only the fields given change)

  Route-claim, in order: 401 without the key; 400 without an Idempotency-Key (or one over 255
  characters); the injected 503 and 409; then the key: another payload → 422, first request
  still in flight → 409, done before → its response replayed exactly (status and body, with
  `Idempotent-Replayed: true`); else processed (after the injected delay, the key in flight
  meanwhile), the response recorded under the key, and written or, when the lost-reply die
  says so, the connection closed without an answer. Every processed outcome is recorded,
  4xx included; the injected 503 and 409 are not (nothing was processed).
 */
class SandboxPayorRoutes : public QObject
{
    Q_OBJECT
public:
    //! The API key training mode and the tests use unless told otherwise.
    static QByteArray defaultApiKey() { return QByteArrayLiteral("sandbox-payor-key"); }

    SandboxPayorRoutes(SandboxPayor *payor, QByteArray apiKey, QObject *parent = nullptr);
    ~SandboxPayorRoutes() override;

    void registerOn(HttpRoutes &routes);

    void setFaults(const PayorFaults &faults);
    PayorFaults faults() const { return m_faults; }
    //! Route-claim requests received, and how many were answered from the idempotency store.
    int requestCount() const { return m_requests; }
    int replayCount() const { return m_replays; }
    QJsonObject stats() const;

private:
    void routeClaim(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    bool authorized(const QHttpServerRequest &request) const;
    //! Processes a started key's request and answers it (or drops the connection).
    void process(const QByteArray &key, const QByteArray &fingerprint, const QByteArray &body,
                 bool loseReply, QHttpServerResponder &responder,
                 const QPointer<QTcpSocket> &socket);

    SandboxPayor *m_payor;
    QByteArray m_apiKey;
    PayorFaults m_faults;
    QRandomGenerator m_dice;
    IdempotencyStore m_keys;
    int m_requests = 0;
    int m_replays = 0;
    int m_lostReplies = 0;
};

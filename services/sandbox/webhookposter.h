// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/common/retrypolicy.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

class HttpJob;
class QNetworkAccessManager;

/*!
  Sends signed webhooks to a hub the way the simulated systems' real counterparts do:

  - postMetriport(): `POST <hub>/webhooks/metriport`, JSON, `user-agent: Metriport API`, and
    `x-metriport-signature` = lowercase hex HMAC-SHA256 of the exact body bytes.
  - postPayor(): `POST <hub>/webhooks/payor` with Standard Webhooks headers (`webhook-id`,
    `webhook-timestamp` = the moment of each try, `webhook-signature` = `v1,…` with the first
    configured secret).

  Each delivery is tried again on network errors, timeouts, 429 and 5xx under the RetryPolicy
  (Standard Webhooks' schedule in spirit, compressed for a sandbox: a few quick tries, then
  report); a 4xx or a redirect ends it at once. (Real Metriport never retries by itself; the
  sandbox does, with the same messageId, as Metriport's bulk retry would.) Every delivery ends
  with exactly one delivered() or deliveryFailed(), never from inside the post call.
 */
class WebhookPoster : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QUrl hubUrl;                    //!< e.g. http://127.0.0.1:8787; the paths are appended
        QByteArray metriportKey;        //!< Metriport's webhook key (its UTF-8 bytes)
        QList<QByteArray> payorSecrets; //!< `whsec_…` secrets; the first usable one signs
        RetryPolicy retry = defaultRetryPolicy();
        int timeoutMs = 15000; //!< per try (Standard Webhooks expects 15–30 s)
    };

    //! 4 tries in all, waits of at most 1, 2 and 4 s, all within a minute.
    static RetryPolicy defaultRetryPolicy();

    //! `network` is not owned and must outlive the poster.
    WebhookPoster(QNetworkAccessManager *network, Options options, QObject *parent = nullptr);
    ~WebhookPoster() override;

    const Options &options() const { return m_options; }
    //! A hub URL and a Metriport key are configured.
    bool canPostMetriport() const;
    //! A hub URL and a usable payor secret are configured.
    bool canPostPayor() const;
    QUrl metriportUrl() const;
    QUrl payorUrl() const;
    //! Deliveries not yet delivered or failed.
    int pendingCount() const { return int(m_deliveries.size()); }

    /*!
      Sends a Metriport webhook and returns its id for the signals: the body's `meta.messageId`,
      or a new UUID when it has none.
     */
    QByteArray postMetriport(QByteArray body);
    //! Sends a payor webhook with `id` as `webhook-id` (no '.', at most 255 bytes).
    void postPayor(QByteArray id, QByteArray body);

Q_SIGNALS:
    //! The hub answered 2xx.
    void delivered(QByteArray id, int httpStatus);
    //! The try numbered `nextTry` will start after `delayMs` (after a retryable failure).
    void retryScheduled(QByteArray id, int nextTry, qint64 delayMs);
    //! The delivery was given up: a refusal, or the tries are used up. `error` is translated.
    void deliveryFailed(QByteArray id, QString error);

private:
    enum class Target { Metriport, Payor };
    struct Delivery
    {
        Target target;
        QByteArray id;
        QByteArray body;
        int tries = 0;
        qint64 firstTryAtMs = 0; // on m_clock
        HttpJob *job = nullptr;
    };

    quint64 enqueue(Target target, QByteArray id, QByteArray body);
    void tryDelivery(quint64 serial);
    void onTryFinished(quint64 serial, HttpJob *job);
    void failLater(quint64 serial, QString error);

    QNetworkAccessManager *m_network;
    Options m_options;
    QByteArray m_payorKey; // decoded from the first usable secret; empty: none
    QHash<quint64, Delivery> m_deliveries;
    quint64 m_nextSerial = 1;
    QElapsedTimer m_clock;
};

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/httpserver/httproutes.h"
#include "services/hub/hubconfig.h"
#include "services/hub/hubevent.h"

#include <QHttpServer>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include <memory>

class FeedServer;
class HubStore;
class QHttpServerRequest;
class QHttpServerResponder;

/*!
  clinichub: webhooks in, the live feed out.

    GET  /health              {"status":"ok","epoch":…,"lastSeq":N}
    POST /webhooks/metriport  x-metriport-signature (hex HMAC-SHA256 of the raw body)
    POST /webhooks/payor      Standard Webhooks (webhook-id, -timestamp, -signature)
    GET  /feed                WebSocket upgrade: FeedProtocol

  A webhook is verified over its raw bytes before anything parses it; a bad or missing
  signature gets 401 with no detail and a PHI-free audit row. A good one is answered 200 only
  after its delivery is committed to the log (a duplicate: 200, nothing new). Bodies over 10 MiB
  get 413 unread, a request must arrive within 10 s, other methods get 405, nothing redirects.
  With the config's TLS certificate and key it serves HTTPS and WSS (TLS 1.2 or later) under the
  same limits, the handshake counted in the 10 s; a failed handshake gets a "tls-refused" audit
  row.
 */
class HubServer : public QObject
{
    Q_OBJECT
public:
    explicit HubServer(HubConfig config, QObject *parent = nullptr);
    ~HubServer() override;

    //! Reads the TLS files (if set), opens the log and listens; on failure returns false with
    //! `error`.
    bool start(QString *error);
    //! http://HOST:PORT, or https:// with TLS.
    QUrl baseUrl() const;
    quint16 port() const { return m_port; }
    HubStore *store() const { return m_store.get(); }
    FeedServer *feed() const { return m_feed.get(); }
    const HubConfig &config() const { return m_config; }

    //! Counters since start, for /health and the benchmark.
    struct Counters
    {
        qint64 webhooksStored = 0;
        qint64 webhooksDuplicate = 0;
        qint64 webhooksRefused = 0; // 400 and 401
        qint64 pings = 0;
        qint64 tlsRefused = 0; // handshakes failed or too slow
    };
    const Counters &counters() const { return m_counters; }

private:
    void registerRoutes();
    void onWebSocket();
    void receiveMetriport(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    void receivePayor(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    void store(const HubDelivery &delivery, QHttpServerResponder &&responder);
    void refuseSignature(const QHttpServerRequest &request, const QString &what,
                         QHttpServerResponder &&responder);
    void pruneOld();

    HubConfig m_config;
    std::unique_ptr<HubStore> m_store;
    std::unique_ptr<FeedServer> m_feed;
    QHttpServer m_http;
    HttpRoutes m_routes{&m_http};
    QTimer m_retentionTimer;
    quint16 m_port = 0;
    Counters m_counters;
};

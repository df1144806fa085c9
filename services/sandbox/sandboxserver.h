// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/httpserver/httproutes.h"
#include "services/sandbox/sandboxclearinghouse.h"
#include "services/sandbox/personadocuments.h"
#include "services/sandbox/sandboxmetriport.h"
#include "services/sandbox/sandboxpayor.h"
#include "services/sandbox/sandboxpayorroutes.h"
#include "services/sandbox/webhookposter.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>

/*!
  clinicsandbox's HTTP front: routes requests to the simulated outside systems.

  Routing (one block per simulated system, registered in registerRoutes()):
    GET  /health                      liveness and which systems are simulated
    POST /clearinghouse/x12/270       270 in, 271 out (SandboxClearinghouse)
    POST /sandbox/webhooks            {"target":"metriport"|"payor","type":"…","count":N}: sends
                                      N signed sample webhooks of that type to the hub (202 with
                                      their ids; 400 for bad input; 409 when no hub, key or
                                      secret is configured)
    /api/…, /sandbox/payor/…          the payor (SandboxPayorRoutes lists its routes); its
                                      status changes go to the hub as signed
                                      `claim_status_update` webhooks
    /medical/v1/…, /settings…,        Metriport's API (SandboxMetriport lists its routes); its
    /convert/v1/…, /sandbox/metriport/…  webhooks are signed with metriportWebhookKey and go to
                                      the URL set by POST /settings, else <hubUrl>/webhooks/metriport

  Connections go through a GuardedTcpServer (413 before an oversized body is read, request and
  idle timeouts, HTTP/1.0 closed after the answer) and routes through HttpRoutes (405 with
  Allow for a known path and another method, 404 for an unknown path).
 */
class SandboxServer : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QHostAddress address = QHostAddress::LocalHost;
        quint16 port = 0;                     // 0: any free port
        int slowDelayMs = 45000;              // how late SLOW… answers
        qint64 maxRequestBytes = 1024 * 1024; // larger bodies get 413 before they are read
        int requestTimeoutMs = 10000;         // to receive a whole request
        int idleTimeoutMs = 30000;            // an idle keep-alive connection is closed
        int maxConnections = 256;
        // Where and how the simulated Metriport and payor send their webhooks (none: no hub).
        QUrl hubUrl;
        QByteArray metriportWebhookKey; // Metriport's webhook key
        QByteArray payorWebhookSecret;  // a Standard Webhooks secret, `whsec_…`
        RetryPolicy webhookRetry = WebhookPoster::defaultRetryPolicy();
        // The payor.
        QByteArray payorApiKey = SandboxPayorRoutes::defaultApiKey(); // its X-API-Key
        int payorDecisionDelayMs = 3000; // a pended claim is decided this much later
        QString payorStatePath;          // the payor's claims kept between runs; empty: memory
        PayorFaults payorFaults;         // none by default
        // Metriport (its webhookKey and webhookUrl default to the two above).
        SandboxMetriport::Options metriport;
    };

    //! The most sample webhooks one POST /sandbox/webhooks may ask for.
    static constexpr int maxSampleWebhooks = 1000;

    explicit SandboxServer(Options options, QObject *parent = nullptr);
    ~SandboxServer() override;

    //! Starts listening; on failure returns false and sets `error`.
    bool listen(QString *error = nullptr);
    quint16 port() const { return m_port; }
    QUrl baseUrl() const;
    QUrl clearinghouseUrl() const;
    int requestCount() const { return m_requestCount; }
    //! Sends the simulated systems' webhooks to the hub (its signals say what became of them).
    WebhookPoster *webhookPoster() { return &m_webhooks; }
    //! The payor's rules (decision delay) and its HTTP side (fault switches, statistics).
    SandboxPayor *payor() { return &m_payor; }
    SandboxPayorRoutes *payorRoutes() { return &m_payorRoutes; }
    SandboxMetriport *metriport() { return &m_metriport; }

private:
    void registerRoutes();
    QHttpServerResponse sendSampleWebhooks(const QByteArray &body);
    void announceClaimStatus(const PayorJson::ClaimStatusReport &report);

    Options m_options;
    QHttpServer m_server;
    HttpRoutes m_routes{&m_server};
    SandboxClearinghouse m_clearinghouse;
    quint16 m_port = 0;
    int m_requestCount = 0;
    QNetworkAccessManager m_network{this}; // in the server's thread, for the webhooks it sends
    WebhookPoster m_webhooks;
    int m_sampleIndex = 0; // so that successive batches are about different patients and claims
    SandboxPayor m_payor;
    SandboxPayorRoutes m_payorRoutes;
    SandboxMetriport m_metriport;
    std::shared_ptr<PersonaDocuments> m_personas = std::make_shared<PersonaDocuments>();
};

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/claim.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

class HttpJob;
class QNetworkAccessManager;

//! What Test Connection found, step by step; `message` says which step failed and why.
struct PayorCheck
{
    bool reachable = false;     // something answered at the address
    bool authenticated = false; // it took the API key
    bool configured = false;    // it knows the provider ID
    int mappings = 0;           // insurance IDs it routes
    QString message;
    bool ok() const { return reachable && authenticated && configured; }
};

/*!
  Talks to the payor's API about the setup rather than about claims: Test Connection (can it
  be reached, does it take the API key, does it know our provider ID — each failure named) and
  the insurance-ID → payor mappings it holds (`GET /api/mappings/insurance-payor/`).
 */
class PayorConnection : public QObject
{
    Q_OBJECT
public:
    struct Config
    {
        QUrl baseUrl;
        QString apiKey;
        QString providerId;
        int timeoutMs = 15000;
    };
    PayorConnection(QNetworkAccessManager *network, Config config, QObject *parent = nullptr);

    void check();
    void fetchMappings();

Q_SIGNALS:
    void checkFinished(const PayorCheck &result);
    void mappingsFetched(const QList<PayorMapping> &mappings);
    void mappingsFailed(const QString &error);

private:
    HttpJob *get(const QString &path, const QList<std::pair<QString, QString>> &query = {});
    //! The mappings in a reply, or the sentence saying why there are none.
    static std::optional<QList<PayorMapping>> readMappings(HttpJob *job, QString *error);
    void checkProvider(PayorCheck result);

    QNetworkAccessManager *m_network;
    Config m_config;
};
Q_DECLARE_METATYPE(PayorCheck)

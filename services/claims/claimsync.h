// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QUrl>

class ClaimService;
class HttpJob;
class QNetworkAccessManager;
class Store;

/*!
  Asks the payor where the open claims stand, for a desk that missed webhooks (no hub, a hub
  that was down, a desk that was off): first `GET /api/provider/claim-updates/` since the last
  sync, then `GET /api/claims/{id}/` for every claim still open. Every answer goes through
  ClaimService's rules, so a sync never moves a claim backwards. By hand (Sync Now) and every
  few minutes.
 */
class ClaimSync : public QObject
{
    Q_OBJECT
public:
    struct Config
    {
        QUrl baseUrl;
        QString apiKey;
        QString providerId;
        int timeoutMs = 30000;
        int intervalMs = 5 * 60 * 1000; // 0: by hand only
    };
    //! What one sync did.
    struct Summary
    {
        int asked = 0;   // claims asked about one by one
        int changed = 0; // claims whose status or figures changed
        QStringList errors; // one sentence per failure (the sync goes on past them)
    };

    ClaimSync(Store *store, ClaimService *claims, QNetworkAccessManager *network, Config config,
              QObject *parent = nullptr);
    ~ClaimSync() override;

    //! Starts the periodic sync (the first one at once).
    void start();
    void stop();
    //! Syncs now unless a sync is running.
    void syncNow();
    bool isSyncing() const { return m_syncing; }
    QDateTime lastFinished() const { return m_lastFinished; }

Q_SIGNALS:
    void syncStarted();
    void syncFinished(const ClaimSync::Summary &summary);

private:
    HttpJob *get(const QString &path, const QList<std::pair<QString, QString>> &query);
    void askUpdates();
    void askOpenClaims();
    void askNext();
    void maybeFinish();
    void finish();
    void applyReport(const QJsonObject &object);

    Store *m_store;
    ClaimService *m_claims;
    QNetworkAccessManager *m_network;
    Config m_config;
    QTimer m_timer;
    bool m_syncing = false;
    int m_pending = 0;  // applies not yet answered
    int m_requests = 0; // HTTP requests not yet answered
    bool m_listed = false; // the open claims have been listed
    QStringList m_queue; // payor claim ids still to ask about
    QString m_syncTime;  // the payor's sync_time, saved when the sync ends
    Summary m_summary;
    QDateTime m_lastFinished;
};
Q_DECLARE_METATYPE(ClaimSync::Summary)

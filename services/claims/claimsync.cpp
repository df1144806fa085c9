// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/claims/claimsync.h"

#include "services/claims/claimservice.h"
#include "services/common/async.h"
#include "services/claims/payorrequest.h"
#include "services/common/httpjob.h"
#include "services/domain/payorjson.h"
#include "services/store/claimrepository.h"
#include "services/store/store.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

ClaimSync::ClaimSync(Store *store, ClaimService *claims, QNetworkAccessManager *network,
                     Config config, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_claims(claims)
    , m_network(network)
    , m_config(std::move(config))
{
    connect(&m_timer, &QTimer::timeout, this, &ClaimSync::syncNow);
}

ClaimSync::~ClaimSync() = default;

void ClaimSync::start()
{
    if (m_config.intervalMs > 0)
        m_timer.start(m_config.intervalMs);
    syncNow();
}

void ClaimSync::stop()
{
    m_timer.stop();
}

HttpJob *ClaimSync::get(const QString &path, const QList<std::pair<QString, QString>> &query)
{
    const HttpJob::Request request = PayorRequest::get(m_config.baseUrl, m_config.apiKey, path,
                                                       query, m_config.timeoutMs, 16 * 1024 * 1024);
    auto *job = new HttpJob(m_network, request, this);
    ++m_requests;
    connect(job, &Job::finished, this, [this] { --m_requests; }, Qt::DirectConnection);
    return job;
}

void ClaimSync::syncNow()
{
    if (m_syncing)
        return;
    m_syncing = true;
    m_summary = {};
    m_syncTime.clear();
    m_listed = false;
    m_queue.clear();
    Q_EMIT syncStarted();
    askUpdates();
}

void ClaimSync::applyReport(const QJsonObject &object)
{
    QString error;
    const auto report = PayorJson::parseStatus(object, &error);
    if (!report) {
        m_summary.errors.append(error);
        return;
    }
    ++m_pending;
    auto applied = m_claims->applyStatus(*report, ClaimEventSource::Sync);
    Async::whenReady(applied, this, [this](const StoreResult<ClaimStatusOutcome> &outcome) {
        --m_pending;
        if (outcome && outcome->changed)
            ++m_summary.changed;
        maybeFinish();
    });
}

void ClaimSync::askUpdates()
{
    auto since = m_store->read(
        [](const QString &connection) { return ClaimRepository(connection).lastSyncTime(); });
    Async::whenReady(since, this, [this](const StoreResult<QDateTime> &last) {
        QList<std::pair<QString, QString>> query{{QStringLiteral("provider_id"), m_config.providerId}};
        if (last && last->isValid())
            query.append({QStringLiteral("last_sync_time"),
                          last->toUTC().toString(Qt::ISODateWithMs)});
        HttpJob *job = get(QStringLiteral("api/provider/claim-updates/"), query);
        connect(job, &Job::finished, this, [this, job](Job *) {
            if (job->error() != Job::Error::NoError) {
                m_summary.errors.append(job->errorString());
            } else {
                const QJsonObject reply = QJsonDocument::fromJson(job->responseBody()).object();
                m_syncTime = reply.value(QLatin1String("sync_time")).toString();
                const QJsonArray updates = reply.value(QLatin1String("updates")).toArray();
                for (const QJsonValue &update : updates)
                    applyReport(update.toObject());
            }
            askOpenClaims();
        });
        job->start();
    });
}

void ClaimSync::askOpenClaims()
{
    auto open = m_store->read([](const QString &connection) {
        return ClaimRepository(connection).withStatus(
            {ClaimStatus::Submitted, ClaimStatus::Accepted, ClaimStatus::Pended,
             ClaimStatus::Appealed},
            5000);
    });
    Async::whenReady(open, this, [this](const StoreResult<QList<Claim>> &claims) {
        if (!claims)
            m_summary.errors.append(claims.error());
        else {
            for (const Claim &claim : *claims) {
                if (!claim.payerClaimId.isEmpty())
                    m_queue.append(claim.payerClaimId);
            }
        }
        m_listed = true;
        askNext();
    });
}

void ClaimSync::askNext()
{
    if (m_queue.isEmpty()) {
        maybeFinish();
        return;
    }
    const QString payerClaimId = m_queue.takeFirst();
    ++m_summary.asked;
    HttpJob *job = get(QStringLiteral("api/claims/%1/").arg(
                           QString::fromLatin1(QUrl::toPercentEncoding(payerClaimId))),
                       {});
    connect(job, &Job::finished, this, [this, job, payerClaimId](Job *) {
        if (job->httpStatus() == 404) {
            // Not a wrong address (the list of updates answered): the payor lost or never
            // kept this claim, which a person has to take up with it.
            m_summary.errors.append(
                QCoreApplication::translate("ClaimSync",
                                            "The payor has no claim %1 (HTTP 404); call the "
                                            "payor, or correct and send the claim again.")
                    .arg(payerClaimId));
        } else if (job->error() != Job::Error::NoError) {
            m_summary.errors.append(
                QCoreApplication::translate("ClaimSync", "Claim %1: %2")
                    .arg(payerClaimId, job->errorString()));
        } else {
            const QJsonObject object = QJsonDocument::fromJson(job->responseBody()).object();
            // An answer about another claim than the one asked is not believed.
            if (object.value(QLatin1String("claim_id")).toString() != payerClaimId) {
                m_summary.errors.append(
                    QCoreApplication::translate("ClaimSync",
                                                "Claim %1: the payor answered about another "
                                                "claim.")
                        .arg(payerClaimId));
            } else {
                applyReport(object);
            }
        }
        askNext();
    });
    job->start();
}

void ClaimSync::maybeFinish()
{
    if (m_listed && m_queue.isEmpty() && m_pending == 0 && m_requests == 0)
        finish();
}

void ClaimSync::finish()
{
    if (!m_syncing)
        return;
    m_syncing = false;
    m_lastFinished = QDateTime::currentDateTimeUtc();
    const QDateTime syncTime = QDateTime::fromString(m_syncTime, Qt::ISODateWithMs);
    const Summary summary = m_summary;
    auto done = [this, summary] { Q_EMIT syncFinished(summary); };
    if (syncTime.isValid() && summary.errors.isEmpty()) {
        auto saved = m_store->write([syncTime](const QString &connection) {
            return ClaimRepository(connection).setLastSyncTime(syncTime.toUTC());
        });
        Async::whenReady(saved, this, [done](const StoreResult<bool> &) { done(); });
    } else {
        done();
    }
}

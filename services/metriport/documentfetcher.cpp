// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/metriport/documentfetcher.h"

#include "services/common/async.h"
#include "services/metriport/metriportclient.h"
#include "services/store/outsiderecordrepository.h"
#include "services/store/sqlvalues.h"
#include "services/store/store.h"

#include <QtConcurrent/QtConcurrentRun>

DocumentFetcher::DocumentFetcher(Store *store, MetriportClient *client, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_client(client)
{
    m_timer.setInterval(60 * 1000);
    connect(&m_timer, &QTimer::timeout, this, &DocumentFetcher::fetchDue);
}

DocumentFetcher::~DocumentFetcher() = default;

void DocumentFetcher::start()
{
    m_timer.start();
    fetchDue();
}

QDateTime DocumentFetcher::nextAttempt(int attempts, const QDateTime &now)
{
    static constexpr int waitsSeconds[] = {30, 120, 600, 3600};
    if (attempts < 1 || attempts >= maxAutomaticAttempts)
        return {};
    return now.addSecs(waitsSeconds[qMin(attempts, 4) - 1]);
}

void DocumentFetcher::fetchDue()
{
    if (m_looking) {
        m_lookAgain = true;
        return;
    }
    if (m_inFlight.size() >= maxInFlight)
        return;
    m_looking = true;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const int limit = maxInFlight + 8;
    auto future = m_store->read([now, limit](const QString &connection) {
        return OutsideRecordRepository(connection).due(now, limit);
    });
    Async::whenReady(future, this, [this](const StoreResult<QList<ClinicalDocument>> &due) {
        m_looking = false;
        if (due) {
            for (const ClinicalDocument &document : *due) {
                if (m_inFlight.size() >= maxInFlight)
                    break;
                if (!m_inFlight.contains(document.id))
                    fetch(document);
            }
        }
        if (std::exchange(m_lookAgain, false)) {
            fetchDue();
            return;
        }
        if (m_inFlight.isEmpty())
            Q_EMIT idle();
    });
}

void DocumentFetcher::fetch(const ClinicalDocument &document)
{
    m_inFlight.insert(document.id);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const bool urlUsable = !document.downloadUrl.isEmpty()
        && (!document.urlExpiresAt.isValid() || document.urlExpiresAt > now);
    if (urlUsable) {
        download(document, QUrl(document.downloadUrl));
        return;
    }
    if (document.kind == ClinicalDocumentKind::Consolidated || document.fileName.isEmpty()) {
        finishOne(document, tr("The network's link to this data expired before it could be "
                               "fetched; press Get Outside Records to ask again."));
        return;
    }
    // A document's URL is good for 60 s: ask for it only now, and fetch it at once.
    MetriportCall *call = m_client->documentDownloadUrl(document.fileName);
    connect(call, &Job::finished, this, [this, call, document] {
        if (call->error() != Job::Error::NoError) {
            finishOne(document, call->errorString());
            return;
        }
        const QUrl url(call->object().value(QStringLiteral("url")).toString());
        if (!url.isValid() || url.scheme().isEmpty()) {
            finishOne(document, tr("The network gave no usable address for %1.").arg(document.fileName));
            return;
        }
        download(document, url);
    });
    call->start();
}

void DocumentFetcher::download(const ClinicalDocument &document, const QUrl &url)
{
    const QString what = document.kind == ClinicalDocumentKind::Consolidated
        ? tr("send the consolidated data")
        : tr("send %1").arg(document.fileName);
    MetriportCall *call = m_client->download(url, what);
    connect(call, &Job::finished, this, [this, call, document] {
        if (call->error() != Job::Error::NoError) {
            finishOne(document, call->errorString());
            return;
        }
        keep(document, call->takeBody());
    });
    call->start();
}

void DocumentFetcher::keep(const ClinicalDocument &document, const QByteArray &bytes)
{
    // Reading a large document takes a moment: not on the UI thread.
    const Parser parser = m_parser;
    auto parsed = QtConcurrent::run([parser, document, bytes] {
        return parser ? parser(document, bytes) : QString();
    });
    Async::whenReady(parsed, this, [this, document, bytes](const QString &summary) {
        const qint64 id = document.id;
        auto stored = m_store->write([id, bytes, summary](const QString &connection) {
            return OutsideRecordRepository(connection).store(id, bytes, summary);
        });
        Async::whenReady(stored, this, [this, document](const StoreResult<bool> &result) {
            m_inFlight.remove(document.id);
            if (result)
                Q_EMIT documentStored(document.patientId, document.id);
            else
                Q_EMIT documentFailed(document.patientId, document.id, result.error());
            fetchDue();
        });
    });
}

void DocumentFetcher::finishOne(const ClinicalDocument &document, const QString &error)
{
    const QDateTime next = document.kind == ClinicalDocumentKind::Consolidated
        ? QDateTime()
        : nextAttempt(document.attempts + 1, QDateTime::currentDateTimeUtc());
    const qint64 id = document.id;
    auto failed = m_store->write([id, error, next](const QString &connection) {
        return OutsideRecordRepository(connection).fail(id, error, next);
    });
    Async::whenReady(failed, this, [this, document, error](const StoreResult<bool> &) {
        m_inFlight.remove(document.id);
        Q_EMIT documentFailed(document.patientId, document.id, error);
        fetchDue();
    });
}

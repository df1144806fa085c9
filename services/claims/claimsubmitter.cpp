// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/claims/claimsubmitter.h"

#include "services/claims/claimservice.h"
#include "services/common/async.h"
#include "services/common/httpjob.h"
#include "services/domain/payorjson.h"
#include "services/store/database.h"
#include "services/store/sqlvalues.h"
#include "services/store/store.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

using namespace std::chrono_literals;

namespace {
//! The payor's reason for refusing, from its error body: "error" and any field errors.
QString refusal(const QByteArray &body, int status)
{
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    QString text = object.value(QLatin1String("error")).toString().trimmed();
    if (text.isEmpty())
        text = object.value(QLatin1String("detail")).toString().trimmed();
    const QJsonObject fields = object.value(QLatin1String("field_errors")).toObject();
    QStringList details;
    for (auto it = fields.begin(); it != fields.end(); ++it)
        details.append(QStringLiteral("%1: %2").arg(it.key(), it.value().toString()));
    if (!details.isEmpty())
        text += (text.isEmpty() ? QString() : QStringLiteral(" — ")) + details.join(QStringLiteral("; "));
    if (text.isEmpty())
        text = QCoreApplication::translate("ClaimSubmitter", "The payor refused the claim (HTTP %1).")
                   .arg(status);
    return text;
}
} // namespace

RetryPolicy ClaimSubmitter::defaultPolicy()
{
    RetryPolicy policy;
    policy.maxTries = 1000; // the time budget ends it
    policy.baseDelay = 1s;
    policy.maxDelay = 5min;
    policy.timeBudget = 20h;
    return policy;
}

ClaimSubmitter::ClaimSubmitter(Store *store, ClaimService *claims, QNetworkAccessManager *network,
                               Config config, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_claims(claims)
    , m_network(network)
    , m_config(std::move(config))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ClaimSubmitter::pickDue);
}

ClaimSubmitter::~ClaimSubmitter() = default;

void ClaimSubmitter::start()
{
    if (m_running)
        return;
    m_running = true;
    // Rows another run of this desk left inflight: that process is gone, send them again.
    auto reset = m_store->write([](const QString &connection) {
        return ClaimRepository(connection).releaseInflight(SqlValues::nowUtc());
    });
    Async::whenReady(reset, this, [this](const StoreResult<int> &) { pickDue(); });
}

void ClaimSubmitter::stop()
{
    m_running = false;
    m_timer.stop();
}

void ClaimSubmitter::wake()
{
    if (m_running)
        QTimer::singleShot(0, this, &ClaimSubmitter::pickDue);
}

void ClaimSubmitter::pickDue()
{
    if (!m_running)
        return;
    if (m_picking) {
        m_pickAgain = true;
        return;
    }
    const int room = m_config.maxInFlight - int(m_inFlight.size());
    // Several rows to a pick while others are in flight: each pick is a transaction, and a
    // commit waits for the disk, so picking the one row each answer frees would halve the rate.
    const int batch = std::max(1, m_config.maxInFlight / 2);
    if (room <= 0 || (room < batch && !m_inFlight.isEmpty()))
        return;
    m_picking = true;
    const QSet<qint64> busy = m_inFlight;
    const int timeoutMs = m_config.timeoutMs;
    // Claim the rows in the database before sending: counted, inflight, due again only after
    // this try's timeout (a later start makes them due at once).
    auto picked = m_store->write([room, busy, timeoutMs](const QString &connection) {
        using R = StoreResult<QList<ClaimOutboxItem>>;
        ClaimRepository repository(connection);
        TransactionGuard transaction(Database::connection(connection));
        if (!transaction.isActive())
            return R::failure(transaction.describeError(QCoreApplication::translate("ClaimSubmitter", "the claims outbox")));
        const QDateTime now = SqlValues::nowUtc();
        const auto due = repository.dueOutbox(now, room + int(busy.size()));
        if (!due)
            return R::failure(due.error());
        QList<ClaimOutboxItem> chosen;
        for (ClaimOutboxItem item : *due) {
            if (busy.contains(item.claimId) || chosen.size() >= room)
                continue;
            item.state = QStringLiteral("inflight");
            item.attempts += 1;
            if (!item.firstAttemptAt.isValid())
                item.firstAttemptAt = now;
            item.nextAttemptAt = now.addMSecs(timeoutMs + 5000);
            const auto updated = repository.updateOutbox(item);
            if (!updated)
                return R::failure(updated.error());
            const auto claim = repository.find(item.claimId);
            if (claim && claim->has_value() && (*claim)->status == ClaimStatus::Queued) {
                Claim submitted = **claim;
                submitted.status = ClaimStatus::Submitted;
                if (!repository.saveStatus(submitted, {}) ||
                    !repository.addTimeline(item.claimId,
                                            {now, ClaimStatus::Submitted, ClaimEventSource::Submission,
                                             QCoreApplication::translate("ClaimSubmitter", "Sent to the payor."), QString()})) {
                    return R::failure(QCoreApplication::translate("ClaimSubmitter", "The claim's status could not be saved."));
                }
            }
            chosen.append(item);
        }
        if (!transaction.commit())
            return R::failure(transaction.describeError(QCoreApplication::translate("ClaimSubmitter", "the claims outbox")));
        return R(chosen);
    });
    Async::whenReady(picked, this, [this](const StoreResult<QList<ClaimOutboxItem>> &result) {
        m_picking = false;
        if (result) {
            for (const ClaimOutboxItem &item : *result)
                send(item);
        }
        if (m_pickAgain) {
            m_pickAgain = false;
            pickDue();
            return;
        }
        scheduleNext();
    });
}

void ClaimSubmitter::send(const ClaimOutboxItem &item)
{
    if (!m_running)
        return;
    m_inFlight.insert(item.claimId);
    HttpJob::Request request;
    QUrl url = m_config.baseUrl;
    QString path = url.path();
    if (!path.endsWith(QLatin1Char('/')))
        path += QLatin1Char('/');
    url.setPath(path + QStringLiteral("api/route-claim/"));
    request.url = url;
    request.method = HttpJob::Method::Post;
    request.body = item.payload;
    request.contentType = QByteArrayLiteral("application/json");
    request.headers = {{QByteArrayLiteral("Idempotency-Key"), item.idempotencyKey.toLatin1()},
                       {QByteArrayLiteral("X-API-Key"), m_config.apiKey.toUtf8()},
                       {QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")}};
    request.timeoutMs = m_config.timeoutMs;
    request.maxResponseBytes = 1024 * 1024;
    auto *job = new HttpJob(m_network, request, this);
    connect(job, &Job::finished, this,
            [this, job, item](Job *) { onReplied(job, item); });
    job->start();
}

void ClaimSubmitter::onReplied(HttpJob *job, ClaimOutboxItem item)
{
    const int status = job->httpStatus();
    const QByteArray body = job->responseBody();
    const Job::Error error = job->error();
    const QString errorText = job->errorString();
    const auto retryAfter = job->retryAfter();
    const qint64 claimId = item.claimId;

    if (error == Job::Error::NoError) {
        QString why;
        const auto report = PayorJson::parseStatus(QJsonDocument::fromJson(body).object(), &why);
        if (!report) {
            // Not an answer we can believe: the payor may hold the claim, so ask again with
            // the same key rather than guess.
            item.lastError = QCoreApplication::translate("ClaimSubmitter", "The payor's answer could not be read: %1").arg(why);
        } else {
            // The answer and the row's end commit together, in the next batch.
            ClaimOutboxItem done = item;
            done.state = QStringLiteral("succeeded");
            done.lastError.clear();
            m_answers.append({*report, std::move(item), std::move(done)});
            applyAnswers();
            return;
        }
    }

    const bool conflict = status == 409;
    const bool refusedByPayor = error == Job::Error::HttpError && !conflict && status >= 400 &&
                                status < 500;
    if (refusedByPayor) {
        item.state = QStringLiteral("rejected");
        item.lastError = refusal(body, status);
        closeRow(item, ClaimStatus::Rejected, ClaimEventSource::PayorReply, item.lastError);
        return;
    }

    if (item.lastError.isEmpty())
        item.lastError = conflict ? QCoreApplication::translate("ClaimSubmitter", "The payor is still working on this claim (HTTP 409).")
                                  : errorText;
    const Job::Error kind = conflict || error == Job::Error::NoError ? Job::Error::Busy : error;
    const auto elapsed = std::chrono::milliseconds(item.firstAttemptAt.msecsTo(SqlValues::nowUtc()));
    const auto wait = m_config.policy.nextDelay(item.attempts, kind, elapsed, retryAfter);
    if (wait) {
        item.state = QStringLiteral("pending");
        item.nextAttemptAt = SqlValues::nowUtc().addMSecs(wait->count());
        finishRow(item);
        Q_EMIT attemptFinished(claimId, QStringLiteral("retrying"), item.lastError);
        return;
    }
    item.state = QStringLiteral("unknown");
    const QString message =
        QCoreApplication::translate("ClaimSubmitter",
                                    "Not delivered after %n tries: %1. Retry sends it again under "
                                    "the same key, so the payor cannot get it twice.",
                                    nullptr, item.attempts)
            .arg(item.lastError);
    closeRow(item, ClaimStatus::Error, ClaimEventSource::Submission, message);
}

void ClaimSubmitter::applyAnswers()
{
    // One transaction at a time, holding every answer that came meanwhile: a commit waits for
    // the disk (synchronous=FULL), so one per answer would cap the outbox at the disk's flushes
    // per second.
    if (m_applying || m_answers.isEmpty())
        return;
    m_applying = true;
    const QList<Answer> batch = std::exchange(m_answers, {});
    QList<ClaimService::StatusUpdate> updates;
    updates.reserve(batch.size());
    for (const Answer &answer : batch) {
        updates.append({answer.report, answer.item.claimId,
                        [done = answer.done](ClaimRepository &repository) {
                            return repository.updateOutbox(done);
                        }});
    }
    auto applied = m_claims->applyStatuses(updates, ClaimEventSource::PayorReply);
    Async::whenReady(
        applied, this,
        [this, batch](const StoreResult<QList<StoreResult<ClaimStatusOutcome>>> &outcomes) {
            m_applying = false;
            for (qsizetype i = 0; i < batch.size(); ++i) {
                ClaimOutboxItem item = batch.at(i).item;
                const auto outcome = outcomes ? outcomes->value(i)
                                              : StoreResult<ClaimStatusOutcome>::failure(
                                                    outcomes.error());
                if (outcome) {
                    m_inFlight.remove(item.claimId);
                    Q_EMIT attemptFinished(item.claimId, QStringLiteral("succeeded"), {});
                    continue;
                }
                item.state = QStringLiteral("unknown");
                item.lastError = outcome.error();
                finishRow(item);
                Q_EMIT attemptFinished(item.claimId, item.state, item.lastError);
            }
            applyAnswers();
            pickDue();
        });
}

void ClaimSubmitter::closeRow(const ClaimOutboxItem &item, ClaimStatus status,
                              ClaimEventSource source, const QString &message)
{
    // The row's end and the claim's status in one transaction: Retry never sees one without
    // the other.
    auto closed = m_claims->setStatus(item.claimId, status, source, message,
                                      [item](ClaimRepository &repository) {
                                          return repository.updateOutbox(item);
                                      });
    Async::whenReady(closed, this, [this, item](const StoreResult<Claim> &result) {
        if (!result) {
            finishRow(item); // at least the row: the claim's status is shown from it
        } else {
            m_inFlight.remove(item.claimId);
            pickDue();
        }
        Q_EMIT attemptFinished(item.claimId, item.state, item.lastError);
    });
}

void ClaimSubmitter::finishRow(const ClaimOutboxItem &item)
{
    auto saved = m_store->write(
        [item](const QString &connection) { return ClaimRepository(connection).updateOutbox(item); });
    Async::whenReady(saved, this, [this, claimId = item.claimId](const StoreResult<bool> &) {
        m_inFlight.remove(claimId);
        pickDue();
    });
}

void ClaimSubmitter::scheduleNext()
{
    if (!m_running)
        return;
    auto next = m_store->read(
        [](const QString &connection) { return ClaimRepository(connection).nextOutboxAttempt(); });
    Async::whenReady(next, this, [this](const StoreResult<QDateTime> &when) {
        if (!m_running)
            return;
        if (!when || !when->isValid()) {
            if (m_inFlight.isEmpty())
                Q_EMIT idle();
            return;
        }
        const qint64 ms = qMax<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(*when));
        if (ms == 0 && m_inFlight.size() >= m_config.maxInFlight)
            return; // a finishing try picks again
        m_timer.start(int(qMin<qint64>(ms, 60000)));
    });
}

QFuture<StoreResult<bool>> ClaimSubmitter::retry(qint64 claimId)
{
    auto retried = m_store->write([claimId](const QString &connection) {
        using R = StoreResult<bool>;
        ClaimRepository repository(connection);
        TransactionGuard transaction(Database::connection(connection));
        if (!transaction.isActive())
            return R::failure(transaction.describeError(QCoreApplication::translate("ClaimSubmitter", "the claims outbox")));
        const auto item = repository.outboxItem(claimId);
        if (!item)
            return R::failure(item.error());
        if (!item->has_value() || (*item)->state != QLatin1String("unknown"))
            return R::failure(QCoreApplication::translate("ClaimSubmitter", "Only a claim that could not be delivered can be retried."));
        ClaimOutboxItem row = **item;
        row.state = QStringLiteral("pending");
        row.attempts = 0;
        row.firstAttemptAt = {};
        row.nextAttemptAt = SqlValues::nowUtc();
        row.lastError.clear();
        const auto updated = repository.updateOutbox(row);
        if (!updated)
            return updated;
        const auto claim = repository.find(claimId);
        if (!claim || !claim->has_value())
            return R::failure(QCoreApplication::translate("ClaimSubmitter", "The claim no longer exists."));
        Claim queued = **claim;
        queued.status = ClaimStatus::Queued;
        if (!repository.saveStatus(queued, {}) ||
            !repository.addTimeline(claimId, {SqlValues::nowUtc(), ClaimStatus::Queued,
                                              ClaimEventSource::Person,
                                              QCoreApplication::translate("ClaimSubmitter", "Sent again by hand (same key)."), QString()}))
            return R::failure(QCoreApplication::translate("ClaimSubmitter", "The claim's status could not be saved."));
        if (!transaction.commit())
            return R::failure(transaction.describeError(QCoreApplication::translate("ClaimSubmitter", "the claims outbox")));
        return R(true);
    });
    Async::whenReady(retried, this, [this](const StoreResult<bool> &result) {
        if (result)
            wake();
    });
    return retried;
}

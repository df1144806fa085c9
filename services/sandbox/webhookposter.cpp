// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/sandbox/webhookposter.h"

#include "services/common/httpjob.h"
#include "services/common/webhooksignature.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QUuid>

namespace {
// The hub answers with a pong or a short status; anything bigger is not our hub.
constexpr qint64 maxAnswerBytes = 64 * 1024;

QUrl withPath(QUrl base, const QString &path)
{
    if (base.isEmpty())
        return {};
    QString prefix = base.path();
    while (prefix.endsWith(QLatin1Char('/')))
        prefix.chop(1);
    base.setPath(prefix + path);
    return base;
}
} // namespace

RetryPolicy WebhookPoster::defaultRetryPolicy()
{
    RetryPolicy policy;
    policy.maxTries = 4;
    policy.baseDelay = RetryPolicy::Ms(1000);
    policy.maxDelay = RetryPolicy::Ms(4000);
    policy.timeBudget = RetryPolicy::Ms(60000);
    return policy;
}

WebhookPoster::WebhookPoster(QNetworkAccessManager *network, Options options, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_options(std::move(options))
{
    for (const QByteArray &secret : std::as_const(m_options.payorSecrets)) {
        if (const auto key = StandardWebhooks::decodeSecret(secret)) {
            m_payorKey = *key;
            break;
        }
    }
    m_clock.start();
}

WebhookPoster::~WebhookPoster()
{
    // Abort what is in flight without reporting it: nobody is listening any more.
    for (Delivery &delivery : m_deliveries) {
        if (delivery.job) {
            delivery.job->disconnect(this);
            delete delivery.job;
        }
    }
}

bool WebhookPoster::canPostMetriport() const
{
    return m_options.hubUrl.isValid() && !m_options.metriportKey.isEmpty();
}

bool WebhookPoster::canPostPayor() const
{
    return m_options.hubUrl.isValid() && !m_payorKey.isEmpty();
}

QUrl WebhookPoster::metriportUrl() const
{
    return withPath(m_options.hubUrl, QStringLiteral("/webhooks/metriport"));
}

QUrl WebhookPoster::payorUrl() const
{
    return withPath(m_options.hubUrl, QStringLiteral("/webhooks/payor"));
}

QByteArray WebhookPoster::postMetriport(QByteArray body)
{
    QByteArray id = QJsonDocument::fromJson(body)
                        .object()
                        .value(QLatin1String("meta"))
                        .toObject()
                        .value(QLatin1String("messageId"))
                        .toString()
                        .toUtf8();
    if (id.isEmpty())
        id = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    const quint64 serial = enqueue(Target::Metriport, id, std::move(body));
    if (m_options.metriportKey.isEmpty())
        failLater(serial, Job::defaultErrorString(Job::Error::InvalidRequest));
    else
        QTimer::singleShot(0, this, [this, serial] { tryDelivery(serial); });
    return id;
}

void WebhookPoster::postPayor(QByteArray id, QByteArray body)
{
    // What the hub would refuse (an id it cannot verify, no key) is not sent at all.
    const bool idUsable = !id.isEmpty() && id.size() <= 255 && !id.contains('.');
    const quint64 serial = enqueue(Target::Payor, std::move(id), std::move(body));
    if (!idUsable || m_payorKey.isEmpty())
        failLater(serial, Job::defaultErrorString(Job::Error::InvalidRequest));
    else
        QTimer::singleShot(0, this, [this, serial] { tryDelivery(serial); });
}

quint64 WebhookPoster::enqueue(Target target, QByteArray id, QByteArray body)
{
    const quint64 serial = m_nextSerial++;
    Delivery delivery;
    delivery.target = target;
    delivery.id = std::move(id);
    delivery.body = std::move(body);
    m_deliveries.insert(serial, std::move(delivery));
    return serial;
}

void WebhookPoster::failLater(quint64 serial, QString error)
{
    QTimer::singleShot(0, this, [this, serial, error] {
        const auto it = m_deliveries.constFind(serial);
        if (it == m_deliveries.cend())
            return;
        const QByteArray id = it->id;
        m_deliveries.erase(it);
        Q_EMIT deliveryFailed(id, error);
    });
}

void WebhookPoster::tryDelivery(quint64 serial)
{
    const auto it = m_deliveries.find(serial);
    if (it == m_deliveries.end())
        return;
    Delivery &delivery = *it;
    if (delivery.tries++ == 0)
        delivery.firstTryAtMs = m_clock.elapsed();

    HttpJob::Request request;
    request.method = HttpJob::Method::Post;
    request.body = delivery.body;
    request.contentType = QByteArrayLiteral("application/json");
    request.timeoutMs = m_options.timeoutMs;
    request.maxResponseBytes = maxAnswerBytes;
    if (delivery.target == Target::Metriport) {
        request.url = metriportUrl();
        request.headers = {
            {QByteArrayLiteral("x-metriport-signature"),
             MetriportSignature::sign(m_options.metriportKey, delivery.body)},
            {QByteArrayLiteral("User-Agent"), QByteArrayLiteral("Metriport API")},
        };
    } else {
        // Signed afresh for each try: a retry minutes later must still be within tolerance.
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        request.url = payorUrl();
        request.headers = {
            {QByteArrayLiteral("webhook-id"), delivery.id},
            {QByteArrayLiteral("webhook-timestamp"), QByteArray::number(now)},
            {QByteArrayLiteral("webhook-signature"),
             StandardWebhooks::sign(m_payorKey, delivery.id, now, delivery.body)},
        };
    }

    auto *job = new HttpJob(m_network, std::move(request), this);
    delivery.job = job;
    connect(job, &Job::finished, this, [this, serial, job] { onTryFinished(serial, job); });
    job->start();
}

void WebhookPoster::onTryFinished(quint64 serial, HttpJob *job)
{
    const auto it = m_deliveries.find(serial);
    if (it == m_deliveries.end())
        return;
    Delivery &delivery = *it;
    delivery.job = nullptr; // it deletes itself
    const QByteArray id = delivery.id;
    if (job->error() == Job::Error::NoError) {
        m_deliveries.erase(it);
        Q_EMIT delivered(id, job->httpStatus());
        return;
    }
    if (job->wasCancelled()) {
        m_deliveries.erase(it);
        return;
    }
    const RetryPolicy::Ms elapsed(m_clock.elapsed() - delivery.firstTryAtMs);
    const auto delay =
        m_options.retry.nextDelay(delivery.tries, job->error(), elapsed, job->retryAfter());
    if (!delay) {
        const QString error = job->errorString();
        m_deliveries.erase(it);
        Q_EMIT deliveryFailed(id, error);
        return;
    }
    const int nextTry = delivery.tries + 1;
    QTimer::singleShot(*delay, this, [this, serial] { tryDelivery(serial); });
    Q_EMIT retryScheduled(id, nextTry, qint64(delay->count()));
}

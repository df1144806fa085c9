// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/claims/payorconnection.h"

#include "services/claims/payorrequest.h"
#include "services/common/httpjob.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
//! The payor's own words in an error body ({"error": …} or {"detail": …}), if any.
QString payorWords(const QByteArray &body)
{
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    for (const char *key : {"error", "detail", "message"}) {
        const QString text = object.value(QLatin1String(key)).toString();
        if (!text.isEmpty())
            return text.left(300);
    }
    return {};
}
} // namespace

PayorConnection::PayorConnection(QNetworkAccessManager *network, Config config, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_config(std::move(config))
{
}

HttpJob *PayorConnection::get(const QString &path, const QList<std::pair<QString, QString>> &query)
{
    const HttpJob::Request request = PayorRequest::get(m_config.baseUrl, m_config.apiKey, path,
                                                       query, m_config.timeoutMs, 4 * 1024 * 1024);
    auto *job = new HttpJob(m_network, request, this);
    return job;
}

std::optional<QList<PayorMapping>> PayorConnection::readMappings(HttpJob *job, QString *error)
{
    QJsonParseError parse;
    const QJsonDocument document = QJsonDocument::fromJson(job->responseBody(), &parse);
    if (parse.error != QJsonParseError::NoError || !document.isArray()) {
        *error = tr("The address answers, but not as the payor's API: the mapping list is not a "
                    "JSON list.");
        return std::nullopt;
    }
    QList<PayorMapping> mappings;
    for (const QJsonValue &value : document.array()) {
        const QJsonObject object = value.toObject();
        const QString id = object.value(QLatin1String("insurance_id")).toString().trimmed();
        const QString name = object.value(QLatin1String("payor_name")).toString().trimmed();
        if (id.isEmpty() || name.isEmpty() || id.size() > 50 || name.size() > 200) {
            *error = tr("The payor's mapping list has an entry without an insurance ID or payor "
                        "name.");
            return std::nullopt;
        }
        mappings.append({id.toUpper(), name, QStringLiteral("payor")});
        if (mappings.size() > 10000) {
            *error = tr("The payor's mapping list is longer than 10,000 entries.");
            return std::nullopt;
        }
    }
    return mappings;
}

void PayorConnection::check()
{
    if (!m_config.baseUrl.isValid() || m_config.baseUrl.host().isEmpty()) {
        PayorCheck result;
        result.message = tr("Enter the payor's address (for example https://payor.example.com).");
        Q_EMIT checkFinished(result);
        return;
    }
    HttpJob *job = get(QStringLiteral("api/mappings/insurance-payor/"));
    connect(job, &Job::finished, this, [this, job] {
        PayorCheck result;
        const int status = job->httpStatus();
        if (status == 0) {
            result.message = tr("Cannot reach the payor at %1: %2")
                                 .arg(m_config.baseUrl.toString(), job->errorString());
            Q_EMIT checkFinished(result);
            return;
        }
        result.reachable = true;
        if (status == 401 || status == 403) {
            const QString words = payorWords(job->responseBody());
            result.message = tr("The payor answers but refused the API key (HTTP %1).").arg(status);
            if (!words.isEmpty())
                result.message += QLatin1Char(' ') + tr("It said: %1").arg(words);
            Q_EMIT checkFinished(result);
            return;
        }
        if (status != 200) {
            result.message = tr("The payor answered HTTP %1 where it lists its mappings; check "
                                "the address.")
                                 .arg(status);
            Q_EMIT checkFinished(result);
            return;
        }
        QString error;
        const auto mappings = readMappings(job, &error);
        if (!mappings) {
            result.message = error;
            Q_EMIT checkFinished(result);
            return;
        }
        result.authenticated = true;
        result.mappings = int(mappings->size());
        checkProvider(result);
    });
    job->start();
}

void PayorConnection::checkProvider(PayorCheck result)
{
    if (m_config.providerId.trimmed().isEmpty()) {
        result.message = tr("Reached the payor and the API key works; enter the provider ID it "
                            "gave you.");
        Q_EMIT checkFinished(result);
        return;
    }
    HttpJob *job = get(QStringLiteral("api/provider/claim-updates/"),
                       {{QStringLiteral("provider_id"), m_config.providerId.trimmed()},
                        {QStringLiteral("last_sync_time"),
                         QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}});
    connect(job, &Job::finished, this, [this, job, result]() mutable {
        const int status = job->httpStatus();
        if (status == 200 && QJsonDocument::fromJson(job->responseBody()).isObject()) {
            result.configured = true;
            result.message = tr("Connected: the payor takes the API key, knows provider %1 and "
                                "routes %n insurance IDs.",
                                nullptr, result.mappings)
                                 .arg(m_config.providerId.trimmed());
        } else if (status == 0) {
            result.message = tr("The payor stopped answering while checking the provider: %1")
                                 .arg(job->errorString());
        } else {
            const QString words = payorWords(job->responseBody());
            result.message = tr("The API key works, but the payor refused provider ID \"%1\" "
                                "(HTTP %2).")
                                 .arg(m_config.providerId.trimmed())
                                 .arg(status);
            if (!words.isEmpty())
                result.message += QLatin1Char(' ') + tr("It said: %1").arg(words);
        }
        Q_EMIT checkFinished(result);
    });
    job->start();
}

void PayorConnection::fetchMappings()
{
    HttpJob *job = get(QStringLiteral("api/mappings/insurance-payor/"));
    connect(job, &Job::finished, this, [this, job] {
        if (job->httpStatus() != 200) {
            Q_EMIT mappingsFailed(job->httpStatus() == 0
                                      ? tr("Cannot reach the payor: %1").arg(job->errorString())
                                      : tr("The payor answered HTTP %1 to the mapping list.")
                                            .arg(job->httpStatus()));
            return;
        }
        QString error;
        const auto mappings = readMappings(job, &error);
        if (!mappings)
            Q_EMIT mappingsFailed(error);
        else
            Q_EMIT mappingsFetched(*mappings);
    });
    job->start();
}

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/sandbox/sampleevents.h"

#include "services/common/httpjob.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <memory>

SampleEvents::SampleEvents(QNetworkAccessManager *network, QUrl sandboxUrl, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_sandboxUrl(std::move(sandboxUrl))
{
}

void SampleEvents::send()
{
    struct Sample
    {
        const char *target;
        const char *type;
        int count;
    };
    static constexpr Sample samples[] = {{"payor", "claim_status_update", 2},
                                         {"metriport", "medical.document-download", 1},
                                         {"metriport", "network-query.hie", 1}};
    QUrl url = m_sandboxUrl;
    url.setPath(QStringLiteral("/sandbox/webhooks"));
    // Shared by the three requests: one answer to the caller once all have come back.
    auto outcome = std::make_shared<std::pair<int, QString>>(0, QString());
    auto pending = std::make_shared<int>(int(std::size(samples)));
    for (const Sample &sample : samples) {
        HttpJob::Request request;
        request.url = url;
        request.method = HttpJob::Method::Post;
        request.contentType = QByteArrayLiteral("application/json");
        request.body = QJsonDocument(QJsonObject{{QStringLiteral("target"), QLatin1String(sample.target)},
                                                 {QStringLiteral("type"), QLatin1String(sample.type)},
                                                 {QStringLiteral("count"), sample.count}})
                           .toJson(QJsonDocument::Compact);
        request.timeoutMs = 5000;
        auto *job = new HttpJob(m_network, request, this);
        const int count = sample.count;
        connect(job, &Job::finished, this, [this, outcome, pending, count](Job *done) {
            if (done->error() == Job::Error::NoError)
                outcome->first += count;
            else if (outcome->second.isEmpty())
                outcome->second = done->errorString();
            if (--*pending > 0)
                return;
            if (outcome->second.isEmpty())
                Q_EMIT sent(outcome->first);
            else
                Q_EMIT failed(outcome->second);
        });
        job->start();
    }
}

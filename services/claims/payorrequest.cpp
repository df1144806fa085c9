// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/claims/payorrequest.h"

#include <QUrlQuery>

namespace PayorRequest {

HttpJob::Request get(const QUrl &baseUrl, const QString &apiKey, const QString &path,
                     const QList<std::pair<QString, QString>> &query, int timeoutMs,
                     qint64 maxResponseBytes)
{
    HttpJob::Request request;
    QUrl url = baseUrl;
    QString base = url.path();
    if (!base.endsWith(QLatin1Char('/')))
        base += QLatin1Char('/');
    url.setPath(base + path);
    QUrlQuery items;
    for (const auto &[key, value] : query)
        items.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    url.setQuery(items);
    request.url = url;
    request.headers = {{QByteArrayLiteral("X-API-Key"), apiKey.toUtf8()},
                       {QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")}};
    request.timeoutMs = timeoutMs;
    request.maxResponseBytes = maxResponseBytes;
    return request;
}

} // namespace PayorRequest

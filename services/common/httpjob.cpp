// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/common/httpjob.h"

#include "services/common/retrypolicy.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace {
// How much the reply may hold between two reads. Qt's HTTP thread stops reading the socket
// when this much is waiting, so what arrives past the cap is at most one such chunk.
constexpr qint64 readChunkBytes = 64 * 1024;
constexpr int defaultTimeoutMs = 30000;

bool isTransportFailure(QNetworkReply::NetworkError error)
{
    // 1-99 connection, 101-199 proxy: the transfer broke, whatever status came before.
    return error != QNetworkReply::NoError && int(error) < 200;
}
} // namespace

HttpJob::HttpJob(QNetworkAccessManager *network, Request request, QObject *parent)
    : Job(parent)
    , m_network(network)
    , m_request(std::move(request))
{
    if (m_request.timeoutMs <= 0)
        m_request.timeoutMs = defaultTimeoutMs;
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HttpJob::onTimeout);
}

HttpJob::~HttpJob()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

QByteArray HttpJob::responseHeader(const QByteArray &name) const
{
    for (const auto &[key, value] : m_responseHeaders) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QString HttpJob::hostName() const
{
    const QUrl &url = m_request.url;
    if (url.host().isEmpty())
        return url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
    return url.port() == -1 ? url.host() : QStringLiteral("%1:%2").arg(url.host()).arg(url.port());
}

void HttpJob::doStart()
{
    m_clock.start();
    const QUrl &url = m_request.url;
    const QString scheme = url.scheme().toLower();
    if (!m_network || !url.isValid() || url.host().isEmpty() ||
        (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
        // Later, not inside start(): finished() always comes from the event loop.
        QTimer::singleShot(0, this, [this] { done(Error::InvalidRequest); });
        return;
    }

    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    // The cap relies on HTTP/1.1's read-buffer flow control (checked on 6.4); and asking for
    // identity keeps Qt from inflating compressed answers behind our back.
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setRawHeader("Accept-Encoding", "identity");
    if (!m_request.contentType.isEmpty()) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, m_request.contentType);
    } else if (m_request.method == Method::Post || m_request.method == Method::Put) {
        // Qt would send (and warn about) a form type; say nothing more than "bytes".
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/octet-stream"));
    }
    for (const auto &[name, value] : m_request.headers)
        request.setRawHeader(name, value);

    switch (m_request.method) {
    case Method::Get:
        m_reply = m_network->get(request);
        break;
    case Method::Post:
        m_reply = m_network->post(request, m_request.body);
        break;
    case Method::Put:
        m_reply = m_network->put(request, m_request.body);
        break;
    case Method::Delete:
        m_reply = m_request.body.isEmpty()
                      ? m_network->deleteResource(request)
                      : m_network->sendCustomRequest(request, "DELETE", m_request.body);
        break;
    }
    m_reply->setReadBufferSize(readChunkBytes);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &HttpJob::onMetaDataChanged);
    connect(m_reply, &QNetworkReply::readyRead, this, &HttpJob::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &HttpJob::onReplyFinished);
    m_timer.start(m_request.timeoutMs);
}

void HttpJob::doCancel()
{
    m_timer.stop();
    m_elapsedMs = m_clock.isValid() ? m_clock.elapsed() : 0;
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
    dropReply();
}

void HttpJob::onMetaDataChanged()
{
    if (!m_reply)
        return;
    m_httpStatus = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_responseHeaders = m_reply->rawHeaderPairs();
    m_retryAfter = RetryPolicy::parseRetryAfter(responseHeader("Retry-After"),
                                                QDateTime::currentDateTimeUtc());
    // Refuse an announced oversize at once rather than reading up to the cap first.
    bool ok = false;
    const qint64 announced = responseHeader("Content-Length").trimmed().toLongLong(&ok);
    if (ok && announced > m_request.maxResponseBytes)
        fail(Error::TooLarge);
}

void HttpJob::onReadyRead()
{
    while (m_reply && m_reply->bytesAvailable() > 0) {
        // Never hold more than cap + 1 bytes: one byte past the cap is enough to know.
        const qint64 room = m_request.maxResponseBytes + 1 - m_body.size();
        const QByteArray chunk = m_reply->read(qMin(m_reply->bytesAvailable(), room));
        if (chunk.isEmpty())
            break;
        m_bytesReceived += chunk.size();
        m_body += chunk;
        if (m_body.size() > m_request.maxResponseBytes) {
            m_body.truncate(m_request.maxResponseBytes);
            fail(Error::TooLarge);
            return;
        }
    }
}

void HttpJob::onReplyFinished()
{
    if (!m_reply || isFinished())
        return;
    onMetaDataChanged();
    if (isFinished())
        return;
    onReadyRead();
    if (isFinished() || !m_reply)
        return;

    const QNetworkReply::NetworkError error = m_reply->error();
    m_transportError = m_reply->errorString();
    if (error == QNetworkReply::TimeoutError) {
        done(Error::Timeout);
    } else if (isTransportFailure(error)) {
        done(Error::NetworkError);
    } else if (error == QNetworkReply::ProtocolFailure) {
        done(Error::InvalidResponse); // broken framing: the body cannot be trusted
    } else if (m_httpStatus > 0) {
        // Qt's content, protocol and server errors here only restate the status.
        m_transportError.clear();
        succeedOrFailByStatus();
    } else if (error == QNetworkReply::ProtocolUnknownError) {
        done(Error::InvalidRequest);
    } else {
        done(Error::InvalidResponse);
    }
}

void HttpJob::succeedOrFailByStatus()
{
    const int status = m_httpStatus;
    const bool accepted = m_request.acceptedStatuses.isEmpty()
                              ? (status >= 200 && status < 300)
                              : m_request.acceptedStatuses.contains(status);
    if (accepted)
        done(Error::NoError);
    else if (status == 429)
        done(Error::Busy);
    else if (status == 408)
        done(Error::Timeout);
    else if (status >= 500)
        done(Error::ServerError);
    else
        done(Error::HttpError);
}

void HttpJob::onTimeout()
{
    fail(Error::Timeout);
}

void HttpJob::fail(Error error)
{
    if (m_reply) {
        // Disconnect first: abort() emits finished() at once, which is not an answer.
        m_reply->disconnect(this);
        m_reply->abort();
    }
    done(error);
}

void HttpJob::done(Error error)
{
    if (isFinished())
        return;
    m_timer.stop();
    m_elapsedMs = m_clock.isValid() ? m_clock.elapsed() : 0;
    dropReply();
    finish(error, error == Error::NoError ? QString() : errorText(error));
}

void HttpJob::dropReply()
{
    if (!m_reply)
        return;
    m_reply->disconnect(this);
    m_reply->deleteLater();
    m_reply = nullptr;
}

QString HttpJob::errorText(Error error) const
{
    const QString host = hostName();
    switch (error) {
    case Error::Timeout: {
        if (timedOutOnServer()) {
            return QCoreApplication::translate("Http", "%1 gave up waiting for the request (HTTP "
                                                       "408). Try again in a few minutes.")
                .arg(host);
        }
        // A plain variable as the count: lupdate 6.4 skips calls whose count starts with '('.
        const int seconds = (m_request.timeoutMs + 999) / 1000;
        return QCoreApplication::translate("Http",
                                           "%1 did not answer within %n seconds. Try again "
                                           "in a few minutes.",
                                           nullptr, seconds)
            .arg(host);
    }
    case Error::NetworkError:
        return QCoreApplication::translate("Http", "Could not reach %1: %2. Check the network "
                                                   "connection and the address in Settings.")
            .arg(host, m_transportError);
    case Error::ServerError:
        return QCoreApplication::translate("Http", "%1 is unavailable (HTTP %2). Try again in a "
                                                   "few minutes.")
            .arg(host)
            .arg(m_httpStatus);
    case Error::Busy:
        return QCoreApplication::translate("Http", "%1 is busy (HTTP %2). Try again in a few "
                                                   "minutes.")
            .arg(host)
            .arg(m_httpStatus);
    case Error::HttpError:
        if (m_httpStatus >= 300 && m_httpStatus < 400) {
            return QCoreApplication::translate("Http",
                                               "%1 answered with a redirect (HTTP %2), which "
                                               "ClinicDesk does not follow. Check the address "
                                               "in Settings.")
                .arg(host)
                .arg(m_httpStatus);
        }
        return QCoreApplication::translate("Http", "%1 refused the request (HTTP %2). Check the "
                                                   "address in Settings.")
            .arg(host)
            .arg(m_httpStatus);
    case Error::TooLarge:
        //: %2 is a size such as "8.00 MiB"
        return QCoreApplication::translate("Http", "The answer from %1 is larger than %2, the "
                                                   "most ClinicDesk accepts. Check the address "
                                                   "in Settings.")
            .arg(host, QLocale().formattedDataSize(m_request.maxResponseBytes));
    case Error::InvalidRequest:
        return QCoreApplication::translate("Http", "The address %1 cannot be used: it needs "
                                                   "http:// or https:// and a host name. Check "
                                                   "the address in Settings.")
            .arg(host);
    case Error::InvalidResponse:
        return QCoreApplication::translate("Http", "The answer from %1 is not valid HTTP. Check "
                                                   "the address in Settings.")
            .arg(host);
    default:
        return defaultErrorString(error);
    }
}

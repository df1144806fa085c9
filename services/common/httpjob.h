// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/common/job.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QPair>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <chrono>
#include <optional>
#include <utility>

class QNetworkAccessManager;
class QNetworkReply;

/*!
  One HTTP round trip, as a Job: every client of an outside system (clearinghouse, hub, payor,
  Metriport) is built on it, so they share the same limits.

  - Its own timer covers connecting, waiting and reading (Qt 6.4 has no transfer timeout by
    default).
  - The answer is capped while it streams: the body is read as it arrives and the reply is
    aborted as soon as it passes maxResponseBytes, or at once when Content-Length announces
    more. Memory stays near the cap with Content-Length, chunked or close-delimited answers.
  - Redirects are not followed (a 3xx is an HttpError); HTTP/2 and compression are not offered,
    so the bytes counted are the bytes sent.
  - Errors: timeout and 408 → Timeout; connection refused or reset, DNS, TLS → NetworkError;
    5xx → ServerError (503 included, whatever its Retry-After); 429 → Busy; any other status
    not accepted → HttpError; over the cap → TooLarge; an unusable URL → InvalidRequest; an
    answer that is not HTTP → InvalidResponse; an answer cut short → NetworkError. Cancelled
    jobs abort the reply and report no error. finished() never comes from inside start().

  errorString() names the host, never the body (it may hold PHI). Subclasses give their own
  wording by overriding errorText().
 */
class HttpJob : public Job
{
    Q_OBJECT
public:
    enum class Method { Get, Post, Put, Delete };
    Q_ENUM(Method)

    static constexpr qint64 defaultMaxResponseBytes = 8 * 1024 * 1024;

    struct Request
    {
        QUrl url;
        Method method = Method::Get;
        QByteArray body;        //!< sent with POST, PUT and (when not empty) DELETE
        QByteArray contentType; //!< of the body; empty: none, or octet-stream for POST/PUT
        QList<QPair<QByteArray, QByteArray>> headers; //!< extra headers (Accept, Idempotency-Key…)
        int timeoutMs = 30000;                        //!< connect + wait + read; ≤ 0: 30 s
        qint64 maxResponseBytes = defaultMaxResponseBytes;
        QList<int> acceptedStatuses; //!< statuses that mean success; empty: any 2xx
    };

    //! `network` is not owned and must outlive the job's reply.
    HttpJob(QNetworkAccessManager *network, Request request, QObject *parent = nullptr);
    ~HttpJob() override;

    const Request &request() const { return m_request; }
    //! The status of the answer; 0 when none arrived (network error, timeout, cancel).
    int httpStatus() const { return m_httpStatus; }
    //! The body as read so far (complete once finished without error; at most the cap).
    const QByteArray &responseBody() const { return m_body; }
    QByteArray takeResponseBody() { return std::exchange(m_body, {}); }
    //! A response header (case-insensitive name); empty when absent.
    QByteArray responseHeader(const QByteArray &name) const;
    //! The answer's Retry-After (429 and 503 usually send one), relative to when it arrived.
    std::optional<std::chrono::milliseconds> retryAfter() const { return m_retryAfter; }
    //! From start() to finished().
    qint64 elapsedMs() const { return m_elapsedMs; }
    //! Body bytes read from the network, including any past the cap before the abort.
    qint64 bytesReceived() const { return m_bytesReceived; }
    //! "host" or "host:port" of the URL, for messages.
    QString hostName() const;

protected:
    void doStart() override;
    void doCancel() override;

    /*!
      The translated sentence for `error`, called once when the job fails. The default names
      the host; override it for wording that fits the caller (call the base for the rest).
     */
    virtual QString errorText(Error error) const;
    //! Qt's description of a transport failure (e.g. "Connection refused"), for errorText().
    QString transportError() const { return m_transportError; }
    //! True when a Timeout came from an HTTP 408 rather than from our own timer.
    bool timedOutOnServer() const { return m_httpStatus == 408; }

private:
    void onMetaDataChanged();
    void onReadyRead();
    void onReplyFinished();
    void onTimeout();
    void fail(Error error);
    void succeedOrFailByStatus();
    void done(Error error);
    void dropReply();

    QNetworkAccessManager *m_network;
    Request m_request;
    QPointer<QNetworkReply> m_reply;
    QTimer m_timer;
    QElapsedTimer m_clock;
    QByteArray m_body;
    QList<QPair<QByteArray, QByteArray>> m_responseHeaders;
    QString m_transportError;
    std::optional<std::chrono::milliseconds> m_retryAfter;
    int m_httpStatus = 0;
    qint64 m_elapsedMs = 0;
    qint64 m_bytesReceived = 0;
};

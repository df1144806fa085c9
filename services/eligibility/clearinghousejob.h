// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

//! One HTTP round trip to the clearinghouse: POST a 270, receive a 271.
//! A job: start(), cancel(), one finished() signal, an error enum and a translated errorString().
class ClearinghouseJob : public QObject
{
    Q_OBJECT
public:
    enum class Error { NoError, Timeout, ServerError, HttpError, NetworkError, Cancelled };
    Q_ENUM(Error)

    ClearinghouseJob(QNetworkAccessManager *network, QUrl url, QByteArray request, int timeoutMs,
                     QObject *parent = nullptr);
    ~ClearinghouseJob() override;

    void start();
    void cancel();

    Error error() const { return m_error; }
    QString errorString() const;
    int httpStatus() const { return m_httpStatus; }
    const QByteArray &response() const { return m_response; }
    int elapsedMs() const { return m_elapsedMs; }
    //! Timeouts, 5xx and connection failures may succeed when tried again.
    bool isTransient() const;

    //! Responses larger than this are refused (a 271 for one patient is a few kB).
    static constexpr qint64 maxResponseBytes = 8 * 1024 * 1024;

Q_SIGNALS:
    void finished();

private:
    void finish(Error error);
    void onReplyFinished();

    QNetworkAccessManager *m_network;
    QUrl m_url;
    QByteArray m_request;
    int m_timeoutMs;
    QPointer<QNetworkReply> m_reply;
    QTimer m_timeout;
    QElapsedTimer m_clock;
    Error m_error = Error::NoError;
    QString m_detail;
    int m_httpStatus = 0;
    QByteArray m_response;
    int m_elapsedMs = 0;
    bool m_done = false;
};

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/eligibility/clearinghousejob.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

ClearinghouseJob::ClearinghouseJob(QNetworkAccessManager *network, QUrl url, QByteArray request,
                                   int timeoutMs, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_url(std::move(url))
    , m_request(std::move(request))
    , m_timeoutMs(timeoutMs)
{
    // Our own timer rather than transferTimeout: it covers connecting, waiting and reading,
    // and lets us tell a timeout apart from a cancel.
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        if (m_reply) {
            // Disconnect first: abort() emits finished() at once, which is not an answer.
            m_reply->disconnect(this);
            m_reply->abort();
        }
        finish(Error::Timeout);
    });
}

ClearinghouseJob::~ClearinghouseJob()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void ClearinghouseJob::start()
{
    m_clock.start();
    QNetworkRequest request(m_url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/edi-x12"));
    request.setRawHeader("Accept", "application/edi-x12");
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    m_reply = m_network->post(request, m_request);
    connect(m_reply, &QNetworkReply::finished, this, &ClearinghouseJob::onReplyFinished);
    connect(m_reply, &QNetworkReply::downloadProgress, this, [this](qint64 received, qint64) {
        if (received > maxResponseBytes && m_reply) {
            m_detail =
                QCoreApplication::translate("Eligibility", "The response is larger than %1 MB.")
                    .arg(maxResponseBytes / (1024 * 1024));
            m_reply->disconnect(this);
            m_reply->abort();
            finish(Error::HttpError);
        }
    });
    m_timeout.start(m_timeoutMs);
}

void ClearinghouseJob::cancel()
{
    if (m_done)
        return;
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
    finish(Error::Cancelled);
}

void ClearinghouseJob::onReplyFinished()
{
    if (m_done || !m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_response = reply->readAll();
    if (m_httpStatus >= 500) {
        finish(Error::ServerError);
    } else if (m_httpStatus != 0 && m_httpStatus != 200) {
        finish(Error::HttpError);
    } else if (reply->error() != QNetworkReply::NoError) {
        m_detail = reply->errorString();
        finish(Error::NetworkError);
    } else {
        finish(Error::NoError);
    }
}

void ClearinghouseJob::finish(Error error)
{
    if (m_done)
        return;
    m_done = true;
    m_error = error;
    m_timeout.stop();
    m_elapsedMs = int(m_clock.isValid() ? m_clock.elapsed() : 0);
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->deleteLater();
        m_reply = nullptr;
    }
    Q_EMIT finished();
}

bool ClearinghouseJob::isTransient() const
{
    return m_error == Error::Timeout || m_error == Error::ServerError ||
           m_error == Error::NetworkError;
}

QString ClearinghouseJob::errorString() const
{
    switch (m_error) {
    case Error::NoError:
    case Error::Cancelled:
        return {};
    case Error::Timeout:
        return QCoreApplication::translate(
            "Eligibility",
            "The clearinghouse did not answer within %n second(s). Try again in a few "
            "minutes.",
            nullptr, m_timeoutMs / 1000);
    case Error::ServerError:
        return QCoreApplication::translate("Eligibility",
                                           "The clearinghouse is unavailable (HTTP %1). Try again "
                                           "in a few minutes.")
            .arg(m_httpStatus);
    case Error::HttpError:
        if (!m_detail.isEmpty())
            return m_detail;
        return QCoreApplication::translate("Eligibility",
                                           "The clearinghouse refused the request (HTTP %1). "
                                           "Check the clearinghouse address in Settings.")
            .arg(m_httpStatus);
    case Error::NetworkError:
        return QCoreApplication::translate("Eligibility",
                                           "Could not reach the clearinghouse: %1. Check the "
                                           "network connection and the address in Settings.")
            .arg(m_detail);
    }
    return {};
}

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/metriport/metriportcall.h"

#include "services/metriport/metriportjson.h"

#include <QCoreApplication>
#include <QJsonParseError>

MetriportCall::MetriportCall(QNetworkAccessManager *network, HttpJob::Request request,
                             RetryPolicy policy, QString what, Expect expect, QObject *parent)
    : Job(parent)
    , m_network(network)
    , m_request(std::move(request))
    , m_policy(std::move(policy))
    , m_what(std::move(what))
    , m_expect(expect)
{
    m_wait.setSingleShot(true);
    connect(&m_wait, &QTimer::timeout, this, &MetriportCall::startTry);
    // Every 4xx but 408 and 429 is Metriport's answer, read below as a refusal: accept them
    // at the HTTP level so their bodies (RFC 7807) are kept.
    if (m_request.acceptedStatuses.isEmpty()) {
        for (int status = 200; status < 300; ++status)
            m_request.acceptedStatuses.append(status);
        for (int status = 400; status < 500; ++status) {
            if (status != 408 && status != 429)
                m_request.acceptedStatuses.append(status);
        }
    }
}

MetriportCall::~MetriportCall()
{
    if (m_try)
        m_try->cancel();
}

QByteArray MetriportCall::responseHeader(const QByteArray &name) const
{
    for (const auto &[key, value] : m_headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

void MetriportCall::failOnStart(Error error, const QString &why)
{
    m_refusal = error;
    m_refusalText = why;
}

void MetriportCall::doStart()
{
    if (m_refusal != Error::NoError) {
        QTimer::singleShot(0, this, [this] { finish(m_refusal, m_refusalText); });
        return;
    }
    m_clock.start();
    startTry();
}

void MetriportCall::doCancel()
{
    m_wait.stop();
    if (m_try)
        m_try->cancel();
}

void MetriportCall::startTry()
{
    ++m_tries;
    auto *job = new HttpJob(m_network, m_request, this);
    m_try = job;
    m_host = job->hostName();
    connect(job, &Job::finished, this, &MetriportCall::onTryFinished);
    job->start();
}

void MetriportCall::onTryFinished()
{
    HttpJob *job = m_try;
    if (!job || job->wasCancelled() || isFinished())
        return;
    m_httpStatus = job->httpStatus();
    m_retryAfter = job->retryAfter();
    m_headers.clear();
    for (const char *name : {"etag", "x-metriport-request-id", "content-type", "location"}) {
        const QByteArray value = job->responseHeader(name);
        if (!value.isEmpty())
            m_headers.append({QByteArray(name), value});
    }
    const Error error = job->error();
    if (error != Error::NoError) {
        m_transport = job->errorString();
        const auto delay = m_policy.nextDelay(
            m_tries, error, std::chrono::duration_cast<RetryPolicy::Ms>(
                                std::chrono::milliseconds(m_clock.elapsed())),
            m_retryAfter);
        if (delay) {
            m_wait.start(int(delay->count()));
            return;
        }
        finish(error, describe(error));
        return;
    }

    m_body = job->takeResponseBody();
    if (m_httpStatus >= 400) {
        m_problem = MetriportJson::problemText(m_body);
        finish(Error::Rejected, describe(Error::Rejected));
        return;
    }
    if (m_expect == Expect::Json) {
        QJsonParseError parseError;
        m_json = QJsonDocument::fromJson(m_body, &parseError);
        if (parseError.error != QJsonParseError::NoError || m_json.isNull()) {
            finish(Error::InvalidResponse, describe(Error::InvalidResponse));
            return;
        }
    }
    finish();
}

QString MetriportCall::describe(Error error) const
{
    switch (error) {
    case Error::Rejected:
        if (m_httpStatus == 401 || m_httpStatus == 403)
            return tr("Metriport refused our API key when asked to %1. Check the key in "
                      "Settings › Metriport.").arg(m_what);
        if (m_httpStatus == 412)
            return tr("Metriport could not %1: the patient was changed in the network since we "
                      "read it. Read it again, then try once more.").arg(m_what);
        if (m_httpStatus == 404) {
            return m_problem.isEmpty()
                ? tr("Metriport could not %1: it does not know what we asked about.").arg(m_what)
                : tr("Metriport could not %1: %2").arg(m_what, m_problem);
        }
        return m_problem.isEmpty()
            ? tr("Metriport refused to %1 (HTTP %2).").arg(m_what).arg(m_httpStatus)
            : tr("Metriport refused to %1: %2").arg(m_what, m_problem);
    case Error::Busy:
        return m_retryAfter
            ? tr("Metriport is limiting how often we may %1; try again in %n seconds.", nullptr,
                 int((m_retryAfter->count() + 999) / 1000)).arg(m_what)
            : tr("Metriport is limiting how often we may %1; try again in a minute.").arg(m_what);
    case Error::Timeout:
        return tr("Metriport did not answer in time when asked to %1 (%2).").arg(m_what, m_host);
    case Error::NetworkError:
        return tr("Metriport could not be reached to %1 (%2).").arg(m_what, m_transport);
    case Error::ServerError:
        return tr("Metriport had a problem of its own when asked to %1 (HTTP %2); it was tried "
                  "%n times.", nullptr, m_tries).arg(m_what).arg(m_httpStatus);
    case Error::TooLarge:
        return tr("Metriport's answer when asked to %1 was larger than we accept.").arg(m_what);
    case Error::InvalidResponse:
        return tr("Metriport's answer when asked to %1 could not be read.").arg(m_what);
    case Error::InvalidRequest:
        return tr("The request to %1 could not be made: the Metriport address is not usable.")
            .arg(m_what);
    default:
        return m_transport.isEmpty() ? Job::defaultErrorString(error) : m_transport;
    }
}

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/common/httpjob.h"
#include "services/common/retrypolicy.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QString>
#include <QTimer>

class QNetworkAccessManager;

/*!
  One call of Metriport's API as a Job: one HttpJob per try, tried again under a RetryPolicy
  (timeouts, network errors, 5xx, and 429 no sooner than its Retry-After), never on another
  4xx. Metriport speaks RFC 7807: a refusal's `detail` becomes part of errorString(), so the
  user reads "Metriport refused to create the patient: dob must not be in the future" rather
  than a status code.

  Errors: 401/403 → Rejected ("the API key was refused"); 404 → Rejected naming what was not
  found; 412 → Rejected ("changed in the network since it was read"); other 4xx → Rejected with
  Metriport's words; 429 → Busy; an answer that should be JSON and is not → InvalidResponse.
  The body is never put in a message unless it is Metriport's problem text (no PHI in ours).
 */
class MetriportCall : public Job
{
    Q_OBJECT
public:
    enum class Expect { Json, Bytes, Nothing };

    //! `what` completes "Metriport could not …" ("create the patient"), translated.
    MetriportCall(QNetworkAccessManager *network, HttpJob::Request request, RetryPolicy policy,
                  QString what, Expect expect = Expect::Json, QObject *parent = nullptr);
    ~MetriportCall() override;

    const HttpJob::Request &request() const { return m_request; }
    //! The last try's status (0 when none answered).
    int httpStatus() const { return m_httpStatus; }
    //! The answer's body (Bytes), or the raw JSON.
    const QByteArray &body() const { return m_body; }
    QByteArray takeBody() { return std::exchange(m_body, {}); }
    //! The answer as JSON (Expect::Json, finished without error).
    const QJsonDocument &json() const { return m_json; }
    QJsonObject object() const { return m_json.object(); }
    QByteArray responseHeader(const QByteArray &name) const;
    //! Metriport's own words on a refusal (RFC 7807 detail), empty otherwise.
    QString problem() const { return m_problem; }
    int tries() const { return m_tries; }
    //! Makes start() fail with `error` and `why` without sending anything (a request that
    //! cannot be made); finished() still comes later, never from inside start().
    void failOnStart(Error error, const QString &why);

protected:
    void doStart() override;
    void doCancel() override;

private:
    void startTry();
    void onTryFinished();
    QString describe(Error error) const;

    QNetworkAccessManager *m_network;
    HttpJob::Request m_request;
    RetryPolicy m_policy;
    QString m_what;
    Expect m_expect;
    QPointer<HttpJob> m_try;
    QTimer m_wait;
    QElapsedTimer m_clock;
    int m_tries = 0;
    int m_httpStatus = 0;
    QByteArray m_body;
    QJsonDocument m_json;
    QString m_problem;
    QString m_host;
    QString m_transport;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    std::optional<RetryPolicy::Ms> m_retryAfter;
    Error m_refusal = Error::NoError;
    QString m_refusalText;
};

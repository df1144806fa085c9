// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/common/httpjob.h"

#include <QByteArray>
#include <QUrl>

class QNetworkAccessManager;

/*!
  One HTTP round trip to the clearinghouse: POST a 270 (application/edi-x12), receive a 271.
  An HttpJob with the caller's timeout and an 8 MiB cap (a 271 for one patient is a few kB);
  errorString() speaks of "the clearinghouse". Whether a failed try is worth another is the
  caller's RetryPolicy's decision (error(), retryAfter()).
 */
class ClearinghouseJob : public HttpJob
{
    Q_OBJECT
public:
    //! Answers larger than this are refused while they stream.
    static constexpr qint64 maxResponseBytes = 8 * 1024 * 1024;

    ClearinghouseJob(QNetworkAccessManager *network, QUrl url, QByteArray request, int timeoutMs,
                     QObject *parent = nullptr);
    ~ClearinghouseJob() override;

    //! The answer's body (the 271, or the server's error text).
    const QByteArray &response() const { return responseBody(); }

protected:
    QString errorText(Error error) const override;
};

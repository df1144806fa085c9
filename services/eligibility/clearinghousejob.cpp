// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/eligibility/clearinghousejob.h"

#include <QCoreApplication>

namespace {
HttpJob::Request clearinghouseRequest(QUrl url, QByteArray body, int timeoutMs)
{
    HttpJob::Request request;
    request.url = std::move(url);
    request.method = HttpJob::Method::Post;
    request.body = std::move(body);
    request.contentType = QByteArrayLiteral("application/edi-x12");
    request.headers = {{QByteArrayLiteral("Accept"), QByteArrayLiteral("application/edi-x12")}};
    request.timeoutMs = timeoutMs;
    request.maxResponseBytes = ClearinghouseJob::maxResponseBytes;
    return request;
}
} // namespace

ClearinghouseJob::ClearinghouseJob(QNetworkAccessManager *network, QUrl url, QByteArray request,
                                   int timeoutMs, QObject *parent)
    : HttpJob(network, clearinghouseRequest(std::move(url), std::move(request), timeoutMs), parent)
{
}

ClearinghouseJob::~ClearinghouseJob() = default;

QString ClearinghouseJob::errorText(Error error) const
{
    switch (error) {
    case Error::Timeout: {
        if (timedOutOnServer()) {
            return QCoreApplication::translate("Eligibility",
                                               "The clearinghouse gave up waiting for the request "
                                               "(HTTP 408). Try again in a few minutes.");
        }
        // A plain variable as the count: lupdate 6.4 skips calls whose count starts with '('.
        const int seconds = (request().timeoutMs + 999) / 1000;
        return QCoreApplication::translate(
            "Eligibility",
            "The clearinghouse did not answer within %n seconds. Try again in a few "
            "minutes.",
            nullptr, seconds);
    }
    case Error::ServerError:
        return QCoreApplication::translate("Eligibility",
                                           "The clearinghouse is unavailable (HTTP %1). Try again "
                                           "in a few minutes.")
            .arg(httpStatus());
    case Error::Busy:
        return QCoreApplication::translate("Eligibility",
                                           "The clearinghouse is busy (HTTP %1). Try again in a "
                                           "few minutes.")
            .arg(httpStatus());
    case Error::HttpError:
        return QCoreApplication::translate("Eligibility",
                                           "The clearinghouse refused the request (HTTP %1). "
                                           "Check the clearinghouse address in Settings.")
            .arg(httpStatus());
    case Error::NetworkError:
        return QCoreApplication::translate("Eligibility",
                                           "Could not reach the clearinghouse: %1. Check the "
                                           "network connection and the address in Settings.")
            .arg(transportError());
    case Error::TooLarge:
        return QCoreApplication::translate("Eligibility",
                                           "The clearinghouse answer is larger than %1 MB, which "
                                           "is not a 271 for one patient. Check the "
                                           "clearinghouse address in Settings.")
            .arg(maxResponseBytes / (1024 * 1024));
    case Error::InvalidRequest:
        return QCoreApplication::translate("Eligibility",
                                           "The clearinghouse address (%1) cannot be used. Check "
                                           "the clearinghouse address in Settings.")
            .arg(hostName());
    case Error::InvalidResponse:
        return QCoreApplication::translate("Eligibility",
                                           "The clearinghouse answer is not valid HTTP. Check the "
                                           "clearinghouse address in Settings.");
    default:
        return HttpJob::errorText(error);
    }
}

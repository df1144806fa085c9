// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/domain/verification.h"

#include <QCoreApplication>

namespace {
struct StatusName
{
    VerificationStatus status;
    const char *key;
};
constexpr StatusName statusNames[] = {
    {VerificationStatus::Pending, "pending"}, {VerificationStatus::Verified, "verified"},
    {VerificationStatus::Failed, "failed"},   {VerificationStatus::ManualReview, "manual_review"},
    {VerificationStatus::Expired, "expired"},
};

struct ErrorName
{
    VerificationError error;
    const char *key;
};
constexpr ErrorName errorNames[] = {
    {VerificationError::None, "none"},
    {VerificationError::Rejected, "rejected"},
    {VerificationError::Timeout, "timeout"},
    {VerificationError::ServerError, "server_error"},
    {VerificationError::HttpError, "http_error"},
    {VerificationError::NetworkError, "network_error"},
    {VerificationError::InvalidResponse, "invalid_response"},
    {VerificationError::InvalidRequest, "invalid_request"},
    {VerificationError::PayerBusy, "payer_busy"},
    {VerificationError::Cancelled, "cancelled"},
    {VerificationError::MismatchedAnswer, "mismatched_answer"},
    {VerificationError::StorageError, "storage_error"},
    {VerificationError::NotPermitted, "not_permitted"},
};
} // namespace

QString verificationStatusKey(VerificationStatus status)
{
    for (const auto &n : statusNames) {
        if (n.status == status)
            return QLatin1String(n.key);
    }
    return QStringLiteral("pending");
}

VerificationStatus verificationStatusFromKey(const QString &key)
{
    for (const auto &n : statusNames) {
        if (key == QLatin1String(n.key))
            return n.status;
    }
    return VerificationStatus::Pending;
}

QString verificationStatusText(VerificationStatus status)
{
    switch (status) {
    case VerificationStatus::Pending:
        return QCoreApplication::translate("Verification", "Pending");
    case VerificationStatus::Verified:
        return QCoreApplication::translate("Verification", "Verified");
    case VerificationStatus::Failed:
        return QCoreApplication::translate("Verification", "Failed");
    case VerificationStatus::ManualReview:
        return QCoreApplication::translate("Verification", "Needs review");
    case VerificationStatus::Expired:
        return QCoreApplication::translate("Verification", "Expired");
    }
    return {};
}

QString verificationErrorKey(VerificationError error)
{
    for (const auto &n : errorNames) {
        if (n.error == error)
            return QLatin1String(n.key);
    }
    return QStringLiteral("none");
}

VerificationError verificationErrorFromKey(const QString &key)
{
    for (const auto &n : errorNames) {
        if (key == QLatin1String(n.key))
            return n.error;
    }
    return VerificationError::None;
}

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/x12/eligibilityresult.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

//! Lifecycle of one eligibility verification; see services/eligibility/README.md.
enum class VerificationStatus { Pending, Verified, Failed, ManualReview, Expired };

QString verificationStatusKey(VerificationStatus status); // "pending", "verified", ...
VerificationStatus verificationStatusFromKey(const QString &key);
QString verificationStatusText(VerificationStatus status); // translated for display

//! Why a verification did not reach a payer answer (or what the answer said).
enum class VerificationError {
    None,
    Rejected,        // the payer answered with AAA (invalid member id, not found ...)
    Timeout,         // no answer within the timeout
    ServerError,     // HTTP 5xx from the clearinghouse
    HttpError,       // other HTTP status
    NetworkError,    // connection refused, DNS, TLS ...
    InvalidResponse, // the 271 could not be read
    InvalidRequest,  // the coverage lacks what a 270 needs
    PayerBusy,       // the payer answered AAA 42/80 (unable to respond now) on every try
    Cancelled,
    MismatchedAnswer, // the 271 answers another request (trace, payer or member differ)
    StorageError,     // the local database refused to read or save the attempt
    NotPermitted,     // the signed-in person's role may not verify (nothing was stored or sent)
};

QString verificationErrorKey(VerificationError error);
VerificationError verificationErrorFromKey(const QString &key);

//! One verification attempt, stored with everything that happened.
struct Verification
{
    qint64 id = 0;
    qint64 coverageId = 0;
    qint64 patientId = 0;
    VerificationStatus status = VerificationStatus::Pending;
    VerificationError error = VerificationError::None;
    QString errorMessage;                    // plain language, shown to the clerk
    QByteArray request;                      // raw 270
    QByteArray response;                     // raw 271 (or the HTTP body of an error)
    std::optional<EligibilityResult> result; // parsed 271
    QStringList aaaCodes;                    // every AAA03 in the response
    QString traceNumber;                     // our TRN02
    QString serviceTypes;                    // EQ01 sent, repetitions joined with ','
    QDate serviceDate;                       // DTP*291 sent
    int durationMs = 0;                      // total over all tries
    int attempts = 0;                        // HTTP tries made (automatic retries included)
    QString user;
    QDateTime requestedAt; // UTC
    QDateTime completedAt; // UTC, null while pending
    qint64 retryOf = 0;    // id of the verification this one retried, 0 if none

    bool isRetryable() const
    {
        // Any failure can be tried again by hand; a rejection usually after fixing the coverage.
        return status == VerificationStatus::Failed;
    }
    bool operator==(const Verification &) const = default;
};

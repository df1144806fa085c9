// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/verification.h"
#include "services/x12/eligibilityrequest.h"

#include <QDate>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>

class ClearinghouseJob;
class EligibilityService;

struct VerifyOptions
{
    bool force = false;       // ignore a verification younger than 24 h
    QDate serviceDate;        // DTP*291; today when null
    QStringList serviceTypes; // EQ01; {"30"} when empty
    qint64 retryOf = 0;       // set by EligibilityService::retry
};

//! Verifies one coverage: 270 → clearinghouse → 271, with automatic retries of transient
//! failures, storing every step. Created and started by EligibilityService; deletes itself
//! after finished().
class VerificationJob : public QObject
{
    Q_OBJECT
public:
    qint64 coverageId() const { return m_coverageId; }
    //! The stored verification (the reused one when wasReused()).
    const Verification &verification() const { return m_verification; }
    bool wasReused() const { return m_reused; }
    bool wasCancelled() const { return m_cancelled; }
    void cancel();

Q_SIGNALS:
    //! The row exists (pending) and the first request is about to go out.
    void started(qint64 verificationId);
    void finished();

private:
    friend class EligibilityService;
    VerificationJob(EligibilityService *service, qint64 coverageId, VerifyOptions options);

    void run();
    void sendTry();
    void onTryFinished();
    bool scheduleRetry();
    void complete();
    void fail(VerificationError error, const QString &message);

    EligibilityService *m_service;
    qint64 m_coverageId;
    VerifyOptions m_options;
    Verification m_verification;
    EligibilityRequest m_requestTemplate;
    QPointer<ClearinghouseJob> m_try;
    QTimer m_backoff;
    bool m_reused = false;
    bool m_cancelled = false;
    bool m_done = false;
    // what we sent, to spot demographic corrections in the answer
    QString m_sentFirst;
    QString m_sentLast;
    QDate m_sentDob;
};

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/common/job.h"
#include "services/common/retrypolicy.h"
#include "services/domain/coverage.h"
#include "services/domain/patient.h"
#include "services/domain/verification.h"
#include "services/eligibility/eligibilitysettings.h"
#include "services/eligibility/scheduleentry.h"
#include "services/store/storeerror.h"
#include "services/x12/eligibilityrequest.h"

#include <QDate>
#include <QElapsedTimer>
#include <QPointer>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <memory>

class AccessControl;
class ClearinghouseJob;
class QNetworkAccessManager;
class Store;

struct VerifyOptions
{
    bool force = false;       // ask again even when a recent answer exists
    QDate serviceDate;        // DTP*291; today when null
    QStringList serviceTypes; // EQ01; {"30"} when empty
    qint64 retryOf = 0;       // a manual retry of that attempt: its date and types, forced
};

//! Interchange control numbers (ISA13/GS06/ST02) for the 270s of one desk, in sequence.
class ControlNumbers
{
public:
    ControlNumbers();
    int next();

private:
    int m_last;
};

//! What a verification job is given by its service (it reaches nothing else).
struct VerificationContext
{
    Store *store = nullptr;
    QNetworkAccessManager *network = nullptr;
    EligibilitySettings settings;
    std::function<QDateTime()> clock;
    std::shared_ptr<ControlNumbers> controlNumbers;
    //! Who may verify (EligibilityRun); none: anyone (tests of the job alone).
    const AccessControl *access = nullptr;
};

/*!
  Verifies one coverage: 270 → clearinghouse → 271, with automatic retries of transient
  failures under a RetryPolicy, storing every step (the pending row exists before anything is
  sent). The 271 is parsed and matched to the request off the UI thread; an answer that does
  not match (trace number, payer, member) is never verified. A Job: start(), cancel(),
  finished(); it deletes itself afterwards.
 */
class VerificationJob : public Job
{
    Q_OBJECT
public:
    VerificationJob(VerificationContext context, qint64 coverageId, VerifyOptions options,
                    QObject *parent = nullptr);
    ~VerificationJob() override;

    qint64 coverageId() const { return m_coverageId; }
    //! The stored verification (the reused one when wasReused()). When the job could not even
    //! store its attempt, status Failed with the reason and id 0.
    const Verification &verification() const { return m_verification; }
    VerificationOutcome outcome() const;
    bool wasReused() const { return m_reused; }
    //! The payer's answer is in and being stored: a cancel now would not undo it.
    bool isSavingOutcome() const { return m_completing; }

Q_SIGNALS:
    //! The pending row is stored and the first request is about to go out.
    void verificationStarted(const Verification &pending);
    //! The attempt is finished and stored (also when cancelled after it was stored).
    void verificationFinished(const Verification &verification);
    //! A request is going out: try `tryNumber` (1 for the first) of at most `maxTries`.
    void tryStarted(const Verification &pending, int tryNumber, int maxTries);

protected:
    void doStart() override;
    void doCancel() override;

private:
    struct Loaded;
    struct Shared;
    struct Parsed;
    void onLoaded(const Loaded &loaded);
    void onStored(const StoreResult<Verification> &stored);
    void sendTry();
    void onTryFinished();
    void onParsed(Parsed parsed);
    bool retryLater(Job::Error error, std::optional<RetryPolicy::Ms> retryAfter = std::nullopt);
    void fail(VerificationError error, const QString &message);
    void complete();
    void end(Job::Error error, const QString &message);

    VerificationContext m_context;
    RetryPolicy m_policy;
    qint64 m_coverageId;
    VerifyOptions m_options;
    Verification m_verification;
    Patient m_patient;
    Coverage m_coverage;
    EligibilityRequest m_request;
    QPointer<ClearinghouseJob> m_try;
    QTimer m_backoff;
    QElapsedTimer m_sinceFirstTry;
    std::shared_ptr<Shared> m_shared;
    bool m_reused = false;
    bool m_completing = false;
};

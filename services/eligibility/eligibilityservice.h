// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/verification.h"
#include "services/eligibility/actionitem.h"
#include "services/eligibility/collecttoday.h"
#include "services/eligibility/eligibilitysettings.h"
#include "services/eligibility/scheduleentry.h"
#include "services/eligibility/verificationjob.h"
#include "services/eligibility/verificationstats.h"
#include "services/store/audittrail.h"
#include "services/store/storeerror.h"
#include "services/store/verificationrepository.h"

#include <QDateTime>
#include <QFuture>
#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class AccessControl;
class BatchVerification;
class QNetworkAccessManager;
class Store;

/*!
  Real-time insurance eligibility: verify one coverage, all of a patient's coverages, a day's
  schedule; retry; the latest answers, history, schedule and statistics. Every read and write
  runs on the store's worker threads and comes back as a QFuture (see Async::whenReady); the
  UI thread never waits for the database or the network.

  State machine of a verification (see services/eligibility/README.md):
  pending → verified       the payer answered; coverage active or inactive
  pending → manual_review  the payer names another primary payer or corrects demographics
  pending → failed         AAA rejection (reason + what to fix), an answer to another request,
                           or transient failures (timeout, 5xx, network, AAA 42/80) after the
                           retry policy's tries; any failure can be retried by hand
  verified/manual_review → expired   older than maxAgeDays, or an active coverage past its end
 */
class EligibilityService : public QObject
{
    Q_OBJECT
public:
    EligibilityService(Store *store, QNetworkAccessManager *network, EligibilitySettings settings,
                       QObject *parent = nullptr);
    ~EligibilityService() override;

    const EligibilitySettings &settings() const { return m_settings; }
    void setSettings(const EligibilitySettings &settings) { m_settings = settings; }
    //! Verifying needs Permission::EligibilityRun: jobs and batches of a role without it end
    //! NotPermitted before anything is stored or sent. None set: not checked (tests).
    void setAccessControl(const AccessControl *access) { m_access = access; }
    //! Empty when the signed-in person may verify; else why not (translated).
    QString verifyRefusal() const;
    //! Tests move time; production uses the system clock (UTC).
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }
    QDateTime now() const { return m_clock(); }

    //! A job verifying one coverage; it starts on the next event-loop turn, so connect first.
    VerificationJob *verify(qint64 coverageId, const VerifyOptions &options = {});
    //! A new attempt for a failed verification (forced, same service date and types).
    VerificationJob *retry(qint64 verificationId);
    //! Stops the verification running for a coverage (it finishes as cancelled, which is not
    //! an answer); false when none is running.
    bool cancelVerification(qint64 coverageId);
    //! True while a verification of the coverage is stored as pending and not finished.
    bool isVerifying(qint64 coverageId) const;
    //! Verifies the given coverages, eight at a time; not started (connect, then start()).
    BatchVerification *verifyCoverages(const QList<qint64> &coverageIds,
                                       const VerifyOptions &options = {});
    //! Verifies every active coverage of a patient (primary, secondary, tertiary); not started.
    BatchVerification *verifyPatient(qint64 patientId, const VerifyOptions &options = {});
    //! Verifies every active coverage of a day's appointments (the date is the service date).
    BatchVerification *verifyDay(const QDate &day, const VerifyOptions &options = {});

    //! The status as of now: verified/manual_review become expired with age or coverage end.
    VerificationStatus effectiveStatus(const Verification &verification) const;
    //! The latest answer for a coverage (cancelled attempts skipped), effective status applied.
    QFuture<StoreResult<std::optional<Verification>>> latest(qint64 coverageId) const;
    //! A patient's coverages (active first, then by order) each with its latest answer
    //! (audited: coverage.view).
    QFuture<StoreResult<QList<CoverageStatus>>> coverageStatuses(qint64 patientId) const;
    //! Every attempt of a coverage, newest first (audited: coverage.history).
    QFuture<StoreResult<QList<Verification>>> history(qint64 coverageId) const;
    //! A day's appointments with patient, primary coverage and latest answer (audited).
    QFuture<StoreResult<QList<ScheduleEntry>>> schedule(const QDate &day) const;
    /*!
      What needs the front desk's action today: the patients on today's and tomorrow's schedule
      (local days of now()) whose primary coverage is rejected, could not be verified, inactive,
      needs review, expired or not verified (see ActionItem), one per patient at their next
      visit, soonest first; cancelled visits are left out (audited: schedule.actions).
     */
    QFuture<StoreResult<QList<ActionItem>>> needingAction() const;
    //! The active coverages of a day's appointments, each once.
    QFuture<StoreResult<QList<qint64>>> coveragesForDay(const QDate &day) const;
    //! The coverages with their patients, in the given order (those that exist), to name
    //! what a batch verifies (audited: coverage.list).
    QFuture<StoreResult<QList<CoverageSubject>>>
    coverageSubjects(const QList<qint64> &coverageIds) const;
    //! The active coverages of a patient.
    QFuture<StoreResult<QList<qint64>>> activeCoverages(qint64 patientId) const;
    //! Key figures of a period, computed in SQL (no PHI).
    QFuture<StoreResult<VerificationStats>> statistics(StatsPeriod period) const;
    //! The newest attempts of a period with names (audited: verification.activity).
    QFuture<StoreResult<QList<VerificationActivity>>> recentActivity(StatsPeriod period,
                                                                     int limit) const;
    //! One attempt with names, for a live update of a list.
    QFuture<StoreResult<std::optional<VerificationActivity>>> activity(qint64 verificationId) const;

    /*!
      The visit the patient is here for today: the next of today's visits (local day) that has
      not ended by now, else the last one of the day; none when nothing is booked today.
      Cancelled visits are left out. Audited as appointment.view of the patient.
     */
    QFuture<StoreResult<std::optional<Appointment>>> visitToday(qint64 patientId) const;
    //! The rule of visitToday() over a patient's visits from the start of today, in order.
    static std::optional<Appointment> visitOfDay(const QList<Appointment> &visits,
                                                 const QDateTime &now);
    //! What to collect at check-in for a visit type, from the clinic's visit fees.
    CollectToday collectToday(const std::optional<EligibilityResult> &result,
                              const QString &visitType) const;
    CollectTodayCalculator collectCalculator() const;

    //! Writes the expired status to stale rows; how many. Maintenance only: every read already
    //! applies expiry, so nothing depends on it having run.
    QFuture<StoreResult<int>> expireStale();
    //! Closes attempts left pending by a crash or a kill (at start-up): they become failed and
    //! retryable, so nothing is lost and nothing stays "checking" forever. How many.
    QFuture<StoreResult<int>> recoverInterrupted();

Q_SIGNALS:
    void verificationStarted(const Verification &pending);
    void verificationFinished(const Verification &verification);
    //! A running verification sends request `tryNumber` of at most `maxTries` (retries of
    //! timeouts, 5xx and busy payers are automatic).
    void verificationTryStarted(const Verification &pending, int tryNumber, int maxTries);

private:
    VerificationContext context() const;
    //! Passes the job's signals on and keeps it findable by coverage while it runs.
    void track(VerificationJob *job);
    AuditTrail audit() const { return AuditTrail(m_store, m_settings.user); }

    Store *m_store;
    QNetworkAccessManager *m_network;
    EligibilitySettings m_settings;
    std::function<QDateTime()> m_clock;
    std::shared_ptr<ControlNumbers> m_controlNumbers;
    const AccessControl *m_access = nullptr;
    QHash<qint64, QPointer<VerificationJob>> m_running; // by coverage id
};

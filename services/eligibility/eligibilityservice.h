// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/coverage.h"
#include "services/domain/patient.h"
#include "services/domain/verification.h"
#include "services/eligibility/eligibilitysettings.h"
#include "services/eligibility/verificationjob.h"
#include "services/store/appointmentrepository.h"
#include "services/store/auditlog.h"
#include "services/store/coveragerepository.h"
#include "services/store/patientrepository.h"
#include "services/store/verificationrepository.h"

#include <QDateTime>
#include <QObject>

#include <functional>

class QNetworkAccessManager;

/*!
  Real-time insurance eligibility: verify one coverage, all of a patient's coverages, retry.

  State machine of a verification (see services/eligibility/README.md):
  pending → verified       the payer answered; coverage active or inactive
  pending → manual_review  the payer names another primary payer or corrects demographics
  pending → failed         AAA rejection (reason + what to fix), or transient failures
                           (timeout, 5xx, network, AAA 42/80) after maxTries automatic tries;
                           transient failures can be retried by hand (a new attempt)
  verified/manual_review → expired   older than maxAgeDays, or an active coverage past its end
 */
class EligibilityService : public QObject
{
    Q_OBJECT
public:
    EligibilityService(QNetworkAccessManager *network, const QString &connectionName,
                       EligibilitySettings settings, QObject *parent = nullptr);

    const EligibilitySettings &settings() const { return m_settings; }
    void setSettings(const EligibilitySettings &settings) { m_settings = settings; }
    //! Tests move time; production uses the system clock (UTC).
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }
    QDateTime now() const { return m_clock(); }

    //! Starts verifying a coverage. The job starts on the next event-loop turn, so connect first.
    VerificationJob *verify(qint64 coverageId, const VerifyOptions &options = {});
    //! Verifies every active coverage of a patient (primary, secondary, tertiary) at once.
    QList<VerificationJob *> verifyPatient(qint64 patientId, const VerifyOptions &options = {});
    //! A new attempt for a failed verification (forced, same service date and types).
    VerificationJob *retry(qint64 verificationId);

    //! The status as of now: verified/manual_review become expired with age or coverage end.
    VerificationStatus effectiveStatus(const Verification &verification) const;
    //! The latest attempt for a coverage with its effective status applied.
    std::optional<Verification> latest(qint64 coverageId) const;
    //! latest() for many coverages in one query (the schedule, the day sheet); without raw X12.
    QHash<qint64, Verification> latestFor(const QList<qint64> &coverageIds) const;
    QList<Verification> history(qint64 coverageId) const;
    //! Writes the expired status to stale rows; returns how many.
    int expireStale();
    //! Closes attempts left pending by a crash or a kill (at start-up): they become failed and
    //! retryable, so nothing is lost and nothing stays "checking" forever. Returns how many.
    int recoverInterrupted();

    //! Coverages to verify for a day's schedule: each appointment's patient's active coverages.
    QList<qint64> coveragesForDay(const QDate &day) const;

    PatientRepository &patients() { return m_patients; }
    CoverageRepository &coverages() { return m_coverages; }
    VerificationRepository &verifications() { return m_verifications; }
    AppointmentRepository &appointments() { return m_appointments; }
    AuditLog &audit() { return m_audit; }
    const PatientRepository &patients() const { return m_patients; }
    const CoverageRepository &coverages() const { return m_coverages; }
    const VerificationRepository &verifications() const { return m_verifications; }
    const AppointmentRepository &appointments() const { return m_appointments; }

Q_SIGNALS:
    void verificationStarted(qint64 coverageId, qint64 verificationId);
    void verificationFinished(const Verification &verification);

private:
    friend class VerificationJob;
    int nextControlNumber();

    QNetworkAccessManager *m_network;
    EligibilitySettings m_settings;
    PatientRepository m_patients;
    CoverageRepository m_coverages;
    VerificationRepository m_verifications;
    AppointmentRepository m_appointments;
    AuditLog m_audit;
    std::function<QDateTime()> m_clock;
    int m_controlNumber = 0;
};

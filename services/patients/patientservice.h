// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/coverage.h"
#include "services/domain/patient.h"
#include "services/domain/patientmerge.h"
#include "services/patients/duplicatecandidate.h"
#include "services/store/audittrail.h"
#include "services/store/patientrepository.h"
#include "services/store/storeerror.h"

#include <QDateTime>
#include <QFuture>
#include <QObject>

#include <atomic>
#include <memory>
#include <optional>

class AccessControl;
class Store;

//! Lets the caller stop a search it no longer needs (the clerk typed on): set it to true.
using SearchCancellation = std::shared_ptr<std::atomic_bool>;

/*!
  Patients and their insurance coverages: search as you type, open, register, edit, coverages
  and payers. Every read and write of PHI runs on the store's worker threads, comes back as a
  QFuture, and is audited here (user, action, entity id; never PHI values). An audit record
  that cannot be written fails the operation: nothing is shown or changed unrecorded. Duplicate
  checks on registration and edit, and merging two charts of one person.
 */
class PatientService : public QObject
{
    Q_OBJECT
public:
    PatientService(Store *store, QString user, QObject *parent = nullptr);

    const QString &user() const { return m_user; }
    //! Registering, editing and merging patients and their coverages needs
    //! Permission::PatientsEdit, which the service checks itself. None set: not checked (tests).
    void setAccessControl(const AccessControl *access) { m_access = access; }

    //! One page of a search in name order (see PatientRepository::search). Audited as
    //! patient.search, once a minute while the clerk searches (the first search of a minute
    //! waits for its record and fails without it); a cancelled search ends early and its
    //! result is of no use.
    QFuture<StoreResult<PatientSearchResult>> search(const QString &text, int limit,
                                                     const std::optional<PatientCursor> &after = {},
                                                     SearchCancellation cancellation = {});

    static constexpr int searchAuditSeconds = 60;
    //! Opens a patient's record (audited as patient.view); an error when there is none.
    QFuture<StoreResult<Patient>> open(qint64 patientId) const;
    //! Registers a new patient (audited as patient.create, in the same transaction).
    QFuture<StoreResult<Patient>> registerPatient(const Patient &patient);
    //! Saves changes to a patient (audited as patient.edit).
    QFuture<StoreResult<Patient>> updatePatient(const Patient &patient);

    /*!
      Stored patients who may be the same person as `patient` (being registered, or edited
      when its id is set: it is left out), possible and likely duplicates only, best first (see
      DuplicateScorer). Reads one block of the date-of-birth index, whatever the size of the
      registry. Audited as patient.duplicates (the candidates are shown).
     */
    QFuture<StoreResult<QList<DuplicateCandidate>>> findDuplicates(const Patient &patient) const;
    //! What merging `mergeId` into `keepId` would move, changing nothing; an error when the two
    //! cannot be merged.
    QFuture<StoreResult<PatientMerge>> previewMerge(qint64 keepId, qint64 mergeId) const;
    /*!
      Merges the chart of `mergeId` into `keepId` in one transaction: coverages, verifications,
      appointments and claims move to the kept patient, the merged one is hidden from search and
      duplicate checks, and the merge is recorded (patient_merges, and patient.merge in the
      audit trail for both ids). Only for a person's explicit decision: nothing merges on its
      own. Emits patientsMerged() once stored.
     */
    QFuture<StoreResult<PatientMerge>> mergePatients(qint64 keepId, qint64 mergeId,
                                                     const QString &reason);

    //! A patient's coverages, active first, then primary, secondary, tertiary.
    QFuture<StoreResult<QList<Coverage>>> coverages(qint64 patientId) const;
    //! Adds or changes a coverage (audited as coverage.create or coverage.edit).
    QFuture<StoreResult<Coverage>> saveCoverage(const Coverage &coverage);
    /*!
      Adds a coverage with a payer that is not in the payer list yet (one named by a 271 for
      coordination of benefits): the payer is added and the coverage saved in one transaction
      (audited as payer.create and coverage.create).
     */
    QFuture<StoreResult<Coverage>> addCoverageWithPayer(const Coverage &coverage,
                                                        const Payer &payer);
    /*!
      Puts a patient's active coverages in this order: the first becomes primary, the next
      secondary, then tertiary; active coverages not listed follow in their present order
      (audited as coverage.reorder). Every id must be a coverage of the patient. Returns the
      coverages in their new order; coverageSaved() follows for each one that changed.
     */
    QFuture<StoreResult<QList<Coverage>>> reorderCoverages(qint64 patientId,
                                                           const QList<qint64> &coverageIds);
    /*!
      Saves the group number and plan name the payer returned onto a coverage (audited as
      coverage.edit); the other fields stay as stored.
     */
    QFuture<StoreResult<Coverage>> saveGroupAndPlan(qint64 coverageId, const QString &groupNumber,
                                                    const QString &planName);
    //! The payers eligibility requests can go to, by name.
    QFuture<StoreResult<QList<Payer>>> payers() const;

    //! Another desk changed the patient with `mrn` (the live feed applied it): reads the record
    //! and tells the screens, as if it had been saved here.
    void showRemoteChange(const QString &mrn, const QString &device);

Q_SIGNALS:
    //! A patient was registered or changed (lists update that row).
    void patientSaved(const Patient &patient);
    //! Another desk registered or edited this patient (after patientSaved).
    void patientChangedElsewhere(const Patient &patient, const QString &device);
    void coverageSaved(const Coverage &coverage);
    //! The chart of `mergedId` was merged into `keptId` (lists drop the merged patient).
    void patientsMerged(qint64 keptId, qint64 mergedId);

private:
    QString editRefusal() const;
    AuditTrail audit() const { return AuditTrail(m_store, m_user); }
    QFuture<StoreResult<Patient>> savePatient(const Patient &patient, const QString &action);

    Store *m_store;
    QString m_user;
    const AccessControl *m_access = nullptr;
    QDateTime m_searchRecordedAt; // when a patient.search record was last written
};

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/claims/claimpreparer.h"
#include "services/claims/claimvalidator.h"
#include "services/domain/claim.h"
#include "services/domain/coverage.h"
#include "services/domain/payorjson.h"

#include <QDialog>

#include <memory>

class ClaimDiagnosesModel;
class ClaimLinesModel;
class ClaimService;
class PatientSearchModel;
class PatientService;
class QCompleter;
class QTimer;
namespace Ui {
class ClaimFormDialog;
}

/*!
  The biller's claim form: patient and coverage, the claim's header, its diagnoses and service
  lines. Every edit runs the ClaimValidator (pure and quick), and each issue shows on its field:
  a tinted cell with a tooltip in the tables, a red or amber border and a line under the header
  fields, and all of them in the list at the bottom. Save Draft stores the claim as it is;
  Submit, enabled once no error remains, queues it for the payor (coverage not verified for the
  date of service needs a reason, recorded with the claim). While the store works the buttons
  wait; a failure is shown in the dialog with the form untouched. Accepted once stored.

  Start it with one of startForPatient(), startForVisit() or editClaim(); without any, the
  biller picks the patient first. loaded() says when what a start reads has arrived.
 */
class ClaimFormDialog : public QDialog
{
    Q_OBJECT
public:
    //! Quiet time after typing in the patient field before the search runs.
    static constexpr int patientSearchDelayMs = 200;

    /*!
      `provider` is who claims are sent for at the payor (queue()); `timelyFilingDays` the
      validator's limit; `user` is recorded as who overrode an unverified coverage.
     */
    ClaimFormDialog(ClaimService *claims, ClaimPreparer *preparer, PatientService *patients,
                    const PayorJson::Provider &provider, int timelyFilingDays,
                    const QString &user, QWidget *parent = nullptr);
    ~ClaimFormDialog() override;

    //! A new claim for the patient, dated `dateOfService` (today when null): coverages, the
    //! clinic as provider. What is already typed in the tables stays.
    void startForPatient(qint64 patientId, const QDate &dateOfService = {});
    //! New Claim from Visit: patient, date of service and the visit type as notes, prefilled.
    void startForVisit(qint64 appointmentId);
    /*!
      Opens a stored draft (or a claim in error) to change and send, or a claim made with
      claimFollowing(): a correction (frequency 7) says which claim it replaces and keeps its
      frequency and replacesClaimId; its patient cannot be changed.
     */
    void editClaim(const Claim &claim);

    //! The claim as the form has it now (what Save Draft would store).
    Claim claim() const;
    //! The claim as stored, after claimSaved() or claimQueued().
    const Claim &storedClaim() const { return m_stored; }
    //! What the last validation found, in the form's order (typed text that cannot be read
    //! first, then the validator's).
    const QList<ClaimIssue> &issues() const { return m_issues; }
    //! What the last eligibility answer says about the coverage on the date of service.
    ClaimValidator::Coverage coverageState() const { return m_checkData.coverage; }
    bool isLoading() const { return m_pending > 0; }
    bool isBusy() const { return m_busy; }
    bool canSubmit() const;

    //! Stores the claim as a draft (ClaimService::saveDraft); accepted once stored.
    void saveDraft();
    //! Validates and queues the claim for the payor; accepted once queued.
    void submit();

    //! While saving, the dialog stays (the claim would be lost from view otherwise).
    void reject() override;

Q_SIGNALS:
    //! Everything the last start or change of patient, coverage or date read has arrived.
    void loaded();
    //! Reading the patient, visit or check data failed; the message is shown in the dialog.
    void loadFailed(const QString &error);
    void claimSaved(const Claim &claim);
    void claimQueued(const Claim &claim);
    //! Saving or queueing failed; the message is shown and the form kept as it was.
    void saveFailed(const QString &error);

private:
    void setUpHeader();
    void setUpPatientPicker();
    void setUpTables();
    void showPatient();
    void fillCoverages();
    void fillForm(const Claim &claim);
    void applyStart(const StoreResult<ClaimStart> &start, bool keepTyped);
    void coverageChosen(int index);
    void refreshCheckData();
    void beginLoad();
    void endLoad();
    void showLoadError(const QString &error);
    void showCorrection();
    void revalidate();
    void showIssues();
    QWidget *headerField(const QString &field) const;
    void focusIssue(const QString &field);
    void addDiagnosis();
    void removeDiagnosis();
    void addLine();
    void removeLine();
    void updateTotal();
    void updateButtons();
    void setBusy(const QString &text);
    void finishSave(const StoreResult<Claim> &result, bool queued);

    std::unique_ptr<Ui::ClaimFormDialog> m_ui;
    ClaimService *m_claims;
    ClaimPreparer *m_preparer;
    PatientService *m_patients;
    PayorJson::Provider m_provider;
    int m_timelyFilingDays;
    QString m_user;

    ClaimDiagnosesModel *m_diagnoses;
    ClaimLinesModel *m_lines;
    PatientSearchModel *m_patientSearch;
    QCompleter *m_completer;
    QTimer *m_searchTimer;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_submitButton = nullptr;

    Claim m_claim; // what the form does not show: ids, patient, coverage, status, frequency
    Claim m_stored;
    QList<Coverage> m_coverages;
    ClaimCheckData m_checkData;
    bool m_hasCheckData = false;
    quint64 m_checkGeneration = 0;
    quint64 m_startGeneration = 0;
    QString m_replacedText;
    QList<ClaimIssue> m_issues;
    int m_pending = 0;
    bool m_busy = false;
    bool m_filling = false; // the form is being filled: no validation per field
};

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/appointment.h"
#include "services/domain/coverage.h"
#include "services/domain/patient.h"
#include "services/domain/verification.h"
#include "services/reports/reportdata.h"
#include "ui/deskenvironment.h"

#include <QWidget>

#include <functional>

class AppointmentModel;
class CoverageForm;
class CoverageModel;
class QLabel;
class QPushButton;
class QSplitter;
class QTableView;
class StatusPanel;
class VerificationHistoryModel;

/*!
  One patient: demographics, coverages (primary/secondary/tertiary), the Verify Insurance
  form, the status panel, the verification history with Retry, and the printed report.
  Everything is read through the services on the store's workers; the page fills in when the
  answers arrive, and says so when the database cannot be read.
 */
class PatientPage : public QWidget
{
    Q_OBJECT
public:
    PatientPage(const DeskEnvironment &environment, qint64 patientId, QWidget *parent = nullptr);

    qint64 patientId() const { return m_patientId; }
    //! False until the record is read (and opening it was recorded in the audit trail).
    bool isLoaded() const { return m_patient.id != 0; }
    //! Why the record could not be opened; empty when fine.
    QString errorString() const;
    const Patient &patient() const { return m_patient; }
    QString title() const;
    //! Puts the keyboard where the clerk starts: the coverages, or the member ID of a new one.
    void focusFirstField();

    CoverageForm *coverageForm() const { return m_form; }
    StatusPanel *statusPanel() const { return m_status; }
    CoverageModel *coverageModel() const { return m_coverages; }
    VerificationHistoryModel *historyModel() const { return m_history; }
    AppointmentModel *visitModel() const { return m_visits; }
    QTableView *visitView() const { return m_visitView; }

    void selectCoverage(qint64 coverageId);
    //! Verifies every active coverage of the patient in one action.
    void verifyAllCoverages();
    void retrySelectedAttempt();
    void verifyAgain();
    void printPreview();
    void printReport();
    void saveReportAsPdf();
    //! Books a visit for the patient (the appointment form; nothing is stored if it is closed).
    void bookVisit();
    //! Changes the selected upcoming visit: time, length, provider, type, notes.
    void rescheduleVisit();
    //! Asks for a reason and cancels the selected upcoming visit.
    void cancelVisit();
    //! The upcoming visit selected in the list; id 0 when none.
    Appointment selectedVisit() const;

Q_SIGNALS:
    void patientChanged(const Patient &patient);
    //! The clerk asked for the patient's outside medical history.
    void outsideRecordsRequested(qint64 patientId);
    //! The record was read (or could not be: see errorString()).
    void loaded();
    //! The clerk chose another patient's record from this one (a duplicate, or the record
    //! this one was merged into).
    void otherPatientChosen(qint64 patientId);

private:
    void showPatient();
    void setError(const QString &error);
    void fitCoverageColumns();
    void withReportData(std::function<void(const VerificationReportData &)> use);
    void onCoverageSelected();
    void onCoverageSaved(const Coverage &coverage);
    void onVerificationStarted(const Verification &pending);
    void onVerificationFinished(const Verification &verification);
    void showLatest();
    void updateButtons();
    //! Hides what the signed-in person's role may not use (nothing without AccessControl).
    void showWhatTheRoleMayUse();
    qint64 selectedCoverageId() const;
    // From the status panel: coordination of benefits and what the payer has on file.
    void addCoverageFromAnswer(const RelatedEntity &otherPayer);
    void reorderForPrimary(const RelatedEntity &otherPayer);
    void saveGroupAndPlan(qint64 coverageId, const QString &groupNumber, const QString &planName);
    //! The patient's coverage with the payer an answer names; -1 when none is on file.
    int rowOfPayer(const RelatedEntity &payer) const;

    DeskEnvironment m_env;
    qint64 m_patientId;
    qint64 m_selectAfterLoad = 0;
    bool m_coveragesFitted = false;
    bool m_addingFromAnswer = false; // the form holds a coverage offered by Add Coverage
    QSplitter *m_splitter = nullptr;
    Patient m_patient;
    QLabel *m_header;
    QLabel *m_error;
    QLabel *m_demographics;
    QTableView *m_coverageView;
    CoverageModel *m_coverages;
    CoverageForm *m_form;
    StatusPanel *m_status;
    QTableView *m_historyView;
    VerificationHistoryModel *m_history;
    QPushButton *m_retryButton;
    QPushButton *m_againButton;
    QPushButton *m_verifyAllButton;
    AppointmentModel *m_visits = nullptr;
    QTableView *m_visitView = nullptr;
    QLabel *m_visitState = nullptr;
    QPushButton *m_bookButton = nullptr;
    QPushButton *m_rescheduleButton = nullptr;
    QPushButton *m_cancelVisitButton = nullptr;
};

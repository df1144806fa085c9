// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/access/secretservice.h"
#include "ui/deskenvironment.h"

#include <QMainWindow>
#include <QHash>
#include <QPointer>

#include <functional>
#include <optional>

struct Claim;
struct DaySheetData;
struct PayorMapping;
struct Patient;

class ClaimDetailDialog;
class ClaimsPage;
class EventLogDialog;
class NotificationBanner;
class PatientPage;
class QSystemTrayIcon;
class PatientSearchModel;
class QAction;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTableView;
class QTimer;
class ScheduleModel;

/*!
  The front desk: patient search (as you type) and registration, the day's schedule with each
  appointment's verification status, batch verification, the dashboard, and one tab per open
  patient. A permanent TRAINING banner shows in training mode.
 */
class MedicalHistoryPage;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(const DeskEnvironment &environment, QWidget *parent = nullptr);
    ~MainWindow() override;

    //! Opens (or switches to) the patient's tab.
    PatientPage *openPatient(qint64 patientId);
    //! Opens (or switches to) the patient's outside records tab.
    //! The patient's medical history tab; for a role that may not read it, Emergency Access is
    //! asked first (null when it was not granted).
    MedicalHistoryPage *openMedicalHistory(qint64 patientId);
    //! Shows a stored outside document in the viewer (non-modal).
    void openOutsideDocument(qint64 documentId, const QString &title);
    void registerPatient();
    //! Register Patient prefilled from a search that found nobody ("Lopez, Maria 05/06/1990").
    void registerFromSearch(const QString &text);
    void verifySchedule();
    void printDaySheet();
    void saveDaySheetAsPdf();
    void showDashboard();
    void editSettings();
    //! File › Users… (administrators).
    void manageUsers();
    //! File > Database Check…: SQLite's check of the whole file, with progress.
    void checkDatabase();
    //! File > Print Preview… / Print… / Save as PDF…: the current patient's report, or on the
    //! front desk the day sheet.
    void previewCurrent();
    void printCurrent();
    void saveCurrentAsPdf();
    //! Help > Keyboard Shortcuts…
    void showKeyboardShortcuts();
    //! View › Event Log: the hub's events on this desk (non-modal).
    void showEventLog();
    //! View › Claims: the billers' dashboard.
    void showClaims();
    //! Claims › Open Claim: the claim's detail (non-modal, one per claim).
    ClaimDetailDialog *openClaim(qint64 claimId);
    /*!
      Claims › New Claim…: for the patient of the current tab (or selected in the search),
      else the form's own patient search. New Claim from Visit: for the visit selected in the
      schedule, prefilled from it.
     */
    void newClaim();
    void newClaimFromVisit();
    //! The claim form with `draft` (a draft to finish, or a correction).
    void editClaim(const Claim &draft);
    /*!
      Patients > Book Visit… / Reschedule Visit… / Cancel Visit…: on a patient's tab, for that
      patient and the visit selected in its list; on the front desk, for the visit selected in
      the schedule (booking: that visit's patient, else the patient selected in the search
      list, on the schedule's day).
     */
    void bookVisit();
    void rescheduleVisit();
    void cancelVisit();

    QLineEdit *searchField() const { return m_search; }
    QTableView *searchResults() const { return m_results; }
    QTableView *scheduleView() const { return m_schedule; }
    ScheduleModel *scheduleModel() const { return m_scheduleModel; }
    ClaimsPage *claimsPage() const { return m_claimsPage; }
    PatientSearchModel *searchModel() const { return m_searchModel; }
    QTabWidget *tabs() const { return m_tabs; }

Q_SIGNALS:
    //! File › Lock Screen (Ctrl+L): the person is leaving the desk now.
    void lockRequested();

private:
    //! Whether the signed-in person's role may (always, when the window has no AccessControl).
    bool allows(Permission permission) const;
    void followOtherDesks();
    //! `secrets`: the desk's keys from the encrypted database (none: the window has no
    //! SecretService, as in tests).
    void openSettings(const QList<PayorMapping> &mappings,
                      const std::optional<SecretService::Secrets> &secrets);
    void announce(const QString &message);
    QWidget *createFrontDesk();
    void createMenus();
    void createClaimsMenu();
    //! The patient the window is on: the current tab's, else the one selected in the search.
    qint64 currentPatientId() const;
    void runSearch();
    void setScheduleDay(const QDate &day);
    void withDaySheet(const std::function<void(const DaySheetData &)> &use);
    void showSearchState();
    void openRegistration(const Patient &draft);
    void updatePrintActions();
    PatientPage *currentPatientPage() const;
    //! The schedule's row the clerk is on (current, else the one selected); -1 when none.
    int selectedScheduleRow() const;

    DeskEnvironment m_env;
    QTabWidget *m_tabs;
    QLineEdit *m_search;
    QTimer *m_searchTimer;
    QTableView *m_results;
    QLabel *m_searchState;
    QWidget *m_noMatch; // "No patient matches …" with Register "…"…
    QLabel *m_noMatchLabel;
    QPushButton *m_registerTyped;
    PatientSearchModel *m_searchModel;
    QComboBox *m_dayChoice;
    QDateEdit *m_dayEdit;
    QTableView *m_schedule;
    QLabel *m_scheduleState;
    ScheduleModel *m_scheduleModel;
    QWidget *m_dashboard = nullptr;
    ClaimsPage *m_claimsPage = nullptr;
    QHash<qint64, QPointer<ClaimDetailDialog>> m_claimDialogs;
    QAction *m_previewAction = nullptr;
    QAction *m_printAction = nullptr;
    QAction *m_pdfAction = nullptr;
    QPushButton *m_scheduleRescheduleButton = nullptr;
    QPushButton *m_scheduleCancelButton = nullptr;
    NotificationBanner *m_notifications = nullptr;
    QPointer<EventLogDialog> m_eventLog;
    QSystemTrayIcon *m_tray = nullptr;
};

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/patient.h"

#include <QDialog>
#include <QSet>
#include <QTimer>

#include <memory>

class DuplicateCandidatesPanel;
class PatientService;
struct DuplicateCandidate;
namespace Ui {
class RegisterPatientDialog;
}

/*!
  Registers a new patient or edits one, with field validation and messages. Saving runs on
  the store's worker through the PatientService; the dialog closes once it is stored.

  As the names, date of birth and sex are typed (and when an edit opens), the patients who may
  be the same person are looked up and listed under the form with their score and reasons:
  Open closes the form for that record instead (patientToOpen()), Not the Same Person hides
  them, Merge… (editing only) merges the two records after a confirmation. Registering while
  a likely duplicate is listed asks once: the button becomes Register Anyway.
 */
class RegisterPatientDialog : public QDialog
{
    Q_OBJECT
public:
    RegisterPatientDialog(PatientService *patients, const Patient &patient = {},
                          QWidget *parent = nullptr);
    ~RegisterPatientDialog() override;

    /*!
      A new patient from what was typed into the patient search, to register someone the
      search did not find: "Lopez, Maria" (last, first) or "Maria Lopez" (first, last; one word
      is the last name), a date in the language's order as the date of birth. Other words
      (MRNs, member IDs, a year) are left out; all-lower-case names get capitals.
     */
    static Patient draftFromSearch(const QString &text);

    //! The saved patient (with its id) after accept().
    const Patient &patient() const { return m_patient; }
    //! Fills the form from typed values, validates; returns the messages (empty when valid).
    QStringList validate();
    bool isSaving() const { return m_saving; }

    //! Validates and saves; the dialog is accepted once the patient is stored.
    void accept() override;

    //! The patient the clerk chose to open instead (Open, or the record a merge kept); 0 when
    //! none. The dialog is rejected then.
    qint64 patientToOpen() const { return m_patientToOpen; }
    //! The possible duplicates listed now (none while hidden).
    QList<DuplicateCandidate> duplicates() const;

Q_SIGNALS:
    //! The save failed; the message is shown in the dialog.
    void saveFailed(const QString &error);
    //! A duplicate check for the form as typed finished (the list shows its answer).
    void duplicatesChecked();
    //! A merge started from this dialog was stored.
    void patientsMerged(qint64 keptId, qint64 mergedId);

private:
    Patient patientFromForm() const;
    //! What the duplicate check depends on, to tell whether the form changed since.
    QString lookupKey(const Patient &patient) const;
    void lookUpDuplicates();
    void showDuplicates(const QList<DuplicateCandidate> &candidates);
    void openInstead(qint64 patientId);
    void mergeWith(const Patient &other);
    void save();

    std::unique_ptr<Ui::RegisterPatientDialog> m_ui;
    PatientService *m_patients;
    Patient m_patient;
    bool m_saving = false;
    DuplicateCandidatesPanel *m_duplicates;
    QTimer m_lookupTimer;
    int m_lookupGeneration = 0;
    QString m_checkedKey;             // the form the list answers
    QSet<qint64> m_notSame;           // candidates the clerk said are someone else
    bool m_likelyConfirmed = false;   // Register Anyway was offered (asked once)
    bool m_saveAfterLookup = false;   // Register pressed before the check had answered
    qint64 m_patientToOpen = 0;
};

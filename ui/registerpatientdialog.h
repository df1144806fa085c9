// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/patient.h"

#include <QDialog>

#include <memory>

class PatientService;
namespace Ui {
class RegisterPatientDialog;
}

//! Registers a new patient or edits one, with field validation and messages. Saving runs on
//! the store's worker through the PatientService; the dialog closes once it is stored.
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

Q_SIGNALS:
    //! The save failed; the message is shown in the dialog.
    void saveFailed(const QString &error);

private:
    Patient patientFromForm() const;

    std::unique_ptr<Ui::RegisterPatientDialog> m_ui;
    PatientService *m_patients;
    Patient m_patient;
    bool m_saving = false;
};

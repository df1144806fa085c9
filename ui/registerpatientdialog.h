// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/patient.h"

#include <QDialog>

#include <memory>

class PatientRepository;
namespace Ui {
class RegisterPatientDialog;
}

//! Registers a new patient or edits one, with field validation and messages.
class RegisterPatientDialog : public QDialog
{
    Q_OBJECT
public:
    RegisterPatientDialog(PatientRepository *patients, const Patient &patient = {},
                          QWidget *parent = nullptr);
    ~RegisterPatientDialog() override;

    //! The saved patient (with its id) after accept().
    const Patient &patient() const { return m_patient; }
    //! Fills the form from typed values, validates; returns the messages (empty when valid).
    QStringList validate();

    void accept() override;

private:
    Patient patientFromForm() const;

    std::unique_ptr<Ui::RegisterPatientDialog> m_ui;
    PatientRepository *m_patients;
    Patient m_patient;
};

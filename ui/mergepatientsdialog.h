// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/patient.h"
#include "services/domain/patientmerge.h"

#include <QDialog>

class PatientService;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

/*!
  Confirms a merge of two records of one person: names both, lets the clerk choose which record
  is kept, says what moves (from PatientService::previewMerge) and asks for a reason. Merge runs
  through the service; the dialog is accepted once the merge is stored.
 */
class MergePatientsDialog : public QDialog
{
    Q_OBJECT
public:
    //! `current` is the record being edited, `other` the duplicate found for it.
    MergePatientsDialog(PatientService *patients, const Patient &current, const Patient &other,
                        QWidget *parent = nullptr);

    qint64 keptId() const;
    qint64 mergedId() const;
    //! The merge as stored, after accept().
    const PatientMerge &merge() const { return m_merge; }

    void accept() override;

Q_SIGNALS:
    //! The preview of what moves arrived (or failed: the message shows it).
    void previewShown();
    void mergeFailed(const QString &error);

private:
    void updatePreview();
    const Patient &kept() const;
    const Patient &merged() const;

    PatientService *m_patients;
    Patient m_current;
    Patient m_other;
    QRadioButton *m_keepCurrent;
    QRadioButton *m_keepOther;
    QLabel *m_summary;
    QLabel *m_moves;
    QLineEdit *m_reason;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    QPushButton *m_mergeButton = nullptr;
    PatientMerge m_merge;
    int m_previewGeneration = 0;
    bool m_previewOk = false;
    bool m_merging = false;
};

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/patient.h"

#include <QAbstractTableModel>
#include <QList>

class PatientRepository;

//! Patients matching the search text (name, DOB, MRN, member ID), for the search list.
class PatientSearchModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        DateOfBirthColumn,
        GenderColumn,
        MrnColumn,
        PhoneColumn,
        ColumnCount
    };

    explicit PatientSearchModel(const PatientRepository *patients, QObject *parent = nullptr);

    //! Runs the search; an empty text lists the first patients by name.
    void setSearchText(const QString &text);
    QString searchText() const { return m_text; }
    //! Re-reads one patient (after an edit) without resetting the list.
    void refreshPatient(qint64 patientId);
    Patient patientAt(int row) const { return m_patients.value(row); }
    int rowOfPatient(qint64 patientId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static constexpr int maxResults = 200;

private:
    const PatientRepository *m_repository;
    QString m_text;
    QList<Patient> m_patients;
};

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/patientsearchmodel.h"

#include "models/modelroles.h"
#include "services/eligibility/benefitsummary.h"
#include "services/store/patientrepository.h"

PatientSearchModel::PatientSearchModel(const PatientRepository *patients, QObject *parent)
    : QAbstractTableModel(parent)
    , m_repository(patients)
{
}

void PatientSearchModel::setSearchText(const QString &text)
{
    beginResetModel();
    m_text = text;
    m_patients = m_repository->search(text.trimmed(), maxResults);
    endResetModel();
}

void PatientSearchModel::refreshPatient(qint64 patientId)
{
    const int row = rowOfPatient(patientId);
    if (row < 0)
        return;
    if (const auto patient = m_repository->find(patientId)) {
        m_patients[row] = *patient;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

int PatientSearchModel::rowOfPatient(qint64 patientId) const
{
    for (int row = 0; row < m_patients.size(); ++row) {
        if (m_patients.at(row).id == patientId)
            return row;
    }
    return -1;
}

int PatientSearchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_patients.size());
}

int PatientSearchModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PatientSearchModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Patient &p = m_patients.at(index.row());
    if (role == ModelRoles::IdRole || role == ModelRoles::PatientIdRole)
        return p.id;
    if (role == ModelRoles::SortRole) {
        if (index.column() == DateOfBirthColumn)
            return p.dateOfBirth;
        return data(index, Qt::DisplayRole);
    }
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    switch (Column(index.column())) {
    case NameColumn:
        return p.displayName();
    case DateOfBirthColumn:
        return BenefitSummary::formatDate(p.dateOfBirth);
    case GenderColumn:
        return genderCode(p.gender);
    case MrnColumn:
        return p.mrn;
    case PhoneColumn:
        return p.phone;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant PatientSearchModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case NameColumn:
        return tr("Name");
    case DateOfBirthColumn:
        return tr("Date of Birth");
    case GenderColumn:
        return tr("Sex");
    case MrnColumn:
        return tr("MRN");
    case PhoneColumn:
        return tr("Phone");
    case ColumnCount:
        break;
    }
    return {};
}

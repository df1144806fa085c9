// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/patientsearchmodel.h"

#include "models/modelroles.h"
#include "services/common/async.h"
#include "services/eligibility/benefitsummary.h"

#include <QSet>

PatientSearchModel::PatientSearchModel(PatientService *patients, QObject *parent)
    : QAbstractTableModel(parent)
    , m_service(patients)
{
    connect(patients, &PatientService::patientSaved, this, &PatientSearchModel::onPatientSaved);
}

void PatientSearchModel::setSearchText(const QString &text)
{
    m_text = text;
    if (m_cancellation)
        m_cancellation->store(true); // the search before this one is of no use any more
    m_cancellation = std::make_shared<std::atomic_bool>(false);
    const quint64 generation = ++m_generation;
    m_searching = true;
    m_fetching = false;
    Async::whenReady(m_service->search(text, pageSize, std::nullopt, m_cancellation), this,
                     [this, generation](const StoreResult<PatientSearchResult> &page) {
                         if (generation != m_generation)
                             return; // an answer to an older text
                         m_searching = false;
                         beginResetModel();
                         if (page) {
                             m_patients = page->patients;
                             m_hasMore = page->hasMore;
                             m_next = page->next;
                         } else {
                             m_patients.clear();
                             m_hasMore = false;
                         }
                         endResetModel();
                         setError(page ? QString() : page.error());
                         Q_EMIT searchFinished();
                     });
}

bool PatientSearchModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_hasMore && !m_searching && !m_fetching;
}

void PatientSearchModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    m_fetching = true;
    const quint64 generation = m_generation;
    Async::whenReady(m_service->search(m_text, pageSize, m_next, m_cancellation), this,
                     [this, generation](const StoreResult<PatientSearchResult> &page) {
                         if (generation != m_generation)
                             return;
                         m_fetching = false;
                         if (!page) {
                             m_hasMore = false; // scrolling on would ask again and again
                             setError(page.error());
                             Q_EMIT pageFetched();
                             return;
                         }
                         QSet<qint64> shown;
                         shown.reserve(m_patients.size());
                         for (const Patient &patient : std::as_const(m_patients))
                             shown.insert(patient.id);
                         QList<Patient> fresh;
                         for (const Patient &patient : page->patients) {
                             if (!shown.contains(patient.id)) // registered meanwhile
                                 fresh.append(patient);
                         }
                         // Views ask canFetchMore()/fetchMore() while the rows go in: the
                         // cursor must already point past this page, or it is asked twice.
                         m_hasMore = page->hasMore;
                         m_next = page->next;
                         if (!fresh.isEmpty()) {
                             beginInsertRows({}, int(m_patients.size()),
                                             int(m_patients.size() + fresh.size()) - 1);
                             m_patients += fresh;
                             endInsertRows();
                         }
                         setError({});
                         Q_EMIT pageFetched();
                     });
}

void PatientSearchModel::onPatientSaved(const Patient &patient)
{
    const int row = rowOfPatient(patient.id);
    if (row < 0)
        return;
    m_patients[row] = patient;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void PatientSearchModel::setError(const QString &error)
{
    if (error == m_error)
        return;
    m_error = error;
    Q_EMIT errorChanged(error);
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

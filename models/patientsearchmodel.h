// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/patient.h"
#include "services/patients/patientservice.h"

#include <QAbstractTableModel>
#include <QList>

/*!
  Patients matching the search text (name, date of birth, MRN, member ID) in name order, a page
  at a time: views ask for more as they scroll (canFetchMore/fetchMore), so a million patients
  cost what one page costs. Searches run on the store's workers; a new text cancels the search
  before it, and an answer that arrives for an older text is dropped. A changed patient is
  updated in place (selection and scroll position stay).
 */
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

    explicit PatientSearchModel(PatientService *patients, QObject *parent = nullptr);

    //! Starts a search; an empty text lists every patient by name. Rows change when the first
    //! page arrives (searchFinished()).
    void setSearchText(const QString &text);
    QString searchText() const { return m_text; }
    bool isSearching() const { return m_searching; }
    //! Why the last search or page failed (the database busy or unreadable); empty when fine.
    QString errorString() const { return m_error; }
    //! The search for a text has answered: nobody (and no error). The front desk offers to
    //! register what was typed then.
    bool foundNobody() const
    {
        return !m_searching && m_error.isEmpty() && m_patients.isEmpty() &&
               !m_text.trimmed().isEmpty();
    }
    Patient patientAt(int row) const { return m_patients.value(row); }
    int rowOfPatient(qint64 patientId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    static constexpr int pageSize = 100;

Q_SIGNALS:
    //! The first page of the current search arrived, or it failed (see errorString()).
    void searchFinished();
    //! A page after the first arrived (or failed).
    void pageFetched();
    void errorChanged(const QString &error);

private:
    void onPatientSaved(const Patient &patient);
    void setError(const QString &error);

    PatientService *m_service;
    QString m_text;
    QList<Patient> m_patients;
    std::optional<PatientCursor> m_next;
    bool m_hasMore = false;
    bool m_searching = false;
    bool m_fetching = false;
    quint64 m_generation = 0;
    SearchCancellation m_cancellation;
    QString m_error;
};

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/eligibility/benefitsummary.h"
#include "services/eligibility/collecttoday.h"
#include "services/eligibility/scheduleentry.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QSet>

#include <optional>

class EligibilityService;
class PatientService;

/*!
  A day's appointments with each patient's primary coverage and its verification status. Read
  on the store's workers; follows verifications, patient edits and coverage changes live, row
  by row, without a reset (selection and scroll position stay).
 */
class ScheduleModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        PatientColumn,
        DateOfBirthColumn,
        ProviderColumn,
        VisitTypeColumn,
        InsuranceColumn,
        StatusColumn,
        CollectColumn, // what to collect at check-in (tooltip: how it was worked out)
        ColumnCount
    };

    ScheduleModel(EligibilityService *eligibility, PatientService *patients,
                  QObject *parent = nullptr);

    void setDay(const QDate &day);
    QDate day() const { return m_day; }
    //! Reads the day again; changed rows are updated in place.
    void reload();
    bool isLoading() const { return m_loading; }
    //! Why the schedule could not be read; empty when fine.
    QString errorString() const { return m_error; }
    const ScheduleEntry &entryAt(int row) const { return m_entries.at(row); }
    //! What to collect for a row's visit; none unless its primary coverage is ACTIVE.
    std::optional<CollectToday> collectAt(int row) const;
    //! Active coverages of the given rows (or every row), each once, for batch verification.
    QList<qint64> coverageIds(const QList<int> &rows = {}) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    //! The day was read (or could not be: see errorString()).
    void loaded();
    void errorChanged(const QString &error);

private:
    Verdict verdictAt(int row) const;
    void apply(const QList<ScheduleEntry> &entries);
    void onVerificationStarted(const Verification &pending);
    void onVerificationFinished(const Verification &verification);
    void onPatientSaved(const Patient &patient);
    void emitRowChanged(int row);

    EligibilityService *m_eligibility;
    QDate m_day;
    QList<ScheduleEntry> m_entries;
    QSet<qint64> m_pendingCoverages;
    quint64 m_generation = 0;
    bool m_loading = false;
    QString m_error;
};

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/reports/reportdata.h"

#include <QAbstractTableModel>
#include <QDate>

class EligibilityService;

//! A day's appointments with each patient's primary coverage and its verification status.
//! Follows verifications live: a started or finished verification updates its rows only.
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
        CopayColumn,
        ColumnCount
    };

    explicit ScheduleModel(EligibilityService *service, QObject *parent = nullptr);

    void setDay(const QDate &day);
    QDate day() const { return m_day; }
    void reload();
    const DaySheetData::Row &rowAt(int row) const { return m_data.rows.at(row); }
    //! Coverage IDs of the given rows (or every row), for batch verification.
    QList<qint64> coverageIds(const QList<int> &rows = {}) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void onVerificationStarted(qint64 coverageId, qint64 verificationId);
    void onVerificationFinished(const Verification &verification);
    void emitRowChanged(int row);

    EligibilityService *m_service;
    QDate m_day;
    DaySheetData m_data;
    QSet<qint64> m_pendingCoverages;
};

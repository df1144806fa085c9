// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/verification.h"
#include "services/eligibility/verificationstats.h"

#include <QAbstractTableModel>
#include <QHash>

class EligibilityService;

//! The newest verification attempts of a period (at most MaxRows), newest first, across all
//! patients; finished attempts appear or change live.
class RecentActivityModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        PatientColumn,
        PayerColumn,
        StatusColumn,
        DurationColumn,
        UserColumn,
        ReasonColumn,
        ColumnCount
    };

    static constexpr int MaxRows = 200;

    explicit RecentActivityModel(EligibilityService *service, QObject *parent = nullptr);

    void setPeriod(StatsPeriod period);
    StatsPeriod period() const { return m_period; }
    //! Reads the period again from the database (names and payers too).
    void reload();
    //! The attempt on \a row with its effective status applied.
    Verification verificationAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        Verification verification; // status is the effective status
        QString patientName;
        QString payerText;
    };

    void onVerificationFinished(const Verification &verification);
    Row makeRow(const Verification &verification);
    QString patientName(qint64 patientId);
    QString payerText(qint64 coverageId);
    QVariant displayData(const Row &row, int column) const;

    EligibilityService *m_service;
    StatsPeriod m_period = StatsPeriod::Today;
    QList<Row> m_rows;
    // One lookup per patient and coverage: a busy day repeats the same few hundred patients.
    QHash<qint64, QString> m_patientNames;
    QHash<qint64, QString> m_payerTexts;
};

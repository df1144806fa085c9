// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/eligibility/benefitsummary.h"

#include <QAbstractTableModel>

//! The benefits table of the status panel: copay, coinsurance, deductible and out-of-pocket
//! with remaining amounts, by network and level.
class BenefitsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        CategoryColumn,
        ServiceColumn,
        NetworkColumn,
        LevelColumn,
        AmountColumn,
        RemainingColumn,
        NotesColumn,
        ColumnCount
    };

    explicit BenefitsModel(QObject *parent = nullptr);

    void setResult(const std::optional<EligibilityResult> &result);
    BenefitRow rowAt(int row) const { return m_rows.value(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<BenefitRow> m_rows;
};

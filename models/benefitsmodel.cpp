// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/benefitsmodel.h"

#include "models/modelroles.h"

BenefitsModel::BenefitsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void BenefitsModel::setResult(const std::optional<EligibilityResult> &result)
{
    beginResetModel();
    m_rows = result ? BenefitSummary::rows(*result) : QList<BenefitRow>();
    endResetModel();
}

int BenefitsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int BenefitsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BenefitsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const BenefitRow &row = m_rows.at(index.row());
    if (role == ModelRoles::ValueRole) {
        if (index.column() == AmountColumn && row.amountCents)
            return *row.amountCents;
        if (index.column() == RemainingColumn && row.remainingCents)
            return *row.remainingCents;
        return {};
    }
    if (role == Qt::ToolTipRole && index.column() == NotesColumn && !row.notes.isEmpty())
        return row.notes;
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    switch (Column(index.column())) {
    case CategoryColumn:
        return row.category;
    case ServiceColumn:
        return row.service;
    case NetworkColumn:
        return row.network;
    case LevelColumn:
        return row.level;
    case AmountColumn:
        return row.amount;
    case RemainingColumn:
        return row.remaining;
    case NotesColumn:
        return row.notes;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant BenefitsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case CategoryColumn:
        return tr("Benefit");
    case ServiceColumn:
        return tr("Service");
    case NetworkColumn:
        return tr("Network");
    case LevelColumn:
        return tr("Level");
    case AmountColumn:
        return tr("Amount");
    case RemainingColumn:
        return tr("Remaining");
    case NotesColumn:
        return tr("Notes");
    case ColumnCount:
        break;
    }
    return {};
}

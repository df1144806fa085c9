// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/activityfiltermodel.h"

#include "models/modelroles.h"
#include "models/recentactivitymodel.h"
#include "services/domain/patient.h"

ActivityFilterModel::ActivityFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(ModelRoles::SortRole);
    setDynamicSortFilter(true);
}

void ActivityFilterModel::setStatusKeys(const QSet<QString> &keys)
{
    if (keys == m_statusKeys)
        return;
    m_statusKeys = keys;
    invalidateFilter();
}

void ActivityFilterModel::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    m_textKey = nameKey(text);
    invalidateFilter();
}

bool ActivityFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *source = sourceModel();
    const QModelIndex first = source->index(sourceRow, 0, sourceParent);
    if (!m_statusKeys.isEmpty() &&
        !m_statusKeys.contains(first.data(ModelRoles::StatusKeyRole).toString()))
        return false;
    if (m_textKey.isEmpty())
        return true;
    for (const int column :
         {int(RecentActivityModel::PatientColumn), int(RecentActivityModel::PayerColumn)}) {
        const QString value = source->index(sourceRow, column, sourceParent).data().toString();
        if (nameKey(value).contains(m_textKey))
            return true;
    }
    return false;
}

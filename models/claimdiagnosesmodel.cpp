// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/claimdiagnosesmodel.h"

#include "models/modelroles.h"

ClaimDiagnosesModel::ClaimDiagnosesModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_issues(QStringLiteral("diagnoses"), &ClaimDiagnosesModel::columnOfMember, ColumnCount)
{
}

int ClaimDiagnosesModel::columnOfMember(const QString &member)
{
    return member == QLatin1String("code") ? CodeColumn : -1;
}

void ClaimDiagnosesModel::setDiagnoses(const QList<ClaimDiagnosis> &diagnoses)
{
    beginResetModel();
    m_rows.clear();
    for (const ClaimDiagnosis &diagnosis : diagnoses)
        m_rows.append({icd10Display(diagnosis.code), diagnosis.description});
    m_issues.clear();
    endResetModel();
}

QList<ClaimDiagnosis> ClaimDiagnosesModel::diagnoses() const
{
    QList<ClaimDiagnosis> all;
    all.reserve(m_rows.size());
    for (const Row &row : m_rows)
        all.append({row.code.trimmed().toUpper(), row.description.trimmed()});
    return all;
}

void ClaimDiagnosesModel::setIssues(const QList<ClaimIssue> &issues)
{
    if (m_issues.set(issues) && !m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1),
                           {Qt::BackgroundRole, Qt::ToolTipRole, Qt::AccessibleDescriptionRole});
}

int ClaimDiagnosesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ClaimDiagnosesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ClaimDiagnosesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const int column = index.column();
    if (QVariant issue = m_issues.data(index.row(), column, role); issue.isValid())
        return issue;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (column) {
        case CodeColumn:
            return row.code;
        case DescriptionColumn:
            return row.description;
        }
        return {};
    case ModelRoles::ValueRole:
        if (column == CodeColumn)
            return row.code.trimmed().toUpper();
        return data(index, Qt::EditRole);
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        return {};
    }
}

bool ClaimDiagnosesModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    Row &row = m_rows[index.row()];
    QString *field = nullptr;
    if (index.column() == CodeColumn)
        field = &row.code;
    else if (index.column() == DescriptionColumn)
        field = &row.description;
    if (!field)
        return false;
    const QString text = value.toString();
    if (*field == text)
        return true;
    *field = text;
    Q_EMIT dataChanged(index, index, {Qt::DisplayRole, Qt::EditRole, ModelRoles::ValueRole});
    return true;
}

Qt::ItemFlags ClaimDiagnosesModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable;
}

QVariant ClaimDiagnosesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (role == Qt::ToolTipRole)
            return tr("Service lines point at this diagnosis as %1.").arg(section + 1);
        return QAbstractTableModel::headerData(section, orientation, role); // 1, 2, …
    }
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case CodeColumn:
        return tr("ICD-10-CM");
    case DescriptionColumn:
        return tr("Description");
    }
    return {};
}

bool ClaimDiagnosesModel::insertRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || row > m_rows.size() || count < 1 ||
        m_rows.size() + count > ClaimValidator::MaxDiagnoses)
        return false;
    beginInsertRows({}, row, row + count - 1);
    for (int i = 0; i < count; ++i)
        m_rows.insert(row, Row{});
    endInsertRows();
    return true;
}

bool ClaimDiagnosesModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count < 1 || row + count > m_rows.size())
        return false;
    beginRemoveRows({}, row, row + count - 1);
    m_rows.remove(row, count);
    endRemoveRows();
    return true;
}

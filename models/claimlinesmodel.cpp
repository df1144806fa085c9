// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/claimlinesmodel.h"

#include "models/modelroles.h"

#include <QRegularExpression>

namespace {
const QRegularExpression &listSeparators()
{
    static const QRegularExpression separators(QStringLiteral("[\\s,;]+"));
    return separators;
}

QString plainAmount(qint64 cents)
{
    return QStringLiteral("%1.%2").arg(cents / 100).arg(cents % 100, 2, 10, QLatin1Char('0'));
}
} // namespace

ClaimLinesModel::ClaimLinesModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_issues(QStringLiteral("lines"), &ClaimLinesModel::columnOfMember, ColumnCount)
{
}

int ClaimLinesModel::columnOfMember(const QString &member)
{
    if (member == QLatin1String("procedureCode"))
        return CodeColumn;
    if (member == QLatin1String("modifiers"))
        return ModifiersColumn;
    if (member == QLatin1String("units"))
        return UnitsColumn;
    if (member == QLatin1String("charge"))
        return UnitPriceColumn; // where the biller fixes it
    if (member == QLatin1String("diagnosisPointers"))
        return PointersColumn;
    return -1;
}

std::optional<int> ClaimLinesModel::readUnits(const QString &text)
{
    bool ok = false;
    const int units = text.trimmed().toInt(&ok);
    return ok ? std::optional<int>(units) : std::nullopt;
}

std::optional<QList<int>> ClaimLinesModel::readPointers(const QString &text)
{
    QList<int> pointers;
    for (const QString &part : text.split(listSeparators(), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int pointer = part.toInt(&ok);
        if (!ok)
            return std::nullopt;
        pointers.append(pointer);
    }
    return pointers;
}

QStringList ClaimLinesModel::readModifiers(const QString &text)
{
    QStringList modifiers;
    for (const QString &part : text.split(listSeparators(), Qt::SkipEmptyParts))
        modifiers.append(part.toUpper());
    return modifiers;
}

qint64 ClaimLinesModel::chargeOf(const Row &row)
{
    if (row.loadedCharge)
        return *row.loadedCharge;
    const std::optional<int> units = readUnits(row.units);
    const std::optional<qint64> price = parseCents(row.unitPrice);
    if (!units || !price)
        return 0;
    return qint64(*units) * *price;
}

void ClaimLinesModel::setLines(const QList<ServiceLine> &lines)
{
    beginResetModel();
    m_rows.clear();
    for (const ServiceLine &line : lines) {
        Row row;
        row.code = line.procedureCode;
        row.modifiers = line.modifiers.join(QLatin1Char(' '));
        row.units = QString::number(line.units);
        const qint64 units = line.units > 0 ? line.units : 1;
        row.unitPrice = plainAmount(line.chargeCents / units);
        if (line.chargeCents % units != 0)
            row.loadedCharge = line.chargeCents;
        QStringList pointers;
        for (const int pointer : line.diagnosisPointers)
            pointers.append(QString::number(pointer));
        row.pointers = pointers.join(QLatin1Char(','));
        row.description = line.description;
        m_rows.append(row);
    }
    m_issues.clear();
    endResetModel();
    Q_EMIT totalChanged(totalCents());
}

ServiceLine ClaimLinesModel::lineAt(int rowIndex) const
{
    const Row &row = m_rows.at(rowIndex);
    ServiceLine line;
    line.procedureCode = row.code.trimmed().toUpper().remove(QLatin1Char(' '));
    line.modifiers = readModifiers(row.modifiers);
    line.units = readUnits(row.units).value_or(0);
    line.chargeCents = chargeOf(row);
    line.diagnosisPointers = readPointers(row.pointers).value_or(QList<int>());
    line.description = row.description.trimmed();
    return line;
}

QList<ServiceLine> ClaimLinesModel::lines() const
{
    QList<ServiceLine> all;
    all.reserve(m_rows.size());
    for (int i = 0; i < m_rows.size(); ++i)
        all.append(lineAt(i));
    return all;
}

qint64 ClaimLinesModel::totalCents() const
{
    qint64 total = 0;
    for (const Row &row : m_rows)
        total += chargeOf(row);
    return total;
}

QList<ClaimIssue> ClaimLinesModel::entryIssues() const
{
    QList<ClaimIssue> issues;
    const auto add = [&issues](int row, const char *member, const QString &message) {
        issues.append({QStringLiteral("lines[%1].%2").arg(row).arg(QLatin1String(member)), message,
                       ClaimIssue::Severity::Error, false});
    };
    for (int i = 0; i < m_rows.size(); ++i) {
        const Row &row = m_rows.at(i);
        if (!row.units.trimmed().isEmpty() && !readUnits(row.units))
            add(i, "units",
                tr("Line %1: “%2” is not a number of units; type a whole number such as 1.")
                    .arg(i + 1)
                    .arg(row.units.trimmed()));
        if (!row.unitPrice.trimmed().isEmpty() && !parseCents(row.unitPrice))
            add(i, "charge",
                tr("Line %1: “%2” is not an amount; type dollars and cents, such as 125.00.")
                    .arg(i + 1)
                    .arg(row.unitPrice.trimmed()));
        if (!readPointers(row.pointers))
            add(i, "diagnosisPointers",
                tr("Line %1: “%2” are not diagnosis numbers; type them as 1,2.")
                    .arg(i + 1)
                    .arg(row.pointers.trimmed()));
    }
    return issues;
}

void ClaimLinesModel::setIssues(const QList<ClaimIssue> &issues)
{
    if (m_issues.set(issues) && !m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1),
                           {Qt::BackgroundRole, Qt::ToolTipRole, Qt::AccessibleDescriptionRole});
}

void ClaimLinesModel::diagnosisRemoved(int pointer)
{
    for (int i = 0; i < m_rows.size(); ++i) {
        Row &row = m_rows[i];
        const std::optional<QList<int>> pointers = readPointers(row.pointers);
        if (!pointers)
            continue;
        QStringList kept;
        for (const int p : *pointers) {
            if (p != pointer)
                kept.append(QString::number(p > pointer ? p - 1 : p));
        }
        const QString text = kept.join(QLatin1Char(','));
        if (text == row.pointers)
            continue;
        row.pointers = text;
        const QModelIndex cell = index(i, PointersColumn);
        Q_EMIT dataChanged(cell, cell, {Qt::DisplayRole, Qt::EditRole, ModelRoles::ValueRole});
    }
}

int ClaimLinesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ClaimLinesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ClaimLinesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const int column = index.column();
    if (QVariant issue = m_issues.data(index.row(), column, role); issue.isValid())
        return issue;
    switch (role) {
    case Qt::DisplayRole:
        if (column == UnitPriceColumn) {
            const std::optional<qint64> price = parseCents(row.unitPrice);
            return price ? formatCents(*price) : row.unitPrice;
        }
        if (column == ChargeColumn)
            return formatCents(chargeOf(row));
        if (column == ModifiersColumn)
            return readModifiers(row.modifiers).join(QLatin1Char(' '));
        if (column == CodeColumn)
            return row.code.toUpper();
        return data(index, Qt::EditRole);
    case Qt::EditRole:
        switch (column) {
        case CodeColumn:
            return row.code;
        case ModifiersColumn:
            return row.modifiers;
        case UnitsColumn:
            return row.units;
        case UnitPriceColumn:
            return row.unitPrice;
        case PointersColumn:
            return row.pointers;
        case DescriptionColumn:
            return row.description;
        case ChargeColumn:
            return formatCents(chargeOf(row));
        }
        return {};
    case ModelRoles::ValueRole: {
        const ServiceLine line = lineAt(index.row());
        switch (column) {
        case CodeColumn:
            return line.procedureCode;
        case ModifiersColumn:
            return line.modifiers;
        case UnitsColumn:
            return line.units;
        case UnitPriceColumn:
            return parseCents(row.unitPrice).value_or(0);
        case PointersColumn:
            return QVariant::fromValue(line.diagnosisPointers);
        case DescriptionColumn:
            return line.description;
        case ChargeColumn:
            return line.chargeCents;
        }
        return {};
    }
    case Qt::TextAlignmentRole:
        switch (column) {
        case UnitsColumn:
        case UnitPriceColumn:
        case ChargeColumn:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        case PointersColumn:
            return QVariant::fromValue(Qt::AlignCenter);
        default:
            return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
        }
    case Qt::ToolTipRole:
        switch (column) {
        case ModifiersColumn:
            return tr("Up to four two-character modifiers, separated by spaces (25 59).");
        case PointersColumn:
            return tr("The diagnosis numbers this line treats, most important first (1,2).");
        case ChargeColumn:
            return tr("Units × unit price: what the claim bills for the line.");
        default:
            return {};
        }
    default:
        return {};
    }
}

QString *ClaimLinesModel::field(Row &row, int column) const
{
    switch (column) {
    case CodeColumn:
        return &row.code;
    case ModifiersColumn:
        return &row.modifiers;
    case UnitsColumn:
        return &row.units;
    case UnitPriceColumn:
        return &row.unitPrice;
    case PointersColumn:
        return &row.pointers;
    case DescriptionColumn:
        return &row.description;
    default:
        return nullptr;
    }
}

bool ClaimLinesModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    Row &row = m_rows[index.row()];
    QString *text = field(row, index.column());
    if (!text)
        return false;
    const QString typed = value.toString();
    if (*text == typed)
        return true;
    *text = typed;
    const QList<int> roles{Qt::DisplayRole, Qt::EditRole, ModelRoles::ValueRole};
    Q_EMIT dataChanged(index, index, roles);
    if (index.column() == UnitsColumn || index.column() == UnitPriceColumn) {
        row.loadedCharge.reset();
        const QModelIndex charge = this->index(index.row(), ChargeColumn);
        Q_EMIT dataChanged(charge, charge, roles);
        Q_EMIT totalChanged(totalCents());
    }
    return true;
}

Qt::ItemFlags ClaimLinesModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() != ChargeColumn)
        flags |= Qt::ItemIsEditable;
    return flags;
}

QVariant ClaimLinesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::TextAlignmentRole) {
        switch (section) {
        case UnitsColumn:
        case UnitPriceColumn:
        case ChargeColumn:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        case PointersColumn:
            return QVariant::fromValue(Qt::AlignCenter);
        default:
            return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case CodeColumn:
        return tr("CPT/HCPCS");
    case ModifiersColumn:
        return tr("Modifiers");
    case UnitsColumn:
        return tr("Units");
    case UnitPriceColumn:
        return tr("Unit Price");
    case PointersColumn:
        //: Column of the diagnosis pointers of a service line
        return tr("Dx Ptrs");
    case DescriptionColumn:
        return tr("Description");
    case ChargeColumn:
        return tr("Charge");
    }
    return {};
}

bool ClaimLinesModel::insertRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || row > m_rows.size() || count < 1 ||
        m_rows.size() + count > ClaimValidator::MaxLines)
        return false;
    beginInsertRows({}, row, row + count - 1);
    for (int i = 0; i < count; ++i)
        m_rows.insert(row, Row{});
    endInsertRows();
    return true;
}

bool ClaimLinesModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count < 1 || row + count > m_rows.size())
        return false;
    beginRemoveRows({}, row, row + count - 1);
    m_rows.remove(row, count);
    endRemoveRows();
    Q_EMIT totalChanged(totalCents());
    return true;
}

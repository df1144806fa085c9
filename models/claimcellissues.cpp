// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/claimcellissues.h"

#include <QBrush>
#include <QColor>
#include <QRegularExpression>

#include <algorithm>
#include <utility>

ClaimCellIssues::ClaimCellIssues(QString list, std::function<int(const QString &)> columnOf,
                                 int columnCount)
    : m_list(std::move(list))
    , m_columnOf(std::move(columnOf))
    , m_columnCount(columnCount)
{
}

bool ClaimCellIssues::parseField(const QString &field, const QString &list, int *row,
                                 QString *member)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\w+)\\[(\\d+)\\](?:\\.(\\w+))?$"));
    const QRegularExpressionMatch match = pattern.match(field);
    if (!match.hasMatch() || match.captured(1) != list)
        return false;
    *row = match.captured(2).toInt();
    *member = match.captured(3);
    return true;
}

void ClaimCellIssues::add(int row, int column, const ClaimIssue &issue)
{
    Cell &cell = m_cells[key(row, column)];
    // Error sorts before Warning: a cell shows the worst of its issues.
    cell.severity = cell.messages.isEmpty() ? issue.severity : std::min(cell.severity, issue.severity);
    if (!cell.messages.contains(issue.message))
        cell.messages.append(issue.message);
}

bool ClaimCellIssues::set(const QList<ClaimIssue> &issues)
{
    QHash<quint64, Cell> before;
    before.swap(m_cells);
    for (const ClaimIssue &issue : issues) {
        int row = -1;
        QString member;
        if (!parseField(issue.field, m_list, &row, &member))
            continue;
        if (member.isEmpty()) {
            for (int column = 0; column < m_columnCount; ++column)
                add(row, column, issue);
            continue;
        }
        const int column = m_columnOf(member);
        if (column >= 0)
            add(row, column, issue);
    }
    return before != m_cells;
}

std::optional<ClaimIssue::Severity> ClaimCellIssues::severity(int row, int column) const
{
    const auto found = m_cells.constFind(key(row, column));
    if (found == m_cells.cend())
        return std::nullopt;
    return found->severity;
}

QStringList ClaimCellIssues::messages(int row, int column) const
{
    return m_cells.value(key(row, column)).messages;
}

QVariant ClaimCellIssues::data(int row, int column, int role) const
{
    const auto found = m_cells.constFind(key(row, column));
    if (found == m_cells.cend())
        return {};
    switch (role) {
    case Qt::BackgroundRole:
        // Light tints, so the text stays readable in the selection and without colour vision
        // the tooltip and the issue list still say it.
        return QBrush(found->severity == ClaimIssue::Severity::Error ? QColor(0xfb, 0xdc, 0xdc)
                                                                     : QColor(0xff, 0xf1, 0xc7));
    case Qt::ToolTipRole:
    case Qt::AccessibleDescriptionRole:
        return found->messages.join(QLatin1Char('\n'));
    default:
        return {};
    }
}

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/claims/claimvalidator.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <functional>
#include <optional>

/*!
  The validator's issues placed on the cells of one of the claim form's tables, for the roles a
  view shows them with: a tinted background, the messages as tooltip and accessible
  description. A field such as `lines[2].charge` names its row and member; the table model
  says which column a member is shown in. A field with an index and no member (`diagnoses[1]`)
  marks the whole row.
 */
class ClaimCellIssues
{
public:
    //! `list` is "diagnoses" or "lines"; `columnOf` maps a member ("code") to its column, or -1.
    ClaimCellIssues(QString list, std::function<int(const QString &member)> columnOf,
                    int columnCount);

    //! Keeps the issues about this table; true when what the cells show changed.
    bool set(const QList<ClaimIssue> &issues);
    void clear() { m_cells.clear(); }

    //! Background, tooltip or accessible description of a cell; invalid when it has no issue.
    QVariant data(int row, int column, int role) const;
    std::optional<ClaimIssue::Severity> severity(int row, int column) const;
    QStringList messages(int row, int column) const;

    /*!
      Splits `lines[3].charge` into 3 and "charge" when it is about `list`; false otherwise. A
      field naming the list as a whole (`lines`) is not about a cell.
     */
    static bool parseField(const QString &field, const QString &list, int *row, QString *member);

private:
    struct Cell
    {
        ClaimIssue::Severity severity = ClaimIssue::Severity::Warning;
        QStringList messages;
        bool operator==(const Cell &) const = default;
    };
    static quint64 key(int row, int column) { return (quint64(quint32(row)) << 32) | quint32(column); }
    void add(int row, int column, const ClaimIssue &issue);

    QString m_list;
    std::function<int(const QString &)> m_columnOf;
    int m_columnCount;
    QHash<quint64, Cell> m_cells;
};

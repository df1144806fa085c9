// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/claimcellissues.h"
#include "services/domain/claim.h"

#include <QAbstractTableModel>

/*!
  The claim form's diagnoses, editable: the ICD-10-CM code as the biller types it and its
  description. The vertical header numbers the rows: the pointer lines refer to (1 for the
  first); being a header, it renumbers itself when a row goes. Codes are kept as typed while
  being edited (so the editor never jumps); diagnoses() gives them trimmed and upper case with
  any dot where it was typed, so a misplaced dot is still there for the validator to see (the
  form stores a valid code without it). The validator's issues tint the cells they are about.
 */
class ClaimDiagnosesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { CodeColumn, DescriptionColumn, ColumnCount };

    explicit ClaimDiagnosesModel(QObject *parent = nullptr);

    //! Replaces the rows; codes are shown with their dot ("J20.9").
    void setDiagnoses(const QList<ClaimDiagnosis> &diagnoses);
    //! The rows as typed: codes trimmed and upper case ("J20.9"), descriptions trimmed.
    QList<ClaimDiagnosis> diagnoses() const;
    //! Places the issues about `diagnoses[i]…` on their cells.
    void setIssues(const QList<ClaimIssue> &issues);
    const ClaimCellIssues &issues() const { return m_issues; }
    //! The column a validator member ("code") is shown in; -1 for none.
    static int columnOfMember(const QString &member);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    //! Empty rows; none past ClaimValidator::MaxDiagnoses.
    bool insertRows(int row, int count, const QModelIndex &parent = {}) override;
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;

private:
    struct Row
    {
        QString code; // as typed
        QString description;
    };
    QList<Row> m_rows;
    ClaimCellIssues m_issues;
};

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/claimcellissues.h"
#include "services/domain/claim.h"

#include <QAbstractTableModel>

/*!
  The claim form's service lines, editable: procedure code, modifiers ("25 59"), units, unit
  price, diagnosis pointers ("1,2"), description, and the line's charge (units × unit price,
  what the claim carries). Every cell keeps the text as typed while it is edited; lines() reads
  it into ServiceLines. Text that cannot be read at all (units "two", price "1.2.3") is an issue
  of its own (entryIssues()), on the same fields the validator uses.
 */
class ClaimLinesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        CodeColumn,
        ModifiersColumn,
        UnitsColumn,
        UnitPriceColumn,
        PointersColumn,
        DescriptionColumn,
        ChargeColumn,
        ColumnCount
    };

    explicit ClaimLinesModel(QObject *parent = nullptr);

    void setLines(const QList<ServiceLine> &lines);
    //! The rows as a claim carries them (codes and modifiers upper case, charge in cents).
    QList<ServiceLine> lines() const;
    ServiceLine lineAt(int row) const;
    //! The sum of the lines' charges, in cents.
    qint64 totalCents() const;
    //! What cannot be read as typed, on `lines[i].units`, `.charge` or `.diagnosisPointers`.
    QList<ClaimIssue> entryIssues() const;
    //! Places the issues about `lines[i]…` on their cells.
    void setIssues(const QList<ClaimIssue> &issues);
    const ClaimCellIssues &issues() const { return m_issues; }
    static int columnOfMember(const QString &member);

    //! Diagnosis `pointer` (1-based) was removed: lines stop pointing at it, later ones move up.
    void diagnosisRemoved(int pointer);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    //! Lines of one unit pointing at diagnosis 1; none past ClaimValidator::MaxLines.
    bool insertRows(int row, int count, const QModelIndex &parent = {}) override;
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;

Q_SIGNALS:
    //! A line's charge changed (its units or price were edited): the form's total follows.
    void totalChanged(qint64 totalCents);

private:
    struct Row
    {
        QString code;
        QString modifiers;
        QString units = QStringLiteral("1");
        QString unitPrice;
        QString pointers = QStringLiteral("1");
        QString description;
        //! The charge as loaded, kept while units and price are untouched: a stored charge
        //! that units do not divide evenly stays exact.
        std::optional<qint64> loadedCharge;
    };
    static std::optional<int> readUnits(const QString &text);
    static std::optional<QList<int>> readPointers(const QString &text);
    static QStringList readModifiers(const QString &text);
    static qint64 chargeOf(const Row &row);
    QString *field(Row &row, int column) const;

    QList<Row> m_rows;
    ClaimCellIssues m_issues;
};

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/eligibility/actionitem.h"

#include <QAbstractTableModel>
#include <QDate>

class EligibilityService;

/*!
  What needs the front desk's action today (EligibilityService::needingAction()): one row per
  patient on today's or tomorrow's schedule whose coverage is in trouble, soonest visit first,
  saying when, who, the status in the shared words (REJECTED, INACTIVE …) and what is wrong in
  plain words. A reload changes, moves, inserts and removes single rows (never a reset), so the
  selection stays on its patient.
 */
class ActionListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        WhenColumn,
        PatientColumn,
        StatusColumn,
        ProblemColumn,
        CoverageColumn,
        ColumnCount
    };

    explicit ActionListModel(EligibilityService *service, QObject *parent = nullptr);

    //! Reads the list again; loaded() when it is in (or could not be read: errorString()).
    void reload();
    bool isLoading() const { return m_loading; }
    QString errorString() const { return m_error; }
    ActionItem itemAt(int row) const;

    //! The status word of a reason: "REJECTED", "INACTIVE", "NOT VERIFIED" ...
    static QString statusText(ActionReason reason);
    //! What is wrong, in plain words, as of \a today (the local day of the list).
    static QString problemText(const ActionItem &item, const QDate &today);
    //! "Today 9:30 AM", "Tomorrow 2:00 PM" (otherwise the date and time).
    static QString whenText(const QDateTime &startUtc, const QDate &today);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void loaded();

private:
    void apply(const QList<ActionItem> &items);
    QVariant displayData(const ActionItem &item, int column) const;

    EligibilityService *m_service;
    QList<ActionItem> m_items;
    QDate m_today;
    quint64 m_generation = 0;
    bool m_loading = false;
    QString m_error;
};

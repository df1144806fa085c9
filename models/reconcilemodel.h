// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/clinical/clinicalsummary.h"
#include "services/domain/chartitem.h"
#include "services/metriport/chartreconciliation.h"

#include <QAbstractTableModel>

#include <optional>

class ChartService;

/*!
  The reconciliation as a table: each outside allergy, medication and problem beside the
  chart's line for the same code, what the clerk chose for it (accept, edit, reject) and, for
  those decided before, who decided what. Choices stay here until applied through
  ChartService; changes() is what Apply and Dry Run send.
 */
class ReconcileModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { ListColumn, OutsideColumn, SourcesColumn, ChartColumn, DecisionColumn, ColumnCount };
    enum Role { PendingRole = Qt::UserRole + 1, ChosenRole, StateRole };

    explicit ReconcileModel(ChartService *chart, QObject *parent = nullptr);

    //! Reviews the patient's outside statements against the chart (choices are cleared).
    void load(qint64 patientId, const ClinicalSummary &summary);
    void reload();
    bool isLoading() const { return m_loading; }
    QString errorString() const { return m_error; }

    const ReconcileRow &rowAt(int row) const { return m_rows.at(row); }
    std::optional<ChartChange> choiceAt(int row) const { return m_choices.value(row); }
    //! Whether a row can be decided on (an outside statement not already in the chart as it says).
    bool isDecidable(int row) const;

    void accept(int row);
    void edit(int row, const ChartItem &edited);
    void reject(int row, const QString &reason);
    void clearChoice(int row);

    QList<ChartChange> changes() const;
    int pendingCount() const;   // statements waiting, with or without a choice
    int chosenCount() const { return int(m_choices.size()); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString itemText(const ChartItem &item);
    //! Where a line stands against the chart ("In the chart", "Pending: not in the chart", who
    //! decided what), as the Decision column says it when nothing is chosen.
    static QString stateText(const ReconcileRow &row);

Q_SIGNALS:
    void loaded();
    void choicesChanged();

private:
    void choose(int row, ChartChange change);
    QString decisionText(int row) const;

    ChartService *m_chart;
    qint64 m_patientId = 0;
    ClinicalSummary m_summary;
    quint64 m_generation = 0;
    bool m_loading = false;
    QString m_error;
    QList<ReconcileRow> m_rows;
    QHash<int, ChartChange> m_choices;
};

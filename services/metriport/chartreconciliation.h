// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/clinical/clinicalsummary.h"
#include "services/domain/chartitem.h"

#include <QList>

#include <optional>

/*!
  One line of a reconciliation: an outside statement (allergy, medication, problem) beside what
  the chart says about the same thing, or a chart line no outside record mentions.
 */
struct ReconcileRow
{
    enum class State {
        New,       // not in the chart: pending
        Differs,   // in the chart with other details (another dose): pending
        InChart,   // in the chart as it says
        Decided,   // someone already accepted, edited or rejected this very statement
        ChartOnly, // a chart line no outside record mentions
    };

    ChartKind kind = ChartKind::Allergy;
    State state = State::New;
    std::optional<SummaryItem> incoming; // absent for ChartOnly
    ChartItem proposed;                  // what accepting writes (id set: updates that line)
    std::optional<ChartItem> chart;      // the chart's line for the same code
    std::optional<ReconcileDecision> decision; // the latest about this statement
    QString fingerprint;                 // the statement with its details

    bool isPending() const { return state == State::New || state == State::Differs; }
};

/*!
  Puts a patient's outside statements beside the chart: each active allergy, medication and
  problem of the clinical summary is matched to the chart's line with the same code and code
  system (never on words alone), compared on its details, and checked against earlier
  decisions, so that only what is new or changed waits for a person. Pure: no database.
 */
class ChartReconciliation
{
public:
    static QList<ReconcileRow> plan(const ClinicalSummary &summary, const QList<ChartItem> &chart,
                                    const QList<ReconcileDecision> &decisions);
    static int pendingCount(const QList<ReconcileRow> &rows);
    //! The chart list a kind of outside statement goes into; none for immunizations, results…
    static std::optional<ChartKind> chartKindOf(ClinicalKind kind);

    //! The chart line an outside statement becomes when accepted as it is.
    static ChartItem proposedItem(ChartKind kind, const SummaryItem &item);
    //! The statement's identity with its details: equal for the same statement seen again in
    //! another document, different when a detail (dose, severity, status) changed.
    static QString fingerprint(const ChartItem &proposed);
    //! Whether the outside statement says something the chart line does not: a detail the
    //! statement gives that differs from the chart's (a detail it leaves out is no difference).
    static bool differs(const ChartItem &incoming, const ChartItem &chart);
};

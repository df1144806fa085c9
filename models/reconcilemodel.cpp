// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/reconcilemodel.h"

#include "services/common/async.h"
#include "services/domain/dateformats.h"
#include "services/metriport/chartservice.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QTimeZone>

#include <algorithm>

ReconcileModel::ReconcileModel(ChartService *chart, QObject *parent)
    : QAbstractTableModel(parent)
    , m_chart(chart)
{
}

void ReconcileModel::load(qint64 patientId, const ClinicalSummary &summary)
{
    m_patientId = patientId;
    m_summary = summary;
    reload();
}

void ReconcileModel::reload()
{
    if (!m_chart || m_patientId == 0)
        return;
    const quint64 generation = ++m_generation;
    m_loading = true;
    Async::whenReady(m_chart->review(m_patientId, m_summary), this,
                     [this, generation](const StoreResult<QList<ReconcileRow>> &rows) {
                         if (generation != m_generation)
                             return;
                         m_loading = false;
                         beginResetModel();
                         m_error = rows ? QString() : rows.error();
                         m_rows = rows ? *rows : QList<ReconcileRow>();
                         m_choices.clear();
                         endResetModel();
                         Q_EMIT choicesChanged();
                         Q_EMIT loaded();
                     });
}

bool ReconcileModel::isDecidable(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return false;
    const ReconcileRow &r = m_rows.at(row);
    // A statement decided before can be decided again (a rejection reconsidered).
    return r.incoming.has_value() && r.state != ReconcileRow::State::InChart;
}

void ReconcileModel::choose(int row, ChartChange change)
{
    if (!isDecidable(row))
        return;
    change.fingerprint = m_rows.at(row).fingerprint;
    m_choices.insert(row, std::move(change));
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    Q_EMIT choicesChanged();
}

void ReconcileModel::accept(int row)
{
    if (!isDecidable(row))
        return;
    ChartChange change;
    change.choice = ReconcileChoice::Accept;
    change.item = m_rows.at(row).proposed;
    choose(row, std::move(change));
}

void ReconcileModel::edit(int row, const ChartItem &edited)
{
    if (!isDecidable(row))
        return;
    ChartChange change;
    change.choice = ReconcileChoice::Edit;
    change.item = edited;
    // What it is stays the outside statement's: the clerk edits the details and the words.
    const ChartItem &proposed = m_rows.at(row).proposed;
    change.item.id = proposed.id;
    change.item.kind = proposed.kind;
    change.item.matchKey = proposed.matchKey;
    change.item.code = proposed.code;
    change.item.codeSystem = proposed.codeSystem;
    change.item.codeSystemName = proposed.codeSystemName;
    change.item.sourceDocumentId = proposed.sourceDocumentId;
    choose(row, std::move(change));
}

void ReconcileModel::reject(int row, const QString &reason)
{
    if (!isDecidable(row))
        return;
    ChartChange change;
    change.choice = ReconcileChoice::Reject;
    change.item = m_rows.at(row).proposed;
    change.reason = reason.trimmed();
    choose(row, std::move(change));
}

void ReconcileModel::clearChoice(int row)
{
    if (m_choices.remove(row) == 0)
        return;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    Q_EMIT choicesChanged();
}

QList<ChartChange> ReconcileModel::changes() const
{
    QList<int> rows = m_choices.keys();
    std::sort(rows.begin(), rows.end());
    QList<ChartChange> changes;
    for (int row : rows)
        changes.append(m_choices.value(row));
    return changes;
}

int ReconcileModel::pendingCount() const
{
    return ChartReconciliation::pendingCount(m_rows);
}

int ReconcileModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ReconcileModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ReconcileModel::itemText(const ChartItem &item)
{
    QString text = item.text();
    if (item.status != QLatin1String("active") && !item.status.isEmpty())
        text += QStringLiteral(" (%1)").arg(item.status == QLatin1String("resolved") ? tr("resolved")
                                                                                      : tr("inactive"));
    return text;
}

QString ReconcileModel::decisionText(int row) const
{
    const ReconcileRow &r = m_rows.at(row);
    if (m_choices.contains(row)) {
        const ChartChange &change = m_choices.value(row);
        switch (change.choice) {
        case ReconcileChoice::Accept:
            return r.chart ? tr("Update the chart") : tr("Add to the chart");
        case ReconcileChoice::Edit:
            return tr("Add as edited: %1").arg(change.item.detailText().isEmpty()
                                                   ? change.item.display
                                                   : change.item.detailText());
        case ReconcileChoice::Reject:
            return change.reason.isEmpty() ? tr("Do not import")
                                           : tr("Do not import: %1").arg(change.reason);
        }
    }
    return stateText(r);
}

QString ReconcileModel::stateText(const ReconcileRow &r)
{
    switch (r.state) {
    case ReconcileRow::State::New:
        return tr("Pending: not in the chart");
    case ReconcileRow::State::Differs:
        return tr("Pending: the chart says otherwise");
    case ReconcileRow::State::InChart:
        return tr("In the chart");
    case ReconcileRow::State::ChartOnly:
        return tr("Only in the chart");
    case ReconcileRow::State::Decided: {
        const ReconcileDecision &d = *r.decision;
        const QString when = DateFormats::format(d.decidedAt.toLocalTime().date());
        switch (d.choice) {
        case ReconcileChoice::Reject:
            return d.reason.isEmpty()
                ? tr("Not imported by %1 on %2").arg(d.decidedBy, when)
                : tr("Not imported by %1 on %2: %3").arg(d.decidedBy, when, d.reason);
        case ReconcileChoice::Accept:
        case ReconcileChoice::Edit:
            return tr("Imported by %1 on %2; the chart has changed since").arg(d.decidedBy, when);
        }
        break;
    }
    }
    return {};
}

QVariant ReconcileModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const int row = index.row();
    const ReconcileRow &r = m_rows.at(row);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case ListColumn:
            return chartKindTitle(r.kind);
        case OutsideColumn:
            return r.incoming ? itemText(r.proposed) : QString();
        case SourcesColumn: {
            if (!r.incoming)
                return QString();
            QStringList titles;
            for (const SummarySource &source : r.incoming->sources)
                titles.append(source.title);
            return titles.join(QStringLiteral("; "));
        }
        case ChartColumn:
            return r.chart ? itemText(*r.chart) : tr("—");
        case DecisionColumn:
            return decisionText(row);
        }
        break;
    case Qt::FontRole:
        if (index.column() == DecisionColumn && (m_choices.contains(row) || r.isPending())) {
            QFont font;
            font.setBold(true);
            return font;
        }
        break;
    case Qt::ForegroundRole:
        if (index.column() == DecisionColumn && !m_choices.contains(row) && r.isPending())
            return QBrush(QColor(0x8a, 0x5a, 0x00));
        if (r.state == ReconcileRow::State::ChartOnly || r.state == ReconcileRow::State::InChart)
            return QBrush(QColor(0x55, 0x55, 0x55));
        break;
    case PendingRole:
        return r.isPending();
    case ChosenRole:
        return m_choices.contains(row);
    case StateRole:
        return int(r.state);
    default:
        break;
    }
    return {};
}

QVariant ReconcileModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ListColumn:
        return tr("List");
    case OutsideColumn:
        return tr("Outside records say");
    case SourcesColumn:
        return tr("From");
    case ChartColumn:
        return tr("The chart says");
    case DecisionColumn:
        return tr("Decision");
    }
    return {};
}

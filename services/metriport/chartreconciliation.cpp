// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/metriport/chartreconciliation.h"

#include <QHash>
#include <QStringList>

namespace {

QString normalizedStatus(ChartKind kind, const QString &status)
{
    const QString s = status.toLower();
    if (s == QLatin1String("resolved") || s == QLatin1String("remission"))
        return kind == ChartKind::Medication ? QStringLiteral("inactive")
                                             : QStringLiteral("resolved");
    if (s == QLatin1String("inactive") || s == QLatin1String("completed")
        || s == QLatin1String("stopped"))
        return QStringLiteral("inactive");
    return QStringLiteral("active");
}

QString joinedReactions(const QList<ClinicalCode> &reactions)
{
    QStringList words;
    for (const ClinicalCode &reaction : reactions) {
        const QString text = reaction.text();
        if (!text.isEmpty() && !words.contains(text, Qt::CaseInsensitive))
            words.append(text);
    }
    return words.join(QStringLiteral(", "));
}

bool sameDetail(const QString &incoming, const QString &chart)
{
    return incoming.isEmpty() || incoming.compare(chart, Qt::CaseInsensitive) == 0;
}

} // namespace

ChartItem ChartReconciliation::proposedItem(ChartKind kind, const SummaryItem &item)
{
    const ClinicalEntry &entry = item.entry;
    ChartItem proposed;
    proposed.kind = kind;
    proposed.matchKey = ClinicalSummary::mergeKey(entry);
    if (const ClinicalCode *coded = ClinicalSummary::codedOf(entry.code)) {
        proposed.code = coded->code;
        proposed.codeSystem = coded->system;
        proposed.codeSystemName = coded->systemName;
    }
    proposed.display = entry.code.text().trimmed();
    if (proposed.display.isEmpty())
        proposed.display = entry.text.simplified().left(200);
    proposed.status = normalizedStatus(kind, entry.status);
    switch (kind) {
    case ChartKind::Allergy:
        proposed.reaction = joinedReactions(entry.reactions);
        proposed.severity = entry.severity.toLower();
        proposed.onset = entry.start.left(10);
        break;
    case ChartKind::Medication:
        proposed.dose = entry.dose;
        proposed.route = entry.route;
        proposed.frequency = entry.frequency;
        break;
    case ChartKind::Problem:
        proposed.onset = entry.start.left(10);
        break;
    }
    if (!item.sources.isEmpty())
        proposed.sourceDocumentId = item.sources.constFirst().documentId;
    return proposed;
}

QString ChartReconciliation::fingerprint(const ChartItem &p)
{
    // A line without a code is known by its words (lower case), and never matched to the
    // chart by them: only its own decision is remembered.
    const QString identity = p.matchKey.isEmpty()
        ? chartKindCode(p.kind) + QStringLiteral("|text|") + p.display.simplified().toLower()
        : p.matchKey;
    const QStringList details{p.status,          p.reaction.toLower(), p.severity.toLower(),
                              p.dose.toLower(),  p.route.toLower(),    p.frequency.toLower(),
                              p.onset};
    return identity + u'\x1f' + details.join(u'\x1f');
}

bool ChartReconciliation::differs(const ChartItem &in, const ChartItem &chart)
{
    return !(sameDetail(in.status, chart.status) && sameDetail(in.reaction, chart.reaction)
             && sameDetail(in.severity, chart.severity) && sameDetail(in.dose, chart.dose)
             && sameDetail(in.route, chart.route) && sameDetail(in.frequency, chart.frequency)
             && sameDetail(in.onset, chart.onset));
}

QList<ReconcileRow> ChartReconciliation::plan(const ClinicalSummary &summary,
                                              const QList<ChartItem> &chart,
                                              const QList<ReconcileDecision> &decisions)
{
    QHash<QString, ReconcileDecision> latest; // decisions come newest first
    for (const ReconcileDecision &decision : decisions) {
        if (!latest.contains(decision.fingerprint))
            latest.insert(decision.fingerprint, decision);
    }
    QHash<QString, qsizetype> chartByKey;
    for (qsizetype i = 0; i < chart.size(); ++i) {
        if (!chart.at(i).matchKey.isEmpty() && !chartByKey.contains(chart.at(i).matchKey))
            chartByKey.insert(chart.at(i).matchKey, i);
    }
    QList<bool> mentioned(chart.size(), false);

    QList<ReconcileRow> rows;
    for (ClinicalKind clinicalKind :
         {ClinicalKind::Allergy, ClinicalKind::Medication, ClinicalKind::Problem}) {
        const ChartKind kind = *chartKindOf(clinicalKind);
        for (const SummaryItem &item : summary.items(clinicalKind)) {
            if (!item.entry.readable || item.entry.noKnown || item.entry.negated)
                continue;
            ReconcileRow row;
            row.kind = kind;
            row.incoming = item;
            row.proposed = proposedItem(kind, item);
            row.fingerprint = fingerprint(row.proposed);
            const auto found = chartByKey.constFind(row.proposed.matchKey);
            if (!row.proposed.matchKey.isEmpty() && found != chartByKey.constEnd()) {
                row.chart = chart.at(*found);
                mentioned[*found] = true;
                // Accepting brings the chart's line up to date rather than adding a second.
                row.proposed.id = row.chart->id;
                row.proposed.patientId = row.chart->patientId;
            }
            const auto decided = latest.constFind(row.fingerprint);
            if (decided != latest.constEnd())
                row.decision = *decided;
            if (row.chart && !differs(row.proposed, *row.chart))
                row.state = ReconcileRow::State::InChart;
            else if (row.decision)
                row.state = ReconcileRow::State::Decided;
            else
                row.state = row.chart ? ReconcileRow::State::Differs : ReconcileRow::State::New;
            rows.append(std::move(row));
        }
        for (qsizetype i = 0; i < chart.size(); ++i) {
            if (chart.at(i).kind != kind || mentioned.at(i))
                continue;
            ReconcileRow row;
            row.kind = kind;
            row.state = ReconcileRow::State::ChartOnly;
            row.chart = chart.at(i);
            row.proposed = chart.at(i);
            rows.append(std::move(row));
        }
    }
    return rows;
}

int ChartReconciliation::pendingCount(const QList<ReconcileRow> &rows)
{
    return int(std::count_if(rows.cbegin(), rows.cend(),
                             [](const ReconcileRow &row) { return row.isPending(); }));
}

std::optional<ChartKind> ChartReconciliation::chartKindOf(ClinicalKind kind)
{
    switch (kind) {
    case ClinicalKind::Allergy:
        return ChartKind::Allergy;
    case ClinicalKind::Medication:
        return ChartKind::Medication;
    case ClinicalKind::Problem:
        return ChartKind::Problem;
    default:
        return std::nullopt;
    }
}

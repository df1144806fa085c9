// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/clinicalsummaryhtml.h"

#include "models/clinicalsummarymodel.h"
#include "models/clinicaltext.h"
#include "models/reconcilemodel.h"
#include "services/domain/dateformats.h"

#include <QLocale>

namespace {
QString cell(const QString &text)
{
    return QStringLiteral("<td>") + text.toHtmlEscaped() + QStringLiteral("</td>");
}

//! A date is never broken across lines ("03/01/196" over "5").
QString dateCell(const QString &text)
{
    return QStringLiteral("<td class=\"date\">") + text.toHtmlEscaped()
           + QStringLiteral("</td>");
}
} // namespace

QString ClinicalSummaryHtml::render(const Patient &patient, const ClinicalSummary &summary,
                                    const std::optional<QList<ReconcileRow>> &review,
                                    const QString &clinicName, const QDateTime &printedAt)
{
    // Where each outside statement stands against the chart, by the key the summary merges on.
    QHash<QString, QString> chartState;
    if (review) {
        for (const ReconcileRow &row : *review) {
            if (row.incoming)
                chartState.insert(ClinicalSummary::mergeKey(row.incoming->entry),
                                  ReconcileModel::stateText(row));
        }
    }
    QString html = QStringLiteral(
        "<html><head><style>"
        "body { font-family: sans-serif; font-size: 9pt; }"
        "h1 { font-size: 14pt; margin-bottom: 2px; } h2 { font-size: 11pt; margin: 10px 0 4px 0; }"
        "table { border-collapse: collapse; width: 100%; }"
        "th { text-align: left; background: #e8eef5; padding: 3px; }"
        "td { padding: 3px; border-bottom: 1px solid #d8dde3; vertical-align: top; }"
        "td.date { white-space: nowrap; }"
        ".note { color: #555555; }"
        "</style></head><body>");
    html += QStringLiteral("<h1>%1</h1>").arg(tr("Outside Records Summary").toHtmlEscaped());
    html += QStringLiteral("<p><b>%1</b> · %2 · %3<br/><span class=\"note\">%4</span></p>")
                .arg(patient.fullName().toHtmlEscaped(),
                     tr("born %1").arg(DateFormats::format(patient.dateOfBirth))
                         .toHtmlEscaped(),
                     tr("MRN %1").arg(patient.mrn).toHtmlEscaped(),
                     (review ? tr("%1 · printed %2 · from %n documents of the health information "
                                  "network; the Chart column compares each allergy, active "
                                  "medication and active problem with the clinic's own chart.",
                                  nullptr, summary.documents)
                             : tr("%1 · printed %2 · from %n documents of the health information "
                                  "network; not compared with the clinic's own chart.",
                                  nullptr, summary.documents))
                         .arg(clinicName, DateFormats::format(printedAt.toLocalTime().date()) + u' '
                                        + QLocale().toString(printedAt.toLocalTime().time(),
                                                             QLocale::ShortFormat))
                         .toHtmlEscaped());
    auto headers = [](bool withChart) {
        QString row = QStringLiteral("<tr><th>%1</th><th>%2</th><th>%3</th><th>%4</th><th>%5</th>")
                          .arg(tr("What").toHtmlEscaped(), tr("Details").toHtmlEscaped(),
                               tr("Date").toHtmlEscaped(), tr("Status").toHtmlEscaped(),
                               tr("From").toHtmlEscaped());
        if (withChart)
            row += QStringLiteral("<th>%1</th>").arg(tr("Chart").toHtmlEscaped());
        return row + QStringLiteral("</tr>");
    };
    for (ClinicalKind kind : ClinicalSummaryModel::categories()) {
        html += QStringLiteral("<h2>%1</h2>").arg(ClinicalSummaryModel::categoryTitle(kind).toHtmlEscaped());
        const QList<SummaryItem> &items = summary.items(kind);
        const bool noKnown = kind == ClinicalKind::Allergy && !summary.noKnownAllergies.isEmpty();
        const std::optional<ChartKind> chartKind = ChartReconciliation::chartKindOf(kind);
        const bool withChart = review && chartKind;
        // The chart's own lines no outside record mentions belong on the page too: a reader
        // of the printout should not take the outside list for the whole story.
        QList<const ReconcileRow *> chartOnly;
        if (withChart) {
            for (const ReconcileRow &row : *review) {
                if (row.state == ReconcileRow::State::ChartOnly && row.kind == *chartKind && row.chart)
                    chartOnly.append(&row);
            }
        }
        if (items.isEmpty() && !noKnown && chartOnly.isEmpty()) {
            html += QStringLiteral("<p class=\"note\">%1</p>").arg(tr("None found.").toHtmlEscaped());
            continue;
        }
        html += QStringLiteral("<table>") + headers(withChart);
        for (const SummaryItem &item : items) {
            QStringList sources;
            for (const SummarySource &source : item.sources)
                sources.append(source.title);
            html += QStringLiteral("<tr>") + cell(ClinicalText::what(item.entry))
                    + cell(ClinicalText::details(item.entry)) + dateCell(ClinicalText::when(item.entry))
                    + cell(ClinicalText::status(item.entry))
                    + cell(sources.join(QStringLiteral("; ")));
            if (withChart)
                html += cell(chartState.value(ClinicalSummary::mergeKey(item.entry), tr("—")));
            html += QStringLiteral("</tr>");
        }
        if (noKnown) {
            QStringList sources;
            for (const SummarySource &source : summary.noKnownAllergies)
                sources.append(source.title);
            html += QStringLiteral("<tr>") + cell(tr("No known allergies")) + cell({}) + cell({})
                    + cell({}) + cell(sources.join(QStringLiteral("; ")));
            if (withChart)
                html += cell({});
            html += QStringLiteral("</tr>");
        }
        for (const ReconcileRow *row : chartOnly) {
            const ChartItem &line = *row->chart;
            ClinicalEntry asEntry; // for the status's words, as the outside lines say them
            asEntry.status = line.status;
            // The onset is in the details ("since 1989-03").
            html += QStringLiteral("<tr>") + cell(line.label()) + cell(line.detailText()) + cell({})
                    + cell(ClinicalText::status(asEntry)) + cell(tr("This clinic's chart"))
                    + cell(ReconcileModel::stateText(*row)) + QStringLiteral("</tr>");
        }
        html += QStringLiteral("</table>");
    }
    if (!summary.flags.isEmpty() || summary.unreadable > 0) {
        html += QStringLiteral("<h2>%1</h2><ul>").arg(tr("Read the documents too").toHtmlEscaped());
        for (const SummaryFlag &flag : summary.flags) {
            html += QStringLiteral("<li>%1</li>")
                        .arg(tr("%1, section “%2”: %3").arg(flag.source.title, flag.section, flag.problem)
                                 .toHtmlEscaped());
        }
        if (summary.unreadable > 0) {
            html += QStringLiteral("<li>%1</li>")
                        .arg(tr("%n entries could not be read; they are shown in the documents.",
                                nullptr, summary.unreadable)
                                 .toHtmlEscaped());
        }
        html += QStringLiteral("</ul>");
    }
    html += QStringLiteral("</body></html>");
    return html;
}

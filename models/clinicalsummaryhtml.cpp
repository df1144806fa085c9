// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/clinicalsummaryhtml.h"

#include "models/clinicalsummarymodel.h"
#include "models/clinicaltext.h"
#include "services/domain/dateformats.h"

#include <QLocale>

namespace {
QString cell(const QString &text)
{
    return QStringLiteral("<td>") + text.toHtmlEscaped() + QStringLiteral("</td>");
}
} // namespace

QString ClinicalSummaryHtml::render(const Patient &patient, const ClinicalSummary &summary,
                                    const QString &clinicName, const QDateTime &printedAt)
{
    QString html = QStringLiteral(
        "<html><head><style>"
        "body { font-family: sans-serif; font-size: 9pt; }"
        "h1 { font-size: 14pt; margin-bottom: 2px; } h2 { font-size: 11pt; margin: 10px 0 4px 0; }"
        "table { border-collapse: collapse; width: 100%; }"
        "th { text-align: left; background: #e8eef5; padding: 3px; }"
        "td { padding: 3px; border-bottom: 1px solid #d8dde3; vertical-align: top; }"
        ".note { color: #555555; }"
        "</style></head><body>");
    html += QStringLiteral("<h1>%1</h1>").arg(tr("Outside Records Summary").toHtmlEscaped());
    html += QStringLiteral("<p><b>%1</b> · %2 · %3<br/><span class=\"note\">%4</span></p>")
                .arg(patient.fullName().toHtmlEscaped(),
                     tr("born %1").arg(DateFormats::format(patient.dateOfBirth))
                         .toHtmlEscaped(),
                     tr("MRN %1").arg(patient.mrn).toHtmlEscaped(),
                     tr("%1 · printed %2 · from %n documents of the health information network; "
                        "not reconciled into the chart unless marked so.", nullptr,
                        summary.documents)
                         .arg(clinicName, DateFormats::format(printedAt.toLocalTime().date()) + u' '
                                        + QLocale().toString(printedAt.toLocalTime().time(),
                                                             QLocale::ShortFormat))
                         .toHtmlEscaped());
    const QString headers = QStringLiteral("<tr><th>%1</th><th>%2</th><th>%3</th><th>%4</th><th>%5</th></tr>")
                                .arg(tr("What").toHtmlEscaped(), tr("Details").toHtmlEscaped(),
                                     tr("Date").toHtmlEscaped(), tr("Status").toHtmlEscaped(),
                                     tr("From").toHtmlEscaped());
    for (ClinicalKind kind : ClinicalSummaryModel::categories()) {
        html += QStringLiteral("<h2>%1</h2>").arg(ClinicalSummaryModel::categoryTitle(kind).toHtmlEscaped());
        const QList<SummaryItem> &items = summary.items(kind);
        const bool noKnown = kind == ClinicalKind::Allergy && !summary.noKnownAllergies.isEmpty();
        if (items.isEmpty() && !noKnown) {
            html += QStringLiteral("<p class=\"note\">%1</p>").arg(tr("None found.").toHtmlEscaped());
            continue;
        }
        html += QStringLiteral("<table>") + headers;
        for (const SummaryItem &item : items) {
            QStringList sources;
            for (const SummarySource &source : item.sources)
                sources.append(source.title);
            html += QStringLiteral("<tr>") + cell(ClinicalText::what(item.entry))
                    + cell(ClinicalText::details(item.entry)) + cell(ClinicalText::when(item.entry))
                    + cell(ClinicalText::status(item.entry))
                    + cell(sources.join(QStringLiteral("; "))) + QStringLiteral("</tr>");
        }
        if (noKnown) {
            QStringList sources;
            for (const SummarySource &source : summary.noKnownAllergies)
                sources.append(source.title);
            html += QStringLiteral("<tr>") + cell(tr("No known allergies")) + cell({}) + cell({})
                    + cell({}) + cell(sources.join(QStringLiteral("; "))) + QStringLiteral("</tr>");
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

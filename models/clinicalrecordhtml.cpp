// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/clinicalrecordhtml.h"

#include "models/clinicaltext.h"

namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

int entryCount(const ClinicalSection &section)
{
    int count = int(section.entries.size());
    for (const ClinicalSection &sub : section.subsections)
        count += entryCount(sub);
    return count;
}

QString entryRows(const QList<ClinicalEntry> &entries, int limit)
{
    QString rows;
    int shown = 0;
    for (const ClinicalEntry &entry : entries) {
        if (limit >= 0 && shown >= limit)
            break;
        ++shown;
        const QString style = !entry.readable ? QStringLiteral(" style=\"color:#b02323\"")
                              : entry.noKnown || entry.negated ? QStringLiteral(" style=\"color:#555555\"")
                                                               : QString();
        rows += QStringLiteral("<tr%1><td>%2</td><td>%3</td><td>%4</td><td>%5</td></tr>")
                    .arg(style, esc(ClinicalText::what(entry)), esc(ClinicalText::details(entry)),
                         esc(ClinicalText::when(entry)), esc(ClinicalText::status(entry)));
    }
    return rows;
}

void renderSection(const ClinicalSection &section, int index, const ClinicalRecordHtml::Options &options,
                   int depth, QString &html)
{
    const bool collapsed = depth == 0 && ClinicalRecordHtml::isLong(section)
                           && !options.expanded.contains(index);
    const QString title = section.title.isEmpty() ? clinicalKindTitle(section.kind) : section.title;
    if (depth == 0) {
        html += QStringLiteral("<a name=\"section-%1\"></a><h2>%2</h2>").arg(index).arg(esc(title));
    } else {
        html += QStringLiteral("<h3>%1</h3>").arg(esc(title));
    }
    if (!section.nullFlavor.isEmpty()) {
        html += QStringLiteral("<p><i>%1</i></p>")
                    .arg(esc(ClinicalRecordHtml::tr("No information (the document says %1).")
                                 .arg(section.nullFlavor)));
    }
    if (section.hasNarrative()) {
        if (collapsed && section.narrativeText.size() > ClinicalRecordHtml::longSectionCharacters) {
            html += QStringLiteral("<p>%1…</p>")
                        .arg(esc(section.narrativeText.left(ClinicalRecordHtml::longSectionCharacters / 4)));
        } else {
            html += section.narrativeHtml; // the reader's safe subset
        }
    } else if (!section.entries.isEmpty()) {
        html += QStringLiteral("<p><i>%1</i></p>")
                    .arg(esc(ClinicalRecordHtml::tr("This section has no text; its coded entries "
                                                    "are below.")));
    }
    if (options.showEntries && !section.entries.isEmpty()) {
        html += QStringLiteral("<table border=\"0\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\">"
                               "<tr><th align=\"left\">%1</th><th align=\"left\">%2</th>"
                               "<th align=\"left\">%3</th><th align=\"left\">%4</th></tr>")
                    .arg(esc(ClinicalRecordHtml::tr("Coded entry")), esc(ClinicalRecordHtml::tr("Details")),
                         esc(ClinicalRecordHtml::tr("Date")), esc(ClinicalRecordHtml::tr("Status")));
        html += entryRows(section.entries, collapsed ? options.collapsedRows : -1);
        html += QStringLiteral("</table>");
    } else if (section.kind != ClinicalKind::Other && section.entries.isEmpty()
               && section.hasNarrative() && section.nullFlavor.isEmpty()) {
        html += QStringLiteral("<p style=\"color:#8a5a00\">%1</p>")
                    .arg(esc(ClinicalRecordHtml::tr("No coded entries: only the text above says "
                                                    "what this section holds.")));
    }
    if (!collapsed) {
        for (const ClinicalSection &sub : section.subsections)
            renderSection(sub, index, options, depth + 1, html);
    }
    if (collapsed) {
        html += QStringLiteral("<p><a href=\"expand:%1\">%2</a></p>")
                    .arg(index)
                    .arg(esc(ClinicalRecordHtml::tr("Show all of %1 (%n entries)", nullptr,
                                                    entryCount(section))
                                 .arg(title)));
    }
}

} // namespace

bool ClinicalRecordHtml::isLong(const ClinicalSection &section)
{
    return entryCount(section) > longSectionEntries
           || section.narrativeText.size() > longSectionCharacters;
}

QString ClinicalRecordHtml::headerHtml(const ClinicalHeader &header)
{
    QStringList lines;
    if (!header.patientName.isEmpty()) {
        QString patient = header.patientName;
        if (!header.patientBirthDate.isEmpty())
            patient += tr(", born %1").arg(ClinicalText::date(header.patientBirthDate));
        if (!header.patientGender.isEmpty())
            patient += QStringLiteral(", ") + header.patientGender;
        lines.append(tr("Patient: %1").arg(patient));
    }
    if (!header.date.isEmpty())
        lines.append(tr("Date: %1").arg(ClinicalText::date(header.date)));
    if (!header.type.isEmpty())
        lines.append(tr("Type: %1").arg(header.type.label()));
    QStringList authors;
    for (const ClinicalPerson &author : header.authors) {
        QStringList parts;
        for (const QString &part : {author.name, author.software, author.organization}) {
            if (!part.isEmpty())
                parts.append(part);
        }
        if (!parts.isEmpty())
            authors.append(parts.join(QStringLiteral(", ")));
    }
    if (!authors.isEmpty())
        lines.append(tr("Author: %1").arg(authors.join(QStringLiteral("; "))));
    if (!header.custodian.isEmpty())
        lines.append(tr("Custodian: %1").arg(header.custodian));
    if (!header.replacesDocumentId.isEmpty())
        lines.append(tr("Replaces document %1").arg(header.replacesDocumentId));
    QString html;
    for (const QString &line : lines)
        html += esc(line) + QStringLiteral("<br/>");
    return html;
}

QString ClinicalRecordHtml::render(const ClinicalRecord &record, const Options &options)
{
    QString html = QStringLiteral(
        "<html><head><style>"
        "h1 { font-size: 14pt; } h2 { font-size: 12pt; margin-top: 14px; "
        "background: #e8eef5; } h3 { font-size: 10pt; }"
        "th { background: #f0f0f0; } td { border-bottom: 1px solid #dddddd; vertical-align: top; }"
        "</style></head><body>");
    const QString title = record.header.title.isEmpty() ? record.header.type.text() : record.header.title;
    if (!title.isEmpty())
        html += QStringLiteral("<h1>%1</h1>").arg(esc(title));
    html += QStringLiteral("<p>%1</p>").arg(headerHtml(record.header));
    QList<int> order = options.order;
    if (order.isEmpty()) {
        for (int i = 0; i < record.sections.size(); ++i)
            order.append(i);
    }
    for (int index : std::as_const(order)) {
        if (index < 0 || index >= record.sections.size() || options.hidden.contains(index))
            continue;
        renderSection(record.sections.at(index), index, options, 0, html);
    }
    if (!record.attachments.isEmpty()) {
        html += QStringLiteral("<h2>%1</h2><ul>").arg(esc(tr("Attachments")));
        for (const ClinicalAttachment &attachment : record.attachments) {
            const QString what = attachment.title.isEmpty() ? attachment.mediaType : attachment.title;
            html += QStringLiteral("<li>%1</li>")
                        .arg(esc(attachment.data.isEmpty()
                                     ? tr("%1 — referenced, not included: %2").arg(what, attachment.reference)
                                     : tr("%1 — included (%2 KB); use Open Attachment").arg(what)
                                           .arg((attachment.data.size() + 1023) / 1024)));
        }
        html += QStringLiteral("</ul>");
    }
    if (!record.notes.isEmpty()) {
        html += QStringLiteral("<h2>%1</h2><ul>").arg(esc(tr("About this document")));
        for (const QString &note : record.notes)
            html += QStringLiteral("<li>%1</li>").arg(esc(note));
        html += QStringLiteral("</ul>");
    }
    html += QStringLiteral("</body></html>");
    return html;
}

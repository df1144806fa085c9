// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the C-CDA and FHIR targets check of every record they read: the narrative is the
// documented safe HTML subset, the summary can be built from it, and FhirWriter's bundle of it
// reads back (the sandbox's /convert and the desk's FHIR copy depend on that).

#include "fuzz/fuzzsupport.h"

#include "services/clinical/clinicalrecord.h"
#include "services/clinical/clinicalsummary.h"
#include "services/clinical/fhirbundlereader.h"
#include "services/clinical/fhirwriter.h"

#include <QDate>

namespace Fuzz {

//! True when html is made only of the tags ClinicalSection::narrativeHtml allows, with no
//! attribute but a safe class or a small colspan/rowspan, and no '<' or '>' outside a tag.
inline bool isSafeNarrative(const QString &html)
{
    static const QStringList tags = {
        QStringLiteral("p"),     QStringLiteral("br"),   QStringLiteral("table"),
        QStringLiteral("thead"), QStringLiteral("tbody"), QStringLiteral("tfoot"),
        QStringLiteral("tr"),    QStringLiteral("th"),   QStringLiteral("td"),
        QStringLiteral("caption"), QStringLiteral("ul"), QStringLiteral("ol"),
        QStringLiteral("li"),    QStringLiteral("b"),    QStringLiteral("i"),
        QStringLiteral("u"),     QStringLiteral("sub"),  QStringLiteral("sup"),
        QStringLiteral("span"),
    };
    auto isClassChar = [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
               || c == u'-' || c == u'_' || c == u' ';
    };
    qsizetype i = 0;
    const qsizetype n = html.size();
    while (i < n) {
        const QChar c = html.at(i);
        if (c == u'>')
            return false;
        if (c != u'<') {
            ++i;
            continue;
        }
        ++i;
        if (i < n && html.at(i) == u'/')
            ++i;
        const qsizetype nameStart = i;
        while (i < n && html.at(i).isLetterOrNumber() && html.at(i).unicode() < 128)
            ++i;
        if (!tags.contains(html.mid(nameStart, i - nameStart)))
            return false;
        while (i < n && html.at(i) == u' ') {
            ++i;
            const qsizetype attributeStart = i;
            while (i < n && html.at(i) >= u'a' && html.at(i) <= u'z')
                ++i;
            const QString attribute = html.mid(attributeStart, i - attributeStart);
            if (attribute != u"class" && attribute != u"colspan" && attribute != u"rowspan")
                return false;
            if (html.mid(i, 2) != u"=\"")
                return false;
            i += 2;
            while (i < n && html.at(i) != u'"') {
                if (!isClassChar(html.at(i)) || (attribute != u"class" && !html.at(i).isDigit()))
                    return false;
                ++i;
            }
            if (i >= n)
                return false;
            ++i; // the closing quote
        }
        if (html.mid(i, 2) == u"/>")
            i += 2;
        else if (i < n && html.at(i) == u'>')
            ++i;
        else
            return false;
    }
    return true;
}

inline void checkSections(const QList<ClinicalSection> &sections, int depth = 0)
{
    FUZZ_CHECK(depth < 300);
    for (const ClinicalSection &section : sections) {
        FUZZ_CHECK(isSafeNarrative(section.narrativeHtml));
        (void)section.hasNarrative();
        for (const ClinicalEntry &entry : section.entries) {
            (void)entry.code.label();
            FUZZ_CHECK(entry.code.isEmpty() || !entry.code.text().isEmpty());
            (void)ClinicalSummary::mergeKey(entry);
            (void)ClinicalSummary::isActive(entry);
        }
        checkSections(section.subsections, depth + 1);
    }
}

inline void checkClinical(const ClinicalReadResult &result)
{
    if (!result.ok()) {
        FUZZ_CHECK(!result.error.message.isEmpty());
        return;
    }
    FUZZ_CHECK(result.error.message.isEmpty());
    const ClinicalRecord &record = result.record;
    checkSections(record.sections);
    int readable = 0;
    for (int kind = 0; kind <= int(ClinicalKind::Other); ++kind)
        readable += record.count(ClinicalKind(kind));
    FUZZ_CHECK(readable + record.unreadableCount() <= record.entries().size());
    (void)record.hasContent();

    ClinicalSummary::Input input;
    input.source.documentId = 1;
    input.record = record;
    const ClinicalSummary summary = ClinicalSummary::build({input}, QDate(2026, 6, 1));
    FUZZ_CHECK(summary.documents == 1);
    FUZZ_CHECK(summary.unreadable == record.unreadableCount());

    // The record written as a FHIR bundle reads back, with as many readable entries.
    const QByteArray bundle = FhirWriter::write(record, QStringLiteral("fuzz-patient"));
    const ClinicalReadResult again = FhirBundleReader::read(bundle);
    if (!again.ok())
        std::fprintf(stderr, "FHIR written could not be read: %s\n",
                     qPrintable(again.error.message));
    FUZZ_CHECK(again.ok());
}

} // namespace Fuzz

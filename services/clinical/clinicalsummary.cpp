// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/clinical/clinicalsummary.h"

#include "services/clinical/codesystems.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>

const ClinicalCode *ClinicalSummary::codedOf(const ClinicalCode &code)
{
    if (!code.code.isEmpty() && code.nullFlavor.isEmpty())
        return &code;
    for (const ClinicalCode &translation : code.translations) {
        if (!translation.code.isEmpty())
            return &translation;
    }
    return nullptr;
}

namespace {

QString systemKey(const QString &system)
{
    // The same system given as an OID in one document and a URI in another is one system.
    const QString oid = CodeSystems::oid(system);
    return oid.isEmpty() ? system.trimmed().toLower() : oid;
}

QString dayOf(const QString &isoDate)
{
    return isoDate.left(10);
}

void addTo(QList<SummaryItem> &items, QHash<QString, qsizetype> &index, const ClinicalEntry &entry,
           const SummarySource &source)
{
    const QString key = ClinicalSummary::mergeKey(entry);
    if (!key.isEmpty()) {
        const auto found = index.constFind(key);
        if (found != index.constEnd()) {
            SummaryItem &item = items[*found];
            if (!item.sources.contains(source))
                item.sources.append(source);
            // Keep the newest statement as the line's own.
            if (entry.start > item.entry.start)
                item.entry = entry;
            return;
        }
        index.insert(key, items.size());
    }
    items.append(SummaryItem{entry, {source}});
}

void sortNewestFirst(QList<SummaryItem> &items)
{
    std::stable_sort(items.begin(), items.end(), [](const SummaryItem &a, const SummaryItem &b) {
        return a.entry.start > b.entry.start;
    });
}

void flagSections(const QList<ClinicalSection> &sections, const SummarySource &source,
                  QList<SummaryFlag> &flags)
{
    for (const ClinicalSection &section : sections) {
        const bool interpreted = section.kind != ClinicalKind::Other;
        const bool hasEntries = !section.entries.isEmpty();
        if (interpreted && section.hasNarrative() && !hasEntries && section.nullFlavor.isEmpty()) {
            flags.append({source, section.title,
                          QCoreApplication::translate("ClinicalSummary",
                                                      "has text but no coded entries: read the "
                                                      "text, it is not in the summary")});
        } else if (interpreted && hasEntries && !section.hasNarrative()) {
            flags.append({source, section.title,
                          QCoreApplication::translate("ClinicalSummary",
                                                      "has coded entries but no text")});
        }
        flagSections(section.subsections, source, flags);
    }
}

} // namespace

QString ClinicalSummary::mergeKey(const ClinicalEntry &entry)
{
    if (!entry.readable || entry.noKnown)
        return {};
    const ClinicalCode *coded = codedOf(entry.code);
    if (!coded)
        return {}; // never merged on words alone
    QString key = clinicalKindKey(entry.kind) + u'|' + systemKey(coded->system) + u'|' + coded->code;
    switch (entry.kind) {
    case ClinicalKind::Result:
    case ClinicalKind::VitalSign:
    case ClinicalKind::Immunization:
    case ClinicalKind::Encounter:
    case ClinicalKind::Procedure:
        // The same test on another day is another result.
        if (entry.start.isEmpty())
            return {};
        key += u'|' + dayOf(entry.start);
        if (entry.kind == ClinicalKind::Result || entry.kind == ClinicalKind::VitalSign)
            key += u'|' + entry.value + u'|' + entry.unit;
        break;
    default:
        break;
    }
    if (entry.negated)
        key += QStringLiteral("|not");
    return key;
}

bool ClinicalSummary::isActive(const ClinicalEntry &entry)
{
    const QString status = entry.status.toLower();
    if (status == QLatin1String("active") || status == QLatin1String("relapse")
        || status == QLatin1String("recurrence") || status == QLatin1String("intended"))
        return true;
    static const QStringList ended{QStringLiteral("resolved"), QStringLiteral("completed"),
                                   QStringLiteral("inactive"), QStringLiteral("stopped"),
                                   QStringLiteral("aborted"), QStringLiteral("cancelled"),
                                   QStringLiteral("entered-in-error"), QStringLiteral("remission"),
                                   QStringLiteral("nullified")};
    if (ended.contains(status))
        return false;
    return entry.end.isEmpty();
}

ClinicalSummary ClinicalSummary::build(const QList<Input> &inputs, const QDate &today)
{
    ClinicalSummary summary;
    summary.documents = int(inputs.size());
    const QString since = today.addMonths(-recentMonths).toString(Qt::ISODate);
    QHash<QString, qsizetype> allergyIndex, medicationIndex, problemIndex, immunizationIndex,
        resultIndex, vitalIndex;
    for (const Input &input : inputs) {
        flagSections(input.record.sections, input.source, summary.flags);
        for (const ClinicalEntry *entry : input.record.entries()) {
            if (!entry->readable) {
                ++summary.unreadable;
                continue;
            }
            if (entry->noKnown) {
                if (entry->kind == ClinicalKind::Allergy
                    && !summary.noKnownAllergies.contains(input.source))
                    summary.noKnownAllergies.append(input.source);
                continue;
            }
            switch (entry->kind) {
            case ClinicalKind::Allergy:
                if (!entry->negated)
                    addTo(summary.allergies, allergyIndex, *entry, input.source);
                break;
            case ClinicalKind::Medication:
                if (!entry->negated && isActive(*entry))
                    addTo(summary.medications, medicationIndex, *entry, input.source);
                break;
            case ClinicalKind::Problem:
                if (!entry->negated && isActive(*entry))
                    addTo(summary.problems, problemIndex, *entry, input.source);
                break;
            case ClinicalKind::Immunization:
                addTo(summary.immunizations, immunizationIndex, *entry, input.source);
                break;
            case ClinicalKind::Result:
                if (entry->start.isEmpty() || entry->start >= since)
                    addTo(summary.results, resultIndex, *entry, input.source);
                break;
            case ClinicalKind::VitalSign:
                if (entry->start.isEmpty() || entry->start >= since)
                    addTo(summary.vitalSigns, vitalIndex, *entry, input.source);
                break;
            default:
                break;
            }
        }
    }
    sortNewestFirst(summary.immunizations);
    sortNewestFirst(summary.results);
    sortNewestFirst(summary.vitalSigns);
    return summary;
}

const QList<SummaryItem> &ClinicalSummary::items(ClinicalKind kind) const
{
    static const QList<SummaryItem> none;
    switch (kind) {
    case ClinicalKind::Allergy:
        return allergies;
    case ClinicalKind::Medication:
        return medications;
    case ClinicalKind::Problem:
        return problems;
    case ClinicalKind::Immunization:
        return immunizations;
    case ClinicalKind::Result:
        return results;
    case ClinicalKind::VitalSign:
        return vitalSigns;
    default:
        return none;
    }
}

bool ClinicalSummary::isEmpty() const
{
    return allergies.isEmpty() && medications.isEmpty() && problems.isEmpty()
           && immunizations.isEmpty() && results.isEmpty() && vitalSigns.isEmpty()
           && noKnownAllergies.isEmpty();
}

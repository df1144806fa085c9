// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/clinical/clinicalrecord.h"

#include <QCoreApplication>

bool ClinicalCode::isEmpty() const
{
    if (!code.isEmpty() || !display.trimmed().isEmpty() || !originalText.trimmed().isEmpty())
        return false;
    for (const ClinicalCode &translation : translations) {
        if (!translation.isEmpty())
            return false;
    }
    return true;
}

QString ClinicalCode::text() const
{
    if (!display.trimmed().isEmpty())
        return display.trimmed();
    if (!originalText.trimmed().isEmpty())
        return originalText.trimmed();
    for (const ClinicalCode &translation : translations) {
        const QString words = translation.display.trimmed().isEmpty()
            ? translation.originalText.trimmed()
            : translation.display.trimmed();
        if (!words.isEmpty())
            return words;
    }
    if (!code.isEmpty())
        return code;
    for (const ClinicalCode &translation : translations) {
        if (!translation.code.isEmpty())
            return translation.code;
    }
    return {};
}

QString ClinicalCode::label() const
{
    const QString words = text();
    const ClinicalCode *coded = this;
    if (code.isEmpty()) {
        coded = nullptr;
        for (const ClinicalCode &translation : translations) {
            if (!translation.code.isEmpty()) {
                coded = &translation;
                break;
            }
        }
    }
    if (!coded || coded->code == words)
        return words;
    const QString system = coded->systemName.isEmpty() ? coded->system : coded->systemName;
    const QString codeText = system.isEmpty() ? coded->code : system + u' ' + coded->code;
    return words.isEmpty() ? codeText : words + QStringLiteral(" (") + codeText + u')';
}

int ClinicalSection::count(ClinicalKind wanted) const
{
    int total = 0;
    for (const ClinicalEntry &entry : entries) {
        if (entry.kind == wanted && entry.readable && !entry.noKnown)
            ++total;
    }
    for (const ClinicalSection &section : subsections)
        total += section.count(wanted);
    return total;
}

namespace {

void collect(const QList<ClinicalSection> &sections, QList<const ClinicalEntry *> &out)
{
    for (const ClinicalSection &section : sections) {
        for (const ClinicalEntry &entry : section.entries)
            out.append(&entry);
        collect(section.subsections, out);
    }
}

bool sectionsHaveContent(const QList<ClinicalSection> &sections)
{
    for (const ClinicalSection &section : sections) {
        if (!section.entries.isEmpty() || section.hasNarrative()
            || sectionsHaveContent(section.subsections))
            return true;
    }
    return false;
}

} // namespace

int ClinicalRecord::count(ClinicalKind kind) const
{
    int total = 0;
    for (const ClinicalSection &section : sections)
        total += section.count(kind);
    return total;
}

int ClinicalRecord::unreadableCount() const
{
    int total = 0;
    for (const ClinicalEntry *entry : entries()) {
        if (!entry->readable)
            ++total;
    }
    return total;
}

QList<const ClinicalEntry *> ClinicalRecord::entries() const
{
    QList<const ClinicalEntry *> out;
    collect(sections, out);
    return out;
}

bool ClinicalRecord::hasContent() const
{
    return !attachments.isEmpty() || sectionsHaveContent(sections);
}

QString clinicalKindTitle(ClinicalKind kind)
{
    switch (kind) {
    case ClinicalKind::Allergy:
        return QCoreApplication::translate("ClinicalRecord", "Allergies");
    case ClinicalKind::Medication:
        return QCoreApplication::translate("ClinicalRecord", "Medications");
    case ClinicalKind::Problem:
        return QCoreApplication::translate("ClinicalRecord", "Problems");
    case ClinicalKind::Immunization:
        return QCoreApplication::translate("ClinicalRecord", "Immunizations");
    case ClinicalKind::Result:
        return QCoreApplication::translate("ClinicalRecord", "Results");
    case ClinicalKind::VitalSign:
        return QCoreApplication::translate("ClinicalRecord", "Vital Signs");
    case ClinicalKind::Encounter:
        return QCoreApplication::translate("ClinicalRecord", "Encounters");
    case ClinicalKind::Procedure:
        return QCoreApplication::translate("ClinicalRecord", "Procedures");
    case ClinicalKind::Other:
        break;
    }
    return QCoreApplication::translate("ClinicalRecord", "Other");
}

QString clinicalKindKey(ClinicalKind kind)
{
    switch (kind) {
    case ClinicalKind::Allergy:
        return QStringLiteral("allergy");
    case ClinicalKind::Medication:
        return QStringLiteral("medication");
    case ClinicalKind::Problem:
        return QStringLiteral("problem");
    case ClinicalKind::Immunization:
        return QStringLiteral("immunization");
    case ClinicalKind::Result:
        return QStringLiteral("result");
    case ClinicalKind::VitalSign:
        return QStringLiteral("vital-sign");
    case ClinicalKind::Encounter:
        return QStringLiteral("encounter");
    case ClinicalKind::Procedure:
        return QStringLiteral("procedure");
    case ClinicalKind::Other:
        break;
    }
    return QStringLiteral("other");
}

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/clinical/fhirvocabulary.h"

#include "services/clinical/codesystems.h"

#include <QStringList>

#include <array>

using namespace Qt::StringLiterals;

namespace {

constexpr std::array markNames{"unreadable", "no-known", "negated", "other-kind", "end"};

struct SectionCode
{
    ClinicalKind kind;
    const char *loinc;
};

// The first code of each kind is the one the writer uses.
constexpr std::array sectionCodes{
    SectionCode{ClinicalKind::Allergy, "48765-2"},
    SectionCode{ClinicalKind::Medication, "10160-0"},
    SectionCode{ClinicalKind::Medication, "29549-3"}, // medications administered
    SectionCode{ClinicalKind::Medication, "10183-2"}, // hospital discharge medications
    SectionCode{ClinicalKind::Problem, "11450-4"},
    SectionCode{ClinicalKind::Immunization, "11369-6"},
    SectionCode{ClinicalKind::Result, "30954-2"},
    SectionCode{ClinicalKind::VitalSign, "8716-3"},
    SectionCode{ClinicalKind::Encounter, "46240-8"},
    SectionCode{ClinicalKind::Procedure, "47519-4"},
};

} // namespace

namespace FhirVocabulary {

QString extensionUrl(Mark mark)
{
    return QLatin1StringView(ExtensionBase) + QLatin1StringView(markNames[size_t(mark)]);
}

bool markOf(QStringView url, Mark *mark)
{
    const QLatin1StringView base(ExtensionBase);
    if (!url.startsWith(base))
        return false;
    const QStringView name = url.mid(base.size());
    for (size_t i = 0; i < markNames.size(); ++i) {
        if (name == QLatin1StringView(markNames[i])) {
            *mark = Mark(i);
            return true;
        }
    }
    return false;
}

bool isNoKnownCode(const QString &system, const QString &code)
{
    if (code.isEmpty())
        return false;
    if (CodeSystems::name(system) == "SNOMED CT"_L1) {
        // No known allergy, drug, environmental, food allergy; the older "no known allergies";
        // no known medications; no current problems or disability.
        static const QStringList snomed = {u"716186003"_s, u"409137002"_s, u"428607008"_s,
                                           u"429625007"_s, u"160244002"_s, u"787481004"_s,
                                           u"160245001"_s};
        return snomed.contains(code);
    }
    if (system.endsWith("absent-unknown-uv-ips"_L1))
        return code.startsWith("no-known-"_L1);
    return false;
}

QString sectionCode(ClinicalKind kind)
{
    for (const SectionCode &section : sectionCodes) {
        if (section.kind == kind)
            return QString::fromLatin1(section.loinc);
    }
    return {};
}

ClinicalKind kindOfSectionCode(const QString &loinc)
{
    for (const SectionCode &section : sectionCodes) {
        if (loinc == QLatin1StringView(section.loinc))
            return section.kind;
    }
    return ClinicalKind::Other;
}

} // namespace FhirVocabulary

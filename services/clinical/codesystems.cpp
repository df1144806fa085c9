// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/clinical/codesystems.h"

#include <algorithm>
#include <array>

namespace {

struct System
{
    const char *oid;
    const char *uri;
    const char *name;
};

// The systems US C-CDA and US Core use, plus the HL7 v3 vocabularies C-CDA entries carry.
constexpr std::array systems{
    System{"2.16.840.1.113883.6.96", "http://snomed.info/sct", "SNOMED CT"},
    System{"2.16.840.1.113883.6.1", "http://loinc.org", "LOINC"},
    System{"2.16.840.1.113883.6.88", "http://www.nlm.nih.gov/research/umls/rxnorm", "RxNorm"},
    System{"2.16.840.1.113883.12.292", "http://hl7.org/fhir/sid/cvx", "CVX"},
    System{"2.16.840.1.113883.6.90", "http://hl7.org/fhir/sid/icd-10-cm", "ICD-10-CM"},
    System{"2.16.840.1.113883.6.3", "http://hl7.org/fhir/sid/icd-10", "ICD-10"},
    System{"2.16.840.1.113883.6.103", "http://hl7.org/fhir/sid/icd-9-cm", "ICD-9-CM"},
    System{"2.16.840.1.113883.6.104", "http://hl7.org/fhir/sid/icd-9-cm/procedure", "ICD-9-CM procedures"},
    System{"2.16.840.1.113883.6.4", "http://www.cms.gov/Medicare/Coding/ICD10", "ICD-10-PCS"},
    System{"2.16.840.1.113883.6.12", "http://www.ama-assn.org/go/cpt", "CPT"},
    System{"2.16.840.1.113883.6.285", "urn:oid:2.16.840.1.113883.6.285", "HCPCS"},
    System{"2.16.840.1.113883.6.69", "http://hl7.org/fhir/sid/ndc", "NDC"},
    System{"2.16.840.1.113883.4.9", "http://fdasis.nlm.nih.gov", "UNII"},
    System{"2.16.840.1.113883.3.26.1.1", "http://ncimeta.nci.nih.gov", "NCI Thesaurus"},
    System{"2.16.840.1.113883.6.8", "http://unitsofmeasure.org", "UCUM"},
    System{"2.16.840.1.113883.6.101", "http://nucc.org/provider-taxonomy", "NUCC provider taxonomy"},
    System{"2.16.840.1.113883.6.238", "urn:oid:2.16.840.1.113883.6.238", "CDC Race and Ethnicity"},
    System{"2.16.840.1.113883.5.4", "http://terminology.hl7.org/CodeSystem/v3-ActCode", "HL7 ActCode"},
    System{"2.16.840.1.113883.5.6", "http://terminology.hl7.org/CodeSystem/v3-ActClass", "HL7 ActClass"},
    System{"2.16.840.1.113883.5.8", "http://terminology.hl7.org/CodeSystem/v3-ActReason", "HL7 ActReason"},
    System{"2.16.840.1.113883.5.14", "http://terminology.hl7.org/CodeSystem/v3-ActStatus", "HL7 ActStatus"},
    System{"2.16.840.1.113883.5.83", "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", "HL7 ObservationInterpretation"},
    System{"2.16.840.1.113883.5.1", "http://terminology.hl7.org/CodeSystem/v3-AdministrativeGender", "HL7 AdministrativeGender"},
    System{"2.16.840.1.113883.5.112", "http://terminology.hl7.org/CodeSystem/v3-RouteOfAdministration", "HL7 RouteOfAdministration"},
    System{"2.16.840.1.113883.5.1063", "http://terminology.hl7.org/CodeSystem/v3-SeverityObservation", "HL7 SeverityObservation"},
    System{"2.16.840.1.113883.5.25", "http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "HL7 Confidentiality"},
    System{"2.16.840.1.113883.5.111", "http://terminology.hl7.org/CodeSystem/v3-RoleCode", "HL7 RoleCode"},
    System{"2.16.840.1.113883.5.1008", "http://terminology.hl7.org/CodeSystem/v3-NullFlavor", "HL7 NullFlavor"},
    System{"2.16.840.1.113883.12.227", "http://hl7.org/fhir/sid/mvx", "MVX"},
};

QString bareOid(const QString &value)
{
    const QString trimmed = value.trimmed();
    if (trimmed.startsWith(QLatin1String("urn:oid:"), Qt::CaseInsensitive))
        return trimmed.mid(8);
    return trimmed;
}

const System *find(const QString &systemOidOrUri)
{
    const QString key = bareOid(systemOidOrUri);
    if (key.isEmpty())
        return nullptr;
    for (const System &system : systems) {
        if (key == QLatin1String(system.oid))
            return &system;
        QLatin1String uri(system.uri);
        // URIs are compared without a trailing slash: documents write both.
        QString normalized = key;
        while (normalized.endsWith(u'/'))
            normalized.chop(1);
        if (normalized.compare(uri, Qt::CaseInsensitive) == 0)
            return &system;
    }
    return nullptr;
}

} // namespace

namespace CodeSystems {

QString name(const QString &systemOidOrUri)
{
    const System *system = find(systemOidOrUri);
    return system ? QString::fromLatin1(system->name) : QString();
}

QString fhirUri(const QString &systemOidOrUri)
{
    if (const System *system = find(systemOidOrUri))
        return QString::fromLatin1(system->uri);
    const QString trimmed = systemOidOrUri.trimmed();
    if (trimmed.isEmpty())
        return {};
    // An OID is digits and dots; anything else is already a URI.
    const bool looksLikeOid = !trimmed.isEmpty()
        && std::all_of(trimmed.begin(), trimmed.end(),
                       [](QChar c) { return c.isDigit() || c == u'.'; });
    return looksLikeOid ? QStringLiteral("urn:oid:") + trimmed : trimmed;
}

QString oid(const QString &systemOidOrUri)
{
    const System *system = find(systemOidOrUri);
    return system ? QString::fromLatin1(system->oid) : QString();
}

} // namespace CodeSystems

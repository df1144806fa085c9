// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/clinical/clinicalrecord.h"

#include <QString>

/*!
  What FhirBundleReader and FhirWriter agree on: the codes that say "no known …", the LOINC
  section codes of each kind, and our own extensions for what FHIR R4 has no field for.
 */
namespace FhirVocabulary {

//! Our marks, as extensions on a resource (`{"url": extensionUrl(…), "valueBoolean": true}`).
enum class Mark {
    Unreadable, // the entry could not be read where it came from; only its words are kept
    NoKnown,    // a "no known allergies / medications / problems" statement
    Negated,    // the statement says it did not happen, where FHIR has no status for that
    OtherKind,  // an entry of a kind the resource type does not say (ClinicalKind::Other)
    End,        // valueDateTime: the end of an allergy (AllergyIntolerance has no field)
};

//! The base all our extension URLs start with. The reserved ".invalid" domain says nobody
//! should ever resolve it.
inline constexpr char ExtensionBase[] = "https://clinicdesk.invalid/fhir/StructureDefinition/";
QString extensionUrl(Mark mark);
//! The mark of an extension URL; false when the URL is not one of ours.
bool markOf(QStringView url, Mark *mark);

//! SNOMED CT "no known allergy" (716186003), what the writer puts on a noKnown allergy.
inline constexpr char NoKnownAllergyCode[] = "716186003";

//! True when `code` of `system` says "no known allergies / drug / food / environmental
//! allergies / medications / problems" (SNOMED CT or the IPS absent-unknown code system).
bool isNoKnownCode(const QString &system, const QString &code);

//! The LOINC code of the C-CDA section for a kind ("48765-2" for allergies); empty for Other.
QString sectionCode(ClinicalKind kind);
//! The kind of a LOINC section code; Other when it is none of ours.
ClinicalKind kindOfSectionCode(const QString &loinc);

} // namespace FhirVocabulary

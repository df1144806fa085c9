// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/clinical/clinicalrecord.h"

#include <QByteArray>
#include <QCoreApplication>

/*!
  Reads FHIR R4 JSON — a Bundle of any type (collection, searchset, batch, transaction,
  document, batch-response…) or a single resource — into one ClinicalRecord (format Fhir).

  Entries are grouped into one section per kind, in the order of ClinicalKind: allergies,
  medications, problems, immunizations, results, vital signs, encounters, procedures, other.
  Patient and Composition fill the header; Practitioner, PractitionerRole, Organization,
  Location, Device and Medication are read when a reference points at them; DocumentReference
  and Binary become attachments. Other resource types are counted in the notes, never an
  error. A resource that cannot be interpreted is kept as unreadable with its words.

  References understood: `urn:uuid:` fullUrls, `Type/id`, absolute URLs ending in `Type/id`,
  `#id` of a contained resource, and Synthea's conditional `Type?identifier=system|value`.

  It also understands the marks FhirWriter leaves where FHIR has no field (FhirWriter::
  extensionUrl): an unreadable entry, a "no known" statement, a negated observation, a kind.
 */
class FhirBundleReader
{
    Q_DECLARE_TR_FUNCTIONS(FhirBundleReader)

public:
    //! Larger input is refused before it is parsed.
    static constexpr qsizetype MaxBytes = 64 * 1024 * 1024;
    //! Deeper nesting of objects and arrays is refused before it is parsed.
    static constexpr int MaxDepth = 256;

    //! The record, or why nothing could be read: TooLarge, TooDeep, Malformed (with the byte
    //! offset), NotClinical (valid JSON without a resourceType).
    static ClinicalReadResult read(const QByteArray &json);
};

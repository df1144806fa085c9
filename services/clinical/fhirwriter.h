// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/clinical/clinicalrecord.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

/*!
  Writes a ClinicalRecord as a FHIR R4 Bundle the way Metriport's converter API answers
  `POST /convert/v1/ccda/to/fhir?patientId=…`: a `batch` Bundle whose entries are
  `PUT Type/id` requests. It holds one Patient (id = the given patient id), a Composition
  with the header and the sections' narratives, Organization / Practitioner / PractitionerRole /
  Device for the custodian and authors, one resource per entry (AllergyIntolerance,
  MedicationStatement + Medication, Condition, Immunization, Observation, Encounter,
  Procedure), a DiagnosticReport per result panel, and a DocumentReference per attachment and
  for the source document when one is given.

  Ids are UUID v5 of the patient id, the resource type, the entry's position and its code, so
  converting the same document again gives the same ids.

  Nothing is dropped silently: an unreadable entry becomes a resource with only its words and
  code and the FhirVocabulary::Mark::Unreadable extension; a "no known" statement keeps its
  code (SNOMED 716186003 for an allergy without one) and the NoKnown extension; a negated
  immunization or procedure is `not-done`, a negated problem or allergy `refuted`, anything
  else negated carries the Negated extension. FhirBundleReader reads all of these back.
 */
class FhirWriter
{
public:
    //! The document the record was read from, kept as a DocumentReference.
    struct Source
    {
        QByteArray content;
        QString mediaType; // "application/xml" for a C-CDA
        QString title;
    };

    static QJsonObject bundle(const ClinicalRecord &record, const QString &patientId,
                              const Source &source = {});
    //! The bundle as compact JSON.
    static QByteArray write(const ClinicalRecord &record, const QString &patientId,
                            const Source &source = {});
};

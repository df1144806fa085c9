// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/*!
  The code systems clinical documents use, known by their C-CDA OID and their FHIR URI, so a
  code shows as "SNOMED CT 59621000" whatever the document called its system, and the FHIR
  writer can turn an OID into the URI FHIR expects.
 */
namespace CodeSystems {

//! "SNOMED CT" for "2.16.840.1.113883.6.96", "http://snomed.info/sct" or "urn:oid:2.16…";
//! empty when unknown.
QString name(const QString &systemOidOrUri);
//! The FHIR URI of a system given by OID or URI ("http://loinc.org"); for an OID we do not
//! know, "urn:oid:<oid>"; an unknown URI is returned unchanged.
QString fhirUri(const QString &systemOidOrUri);
//! The OID of a system given by URI or OID; empty when unknown.
QString oid(const QString &systemOidOrUri);

} // namespace CodeSystems

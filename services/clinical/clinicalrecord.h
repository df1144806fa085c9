// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

/*!
  One coded concept as a document gives it: a SNOMED problem, an RxNorm drug, a LOINC test, a
  CVX vaccine. `system` is what the document said (an OID in C-CDA, a URI in FHIR);
  `systemName` is its name for people ("SNOMED CT"), empty when the system is unknown to us.
  A code may be absent (nullFlavor) and still carry words in originalText or a translation.
 */
struct ClinicalCode
{
    QString code;
    QString system;
    QString systemName;
    QString display;      // displayName / Coding.display
    QString originalText; // originalText, with a #reference already resolved to its words
    QString nullFlavor;   // "UNK", "NI", "OTH"…; empty when the code is given
    //! Other codes for the same concept (C-CDA translation, further FHIR codings).
    QList<ClinicalCode> translations;

    //! Nothing to show: no code, no display, no original text, no translation.
    bool isEmpty() const;
    //! The words to show: display, else originalText, else a translation's words, else the
    //! code itself; empty only when isEmpty().
    QString text() const;
    //! "Name (System code)", e.g. "Essential hypertension (SNOMED CT 59621000)"; falls back
    //! to text() when there is no code.
    QString label() const;
    bool operator==(const ClinicalCode &) const = default;
};

/*!
  What an entry is. The summary, the viewer and the reconciliation group entries by it.
 */
enum class ClinicalKind {
    Allergy,
    Medication,
    Problem,
    Immunization,
    Result,
    VitalSign,
    Encounter,
    Procedure,
    Other, // an entry of a section we do not interpret, or of a kind not listed above
};

/*!
  One statement of a document: an allergy, a medication, a result… Kind-specific fields are
  empty for the kinds that do not use them. Dates are ISO-8601 text at the precision the
  document gave ("2019", "2019-03", "2019-03-04", "2019-03-04T10:30:00-05:00"), so nothing
  is invented.

  Safety rules every reader follows:
  - `noKnown` marks a "no known allergies / medications / problems" statement; it is never an
    allergy, a medication or a problem, and it is distinct from "no information" (which is a
    section with nullFlavor or with no entries).
  - `negated` marks a statement that something did NOT happen or is NOT present
    (negationInd="true", FHIR refuted/not-done): an immunization refused, a problem ruled out.
  - `readable` false marks an entry the reader could not interpret; it is kept, with whatever
    words it had in `text`, and shown as "could not be read".
 */
struct ClinicalEntry
{
    ClinicalKind kind = ClinicalKind::Other;
    bool readable = true;
    bool negated = false;
    bool noKnown = false;

    QString id;      // the entry's own id ("root^extension" in C-CDA, resource id in FHIR)
    ClinicalCode code; // substance, drug, problem, vaccine, test, vital sign, encounter type, procedure
    QString status;  // as given, lower case: "active", "completed", "resolved", "inactive", "aborted"…
    QString start;   // onset, start of medication, date given, date of the result, encounter start
    QString end;     // resolution, stop, encounter end
    QString text;    // the narrative the entry points to, or its own text; why it is unreadable
    QString narrativeRef; // the "#id" it referenced in the section narrative, if any

    // Allergy
    QList<ClinicalCode> reactions;
    QString severity;    // "mild", "moderate", "severe" or the document's words
    QString criticality; // FHIR criticality or C-CDA criticality observation
    QString category;    // "medication", "food", "environment"…

    // Medication (dose "10 mg", route "Oral", frequency "every 12 hours")
    QString dose;
    QString route;
    QString frequency;
    QString instructions;

    // Immunization
    QString refusalReason; // words, when negated
    QString lotNumber;

    // Result, vital sign: value as written ("7.2", "positive", "120/80"), with its unit
    QString value;
    QString unit;
    QString referenceRange;  // "4.0-5.6 %", or the document's text
    QString interpretation;  // "High", "Normal", "Abnormal"…
    QString panel;           // the organizer or DiagnosticReport it belongs to

    // Problem
    QString problemType; // "Diagnosis", "Complaint", "Finding"…

    // Encounter, procedure
    QString performer;
    QString location;
    QList<ClinicalCode> diagnoses; // encounter diagnoses, procedure indications

    //! Other facts not covered above ("Comment": "…"), in document order.
    QList<QPair<QString, QString>> details;
};

/*!
  A section of a document. C-CDA sections come with their narrative; FHIR data is grouped into
  one section per kind. `kind` is Other for sections we do not interpret (they still show their
  narrative).
 */
struct ClinicalSection
{
    ClinicalKind kind = ClinicalKind::Other;
    QString title;
    ClinicalCode code; // LOINC section code
    QString templateId; // the first templateId root (C-CDA), for diagnostics
    //! The narrative as a safe HTML subset: p, br, table/thead/tbody/tfoot/tr/th/td/caption,
    //! ul/ol/li, b/i/u, sub/sup, span with class; no script, no links followed, no images, no
    //! styles from the document, every text escaped. Empty when the section had none.
    QString narrativeHtml;
    //! The narrative's words as plain text, for find and for telling "has narrative".
    QString narrativeText;
    QString nullFlavor; // the section itself said "no information" (nullFlavor="NI")
    QList<ClinicalEntry> entries;
    QList<ClinicalSection> subsections;

    bool hasNarrative() const { return !narrativeText.trimmed().isEmpty(); }
    //! Entries in this section and its subsections that are real statements of `kind`
    //! (readable, not noKnown).
    int count(ClinicalKind kind) const;
};

struct ClinicalPerson
{
    QString name;         // "Kyla Brown"
    QString organization; // for authors and custodians
    QString software;     // an author that is a device: "EHR Name 5.2"
};

struct ClinicalHeader
{
    QString documentId;
    ClinicalCode type;   // LOINC document type (34133-9 Summary of episode note…)
    QString title;
    QString date;        // effectiveTime, ISO
    QString patientName;
    QString patientBirthDate; // ISO date
    QString patientGender;    // "Female", "Male", "Unknown"…
    QStringList patientIds;   // "root^extension"
    QList<ClinicalPerson> authors;
    QString custodian;   // organization name
    QString setId;
    int version = 0;
    QString replacesDocumentId; // relatedDocument typeCode RPLC
};

/*!
  Something attached rather than structured: a nonXMLBody (plain text, an embedded or a
  referenced PDF), an observationMedia, a FHIR Binary or DocumentReference attachment.
  `data` is the decoded content when it was embedded; `reference` the URL or file name when it
  was only referenced (never fetched by the reader).
 */
struct ClinicalAttachment
{
    QString mediaType; // "application/pdf", "text/plain", "image/png"…
    QString title;
    QByteArray data;
    QString reference;
};

/*!
  Everything a reader got from one document: the header, the sections with their narrative and
  entries, the attachments. Produced by CcdaReader and FhirBundleReader alike, written back as
  FHIR by FhirWriter, merged across documents by the clinical summary.
 */
struct ClinicalRecord
{
    enum class Format { Ccda, Fhir };
    Format format = Format::Ccda;
    ClinicalHeader header;
    QList<ClinicalSection> sections;
    QList<ClinicalAttachment> attachments;
    //! Things noticed that lost nothing important, for the viewer's "About this document":
    //! "section 'Functional status' is not interpreted; its narrative is shown".
    QStringList notes;

    //! Readable, non-noKnown entries of `kind` across every section and subsection.
    int count(ClinicalKind kind) const;
    //! Entries kept as "could not be read".
    int unreadableCount() const;
    //! All entries of every section and subsection, in document order.
    QList<const ClinicalEntry *> entries() const;
    //! True when there is something to show: an entry, a narrative or an attachment.
    bool hasContent() const;
};

/*!
  Why a document could not be read at all. Readers fail per entry and per section, never per
  document; these are the few things that stop a whole document.
 */
struct ClinicalReadError
{
    enum class Code {
        None,
        TooLarge,       // over the size cap
        TooDeep,        // nesting over the cap
        ForbiddenMarkup, // a DTD or an entity reference
        Malformed,      // not well-formed XML or JSON
        NotClinical,    // well-formed, but not a ClinicalDocument / section / FHIR resource
    };
    Code code = Code::None;
    QString message; // translated, names what is wrong and where (line, column, size)
    bool isError() const { return code != Code::None; }
};

struct ClinicalReadResult
{
    ClinicalRecord record;
    ClinicalReadError error;
    bool ok() const { return !error.isError(); }
};

//! The name people use for an entry kind ("Allergies", "Medications"…), translated.
QString clinicalKindTitle(ClinicalKind kind);
//! The stable key of a kind ("allergy", "medication"…), for storage and tests.
QString clinicalKindKey(ClinicalKind kind);

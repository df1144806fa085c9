// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/clinical/clinicalrecord.h"

#include <QDate>
#include <QList>
#include <QString>

//! A document a summary line came from.
struct SummarySource
{
    qint64 documentId = 0;
    QString title;
    QString date; // the document's date, ISO
    bool operator==(const SummarySource &) const = default;
};

//! One line of the clinical summary: an entry and every document that said it.
struct SummaryItem
{
    ClinicalEntry entry; // the most recent (or first) statement of it
    QList<SummarySource> sources;
};

//! A section that says one thing in words and another in entries: a reader of the entries
//! alone would miss something.
struct SummaryFlag
{
    SummarySource source;
    QString section;
    QString problem; // translated: "has text but no coded entries"…
};

/*!
  The patient's outside records merged across documents and the consolidated data: allergies,
  active medications, active problems, immunizations, recent results and vital signs.

  Merging is safe rather than clever (ccda-fhir.md §3, §4.5): two statements are one only when
  they have the same code in the same code system (for results, vital signs and
  immunizations also the same date), never on text alone; an entry without a code is its own
  line. Each line lists every document it came from. "No known allergies" is kept apart
  (noKnownAllergies), never counted as an allergy; unreadable entries are counted per document,
  and sections whose narrative and entries disagree are flagged.
 */
class ClinicalSummary
{
public:
    struct Input
    {
        SummarySource source;
        ClinicalRecord record;
    };

    //! Results and vital signs older than this many months before `today` are left out.
    static constexpr int recentMonths = 24;

    static ClinicalSummary build(const QList<Input> &inputs, const QDate &today);

    QList<SummaryItem> allergies;
    QList<SummaryItem> medications;   // active ones
    QList<SummaryItem> problems;      // active ones
    QList<SummaryItem> immunizations; // newest first
    QList<SummaryItem> results;       // recent, newest first
    QList<SummaryItem> vitalSigns;    // recent, newest first
    //! Documents that said "no known allergies" (an allergy line wins over it: both shown).
    QList<SummarySource> noKnownAllergies;
    QList<SummaryFlag> flags;
    int unreadable = 0;
    int documents = 0;

    const QList<SummaryItem> &items(ClinicalKind kind) const;
    bool isEmpty() const;

    //! The code an entry is known by: its own, else its first translation with a code;
    //! nullptr when it has none (it is then never merged or matched on its words).
    static const ClinicalCode *codedOf(const ClinicalCode &code);
    //! The key two entries must share to be merged; empty for an entry that never merges.
    static QString mergeKey(const ClinicalEntry &entry);
    //! Whether a medication or problem is current (status active, or no end and not
    //! resolved/completed/inactive).
    static bool isActive(const ClinicalEntry &entry);
};

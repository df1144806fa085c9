// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/clinical/clinicalrecord.h"

#include <QCoreApplication>
#include <QList>
#include <QSet>
#include <QString>

/*!
  A ClinicalRecord as the viewer's HTML: the header, then each section in the chosen order
  (hidden ones left out) with its narrative — already a safe subset, made by the reader — and a
  table of its coded entries. Long sections start collapsed to their first rows with a
  "Show all" link (anchor "expand:N"); every section has the anchor "section-N" for the
  outline. Unreadable entries, "no known" statements and negations are shown as what they are.
  Nothing in it loads anything: no images, no links followed, no styles from the document.
 */
class ClinicalRecordHtml
{
    Q_DECLARE_TR_FUNCTIONS(ClinicalRecordHtml)
public:
    struct Options
    {
        QList<int> order;   //!< section indexes in display order; empty: document order
        QSet<int> hidden;   //!< section indexes not shown
        QSet<int> expanded; //!< long sections shown whole
        bool showEntries = true;
        int collapsedRows = 5; //!< rows shown of a collapsed section's entries
    };

    //! Entries or narrative past which a section starts collapsed.
    static constexpr int longSectionEntries = 12;
    static constexpr int longSectionCharacters = 4000;

    static QString render(const ClinicalRecord &record, const Options &options);
    static bool isLong(const ClinicalSection &section);
    //! The header in words: title, patient, date, authors, custodian.
    static QString headerHtml(const ClinicalHeader &header);
};

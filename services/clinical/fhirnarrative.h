// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/*!
  FHIR narrative (`text.div`, XHTML) turned into what ClinicalRecord holds, and back.
  Nothing here fetches anything or keeps scripts, links, images or styles.
 */
namespace FhirNarrative {

//! The words of an XHTML fragment: tags dropped, entities decoded, white space collapsed.
//! Fast and forgiving (no XML parser): used for every resource's own text.
QString plainText(const QString &xhtml);

//! The fragment as ClinicalSection's safe HTML subset (p, br, tables, lists, b/i/u, sub/sup,
//! span with class), every text escaped, always well-formed XML. Markup that is not
//! well-formed XML is shown as escaped paragraphs of its words.
QString safeHtml(const QString &xhtml);

//! A FHIR `div` for the writer: the safe subset of `html` when there is some, else `text`
//! escaped in paragraphs; empty when both are empty.
QString toDiv(const QString &html, const QString &text);

} // namespace FhirNarrative

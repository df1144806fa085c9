// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/clinical/clinicalrecord.h"

#include <QByteArray>
#include <QCoreApplication>

/*!
  Reads a C-CDA R2.1 document (or a section-only fragment) into a ClinicalRecord in one
  streaming pass: the header, every section with its narrative as safe HTML and its entries,
  a nonXMLBody as an attachment.

  It fails per entry and per section, never per document, except for the few things that make
  a document unsafe or unreadable: more than 20 MiB, a DTD or an entity reference, nesting
  deeper than 256 elements, XML that is not well-formed, XML that is not a clinical document.
  Processing instructions (xml-stylesheet) are ignored; nothing is ever fetched.
 */
class CcdaReader
{
    Q_DECLARE_TR_FUNCTIONS(CcdaReader)
public:
    static constexpr qsizetype MaxBytes = 20 * 1024 * 1024;

    static ClinicalReadResult read(const QByteArray &bytes);
};

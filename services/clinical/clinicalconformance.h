// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QTextStream;

/*!
  The conformance suite's clinical half: every C-CDA under DIR/ccda and every FHIR bundle under
  DIR/fhir (README.md aside) read once, one line per file with the counts per entry kind, the
  unreadable entries, sections and attachments, and the time it took.
    ok     read, and something is shown (an entry, a narrative or an attachment)
    error  refused with a specific error (malformed, a DTD, too large or too deep): passes
    FAIL   well-formed but nothing at all would be shown, not a clinical document, or an
           internal error
 */
namespace ClinicalConformance {
struct Summary
{
    int passed = 0;
    int failed = 0;
};
Summary run(const QString &dir, QTextStream &out);
} // namespace ClinicalConformance

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QTextStream>

struct ConformanceSummary
{
    int passed = 0;
    int failed = 0;
};

//! Reads every file under dir/x12 (README.md aside) once, streaming, with the lenient reader
//! and the 270 and 271 parsers beside it; prints one line per file and "N passed, N failed"
//! last. Per file: the interchanges, transactions and segments read, the 270 requests and the
//! 271 results (counted, not kept), and the warnings.
//!   ok     the content was read
//!   error  a malformed file refused with a specific error: what it should get, so it passes
//!   FAIL   well-formed but its content was not read (no transaction, a 270 transaction
//!          without a request, a 271 without results), or an internal error (an exception,
//!          an error without a message)
class ConformanceRunner
{
public:
    static ConformanceSummary run(const QString &dir, QTextStream &out);
};

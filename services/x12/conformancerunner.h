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

//! Reads every file under dir/x12 (README.md aside) with the lenient reader and, for 270s and
//! 271s, the request and response parsers; prints one line per file and "N passed, N failed"
//! last. A malformed file answered with a specific error passes; only an internal
//! inconsistency (an exception, an error without a message, a reader or parser that disagrees
//! with itself) fails.
class ConformanceRunner
{
public:
    static ConformanceSummary run(const QString &dir, QTextStream &out);
};

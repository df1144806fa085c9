// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/x12/x12streamreader.h"

#include <QString>
#include <QStringList>
#include <QTextStream>

#include <functional>
#include <memory>
#include <vector>

struct ConformanceSummary
{
    int passed = 0;
    int failed = 0;
};

//! Reads every file under dir/x12 (README.md aside) once, streaming, with the lenient reader
//! and the 270 and 271 parsers beside it, and any content checks given (the clinicdesk command
//! adds the claims' 835 and 837 readers); prints one line per file and "N passed, N failed"
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
    /*!
      One more reader of a file's content beside the 270 and 271 parsers, seeing every segment
      of the same single pass. The claims library adds its 835 and 837 readers this way, so
      that this library does not depend on it.
     */
    class ContentCheck : public X12StreamReader::Handler
    {
    public:
        //! Called when the envelope was read without error. Appends to text what was read
        //! ("; 3 remittances, …") and to failures what shows the reader fell short.
        virtual void report(QString &text, QStringList &failures) = 0;
    };
    //! Makes a fresh set of checks for each file.
    using ContentChecks = std::function<std::vector<std::unique_ptr<ContentCheck>>()>;

    static ConformanceSummary run(const QString &dir, QTextStream &out,
                                  const ContentChecks &checks = {});
};

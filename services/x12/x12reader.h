// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/x12/x12document.h"

#include <QList>
#include <QString>

#include <optional>

//! A problem found while reading: where (segment number, 1-based from ISA, and id) and what.
struct X12Issue
{
    enum class Severity { Warning, Error };
    Severity severity = Severity::Error;
    int segmentNumber = 0; // 0 when not tied to a segment (empty input, size cap)
    QByteArray segmentId;
    QString message; // translated, names what is wrong ("SE01 says 12 segments, the transaction has
                     // 14")

    //! "segment 14 (SE): SE01 says ..." or just the message.
    QString toString() const;
};

//! Collects issues in order, but at most a bounded number of them: the first error is always
//! kept, the others past the bound are counted and summed up in one closing issue by take().
//! Keeps a file with millions of problems from filling memory with their messages.
class X12IssueLog
{
public:
    explicit X12IssueLog(qsizetype limit = 100)
        : m_limit(limit)
    {
    }

    void add(X12Issue issue);
    void add(X12Issue::Severity severity, int segmentNumber, QByteArray segmentId, QString message)
    {
        add(X12Issue{severity, segmentNumber, std::move(segmentId), std::move(message)});
    }
    bool hasError() const { return m_hasError; }
    //! The issues kept, then (when some were left out) one that says how many.
    QList<X12Issue> take();

private:
    QList<X12Issue> m_issues;
    qsizetype m_limit = 0;
    qsizetype m_omittedWarnings = 0;
    qsizetype m_omittedErrors = 0;
    bool m_hasError = false;
    bool m_listedError = false;
};

struct X12ReadResult
{
    std::optional<X12Interchange> interchange; // the first interchange; set when no error
    QList<X12Interchange> interchanges;        // every interchange, in order; set when no error
    QList<X12Issue> issues;                    // errors and warnings, in order

    bool ok() const { return interchange.has_value(); }
    //! The first error, formatted; empty when ok().
    QString errorString() const;
    QList<X12Issue> warnings() const;
};

//! Reads X12 into a tree: every interchange of the input (ISA ... IEA, ISA ... IEA). Delimiters
//! come from each ISA (any bytes, CR/LF terminators, BOM and cosmetic CR/LF/indentation between
//! segments tolerated). Envelope checks: ISA/IEA, GS/GE, ST/SE presence, counts and control
//! numbers. Never crashes or hangs; input over maxBytes is refused with an error.
//! The tree holds a copy of every element, several times the input in memory: callers that
//! only need to look at each segment once (the 270/271 parsers, the conformance check) use
//! X12StreamReader instead.
class X12Reader
{
public:
    struct Options
    {
        qsizetype maxBytes = 64 * 1024 * 1024;
        //! When false, count and control-number mismatches are warnings, not errors; so are
        //! GE/IEA trailers missing at the end of the data (they are supplied) and data after
        //! the last IEA that is not another ISA (ignored). Truncated segments and transactions
        //! stay errors.
        bool strictEnvelope = true;
    };

    X12Reader() = default;
    explicit X12Reader(Options options)
        : m_options(options)
    {
    }

    X12ReadResult read(const QByteArray &data) const;

private:
    Options m_options;
};

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

struct X12ReadResult
{
    std::optional<X12Interchange> interchange; // set when there is no error
    QList<X12Issue> issues;                    // errors and warnings, in order

    bool ok() const { return interchange.has_value(); }
    //! The first error, formatted; empty when ok().
    QString errorString() const;
    QList<X12Issue> warnings() const;
};

//! Reads one X12 interchange. Delimiters come from the ISA (any bytes, CR/LF terminators,
//! BOM and cosmetic CR/LF/indentation between segments tolerated). Envelope checks: ISA/IEA,
//! GS/GE, ST/SE presence, counts and control numbers. Never crashes or hangs; input over
//! maxBytes is refused with an error.
class X12Reader
{
public:
    struct Options
    {
        qsizetype maxBytes = 64 * 1024 * 1024;
        //! When false, count and control-number mismatches are warnings, not errors; so are
        //! GE/IEA trailers missing at the end of the data (they are supplied) and data after
        //! the IEA (ignored). Truncated segments and transactions stay errors.
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

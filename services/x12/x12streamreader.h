// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/x12/x12reader.h"

#include <QByteArrayView>
#include <QVarLengthArray>

#include <memory>
#include <optional>

class QIODevice;

//! One segment as X12StreamReader sees it: views into the input, valid only during the call.
struct X12SegmentView
{
    QByteArrayView id;
    QVarLengthArray<QByteArrayView, 32> elements;
    bool synthesized = false; //!< a trailer that lenient reading supplied; not in the input

    //! Element n, 1-based; empty if absent.
    QByteArrayView element(int n) const
    {
        return n >= 1 && n <= elements.size() ? elements[n - 1] : QByteArrayView();
    }
    bool is(QByteArrayView segmentId) const { return id == segmentId; }
};

//! Reads X12 segment by segment with every check of X12Reader (which is built on it) but keeps
//! nothing: a handler sees each segment once. Reads every interchange of the input in order
//! (ISA ... IEA, ISA ... IEA); the handler sees their boundaries as Kind::Isa and Kind::Iea.
//!
//! The input can come whole (read()), from a device in blocks, or in chunks of any size
//! (feed() then finish()): only the segment being read is carried from one chunk to the next,
//! so memory does not grow with the input. Segment numbers count from 1 at the first ISA over
//! the whole input.
class X12StreamReader
{
public:
    enum class Kind { Isa, Gs, St, Se, Ge, Iea, Other };

    //! The longest segment read: X12 segments are short, so a longer one means a wrong
    //! terminator or damaged data, and it is refused rather than buffered.
    static constexpr qsizetype maxSegmentBytes = 256 * 1024;
    //! At most this many issues are listed (the first error always is); the rest are counted
    //! in one closing issue, so a file with millions of problems cannot exhaust memory.
    static constexpr qsizetype maxIssues = 100;

    class Handler
    {
    public:
        virtual ~Handler() = default;
        //! An ISA has been read: these are its interchange's separators.
        virtual void started(const X12Delimiters &delimiters) { Q_UNUSED(delimiters) }
        //! Every segment in order, ISA first, each once its place in the envelope is known to
        //! be right. number is 1-based from the first ISA of the input.
        virtual void segment(const X12SegmentView &segment, Kind kind, int number) = 0;

        //! Set by stop(): the error that ended reading.
        const std::optional<X12Issue> &stopError() const { return m_stopError; }

    protected:
        //! Refuses the rest of the input (a limit was exceeded, say): the reader stops after
        //! the current segment and its result carries error as an error.
        void stop(X12Issue error)
        {
            if (!m_stopError) {
                error.severity = X12Issue::Severity::Error;
                m_stopError = std::move(error);
            }
        }

    private:
        std::optional<X12Issue> m_stopError;
    };

    struct Result
    {
        bool ok = false;
        X12Delimiters delimiters; // of the first interchange
        QList<X12Issue> issues;
        int interchanges = 0; // ISA segments read
        int transactions = 0; // ST segments read
        int segments = 0;     // segments read from the input, envelopes included
    };

    X12StreamReader(Handler &handler, const X12Reader::Options &options);
    ~X12StreamReader();
    X12StreamReader(const X12StreamReader &) = delete;
    X12StreamReader &operator=(const X12StreamReader &) = delete;

    //! Reads the next part of the input; segments it completes go to the handler. Returns
    //! false once reading has stopped on an error (more data is then ignored).
    bool feed(QByteArrayView data);
    //! The input has ended: reads what is left, checks what is still open, gives the result.
    Result finish();

    //! Reads data and reports its segments to handler. When the result is not ok the handler
    //! may have seen part of the data and what it built should be discarded.
    static Result read(const QByteArray &data, const X12Reader::Options &options, Handler &handler);
    //! The same from an open device, read in blocks of 64 KiB.
    static Result read(QIODevice &device, const X12Reader::Options &options, Handler &handler);

private:
    class Private;
    std::unique_ptr<Private> d;
};

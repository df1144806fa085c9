// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/x12/x12reader.h"

#include <QByteArrayView>
#include <QVarLengthArray>

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

//! Reads an interchange segment by segment with every check of X12Reader (which is built on
//! it) but keeps nothing: a handler sees each segment once. The 271 parser reads large files
//! this way without building an X12Interchange first.
class X12StreamReader
{
public:
    enum class Kind { Isa, Gs, St, Se, Ge, Iea, Other };

    class Handler
    {
    public:
        virtual ~Handler() = default;
        //! The ISA has been read: these are the interchange's separators.
        virtual void started(const X12Delimiters &delimiters) { Q_UNUSED(delimiters) }
        //! Every segment in order, ISA first, each once its place in the envelope is known to
        //! be right. number is 1-based from the ISA.
        virtual void segment(const X12SegmentView &segment, Kind kind, int number) = 0;
    };

    struct Result
    {
        bool ok = false;
        X12Delimiters delimiters;
        QList<X12Issue> issues;
    };

    //! Reads data and reports its segments to handler. When the result is not ok the handler
    //! may have seen part of the data and what it built should be discarded.
    static Result read(const QByteArray &data, const X12Reader::Options &options, Handler &handler);
};

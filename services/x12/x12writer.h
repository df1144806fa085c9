// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/x12/x12document.h"

#include <QByteArray>

//! Writes an interchange with its own delimiters so that X12Reader::read(write(x)) == x.
//! Trailer counts (SE01, GE01, IEA01) and control numbers are written as they are in x;
//! use finalize() first to compute them.
class X12Writer
{
public:
    //! Append a newline after each segment terminator (readable files; still valid X12).
    bool lineBreaks = false;

    QByteArray write(const X12Interchange &interchange) const;

    //! Sets SE01/SE02, GE01/GE02 and IEA01/IEA02 from the content and the header control numbers.
    static void finalize(X12Interchange &interchange);
};

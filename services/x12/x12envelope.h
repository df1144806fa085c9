// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/x12/x12document.h"

#include <QDateTime>
#include <QString>

//! The ISA/GS/ST frame shared by the 270 and 271 builders: fixed-width ISA, '*' '^' ':' '~'
//! delimiters and one control number used for ISA13, GS06 and ST02.
namespace X12Envelope {

struct Parameters
{
    QString senderId;
    QString receiverId;
    int controlNumber = 1;
    bool production = false;
    QDateTime createdAt;        // converted to UTC; the current time when invalid
    QByteArray functionalId;    // GS01: HS (270) or HB (271)
    QByteArray transactionType; // ST01: 270 or 271
};

//! 1..999999999: ISA13 has nine digits and must not be zero.
int normalizedControlNumber(int controlNumber);
//! ISA, GS and one ST with the given parameters; trailers are left for X12Writer::finalize().
X12Interchange create(const Parameters &parameters);
//! ST02 for the n-th transaction (0-based) of an interchange with that control number.
QByteArray transactionControlNumber(int controlNumber, int index = 0);

//! A segment whose trailing empty elements are dropped, as X12 requires.
X12Segment segment(const char *id, QList<QByteArray> elements);

//! Collects the body of a transaction the builders write, text made safe for the delimiters.
class SegmentWriter
{
public:
    explicit SegmentWriter(const X12Delimiters &delimiters)
        : m_delimiters(delimiters)
    {
    }

    const X12Delimiters &delimiters() const { return m_delimiters; }
    //! X12Values::elementText() with this interchange's delimiters.
    QByteArray text(const QString &value) const;
    //! code when id has text, else nothing: a qualifier (NM108) never stands without its id.
    QByteArray qualifier(const char *code, const QString &id) const;
    void add(const char *id, QList<QByteArray> elements);
    QList<X12Segment> take() { return std::exchange(m_segments, {}); }

private:
    X12Delimiters m_delimiters;
    QList<X12Segment> m_segments;
};

//! The creation time actually written (UTC, whole minutes) for createdAt.
QDateTime effectiveTime(const QDateTime &createdAt);

} // namespace X12Envelope

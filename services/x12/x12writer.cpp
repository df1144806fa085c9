// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/x12/x12writer.h"

namespace {

qsizetype segmentSize(const X12Segment &segment)
{
    qsizetype size = segment.id().size() + 2; // terminator and an optional line break
    for (const QByteArray &element : segment.elements())
        size += element.size() + 1;
    return size;
}

qsizetype interchangeSize(const X12Interchange &interchange)
{
    qsizetype size = segmentSize(interchange.header) + segmentSize(interchange.trailer);
    for (const X12FunctionalGroup &group : interchange.groups) {
        size += segmentSize(group.header) + segmentSize(group.trailer);
        for (const X12Transaction &transaction : group.transactions) {
            size += segmentSize(transaction.header) + segmentSize(transaction.trailer);
            for (const X12Segment &segment : transaction.segments)
                size += segmentSize(segment);
        }
    }
    return size;
}

} // namespace

QByteArray X12Writer::write(const X12Interchange &interchange) const
{
    const X12Delimiters &delimiters = interchange.delimiters;
    // A newline terminator already ends the line.
    const bool newline = lineBreaks && delimiters.segment != '\n';
    QByteArray out;
    out.reserve(interchangeSize(interchange));
    auto append = [&](const X12Segment &segment) {
        out += segment.id();
        for (const QByteArray &element : segment.elements()) {
            out += delimiters.element;
            out += element;
        }
        out += delimiters.segment;
        if (newline)
            out += '\n';
    };
    append(interchange.header);
    for (const X12FunctionalGroup &group : interchange.groups) {
        append(group.header);
        for (const X12Transaction &transaction : group.transactions) {
            append(transaction.header);
            for (const X12Segment &segment : transaction.segments)
                append(segment);
            append(transaction.trailer);
        }
        append(group.trailer);
    }
    append(interchange.trailer);
    return out;
}

void X12Writer::finalize(X12Interchange &interchange)
{
    for (X12FunctionalGroup &group : interchange.groups) {
        for (X12Transaction &transaction : group.transactions) {
            if (transaction.trailer.id().isEmpty())
                transaction.trailer = X12Segment(QByteArrayLiteral("SE"));
            // SE01 counts every segment of the transaction, ST and SE included.
            transaction.trailer.setElement(1, QByteArray::number(transaction.segments.size() + 2));
            transaction.trailer.setElement(2, transaction.header.element(2));
        }
        if (group.trailer.id().isEmpty())
            group.trailer = X12Segment(QByteArrayLiteral("GE"));
        group.trailer.setElement(1, QByteArray::number(group.transactions.size()));
        group.trailer.setElement(2, group.header.element(6));
    }
    if (interchange.trailer.id().isEmpty())
        interchange.trailer = X12Segment(QByteArrayLiteral("IEA"));
    interchange.trailer.setElement(1, QByteArray::number(interchange.groups.size()));
    interchange.trailer.setElement(2, interchange.header.element(13));
}

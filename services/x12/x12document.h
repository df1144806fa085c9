// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

//! The four separators of an interchange, read from its ISA.
struct X12Delimiters
{
    char element = '*';
    //! ISA11 in 5010; '\0' when there is none (4010 has the letter U there).
    char repetition = '^';
    char component = ':';
    char segment = '~';
    bool operator==(const X12Delimiters &) const = default;
};

//! One segment: its id and its elements (element 1 is the first after the id).
//! Elements keep their composite/repetition separators verbatim; use components()/repetitions().
//! Segments read by X12Reader own their elements: nothing refers back to the input.
class X12Segment
{
public:
    X12Segment() = default;
    explicit X12Segment(QByteArray id, QList<QByteArray> elements = {})
        : m_id(std::move(id))
        , m_elements(std::move(elements))
    {
    }

    const QByteArray &id() const { return m_id; }
    bool is(const char *id) const { return m_id == id; }
    //! Element n, 1-based as in the implementation guides (NM103 == element(3)); empty if absent.
    QByteArray element(int n) const;
    QString text(int n) const { return QString::fromLatin1(element(n)); }
    int elementCount() const { return int(m_elements.size()); }
    const QList<QByteArray> &elements() const { return m_elements; }
    void setElement(int n, const QByteArray &value); // grows the list as needed
    //! Components of element n split on the component separator; {} when the element is empty.
    QList<QByteArray> components(int n, char componentSeparator) const;
    //! Repetitions of element n split on the repetition separator ('\0': none, one part).
    QList<QByteArray> repetitions(int n, char repetitionSeparator) const;
    bool operator==(const X12Segment &) const = default;

private:
    QByteArray m_id;
    QList<QByteArray> m_elements;
};

//! ST ... SE with the segments between them (ST and SE excluded).
struct X12Transaction
{
    X12Segment header; // ST
    QList<X12Segment> segments;
    X12Segment trailer;         // SE
    int firstSegmentNumber = 0; // 1-based position of ST in the input (for messages)
    bool operator==(const X12Transaction &o) const
    {
        return header == o.header && segments == o.segments && trailer == o.trailer;
    }
};

//! GS ... GE.
struct X12FunctionalGroup
{
    X12Segment header; // GS
    QList<X12Transaction> transactions;
    X12Segment trailer; // GE
    bool operator==(const X12FunctionalGroup &) const = default;
};

//! ISA ... IEA. The unit X12Reader reads and X12Writer writes.
struct X12Interchange
{
    X12Delimiters delimiters;
    X12Segment header; // ISA (16 elements, fixed width)
    QList<X12FunctionalGroup> groups;
    X12Segment trailer; // IEA
    bool operator==(const X12Interchange &) const = default;
};

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/x12/x12reader.h"

#include "services/x12/x12values.h"

#include <QCoreApplication>
#include <QVarLengthArray>

#include <cstring>

using X12Values::describeBytes;
using X12Values::describeChar;
using X12Values::isAlnum;
using X12Values::isBlank;

QString X12Issue::toString() const
{
    if (segmentNumber <= 0)
        return message;
    if (segmentId.isEmpty())
        return QCoreApplication::translate("X12", "segment %1: %2").arg(segmentNumber).arg(message);
    return QCoreApplication::translate("X12", "segment %1 (%2): %3")
        .arg(segmentNumber)
        .arg(QString::fromLatin1(segmentId), message);
}

QString X12ReadResult::errorString() const
{
    for (const X12Issue &issue : issues) {
        if (issue.severity == X12Issue::Severity::Error)
            return issue.toString();
    }
    return {};
}

QList<X12Issue> X12ReadResult::warnings() const
{
    QList<X12Issue> out;
    for (const X12Issue &issue : issues) {
        if (issue.severity == X12Issue::Severity::Warning)
            out.append(issue);
    }
    return out;
}

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("X12", text);
}

enum class Kind { Other, Isa, Gs, St, Se, Ge, Iea };

Kind kindOf(const char *id, qsizetype size)
{
    if (size == 2) {
        if (id[0] == 'G' && id[1] == 'S')
            return Kind::Gs;
        if (id[0] == 'S' && id[1] == 'T')
            return Kind::St;
        if (id[0] == 'S' && id[1] == 'E')
            return Kind::Se;
        if (id[0] == 'G' && id[1] == 'E')
            return Kind::Ge;
    } else if (size == 3) {
        if (std::memcmp(id, "ISA", 3) == 0)
            return Kind::Isa;
        if (std::memcmp(id, "IEA", 3) == 0)
            return Kind::Iea;
    }
    return Kind::Other;
}

// X12 segment ids are two or three upper-case letters and digits, starting with a letter.
bool isSegmentId(const char *id, qsizetype size)
{
    if (size < 2 || size > 3 || id[0] < 'A' || id[0] > 'Z')
        return false;
    for (qsizetype i = 1; i < size; ++i) {
        const char c = id[i];
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
            return false;
    }
    return true;
}

// The fixed widths of ISA01..ISA16.
constexpr int isaWidths[16] = {2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1, 1};
// An ISA is 106 bytes; padding mistakes make some longer, but never by this much.
constexpr qsizetype maxIsaLength = 1024;

class Reader
{
public:
    Reader(const QByteArray &data, const X12Reader::Options &options)
        : m_buffer(data)
        , m_strict(options.strictEnvelope)
        , m_maxBytes(options.maxBytes)
    {
    }

    X12ReadResult run();

private:
    enum class State { Interchange, Group, Transaction, Done };

    bool readIsa();
    void readSegments();
    void finish();
    void handle(X12Segment &&segment, Kind kind);
    void closeTransaction(const X12Segment &trailer);
    void closeGroup(const X12Segment &trailer);
    void closeInterchange(const X12Segment &trailer);

    void error(int number, const QByteArray &id, const QString &message)
    {
        m_issues.append({X12Issue::Severity::Error, number, id, message});
        m_failed = true;
    }
    void warning(int number, const QByteArray &id, const QString &message)
    {
        m_issues.append({X12Issue::Severity::Warning, number, id, message});
    }
    // Count and control-number mismatches: errors only when the envelope is checked strictly.
    void mismatch(int number, const QByteArray &id, const QString &message)
    {
        if (m_strict)
            error(number, id, message);
        else
            warning(number, id, message);
    }
    void fatal(int number, const QByteArray &id, const QString &message)
    {
        error(number, id, message);
        m_stop = true;
    }
    X12Segment segmentAt(const char *start, const char *end, qsizetype separators) const;

    QByteArray m_buffer;
    const char *m_begin = nullptr;
    const char *m_end = nullptr;
    const char *m_pos = nullptr;
    bool m_strict = true;
    qsizetype m_maxBytes = 0;

    X12Interchange m_interchange;
    QList<X12Issue> m_issues;
    bool m_failed = false;
    bool m_stop = false;

    State m_state = State::Interchange;
    int m_number = 0;     // segments read so far; the current segment's number
    QByteArray m_lastId;  // id of the last segment read
    int m_groupStart = 0; // segment number of the open GS
    int m_transactionStart = 0;
    QVarLengthArray<const char *, 64> m_separators;
};

X12ReadResult Reader::run()
{
    if (m_maxBytes > 0 && m_buffer.size() > m_maxBytes) {
        error(0, {},
              tr("The X12 data is %1 bytes long, more than the limit of %2 bytes; it was not read.")
                  .arg(m_buffer.size())
                  .arg(m_maxBytes));
        return {std::nullopt, m_issues};
    }
    m_begin = m_buffer.constData();
    m_end = m_begin + m_buffer.size();
    m_pos = m_begin;
    if (m_buffer.startsWith("\xEF\xBB\xBF")) // UTF-8 byte order mark written by some editors
        m_pos += 3;
    while (m_pos < m_end && isBlank(*m_pos))
        ++m_pos;

    if (m_pos == m_end) {
        error(0, {}, tr("The X12 data is empty."));
        return {std::nullopt, m_issues};
    }
    if (m_end - m_pos < 3 || std::memcmp(m_pos, "ISA", 3) != 0) {
        error(0, {},
              tr("This is not X12 data: it must start with an ISA segment, but starts with "
                 "\"%1\".")
                  .arg(describeBytes(QByteArrayView(m_pos, m_end - m_pos), 12)));
        return {std::nullopt, m_issues};
    }
    if (readIsa() && !m_stop) {
        readSegments();
        if (!m_stop)
            finish();
    }
    if (m_failed)
        return {std::nullopt, m_issues};
    return {std::move(m_interchange), m_issues};
}

bool Reader::readIsa()
{
    static const QByteArray isaId = QByteArrayLiteral("ISA");
    m_number = 1;
    m_lastId = isaId;
    const char *start = m_pos;
    const qsizetype available = m_end - start;
    const QString tooShort =
        tr("The ISA segment is too short: an ISA has 16 elements and is 106 characters long.");
    if (available < 4) {
        fatal(1, isaId, tooShort);
        return false;
    }
    const char element = start[3];
    if (isAlnum(element) || isBlank(element)) {
        fatal(1, isaId,
              tr("The character after ISA is %1, which cannot be the element separator; it must "
                 "be a special character such as '*'.")
                  .arg(describeChar(element)));
        return false;
    }

    const char *separators[16];
    separators[0] = start + 3;
    const char *limit = start + qMin(available, maxIsaLength);
    for (int i = 1; i < 16; ++i) {
        const char *from = separators[i - 1] + 1;
        const void *found = from < limit ? std::memchr(from, element, limit - from) : nullptr;
        if (!found) {
            fatal(1, isaId,
                  available < 106
                      ? tooShort
                      : tr("The ISA segment has only %1 of its 16 elements separated by %2.")
                            .arg(i)
                            .arg(describeChar(element)));
            return false;
        }
        separators[i] = static_cast<const char *>(found);
    }
    if (separators[15] + 2 >= m_end) {
        fatal(1, isaId, tooShort);
        return false;
    }
    const char component = separators[15][1];
    const char terminator = separators[15][2];

    if (isAlnum(terminator) || terminator == ' ' || terminator == '\t') {
        fatal(1, isaId,
              tr("The segment terminator (the character after ISA16) is %1; it must be a special "
                 "character such as '~'.")
                  .arg(describeChar(terminator)));
        return false;
    }
    if (isAlnum(component) || isBlank(component)) {
        fatal(1, isaId,
              tr("The component separator (ISA16) is %1; it must be a special character such "
                 "as ':'.")
                  .arg(describeChar(component)));
        return false;
    }
    if (component == element || terminator == element || terminator == component) {
        const char shared = terminator == component ? terminator : element;
        const QString first = component == element || terminator == element
                                  ? tr("element separator")
                                  : tr("component separator (ISA16)");
        const QString second = terminator == component || terminator == element
                                   ? tr("segment terminator")
                                   : tr("component separator (ISA16)");
        fatal(1, isaId,
              tr("The ISA uses %1 as both the %2 and the %3; the separators must differ.")
                  .arg(describeChar(shared), first, second));
        return false;
    }

    QList<QByteArray> elements;
    elements.reserve(16);
    for (int i = 0; i < 15; ++i) {
        const char *from = separators[i] + 1;
        const char *to = separators[i + 1];
        if (std::memchr(from, terminator, to - from)) {
            fatal(1, isaId,
                  tr("ISA%1 contains the segment terminator %2: the ISA is incomplete or its "
                     "separators are wrong.")
                      .arg(i + 1, 2, 10, QLatin1Char('0'))
                      .arg(describeChar(terminator)));
            return false;
        }
        elements.append(X12Values::slice(m_buffer, from, to - from));
    }
    elements.append(X12Values::slice(m_buffer, separators[15] + 1, 1));
    for (int i = 0; i < 16; ++i) {
        if (elements.at(i).size() != isaWidths[i]) {
            warning(1, isaId,
                    tr("ISA%1 is %2 characters long; the standard fixes it at %3.")
                        .arg(i + 1, 2, 10, QLatin1Char('0'))
                        .arg(elements.at(i).size())
                        .arg(isaWidths[i]));
        }
    }

    X12Delimiters delimiters;
    delimiters.element = element;
    delimiters.component = component;
    delimiters.segment = terminator;
    delimiters.repetition = '\0';
    const QByteArray &isa11 = elements.at(10);
    if (isa11.size() == 1 && !isAlnum(isa11[0]) && !isBlank(isa11[0])) {
        if (isa11[0] == component || isa11[0] == terminator) {
            warning(1, isaId,
                    tr("ISA11 (repetition separator) %1 is also the %2; repetitions are not "
                       "split.")
                        .arg(describeChar(isa11[0]), isa11[0] == component
                                                         ? tr("component separator (ISA16)")
                                                         : tr("segment terminator")));
        } else {
            delimiters.repetition = isa11[0];
        }
    }
    // Otherwise (4010 puts the letter U in ISA11) there is no repetition separator.

    m_interchange.delimiters = delimiters;
    m_interchange.header = X12Segment(isaId, std::move(elements));
    m_pos = separators[15] + 3;
    return true;
}

X12Segment Reader::segmentAt(const char *start, const char *end, qsizetype separators) const
{
    const char *idEnd = separators > 0 ? m_separators[0] : end;
    QList<QByteArray> elements;
    elements.reserve(separators);
    for (qsizetype i = 0; i < separators; ++i) {
        const char *from = m_separators[i] + 1;
        const char *to = i + 1 < separators ? m_separators[i + 1] : end;
        elements.append(X12Values::slice(m_buffer, from, to - from));
    }
    return X12Segment(X12Values::slice(m_buffer, start, idEnd - start), std::move(elements));
}

void Reader::readSegments()
{
    const char elementSeparator = m_interchange.delimiters.element;
    const char terminator = m_interchange.delimiters.segment;
    while (!m_stop && m_state != State::Done) {
        // CR, LF and indentation between segments are cosmetic.
        while (m_pos < m_end && isBlank(*m_pos))
            ++m_pos;
        if (m_pos >= m_end)
            return;
        const char *start = m_pos;
        const char *found =
            static_cast<const char *>(std::memchr(start, terminator, m_end - start));
        const char *stop = found ? found : m_end;
        const char *last = stop;
        // Trailing blanks before a terminator are padding, not data.
        while (last > start && isBlank(last[-1]))
            --last;
        m_pos = found ? found + 1 : m_end;
        ++m_number;

        m_separators.clear();
        for (const char *p = start; p < last; ++p) {
            if (*p == elementSeparator)
                m_separators.append(p);
        }
        const char *idEnd = m_separators.isEmpty() ? last : m_separators[0];
        if (!isSegmentId(start, idEnd - start)) {
            fatal(m_number, {},
                  tr("\"%1\" is not a segment ID (after segment %2, %3); the data is damaged or "
                     "is not X12.")
                      .arg(describeBytes(QByteArrayView(start, idEnd - start)))
                      .arg(m_number - 1)
                      .arg(QString::fromLatin1(m_lastId)));
            return;
        }
        const Kind kind = kindOf(start, idEnd - start);
        X12Segment segment = segmentAt(start, last, m_separators.size());
        if (!found) {
            if (kind != Kind::Iea) {
                fatal(m_number, segment.id(),
                      tr("The data ends in the middle of this segment (no segment terminator "
                         "%1): the input is truncated.")
                          .arg(describeChar(terminator)));
                return;
            }
            warning(
                m_number, segment.id(),
                tr("The last segment has no segment terminator %1.").arg(describeChar(terminator)));
        }
        m_lastId = segment.id();
        handle(std::move(segment), kind);
    }
}

void Reader::handle(X12Segment &&segment, Kind kind)
{
    const QByteArray &id = segment.id();
    switch (kind) {
    case Kind::Isa:
        fatal(m_number, id, tr("A second ISA starts before the IEA of the interchange."));
        return;
    case Kind::Gs:
        if (m_state == State::Transaction) {
            fatal(m_number, id,
                  tr("A functional group starts inside the transaction that began at segment %1 "
                     "(its SE is missing).")
                      .arg(m_transactionStart));
        } else if (m_state == State::Group) {
            fatal(m_number, id,
                  tr("A functional group starts before the GE of the group that began at "
                     "segment %1.")
                      .arg(m_groupStart));
        } else {
            X12FunctionalGroup group;
            group.header = std::move(segment);
            m_interchange.groups.append(std::move(group));
            m_state = State::Group;
            m_groupStart = m_number;
        }
        return;
    case Kind::St:
        if (m_state == State::Interchange) {
            fatal(m_number, id,
                  tr("The transaction is outside a functional group (GS is missing)."));
        } else if (m_state == State::Transaction) {
            fatal(m_number, id,
                  tr("A transaction starts before the SE of the transaction that began at "
                     "segment %1.")
                      .arg(m_transactionStart));
        } else {
            X12Transaction transaction;
            transaction.header = std::move(segment);
            transaction.firstSegmentNumber = m_number;
            m_interchange.groups.last().transactions.append(std::move(transaction));
            m_state = State::Transaction;
            m_transactionStart = m_number;
        }
        return;
    case Kind::Se:
        if (m_state != State::Transaction) {
            fatal(m_number, id, tr("SE without a matching ST."));
            return;
        }
        closeTransaction(segment);
        m_interchange.groups.last().transactions.last().trailer = std::move(segment);
        m_state = State::Group;
        return;
    case Kind::Ge:
        if (m_state == State::Transaction) {
            fatal(m_number, id,
                  tr("The functional group ends inside the transaction that began at segment %1 "
                     "(its SE is missing).")
                      .arg(m_transactionStart));
        } else if (m_state != State::Group) {
            fatal(m_number, id, tr("GE without a matching GS."));
        } else {
            closeGroup(segment);
            m_interchange.groups.last().trailer = std::move(segment);
            m_state = State::Interchange;
        }
        return;
    case Kind::Iea:
        if (m_state == State::Transaction) {
            fatal(m_number, id,
                  tr("The interchange ends inside the transaction that began at segment %1 (its "
                     "SE and GE are missing).")
                      .arg(m_transactionStart));
        } else if (m_state == State::Group) {
            fatal(m_number, id,
                  tr("The interchange ends inside the functional group that began at segment %1 "
                     "(its GE is missing).")
                      .arg(m_groupStart));
        } else {
            closeInterchange(segment);
            m_interchange.trailer = std::move(segment);
            m_state = State::Done;
        }
        return;
    case Kind::Other:
        if (m_state == State::Transaction) {
            m_interchange.groups.last().transactions.last().segments.append(std::move(segment));
        } else if (m_state == State::Group) {
            fatal(m_number, id,
                  tr("The segment is outside a transaction (not between ST and SE)."));
        } else {
            fatal(m_number, id,
                  tr("The segment is outside a functional group and transaction: GS and ST are "
                     "missing before it."));
        }
        return;
    }
}

void Reader::closeTransaction(const X12Segment &trailer)
{
    const X12Transaction &transaction = m_interchange.groups.last().transactions.last();
    const qsizetype count = transaction.segments.size() + 2;
    const QByteArray se01 = trailer.element(1);
    const auto declared = X12Values::parseCount(se01);
    if (!declared) {
        mismatch(m_number, trailer.id(),
                 tr("SE01 \"%1\" is not a segment count; the transaction has %2 segments (ST to "
                    "SE).")
                     .arg(describeBytes(se01))
                     .arg(count));
    } else if (*declared != count) {
        mismatch(m_number, trailer.id(),
                 tr("SE01 says %1 segments; the transaction has %2 (ST to SE).")
                     .arg(*declared)
                     .arg(count));
    }
    const QByteArray st02 = transaction.header.element(2);
    if (trailer.element(2) != st02) {
        mismatch(m_number, trailer.id(),
                 tr("SE02 \"%1\" does not match ST02 \"%2\" of segment %3.")
                     .arg(describeBytes(trailer.element(2)), describeBytes(st02))
                     .arg(m_transactionStart));
    }
}

void Reader::closeGroup(const X12Segment &trailer)
{
    const X12FunctionalGroup &group = m_interchange.groups.last();
    const qsizetype count = group.transactions.size();
    const QByteArray ge01 = trailer.element(1);
    const auto declared = X12Values::parseCount(ge01);
    if (!declared) {
        mismatch(m_number, trailer.id(),
                 tr("GE01 \"%1\" is not a transaction count; the functional group has %2.")
                     .arg(describeBytes(ge01))
                     .arg(count));
    } else if (*declared != count) {
        mismatch(m_number, trailer.id(),
                 tr("GE01 says %1 transactions; the functional group has %2.")
                     .arg(*declared)
                     .arg(count));
    }
    const QByteArray gs06 = group.header.element(6);
    if (!X12Values::sameControlNumber(trailer.element(2), gs06)) {
        mismatch(m_number, trailer.id(),
                 tr("GE02 \"%1\" does not match GS06 \"%2\" of segment %3.")
                     .arg(describeBytes(trailer.element(2)), describeBytes(gs06))
                     .arg(m_groupStart));
    }
}

void Reader::closeInterchange(const X12Segment &trailer)
{
    const qsizetype count = m_interchange.groups.size();
    const QByteArray iea01 = trailer.element(1);
    const auto declared = X12Values::parseCount(iea01);
    if (!declared) {
        mismatch(m_number, trailer.id(),
                 tr("IEA01 \"%1\" is not a functional group count; the interchange has %2.")
                     .arg(describeBytes(iea01))
                     .arg(count));
    } else if (*declared != count) {
        mismatch(m_number, trailer.id(),
                 tr("IEA01 says %1 functional groups; the interchange has %2.")
                     .arg(*declared)
                     .arg(count));
    }
    const QByteArray isa13 = m_interchange.header.element(13);
    if (!X12Values::sameControlNumber(trailer.element(2), isa13)) {
        mismatch(m_number, trailer.id(),
                 tr("IEA02 \"%1\" does not match the interchange control number ISA13 \"%2\".")
                     .arg(describeBytes(trailer.element(2)), describeBytes(isa13)));
    }
}

void Reader::finish()
{
    if (m_state == State::Done) {
        // Some systems pad files with NUL or end them with a DOS end-of-file mark.
        while (m_pos < m_end && (isBlank(*m_pos) || *m_pos == '\0' || *m_pos == '\x1a'))
            ++m_pos;
        if (m_pos < m_end) {
            const QByteArrayView rest(m_pos, m_end - m_pos);
            const QString message =
                rest.startsWith("ISA")
                    ? tr("A second interchange (ISA) follows the IEA; only one interchange is "
                         "read.")
                    : tr("Data follows the IEA trailer: \"%1\".").arg(describeBytes(rest));
            mismatch(m_number + 1, {}, message);
        }
        return;
    }
    if (m_state == State::Transaction) {
        error(m_transactionStart, QByteArrayLiteral("ST"),
              tr("The data ends after segment %1 (%2) before the SE of this transaction: the "
                 "input is truncated.")
                  .arg(m_number)
                  .arg(QString::fromLatin1(m_lastId)));
        return;
    }
    // Complete segments, but the trailers are missing. Lenient reading supplies them.
    if (m_state == State::Group) {
        mismatch(m_groupStart, QByteArrayLiteral("GS"),
                 tr("The functional group has no GE trailer: the data ends after segment %1 "
                    "(%2).")
                     .arg(m_number)
                     .arg(QString::fromLatin1(m_lastId)));
        X12FunctionalGroup &group = m_interchange.groups.last();
        group.trailer =
            X12Segment(QByteArrayLiteral("GE"),
                       {QByteArray::number(group.transactions.size()), group.header.element(6)});
    }
    mismatch(1, QByteArrayLiteral("ISA"),
             tr("The interchange has no IEA trailer: the data ends after segment %1 (%2).")
                 .arg(m_number)
                 .arg(QString::fromLatin1(m_lastId)));
    m_interchange.trailer =
        X12Segment(QByteArrayLiteral("IEA"), {QByteArray::number(m_interchange.groups.size()),
                                              m_interchange.header.element(13)});
}

} // namespace

X12ReadResult X12Reader::read(const QByteArray &data) const
{
    return Reader(data, m_options).run();
}

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/x12/x12reader.h"

#include "services/x12/x12streamreader.h"
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

using Kind = X12StreamReader::Kind;

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
    Reader(const QByteArray &data, const X12Reader::Options &options,
           X12StreamReader::Handler &handler)
        : m_buffer(data)
        , m_strict(options.strictEnvelope)
        , m_maxBytes(options.maxBytes)
        , m_handler(handler)
    {
    }

    X12StreamReader::Result run();

private:
    enum class State { Interchange, Group, Transaction, Done };

    bool readIsa();
    void readSegments();
    void finish();
    void handle(Kind kind);
    void closeTransaction();
    void closeGroup();
    void closeInterchange();
    void report(Kind kind) { m_handler.segment(m_view, kind, m_number); }

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
    QByteArray currentId() const { return m_view.id.toByteArray(); }

    QByteArray m_buffer;
    const char *m_end = nullptr;
    const char *m_pos = nullptr;
    bool m_strict = true;
    qsizetype m_maxBytes = 0;
    X12StreamReader::Handler &m_handler;

    X12Delimiters m_delimiters;
    QList<X12Issue> m_issues;
    bool m_failed = false;
    bool m_stop = false;

    State m_state = State::Interchange;
    int m_number = 0;        // segments read so far; the current segment's number
    QByteArrayView m_lastId; // id of the last segment read (a view into the input)
    X12SegmentView m_view;   // the current segment
    // What the trailers are checked against.
    QByteArray m_isa13;
    QByteArray m_gs06;
    QByteArray m_st02;
    qsizetype m_groups = 0;
    qsizetype m_transactions = 0; // in the open group
    qsizetype m_segments = 0;     // between ST and SE of the open transaction
    int m_groupStart = 0;         // segment number of the open GS
    int m_transactionStart = 0;   // segment number of the open ST
};

X12StreamReader::Result Reader::run()
{
    const auto result = [this] {
        return X12StreamReader::Result{!m_failed, m_delimiters, m_issues};
    };
    if (m_maxBytes > 0 && m_buffer.size() > m_maxBytes) {
        error(0, {},
              QCoreApplication::translate(
                  "X12",
                  "The X12 data is %1 bytes long, more than the limit of %2 bytes; it was not "
                  "read.")
                  .arg(m_buffer.size())
                  .arg(m_maxBytes));
        return result();
    }
    m_pos = m_buffer.constData();
    m_end = m_pos + m_buffer.size();
    if (m_buffer.startsWith("\xEF\xBB\xBF")) // UTF-8 byte order mark written by some editors
        m_pos += 3;
    while (m_pos < m_end && isBlank(*m_pos))
        ++m_pos;

    if (m_pos == m_end) {
        error(0, {}, QCoreApplication::translate("X12", "The X12 data is empty."));
        return result();
    }
    if (m_end - m_pos < 3 || std::memcmp(m_pos, "ISA", 3) != 0) {
        error(0, {},
              QCoreApplication::translate(
                  "X12", "This is not X12 data: it must start with an ISA segment, but starts with "
                         "\"%1\".")
                  .arg(describeBytes(QByteArrayView(m_pos, m_end - m_pos), 12)));
        return result();
    }
    if (readIsa() && !m_stop) {
        readSegments();
        if (!m_stop)
            finish();
    }
    return result();
}

bool Reader::readIsa()
{
    static const QByteArray isaId = QByteArrayLiteral("ISA");
    m_number = 1;
    m_lastId = QByteArrayView(m_pos, 3);
    const char *start = m_pos;
    const qsizetype available = m_end - start;
    const QString tooShort = QCoreApplication::translate(
        "X12", "The ISA segment is too short: an ISA has 16 elements and is 106 characters long.");
    if (available < 4) {
        fatal(1, isaId, tooShort);
        return false;
    }
    const char element = start[3];
    if (isAlnum(element) || isBlank(element)) {
        fatal(1, isaId,
              QCoreApplication::translate(
                  "X12",
                  "The character after ISA is %1, which cannot be the element separator; it must "
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
            fatal(
                1, isaId,
                available < 106
                    ? tooShort
                    : QCoreApplication::translate(
                          "X12", "The ISA segment has only %1 of its 16 elements separated by %2.")
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
              QCoreApplication::translate(
                  "X12",
                  "The segment terminator (the character after ISA16) is %1; it must be a special "
                  "character such as '~'.")
                  .arg(describeChar(terminator)));
        return false;
    }
    if (isAlnum(component) || isBlank(component)) {
        fatal(1, isaId,
              QCoreApplication::translate(
                  "X12",
                  "The component separator (ISA16) is %1; it must be a special character such "
                  "as ':'.")
                  .arg(describeChar(component)));
        return false;
    }
    if (component == element || terminator == element || terminator == component) {
        const char shared = terminator == component ? terminator : element;
        const QString first =
            component == element || terminator == element
                ? QCoreApplication::translate("X12", "element separator")
                : QCoreApplication::translate("X12", "component separator (ISA16)");
        const QString second =
            terminator == component || terminator == element
                ? QCoreApplication::translate("X12", "segment terminator")
                : QCoreApplication::translate("X12", "component separator (ISA16)");
        fatal(1, isaId,
              QCoreApplication::translate(
                  "X12", "The ISA uses %1 as both the %2 and the %3; the separators must differ.")
                  .arg(describeChar(shared), first, second));
        return false;
    }

    m_view.id = QByteArrayView(start, 3);
    m_view.elements.clear();
    for (int i = 0; i < 15; ++i) {
        const char *from = separators[i] + 1;
        const char *to = separators[i + 1];
        if (std::memchr(from, terminator, to - from)) {
            fatal(1, isaId,
                  QCoreApplication::translate(
                      "X12",
                      "ISA%1 contains the segment terminator %2: the ISA is incomplete or its "
                      "separators are wrong.")
                      .arg(i + 1, 2, 10, QLatin1Char('0'))
                      .arg(describeChar(terminator)));
            return false;
        }
        m_view.elements.append(QByteArrayView(from, to - from));
    }
    m_view.elements.append(QByteArrayView(separators[15] + 1, 1));
    for (int i = 0; i < 16; ++i) {
        if (m_view.elements[i].size() != isaWidths[i]) {
            warning(1, isaId,
                    QCoreApplication::translate(
                        "X12", "ISA%1 is %2 characters long; the standard fixes it at %3.")
                        .arg(i + 1, 2, 10, QLatin1Char('0'))
                        .arg(m_view.elements[i].size())
                        .arg(isaWidths[i]));
        }
    }

    m_delimiters.element = element;
    m_delimiters.component = component;
    m_delimiters.segment = terminator;
    m_delimiters.repetition = '\0';
    const QByteArrayView isa11 = m_view.elements[10];
    if (isa11.size() == 1 && !isAlnum(isa11[0]) && !isBlank(isa11[0])) {
        if (isa11[0] == component || isa11[0] == terminator) {
            warning(1, isaId,
                    QCoreApplication::translate(
                        "X12",
                        "ISA11 (repetition separator) %1 is also the %2; repetitions are not "
                        "split.")
                        .arg(describeChar(isa11[0]),
                             isa11[0] == component
                                 ? QCoreApplication::translate("X12", "component separator (ISA16)")
                                 : QCoreApplication::translate("X12", "segment terminator")));
        } else {
            m_delimiters.repetition = isa11[0];
        }
    }
    // Otherwise (4010 puts the letter U in ISA11) there is no repetition separator.

    m_isa13 = m_view.elements[12].toByteArray();
    m_pos = separators[15] + 3;
    m_handler.started(m_delimiters);
    report(Kind::Isa);
    return true;
}

void Reader::readSegments()
{
    const char elementSeparator = m_delimiters.element;
    const char terminator = m_delimiters.segment;
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

        m_view.elements.clear();
        const char *idEnd = nullptr;
        const char *from = start;
        for (const char *p = start; p < last; ++p) {
            if (*p == elementSeparator) {
                if (idEnd)
                    m_view.elements.append(QByteArrayView(from, p - from));
                else
                    idEnd = p;
                from = p + 1;
            }
        }
        if (idEnd)
            m_view.elements.append(QByteArrayView(from, last - from));
        else
            idEnd = last;
        if (!isSegmentId(start, idEnd - start)) {
            fatal(m_number, {},
                  QCoreApplication::translate(
                      "X12",
                      "\"%1\" is not a segment ID (after segment %2, %3); the data is damaged or "
                      "is not X12.")
                      .arg(describeBytes(QByteArrayView(start, idEnd - start)))
                      .arg(m_number - 1)
                      .arg(QString::fromLatin1(m_lastId)));
            return;
        }
        m_view.id = QByteArrayView(start, idEnd - start);
        const Kind kind = kindOf(start, idEnd - start);
        if (!found) {
            if (kind != Kind::Iea) {
                fatal(m_number, currentId(),
                      QCoreApplication::translate(
                          "X12",
                          "The data ends in the middle of this segment (no segment terminator "
                          "%1): the input is truncated.")
                          .arg(describeChar(terminator)));
                return;
            }
            warning(
                m_number, currentId(),
                QCoreApplication::translate("X12", "The last segment has no segment terminator %1.")
                    .arg(describeChar(terminator)));
        }
        m_lastId = m_view.id;
        if (kind != Kind::Other || m_state != State::Transaction) {
            handle(kind);
        } else {
            ++m_segments; // the hot path: a segment inside a transaction
            report(kind);
        }
    }
}

void Reader::handle(Kind kind)
{
    const QByteArray id = currentId();
    switch (kind) {
    case Kind::Isa:
        fatal(m_number, id,
              QCoreApplication::translate(
                  "X12", "A second ISA starts before the IEA of the interchange."));
        return;
    case Kind::Gs:
        if (m_state == State::Transaction) {
            fatal(m_number, id,
                  QCoreApplication::translate(
                      "X12",
                      "A functional group starts inside the transaction that began at segment %1 "
                      "(its SE is missing).")
                      .arg(m_transactionStart));
        } else if (m_state == State::Group) {
            fatal(m_number, id,
                  QCoreApplication::translate(
                      "X12", "A functional group starts before the GE of the group that began at "
                             "segment %1.")
                      .arg(m_groupStart));
        } else {
            m_state = State::Group;
            m_groupStart = m_number;
            m_gs06 = m_view.element(6).toByteArray();
            m_transactions = 0;
            ++m_groups;
            report(kind);
        }
        return;
    case Kind::St:
        if (m_state == State::Interchange) {
            fatal(m_number, id,
                  QCoreApplication::translate(
                      "X12", "The transaction is outside a functional group (GS is missing)."));
        } else if (m_state == State::Transaction) {
            fatal(m_number, id,
                  QCoreApplication::translate(
                      "X12", "A transaction starts before the SE of the transaction that began at "
                             "segment %1.")
                      .arg(m_transactionStart));
        } else {
            m_state = State::Transaction;
            m_transactionStart = m_number;
            m_st02 = m_view.element(2).toByteArray();
            m_segments = 0;
            ++m_transactions;
            report(kind);
        }
        return;
    case Kind::Se:
        if (m_state != State::Transaction) {
            fatal(m_number, id, QCoreApplication::translate("X12", "SE without a matching ST."));
            return;
        }
        closeTransaction();
        m_state = State::Group;
        report(kind);
        return;
    case Kind::Ge:
        if (m_state == State::Transaction) {
            fatal(m_number, id,
                  QCoreApplication::translate(
                      "X12",
                      "The functional group ends inside the transaction that began at segment %1 "
                      "(its SE is missing).")
                      .arg(m_transactionStart));
        } else if (m_state != State::Group) {
            fatal(m_number, id, QCoreApplication::translate("X12", "GE without a matching GS."));
        } else {
            closeGroup();
            m_state = State::Interchange;
            report(kind);
        }
        return;
    case Kind::Iea:
        if (m_state == State::Transaction) {
            fatal(m_number, id,
                  QCoreApplication::translate(
                      "X12",
                      "The interchange ends inside the transaction that began at segment %1 (its "
                      "SE and GE are missing).")
                      .arg(m_transactionStart));
        } else if (m_state == State::Group) {
            fatal(m_number, id,
                  QCoreApplication::translate(
                      "X12",
                      "The interchange ends inside the functional group that began at segment %1 "
                      "(its GE is missing).")
                      .arg(m_groupStart));
        } else {
            closeInterchange();
            m_state = State::Done;
            report(kind);
        }
        return;
    case Kind::Other:
        if (m_state == State::Group) {
            fatal(m_number, id,
                  QCoreApplication::translate(
                      "X12", "The segment is outside a transaction (not between ST and SE)."));
        } else {
            fatal(m_number, id,
                  QCoreApplication::translate(
                      "X12",
                      "The segment is outside a functional group and transaction: GS and ST are "
                      "missing before it."));
        }
        return;
    }
}

void Reader::closeTransaction()
{
    const QByteArray id = currentId();
    const qsizetype count = m_segments + 2;
    const QByteArrayView se01 = m_view.element(1);
    const auto declared = X12Values::parseCount(se01);
    if (!declared) {
        mismatch(m_number, id,
                 QCoreApplication::translate(
                     "X12",
                     "SE01 \"%1\" is not a segment count; the transaction has %2 segments (ST to "
                     "SE).")
                     .arg(describeBytes(se01))
                     .arg(count));
    } else if (*declared != count) {
        mismatch(m_number, id,
                 QCoreApplication::translate(
                     "X12", "SE01 says %1 segments; the transaction has %2 (ST to SE).")
                     .arg(*declared)
                     .arg(count));
    }
    if (m_view.element(2) != m_st02) {
        mismatch(m_number, id,
                 QCoreApplication::translate(
                     "X12", "SE02 \"%1\" does not match ST02 \"%2\" of segment %3.")
                     .arg(describeBytes(m_view.element(2)), describeBytes(m_st02))
                     .arg(m_transactionStart));
    }
}

void Reader::closeGroup()
{
    const QByteArray id = currentId();
    const QByteArrayView ge01 = m_view.element(1);
    const auto declared = X12Values::parseCount(ge01);
    if (!declared) {
        mismatch(m_number, id,
                 QCoreApplication::translate(
                     "X12", "GE01 \"%1\" is not a transaction count; the functional group has %2.")
                     .arg(describeBytes(ge01))
                     .arg(m_transactions));
    } else if (*declared != m_transactions) {
        mismatch(m_number, id,
                 QCoreApplication::translate(
                     "X12", "GE01 says %1 transactions; the functional group has %2.")
                     .arg(*declared)
                     .arg(m_transactions));
    }
    if (!X12Values::sameControlNumber(m_view.element(2), m_gs06)) {
        mismatch(m_number, id,
                 QCoreApplication::translate(
                     "X12", "GE02 \"%1\" does not match GS06 \"%2\" of segment %3.")
                     .arg(describeBytes(m_view.element(2)), describeBytes(m_gs06))
                     .arg(m_groupStart));
    }
}

void Reader::closeInterchange()
{
    const QByteArray id = currentId();
    const QByteArrayView iea01 = m_view.element(1);
    const auto declared = X12Values::parseCount(iea01);
    if (!declared) {
        mismatch(m_number, id,
                 QCoreApplication::translate(
                     "X12", "IEA01 \"%1\" is not a functional group count; the interchange has %2.")
                     .arg(describeBytes(iea01))
                     .arg(m_groups));
    } else if (*declared != m_groups) {
        mismatch(m_number, id,
                 QCoreApplication::translate(
                     "X12", "IEA01 says %1 functional groups; the interchange has %2.")
                     .arg(*declared)
                     .arg(m_groups));
    }
    if (!X12Values::sameControlNumber(m_view.element(2), m_isa13)) {
        mismatch(
            m_number, id,
            QCoreApplication::translate(
                "X12", "IEA02 \"%1\" does not match the interchange control number ISA13 \"%2\".")
                .arg(describeBytes(m_view.element(2)), describeBytes(m_isa13)));
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
                    ? QCoreApplication::translate(
                          "X12",
                          "A second interchange (ISA) follows the IEA; only one interchange is "
                          "read.")
                    : QCoreApplication::translate("X12", "Data follows the IEA trailer: \"%1\".")
                          .arg(describeBytes(rest));
            mismatch(m_number + 1, {}, message);
        }
        return;
    }
    const QString lastId = QString::fromLatin1(m_lastId);
    if (m_state == State::Transaction) {
        error(m_transactionStart, QByteArrayLiteral("ST"),
              QCoreApplication::translate(
                  "X12",
                  "The data ends after segment %1 (%2) before the SE of this transaction: the "
                  "input is truncated.")
                  .arg(m_number)
                  .arg(lastId));
        return;
    }
    // Complete segments, but the trailers are missing. Lenient reading supplies them.
    const int last = m_number;
    if (m_state == State::Group) {
        mismatch(m_groupStart, QByteArrayLiteral("GS"),
                 QCoreApplication::translate(
                     "X12",
                     "The functional group has no GE trailer: the data ends after segment %1 "
                     "(%2).")
                     .arg(last)
                     .arg(lastId));
        const QByteArray count = QByteArray::number(m_transactions);
        m_view.id = "GE";
        m_view.elements = {count, m_gs06};
        m_view.synthesized = true;
        report(Kind::Ge);
    }
    mismatch(1, QByteArrayLiteral("ISA"),
             QCoreApplication::translate(
                 "X12", "The interchange has no IEA trailer: the data ends after segment %1 (%2).")
                 .arg(last)
                 .arg(lastId));
    const QByteArray count = QByteArray::number(m_groups);
    m_view.id = "IEA";
    m_view.elements = {count, m_isa13};
    m_view.synthesized = true;
    report(Kind::Iea);
}

// Builds the X12Interchange from the segments; elements share the input buffer.
class InterchangeBuilder : public X12StreamReader::Handler
{
public:
    explicit InterchangeBuilder(const QByteArray &buffer)
        : m_buffer(buffer)
    {
    }

    void segment(const X12SegmentView &view, Kind kind, int number) override
    {
        X12Segment segment = toSegment(view);
        switch (kind) {
        case Kind::Isa:
            m_interchange.header = std::move(segment);
            return;
        case Kind::Gs:
            m_interchange.groups.append(X12FunctionalGroup{std::move(segment), {}, {}});
            return;
        case Kind::St: {
            X12Transaction transaction;
            transaction.header = std::move(segment);
            transaction.firstSegmentNumber = number;
            m_interchange.groups.last().transactions.append(std::move(transaction));
            return;
        }
        case Kind::Se:
            m_interchange.groups.last().transactions.last().trailer = std::move(segment);
            return;
        case Kind::Ge:
            m_interchange.groups.last().trailer = std::move(segment);
            return;
        case Kind::Iea:
            m_interchange.trailer = std::move(segment);
            return;
        case Kind::Other:
            m_interchange.groups.last().transactions.last().segments.append(std::move(segment));
            return;
        }
    }

    X12Interchange take(const X12Delimiters &delimiters)
    {
        m_interchange.delimiters = delimiters;
        return std::move(m_interchange);
    }

private:
    QByteArray bytes(QByteArrayView view, bool synthesized) const
    {
        return synthesized ? view.toByteArray()
                           : X12Values::slice(m_buffer, view.data(), view.size());
    }

    X12Segment toSegment(const X12SegmentView &view) const
    {
        QList<QByteArray> elements;
        elements.reserve(view.elements.size());
        for (const QByteArrayView element : view.elements)
            elements.append(bytes(element, view.synthesized));
        return X12Segment(bytes(view.id, view.synthesized), std::move(elements));
    }

    const QByteArray &m_buffer;
    X12Interchange m_interchange;
};

} // namespace

X12StreamReader::Result X12StreamReader::read(const QByteArray &data,
                                              const X12Reader::Options &options, Handler &handler)
{
    return Reader(data, options, handler).run();
}

X12ReadResult X12Reader::read(const QByteArray &data) const
{
    InterchangeBuilder builder(data);
    X12StreamReader::Result result = X12StreamReader::read(data, m_options, builder);
    if (!result.ok)
        return {std::nullopt, std::move(result.issues)};
    return {builder.take(result.delimiters), std::move(result.issues)};
}

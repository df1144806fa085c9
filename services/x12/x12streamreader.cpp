// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/x12/x12streamreader.h"

#include "services/x12/x12values.h"

#include <QCoreApplication>
#include <QIODevice>

#include <array>
#include <cstring>

using X12Values::describeBytes;
using X12Values::describeChar;
using X12Values::isAlnum;
using X12Values::isBlank;

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
constexpr qsizetype blockSize = 64 * 1024;

QString sizeLimitMessage(qint64 size, qsizetype limit)
{
    return QCoreApplication::translate(
               "X12", "The X12 data is %1 bytes long, more than the limit of %2 bytes; it was not "
                      "read.")
        .arg(size)
        .arg(limit);
}

} // namespace

class X12StreamReader::Private
{
public:
    Private(Handler &handler, const X12Reader::Options &options)
        : m_strict(options.strictEnvelope)
        , m_maxBytes(options.maxBytes)
        , m_handler(handler)
        , m_issues(maxIssues)
    {
    }

    bool feed(QByteArrayView data);
    Result finish();
    void refuse(const QString &message) // before anything was read
    {
        error(0, {}, message);
        m_state = State::Stopped;
    }

private:
    // Start: before the first ISA. Between: after an IEA, where another ISA may follow.
    // Stopped: an error (or data after the last IEA) ended reading; the rest is ignored.
    enum class State { Start, Interchange, Group, Transaction, Between, Stopped };

    // Reads the segments complete in [pos, end); returns where the unread part begins.
    // final: nothing follows end, so an incomplete segment is truncated, not pending.
    const char *consume(const char *pos, const char *end, bool final);
    // false: more data is needed to decide (pos may have moved past blanks).
    bool startInterchange(const char *&pos, const char *end, bool final);
    bool readIsa(const char *&pos, const char *end, bool final);
    void readSegment(const char *start, const char *stop, bool terminated);
    void refuseLongSegment(const char *start, const char *end);
    void handle(Kind kind);
    void closeTransaction();
    void closeGroup();
    void closeInterchange();
    void closeAtEnd();
    void report(Kind kind)
    {
        m_handler.segment(m_view, kind, m_number);
        if (Q_UNLIKELY(m_handler.stopError().has_value())) {
            m_issues.add(*m_handler.stopError());
            m_state = State::Stopped;
        }
    }

    void error(int number, const QByteArray &id, const QString &message)
    {
        m_issues.add(X12Issue::Severity::Error, number, id, message);
    }
    void warning(int number, const QByteArray &id, const QString &message)
    {
        m_issues.add(X12Issue::Severity::Warning, number, id, message);
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
        m_state = State::Stopped;
    }
    QByteArray currentId() const { return m_view.id.toByteArray(); }
    void setLastId(QByteArrayView id)
    {
        m_lastIdSize = qMin<qsizetype>(id.size(), m_lastId.size());
        std::memcpy(m_lastId.data(), id.data(), size_t(m_lastIdSize));
    }
    QString lastId() const { return QString::fromLatin1(m_lastId.data(), m_lastIdSize); }

    bool m_strict = true;
    qsizetype m_maxBytes = 0;
    Handler &m_handler;
    X12IssueLog m_issues;

    QByteArray m_pending; // the start of a segment that the next chunk completes
    qint64 m_bytes = 0;   // fed so far
    bool m_bomChecked = false;

    State m_state = State::Start;
    X12Delimiters m_delimiters;
    X12Delimiters m_firstDelimiters;
    int m_number = 0; // segments read so far; the current segment's number
    // Id of the last segment read, copied: the input it was read from may be gone.
    std::array<char, 3> m_lastId{};
    qsizetype m_lastIdSize = 0;
    X12SegmentView m_view; // the current segment
    // What the trailers are checked against.
    QByteArray m_isa13;
    QByteArray m_gs06;
    QByteArray m_st02;
    int m_interchanges = 0;
    int m_transactionsRead = 0;
    qsizetype m_groups = 0;       // in the open interchange
    qsizetype m_transactions = 0; // in the open group
    qsizetype m_segments = 0;     // between ST and SE of the open transaction
    int m_isaStart = 0;           // segment number of the open ISA
    int m_groupStart = 0;         // segment number of the open GS
    int m_transactionStart = 0;   // segment number of the open ST
};

bool X12StreamReader::Private::feed(QByteArrayView data)
{
    if (m_state == State::Stopped)
        return false;
    m_bytes += data.size();
    if (m_maxBytes > 0 && m_bytes > m_maxBytes) {
        fatal(0, {},
              QCoreApplication::translate(
                  "X12", "The X12 data is more than the limit of %1 bytes long; it was not read "
                         "past that point.")
                  .arg(m_maxBytes));
        return false;
    }
    if (m_pending.isEmpty()) {
        // Most segments end in the chunk they start in: read them where they are.
        const char *begin = data.data();
        const char *rest = consume(begin, begin + data.size(), false);
        if (m_state != State::Stopped)
            m_pending = QByteArray(rest, data.data() + data.size() - rest);
    } else {
        m_pending.append(data);
        const char *begin = m_pending.constData();
        const char *rest = consume(begin, begin + m_pending.size(), false);
        if (m_state == State::Stopped)
            m_pending.clear();
        else
            m_pending.remove(0, rest - begin);
    }
    return m_state != State::Stopped;
}

X12StreamReader::Result X12StreamReader::Private::finish()
{
    if (m_state != State::Stopped) {
        const char *begin = m_pending.constData();
        consume(begin, begin + m_pending.size(), true);
    }
    m_pending = QByteArray();
    if (m_state == State::Start) {
        error(0, {}, QCoreApplication::translate("X12", "The X12 data is empty."));
        m_state = State::Stopped;
    } else if (m_state != State::Stopped && m_state != State::Between) {
        closeAtEnd();
    }
    Result result;
    result.ok = !m_issues.hasError();
    result.delimiters = m_firstDelimiters;
    result.issues = m_issues.take();
    result.interchanges = m_interchanges;
    result.transactions = m_transactionsRead;
    result.segments = m_number;
    return result;
}

const char *X12StreamReader::Private::consume(const char *pos, const char *end, bool final)
{
    while (m_state != State::Stopped) {
        if (m_state == State::Start || m_state == State::Between) {
            if (!startInterchange(pos, end, final))
                return pos;
            continue;
        }
        // CR, LF and indentation between segments are cosmetic.
        while (pos < end && isBlank(*pos))
            ++pos;
        if (pos == end)
            return pos;
        const qsizetype window = qMin<qsizetype>(end - pos, maxSegmentBytes + 1);
        const char *found =
            static_cast<const char *>(std::memchr(pos, m_delimiters.segment, window));
        if (!found && window > maxSegmentBytes) {
            refuseLongSegment(pos, end);
            return end;
        }
        if (!found && !final)
            return pos; // the rest of this segment is in the next chunk
        readSegment(pos, found ? found : end, found != nullptr);
        pos = found ? found + 1 : end;
    }
    return end;
}

bool X12StreamReader::Private::startInterchange(const char *&pos, const char *end, bool final)
{
    if (!m_bomChecked) {
        if (end - pos < 3 && !final)
            return false;
        if (QByteArrayView(pos, end - pos).startsWith("\xEF\xBB\xBF")) // written by some editors
            pos += 3;
        m_bomChecked = true;
    }
    const bool between = m_state == State::Between;
    for (;;) {
        // Some systems pad files with NUL or end them with a DOS end-of-file mark.
        while (pos < end && (isBlank(*pos) || (between && (*pos == '\0' || *pos == '\x1a'))))
            ++pos;
        if (pos == end)
            return false; // finish() tells empty data from an input that ends after an IEA
        if (end - pos < 3 && !final)
            return false;
        // Files joined with cat keep each one's byte order mark.
        if (!between || !QByteArrayView(pos, end - pos).startsWith("\xEF\xBB\xBF"))
            break;
        pos += 3;
    }
    const QByteArrayView rest(pos, end - pos);
    if (rest.startsWith("ISA"))
        return readIsa(pos, end, final);
    // Enough of the rest to quote it as the messages do (they cut it with "...").
    if (rest.size() <= (between ? 20 : 12) && !final)
        return false;
    if (between) {
        mismatch(m_number + 1, {},
                 QCoreApplication::translate("X12", "Data follows the IEA trailer: \"%1\".")
                     .arg(describeBytes(rest)));
    } else {
        error(0, {},
              QCoreApplication::translate(
                  "X12", "This is not X12 data: it must start with an ISA segment, but starts with "
                         "\"%1\".")
                  .arg(describeBytes(rest, 12)));
    }
    m_state = State::Stopped;
    return true;
}

bool X12StreamReader::Private::readIsa(const char *&pos, const char *end, bool final)
{
    static const QByteArray isaId = QByteArrayLiteral("ISA");
    const char *start = pos;
    const qsizetype available = end - start;
    const int number = m_number + 1;
    const auto fail = [&](const QString &message) {
        m_number = number;
        fatal(number, isaId, message);
        return true;
    };
    const QString tooShort = QCoreApplication::translate(
        "X12", "The ISA segment is too short: an ISA has 16 elements and is 106 characters long.");
    if (available < 4)
        return final ? fail(tooShort) : false;
    const char element = start[3];
    if (isAlnum(element) || isBlank(element)) {
        return fail(QCoreApplication::translate(
                        "X12",
                        "The character after ISA is %1, which cannot be the element separator; it "
                        "must be a special character such as '*'.")
                        .arg(describeChar(element)));
    }

    const char *separators[16];
    separators[0] = start + 3;
    const char *limit = start + qMin(available, maxIsaLength);
    for (int i = 1; i < 16; ++i) {
        const char *from = separators[i - 1] + 1;
        const void *found = from < limit ? std::memchr(from, element, limit - from) : nullptr;
        if (!found) {
            if (!final && available < maxIsaLength)
                return false;
            return fail(available < 106
                            ? tooShort
                            : QCoreApplication::translate(
                                  "X12", "The ISA segment has only %1 of its 16 elements "
                                         "separated by %2.")
                                  .arg(i)
                                  .arg(describeChar(element)));
        }
        separators[i] = static_cast<const char *>(found);
    }
    if (separators[15] + 2 >= end)
        return final ? fail(tooShort) : false;
    const char component = separators[15][1];
    const char terminator = separators[15][2];

    if (isAlnum(terminator) || terminator == ' ' || terminator == '\t') {
        return fail(QCoreApplication::translate(
                        "X12",
                        "The segment terminator (the character after ISA16) is %1; it must be a "
                        "special character such as '~'.")
                        .arg(describeChar(terminator)));
    }
    if (isAlnum(component) || isBlank(component)) {
        return fail(QCoreApplication::translate(
                        "X12",
                        "The component separator (ISA16) is %1; it must be a special character "
                        "such as ':'.")
                        .arg(describeChar(component)));
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
        return fail(
            QCoreApplication::translate(
                "X12", "The ISA uses %1 as both the %2 and the %3; the separators must differ.")
                .arg(describeChar(shared), first, second));
    }

    m_view.id = QByteArrayView(start, 3);
    m_view.elements.clear();
    m_view.synthesized = false;
    for (int i = 0; i < 15; ++i) {
        const char *from = separators[i] + 1;
        const char *to = separators[i + 1];
        if (std::memchr(from, terminator, to - from)) {
            return fail(QCoreApplication::translate(
                            "X12",
                            "ISA%1 contains the segment terminator %2: the ISA is incomplete or "
                            "its separators are wrong.")
                            .arg(i + 1, 2, 10, QLatin1Char('0'))
                            .arg(describeChar(terminator)));
        }
        m_view.elements.append(QByteArrayView(from, to - from));
    }
    m_view.elements.append(QByteArrayView(separators[15] + 1, 1));
    m_number = number;
    for (int i = 0; i < 16; ++i) {
        if (m_view.elements[i].size() != isaWidths[i]) {
            warning(number, isaId,
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
            warning(number, isaId,
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
    if (m_interchanges == 0)
        m_firstDelimiters = m_delimiters;

    ++m_interchanges;
    m_isa13 = m_view.elements[12].toByteArray();
    m_isaStart = number;
    m_groups = 0;
    setLastId(m_view.id);
    m_state = State::Interchange;
    pos = separators[15] + 3;
    m_handler.started(m_delimiters);
    report(Kind::Isa);
    return true;
}

void X12StreamReader::Private::refuseLongSegment(const char *start, const char *end)
{
    ++m_number;
    const char *separator = static_cast<const char *>(
        std::memchr(start, m_delimiters.element, qMin<qsizetype>(end - start, 4)));
    const qsizetype idSize = separator ? separator - start : qMin<qsizetype>(end - start, 4);
    if (!isSegmentId(start, idSize)) {
        fatal(m_number, {},
              QCoreApplication::translate(
                  "X12",
                  "\"%1\" is not a segment ID (after segment %2, %3); the data is damaged or is "
                  "not X12.")
                  .arg(describeBytes(QByteArrayView(start, idSize)))
                  .arg(m_number - 1)
                  .arg(lastId()));
        return;
    }
    fatal(m_number, QByteArray(start, idSize),
          QCoreApplication::translate(
              "X12",
              "No segment terminator %1 follows within %2 bytes: the segment is longer than X12 "
              "allows, or the data is damaged.")
              .arg(describeChar(m_delimiters.segment))
              .arg(maxSegmentBytes));
}

void X12StreamReader::Private::readSegment(const char *start, const char *stop, bool terminated)
{
    const char elementSeparator = m_delimiters.element;
    const char *last = stop;
    // Trailing blanks before a terminator are padding, not data.
    while (last > start && isBlank(last[-1]))
        --last;
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
                  "\"%1\" is not a segment ID (after segment %2, %3); the data is damaged or is "
                  "not X12.")
                  .arg(describeBytes(QByteArrayView(start, idEnd - start)))
                  .arg(m_number - 1)
                  .arg(lastId()));
        return;
    }
    m_view.id = QByteArrayView(start, idEnd - start);
    const Kind kind = kindOf(start, idEnd - start);
    if (!terminated) {
        if (kind != Kind::Iea) {
            fatal(m_number, currentId(),
                  QCoreApplication::translate(
                      "X12",
                      "The data ends in the middle of this segment (no segment terminator %1): "
                      "the input is truncated.")
                      .arg(describeChar(m_delimiters.segment)));
            return;
        }
        warning(m_number, currentId(),
                QCoreApplication::translate("X12", "The last segment has no segment terminator %1.")
                    .arg(describeChar(m_delimiters.segment)));
    }
    setLastId(m_view.id);
    if (kind != Kind::Other || m_state != State::Transaction) {
        handle(kind);
    } else {
        ++m_segments; // the hot path: a segment inside a transaction
        report(kind);
    }
}

void X12StreamReader::Private::handle(Kind kind)
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
            ++m_transactionsRead;
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
            m_state = State::Between;
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

void X12StreamReader::Private::closeTransaction()
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

void X12StreamReader::Private::closeGroup()
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

void X12StreamReader::Private::closeInterchange()
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

// The input ended inside an interchange.
void X12StreamReader::Private::closeAtEnd()
{
    const QString last = lastId();
    if (m_state == State::Transaction) {
        error(m_transactionStart, QByteArrayLiteral("ST"),
              QCoreApplication::translate(
                  "X12",
                  "The data ends after segment %1 (%2) before the SE of this transaction: the "
                  "input is truncated.")
                  .arg(m_number)
                  .arg(last));
        m_state = State::Stopped;
        return;
    }
    // Complete segments, but the trailers are missing. Lenient reading supplies them.
    if (m_state == State::Group) {
        mismatch(m_groupStart, QByteArrayLiteral("GS"),
                 QCoreApplication::translate(
                     "X12",
                     "The functional group has no GE trailer: the data ends after segment %1 "
                     "(%2).")
                     .arg(m_number)
                     .arg(last));
        const QByteArray count = QByteArray::number(m_transactions);
        m_view.id = "GE";
        m_view.elements = {count, m_gs06};
        m_view.synthesized = true;
        report(Kind::Ge);
        if (m_state == State::Stopped)
            return;
    }
    mismatch(m_isaStart, QByteArrayLiteral("ISA"),
             QCoreApplication::translate(
                 "X12", "The interchange has no IEA trailer: the data ends after segment %1 (%2).")
                 .arg(m_number)
                 .arg(last));
    const QByteArray count = QByteArray::number(m_groups);
    m_view.id = "IEA";
    m_view.elements = {count, m_isa13};
    m_view.synthesized = true;
    report(Kind::Iea);
    if (m_state != State::Stopped)
        m_state = State::Between;
}

X12StreamReader::X12StreamReader(Handler &handler, const X12Reader::Options &options)
    : d(std::make_unique<Private>(handler, options))
{
}

X12StreamReader::~X12StreamReader() = default;

bool X12StreamReader::feed(QByteArrayView data)
{
    return d->feed(data);
}

X12StreamReader::Result X12StreamReader::finish()
{
    return d->finish();
}

X12StreamReader::Result X12StreamReader::read(const QByteArray &data,
                                              const X12Reader::Options &options, Handler &handler)
{
    X12StreamReader reader(handler, options);
    if (options.maxBytes > 0 && data.size() > options.maxBytes)
        reader.d->refuse(sizeLimitMessage(data.size(), options.maxBytes));
    else
        reader.feed(data); // whole: segments are read in place, nothing is carried
    return reader.finish();
}

X12StreamReader::Result X12StreamReader::read(QIODevice &device, const X12Reader::Options &options,
                                              Handler &handler)
{
    X12StreamReader reader(handler, options);
    if (!device.isSequential() && options.maxBytes > 0 && device.size() > options.maxBytes) {
        reader.d->refuse(sizeLimitMessage(device.size(), options.maxBytes));
        return reader.finish();
    }
    QByteArray block(blockSize, Qt::Uninitialized);
    for (;;) {
        const qint64 got = device.read(block.data(), block.size());
        if (got < 0) {
            reader.d->refuse(QCoreApplication::translate("X12", "The X12 data cannot be read: %1")
                                 .arg(device.errorString()));
            break;
        }
        // A pipe or socket that stays silent is taken to have ended rather than waited for.
        if (got == 0 && (device.atEnd() || !device.waitForReadyRead(30000)))
            break;
        if (got > 0 && !reader.feed(QByteArrayView(block.constData(), got)))
            break;
    }
    return reader.finish();
}

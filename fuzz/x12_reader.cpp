// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The X12 reader on any bytes: the tree (X12Reader), the stream fed in small chunks
// (X12StreamReader): the same segments, issues and result however the bytes arrive.

#include "fuzz/fuzzsupport.h"

#include "services/x12/x12reader.h"
#include "services/x12/x12streamreader.h"

namespace {

//! A digest of every segment the stream reader hands out (FNV-1a, no allocation), so that two
//! reads can be compared.
class SegmentDigest : public X12StreamReader::Handler
{
public:
    void started(const X12Delimiters &delimiters) override
    {
        add(delimiters.element);
        add(delimiters.repetition);
        add(delimiters.component);
        add(delimiters.segment);
    }
    void segment(const X12SegmentView &segment, X12StreamReader::Kind kind, int number) override
    {
        FUZZ_CHECK(number > 0);
        add(char(number));
        add(char(kind));
        add(segment.synthesized ? '\x01' : '\x00');
        add(segment.id);
        for (const QByteArrayView element : segment.elements) {
            add('\x1f');
            add(element);
        }
        add('\x1e');
    }
    quint64 digest() const { return m_digest; }

private:
    void add(char c) { m_digest = (m_digest ^ quint8(c)) * 0x100000001b3ULL; }
    void add(QByteArrayView bytes)
    {
        for (const char c : bytes)
            add(c);
    }
    quint64 m_digest = 0xcbf29ce484222325ULL;
};

QByteArray issuesText(const QList<X12Issue> &issues)
{
    QByteArray out;
    for (const X12Issue &issue : issues)
        out += QByteArray::number(int(issue.severity)) + issue.toString().toUtf8() + '\n';
    return out;
}

//! Touches every element, component and repetition of the tree.
qsizetype walk(const X12Interchange &interchange)
{
    qsizetype total = 0;
    const X12Delimiters &d = interchange.delimiters;
    auto visit = [&](const X12Segment &segment) {
        for (int n = 1; n <= segment.elementCount(); ++n) {
            total += segment.element(n).size();
            total += segment.components(n, d.component).size();
            total += segment.repetitions(n, d.repetition).size();
        }
        FUZZ_CHECK(segment.element(segment.elementCount() + 1).isEmpty());
    };
    visit(interchange.header);
    for (const X12FunctionalGroup &group : interchange.groups) {
        visit(group.header);
        for (const X12Transaction &transaction : group.transactions) {
            visit(transaction.header);
            for (const X12Segment &segment : transaction.segments)
                visit(segment);
            visit(transaction.trailer);
        }
        visit(group.trailer);
    }
    visit(interchange.trailer);
    return total;
}

void check(const QByteArray &input, qsizetype chunk, bool strict)
{
    X12Reader::Options options;
    options.strictEnvelope = strict;

    const X12ReadResult read = X12Reader(options).read(input);
    if (read.ok()) {
        FUZZ_CHECK(read.errorString().isEmpty());
        FUZZ_CHECK(!read.interchanges.isEmpty());
        FUZZ_CHECK(*read.interchange == read.interchanges.first());
        for (const X12Interchange &interchange : read.interchanges)
            walk(interchange);
    } else {
        FUZZ_CHECK(!read.errorString().isEmpty());
        FUZZ_CHECK(read.interchanges.isEmpty());
    }

    // The whole input at once and the same input in chunks: the same segments, issues, result.
    SegmentDigest whole;
    const X12StreamReader::Result wholeResult = X12StreamReader::read(input, options, whole);
    FUZZ_CHECK(wholeResult.ok == read.ok());
    SegmentDigest chunked;
    X12StreamReader stream(chunked, options);
    for (qsizetype at = 0; at < input.size(); at += chunk) {
        if (!stream.feed(QByteArrayView(input).sliced(at, qMin(chunk, input.size() - at))))
            break;
    }
    const X12StreamReader::Result chunkedResult = stream.finish();
    FUZZ_CHECK(chunkedResult.ok == wholeResult.ok);
    FUZZ_CHECK(chunkedResult.segments == wholeResult.segments);
    FUZZ_CHECK(chunkedResult.interchanges == wholeResult.interchanges);
    FUZZ_CHECK(chunkedResult.transactions == wholeResult.transactions);
    FUZZ_CHECK(issuesText(chunkedResult.issues) == issuesText(wholeResult.issues));
    FUZZ_CHECK(chunked.digest() == whole.digest());

    // No writer round trip here: X12Writer writes what ClinicDesk builds (its unit tests read it
    // back), not any interchange a lenient read lets through. Two inputs on which it does not give
    // the interchange back are kept in tests/data/fuzz/x12_reader/ for that to be looked at.
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = Fuzz::bytes(data, size);
    // The last byte chooses the envelope checks (strict or lenient) and the chunks the stream
    // is fed in (1 to 64 bytes), so that the mutator explores all of them.
    const uint8_t last = size > 0 ? data[size - 1] : 0;
    check(input, 1 + last % 64, last & 0x40);
    return 0;
}

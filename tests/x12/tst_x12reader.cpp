// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/x12/x12reader.h"
#include "services/x12/x12streamreader.h"
#include "services/x12/x12writer.h"
#include "x12fixtures.h"
#include "x12generate.h"

#include <QBuffer>
#include <QRandomGenerator>
#include <QTest>

class TestX12Reader : public QObject
{
    Q_OBJECT

private slots:
    void delimitersAndShape_data();
    void delimitersAndShape();
    void cosmeticWhitespaceIsIgnored();
    void trailingSpacesAreTrimmed();
    void carriageReturnTerminator();
    void envelopeErrors_data();
    void envelopeErrors();
    void lenientReadingKeepsMismatchesAsWarnings_data();
    void lenientReadingKeepsMismatchesAsWarnings();
    void lenientReadingSuppliesMissingTrailers();
    void badInput_data();
    void badInput();
    void oversizeInputIsRefused();
    void repetitionSeparatorCollisionIsAWarning();
    void segmentNumbersInTransactions();
    void segmentAccessors();
    void elementsOutliveTheInterchange();
    void issueText();
    void randomMutationsNeverCrash();
    void randomBytesNeverCrash();
    void everyInterchangeIsRead();
    void dataAfterTheLastInterchange_data();
    void dataAfterTheLastInterchange();
    void chunkedReadingMatchesWholeReading_data();
    void chunkedReadingMatchesWholeReading();
    void deviceReadingMatchesWholeReading();
    void overlongSegmentIsRefused_data();
    void overlongSegmentIsRefused();
    void handlerCanStopReading();
    void issuesAreBounded_data();
    void issuesAreBounded();
};

namespace {
X12ReadResult readStrict(const QByteArray &data)
{
    return X12Reader().read(data);
}

X12ReadResult readLenient(const QByteArray &data)
{
    X12Reader::Options options;
    options.strictEnvelope = false;
    return X12Reader(options).read(data);
}

// Everything a handler sees, as text, so that two readings can be compared.
class Recorder : public X12StreamReader::Handler
{
public:
    QStringList events;

    void started(const X12Delimiters &d) override
    {
        events.append(QStringLiteral("started %1 %2 %3 %4")
                          .arg(int(d.element))
                          .arg(int(d.repetition))
                          .arg(int(d.component))
                          .arg(int(d.segment)));
    }
    void segment(const X12SegmentView &segment, X12StreamReader::Kind kind, int number) override
    {
        QByteArrayList parts{segment.id.toByteArray()};
        for (const QByteArrayView element : segment.elements)
            parts.append(element.toByteArray());
        events.append(QStringLiteral("%1 %2 %3%4")
                          .arg(int(kind))
                          .arg(number)
                          .arg(QString::fromLatin1(parts.join('|')),
                               segment.synthesized ? QStringLiteral(" (supplied)") : QString()));
    }
};

QStringList issueTexts(const QList<X12Issue> &issues)
{
    QStringList texts;
    for (const X12Issue &issue : issues)
        texts.append((issue.severity == X12Issue::Severity::Error ? "E " : "W ") +
                     issue.toString());
    return texts;
}

void compareReadings(const X12StreamReader::Result &actual, const QStringList &actualEvents,
                     const X12StreamReader::Result &expected, const QStringList &expectedEvents)
{
    QCOMPARE(actual.ok, expected.ok);
    QCOMPARE(issueTexts(actual.issues), issueTexts(expected.issues));
    QCOMPARE(actualEvents, expectedEvents);
    QCOMPARE(actual.interchanges, expected.interchanges);
    QCOMPARE(actual.transactions, expected.transactions);
    QCOMPARE(actual.segments, expected.segments);
    QCOMPARE(actual.delimiters, expected.delimiters);
}

int segmentCount(const X12Interchange &interchange)
{
    int count = 2;
    for (const X12FunctionalGroup &group : interchange.groups) {
        count += 2;
        for (const X12Transaction &transaction : group.transactions)
            count += int(transaction.segments.size()) + 2;
    }
    return count;
}
} // namespace

void TestX12Reader::delimitersAndShape_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<char>("element");
    QTest::addColumn<char>("repetition");
    QTest::addColumn<char>("component");
    QTest::addColumn<char>("segment");
    QTest::addColumn<int>("transactions");
    QTest::addColumn<int>("segments");
    QTest::addColumn<QByteArray>("lastSegmentOfFirstTransaction");

    QTest::newRow("tilde star") << QByteArray("271_subscriber.x12") << '*' << '^' << ':' << '~' << 1
                                << 49 << QByteArray("LE");
    QTest::newRow("pipe bang") << QByteArray("271_pipe_bang.x12") << '|' << '^' << '>' << '!' << 1
                               << 16 << QByteArray("EB");
    QTest::newRow("bom crlf indent") << QByteArray("271_bom_crlf.x12") << '*' << '^' << ':' << '~'
                                     << 1 << 49 << QByteArray("LE");
    QTest::newRow("4010 CR terminator") << QByteArray("271_4010_cr.x12") << '*' << '\0' << ':'
                                        << '\r' << 1 << 16 << QByteArray("EB");
    QTest::newRow("LF terminator")
        << QByteArray("271_lf_terminator.x12") << '*' << '^' << ':' << '\n'
        << 1 << 16 << QByteArray("EB");
    QTest::newRow("0x1D terminator + CRLF") << QByteArray("270_gs_terminator.x12") << '*' << '^'
                                            << ':' << '\x1d' << 1 << 17 << QByteArray("EQ");
    QTest::newRow("three transactions") << QByteArray("271_rejections.x12") << '*' << '^' << ':'
                                        << '~' << 3 << 50 << QByteArray("DMG");
}

void TestX12Reader::delimitersAndShape()
{
    QFETCH(QByteArray, file);
    QFETCH(char, element);
    QFETCH(char, repetition);
    QFETCH(char, component);
    QFETCH(char, segment);
    QFETCH(int, transactions);
    QFETCH(int, segments);
    QFETCH(QByteArray, lastSegmentOfFirstTransaction);

    const X12ReadResult result = readStrict(fixture(file.constData()));
    QVERIFY2(result.ok(), qPrintable(result.errorString()));
    const X12Interchange &interchange = *result.interchange;
    QCOMPARE(interchange.delimiters.element, element);
    QCOMPARE(interchange.delimiters.repetition, repetition);
    QCOMPARE(interchange.delimiters.component, component);
    QCOMPARE(interchange.delimiters.segment, segment);
    QCOMPARE(interchange.header.id(), QByteArray("ISA"));
    QCOMPARE(interchange.header.elementCount(), 16);
    QCOMPARE(interchange.header.element(16), QByteArray(1, component));
    QCOMPARE(interchange.groups.size(), 1);
    QCOMPARE(interchange.groups.first().transactions.size(), transactions);
    QCOMPARE(segmentCount(interchange), segments);
    const X12Transaction &first = interchange.groups.first().transactions.first();
    QCOMPARE(first.header.id(), QByteArray("ST"));
    QCOMPARE(first.trailer.id(), QByteArray("SE"));
    QCOMPARE(first.segments.first().id(), QByteArray("BHT"));
    QCOMPARE(first.segments.last().id(), lastSegmentOfFirstTransaction);
    QCOMPARE(interchange.trailer.id(), QByteArray("IEA"));
}

void TestX12Reader::cosmeticWhitespaceIsIgnored()
{
    // The same interchange, once plain and once with BOM, CRLF and tab indentation.
    const X12ReadResult plain = readStrict(fixture("271_subscriber.x12"));
    const X12ReadResult decorated = readStrict(fixture("271_bom_crlf.x12"));
    QVERIFY(plain.ok());
    QVERIFY(decorated.ok());
    QCOMPARE(*decorated.interchange, *plain.interchange);
    QVERIFY(decorated.warnings().isEmpty());
}

void TestX12Reader::trailingSpacesAreTrimmed()
{
    const X12ReadResult result = readStrict(fixture("271_4010_cr.x12"));
    QVERIFY2(result.ok(), qPrintable(result.errorString()));
    const X12Transaction &transaction = result.interchange->groups.first().transactions.first();
    // "ST*271*OLD1 \r": the space before the terminator is padding.
    QCOMPARE(transaction.header.element(2), QByteArray("OLD1"));
    QCOMPARE(transaction.segments.at(0).element(3), QByteArray("REQ-417"));
    QCOMPARE(transaction.segments.last().element(13), QByteArray("HC:90669"));
    QCOMPARE(result.interchange->groups.first().header.element(8), QByteArray("004010X092A1"));
}

void TestX12Reader::carriageReturnTerminator()
{
    // CR terminates; the LF and indentation after it are cosmetic; the last IEA has none.
    const X12ReadResult result = readStrict(fixture("271_4010_cr.x12"));
    QVERIFY(result.ok());
    QCOMPARE(result.interchange->trailer.element(2), QByteArray("000004010"));
    const QList<X12Issue> warnings = result.warnings();
    QCOMPARE(warnings.size(), 1);
    QCOMPARE(warnings.first().segmentNumber, 16);
    QCOMPARE(warnings.first().segmentId, QByteArray("IEA"));
    QCOMPARE(warnings.first().toString(),
             QStringLiteral("segment 16 (IEA): The last segment has no segment terminator CR "
                            "(0x0D)."));
}

void TestX12Reader::envelopeErrors_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<int>("segmentNumber");
    QTest::addColumn<QByteArray>("segmentId");
    QTest::addColumn<QString>("error");

    QTest::newRow("wrong SE count")
        << QByteArray("broken_se_count.x12") << 13 << QByteArray("SE")
        << "segment 13 (SE): SE01 says 12 segments; the transaction has 11 (ST to SE).";
    QTest::newRow("SE02 differs from ST02")
        << QByteArray("broken_se_control.x12") << 13 << QByteArray("SE")
        << "segment 13 (SE): SE02 \"0901\" does not match ST02 \"0900\" of segment 3.";
    QTest::newRow("wrong GE count")
        << QByteArray("broken_ge_count.x12") << 14 << QByteArray("GE")
        << "segment 14 (GE): GE01 says 2 transactions; the functional group has 1.";
    QTest::newRow("GE02 differs from GS06")
        << QByteArray("broken_ge_control.x12") << 14 << QByteArray("GE")
        << "segment 14 (GE): GE02 \"901\" does not match GS06 \"900\" of segment 2.";
    QTest::newRow("IEA02 differs from ISA13")
        << QByteArray("broken_iea_control.x12") << 15 << QByteArray("IEA")
        << "segment 15 (IEA): IEA02 \"000000009\" does not match the interchange control number "
           "ISA13 \"000000900\".";
    QTest::newRow("missing IEA")
        << QByteArray("broken_missing_iea.x12") << 1 << QByteArray("ISA")
        << "segment 1 (ISA): The interchange has no IEA trailer: the data ends after segment 14 "
           "(GE).";
    QTest::newRow("truncated mid-segment")
        << QByteArray("broken_truncated.x12") << 11 << QByteArray("NM1")
        << "segment 11 (NM1): The data ends in the middle of this segment (no segment terminator "
           "'~'): the input is truncated.";
    QTest::newRow("missing ST")
        << QByteArray("broken_missing_st.x12") << 3 << QByteArray("BHT")
        << "segment 3 (BHT): The segment is outside a transaction (not between ST and SE).";
    QTest::newRow("missing SE")
        << QByteArray("broken_missing_se.x12") << 13 << QByteArray("GE")
        << "segment 13 (GE): The functional group ends inside the transaction that began at "
           "segment 3 (its SE is missing).";
    QTest::newRow("segment between SE and GE")
        << QByteArray("broken_outside.x12") << 14 << QByteArray("NM1")
        << "segment 14 (NM1): The segment is outside a transaction (not between ST and SE).";
    QTest::newRow("ISA too short")
        << QByteArray("broken_isa_short.x12") << 1 << QByteArray("ISA")
        << "segment 1 (ISA): The ISA segment is too short: an ISA has 16 elements and is 106 "
           "characters long.";
    QTest::newRow("separators collide")
        << QByteArray("broken_separators.x12") << 1 << QByteArray("ISA")
        << "segment 1 (ISA): The ISA uses '*' as both the element separator and the segment "
           "terminator; the separators must differ.";
    QTest::newRow("not X12") << QByteArray("not_x12.txt") << 0 << QByteArray()
                             << "This is not X12 data: it must start with an ISA segment, but "
                                "starts with \"{\"resourceTy...\".";
}

void TestX12Reader::envelopeErrors()
{
    QFETCH(QByteArray, file);
    QFETCH(int, segmentNumber);
    QFETCH(QByteArray, segmentId);
    QFETCH(QString, error);

    const X12ReadResult result = readStrict(fixture(file.constData()));
    QVERIFY(!result.ok());
    QCOMPARE(result.errorString(), error);
    const auto firstError =
        std::find_if(result.issues.cbegin(), result.issues.cend(), [](const X12Issue &issue) {
            return issue.severity == X12Issue::Severity::Error;
        });
    QVERIFY(firstError != result.issues.cend());
    QCOMPARE(firstError->segmentNumber, segmentNumber);
    QCOMPARE(firstError->segmentId, segmentId);
}

void TestX12Reader::lenientReadingKeepsMismatchesAsWarnings_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<bool>("readable");
    QTest::addColumn<QString>("issue");

    QTest::newRow("wrong SE count")
        << QByteArray("broken_se_count.x12") << true
        << "segment 13 (SE): SE01 says 12 segments; the transaction has 11 (ST to SE).";
    QTest::newRow("SE02") << QByteArray("broken_se_control.x12") << true
                          << "segment 13 (SE): SE02 \"0901\" does not match ST02 \"0900\" of "
                             "segment 3.";
    QTest::newRow("GE01") << QByteArray("broken_ge_count.x12") << true
                          << "segment 14 (GE): GE01 says 2 transactions; the functional group "
                             "has 1.";
    QTest::newRow("IEA02") << QByteArray("broken_iea_control.x12") << true
                           << "segment 15 (IEA): IEA02 \"000000009\" does not match the "
                              "interchange control number ISA13 \"000000900\".";
    // Structure problems stay errors: the content may be incomplete.
    QTest::newRow("truncated") << QByteArray("broken_truncated.x12") << false
                               << "segment 11 (NM1): The data ends in the middle of this segment "
                                  "(no segment terminator '~'): the input is truncated.";
    QTest::newRow("missing ST") << QByteArray("broken_missing_st.x12") << false
                                << "segment 3 (BHT): The segment is outside a transaction (not "
                                   "between ST and SE).";
}

void TestX12Reader::lenientReadingKeepsMismatchesAsWarnings()
{
    QFETCH(QByteArray, file);
    QFETCH(bool, readable);
    QFETCH(QString, issue);

    const X12ReadResult result = readLenient(fixture(file.constData()));
    QCOMPARE(result.ok(), readable);
    QCOMPARE(result.issues.size(), 1);
    QCOMPARE(result.issues.first().toString(), issue);
    QCOMPARE(result.issues.first().severity,
             readable ? X12Issue::Severity::Warning : X12Issue::Severity::Error);
    QCOMPARE(result.errorString().isEmpty(), readable);
}

void TestX12Reader::lenientReadingSuppliesMissingTrailers()
{
    QByteArray data = fixture("271_small.x12");
    data.truncate(data.indexOf("GE*"));
    QVERIFY(!readStrict(data).ok());

    const X12ReadResult result = readLenient(data);
    QVERIFY2(result.ok(), qPrintable(result.errorString()));
    QCOMPARE(result.warnings().size(), 2);
    QCOMPARE(result.warnings().at(0).toString(),
             QStringLiteral("segment 2 (GS): The functional group has no GE trailer: the data ends "
                            "after segment 13 (SE)."));
    QCOMPARE(result.warnings().at(1).toString(),
             QStringLiteral("segment 1 (ISA): The interchange has no IEA trailer: the data ends "
                            "after segment 13 (SE)."));
    QCOMPARE(result.interchange->groups.first().trailer, X12Segment("GE", {"1", "900"}));
    QCOMPARE(result.interchange->trailer, X12Segment("IEA", {"1", "000000900"}));
    QCOMPARE(*result.interchange, *readStrict(fixture("271_small.x12")).interchange);
}

void TestX12Reader::badInput_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("error");

    const QByteArray isa = fixture("271_small.x12").left(106);
    QTest::newRow("empty") << QByteArray() << "The X12 data is empty.";
    QTest::newRow("only whitespace") << QByteArray(" \r\n\t ") << "The X12 data is empty.";
    QTest::newRow("only BOM") << QByteArray("\xEF\xBB\xBF") << "The X12 data is empty.";
    QTest::newRow("only ISA") << QByteArray("ISA")
                              << "segment 1 (ISA): The ISA segment is too short: an ISA has 16 "
                                 "elements and is 106 characters long.";
    QTest::newRow("ISA and separator") << QByteArray("ISA*")
                                       << "segment 1 (ISA): The ISA segment is too short: an ISA "
                                          "has 16 elements and is 106 characters long.";
    QTest::newRow("letter as element separator")
        << QByteArray(isa).replace('*', 'X')
        << "segment 1 (ISA): The character after ISA is 'X', which cannot be the element "
           "separator; it must be a special character such as '*'.";
    QTest::newRow("digit as terminator")
        << QByteArray(isa).replace('~', '7')
        << "segment 1 (ISA): The segment terminator (the character after ISA16) is '7'; it must be "
           "a special character such as '~'.";
    QTest::newRow("letter as component separator")
        << QByteArray(isa).replace(':', 'Q')
        << "segment 1 (ISA): The component separator (ISA16) is 'Q'; it must be a special "
           "character such as ':'.";
    QTest::newRow("component equals terminator")
        << QByteArray(isa).replace(':', '~')
        << "segment 1 (ISA): The ISA uses '~' as both the component separator (ISA16) and the "
           "segment terminator; the separators must differ.";
    QTest::newRow("ISA without GS") << isa
                                    << "segment 1 (ISA): The interchange has no IEA trailer: the "
                                       "data ends after segment 1 (ISA).";
    QTest::newRow("garbage segment id")
        << isa + "GS*HB*X*Y*20260310*0930*1*X*005010X279A1~\x01\x02garbage~"
        << "segment 3: \"\\x01\\x02garbage\" is not a segment ID (after segment 2, GS); the data "
           "is "
           "damaged or is not X12.";
    QTest::newRow("garbage inside a transaction")
        << QByteArray(fixture("271_small.x12")).replace("HL*1**20*1~", "HL*1**20*1~hl*2~")
        << "segment 6: \"hl\" is not a segment ID (after segment 5, HL); the data is damaged or "
           "is not X12.";
    QTest::newRow("truncated after a complete segment")
        << fixture("271_small.x12").left(fixture("271_small.x12").indexOf("EB*1"))
        << "segment 3 (ST): The data ends after segment 11 (NM1) before the SE of this "
           "transaction: the input is truncated.";
    QTest::newRow("second ISA")
        << isa + isa << "segment 2 (ISA): A second ISA starts before the IEA of the interchange.";
    QTest::newRow("data after IEA") << fixture("271_small.x12") + "HL*9~"
                                    << "segment 16: Data follows the IEA trailer: \"HL*9~\".";
    QTest::newRow("SE without ST") << isa + "GS*HB*X*Y*20260310*0930*1*X*005010X279A1~SE*2*0001~"
                                   << "segment 3 (SE): SE without a matching ST.";
    QTest::newRow("ST without GS") << isa + "ST*271*0001~"
                                   << "segment 2 (ST): The transaction is outside a functional "
                                      "group (GS is missing).";
    QTest::newRow("segment before GS") << isa + "BHT*0022~"
                                       << "segment 2 (BHT): The segment is outside a functional "
                                          "group and transaction: GS and ST are missing before it.";
    QTest::newRow("SE01 not a number")
        << QByteArray(fixture("271_small.x12")).replace("SE*11*", "SE*ELEVEN*")
        << "segment 13 (SE): SE01 \"ELEVEN\" is not a segment count; the transaction has 11 "
           "segments (ST to SE).";
}

void TestX12Reader::badInput()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, error);
    const X12ReadResult result = readStrict(data);
    QVERIFY(!result.ok());
    QCOMPARE(result.errorString(), error);
}

void TestX12Reader::oversizeInputIsRefused()
{
    const QByteArray data = fixture("271_small.x12");
    X12Reader::Options options;
    options.maxBytes = data.size() - 1;
    const X12ReadResult refused = X12Reader(options).read(data);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.errorString(),
             QStringLiteral("The X12 data is %1 bytes long, more than the limit of %2 bytes; it "
                            "was not read.")
                 .arg(data.size())
                 .arg(data.size() - 1));
    QCOMPARE(refused.issues.first().segmentNumber, 0);

    options.maxBytes = data.size();
    QVERIFY(X12Reader(options).read(data).ok());
}

void TestX12Reader::repetitionSeparatorCollisionIsAWarning()
{
    // Seen in the wild: ISA11 and ISA16 both '^'. Components still split; repetitions do not.
    QByteArray data = fixture("271_small.x12");
    data.replace("*T*:~", "*T*^~");
    const X12ReadResult result = readStrict(data);
    QVERIFY2(result.ok(), qPrintable(result.errorString()));
    QCOMPARE(result.interchange->delimiters.repetition, '\0');
    QCOMPARE(result.interchange->delimiters.component, '^');
    QCOMPARE(result.warnings().size(), 1);
    QCOMPARE(result.warnings().first().toString(),
             QStringLiteral("segment 1 (ISA): ISA11 (repetition separator) '^' is also the "
                            "component separator (ISA16); repetitions are not split."));
}

void TestX12Reader::segmentNumbersInTransactions()
{
    const X12ReadResult result = readStrict(fixture("271_rejections.x12"));
    QVERIFY(result.ok());
    const QList<X12Transaction> &transactions = result.interchange->groups.first().transactions;
    QCOMPARE(transactions.size(), 3);
    QCOMPARE(transactions.at(0).firstSegmentNumber, 3);
    QCOMPARE(transactions.at(1).firstSegmentNumber, 3 + 14);
    QCOMPARE(transactions.at(2).firstSegmentNumber, 3 + 14 + 9);
    QCOMPARE(transactions.at(1).header.element(2), QByteArray("0502"));
}

void TestX12Reader::segmentAccessors()
{
    const X12ReadResult result = readStrict(fixture("271_pipe_bang.x12"));
    QVERIFY(result.ok());
    const X12Delimiters d = result.interchange->delimiters;
    const X12Segment eb = result.interchange->groups.first().transactions.first().segments.last();
    QCOMPARE(eb.id(), QByteArray("EB"));
    QVERIFY(eb.is("EB"));
    QVERIFY(!eb.is("E"));
    QCOMPARE(eb.elementCount(), 13);
    QCOMPARE(eb.element(1), QByteArray("B"));
    QCOMPARE(eb.element(2), QByteArray());
    QCOMPARE(eb.element(0), QByteArray());
    QCOMPARE(eb.element(14), QByteArray());
    QCOMPARE(eb.element(-3), QByteArray());
    QCOMPARE(eb.text(7), QStringLiteral("20"));
    QCOMPARE(eb.repetitions(3, d.repetition), (QList<QByteArray>{"98", "UC"}));
    QCOMPARE(eb.components(13, d.component), (QList<QByteArray>{"HC", "99213", "25"}));
    QCOMPARE(eb.components(2, d.component), QList<QByteArray>());
    QCOMPARE(eb.repetitions(1, '\0'), QList<QByteArray>{"B"});
    QCOMPARE(eb.components(13, ':'), QList<QByteArray>{"HC>99213>25"});

    X12Segment built("REF");
    built.setElement(3, "NAME");
    QCOMPARE(built.elements(), (QList<QByteArray>{"", "", "NAME"}));
    built.setElement(1, "6P");
    built.setElement(0, "ignored");
    QCOMPARE(built.elements(), (QList<QByteArray>{"6P", "", "NAME"}));
    QCOMPARE(built, X12Segment("REF", {"6P", "", "NAME"}));
    QVERIFY(built != X12Segment("REF", {"6P", "NAME"}));
}

void TestX12Reader::elementsOutliveTheInterchange()
{
    QByteArray element;
    QList<QByteArray> parts;
    X12Segment segment;
    {
        QByteArray data = fixture("271_pipe_bang.x12");
        std::optional<X12Interchange> interchange = readStrict(data).interchange;
        QVERIFY(interchange);
        segment = interchange->groups.first().transactions.first().segments.last();
        element = segment.element(13);
        parts = segment.components(13, '>');
        data.fill('#'); // the caller reuses its buffer: what was read must not change
        interchange.reset();
    }
    QCOMPARE(element, QByteArray("HC>99213>25"));
    QCOMPARE(parts, (QList<QByteArray>{"HC", "99213", "25"}));
    QCOMPARE(segment.element(6), QByteArray("27"));
    element.append("!"); // writing into an element must not disturb the segment
    QCOMPARE(element, QByteArray("HC>99213>25!"));
    QCOMPARE(segment.element(13), QByteArray("HC>99213>25"));
    QCOMPARE(parts.at(0), QByteArray("HC"));
}

void TestX12Reader::issueText()
{
    X12Issue issue{X12Issue::Severity::Error, 14, "SE", QStringLiteral("SE01 says 3.")};
    QCOMPARE(issue.toString(), QStringLiteral("segment 14 (SE): SE01 says 3."));
    issue.segmentId.clear();
    QCOMPARE(issue.toString(), QStringLiteral("segment 14: SE01 says 3."));
    issue.segmentNumber = 0;
    QCOMPARE(issue.toString(), QStringLiteral("SE01 says 3."));
}

void TestX12Reader::randomMutationsNeverCrash()
{
    const QByteArray original = fixture("271_subscriber.x12");
    const QByteArray alphabet("*~:^|!>\r\n \x1d\0AZ09ISAGE", 21);
    QRandomGenerator random(20260310);
    int readable = 0;
    for (int round = 0; round < 2000; ++round) {
        QByteArray data = original;
        const int mutations = 1 + int(random.bounded(8));
        for (int m = 0; m < mutations && !data.isEmpty(); ++m) {
            const qsizetype at = random.bounded(data.size());
            switch (random.bounded(5)) {
            case 0: // overwrite with a delimiter-ish byte
                data[at] = alphabet.at(random.bounded(alphabet.size()));
                break;
            case 1: // overwrite with any byte
                data[at] = char(random.bounded(256));
                break;
            case 2:
                data.remove(at, random.bounded(40));
                break;
            case 3:
                data.insert(at, data.mid(random.bounded(qMax<qsizetype>(1, data.size())),
                                         random.bounded(60)));
                break;
            case 4:
                data.truncate(at);
                break;
            }
        }
        for (bool strict : {true, false}) {
            X12Reader::Options options;
            options.strictEnvelope = strict;
            const X12ReadResult result = X12Reader(options).read(data);
            // Either an interchange or a specific error, never both and never neither.
            QCOMPARE(result.ok(), result.errorString().isEmpty());
            if (!result.ok())
                continue;
            ++readable;
            // What was read writes back and reads back the same.
            const X12ReadResult again =
                X12Reader(options).read(X12Writer().write(*result.interchange));
            QVERIFY2(again.ok(), qPrintable(again.errorString()));
            QCOMPARE(*again.interchange, *result.interchange);
        }
    }
    QVERIFY(readable > 0); // mutations of element contents leave many files readable
}

void TestX12Reader::randomBytesNeverCrash()
{
    QRandomGenerator random(7);
    const QByteArray isa = fixture("271_small.x12").left(106);
    for (int round = 0; round < 500; ++round) {
        QByteArray data(random.bounded(400), Qt::Uninitialized);
        for (char &c : data)
            c = char(random.bounded(256));
        if (round % 2)
            data.prepend(isa.left(random.bounded(isa.size() + 1)));
        const X12ReadResult result = readStrict(data);
        QCOMPARE(result.ok(), result.errorString().isEmpty());
    }
}

void TestX12Reader::everyInterchangeIsRead()
{
    // Two interchanges with different separators, as a concatenated batch file has them.
    const QByteArray first = fixture("271_small.x12");
    const QByteArray second = fixture("270_gs_terminator.x12");
    const X12ReadResult result = readStrict(first + "\r\n" + second + first);
    QVERIFY2(result.ok(), qPrintable(result.errorString()));
    QVERIFY(result.issues.isEmpty());
    QCOMPARE(result.interchanges.size(), 3);
    QCOMPARE(result.interchanges.at(0).delimiters.segment, '~');
    QCOMPARE(result.interchanges.at(1).delimiters.segment, '\x1d');
    QCOMPARE(result.interchanges.at(1).groups.first().transactions.first().header.element(1),
             QByteArray("270"));
    QCOMPARE(result.interchanges.at(2), result.interchanges.at(0));
    QCOMPARE(*result.interchange, result.interchanges.at(0));
    // Segment numbers run on over the whole input.
    QCOMPARE(result.interchanges.at(1).groups.first().transactions.first().firstSegmentNumber,
             15 + 3);

    Recorder recorder;
    const X12StreamReader::Result streamed =
        X12StreamReader::read(first + second, X12Reader::Options(), recorder);
    QVERIFY(streamed.ok);
    QCOMPARE(streamed.interchanges, 2);
    QCOMPARE(streamed.transactions, 2);
    QCOMPARE(streamed.segments, 15 + 17);
    QCOMPARE(recorder.events.filter(QStringLiteral("started")).size(), 2);
    QCOMPARE(recorder.events.at(15), QStringLiteral("5 15 IEA|1|000000900"));
    QVERIFY(recorder.events.at(16).startsWith(QLatin1String("started")));
    QVERIFY(recorder.events.at(17).startsWith(QLatin1String("0 16 ISA|00|")));

    // Files joined with cat: each keeps its byte order mark.
    const X12ReadResult joined = readStrict(first + fixture("271_bom_crlf.x12"));
    QVERIFY2(joined.ok(), qPrintable(joined.errorString()));
    QCOMPARE(joined.interchanges.size(), 2);

    // An error in the second interchange names its segment in the whole input.
    QByteArray broken = second;
    broken.replace("SE*13*", "SE*12*");
    const X12ReadResult strict = readStrict(first + broken);
    QVERIFY(!strict.ok());
    QCOMPARE(strict.errorString(),
             QStringLiteral("segment 30 (SE): SE01 says 12 segments; the transaction has 13 (ST "
                            "to SE)."));
}

void TestX12Reader::dataAfterTheLastInterchange_data()
{
    QTest::addColumn<QByteArray>("tail");
    QTest::addColumn<bool>("strict");
    QTest::addColumn<bool>("readable");
    QTest::addColumn<QString>("issue");
    const QString message = QStringLiteral("segment 16: Data follows the IEA trailer: \"%1\".");
    QTest::newRow("strict") << QByteArray("NOTE*1~") << true << false
                            << message.arg(QLatin1String("NOTE*1~"));
    QTest::newRow("lenient") << QByteArray("NOTE*1~") << false << true
                             << message.arg(QLatin1String("NOTE*1~"));
    QTest::newRow("long tail is cut") << QByteArray("0123456789012345678901234") << false << true
                                      << message.arg(QLatin1String("01234567890123456789..."));
    QTest::newRow("padding is fine") << QByteArray("\r\n\0\0\x1a", 5) << true << true << QString();
}

void TestX12Reader::dataAfterTheLastInterchange()
{
    QFETCH(QByteArray, tail);
    QFETCH(bool, strict);
    QFETCH(bool, readable);
    QFETCH(QString, issue);
    const QByteArray data = fixture("271_small.x12") + tail;
    const X12ReadResult result = strict ? readStrict(data) : readLenient(data);
    QCOMPARE(result.ok(), readable);
    QCOMPARE(issueTexts(result.issues).join(QLatin1Char('\n')),
             issue.isEmpty() ? QString() : (readable ? "W " : "E ") + issue);
}

void TestX12Reader::chunkedReadingMatchesWholeReading_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<bool>("strict");
    const char *files[] = {"271_subscriber.x12",    "271_bom_crlf.x12",
                           "271_4010_cr.x12",       "271_lf_terminator.x12",
                           "271_pipe_bang.x12",     "270_gs_terminator.x12",
                           "271_rejections.x12",    "broken_missing_iea.x12",
                           "broken_truncated.x12",  "broken_se_count.x12",
                           "broken_outside.x12",    "broken_isa_short.x12",
                           "broken_separators.x12", "not_x12.txt"};
    for (const char *file : files) {
        for (bool strict : {true, false})
            QTest::addRow("%s %s", file, strict ? "strict" : "lenient") << fixture(file) << strict;
    }
    QTest::newRow("three interchanges")
        << fixture("271_small.x12") + fixture("270_gs_terminator.x12") + fixture("271_4010_cr.x12")
        << false;
    QTest::newRow("data after the IEA") << fixture("271_small.x12") + "HL*9~" << true;
    QTest::newRow("joined files with BOMs")
        << fixture("271_bom_crlf.x12") + fixture("271_bom_crlf.x12") << true;
    QTest::newRow("missing GE and IEA")
        << fixture("271_small.x12").left(fixture("271_small.x12").indexOf("GE*")) << false;
    QTest::newRow("blank") << QByteArray(" \r\n") << true;
    QTest::newRow("BOM only") << QByteArray("\xEF\xBB\xBF") << true;
}

void TestX12Reader::chunkedReadingMatchesWholeReading()
{
    // Whatever sizes the chunks have, the handler sees the same segments and the same issues.
    QFETCH(QByteArray, data);
    QFETCH(bool, strict);
    X12Reader::Options options;
    options.strictEnvelope = strict;
    Recorder whole;
    const X12StreamReader::Result expected = X12StreamReader::read(data, options, whole);
    QRandomGenerator random(quint32(data.size()));
    for (int chunk : {1, 2, 3, 5, 64, 107, 4096, 0}) {
        Recorder chunked;
        X12StreamReader reader(chunked, options);
        for (qsizetype at = 0; at < data.size();) {
            const qsizetype size = chunk > 0 ? chunk : 1 + random.bounded(300);
            reader.feed(QByteArrayView(data).sliced(at, qMin(size, data.size() - at)));
            at += size;
        }
        compareReadings(reader.finish(), chunked.events, expected, whole.events);
    }
}

void TestX12Reader::deviceReadingMatchesWholeReading()
{
    // Longer than one block of the device reader, so segments span the block boundaries.
    QByteArray data;
    while (data.size() < 200 * 1024)
        data += fixture("271_subscriber.x12");
    X12Reader::Options options;
    Recorder whole;
    const X12StreamReader::Result expected = X12StreamReader::read(data, options, whole);
    QVERIFY(expected.ok);
    QVERIFY(expected.interchanges > 100);
    QBuffer buffer(&data);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    Recorder fromDevice;
    const X12StreamReader::Result actual = X12StreamReader::read(buffer, options, fromDevice);
    compareReadings(actual, fromDevice.events, expected, whole.events);

    options.maxBytes = data.size() - 1;
    buffer.seek(0);
    Recorder refused;
    const X12StreamReader::Result tooLong = X12StreamReader::read(buffer, options, refused);
    QVERIFY(!tooLong.ok);
    QVERIFY(refused.events.isEmpty());
    QCOMPARE(tooLong.issues.first().message,
             QStringLiteral("The X12 data is %1 bytes long, more than the limit of %2 bytes; it "
                            "was not read.")
                 .arg(data.size())
                 .arg(data.size() - 1));
}

void TestX12Reader::overlongSegmentIsRefused_data()
{
    QTest::addColumn<QByteArray>("segment");
    QTest::addColumn<QString>("error");
    const QByteArray filler(X12StreamReader::maxSegmentBytes, 'A');
    QTest::newRow("no terminator")
        << "NTE*" + filler
        << "segment 4 (NTE): No segment terminator '~' follows within 262144 bytes: the segment "
           "is longer than X12 allows, or the data is damaged.";
    QTest::newRow("terminator too far") << "NTE*" + filler + "~"
                                        << "segment 4 (NTE): No segment terminator '~' follows "
                                           "within 262144 bytes: the segment is longer than X12 "
                                           "allows, or the data is damaged.";
    QTest::newRow("not a segment") << "\x01\x02" + filler
                                   << "segment 4: \"\\x01\\x02AA\" is not a segment ID (after "
                                      "segment 3, ST); the data is damaged or is not X12.";
    QTest::newRow("longest allowed") << "NTE*" + filler.left(filler.size() - 4) + "~" << QString();
}

void TestX12Reader::overlongSegmentIsRefused()
{
    QFETCH(QByteArray, segment);
    QFETCH(QString, error);
    const QByteArray data =
        fixture("271_small.x12").left(fixture("271_small.x12").indexOf("BHT")) + segment;
    for (int chunk : {0, 1000, 65536}) {
        X12Reader::Options options;
        options.strictEnvelope = false;
        Recorder recorder;
        X12StreamReader reader(recorder, options);
        for (qsizetype at = 0; at<data.size(); at += chunk> 0 ? chunk : data.size())
            reader.feed(QByteArrayView(data).sliced(
                at, qMin<qsizetype>(chunk > 0 ? chunk : data.size(), data.size() - at)));
        const X12StreamReader::Result result = reader.finish();
        if (error.isEmpty()) {
            // Read; it is the transaction that is cut short.
            QCOMPARE(recorder.events.size(), 5);
            QVERIFY(!result.ok);
        } else {
            QVERIFY(!result.ok);
            const X12ReadResult read{std::nullopt, {}, result.issues};
            QCOMPARE(read.errorString(), error);
            QCOMPARE(recorder.events.size(), 4); // started, ISA, GS, ST
        }
    }
}

void TestX12Reader::handlerCanStopReading()
{
    class Stopper : public X12StreamReader::Handler
    {
    public:
        int seen = 0;
        void segment(const X12SegmentView &segment, X12StreamReader::Kind, int number) override
        {
            ++seen;
            if (segment.is("NM1"))
                stop({X12Issue::Severity::Warning, number, "NM1", QStringLiteral("enough")});
        }
    };
    const QByteArray data = fixture("271_small.x12");
    for (int chunk : {1, int(data.size())}) {
        Stopper stopper;
        X12StreamReader reader(stopper, X12Reader::Options());
        for (qsizetype at = 0; at < data.size(); at += chunk)
            reader.feed(QByteArrayView(data).sliced(at, qMin<qsizetype>(chunk, data.size() - at)));
        const X12StreamReader::Result result = reader.finish();
        QVERIFY(!result.ok);
        QCOMPARE(stopper.seen, 6); // ISA GS ST BHT HL NM1, nothing after
        QCOMPARE(issueTexts(result.issues), QStringList{"E segment 6 (NM1): enough"});
    }
}

void TestX12Reader::issuesAreBounded_data()
{
    QTest::addColumn<bool>("strict");
    QTest::newRow("strict") << true;
    QTest::newRow("lenient") << false;
}

void TestX12Reader::issuesAreBounded()
{
    // 300 transactions whose SE01 is wrong: 300 problems, but only the first ones are listed.
    QFETCH(bool, strict);
    QByteArray data = x12Interchange("271", QList<QByteArray>(300, "BHT*0022*11*R~"));
    data.replace("SE*3*", "SE*4*");
    X12Reader::Options options;
    options.strictEnvelope = strict;
    const X12ReadResult result = X12Reader(options).read(data);
    QCOMPARE(result.ok(), !strict);
    QCOMPARE(result.issues.size(), X12StreamReader::maxIssues + 1);
    QCOMPARE(result.issues.first().toString(),
             QStringLiteral("segment 5 (SE): SE01 says 4 segments; the transaction has 3 (ST to "
                            "SE)."));
    QCOMPARE(result.issues.last().toString(), QStringLiteral("200 more problems are not listed."));
    QCOMPARE(result.issues.last().severity,
             strict ? X12Issue::Severity::Error : X12Issue::Severity::Warning);
    if (!result.ok())
        QCOMPARE(result.errorString(), result.issues.first().toString());
}

QTEST_GUILESS_MAIN(TestX12Reader)
#include "tst_x12reader.moc"

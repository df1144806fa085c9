// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/x12/x12reader.h"
#include "services/x12/x12writer.h"
#include "x12fixtures.h"

#include <QTest>

class TestX12Writer : public QObject
{
    Q_OBJECT

private slots:
    void writesFilesBackByteForByte_data();
    void writesFilesBackByteForByte();
    void roundTrip_data();
    void roundTrip();
    void lineBreaksAfterNewlineTerminator();
    void finalizeComputesTrailers();
    void finalizeCreatesMissingTrailers();
    void writesWithTheInterchangeDelimiters();
};

namespace {
X12Interchange readOrFail(const QByteArray &data)
{
    const X12ReadResult result = X12Reader().read(data);
    if (!result.ok())
        qFatal("fixture does not read: %s", qPrintable(result.errorString()));
    return *result.interchange;
}

X12Interchange smallInterchange()
{
    X12Interchange interchange;
    interchange.header = X12Segment("ISA", {"00", "          ", "00", "          ", "ZZ",
                                            "CLINICDESK     ", "ZZ", "CLEARINGHOUSE  ", "260310",
                                            "0930", "^", "00501", "000000042", "0", "T", ":"});
    X12FunctionalGroup group;
    group.header = X12Segment(
        "GS", {"HS", "CLINICDESK", "CLEARINGHOUSE", "20260310", "0930", "42", "X", "005010X279A1"});
    for (const char *control : {"0042", "0043"}) {
        X12Transaction transaction;
        transaction.header = X12Segment("ST", {"270", control, "005010X279A1"});
        transaction.segments = {X12Segment("BHT", {"0022", "13", "REF", "20260310", "0930"}),
                                X12Segment("HL", {"1", "", "20", "1"})};
        transaction.trailer = X12Segment("SE", {"99", "9999"});
        group.transactions.append(transaction);
    }
    group.trailer = X12Segment("GE", {"7", "1"});
    interchange.groups = {group};
    interchange.trailer = X12Segment("IEA", {"3", "000000001"});
    return interchange;
}
} // namespace

void TestX12Writer::writesFilesBackByteForByte_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<bool>("lineBreaks");
    QTest::newRow("one segment per line") << QByteArray("271_subscriber.x12") << true;
    QTest::newRow("dependent") << QByteArray("271_dependent.x12") << true;
    QTest::newRow("three transactions") << QByteArray("271_rejections.x12") << true;
    QTest::newRow("pipe and bang, one line") << QByteArray("271_pipe_bang.x12") << false;
    QTest::newRow("LF terminator") << QByteArray("271_lf_terminator.x12") << true;
}

void TestX12Writer::writesFilesBackByteForByte()
{
    QFETCH(QByteArray, file);
    QFETCH(bool, lineBreaks);
    const QByteArray data = fixture(file.constData());
    X12Writer writer;
    writer.lineBreaks = lineBreaks;
    QCOMPARE(writer.write(readOrFail(data)), data);
}

void TestX12Writer::roundTrip_data()
{
    QTest::addColumn<QByteArray>("file");
    for (const char *name : {"271_subscriber.x12", "271_dependent.x12", "271_rejections.x12",
                             "271_pipe_bang.x12", "271_bom_crlf.x12", "271_4010_cr.x12",
                             "271_lf_terminator.x12", "270_gs_terminator.x12", "271_small.x12"}) {
        QTest::newRow(name) << QByteArray(name);
    }
}

void TestX12Writer::roundTrip()
{
    QFETCH(QByteArray, file);
    const X12Interchange original = readOrFail(fixture(file.constData()));
    for (bool lineBreaks : {false, true}) {
        X12Writer writer;
        writer.lineBreaks = lineBreaks;
        const QByteArray written = writer.write(original);
        const X12ReadResult again = X12Reader().read(written);
        QVERIFY2(again.ok(), qPrintable(again.errorString()));
        QCOMPARE(*again.interchange, original);
        QCOMPARE(written.count('\n') > 0, lineBreaks || original.delimiters.segment == '\n');
    }
}

void TestX12Writer::lineBreaksAfterNewlineTerminator()
{
    X12Interchange interchange = readOrFail(fixture("271_lf_terminator.x12"));
    X12Writer writer;
    writer.lineBreaks = true;
    const QByteArray written = writer.write(interchange);
    QVERIFY(!written.contains("\n\n"));
    QVERIFY(written.startsWith("ISA*00*"));
    QVERIFY(written.endsWith("\nIEA*1*000000700\n"));
}

void TestX12Writer::finalizeComputesTrailers()
{
    X12Interchange interchange = smallInterchange();
    QVERIFY(!X12Reader().read(X12Writer().write(interchange)).ok());

    X12Writer::finalize(interchange);
    const X12FunctionalGroup &group = interchange.groups.first();
    QCOMPARE(group.transactions.at(0).trailer, X12Segment("SE", {"4", "0042"}));
    QCOMPARE(group.transactions.at(1).trailer, X12Segment("SE", {"4", "0043"}));
    QCOMPARE(group.trailer, X12Segment("GE", {"2", "42"}));
    QCOMPARE(interchange.trailer, X12Segment("IEA", {"1", "000000042"}));

    const QByteArray written = X12Writer().write(interchange);
    QCOMPARE(written.right(45), QByteArray("HL*1**20*1~SE*4*0043~GE*2*42~IEA*1*000000042~"));
    const X12ReadResult read = X12Reader().read(written);
    QVERIFY2(read.ok(), qPrintable(read.errorString()));
    QVERIFY(read.issues.isEmpty());
    QCOMPARE(*read.interchange, interchange);
}

void TestX12Writer::finalizeCreatesMissingTrailers()
{
    X12Interchange interchange = smallInterchange();
    interchange.groups.first().transactions.first().trailer = X12Segment();
    interchange.groups.first().trailer = X12Segment();
    interchange.trailer = X12Segment();
    X12Writer::finalize(interchange);
    QCOMPARE(interchange.groups.first().transactions.first().trailer,
             X12Segment("SE", {"4", "0042"}));
    QCOMPARE(interchange.groups.first().trailer, X12Segment("GE", {"2", "42"}));
    QCOMPARE(interchange.trailer, X12Segment("IEA", {"1", "000000042"}));
}

void TestX12Writer::writesWithTheInterchangeDelimiters()
{
    X12Interchange interchange = smallInterchange();
    interchange.delimiters = {'|', '^', '>', '!'};
    interchange.header.setElement(16, ">");
    interchange.groups.first().transactions.first().segments.append(
        X12Segment("EB", {"B", "", "98^UC", "", "", "27", "20", "", "", "", "", "Y", "HC>99213"}));
    X12Writer::finalize(interchange);
    const QByteArray written = X12Writer().write(interchange);
    QVERIFY(written.startsWith("ISA|00|          |00|"));
    QVERIFY(written.contains("|T|>!GS|HS|"));
    QVERIFY(written.contains("!EB|B||98^UC|||27|20|||||Y|HC>99213!SE|5|0042!"));
    QVERIFY(!written.contains('*'));
    QVERIFY(!written.contains('~'));
    const X12ReadResult read = X12Reader().read(written);
    QVERIFY2(read.ok(), qPrintable(read.errorString()));
    QCOMPARE(*read.interchange, interchange);
}

QTEST_GUILESS_MAIN(TestX12Writer)
#include "tst_x12writer.moc"

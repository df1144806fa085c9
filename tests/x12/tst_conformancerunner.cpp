// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/testsupport.h"
#include "services/x12/conformancerunner.h"
#include "services/x12/eligibilityresponse.h"
#include "x12generate.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

class TestConformanceRunner : public QObject
{
    Q_OBJECT

private slots:
    void reportsEveryFile();
    void contentNotReadFails_data();
    void contentNotReadFails();
    void limitsGiveACleanError();
    void missingFolder();
};

namespace {
void copyFixture(const QDir &to, const char *name, const QString &as = {})
{
    const QString target = to.filePath(as.isEmpty() ? QLatin1String(name) : as);
    QVERIFY(QDir().mkpath(QFileInfo(target).path()));
    QFile file(target);
    QVERIFY(file.open(QIODevice::WriteOnly));
    const QByteArray data = TestSupport::readTestData(QStringLiteral("x12/") + QLatin1String(name));
    QVERIFY(!data.isEmpty());
    file.write(data);
}

void writeFile(const QDir &to, const QString &name, const QByteArray &data)
{
    QFile file(to.filePath(name));
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(data), data.size());
}
} // namespace

void TestConformanceRunner::reportsEveryFile()
{
    QTemporaryDir temporary;
    QVERIFY(temporary.isValid());
    const QDir x12(temporary.filePath(QStringLiteral("x12")));
    QVERIFY(QDir().mkpath(x12.path()));
    copyFixture(x12, "271_rejections.x12");
    copyFixture(x12, "270_gs_terminator.x12");
    copyFixture(x12, "broken_truncated.x12");
    copyFixture(x12, "broken_se_count.x12");
    copyFixture(x12, "271_dependent.x12", QStringLiteral("more/dependent.x12"));
    // Remittance files often hold several interchanges: all of them are read.
    const QByteArray remittance = "BPR*I*100*C*ACH~TRN*1*12345*1512345678~";
    writeFile(x12, QStringLiteral("several.835"),
              x12Interchange("835", {remittance}, 1) + '\n' +
                  x12Interchange("835", {remittance, remittance}, 2));
    copyFixture(x12, "not_x12.txt", QStringLiteral("README.md")); // skipped
    QFile huge(x12.filePath(QStringLiteral("huge.x12")));
    QVERIFY(huge.open(QIODevice::WriteOnly));
    QVERIFY(huge.resize(64 * 1024 * 1024 + 1)); // sparse: never read, refused by its size
    huge.close();

    QString text;
    QTextStream out(&text);
    const ConformanceSummary summary = ConformanceRunner::run(temporary.path(), out);
    QCOMPARE(summary.passed, 7);
    QCOMPARE(summary.failed, 0);

    const QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    const QStringList expected = {
        "ok    270_gs_terminator.x12: 270: 1 interchange, 1 transaction, 17 segments; 1 of 1 "
        "requests read",
        "ok    271_rejections.x12: 271: 1 interchange, 3 transactions, 50 segments; 4 results "
        "(active 2, rejected 2)",
        "ok    broken_se_count.x12: 271: 1 interchange, 1 transaction, 15 segments; 1 result "
        "(active 1), warnings: segment 13 (SE): SE01 says 12 segments; the transaction has 11 "
        "(ST to SE).",
        "error broken_truncated.x12: segment 11 (NM1): The data ends in the middle of this segment "
        "(no segment terminator '~'): the input is truncated.",
        "error huge.x12: The file is 67108865 bytes long, more than the limit of 67108864 bytes; "
        "it "
        "was not read.",
        "ok    more/dependent.x12: 271: 1 interchange, 1 transaction, 32 segments; 2 results "
        "(active 1, inactive 1)",
        "ok    several.835: 835: 2 interchanges, 3 transactions, 20 segments",
        "7 passed, 0 failed",
    };
    for (qsizetype i = 0; i < qMin(lines.size(), expected.size()); ++i)
        QCOMPARE(lines.at(i), expected.at(i));
    QCOMPARE(lines.size(), expected.size());
}

void TestConformanceRunner::contentNotReadFails_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("line");

    // Well-formed envelopes whose content no parser could read: counted as failures.
    QTest::newRow("no transaction")
        << x12Interchange("835", {})
        << "FAIL  file.x12: no transactions: 1 interchange, 0 transactions, 4 segments; no "
           "transaction was read";
    QTest::newRow("271 without answers")
        << x12Interchange("271", {"BHT*0022*11*REQ-1*20260310*0930~"})
        << "FAIL  file.x12: 271: 1 interchange, 1 transaction, 7 segments; 0 results; the 271 "
           "parser found no answer in it";
    QTest::newRow("270 without a subscriber")
        << x12Interchange("270", {"BHT*0022*13*REQ-1*20260310*0930~HL*1**20*1~"
                                  "NM1*PR*2*HARBOR HEALTH PLAN*****PI*HHP01~"})
        << "FAIL  file.x12: 270: 1 interchange, 1 transaction, 9 segments; 0 of 1 requests read "
           "(segment 3 (ST): The 270 has no subscriber loop (HL with HL03 = 22).); the 270 "
           "parser read fewer requests (0) than there are 270 transactions (1)";
}

void TestConformanceRunner::contentNotReadFails()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, line);
    QTemporaryDir temporary;
    const QDir x12(temporary.filePath(QStringLiteral("x12")));
    QVERIFY(QDir().mkpath(x12.path()));
    writeFile(x12, QStringLiteral("file.x12"), data);
    QString text;
    QTextStream out(&text);
    const ConformanceSummary summary = ConformanceRunner::run(temporary.path(), out);
    QCOMPARE(summary.passed, 0);
    QCOMPARE(summary.failed, 1);
    QCOMPARE(text.split(QLatin1Char('\n')).first(), line);
}

void TestConformanceRunner::limitsGiveACleanError()
{
    // A hostile 271 (far too many EB for one subscriber) is refused with a specific error:
    // that is the right answer, so the file passes.
    QByteArray body = x12ResponseHead() + "HL*3*2*22*0~NM1*IL*1*DOE*JANE****MI*M1~";
    for (int i = 0; i <= EligibilityResponseParser::maxBenefits; ++i)
        body += "EB*1~";
    QTemporaryDir temporary;
    const QDir x12(temporary.filePath(QStringLiteral("x12")));
    QVERIFY(QDir().mkpath(x12.path()));
    writeFile(x12, QStringLiteral("eb.x12"), x12Interchange("271", {body}));
    QString text;
    QTextStream out(&text);
    const ConformanceSummary summary = ConformanceRunner::run(temporary.path(), out);
    QCOMPARE(summary.passed, 1);
    QCOMPARE(summary.failed, 0);
    QCOMPARE(text.split(QLatin1Char('\n')).first(),
             QStringLiteral("error eb.x12: segment 1011 (EB): The patient loop that begins at "
                            "segment 9 (HL) has more than 1000 benefits (EB segments); no 271 "
                            "needs that many, so the data was not read further."));
}

void TestConformanceRunner::missingFolder()
{
    QTemporaryDir temporary;
    QString text;
    QTextStream out(&text);
    const ConformanceSummary summary = ConformanceRunner::run(temporary.path(), out);
    QCOMPARE(summary.passed, 0);
    QCOMPARE(summary.failed, 1);
    QVERIFY(text.startsWith(QLatin1String("FAIL ")));
    QVERIFY(text.endsWith(QLatin1String("0 passed, 1 failed\n")));
}

QTEST_GUILESS_MAIN(TestConformanceRunner)
#include "tst_conformancerunner.moc"

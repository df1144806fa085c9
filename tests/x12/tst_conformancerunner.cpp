// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/testsupport.h"
#include "services/x12/conformancerunner.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

class TestConformanceRunner : public QObject
{
    Q_OBJECT

private slots:
    void reportsEveryFile();
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
    copyFixture(x12, "not_x12.txt", QStringLiteral("README.md")); // skipped
    QFile huge(x12.filePath(QStringLiteral("huge.x12")));
    QVERIFY(huge.open(QIODevice::WriteOnly));
    QVERIFY(huge.resize(64 * 1024 * 1024 + 1)); // sparse: never read, refused by its size
    huge.close();

    QString text;
    QTextStream out(&text);
    const ConformanceSummary summary = ConformanceRunner::run(temporary.path(), out);
    QCOMPARE(summary.passed, 6);
    QCOMPARE(summary.failed, 0);

    const QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    const QStringList expected = {
        "ok    270_gs_terminator.x12: 270 x1, 17 segments, 270: 1 of 1 requests read",
        "ok    271_rejections.x12: 271 x3, 50 segments, 271: 4 results (active 2, rejected 2)",
        "ok    broken_se_count.x12: 271 x1, 15 segments, 271: 1 results (active 1), warnings: "
        "segment 13 (SE): SE01 says 12 segments; the transaction has 11 (ST to SE).",
        "error broken_truncated.x12: segment 11 (NM1): The data ends in the middle of this segment "
        "(no segment terminator '~'): the input is truncated.",
        "error huge.x12: The file is 67108865 bytes long, more than the limit of 67108864 bytes; "
        "it "
        "was not read.",
        "ok    more/dependent.x12: 271 x1, 32 segments, 271: 2 results (active 1, inactive 1)",
        "6 passed, 0 failed",
    };
    for (qsizetype i = 0; i < qMin(lines.size(), expected.size()); ++i)
        QCOMPARE(lines.at(i), expected.at(i));
    QCOMPARE(lines.size(), expected.size());
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

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/claims/adjustmentcodes.h"

#include <QTest>

class TestAdjustmentCodes : public QObject
{
    Q_OBJECT

private slots:
    void builtInListIsComplete();
    void commonCarcs_data();
    void commonCarcs();
    void commonRarcs_data();
    void commonRarcs();
    void describesForTheScreen();
    void unknownCodesSayWhichList();
    void badDataFilesAreRefused_data();
    void badDataFilesAreRefused();
};

void TestAdjustmentCodes::builtInListIsComplete()
{
    const AdjustmentCodes codes = AdjustmentCodes::builtIn();
    QCOMPARE(codes.version(), QStringLiteral("2024-03-01"));
    QVERIFY2(codes.carcCount() >= 60, qPrintable(QString::number(codes.carcCount())));
    QVERIFY2(codes.rarcCount() >= 30, qPrintable(QString::number(codes.rarcCount())));
    QCOMPARE(codes.groupName(QStringLiteral("CO")), QStringLiteral("Contractual Obligation"));
    QCOMPARE(codes.groupName(QStringLiteral("pr")), QStringLiteral("Patient Responsibility"));
    QCOMPARE(codes.groupName(QStringLiteral("OA")), QStringLiteral("Other Adjustment"));
    QCOMPARE(codes.groupName(QStringLiteral("PI")), QStringLiteral("Payer Initiated Reduction"));
    QCOMPARE(codes.groupName(QStringLiteral("ZZ")), QStringLiteral("ZZ"));
}

void TestAdjustmentCodes::commonCarcs_data()
{
    QTest::addColumn<QString>("code");
    const char *common[] = {"1",   "2",   "3",   "4",   "5",   "6",   "11",  "16",  "18",  "22",
                            "23",  "24",  "26",  "27",  "29",  "31",  "45",  "50",  "96",  "97",
                            "109", "119", "140", "151", "167", "170", "181", "182", "183", "185",
                            "189", "197", "198", "204", "242", "252", "253"};
    for (const char *code : common)
        QTest::newRow(code) << QString::fromLatin1(code);
}

void TestAdjustmentCodes::commonCarcs()
{
    QFETCH(QString, code);
    const AdjustmentCodes codes = AdjustmentCodes::builtIn();
    QVERIFY2(codes.carc(code).size() > 8, qPrintable(code));
    QVERIFY(codes.rarc(code).isEmpty()); // the two lists are kept apart
}

void TestAdjustmentCodes::commonRarcs_data()
{
    QTest::addColumn<QString>("code");
    const char *common[] = {"M15", "M20", "M51",  "M76",  "M77",  "MA04", "MA130", "N4",
                            "N30", "N56", "N130", "N362", "N381", "N386", "N432",  "N657"};
    for (const char *code : common)
        QTest::newRow(code) << QString::fromLatin1(code);
}

void TestAdjustmentCodes::commonRarcs()
{
    QFETCH(QString, code);
    const AdjustmentCodes codes = AdjustmentCodes::builtIn();
    QVERIFY2(codes.rarc(code).size() > 8, qPrintable(code));
    QVERIFY(codes.carc(code).isEmpty());
}

void TestAdjustmentCodes::describesForTheScreen()
{
    const AdjustmentCodes codes = AdjustmentCodes::builtIn();
    const QString co45 = codes.describe(QStringLiteral("co"), QStringLiteral(" 45"));
    QCOMPARE(co45,
             QStringLiteral("Contractual Obligation (CO-45): ") + codes.carc(QStringLiteral("45")));
    QVERIFY(co45.contains(QLatin1String("fee schedule")));
    QVERIFY(codes.describe(QStringLiteral("PR"), QStringLiteral("1"))
                .startsWith(QLatin1String("Patient Responsibility (PR-1): Deductible")));
    QCOMPARE(codes.describeRemark(QStringLiteral("n130")),
             QStringLiteral("N130: ") + codes.rarc(QStringLiteral("N130")));
}

void TestAdjustmentCodes::unknownCodesSayWhichList()
{
    const AdjustmentCodes codes = AdjustmentCodes::builtIn();
    QCOMPARE(codes.describe(QStringLiteral("CO"), QStringLiteral("999")),
             QStringLiteral("Reason code 999 (not in the code list version 2024-03-01)"));
    QCOMPARE(codes.describeRemark(QStringLiteral("N9999")),
             QStringLiteral("Remark code N9999 (not in the code list version 2024-03-01)"));
}

void TestAdjustmentCodes::badDataFilesAreRefused_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    QTest::newRow("not JSON") << QByteArray("{version") << "The code list is not a JSON object";
    QTest::newRow("an array") << QByteArray("[]")
                              << "The code list is not a JSON object: it is "
                                 "an array";
    QTest::newRow("no version") << QByteArray(R"({"groups": {}, "carc": {}, "rarc": {}})")
                                << "The code list does not name its version.";
    QTest::newRow("description not text")
        << QByteArray(R"({"version": "x", "groups": {}, "carc": {"45": 3}, "rarc": {}})")
        << "The code list's \"carc\" is not a table of codes and descriptions.";
    QTest::newRow("no rarc") << QByteArray(R"({"version": "x", "groups": {}, "carc": {}})")
                             << "The code list's \"rarc\" is not a table";
}

void TestAdjustmentCodes::badDataFilesAreRefused()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    QString why;
    QVERIFY(!AdjustmentCodes::fromJson(json, &why).has_value());
    QVERIFY2(why.startsWith(error), qPrintable(why));

    // The same shape with good values reads.
    const auto good = AdjustmentCodes::fromJson(
        R"({"version": "test", "groups": {"CO": "C"}, "carc": {"45": "D"}, "rarc": {}})", &why);
    QVERIFY(good.has_value());
    QCOMPARE(good->describe(QStringLiteral("CO"), QStringLiteral("45")),
             QStringLiteral("C (CO-45): D"));
}

QTEST_GUILESS_MAIN(TestAdjustmentCodes)
#include "tst_adjustmentcodes.moc"

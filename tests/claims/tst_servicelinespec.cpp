// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// `claim submit --line` words read into service lines, modifiers told from units by position.
#include "services/claims/servicelinespec.h"

#include <QTest>

class TestServiceLineSpec : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void reads_data();
    void reads();
    void refuses_data();
    void refuses();
};

void TestServiceLineSpec::reads_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<int>("diagnoses");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QStringList>("modifiers");
    QTest::addColumn<int>("units");
    QTest::addColumn<qint64>("cents");
    QTest::addColumn<QList<int>>("pointers");
    QTest::newRow("plain") << "99213:1:125.00" << 1 << "99213" << QStringList() << 1
                           << qint64(12500) << QList<int>{1};
    QTest::newRow("default pointers stop at four")
        << "99213:1:125" << 6 << "99213" << QStringList() << 1 << qint64(12500)
        << QList<int>{1, 2, 3, 4};
    QTest::newRow("modifier 25, not 25 units")
        << "99213:25:1:125" << 2 << "99213" << QStringList{"25"} << 1 << qint64(12500)
        << QList<int>{1, 2};
    QTest::newRow("pointers after the charge")
        << "99213:1:125:2" << 2 << "99213" << QStringList() << 1 << qint64(12500)
        << QList<int>{2};
    QTest::newRow("HCPCS, lower case, two modifiers, pointer list")
        << "j1100:jw:rt:2:40.50:1,3" << 3 << "J1100" << QStringList{"JW", "RT"} << 2
        << qint64(4050) << QList<int>{1, 3};
    QTest::newRow("plus joins pointers, dollars with a sign")
        << "71046:26:1:$3000:1+2" << 2 << "71046" << QStringList{"26"} << 1 << qint64(300000)
        << QList<int>{1, 2};
}

void TestServiceLineSpec::reads()
{
    QFETCH(QString, spec);
    QFETCH(int, diagnoses);
    QString error;
    const auto line = ServiceLineSpec::parse(spec, diagnoses, &error);
    QVERIFY2(line, qPrintable(error));
    QTEST(line->procedureCode, "code");
    QTEST(line->modifiers, "modifiers");
    QTEST(line->units, "units");
    QTEST(line->chargeCents, "cents");
    QTEST(line->diagnosisPointers, "pointers");
}

void TestServiceLineSpec::refuses_data()
{
    QTest::addColumn<QString>("spec");
    QTest::newRow("code only") << "99213";
    QTest::newRow("no charge") << "99213:1";
    QTest::newRow("units not a number") << "99213:one:125";
    QTest::newRow("charge not an amount") << "99213:1:abc";
    QTest::newRow("three-letter modifier") << "99213:ABC:1:125";
    QTest::newRow("empty") << "";
}

void TestServiceLineSpec::refuses()
{
    QFETCH(QString, spec);
    QString error;
    QVERIFY(!ServiceLineSpec::parse(spec, 1, &error));
    QVERIFY(error.contains(spec));
    QVERIFY(error.contains(QLatin1String("CODE[:MODIFIER")));
}

QTEST_GUILESS_MAIN(TestServiceLineSpec)
#include "tst_servicelinespec.moc"

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/common/jarowinkler.h"

#include <QTest>

class TestJaroWinkler : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void knownValues_data();
    void knownValues();
    void symmetric();
};

void TestJaroWinkler::knownValues_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<double>("expected");
    // The textbook pairs (Winkler 1990), to four places.
    QTest::newRow("martha") << "martha" << "marhta" << 0.9611;
    QTest::newRow("dwayne") << "dwayne" << "duane" << 0.84;
    QTest::newRow("dixon") << "dixon" << "dicksonx" << 0.8133;
    QTest::newRow("equal") << "kyla" << "kyla" << 1.0;
    QTest::newRow("disjoint") << "abc" << "xyz" << 0.0;
    QTest::newRow("both empty") << "" << "" << 1.0;
    QTest::newRow("one empty") << "jane" << "" << 0.0;
    QTest::newRow("single same") << "a" << "a" << 1.0;
    QTest::newRow("single other") << "a" << "b" << 0.0;
}

void TestJaroWinkler::knownValues()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(double, expected);
    QVERIFY2(qAbs(jaroWinkler(a, b) - expected) < 0.0001,
             qPrintable(QString::number(jaroWinkler(a, b), 'f', 6)));
}

void TestJaroWinkler::symmetric()
{
    const QStringList words{QStringLiteral("brown"), QStringLiteral("browne"),
                            QStringLiteral("fields"), QStringLiteral("field"),
                            QStringLiteral("smith-jones"), QStringLiteral("jones")};
    for (const QString &a : words) {
        for (const QString &b : words)
            QCOMPARE(jaroWinkler(a, b), jaroWinkler(b, a));
    }
}

QTEST_GUILESS_MAIN(TestJaroWinkler)
#include "tst_jarowinkler.moc"

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// What to collect at check-in (copay, deductible and coinsurance estimate, out-of-pocket cap)
// and how far the deductible and out-of-pocket maximum are met, from 271 benefits.
#include "services/eligibility/accumulator.h"
#include "services/eligibility/collecttoday.h"

#include <QTest>

namespace {
/*!
  An active 271 with the benefits of a compact spec: items separated by ',', each
  "EB01/EB02/EB03/EB06/amount/EB12", the amount in cents or a percentage ("20%").
  "B/IND/98/27/2500/Y" is a $25.00 in-network office visit copay; "C/IND/30/29/70000/Y" $700
  left of the deductible; "A/IND/30//20%/Y" 20 % coinsurance. "inactive" makes it inactive.
 */
EligibilityResult result(const QString &spec)
{
    EligibilityResult r;
    r.status = EligibilityResult::Status::Active;
    BenefitInfo active;
    active.code = QStringLiteral("1");
    active.serviceTypes = {QStringLiteral("30")};
    r.benefits.append(active);
    for (const QString &item : spec.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (item.trimmed() == QLatin1String("inactive")) {
            r.status = EligibilityResult::Status::Inactive;
            r.benefits.first().code = QStringLiteral("6");
            continue;
        }
        const QStringList f = item.trimmed().split(QLatin1Char('/'));
        Q_ASSERT(f.size() == 6);
        BenefitInfo b;
        b.code = f.at(0);
        b.coverageLevel = f.at(1);
        b.serviceTypes = {f.at(2)};
        b.timePeriod = f.at(3);
        if (f.at(4).endsWith(QLatin1Char('%')))
            b.percent = f.at(4).chopped(1).toDouble() / 100.0;
        else if (!f.at(4).isEmpty())
            b.amountCents = f.at(4).toLongLong();
        b.network = f.at(5);
        r.benefits.append(b);
    }
    return r;
}

CollectTodayCalculator calculator()
{
    return CollectTodayCalculator({{QStringLiteral("Follow-up"), QStringLiteral("98"), 15000},
                                   {QStringLiteral("Annual physical"), QStringLiteral("81"), 25000},
                                   {QStringLiteral("Vaccines"), QStringLiteral("80"), 0}},
                                  12000);
}
} // namespace

class TestCollectToday : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void collect_data();
    void collect();
    void notVerifiedIsUnknown();
    void visitTypesAreMatchedWithoutCase();
    void metSoFar_data();
    void metSoFar();
};

void TestCollectToday::collect_data()
{
    QTest::addColumn<QString>("benefits");
    QTest::addColumn<QString>("visitType");
    QTest::addColumn<qint64>("amount"); // -1: cannot be worked out
    QTest::addColumn<CollectToday::Basis>("basis");
    QTest::addColumn<QString>("serviceType");
    QTest::addColumn<QStringList>("explained"); // texts the explanation must contain

    using B = CollectToday::Basis;
    // Gold PPO 1500 as the sandbox answers: $25 office copay, $700 of $1,500 deductible left,
    // 20 % coinsurance, $3,200 of $5,000 out-of-pocket left.
    const QString ppo = QStringLiteral(
        "B/IND/98/27/2500/Y, B/IND/98/27/5000/N, C/IND/30/23/150000/Y, C/IND/30/29/70000/Y,"
        "A/IND/30//20%/Y, G/IND/30/23/500000/Y, G/IND/30/29/320000/Y");
    QTest::newRow("copay only") << "B/IND/98/27/2500/Y"
                                << "Follow-up" << qint64(2500) << B::Copay << "98"
                                << QStringList{"copay", "Office visit", "Follow-up"};
    QTest::newRow("copay wins over the deductible")
        << ppo << "Follow-up" << qint64(2500) << B::Copay << "98" << QStringList{"copay"};
    QTest::newRow("deductible not met: whole charge")
        << ppo << "Annual physical" << qint64(25000) << B::Deductible << "81"
        << QStringList{"Routine physical", "$250.00", "$250.00 toward the deductible",
                       "$700.00 left"};
    QTest::newRow("deductible met: coinsurance only")
        << "C/IND/30/23/150000/Y, C/IND/30/29/0/Y, A/IND/30//20%/Y"
        << "Annual physical" << qint64(5000) << B::Coinsurance << "81"
        << QStringList{"deductible is met", "20 % coinsurance on the other $250.00: $50.00"};
    QTest::newRow("no deductible: coinsurance only")
        << "A/IND/30//20%/Y"
        << "Annual physical" << qint64(5000) << B::Coinsurance << "81"
        << QStringList{"20 % coinsurance"};
    QTest::newRow("coinsurance with partial deductible")
        << "C/IND/30/23/150000/Y, C/IND/30/29/10000/Y, A/IND/30//20%/Y"
        << "Annual physical" << qint64(13000) << B::Deductible << "81"
        << QStringList{"$100.00 toward the deductible", "on the other $150.00: $30.00"};
    QTest::newRow("coinsurance rounds to the cent")
        << "C/IND/30/29/0/Y, A/IND/30//12.5%/Y"
        << "Follow-up" << qint64(1875) << B::Coinsurance << "98" << QStringList{"12.5 %"};
    QTest::newRow("deductible met, no coinsurance: nothing")
        << "C/IND/30/23/150000/Y, C/IND/30/29/0/Y"
        << "Annual physical" << qint64(0) << B::Coinsurance << "81"
        << QStringList{"No coinsurance stated"};
    QTest::newRow("out-of-pocket reached")
        << "B/IND/98/27/2500/Y, G/IND/30/23/500000/Y, G/IND/30/29/0/Y"
        << "Follow-up" << qint64(0) << B::OutOfPocketMet << "98"
        << QStringList{"out-of-pocket maximum is reached"};
    QTest::newRow("out-of-pocket cap partially limits the estimate")
        << "C/IND/30/29/10000/Y, A/IND/30//20%/Y, G/IND/30/29/11000/Y"
        << "Annual physical" << qint64(11000) << B::Deductible << "81"
        << QStringList{"Capped at the $110.00 left"};
    QTest::newRow("out-of-pocket cap limits a copay")
        << "B/IND/98/27/2500/Y, G/IND/30/29/1000/Y"
        << "Follow-up" << qint64(1000) << B::Copay << "98" << QStringList{"Capped at the $10.00"};
    QTest::newRow("family deductible nearly met")
        << "C/IND/30/29/70000/Y, C/FAM/30/29/5000/Y, A/IND/30//10%/Y"
        << "Annual physical" << qint64(7000) << B::Deductible << "81"
        << QStringList{"$50.00 toward the deductible ($50.00 left)"};
    QTest::newRow("plan-wide copay applies to any service")
        << "B/IND/30/27/3000/Y"
        << "Annual physical" << qint64(3000) << B::Copay << "81" << QStringList{"copay"};
    QTest::newRow("service-specific deductible wins")
        << "C/IND/30/29/70000/Y, C/IND/81/29/0/Y, A/IND/30//20%/Y"
        << "Annual physical" << qint64(5000) << B::Coinsurance << "81" << QStringList{};
    QTest::newRow("visit type not listed: office visit")
        << ppo << "Cardiology consult" << qint64(2500) << B::Copay << "98"
        << QStringList{"Cardiology consult, not in Settings, office visit assumed"};
    QTest::newRow("no visit today: office visit charge")
        << "C/IND/30/29/70000/Y"
        << "" << qint64(12000) << B::Deductible << "98" << QStringList{"no visit today", "$120.00"};
    QTest::newRow("unknown: no benefits returned")
        << ""
        << "Follow-up" << qint64(-1) << B::Unknown << "98" << QStringList{"No benefits returned"};
    QTest::newRow("unknown: only an out-of-network copay")
        << "B/IND/98/27/5000/N"
        << "Follow-up" << qint64(-1) << B::Unknown << "98"
        << QStringList{"no copay, deductible or coinsurance for Office visit"};
    QTest::newRow("unknown: deductible left not stated")
        << "C/IND/30/23/150000/Y, A/IND/30//20%/Y"
        << "Annual physical" << qint64(-1) << B::Unknown << "81"
        << QStringList{"did not say how much of the deductible is left"};
    QTest::newRow("unknown: no expected charge")
        << "C/IND/30/29/70000/Y"
        << "Vaccines" << qint64(-1) << B::Unknown << "80" << QStringList{"no expected charge"};
    QTest::newRow("unknown: inactive coverage")
        << "inactive, B/IND/98/27/2500/Y"
        << "Follow-up" << qint64(-1) << B::Unknown << "98" << QStringList{"not active"};
}

void TestCollectToday::collect()
{
    QFETCH(QString, benefits);
    QFETCH(QString, visitType);
    QFETCH(qint64, amount);
    QFETCH(CollectToday::Basis, basis);
    QFETCH(QString, serviceType);
    QFETCH(QStringList, explained);

    const CollectToday collect = calculator().calculate(result(benefits), visitType);
    QCOMPARE(collect.basis, basis);
    QCOMPARE(collect.isKnown(), amount >= 0);
    if (amount >= 0)
        QCOMPARE(*collect.amountCents, amount);
    QCOMPARE(collect.serviceType, serviceType);
    QVERIFY(!collect.explanation.isEmpty());
    for (const QString &text : explained)
        QVERIFY2(collect.explanation.contains(text, Qt::CaseInsensitive),
                 qPrintable(QStringLiteral("\"%1\" not in \"%2\"").arg(text, collect.explanation)));
    QCOMPARE(collect.amountText() == QLatin1String("Unknown"), amount < 0);
}

void TestCollectToday::notVerifiedIsUnknown()
{
    const CollectToday collect = calculator().calculate(std::nullopt, QStringLiteral("Follow-up"));
    QVERIFY(!collect.isKnown());
    QCOMPARE(collect.basis, CollectToday::Basis::Unknown);
    QVERIFY(collect.explanation.contains(QLatin1String("Not verified")));

    EligibilityResult rejected;
    rejected.status = EligibilityResult::Status::Rejected;
    QVERIFY(!calculator().calculate(rejected, QStringLiteral("Follow-up")).isKnown());
}

void TestCollectToday::visitTypesAreMatchedWithoutCase()
{
    const CollectTodayCalculator c = calculator();
    QCOMPARE(c.feeFor(QStringLiteral(" annual PHYSICAL ")).chargeCents, qint64(25000));
    QCOMPARE(c.feeFor(QStringLiteral(" annual PHYSICAL ")).serviceType, QStringLiteral("81"));
    QVERIFY(c.isListed(QStringLiteral("follow-up")));
    QVERIFY(!c.isListed(QStringLiteral("Lab review")));
    const VisitFee other = c.feeFor(QStringLiteral("Lab review"));
    QCOMPARE(other.serviceType, QStringLiteral("98"));
    QCOMPARE(other.chargeCents, qint64(12000));
    QCOMPARE(other.visitType, QStringLiteral("Lab review"));
}

void TestCollectToday::metSoFar_data()
{
    QTest::addColumn<QString>("benefits");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("level"); // of the first accumulator listed
    QTest::addColumn<qint64>("met");    // -1: cannot be worked out
    QTest::addColumn<int>("percent");   // -1: none

    const int deductible = int(Accumulator::Kind::Deductible);
    const int outOfPocket = int(Accumulator::Kind::OutOfPocket);
    QTest::newRow("deductible part met") << "C/IND/30/23/150000/Y, C/IND/30/29/70000/Y"
                                         << deductible << "IND" << qint64(80000) << 53;
    QTest::newRow("remaining before total") << "C/IND/30/29/70000/Y, C/IND/30/23/150000/Y"
                                            << deductible << "IND" << qint64(80000) << 53;
    QTest::newRow("nothing met yet")
        << "C/IND/30/23/150000/Y, C/IND/30/29/150000/Y" << deductible << "IND" << qint64(0) << 0;
    QTest::newRow("fully met") << "C/IND/30/23/150000/Y, C/IND/30/29/0/Y" << deductible << "IND"
                               << qint64(150000) << 100;
    QTest::newRow("family only") << "C/FAM/30/23/300000/Y, C/FAM/30/29/240000/Y" << deductible
                                 << "FAM" << qint64(60000) << 20;
    QTest::newRow("out-of-network ignored")
        << "C/IND/30/23/500000/N, C/IND/30/29/100/N, C/IND/30/23/150000/Y, C/IND/30/29/70000/Y"
        << deductible << "IND" << qint64(80000) << 53;
    QTest::newRow("total only: cannot work out")
        << "C/IND/30/23/150000/Y" << deductible << "IND" << qint64(-1) << -1;
    QTest::newRow("out-of-pocket") << "G/IND/30/23/500000/Y, G/IND/30/29/320000/Y" << outOfPocket
                                   << "IND" << qint64(180000) << 36;
    QTest::newRow("out-of-pocket not the deductible")
        << "C/IND/30/23/150000/Y, C/IND/30/29/70000/Y" << outOfPocket << "" << qint64(-1) << -1;
}

void TestCollectToday::metSoFar()
{
    QFETCH(QString, benefits);
    QFETCH(int, kind);
    QFETCH(QString, level);
    QFETCH(qint64, met);
    QFETCH(int, percent);

    const QList<Accumulator> found = Accumulators::find(result(benefits), Accumulator::Kind(kind));
    if (level.isEmpty()) {
        QVERIFY(found.isEmpty());
        return;
    }
    QVERIFY(!found.isEmpty());
    QCOMPARE(found.first().level, level);
    QCOMPARE(found.first().metCents().has_value(), met >= 0);
    if (met >= 0)
        QCOMPARE(*found.first().metCents(), met);
    QCOMPARE(found.first().percentMet().value_or(-1), percent);
}

QTEST_GUILESS_MAIN(TestCollectToday)
#include "tst_collecttoday.moc"

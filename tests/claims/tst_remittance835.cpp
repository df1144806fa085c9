// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/claims/claim837writer.h"
#include "services/claims/claimsconformance.h"
#include "services/claims/remittance835reader.h"
#include "services/claims/remittancematcher.h"
#include "services/x12/conformancerunner.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

// The 835s here are written for these tests: small remittances whose figures are worked out by
// hand in the comments, so that a wrong reading shows as a wrong number.

namespace {

//! One 835 interchange around transaction bodies (segments between ST and SE, each ending
//! in '~'), with trailer counts and control numbers right.
QByteArray interchange835(int control, const QList<QByteArray> &bodies)
{
    const QByteArray number = QByteArray::number(control);
    QByteArray out = "ISA*00*          *00*          *ZZ*HARBORPAYER    *ZZ*CLINICDESK     *260401*"
                     "1200*^*00501*" +
                     number.rightJustified(9, '0') + "*0*P*:~\n";
    out += "GS*HP*HARBORPAYER*CLINICDESK*20260401*1200*" + number + "*X*005010X221A1~\n";
    int st = 0;
    for (const QByteArray &body : bodies) {
        const QByteArray st02 = QByteArray::number(control * 10 + ++st).rightJustified(4, '0');
        out += "ST*835*" + st02 + "*005010X221A1~\n" + body;
        out += "SE*" + QByteArray::number(body.count('~') + 2) + '*' + st02 + "~\n";
    }
    out += "GE*" + QByteArray::number(bodies.size()) + '*' + number + "~\n";
    out += "IEA*1*" + number.rightJustified(9, '0') + "~\n";
    return out;
}

//! The header of an 835 transaction: payment, check or EFT number, payer and payee.
QByteArray header(const QByteArray &date, const QByteArray &check, const QByteArray &payer)
{
    return "BPR*I*100*C*ACH*CCP*01*999999992*DA*123456*1512345678**01*999988880*DA*98765*" + date +
           "~\nTRN*1*" + check + "*1512345678~\nDTM*405*" + date + "~\nN1*PR*" + payer +
           "~\nN3*1 PAYER WAY~\nN4*PORTLAND*OR*97201~\nN1*PE*SPRINGFIELD FAMILY CLINIC*XX*"
           "1234567893~\nLX*1~\n";
}

//! A claim paid in full, one line: billed = paid, nothing adjusted.
QByteArray paidClaim(const QByteArray &number, const QByteArray &amount)
{
    return "CLP*" + number + "*1*" + amount + '*' + amount + "**12*PAY-" + number +
           "~\nNM1*QC*1*SMITH*JANE****MI*ACT100001~\nSVC*HC:99213*" + amount + '*' + amount +
           "**1~\nDTM*472*20260320~\n";
}

Remittance835Result readOne(const QByteArray &data)
{
    return Remittance835Reader::read(data, QStringLiteral("test.835"));
}

} // namespace

class TestRemittance835 : public QObject
{
    Q_OBJECT

private slots:
    void readsEveryInterchangeGroupAndTransaction();
    void claimAndLineAdjustments();
    void procedureModifiersAndUnits_data();
    void procedureModifiersAndUnits();
    void unbalancedClaimIsReturnedAndFlagged();
    void malformedClaimIsLeftOutWithItsSegment_data();
    void malformedClaimIsLeftOutWithItsSegment();
    void unreadableFilesGiveAnError_data();
    void unreadableFilesGiveAnError();
    void hostileClaimIsRefused();
    void streamingGivesTheSameRemittances();
    void matchesClaimByNumber();
    void matchesLines_data();
    void matchesLines();
    void conformanceReadsRemittancesAndClaims();
};

void TestRemittance835::readsEveryInterchangeGroupAndTransaction()
{
    // Three interchanges; the second holds two transactions from another payer.
    const QByteArray data =
        interchange835(101, {header("20260401", "EFT1001", "HARBOR HEALTH PLAN") +
                             paidClaim("CLM0001", "100") + paidClaim("CLM0002", "80.5")}) +
        interchange835(
            102, {header("20260402", "CHK2002", "CEDAR MUTUAL") + paidClaim("CLM0003", "45"),
                  header("20260403", "CHK2003", "CEDAR MUTUAL") + paidClaim("CLM0004", "12.34")}) +
        interchange835(
            103, {header("20260404", "EFT3004", "HARBOR HEALTH PLAN") + paidClaim("CLM0005", "1")});
    const Remittance835Result result = readOne(data);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.transactions, 4);
    QCOMPARE(result.claims, 5);
    QVERIFY(result.unbalanced.isEmpty());
    QVERIFY2(!result.hasClaimErrors(), qPrintable(result.errorStrings().join('\n')));

    const QStringList numbers{"CLM0001", "CLM0002", "CLM0003", "CLM0004", "CLM0005"};
    const QList<qint64> billed{10000, 8050, 4500, 1234, 100};
    const QStringList checks{"EFT1001", "EFT1001", "CHK2002", "CHK2003", "EFT3004"};
    const QList<QDate> dates{QDate(2026, 4, 1), QDate(2026, 4, 1), QDate(2026, 4, 2),
                             QDate(2026, 4, 3), QDate(2026, 4, 4)};
    QCOMPARE(result.remittances.size(), numbers.size());
    for (qsizetype i = 0; i < numbers.size(); ++i) {
        const Remittance &remittance = result.remittances.at(i);
        QCOMPARE(remittance.claimNumber, numbers.at(i));
        QCOMPARE(remittance.payerClaimId, QStringLiteral("PAY-") + numbers.at(i));
        QCOMPARE(remittance.billedCents, billed.at(i));
        QCOMPARE(remittance.paidCents, billed.at(i));
        QCOMPARE(remittance.checkNumber, checks.at(i));
        QCOMPARE(remittance.paymentDate, dates.at(i));
        QCOMPARE(remittance.payerName, i >= 2 && i <= 3 ? QStringLiteral("CEDAR MUTUAL")
                                                        : QStringLiteral("HARBOR HEALTH PLAN"));
        QCOMPARE(remittance.source, QStringLiteral("test.835"));
        QCOMPARE(remittance.lines.size(), 1);
        QCOMPARE(remittance.lines.first().allowedCents, billed.at(i));
    }
}

void TestRemittance835::claimAndLineAdjustments()
{
    // Billed 350.00 on two lines; the claim-level OA-23 of 3.00 makes the claim pay 3.00
    // less than its lines (120 + 95 − 3 = 212): 350 − 212 = 138 = 3 + 80 + 55.
    const QByteArray body = header("20260415", "EFT777", "HARBOR HEALTH PLAN") +
                            // 350 − 212 = 138 = 3 (claim) + 80 (line 1) + 55 (line 2)
                            "CLP*CLM0100*1*350*212*60*12*PAY-0100*11*1~\n"
                            "CAS*OA*23*3~\n"
                            "NM1*QC*1*SMITH*JANE****MI*ACT100001~\n"
                            "MOA***MA01*N130~\n"
                            // 200 − 120 = 80 = 40 + 25 + 15
                            "SVC*HC:99214:25*200*120**1~\n"
                            "DTM*472*20260320~\n"
                            "CAS*CO*45*40~\n"
                            "CAS*PR*2*25**3*15~\n"
                            "AMT*B6*160~\n"
                            "LQ*HE*N381~\n"
                            // 150 − 95 = 55 = 30 + 5 + 20 + 0
                            "SVC*HC:81002*150*95**1~\n"
                            "DTM*472*20260320~\n"
                            "CAS*CO*45*30**59*5~\n"
                            "CAS*PR*1*20~\n"
                            "CAS*OA*94*0~\n"
                            "LQ*HE*M15~\n"
                            "LQ*HE*N20~\n";
    const Remittance835Result result = readOne(interchange835(200, {body}));
    QVERIFY2(result.ok(), qPrintable(result.error));
    QVERIFY2(!result.hasClaimErrors(), qPrintable(result.errorStrings().join('\n')));
    QCOMPARE(result.remittances.size(), 1);
    const Remittance &remittance = result.remittances.first();
    QCOMPARE(remittance.statusCode, QStringLiteral("1"));
    QCOMPARE(remittance.billedCents, 35000);
    QCOMPARE(remittance.paidCents, 21200);
    QCOMPARE(remittance.patientResponsibilityCents, 6000);
    QCOMPARE(remittance.payerClaimId, QStringLiteral("PAY-0100"));
    QCOMPARE(remittance.claimAdjustments,
             (QList<RemittanceAdjustment>{{QStringLiteral("OA"), QStringLiteral("23"), 300}}));
    QCOMPARE(remittance.remarks, (QStringList{"MA01", "N130"}));
    QCOMPARE(remittance.lines.size(), 2);

    const RemittanceLine &first = remittance.lines.at(0);
    QCOMPARE(first.procedureCode, QStringLiteral("99214"));
    QCOMPARE(first.modifiers, QStringList{QStringLiteral("25")});
    QCOMPARE(first.billedCents, 20000);
    QCOMPARE(first.paidCents, 12000);
    QCOMPARE(first.allowedCents, 16000); // AMT*B6
    QCOMPARE(first.adjustments,
             (QList<RemittanceAdjustment>{{QStringLiteral("CO"), QStringLiteral("45"), 4000},
                                          {QStringLiteral("PR"), QStringLiteral("2"), 2500},
                                          {QStringLiteral("PR"), QStringLiteral("3"), 1500}}));
    QCOMPARE(first.remarks, QStringList{QStringLiteral("N381")});

    const RemittanceLine &second = remittance.lines.at(1);
    QCOMPARE(second.procedureCode, QStringLiteral("81002"));
    QVERIFY(second.modifiers.isEmpty());
    QCOMPARE(second.paidCents, 9500);
    // No AMT*B6: billed − the adjustments that are not the patient's (CO 30, PI 5, OA 0).
    QCOMPARE(second.allowedCents, 15000 - 3000 - 500);
    QCOMPARE(second.adjustments.size(), 4);
    QCOMPARE(second.adjustments.at(1),
             (RemittanceAdjustment{QStringLiteral("CO"), QStringLiteral("59"), 500}));
    QCOMPARE(second.remarks, (QStringList{"M15", "N20"}));
    QCOMPARE(remittance.patientAdjustmentsCents(), 2500 + 1500 + 2000);
}

void TestRemittance835::procedureModifiersAndUnits_data()
{
    QTest::addColumn<QByteArray>("svc");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QStringList>("modifiers");
    QTest::addColumn<int>("units");

    QTest::newRow("no units: one")
        << QByteArray("SVC*HC:99213*50*50~") << "99213" << QStringList() << 1;
    QTest::newRow("units given") << QByteArray("SVC*HC:97110:GP*50*50**3~") << "97110"
                                 << QStringList{"GP"} << 3;
    QTest::newRow("four modifiers and a description")
        << QByteArray("SVC*HC:20610:RT:59:XS:76:INJECTION*50*50**1~") << "20610"
        << QStringList{"RT", "59", "XS", "76"} << 1;
    QTest::newRow("decimal units round")
        << QByteArray("SVC*HC:J1100*50*50**1.9~") << "J1100" << QStringList() << 2;
    QTest::newRow("empty modifier skipped")
        << QByteArray("SVC*HC:99213::25*50*50**1~") << "99213" << QStringList{"25"} << 1;
}

void TestRemittance835::procedureModifiersAndUnits()
{
    QFETCH(QByteArray, svc);
    QFETCH(QString, code);
    QFETCH(QStringList, modifiers);
    QFETCH(int, units);
    const QByteArray body =
        header("20260401", "E1", "HARBOR") + "CLP*C1*1*50*50**12*P1~\n" + svc + "\n";
    const Remittance835Result result = readOne(interchange835(300, {body}));
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.remittances.size(), 1);
    QCOMPARE(result.remittances.first().lines.size(), 1);
    const RemittanceLine &line = result.remittances.first().lines.first();
    QCOMPARE(line.procedureCode, code);
    QCOMPARE(line.modifiers, modifiers);
    QCOMPARE(line.units, units);
}

void TestRemittance835::unbalancedClaimIsReturnedAndFlagged()
{
    // CLM0301: its line balances (100 − 80 = 20 adjusted) but the claim pays 70, and nothing
    // explains the other 10. CLM0302 balances.
    // CLM0303's line is off: billed 40, paid 30, adjusted 5.
    const QByteArray body = header("20260401", "E1", "HARBOR") +
                            "CLP*CLM0301*1*100*70**12*P1~\n"
                            "SVC*HC:99213*100*80**1~\nCAS*CO*45*20~\n" +
                            paidClaim("CLM0302", "25") +
                            "CLP*CLM0303*1*40*30**12*P3~\n"
                            "CAS*CO*45*5~\n"
                            "SVC*HC:99212*40*30**1~\nCAS*CO*45*5~\n";
    const Remittance835Result result = readOne(interchange835(301, {body}));
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.remittances.size(), 3);
    QCOMPARE(result.unbalanced, (QList<qsizetype>{0, 2}));
    QVERIFY(result.hasClaimErrors());
    const QStringList errors = result.errorStrings();
    QCOMPARE(errors.size(), 2);
    // Each names the claim and where its CLP is (ISA 1, GS 2, ST 3, BPR…LX 4-11, CLP 12).
    QCOMPARE(errors.at(0), QStringLiteral("segment 12 (CLP): Claim CLM0301 does not balance: "
                                          "billed $100.00 − paid $70.00 is $30.00, but its "
                                          "adjustments add up to $20.00."));
    QVERIFY2(errors.at(1).contains(QLatin1String("Claim CLM0303: Line 1 (99212)")),
             qPrintable(errors.at(1)));
    QVERIFY(!result.remittances.at(0).balances());
    QVERIFY(result.remittances.at(1).balances());
}

void TestRemittance835::malformedClaimIsLeftOutWithItsSegment_data()
{
    QTest::addColumn<QByteArray>("claim");
    QTest::addColumn<QStringList>("errors");

    // The broken claim's segments start at 12; its CLP is segment 12.
    QTest::newRow("billed not an amount")
        << QByteArray("CLP*BAD1*1*12x*10**12*P~\n")
        << QStringList{"segment 12 (CLP): CLP03 (the amount billed) is not an amount: \"12x\"."};
    QTest::newRow("amounts missing")
        << QByteArray("CLP*BAD1*22~\n")
        << QStringList{"segment 12 (CLP): CLP03 (the amount billed) is missing.",
                       "segment 12 (CLP): CLP04 (the amount paid) is missing."};
    QTest::newRow("claim number missing") << QByteArray("CLP**1*10*10**12*P~\n")
                                          << QStringList{"segment 12 (CLP): CLP01 (the "
                                                         "claim number) is missing."};
    QTest::newRow("CAS reason without amount")
        << QByteArray("CLP*BAD1*1*10*5**12*P~\nSVC*HC:99213*10*5~\nCAS*CO*45~\n")
        << QStringList{"segment 14 (CAS): CAS03 (the amount of reason 45) is missing."};
    QTest::newRow("CAS amount without reason")
        << QByteArray("CLP*BAD1*1*10*5**12*P~\nCAS*CO**5~\n")
        << QStringList{
               "segment 13 (CAS): CAS03 has an amount but CAS02 (its reason code) is missing."};
    QTest::newRow("CAS without group") << QByteArray("CLP*BAD1*1*10*5**12*P~\nCAS**45*5~\n")
                                       << QStringList{"segment 13 (CAS): CAS01 (the "
                                                      "adjustment group: CO, PR, OA or PI) is "
                                                      "missing."};
    QTest::newRow("SVC without code") << QByteArray("CLP*BAD1*1*10*10**12*P~\nSVC*99213*10*10~\n")
                                      << QStringList{"segment 13 (SVC): SVC01 has no procedure "
                                                     "code (it should be a qualifier and a code, "
                                                     "as in HC:99213): \"99213\"."};
    QTest::newRow("line paid not an amount")
        << QByteArray("CLP*BAD1*1*10*10**12*P~\nSVC*HC:99213*10*ten~\n")
        << QStringList{
               "segment 13 (SVC): SVC03 (the line's amount paid) is not an amount: \"ten\"."};
}

void TestRemittance835::malformedClaimIsLeftOutWithItsSegment()
{
    QFETCH(QByteArray, claim);
    QFETCH(QStringList, errors);
    // A good claim on each side: only the broken one is left out.
    const QByteArray body = header("20260401", "E1", "HARBOR") + claim + paidClaim("GOOD2", "20");
    const Remittance835Result result = readOne(
        interchange835(400, {body}) +
        interchange835(401, {header("20260402", "E2", "HARBOR") + paidClaim("GOOD3", "30")}));
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.claims, 3);
    QCOMPARE(result.remittances.size(), 2);
    QCOMPARE(result.remittances.at(0).claimNumber, QStringLiteral("GOOD2"));
    QCOMPARE(result.remittances.at(1).claimNumber, QStringLiteral("GOOD3"));
    QCOMPARE(result.errorStrings(), errors);
}

void TestRemittance835::unreadableFilesGiveAnError_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("error");

    const QByteArray good =
        interchange835(500, {header("20260401", "E1", "HARBOR") + paidClaim("C1", "10")});
    QTest::newRow("empty") << QByteArray() << "";
    QTest::newRow("not X12") << QByteArray("Dear billing office,\nplease find enclosed…\n") << "";
    QTest::newRow("truncated") << good.left(good.indexOf("SVC*") + 10)
                               << "(SVC): The data ends in the middle of this segment";
    QByteArray noClp = good;
    noClp.replace("ST*835", "ST*271");
    QTest::newRow("another transaction") << noClp << "The file holds 271, not an 835 remittance.";
}

void TestRemittance835::unreadableFilesGiveAnError()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, error);
    const Remittance835Result result = readOne(data);
    QVERIFY(!result.ok());
    QVERIFY(result.remittances.isEmpty());
    QVERIFY2(result.error.contains(error), qPrintable(result.error));
}

void TestRemittance835::hostileClaimIsRefused()
{
    // One claim with more service lines than any remittance needs: refused, not buffered.
    QByteArray body = header("20260401", "E1", "HARBOR") + "CLP*BIG*1*0*0**12*P~\n";
    for (int i = 0; i <= Remittance835Reader::maxLinesPerClaim; ++i)
        body += "SVC*HC:99213*0*0~\n";
    const Remittance835Result result = readOne(interchange835(600, {body}));
    QVERIFY(!result.ok());
    QVERIFY(result.remittances.isEmpty());
    QVERIFY2(result.error.contains(QLatin1String("Claim BIG has more than 5000 service lines")),
             qPrintable(result.error));

    // More claims than the list form keeps: refused there; the streaming form reads them all.
    QByteArray many = header("20260401", "E1", "HARBOR");
    for (int i = 0; i <= Remittance835Reader::maxCollected; ++i)
        many += "CLP*C*1*0*0~";
    const QByteArray data = interchange835(601, {many});
    const Remittance835Result listed = readOne(data);
    QVERIFY(!listed.ok());
    QVERIFY(listed.remittances.isEmpty());
    QVERIFY2(listed.error.contains(QLatin1String("more than 200000 claims")),
             qPrintable(listed.error));
    QBuffer device;
    device.setData(data);
    QVERIFY(device.open(QIODevice::ReadOnly));
    int streamed = 0;
    const Remittance835Result result2 =
        Remittance835Reader::read(device, {}, Remittance835Reader::lenientOptions(),
                                  [&](Remittance &&, const QString &) { ++streamed; });
    QVERIFY2(result2.ok(), qPrintable(result2.error));
    QCOMPARE(streamed, Remittance835Reader::maxCollected + 1);
}

void TestRemittance835::streamingGivesTheSameRemittances()
{
    QByteArray data;
    for (int i = 0; i < 20; ++i) {
        const QByteArray number = "CLM" + QByteArray::number(i);
        data += interchange835(700 + i, {header("20260401", "E" + QByteArray::number(i), "HARBOR") +
                                         paidClaim(number, QByteArray::number(10 + i))});
    }
    const Remittance835Result whole = readOne(data);
    QVERIFY(whole.ok());
    QCOMPARE(whole.remittances.size(), 20);

    QBuffer device(&data);
    QVERIFY(device.open(QIODevice::ReadOnly));
    QList<Remittance> streamed;
    const Remittance835Result result = Remittance835Reader::read(
        device, QStringLiteral("test.835"), Remittance835Reader::lenientOptions(),
        [&](Remittance &&remittance, const QString &balanceError) {
            QVERIFY(balanceError.isEmpty());
            streamed.append(std::move(remittance));
        });
    QVERIFY(result.ok());
    QVERIFY(result.remittances.isEmpty()); // handed out, not kept
    QCOMPARE(result.transactions, 20);
    QCOMPARE(streamed, whole.remittances);
}

void TestRemittance835::matchesClaimByNumber()
{
    Claim claim;
    claim.claimNumber = QStringLiteral("CLM0042");
    claim.payerClaimId = QStringLiteral("PAY-77");
    Remittance remittance;
    remittance.claimNumber = QStringLiteral(" clm0042 ");
    QVERIFY(RemittanceMatcher::isForClaim(claim, remittance));
    remittance.claimNumber = QStringLiteral("CLM0043");
    QVERIFY(!RemittanceMatcher::isForClaim(claim, remittance));
    remittance.payerClaimId = QStringLiteral("PAY-77");
    QVERIFY(RemittanceMatcher::isForClaim(claim, remittance));
    claim.payerClaimId.clear();
    remittance.payerClaimId.clear();
    QVERIFY(!RemittanceMatcher::isForClaim(claim, remittance)); // empty never matches empty
}

void TestRemittance835::matchesLines_data()
{
    using How = RemittanceLineMatch::How;
    QTest::addColumn<QList<ServiceLine>>("ours");
    QTest::addColumn<QList<RemittanceLine>>("theirs");
    QTest::addColumn<QList<RemittanceLineMatch>>("expected");

    auto our = [](const char *code, QStringList modifiers = {}) {
        ServiceLine line;
        line.procedureCode = QLatin1String(code);
        line.modifiers = modifiers;
        return line;
    };
    auto their = [](const char *code, QStringList modifiers = {}) {
        RemittanceLine line;
        line.procedureCode = QLatin1String(code);
        line.modifiers = modifiers;
        return line;
    };
    QTest::newRow("same order, same codes")
        << QList<ServiceLine>{our("99213", {"25"}), our("81002")}
        << QList<RemittanceLine>{their("99213", {"25"}), their("81002")}
        << QList<RemittanceLineMatch>{{0, 0, How::Exact}, {1, 1, How::Exact}};
    QTest::newRow("reordered") << QList<ServiceLine>{our("99213"), our("81002"), our("36415")}
                               << QList<RemittanceLine>{their("36415"), their("99213"),
                                                        their("81002")}
                               << QList<RemittanceLineMatch>{
                                      {0, 2, How::Exact}, {1, 0, How::Exact}, {2, 1, How::Exact}};
    QTest::newRow("modifiers dropped")
        << QList<ServiceLine>{our("99214", {"25"}), our("20610", {"RT", "59"})}
        << QList<RemittanceLine>{their("20610"), their("99214")}
        << QList<RemittanceLineMatch>{{0, 1, How::CodeOnly}, {1, 0, How::CodeOnly}};
    QTest::newRow("modifiers in another order")
        << QList<ServiceLine>{our("20610", {"RT", "59"})}
        << QList<RemittanceLine>{their("20610", {"59", "RT"})}
        << QList<RemittanceLineMatch>{{0, 0, How::Exact}};
    // The same code twice: the one whose modifiers match is taken first, the other by code.
    QTest::newRow("same code, one with modifiers kept")
        << QList<ServiceLine>{our("97110", {"GP"}), our("97110", {"GP", "59"})}
        << QList<RemittanceLine>{their("97110"), their("97110", {"59", "GP"})}
        << QList<RemittanceLineMatch>{{0, 0, How::CodeOnly}, {1, 1, How::Exact}};
    QTest::newRow("code changed by the payer: by position")
        << QList<ServiceLine>{our("99215"), our("81002")}
        << QList<RemittanceLine>{their("99214"), their("81002")}
        << QList<RemittanceLineMatch>{{0, 0, How::Position}, {1, 1, How::Exact}};
    QTest::newRow("a line we did not bill")
        << QList<ServiceLine>{our("99213")} << QList<RemittanceLine>{their("99213"), their("G0008")}
        << QList<RemittanceLineMatch>{{0, 0, How::Exact}, {1, -1, How::None}};
}

void TestRemittance835::matchesLines()
{
    QFETCH(QList<ServiceLine>, ours);
    QFETCH(QList<RemittanceLine>, theirs);
    QFETCH(QList<RemittanceLineMatch>, expected);
    Remittance remittance;
    remittance.lines = theirs;
    QCOMPARE(RemittanceMatcher::matchLines(ours, remittance), expected);
}

void TestRemittance835::conformanceReadsRemittancesAndClaims()
{
    QTemporaryDir temporary;
    QVERIFY(temporary.isValid());
    const QDir x12(temporary.filePath(QStringLiteral("x12")));
    QVERIFY(QDir().mkpath(x12.path()));
    auto write = [&](const QString &name, const QByteArray &data) {
        QFile file(x12.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(data), data.size());
    };
    // Two interchanges, one unbalanced claim and one that cannot be read.
    write(QStringLiteral("a.835"),
          interchange835(800, {header("20260401", "E1", "HARBOR") + paidClaim("C1", "10") +
                               "CLP*C2*1*50*20**12*P2~\nSVC*HC:99213*50*30~\nCAS*CO*45*20~\n"}) +
              interchange835(801, {header("20260402", "E2", "HARBOR") + "CLP*C3*1*abc*0**12*P3~\n" +
                                   paidClaim("C4", "7")}));
    Claim claim;
    claim.claimNumber = QStringLiteral("CLM1");
    claim.patientName = QStringLiteral("Smith, Jane");
    claim.memberId = QStringLiteral("ACT100001");
    claim.insuranceId = QStringLiteral("INS001");
    claim.payerName = QStringLiteral("BlueCross BlueShield");
    claim.billingProvider = {QStringLiteral("Springfield Family Clinic"),
                             QStringLiteral("1234567893")};
    claim.dateOfService = QDate(2026, 3, 20);
    claim.diagnoses = {{QStringLiteral("J209"), {}}};
    claim.lines = {{QStringLiteral("99213"), {}, 1, 12500, {1}, {}},
                   {QStringLiteral("87880"), {QStringLiteral("QW")}, 1, 3000, {1}, {}}};
    const Claim837WriteResult written = Claim837Writer::write({claim}, Claim837Options());
    QVERIFY2(written.ok(), qPrintable(written.error));
    write(QStringLiteral("b.837"), written.data);

    QString text;
    QTextStream out(&text);
    const ConformanceSummary summary =
        ConformanceRunner::run(temporary.path(), out, ClaimsConformance::checks);
    QCOMPARE(summary.failed, 0);
    QCOMPARE(summary.passed, 2);
    const QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines.at(0),
             QStringLiteral("ok    a.835: 835: 2 interchanges, 2 transactions, 40 segments; 835 "
                            "claims: 3 of 4 read, 2 balance, 3 service lines (2 errors, the "
                            "first: segment 16 (CLP): Claim C2 does not balance: billed $50.00 − "
                            "paid $20.00 is $30.00, but its adjustments add up to $20.00.)"));
    QCOMPARE(lines.at(1),
             QStringLiteral("ok    b.837: 837: 1 interchange, 1 transaction, %1 segments; 837 "
                            "claims: 1, 2 service lines")
                 .arg(written.segments + 4));
}

QTEST_GUILESS_MAIN(TestRemittance835)
#include "tst_remittance835.moc"

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/claims/claimcodes.h"

#include <QTest>

using namespace ClaimCodes;

// Each table pairs well-formed codes with near misses of the kinds billers type, and checks both
// the verdict and, for the misses, that the reason names the actual fault.

class TestClaimCodes : public QObject
{
    Q_OBJECT

private slots:
    void icd10_data();
    void icd10();
    void procedureCodes_data();
    void procedureCodes();
    void procedureCodesAreNormalized();
    void modifier_data();
    void modifier();
    void modifierLists_data();
    void modifierLists();
    void npi_data();
    void npi();
    void placeOfService_data();
    void placeOfService();
    void knownPlacesAreAllTwoDigitsAndNamed();
};

void TestClaimCodes::icd10_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("reason"); // empty: well-formed; else a word the reason contains

    QTest::newRow("three characters") << "R05"
                                      << "";
    QTest::newRow("with dot") << "J20.9"
                              << "";
    QTest::newRow("without dot") << "J209"
                                 << "";
    QTest::newRow("lower case") << "j20.9"
                                << "";
    QTest::newRow("surrounding spaces") << "  E11.9 "
                                        << "";
    QTest::newRow("seven with placeholders") << "T14.90XA"
                                             << "";
    QTest::newRow("seven without dot") << "S52001A"
                                       << "";
    QTest::newRow("letter third (Merkel cell)") << "C4A.9"
                                                << "";
    QTest::newRow("letter third (gout)") << "M1A.0711"
                                         << "";
    QTest::newRow("U chapter (COVID-19)") << "U07.1"
                                          << "";
    QTest::newRow("trailing dot") << "R05."
                                  << "";

    QTest::newRow("empty") << ""
                           << "empty";
    QTest::newRow("blank") << "   "
                           << "empty";
    QTest::newRow("two characters") << "J2"
                                    << "3 to 7";
    QTest::newRow("eight characters") << "S52.001AA"
                                      << "3 to 7";
    QTest::newRow("digit first") << "120.9"
                                 << "letter";
    QTest::newRow("letter O second") << "JO9.9"
                                     << "second character";
    QTest::newRow("dot after second") << "J2.09"
                                      << "third character";
    QTest::newRow("dot after fourth") << "J209.1"
                                      << "third character";
    QTest::newRow("leading dot") << ".J209"
                                 << "third character";
    QTest::newRow("two dots") << "J20.9.1"
                              << "more than one dot";
    QTest::newRow("dash") << "J20-9"
                          << "“-”";
    QTest::newRow("inner space") << "J20 9"
                                 << "“ ”";
    QTest::newRow("accented letter") << "É20.9"
                                     << "“É”";
}

void TestClaimCodes::icd10()
{
    QFETCH(QString, code);
    QFETCH(QString, reason);
    const QString problem = icd10Problem(code);
    QCOMPARE(isIcd10(code), reason.isEmpty());
    if (reason.isEmpty())
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    else
        QVERIFY2(problem.contains(reason), qPrintable(problem));
}

void TestClaimCodes::procedureCodes_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<ProcedureKind>("kind");
    QTest::addColumn<QString>("reason"); // for Invalid: a word the reason contains

    QTest::newRow("office visit") << "99213" << ProcedureKind::Cpt << "";
    QTest::newRow("leading zero") << "00100" << ProcedureKind::Cpt << "";
    QTest::newRow("category II") << "3074F" << ProcedureKind::CptCategoryII << "";
    QTest::newRow("category III") << "0042T" << ProcedureKind::CptCategoryIII << "";
    QTest::newRow("PLA") << "0001U" << ProcedureKind::CptPla << "";
    QTest::newRow("MAAA") << "0002M" << ProcedureKind::CptMaaa << "";
    QTest::newRow("HCPCS drug") << "J1100" << ProcedureKind::HcpcsLevelII << "";
    QTest::newRow("HCPCS supply") << "A4550" << ProcedureKind::HcpcsLevelII << "";
    QTest::newRow("HCPCS G") << "G0438" << ProcedureKind::HcpcsLevelII << "";
    QTest::newRow("HCPCS V") << "V2020" << ProcedureKind::HcpcsLevelII << "";
    QTest::newRow("HCPCS dental") << "D0120" << ProcedureKind::HcpcsLevelII << "";

    QTest::newRow("empty") << "" << ProcedureKind::Invalid << "empty";
    QTest::newRow("four digits") << "9921" << ProcedureKind::Invalid << "has 4 character";
    QTest::newRow("six digits") << "992131" << ProcedureKind::Invalid << "has 6 character";
    QTest::newRow("CPT with X") << "1234X" << ProcedureKind::Invalid << "F, T, U or M";
    QTest::newRow("HCPCS with W") << "W1234" << ProcedureKind::Invalid << "starts with W";
    QTest::newRow("letter O for zero") << "O1234" << ProcedureKind::Invalid << "starts with O";
    QTest::newRow("letter F") << "F1234" << ProcedureKind::Invalid << "starts with F";
    QTest::newRow("lower case") << "j1100" << ProcedureKind::Invalid << "upper case: J1100";
    QTest::newRow("lower case category II") << "3074f" << ProcedureKind::Invalid << "3074F";
    QTest::newRow("two letters") << "JJ100" << ProcedureKind::Invalid << "expected five digits";
    QTest::newRow("space inside") << "99 13" << ProcedureKind::Invalid << "spaces";
    QTest::newRow("space around") << " 99213" << ProcedureKind::Invalid << "spaces";
    QTest::newRow("ICD-10 code") << "J20.9" << ProcedureKind::Invalid << "expected five digits";
}

void TestClaimCodes::procedureCodes()
{
    QFETCH(QString, code);
    QFETCH(ProcedureKind, kind);
    QFETCH(QString, reason);
    QCOMPARE(procedureKind(code), kind);
    QCOMPARE(isProcedureCode(code), kind != ProcedureKind::Invalid);
    const QString problem = procedureCodeProblem(code);
    if (kind == ProcedureKind::Invalid)
        QVERIFY2(problem.contains(reason), qPrintable(problem));
    else
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestClaimCodes::procedureCodesAreNormalized()
{
    QCOMPARE(normalizedProcedureCode(QStringLiteral(" j 1100 ")), QStringLiteral("J1100"));
    QVERIFY(isProcedureCode(normalizedProcedureCode(QStringLiteral("3074f"))));
    QCOMPARE(normalizedModifier(QStringLiteral(" rt")), QStringLiteral("RT"));
}

void TestClaimCodes::modifier_data()
{
    QTest::addColumn<QString>("modifier");
    QTest::addColumn<QString>("reason");
    QTest::newRow("digits") << "25"
                            << "";
    QTest::newRow("letters") << "RT"
                             << "";
    QTest::newRow("mixed") << "Q5"
                           << "";
    QTest::newRow("empty") << ""
                           << "empty";
    QTest::newRow("one character") << "5"
                                   << "two letters or digits";
    QTest::newRow("three characters") << "259"
                                      << "two letters or digits";
    QTest::newRow("symbol") << "2-"
                            << "two letters or digits";
    QTest::newRow("lower case") << "rt"
                                << "upper case: RT";
    QTest::newRow("half lower case") << "Gt"
                                     << "upper case: GT";
}

void TestClaimCodes::modifier()
{
    QFETCH(QString, modifier);
    QFETCH(QString, reason);
    const QString problem = modifierProblem(modifier);
    if (reason.isEmpty())
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    else
        QVERIFY2(problem.contains(reason), qPrintable(problem));
}

void TestClaimCodes::modifierLists_data()
{
    QTest::addColumn<QStringList>("modifiers");
    QTest::addColumn<QString>("reason");
    QTest::newRow("none") << QStringList() << "";
    QTest::newRow("one") << QStringList{"25"} << "";
    QTest::newRow("four") << QStringList{"25", "59", "RT", "GA"} << "";
    QTest::newRow("five") << QStringList{"25", "59", "RT", "GA", "76"} << "at most 4";
    QTest::newRow("twice") << QStringList{"59", "RT", "59"} << "59 is given twice";
    QTest::newRow("one malformed") << QStringList{"25", "5"} << "“5”";
}

void TestClaimCodes::modifierLists()
{
    QFETCH(QStringList, modifiers);
    QFETCH(QString, reason);
    const QString problem = modifiersProblem(modifiers);
    if (reason.isEmpty())
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    else
        QVERIFY2(problem.contains(reason), qPrintable(problem));
}

void TestClaimCodes::npi_data()
{
    QTest::addColumn<QString>("npi");
    QTest::addColumn<QString>("reason");

    // The check digit is Luhn over "80840" + the first nine digits. The prefix always adds 24,
    // so: double every other digit of the nine starting with the first (a doubled digit over 9
    // loses 9), add the others and 24, and the check digit brings the sum up to a multiple of 10.
    //
    // 123456789: doubled 1,3,5,7,9 → 2+6+(10-9)+(14-9)+(18-9) = 2+6+1+5+9 = 23;
    //            kept 2+4+6+8 = 20; 23+20+24 = 67 → check 3 (70): 1234567893.
    QTest::newRow("CMS example") << "1234567893"
                                 << "";
    // 198765432: doubled 1,8,6,4,2 → 2+7+3+8+4 = 24; kept 9+7+5+3 = 24; 24+24+24 = 72 → 8.
    QTest::newRow("computed, check 8") << "1987654328"
                                       << "";
    // 100000000: doubled 1 → 2; kept 0; 2+24 = 26 → 4.
    QTest::newRow("computed, check 4") << "1000000004"
                                       << "";
    // 200000000: doubled 2 → 4; 4+24 = 28 → 2.
    QTest::newRow("organisation, check 2") << "2000000002"
                                           << "";
    // 299999999: doubled 2,9,9,9,9 → 4+9+9+9+9 = 40; kept 9+9+9+9 = 36; 40+36+24 = 100 → 0.
    QTest::newRow("computed, check 0") << "2999999990"
                                       << "";
    // 124531959: doubled 1,4,3,9,9 → 2+8+6+9+9 = 34; kept 2+5+1+5 = 13; 34+13+24 = 71 → 9.
    QTest::newRow("rendering provider") << "1245319599"
                                        << "";

    QTest::newRow("wrong check digit") << "1234567890"
                                       << "check digit";
    QTest::newRow("one digit mistyped") << "1234567793"
                                        << "check digit";
    QTest::newRow("last two swapped") << "1234567839"
                                      << "check digit";
    // 323456789 has Luhn check 9, so only the first digit is wrong here.
    QTest::newRow("starts with 3") << "3234567899"
                                   << "1 or 2";
    QTest::newRow("starts with 0") << "0234567895"
                                   << "1 or 2";
    QTest::newRow("nine digits") << "123456789"
                                 << "has 9 digit";
    QTest::newRow("eleven digits") << "12345678931"
                                   << "has 11 digit";
    QTest::newRow("letter") << "123456789A"
                            << "digits only";
    QTest::newRow("dashes") << "123-456-7893"
                            << "digits only";
    QTest::newRow("space") << "1234567893 "
                           << "digits only";
    QTest::newRow("empty") << ""
                           << "empty";
}

void TestClaimCodes::npi()
{
    QFETCH(QString, npi);
    QFETCH(QString, reason);
    const QString problem = npiProblem(npi);
    QCOMPARE(isNpi(npi), reason.isEmpty());
    if (reason.isEmpty())
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    else
        QVERIFY2(problem.contains(reason), qPrintable(problem));
}

void TestClaimCodes::placeOfService_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("wellFormed");
    QTest::addColumn<QString>("name"); // empty: not in our table
    QTest::newRow("office") << "11" << true << "Office";
    QTest::newRow("telehealth elsewhere")
        << "02" << true << "Telehealth provided other than in the patient's home";
    QTest::newRow("telehealth at home")
        << "10" << true << "Telehealth provided in the patient's home";
    QTest::newRow("home") << "12" << true << "Home";
    QTest::newRow("urgent care") << "20" << true << "Urgent care facility";
    QTest::newRow("emergency room") << "23" << true << "Emergency room, hospital";
    QTest::newRow("skilled nursing") << "31" << true << "Skilled nursing facility";
    QTest::newRow("independent lab") << "81" << true << "Independent laboratory";
    QTest::newRow("unassigned") << "80" << true << "";
    QTest::newRow("zeros") << "00" << true << "";
    QTest::newRow("one digit") << "1" << false << "";
    QTest::newRow("three digits") << "011" << false << "";
    QTest::newRow("letters") << "OF" << false << "";
    QTest::newRow("empty") << "" << false << "";
}

void TestClaimCodes::placeOfService()
{
    QFETCH(QString, code);
    QFETCH(bool, wellFormed);
    QFETCH(QString, name);
    QCOMPARE(placeOfServiceProblem(code).isEmpty(), wellFormed);
    QCOMPARE(isKnownPlaceOfService(code), !name.isEmpty());
    QCOMPARE(placeOfServiceName(code), name);
    QCOMPARE(knownPlacesOfService().contains(code), !name.isEmpty());
}

void TestClaimCodes::knownPlacesAreAllTwoDigitsAndNamed()
{
    const QStringList codes = knownPlacesOfService();
    QVERIFY(codes.size() >= 12);
    for (const QString &code : codes) {
        QVERIFY2(placeOfServiceProblem(code).isEmpty(), qPrintable(code));
        QVERIFY2(!placeOfServiceName(code).isEmpty(), qPrintable(code));
    }
    QStringList sorted = codes;
    sorted.sort();
    QCOMPARE(codes, sorted); // a picker lists them in order
    QCOMPARE(QSet<QString>(codes.cbegin(), codes.cend()).size(), codes.size());
}

QTEST_GUILESS_MAIN(TestClaimCodes)
#include "tst_claimcodes.moc"

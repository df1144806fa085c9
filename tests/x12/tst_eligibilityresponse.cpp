// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/x12/eligibilityresponse.h"
#include "services/x12/x12writer.h"
#include "x12fixtures.h"
#include "x12generate.h"

#include <QBuffer>

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

class TestEligibilityResponse : public QObject
{
    Q_OBJECT

private slots:
    void subscriberHeader();
    void subscriberBenefits_data();
    void subscriberBenefits();
    void subscriberDerivedViews();
    void relatedEntitiesAndOtherPayers();
    void dependentsAndSeveralSubscribers();
    void rejectionsAtEveryLoop_data();
    void rejectionsAtEveryLoop();
    void unusualDelimiters();
    void fourThousandTenStyle();
    void cosmeticWhitespaceGivesTheSameResults();
    void amounts_data();
    void amounts();
    void percentages_data();
    void percentages();
    void badDatesAreSkippedWithAWarning();
    void errors_data();
    void errors();
    void lenientReadingKeepsWarnings();
    void builderLayout();
    void builderRoundTrip_data();
    void builderRoundTrip();
    void builderGroupsTransactions();
    void interchangeAndBytesAgree_data();
    void interchangeAndBytesAgree();
    void fixturesSurviveBuildAndParse_data();
    void fixturesSurviveBuildAndParse();
    void randomMutationsNeverCrash();
    void priorMemberIdAndSubmitterReference();
    void streamingMatchesTheList_data();
    void streamingMatchesTheList();
    void resultsArriveWhileReading();
    void everyInterchangeAndTransactionIsRead();
    void limits_data();
    void limits();
    void atTheLimitIsRead();
    void manyDependentsStream();
    void listIsBounded();
    void warningsAreBounded();
};

namespace {
EligibilityResponseParseResult parseFixture(const char *name)
{
    return EligibilityResponseParser::parse(fixture(name));
}

QString rejectionText(const QList<AaaRejection> &rejections)
{
    QStringList parts;
    for (const AaaRejection &r : rejections)
        parts.append(QStringLiteral("%1:%2:%3:%4")
                         .arg(r.loop, r.code, r.followUp, r.validRequest ? "Y" : "N"));
    return parts.join(QLatin1Char(' '));
}

EligibilityDate day(const char *qualifier, QDate date)
{
    return {QLatin1String(qualifier), date, date};
}

BenefitInfo eb(const char *code, QStringList types = {}, std::optional<qint64> cents = {},
               const char *network = "")
{
    BenefitInfo b;
    b.code = QLatin1String(code);
    b.serviceTypes = types;
    b.amountCents = cents;
    b.network = QLatin1String(network);
    return b;
}

const QDateTime stamp(QDate(2026, 3, 10), QTime(9, 30), Qt::UTC);

EligibilityResponseEnvelope envelope()
{
    EligibilityResponseEnvelope e;
    e.controlNumber = 417;
    e.createdAt = stamp;
    e.submitterReference = QStringLiteral("REQ-417");
    return e;
}

EligibilityResult baseResult()
{
    EligibilityResult r;
    r.payerName = QStringLiteral("HARBOR HEALTH PLAN");
    r.payerId = QStringLiteral("HHP01");
    r.providerName = QStringLiteral("MAPLE STREET CLINIC");
    r.providerNpi = QStringLiteral("1234567893");
    return r;
}

// Everything the sandbox can say about one subscriber, consistent with how a 271 derives
// status, plan, insurance type, other payers and messages.
EligibilityResult fullSubscriber()
{
    EligibilityResult r = baseResult();
    r.traceNumber = QStringLiteral("TRC-1");
    r.subscriber = {QStringLiteral("RIVERA"),      QStringLiteral("ANA"),
                    QStringLiteral("M"),           QStringLiteral("JR"),
                    QStringLiteral("HHP123"),      QDate(1985, 2, 14),
                    QStringLiteral("F"),           QStringLiteral("12 ELM STREET, APT 4"),
                    QStringLiteral("SPRINGFIELD"), QStringLiteral("IL"),
                    QStringLiteral("627010000"),   QStringLiteral("18"),
                    QStringLiteral("HHP-OLD-1")};
    r.status = EligibilityResult::Status::Active;
    r.planName = QStringLiteral("GOLD PPO");
    r.planNumber = QStringLiteral("PLN-77");
    r.groupNumber = QStringLiteral("GRP-5521");
    r.groupName = QStringLiteral("ACME WIDGETS INC");
    r.insuranceType = QStringLiteral("PR");
    r.dates = {day("346", QDate(2025, 1, 1)),
               {QStringLiteral("291"), QDate(2026, 1, 1), QDate(2026, 12, 31)}};

    BenefitInfo active = eb("1", {QStringLiteral("30")});
    active.coverageLevel = QStringLiteral("IND");
    active.insuranceType = QStringLiteral("PR");
    active.planDescription = QStringLiteral("GOLD PPO");
    BenefitInfo copay = eb("B", {QStringLiteral("98"), QStringLiteral("UC")}, 2500, "Y");
    copay.coverageLevel = QStringLiteral("IND");
    copay.timePeriod = QStringLiteral("27");
    copay.messages = {QStringLiteral("COPAY WAIVED FOR PREVENTIVE VISITS")};
    BenefitInfo all = eb("B", {QStringLiteral("62")}, 15050, "N");
    all.coverageLevel = QStringLiteral("FAM");
    all.insuranceType = QStringLiteral("HM");
    all.planDescription = QStringLiteral("IMAGING");
    all.timePeriod = QStringLiteral("23");
    all.percent = 0.25;
    all.quantityQualifier = QStringLiteral("VS");
    all.quantity = 12.5;
    all.authorizationRequired = QStringLiteral("Y");
    all.procedure = QStringLiteral("HC:70551:26");
    all.dates = {{QStringLiteral("348"), QDate(2026, 1, 1), QDate(2026, 6, 30)}};
    all.messages = {QStringLiteral("MRI NEEDS PRIOR AUTH"), QStringLiteral("CALL 800 555 0100")};
    BenefitInfo deductible = eb("C", {QStringLiteral("30")}, -0, "W");
    deductible.timePeriod = QStringLiteral("29");
    BenefitInfo other = eb("R", {QStringLiteral("30")});
    other.insuranceType = QStringLiteral("C1");
    other.dates = {day("290", QDate(2024, 6, 1))};
    RelatedEntity payer;
    payer.entityCode = QStringLiteral("PRP");
    payer.name = QStringLiteral("LAKESIDE MUTUAL");
    payer.idQualifier = QStringLiteral("PI");
    payer.id = QStringLiteral("LKM02");
    payer.benefitCode = QStringLiteral("R");
    payer.serviceTypes = {QStringLiteral("30")};
    payer.phone = QStringLiteral("8005551234");
    payer.address = QStringLiteral("400 LAKE SHORE DR, SUITE 9, CHICAGO, IL 60611");
    payer.policyNumber = QStringLiteral("OTH-99887");
    payer.groupNumber = QStringLiteral("G-2");
    payer.dates = {day("290", QDate(2024, 6, 1)),
                   {QStringLiteral("291"), QDate(2024, 1, 1), QDate(2024, 12, 31)}};
    RelatedEntity sponsor;
    sponsor.entityCode = QStringLiteral("P5");
    sponsor.name = QStringLiteral("PLAN SPONSOR, INC. (WEST)");
    sponsor.benefitCode = QStringLiteral("R");
    sponsor.serviceTypes = {QStringLiteral("30")};
    sponsor.address = QStringLiteral("PO BOX 12");
    other.relatedEntities = {payer, sponsor};
    BenefitInfo pcp = eb("L");
    RelatedEntity doctor;
    doctor.entityCode = QStringLiteral("P3");
    doctor.name = QStringLiteral("NGUYEN");
    doctor.firstName = QStringLiteral("THANH");
    doctor.idQualifier = QStringLiteral("XX");
    doctor.id = QStringLiteral("1972583640");
    doctor.benefitCode = QStringLiteral("L");
    pcp.relatedEntities = {doctor};
    r.benefits = {active, copay, all, deductible, other, pcp};
    r.otherPayers = {payer, sponsor}; // both sit under EB*R
    r.messages = {QStringLiteral("COPAY WAIVED FOR PREVENTIVE VISITS"),
                  QStringLiteral("MRI NEEDS PRIOR AUTH"), QStringLiteral("CALL 800 555 0100")};
    r.rejections = {{QStringLiteral("2100C"), true, QStringLiteral("15"), QStringLiteral("C")},
                    {QStringLiteral("2110C"), false, QStringLiteral("57"), QStringLiteral("R")}};
    return r;
}

EligibilityResult dependentResult()
{
    EligibilityResult r = baseResult();
    r.traceNumber = QStringLiteral("TRC-2");
    r.subscriber.lastName = QStringLiteral("OKAFOR");
    r.subscriber.firstName = QStringLiteral("DAVID");
    r.subscriber.memberId = QStringLiteral("HHP555");
    r.subscriber.dateOfBirth = QDate(1980, 7, 5);
    r.subscriber.gender = QStringLiteral("M");
    PersonInfo child;
    child.lastName = QStringLiteral("OKAFOR");
    child.firstName = QStringLiteral("GRACE");
    child.dateOfBirth = QDate(2015, 9, 30);
    child.gender = QStringLiteral("F");
    child.addressLine = QStringLiteral("77 BIRCH ROAD");
    child.city = QStringLiteral("PEORIA");
    child.state = QStringLiteral("IL");
    child.zip = QStringLiteral("61602");
    child.relationship = QStringLiteral("19");
    child.priorMemberId = QStringLiteral("HHP555-02"); // the payer knew her under another ID
    r.dependent = child;
    r.status = EligibilityResult::Status::Active;
    r.planName = QStringLiteral("KIDS HMO");
    r.insuranceType = QStringLiteral("HM");
    r.groupNumber = QStringLiteral("GRP-9000");
    r.dates = {day("356", QDate(2024, 1, 1))};
    BenefitInfo active = eb("1", {QStringLiteral("30")});
    active.insuranceType = QStringLiteral("HM");
    active.planDescription = QStringLiteral("KIDS HMO");
    r.benefits = {active, eb("B", {QStringLiteral("98")}, 1500, "Y")};
    r.rejections = {{QStringLiteral("2100C"), true, QStringLiteral("73"), QStringLiteral("C")},
                    {QStringLiteral("2100D"), true, QStringLiteral("71"), QStringLiteral("C")},
                    {QStringLiteral("2110D"), false, QStringLiteral("56"), QStringLiteral("C")}};
    return r;
}

EligibilityResult rejectedResult()
{
    EligibilityResult r = baseResult();
    r.traceNumber = QStringLiteral("TRC-3");
    r.subscriber.lastName = QStringLiteral("DOE");
    r.subscriber.firstName = QStringLiteral("JOHN");
    r.subscriber.memberId = QStringLiteral("BADID");
    r.status = EligibilityResult::Status::Rejected;
    r.rejections = {{QStringLiteral("2100C"), false, QStringLiteral("72"), QStringLiteral("C")},
                    {QStringLiteral("2100C"), false, QStringLiteral("75"), QStringLiteral("C")}};
    return r;
}

EligibilityResult requestRejected()
{
    EligibilityResult r = baseResult();
    r.status = EligibilityResult::Status::Rejected;
    r.rejections = {{QStringLiteral("2000A"), true, QStringLiteral("04"), QStringLiteral("N")},
                    {QStringLiteral("2100A"), true, QStringLiteral("42"), QStringLiteral("R")},
                    {QStringLiteral("2100B"), false, QStringLiteral("43"), QStringLiteral("C")}};
    return r;
}

QByteArray withFirstEb(const QByteArray &segment)
{
    return QByteArray(fixture("271_small.x12")).replace("EB*1**30~", segment + '~');
}

void compareResults(const QList<EligibilityResult> &actual,
                    const QList<EligibilityResult> &expected)
{
    QCOMPARE(actual.size(), expected.size());
    for (qsizetype i = 0; i < actual.size(); ++i) {
        if (actual.at(i) != expected.at(i)) {
            // JSON shows which field differs.
            QCOMPARE(QJsonDocument(actual.at(i).toJson()).toJson(),
                     QJsonDocument(expected.at(i).toJson()).toJson());
        }
        QCOMPARE(actual.at(i), expected.at(i));
    }
}
} // namespace

void TestEligibilityResponse::subscriberHeader()
{
    const EligibilityResponseParseResult parsed = parseFixture("271_subscriber.x12");
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    QCOMPARE(parsed.results.size(), 1);
    const EligibilityResult &r = parsed.results.first();
    QCOMPARE(r.traceNumber, QStringLiteral("TRC-000417")); // the TRN*2, not the payer's TRN*1
    QCOMPARE(r.payerName, QStringLiteral("HARBOR HEALTH PLAN"));
    QCOMPARE(r.payerId, QStringLiteral("HHP01"));
    QCOMPARE(r.providerName, QStringLiteral("MAPLE STREET CLINIC"));
    QCOMPARE(r.providerNpi, QStringLiteral("1234567893"));
    QCOMPARE(r.subscriber.lastName, QStringLiteral("RIVERA"));
    QCOMPARE(r.subscriber.firstName, QStringLiteral("ANA"));
    QCOMPARE(r.subscriber.middleName, QStringLiteral("M"));
    QCOMPARE(r.subscriber.suffix, QString());
    QCOMPARE(r.subscriber.memberId, QStringLiteral("HHP123456789"));
    QCOMPARE(r.subscriber.dateOfBirth, QDate(1985, 2, 14));
    QCOMPARE(r.subscriber.gender, QStringLiteral("F"));
    QCOMPARE(r.subscriber.addressLine, QStringLiteral("12 ELM STREET, APT 4"));
    QCOMPARE(r.subscriber.city, QStringLiteral("SPRINGFIELD"));
    QCOMPARE(r.subscriber.state, QStringLiteral("IL"));
    QCOMPARE(r.subscriber.zip, QStringLiteral("627010000"));
    QVERIFY(!r.dependent.has_value());
    QCOMPARE(r.status, EligibilityResult::Status::Active);
    QCOMPARE(r.planName, QStringLiteral("HARBOR GOLD PPO"));
    QCOMPARE(r.planNumber, QStringLiteral("PLN-77"));
    QCOMPARE(r.groupNumber, QStringLiteral("GRP-5521"));
    QCOMPARE(r.groupName, QStringLiteral("ACME WIDGETS INC"));
    QCOMPARE(r.insuranceType, QStringLiteral("PR"));
    QCOMPARE(r.dates, (QList<EligibilityDate>{day("346", QDate(2025, 1, 1)),
                                              day("347", QDate(2026, 12, 31))}));
    QVERIFY(r.rejections.isEmpty());
    QCOMPARE(r.messages, (QStringList{QStringLiteral("DEDUCTIBLE REMAINING AS OF 20260310"),
                                      QStringLiteral("PRIOR AUTHORIZATION REQUIRED FOR MRI")}));
    QCOMPARE(r.benefits.size(), 13);
    // The one EB07 that is not an amount is reported, and the benefit kept.
    QCOMPARE(parsed.issues.size(), 1);
    QCOMPARE(parsed.issues.first().toString(),
             QStringLiteral("segment 30 (EB): EB07 \"-\" is not an amount; the benefit was kept "
                            "without it."));
    QCOMPARE(parsed.issues.first().severity, X12Issue::Severity::Warning);
}

void TestEligibilityResponse::subscriberBenefits_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("level");
    QTest::addColumn<QStringList>("types");
    QTest::addColumn<QString>("insurance");
    QTest::addColumn<QString>("period");
    QTest::addColumn<qint64>("cents");     // -1: none
    QTest::addColumn<double>("percent");   // -1: none
    QTest::addColumn<QString>("quantity"); // "VS 20" or ""
    QTest::addColumn<QString>("authorization");
    QTest::addColumn<QString>("network");
    QTest::addColumn<QString>("procedure");

    const QStringList plan{QStringLiteral("30")};
    QTest::newRow("active") << 0 << "1"
                            << "IND" << plan << "PR"
                            << "" << qint64(-1) << -1.0 << ""
                            << ""
                            << ""
                            << "";
    QTest::newRow("copay two service types")
        << 1 << "B"
        << "IND" << QStringList{QStringLiteral("98"), QStringLiteral("UC")} << "PR"
        << "27" << qint64(2500) << -1.0 << ""
        << ""
        << "Y"
        << "";
    QTest::newRow("copay out of network") << 2 << "B"
                                          << "IND" << QStringList{QStringLiteral("98")} << "PR"
                                          << "27" << qint64(6000) << -1.0 << ""
                                          << ""
                                          << "N"
                                          << "";
    QTest::newRow("coinsurance fraction") << 4 << "A"
                                          << "IND" << plan << "PR"
                                          << "27" << qint64(-1) << 0.2 << ""
                                          << ""
                                          << "Y"
                                          << "";
    QTest::newRow("deductible calendar year") << 5 << "C"
                                              << "IND" << plan << "PR"
                                              << "23" << qint64(150000) << -1.0 << ""
                                              << ""
                                              << "Y"
                                              << "";
    QTest::newRow("deductible remaining 700.00") << 6 << "C"
                                                 << "IND" << plan << "PR"
                                                 << "29" << qint64(70000) << -1.0 << ""
                                                 << ""
                                                 << "Y"
                                                 << "";
    QTest::newRow("family deductible 3000.5") << 7 << "C"
                                              << "FAM" << plan << "PR"
                                              << "23" << qint64(300050) << -1.0 << ""
                                              << ""
                                              << "Y"
                                              << "";
    QTest::newRow("out of pocket with bad amount") << 8 << "G"
                                                   << "IND" << plan << "PR"
                                                   << "23" << qint64(-1) << -1.0 << ""
                                                   << ""
                                                   << "Y"
                                                   << "";
    QTest::newRow("visit limit") << 9 << "F"
                                 << "IND" << QStringList{QStringLiteral("AD")} << "PR"
                                 << "23" << qint64(-1) << -1.0 << "VS 20"
                                 << ""
                                 << ""
                                 << "";
    QTest::newRow("MRI with procedure and auth")
        << 10 << "B"
        << "IND" << QStringList{QStringLiteral("62")} << "PR"
        << "27" << qint64(15000) << -1.0 << ""
        << "Y"
        << "Y"
        << "HC:70551";
    QTest::newRow("other payer") << 11 << "R"
                                 << "" << plan << "C1"
                                 << "" << qint64(-1) << -1.0 << ""
                                 << ""
                                 << ""
                                 << "";
    QTest::newRow("primary care provider") << 12 << "L"
                                           << "" << QStringList() << ""
                                           << "" << qint64(-1) << -1.0 << ""
                                           << ""
                                           << ""
                                           << "";
}

void TestEligibilityResponse::subscriberBenefits()
{
    QFETCH(int, index);
    QFETCH(QString, code);
    QFETCH(QString, level);
    QFETCH(QStringList, types);
    QFETCH(QString, insurance);
    QFETCH(QString, period);
    QFETCH(qint64, cents);
    QFETCH(double, percent);
    QFETCH(QString, quantity);
    QFETCH(QString, authorization);
    QFETCH(QString, network);
    QFETCH(QString, procedure);

    const EligibilityResponseParseResult parsed = parseFixture("271_subscriber.x12");
    QVERIFY(parsed.ok());
    const BenefitInfo &b = parsed.results.first().benefits.at(index);
    QCOMPARE(b.code, code);
    QCOMPARE(b.coverageLevel, level);
    QCOMPARE(b.serviceTypes, types);
    QCOMPARE(b.insuranceType, insurance);
    QCOMPARE(b.timePeriod, period);
    QCOMPARE(b.amountCents.value_or(-1), cents);
    QCOMPARE(b.percent.value_or(-1.0), percent);
    const QString q = b.quantity
                          ? b.quantityQualifier + QLatin1Char(' ') + QString::number(*b.quantity)
                          : b.quantityQualifier;
    QCOMPARE(q, quantity);
    QCOMPARE(b.authorizationRequired, authorization);
    QCOMPARE(b.network, network);
    QCOMPARE(b.procedure, procedure);
}

void TestEligibilityResponse::subscriberDerivedViews()
{
    const EligibilityResult r = parseFixture("271_subscriber.x12").results.first();
    QCOMPARE(r.coverageBegin(), QDate(2025, 1, 1));
    QCOMPARE(r.coverageEnd(), QDate(2026, 12, 31));
    QCOMPARE(r.copayCents(QStringLiteral("98")), std::optional<qint64>(2500));
    QCOMPARE(r.copayCents(QStringLiteral("98"), QStringLiteral("N")), std::optional<qint64>(6000));
    QCOMPARE(r.copayCents(QStringLiteral("UC")), std::optional<qint64>(2500));
    QCOMPARE(r.copayCents(QStringLiteral("AL")), std::optional<qint64>(4000)); // EB*B 30, W
    QVERIFY(r.requiresPriorAuthorization(QStringLiteral("62")));
    QVERIFY(r.requiresPriorAuthorization(QStringLiteral("70551")));
    QVERIFY(!r.requiresPriorAuthorization(QStringLiteral("98")));
    QCOMPARE(r.benefitsWithCode(QStringLiteral("C")).size(), 3);
    const BenefitInfo deductible = r.benefitsWithCode(QStringLiteral("C")).first();
    QCOMPARE(deductible.dates, (QList<EligibilityDate>{{QStringLiteral("348"), QDate(2026, 1, 1),
                                                        QDate(2026, 12, 31)}}));
    QCOMPARE(r.benefitsWithCode(QStringLiteral("C")).at(1).messages,
             QStringList{QStringLiteral("DEDUCTIBLE REMAINING AS OF 20260310")});
}

void TestEligibilityResponse::relatedEntitiesAndOtherPayers()
{
    const EligibilityResult r = parseFixture("271_subscriber.x12").results.first();
    RelatedEntity payer;
    payer.entityCode = QStringLiteral("PRP");
    payer.name = QStringLiteral("LAKESIDE MUTUAL");
    payer.idQualifier = QStringLiteral("PI");
    payer.id = QStringLiteral("LKM02");
    payer.benefitCode = QStringLiteral("R");
    payer.serviceTypes = {QStringLiteral("30")};
    payer.phone = QStringLiteral("8005551234");
    payer.address = QStringLiteral("400 LAKE SHORE DR, CHICAGO, IL 60611");
    payer.policyNumber = QStringLiteral("OTH-99887"); // 2110C REF*IG before the LS
    QCOMPARE(r.otherPayers, QList<RelatedEntity>{payer});
    QVERIFY(r.hasOtherPayers());
    QCOMPARE(r.otherPayers.first().roleText(),
             QStringLiteral("LAKESIDE MUTUAL is the primary payer."));

    const BenefitInfo other = r.benefits.at(11);
    QCOMPARE(other.relatedEntities, QList<RelatedEntity>{payer});
    QCOMPARE(other.dates, QList<EligibilityDate>{day("290", QDate(2024, 6, 1))});

    const BenefitInfo pcp = r.benefits.at(12);
    QCOMPARE(pcp.relatedEntities.size(), 1);
    const RelatedEntity &doctor = pcp.relatedEntities.first();
    QCOMPARE(doctor.entityCode, QStringLiteral("P3"));
    QCOMPARE(doctor.name, QStringLiteral("NGUYEN"));
    QCOMPARE(doctor.firstName, QStringLiteral("THANH"));
    QCOMPARE(doctor.idQualifier, QStringLiteral("XX"));
    QCOMPARE(doctor.id, QStringLiteral("1972583640"));
    QCOMPARE(doctor.benefitCode, QStringLiteral("L"));
    QCOMPARE(doctor.roleText(), QStringLiteral("Primary care provider: THANH NGUYEN."));
}

void TestEligibilityResponse::dependentsAndSeveralSubscribers()
{
    const EligibilityResponseParseResult parsed = parseFixture("271_dependent.x12");
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    QCOMPARE(parsed.results.size(), 2);

    const EligibilityResult &child = parsed.results.at(0);
    QCOMPARE(child.traceNumber, QStringLiteral("TRC-000418")); // TRN of the 2000D
    QCOMPARE(child.subscriber.lastName, QStringLiteral("OKAFOR"));
    QCOMPARE(child.subscriber.firstName, QStringLiteral("DAVID"));
    QCOMPARE(child.subscriber.memberId, QStringLiteral("HHP555000111"));
    QCOMPARE(child.subscriber.dateOfBirth, QDate(1980, 7, 5));
    QVERIFY(child.dependent.has_value());
    QCOMPARE(child.dependent->lastName, QStringLiteral("OKAFOR"));
    QCOMPARE(child.dependent->firstName, QStringLiteral("GRACE"));
    QCOMPARE(child.dependent->dateOfBirth, QDate(2015, 9, 30));
    QCOMPARE(child.dependent->gender, QStringLiteral("F"));
    QCOMPARE(child.dependent->relationship, QStringLiteral("19"));
    QCOMPARE(child.dependent->addressLine, QStringLiteral("77 BIRCH ROAD"));
    QCOMPARE(child.dependent->city, QStringLiteral("PEORIA"));
    QCOMPARE(child.groupNumber, QStringLiteral("GRP-9000")); // from the subscriber's 2100C
    QCOMPARE(child.dates, QList<EligibilityDate>{day("356", QDate(2024, 1, 1))});
    QCOMPARE(child.coverageBegin(), QDate(2024, 1, 1));
    QCOMPARE(child.status, EligibilityResult::Status::Active);
    QCOMPARE(child.planName, QStringLiteral("HARBOR KIDS HMO"));
    QCOMPARE(child.insuranceType, QStringLiteral("HM"));
    QCOMPARE(child.benefits.size(), 2);
    QCOMPARE(child.benefits.at(0).coverageLevel, QStringLiteral("FAM"));
    QCOMPARE(child.copayCents(QStringLiteral("98")), std::optional<qint64>(1500));

    const EligibilityResult &second = parsed.results.at(1);
    QCOMPARE(second.traceNumber, QStringLiteral("TRC-000419"));
    QCOMPARE(second.subscriber.lastName, QStringLiteral("PATEL"));
    QVERIFY(!second.dependent.has_value());
    QCOMPARE(second.status, EligibilityResult::Status::Inactive);
    QCOMPARE(second.dates, (QList<EligibilityDate>{
                               {QStringLiteral("307"), QDate(2023, 1, 1), QDate(2024, 12, 31)}}));
    QCOMPARE(second.coverageBegin(), QDate(2023, 1, 1));
    QCOMPARE(second.coverageEnd(), QDate(2024, 12, 31));
    QCOMPARE(second.messages, QStringList{QStringLiteral("COVERAGE TERMINATED")});
    QCOMPARE(second.groupNumber, QString()); // nothing leaks from the first subscriber
    QCOMPARE(second.payerName, QStringLiteral("HARBOR HEALTH PLAN"));
}

void TestEligibilityResponse::rejectionsAtEveryLoop_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<EligibilityResult::Status>("status");
    QTest::addColumn<QString>("who");
    QTest::addColumn<QString>("rejections");

    QTest::newRow("subscriber not found") << 0 << EligibilityResult::Status::Rejected << "DOE"
                                          << "2100A:42:R:Y 2100C:72:C:N 2100C:75:C:N";
    QTest::newRow("provider refused, no subscriber loop")
        << 1 << EligibilityResult::Status::Rejected << ""
        << "2100B:43:C:N 2100B:79:N:N";
    QTest::newRow("dependent: 2000A, 2100D, 2110D")
        << 2 << EligibilityResult::Status::Active << "LEE"
        << "2000A:04:N:Y 2100D:58:C:Y 2110D:56:C:N";
    QTest::newRow("second subscriber: 2000A, 2110C")
        << 3 << EligibilityResult::Status::Active << "JONES"
        << "2000A:04:N:Y 2110C:57:R:N";
}

void TestEligibilityResponse::rejectionsAtEveryLoop()
{
    QFETCH(int, index);
    QFETCH(EligibilityResult::Status, status);
    QFETCH(QString, who);
    QFETCH(QString, rejections);

    const EligibilityResponseParseResult parsed = parseFixture("271_rejections.x12");
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    QCOMPARE(parsed.results.size(), 4);
    const EligibilityResult &r = parsed.results.at(index);
    QCOMPARE(r.status, status);
    QCOMPARE(r.dependent ? r.dependent->firstName : r.subscriber.lastName, who);
    QCOMPARE(rejectionText(r.rejections), rejections);
    QCOMPARE(r.payerId, QStringLiteral("HHP01"));
}

void TestEligibilityResponse::unusualDelimiters()
{
    const EligibilityResponseParseResult parsed = parseFixture("271_pipe_bang.x12");
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    QCOMPARE(parsed.results.size(), 1);
    const EligibilityResult &r = parsed.results.first();
    QCOMPARE(r.traceNumber, QStringLiteral("TRC-PIPE"));
    QCOMPARE(r.planName, QStringLiteral("SILVER PLAN"));
    QCOMPARE(r.benefits.at(0).serviceTypes,
             (QStringList{QStringLiteral("30"), QStringLiteral("98")}));
    const BenefitInfo &copay = r.benefits.at(1);
    QCOMPARE(copay.serviceTypes, (QStringList{QStringLiteral("98"), QStringLiteral("UC")}));
    QCOMPARE(copay.procedure, QStringLiteral("HC:99213:25")); // '>' shown as ':'
    QCOMPARE(copay.authorizationRequired, QStringLiteral("Y"));
    QCOMPARE(copay.network, QStringLiteral("Y"));
    QCOMPARE(copay.amountCents, std::optional<qint64>(2000));
    QVERIFY(r.requiresPriorAuthorization(QStringLiteral("99213")));

    // The same content with LF as the segment terminator.
    const EligibilityResponseParseResult lf = parseFixture("271_lf_terminator.x12");
    QVERIFY2(lf.ok(), qPrintable(lf.error));
    QCOMPARE(lf.results.first().benefits, r.benefits);
}

void TestEligibilityResponse::fourThousandTenStyle()
{
    // CR terminators with LF + indentation, trailing spaces, 'U' in ISA11, no final terminator.
    const EligibilityResponseParseResult parsed = parseFixture("271_4010_cr.x12");
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    QCOMPARE(parsed.results.size(), 1);
    const EligibilityResult &r = parsed.results.first();
    QCOMPARE(r.traceNumber, QStringLiteral("TRC-4010"));
    QCOMPARE(r.subscriber.memberId, QStringLiteral("OLD123"));
    QCOMPARE(r.planName, QStringLiteral("OLD PLAN"));
    QCOMPARE(r.status, EligibilityResult::Status::Active);
    QCOMPARE(r.benefits.at(1).insuranceType, QStringLiteral("MB"));
    QCOMPARE(r.benefits.at(1).procedure, QStringLiteral("HC:90669"));
}

void TestEligibilityResponse::cosmeticWhitespaceGivesTheSameResults()
{
    const EligibilityResponseParseResult plain = parseFixture("271_subscriber.x12");
    const EligibilityResponseParseResult decorated = parseFixture("271_bom_crlf.x12");
    QVERIFY(decorated.ok());
    compareResults(decorated.results, plain.results);
}

void TestEligibilityResponse::amounts_data()
{
    QTest::addColumn<QByteArray>("eb07");
    QTest::addColumn<qint64>("cents"); // -1: none
    QTest::addColumn<bool>("warning");
    QTest::newRow("whole") << QByteArray("1500") << qint64(150000) << false;
    QTest::newRow("one decimal") << QByteArray("1500.5") << qint64(150050) << false;
    QTest::newRow("two decimals") << QByteArray("700.00") << qint64(70000) << false;
    QTest::newRow("cents only") << QByteArray("0.05") << qint64(5) << false;
    QTest::newRow("leading dot") << QByteArray(".75") << qint64(75) << false;
    QTest::newRow("trailing dot") << QByteArray("5.") << qint64(500) << false;
    QTest::newRow("negative") << QByteArray("-12.5") << qint64(-1250) << false;
    QTest::newRow("zero") << QByteArray("0") << qint64(0) << false;
    QTest::newRow("third decimal rounds up") << QByteArray("12.345") << qint64(1235) << false;
    QTest::newRow("third decimal rounds down") << QByteArray("12.344") << qint64(1234) << false;
    QTest::newRow("negative rounds away from zero") << QByteArray("-0.005") << qint64(-1) << false;
    QTest::newRow("large") << QByteArray("9999999999999.99") << qint64(999999999999999) << false;
    QTest::newRow("leading zeros") << QByteArray("000025") << qint64(2500) << false;
    QTest::newRow("dash") << QByteArray("-") << qint64(-1) << true;
    QTest::newRow("dot") << QByteArray(".") << qint64(-1) << true;
    QTest::newRow("thousands separator") << QByteArray("1,500") << qint64(-1) << true;
    QTest::newRow("dollar sign") << QByteArray("$25") << qint64(-1) << true;
    QTest::newRow("exponent") << QByteArray("1E3") << qint64(-1) << true;
    QTest::newRow("two dots") << QByteArray("1.2.3") << qint64(-1) << true;
    QTest::newRow("fourteen digits") << QByteArray("12345678901234") << qint64(-1) << true;
    QTest::newRow("too large") << QByteArray("12345678901234567") << qint64(-1) << true;
}

void TestEligibilityResponse::amounts()
{
    QFETCH(QByteArray, eb07);
    QFETCH(qint64, cents);
    QFETCH(bool, warning);
    const EligibilityResponseParseResult parsed =
        EligibilityResponseParser::parse(withFirstEb("EB*C*IND*30***23*" + eb07));
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    const BenefitInfo &b = parsed.results.first().benefits.first();
    QCOMPARE(b.amountCents.value_or(-1), cents);
    QCOMPARE(b.code, QStringLiteral("C"));
    QCOMPARE(b.timePeriod, QStringLiteral("23"));
    QCOMPARE(parsed.issues.size(), warning ? 1 : 0);
    if (warning) {
        QCOMPARE(parsed.issues.first().segmentNumber, 12);
        QVERIFY(parsed.issues.first().message.startsWith(QLatin1String("EB07 \"")));
    }
}

void TestEligibilityResponse::percentages_data()
{
    QTest::addColumn<QByteArray>("eb08");
    QTest::addColumn<double>("percent"); // -1: none
    QTest::newRow("fraction") << QByteArray("0.2") << 0.2;
    QTest::newRow("leading dot") << QByteArray(".15") << 0.15;
    QTest::newRow("whole") << QByteArray("1") << 1.0;
    QTest::newRow("zero") << QByteArray("0") << 0.0;
    QTest::newRow("not a number") << QByteArray("20%") << -1.0;
}

void TestEligibilityResponse::percentages()
{
    QFETCH(QByteArray, eb08);
    QFETCH(double, percent);
    const EligibilityResponseParseResult parsed =
        EligibilityResponseParser::parse(withFirstEb("EB*A*IND*30***27**" + eb08 + "****Y"));
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    const BenefitInfo &b = parsed.results.first().benefits.first();
    QCOMPARE(b.percent.value_or(-1.0), percent);
    QCOMPARE(b.network, QStringLiteral("Y"));
    QCOMPARE(parsed.issues.isEmpty(), percent >= 0);
}

void TestEligibilityResponse::badDatesAreSkippedWithAWarning()
{
    QByteArray data = withFirstEb("EB*1**30~DTP*348*RD8*20260101-2026~DTP*349*D8*20260230~"
                                  "DTP*291*D8*20260301");
    data.replace("SE*11*", "SE*14*");
    const EligibilityResponseParseResult parsed = EligibilityResponseParser::parse(data);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    QCOMPARE(parsed.results.first().benefits.first().dates,
             QList<EligibilityDate>{day("291", QDate(2026, 3, 1))});
    QCOMPARE(parsed.issues.size(), 2);
    QCOMPARE(parsed.issues.at(0).toString(),
             QStringLiteral("segment 13 (DTP): DTP 348 date \"20260101-2026\" (format RD8) is not "
                            "a valid date; it was ignored."));
    QCOMPARE(parsed.issues.at(1).toString(),
             QStringLiteral("segment 14 (DTP): DTP 349 date \"20260230\" (format D8) is not a "
                            "valid date; it was ignored."));
}

void TestEligibilityResponse::errors_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("error");
    QTest::newRow("a 270") << fixture("270_gs_terminator.x12")
                           << "The interchange holds no 271 eligibility response (found: 270).";
    QTest::newRow("truncated") << fixture("broken_truncated.x12")
                               << "segment 11 (NM1): The data ends in the middle of this segment "
                                  "(no segment terminator '~'): the input is truncated.";
    QTest::newRow("wrong SE count, strict")
        << fixture("broken_se_count.x12")
        << "segment 13 (SE): SE01 says 12 segments; the transaction has 11 (ST to SE).";
    QTest::newRow("not X12") << fixture("not_x12.txt")
                             << "This is not X12 data: it must start with an ISA segment, but "
                                "starts with \"{\"resourceTy...\".";
    QTest::newRow("empty") << QByteArray() << "The X12 data is empty.";
}

void TestEligibilityResponse::errors()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, error);
    const EligibilityResponseParseResult parsed = EligibilityResponseParser::parse(data);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error, error);
    QVERIFY(parsed.results.isEmpty());
}

void TestEligibilityResponse::lenientReadingKeepsWarnings()
{
    X12Reader::Options options;
    options.strictEnvelope = false;
    const EligibilityResponseParseResult parsed =
        EligibilityResponseParser::parse(fixture("broken_se_count.x12"), options);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    QCOMPARE(parsed.results.size(), 1);
    QCOMPARE(parsed.results.first().subscriber.memberId, QStringLiteral("HHP900"));
    QCOMPARE(parsed.issues.size(), 1);
    QCOMPARE(parsed.issues.first().severity, X12Issue::Severity::Warning);
    QCOMPARE(parsed.issues.first().segmentNumber, 13);
}

void TestEligibilityResponse::builderLayout()
{
    EligibilityResult r = baseResult();
    r.traceNumber = QStringLiteral("TRC-9");
    r.subscriber.lastName = QStringLiteral("LEE");
    r.subscriber.firstName = QStringLiteral("MAY");
    r.subscriber.memberId = QStringLiteral("HHP999");
    r.status = EligibilityResult::Status::Active;
    BenefitInfo copay = eb("B", {QStringLiteral("98"), QStringLiteral("UC")}, 2500, "Y");
    copay.coverageLevel = QStringLiteral("IND");
    copay.timePeriod = QStringLiteral("27");
    copay.procedure = QStringLiteral("HC:99213");
    RelatedEntity pcp;
    pcp.entityCode = QStringLiteral("P3");
    pcp.name = QStringLiteral("NGUYEN");
    pcp.firstName = QStringLiteral("THANH");
    pcp.address = QStringLiteral("1 MAIN ST, PEORIA, IL 61602");
    pcp.phone = QStringLiteral("3095550100");
    pcp.benefitCode = QStringLiteral("B");
    pcp.serviceTypes = copay.serviceTypes;
    copay.relatedEntities = {pcp};
    r.benefits = {eb("1", {QStringLiteral("30")}), copay};

    const QByteArray x12 = EligibilityResponseBuilder::buildBytes({r}, envelope());
    QByteArrayList segments = x12.split('~');
    segments.removeLast();
    const QByteArrayList expected = {
        "ISA*00*          *00*          *ZZ*CLEARINGHOUSE  *ZZ*CLINICDESK     *260310*0930*^*"
        "00501*000000417*0*T*:",
        "GS*HB*CLEARINGHOUSE*CLINICDESK*20260310*0930*417*X*005010X279A1",
        "ST*271*0417*005010X279A1",
        "BHT*0022*11*REQ-417*20260310*0930",
        "HL*1**20*1",
        "NM1*PR*2*HARBOR HEALTH PLAN*****PI*HHP01",
        "HL*2*1*21*1",
        "NM1*1P*2*MAPLE STREET CLINIC*****XX*1234567893",
        "HL*3*2*22*0",
        "TRN*2*TRC-9*9CLINICDSK",
        "NM1*IL*1*LEE*MAY****MI*HHP999",
        "EB*1**30",
        "EB*B*IND*98^UC***27*25*****Y*HC:99213",
        "LS*2120",
        "NM1*P3*1*NGUYEN*THANH",
        "N3*1 MAIN ST",
        "N4*PEORIA*IL*61602",
        "PER*IC**TE*3095550100",
        "LE*2120",
        "SE*18*0417",
        "GE*1*417",
        "IEA*1*000000417",
    };
    for (qsizetype i = 0; i < qMin(segments.size(), expected.size()); ++i)
        QCOMPARE(segments.at(i), expected.at(i));
    QCOMPARE(segments.size(), expected.size());
    QVERIFY(X12Reader().read(x12).issues.isEmpty());
}

void TestEligibilityResponse::builderRoundTrip_data()
{
    QTest::addColumn<QList<EligibilityResult>>("results");
    QTest::newRow("subscriber with every field") << QList<EligibilityResult>{fullSubscriber()};
    QTest::newRow("dependent") << QList<EligibilityResult>{dependentResult()};
    QTest::newRow("subscriber rejected") << QList<EligibilityResult>{rejectedResult()};
    QTest::newRow("request rejected") << QList<EligibilityResult>{requestRejected()};

    EligibilityResult inactive = baseResult();
    inactive.subscriber.lastName = QStringLiteral("PATEL");
    inactive.status = EligibilityResult::Status::Inactive;
    inactive.benefits = {eb("6", {QStringLiteral("30")})};
    inactive.dates = {{QStringLiteral("307"), QDate(2023, 1, 1), QDate(2024, 12, 31)}};
    QTest::newRow("inactive") << QList<EligibilityResult>{inactive};

    EligibilityResult planFromRef = baseResult();
    planFromRef.subscriber.memberId = QStringLiteral("M1");
    planFromRef.planName = QStringLiteral("NAME ONLY IN REF");
    planFromRef.status = EligibilityResult::Status::Unknown;
    QTest::newRow("plan name from REF*18, status unknown") << QList<EligibilityResult>{planFromRef};

    EligibilityResult zero = baseResult();
    zero.subscriber.memberId = QStringLiteral("M2");
    zero.status = EligibilityResult::Status::Active;
    BenefitInfo free = eb("1", {QStringLiteral("30")});
    BenefitInfo zeroCopay = eb("B", {QStringLiteral("98")}, 0, "Y");
    zeroCopay.percent = 0.0;
    zeroCopay.quantity = 0.0;
    BenefitInfo negative = eb("C", {QStringLiteral("30")}, -5, "");
    negative.percent = 1.0 / 3.0;
    zero.benefits = {free, zeroCopay, negative};
    QTest::newRow("zero and negative amounts") << QList<EligibilityResult>{zero};

    QTest::newRow("no results") << QList<EligibilityResult>();

    QList<EligibilityResult> mixed = {requestRejected(), fullSubscriber(), rejectedResult(),
                                      dependentResult(), requestRejected()};
    EligibilityResult otherPayer = rejectedResult();
    otherPayer.payerName = QStringLiteral("OTHER PLAN");
    otherPayer.payerId = QStringLiteral("OP1");
    mixed.append(otherPayer);
    QTest::newRow("several results, payers and refusals") << mixed;
}

void TestEligibilityResponse::builderRoundTrip()
{
    QFETCH(QList<EligibilityResult>, results);
    const QByteArray x12 = EligibilityResponseBuilder::buildBytes(results, envelope());
    const X12ReadResult read = X12Reader().read(x12);
    QVERIFY2(read.ok(), qPrintable(read.errorString()));
    QVERIFY(read.issues.isEmpty());
    const EligibilityResponseParseResult parsed = EligibilityResponseParser::parse(x12);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    QVERIFY(parsed.issues.isEmpty());
    compareResults(parsed.results, results);
}

void TestEligibilityResponse::builderGroupsTransactions()
{
    // Same payer and provider share a transaction; a refused request and another payer do not.
    EligibilityResult otherPayer = rejectedResult();
    otherPayer.payerId = QStringLiteral("OP1");
    const QList<EligibilityResult> results = {fullSubscriber(), rejectedResult(), dependentResult(),
                                              requestRejected(), otherPayer};
    X12Interchange interchange = EligibilityResponseBuilder::build(results, envelope());
    X12Writer::finalize(interchange);
    const QList<X12Transaction> &transactions = interchange.groups.first().transactions;
    QCOMPARE(transactions.size(), 3);
    QCOMPARE(transactions.at(0).header.element(2), QByteArray("0417"));
    QCOMPARE(transactions.at(1).header.element(2), QByteArray("0418"));
    QCOMPARE(transactions.at(2).header.element(2), QByteArray("0419"));
    QCOMPARE(interchange.groups.first().trailer.element(1), QByteArray("3"));
    int subscriberLoops = 0;
    for (const X12Segment &segment : transactions.at(0).segments) {
        if (segment.is("HL") && segment.element(3) == "22")
            ++subscriberLoops;
    }
    QCOMPARE(subscriberLoops, 3);
    // The refused request has no subscriber loop: its HL*2 says so.
    QCOMPARE(transactions.at(1).segments.last().id(), QByteArray("AAA"));
    QCOMPARE(transactions.at(1).segments.at(5), X12Segment("HL", {"2", "1", "21", "0"}));
}

void TestEligibilityResponse::interchangeAndBytesAgree_data()
{
    QTest::addColumn<QByteArray>("file");
    for (const char *name : {"271_subscriber.x12", "271_dependent.x12", "271_rejections.x12",
                             "271_pipe_bang.x12", "271_4010_cr.x12", "271_bom_crlf.x12"})
        QTest::newRow(name) << QByteArray(name);
}

void TestEligibilityResponse::interchangeAndBytesAgree()
{
    // parse(bytes) streams segments from the reader; parse(interchange) walks a read one.
    QFETCH(QByteArray, file);
    const QByteArray data = fixture(file.constData());
    const X12ReadResult read = X12Reader().read(data);
    QVERIFY2(read.ok(), qPrintable(read.errorString()));
    const EligibilityResponseParseResult fromInterchange =
        EligibilityResponseParser::parse(*read.interchange);
    const EligibilityResponseParseResult fromBytes = EligibilityResponseParser::parse(data);
    QVERIFY(fromInterchange.ok());
    QVERIFY(fromBytes.ok());
    compareResults(fromInterchange.results, fromBytes.results);
    QStringList allIssues;
    for (const X12Issue &issue : read.issues + fromInterchange.issues)
        allIssues.append(issue.toString());
    QStringList streamedIssues;
    for (const X12Issue &issue : fromBytes.issues)
        streamedIssues.append(issue.toString());
    QCOMPARE(streamedIssues, allIssues);
}

void TestEligibilityResponse::fixturesSurviveBuildAndParse_data()
{
    QTest::addColumn<QByteArray>("file");
    for (const char *name : {"271_subscriber.x12", "271_dependent.x12", "271_rejections.x12",
                             "271_pipe_bang.x12", "271_4010_cr.x12", "271_small.x12"})
        QTest::newRow(name) << QByteArray(name);
}

void TestEligibilityResponse::fixturesSurviveBuildAndParse()
{
    // Whatever the parser makes of a 271, the builder writes back to the same results.
    QFETCH(QByteArray, file);
    const EligibilityResponseParseResult parsed = parseFixture(file.constData());
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    const EligibilityResponseParseResult again = EligibilityResponseParser::parse(
        EligibilityResponseBuilder::buildBytes(parsed.results, envelope()));
    QVERIFY2(again.ok(), qPrintable(again.error));
    compareResults(again.results, parsed.results);
}

void TestEligibilityResponse::randomMutationsNeverCrash()
{
    const QByteArray original = fixture("271_subscriber.x12");
    const QByteArray alphabet("*~:^HLEBAAANM1LSLEDTP2223 \n", 27);
    X12Reader::Options lenient;
    lenient.strictEnvelope = false;
    QRandomGenerator random(271);
    int parsedOk = 0;
    for (int round = 0; round < 2000; ++round) {
        QByteArray data = original;
        const int mutations = 1 + int(random.bounded(6));
        for (int m = 0; m < mutations && !data.isEmpty(); ++m) {
            const qsizetype at = random.bounded(data.size());
            switch (random.bounded(4)) {
            case 0:
                data[at] = alphabet.at(random.bounded(alphabet.size()));
                break;
            case 1:
                data.remove(at, random.bounded(30));
                break;
            case 2: // duplicate a stretch: repeated loops, LS without LE, HL out of order
                data.insert(at, data.mid(random.bounded(qMax<qsizetype>(1, data.size())),
                                         random.bounded(120)));
                break;
            case 3:
                data[at] = char(random.bounded(256));
                break;
            }
        }
        const EligibilityResponseParseResult parsed =
            EligibilityResponseParser::parse(data, lenient);
        QCOMPARE(parsed.ok(), parsed.error.isEmpty());
        if (parsed.ok())
            ++parsedOk;
        else
            QVERIFY(parsed.results.isEmpty());
    }
    QVERIFY(parsedOk > 100);
}

void TestEligibilityResponse::priorMemberIdAndSubmitterReference()
{
    // The payer corrected the member ID: NM109 is its own, REF*Q4 the one we asked with.
    const QByteArray data =
        x12Interchange("271", {x12ResponseHead("REQ-77") +
                               "HL*3*2*22*0~NM1*IL*1*DOE*JANE****MI*NEW1~REF*Q4*OLD1~EB*1~"});
    const EligibilityResponseParseResult parsed = EligibilityResponseParser::parse(data);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    QCOMPARE(parsed.submitterReference, QStringLiteral("REQ-77"));
    QCOMPARE(parsed.transactions, 1);
    QCOMPARE(parsed.results.size(), 1);
    QCOMPARE(parsed.results.first().subscriber.memberId, QStringLiteral("NEW1"));
    QCOMPARE(parsed.results.first().subscriber.priorMemberId, QStringLiteral("OLD1"));

    const QByteArray built = EligibilityResponseBuilder::buildBytes({fullSubscriber()}, envelope());
    QVERIFY(built.contains("~NM1*IL*1*RIVERA*ANA*M**JR*MI*HHP123~REF*18*PLN-77~REF*6P*GRP-5521*"
                           "ACME WIDGETS INC~REF*Q4*HHP-OLD-1~"));
    QCOMPARE(EligibilityResponseParser::parse(built).submitterReference, QStringLiteral("REQ-417"));
}

void TestEligibilityResponse::streamingMatchesTheList_data()
{
    QTest::addColumn<QByteArray>("data");
    for (const char *name :
         {"271_subscriber.x12", "271_dependent.x12", "271_rejections.x12", "271_pipe_bang.x12",
          "271_4010_cr.x12", "271_bom_crlf.x12", "broken_truncated.x12", "270_gs_terminator.x12"})
        QTest::newRow(name) << fixture(name);
}

void TestEligibilityResponse::streamingMatchesTheList()
{
    QFETCH(QByteArray, data);
    const EligibilityResponseParseResult list = EligibilityResponseParser::parse(data);
    QList<EligibilityResult> streamed;
    const auto keep = [&streamed](EligibilityResult &&result) {
        streamed.append(std::move(result));
    };
    const EligibilityResponseParseResult fromBytes =
        EligibilityResponseParser::parse(data, X12Reader::Options(), keep);
    QVERIFY(fromBytes.results.isEmpty()); // handed out, not kept
    QCOMPARE(fromBytes.error, list.error);
    QCOMPARE(fromBytes.submitterReference, list.submitterReference);
    QCOMPARE(fromBytes.issues.size(), list.issues.size());
    if (list.ok())
        compareResults(streamed, list.results);

    QBuffer buffer(&data);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    const QList<EligibilityResult> fromBytesResults = std::exchange(streamed, {});
    const EligibilityResponseParseResult fromDevice =
        EligibilityResponseParser::parse(buffer, X12Reader::Options(), keep);
    QCOMPARE(fromDevice.error, list.error);
    compareResults(streamed, fromBytesResults);
}

void TestEligibilityResponse::resultsArriveWhileReading()
{
    // 50 subscribers: by the middle of the data, the first answers have been handed out.
    QByteArray body = x12ResponseHead();
    for (int i = 0; i < 50; ++i)
        body += "HL*" + QByteArray::number(i + 3) + "*2*22*0~NM1*IL*1*DOE*JANE****MI*M" +
                QByteArray::number(i) + "~EB*1**30~";
    const QByteArray data = x12Interchange("271", {body});
    QStringList memberIds;
    EligibilityResponseHandler handler(
        [&memberIds](EligibilityResult &&result) { memberIds.append(result.subscriber.memberId); });
    X12StreamReader reader(handler, X12Reader::Options());
    reader.feed(QByteArrayView(data).first(data.size() / 2));
    QVERIFY(memberIds.size() >= 20);
    QVERIFY(memberIds.size() < 50);
    reader.feed(QByteArrayView(data).sliced(data.size() / 2));
    const EligibilityResponseParseResult parsed = handler.finish(reader.finish());
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    QCOMPARE(memberIds.size(), 50);
    QCOMPARE(memberIds.first(), QStringLiteral("M0"));
    QCOMPARE(memberIds.last(), QStringLiteral("M49"));
}

void TestEligibilityResponse::everyInterchangeAndTransactionIsRead()
{
    const QByteArray data =
        fixture("271_small.x12") + fixture("271_rejections.x12") + fixture("271_dependent.x12");
    const EligibilityResponseParseResult parsed = EligibilityResponseParser::parse(data);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    QCOMPARE(parsed.transactions, 1 + 3 + 1);
    QCOMPARE(parsed.submitterReference, QStringLiteral("REQ-417")); // the first transaction's
    QList<EligibilityResult> expected = parseFixture("271_small.x12").results;
    expected += parseFixture("271_rejections.x12").results;
    expected += parseFixture("271_dependent.x12").results;
    QCOMPARE(expected.size(), 1 + 4 + 2);
    compareResults(parsed.results, expected);
}

void TestEligibilityResponse::limits_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("error");
    QTest::addColumn<int>("streamed"); // results handed out before the limit

    const QByteArray subscriber = "HL*3*2*22*0~NM1*IL*1*DOE*JANE****MI*M1~";
    QByteArray benefits = x12ResponseHead() + subscriber;
    for (int i = 0; i <= EligibilityResponseParser::maxBenefits; ++i)
        benefits += "EB*1~";
    QTest::newRow("EB for one subscriber")
        << x12Interchange("271", {benefits})
        << "segment 1011 (EB): The patient loop that begins at segment 9 (HL) has more than "
           "1000 benefits (EB segments); no 271 needs that many, so the data was not read "
           "further."
        << 0;

    QByteArray messages = x12ResponseHead() + subscriber + "EB*1~";
    for (int i = 0; i <= EligibilityResponseParser::maxEntries; ++i)
        messages += "MSG*CALL US~";
    QTest::newRow("MSG for one subscriber")
        << x12Interchange("271", {messages})
        << "segment 5012 (MSG): The patient loop that begins at segment 9 (HL) has more than "
           "5000 dates, messages, rejections and related entities in all; no 271 needs that "
           "many, so the data was not read further."
        << 0;

    QByteArray entities = x12ResponseHead() + subscriber + "EB*R~LS*2120~";
    for (int i = 0; i < EligibilityResponseParser::maxEntries / 2; ++i)
        entities += "NM1*PRP*2*OTHER~DTP*290*D8*20260101~";
    entities += "NM1*PRP*2*ONE TOO MANY~LE*2120~";
    QTest::newRow("2120 entities and dates")
        << x12Interchange("271", {entities})
        << "segment 5013 (NM1): The patient loop that begins at segment 9 (HL) has more than "
           "5000 dates, messages, rejections and related entities in all; no 271 needs that "
           "many, so the data was not read further."
        << 0;

    QByteArray rejections = "BHT*0022*11*R*20260310*0930~HL*1**20*1~";
    for (int i = 0; i <= EligibilityResponseParser::maxRequestRejections; ++i)
        rejections += "AAA*Y**42*R~";
    QTest::newRow("request-level AAA")
        << x12Interchange("271", {rejections})
        << "segment 106 (AAA): The information source and receiver loops (2000A to 2100B) have "
           "more than 100 AAA segments; no 271 needs that many, so the data was not read "
           "further."
        << 0;

    // Each HL the child of the one before: dependents of dependents.
    QByteArray chain = x12ResponseHead() + "HL*3*2*22*1~";
    for (int hl = 4; hl < 40; ++hl)
        chain += "HL*" + QByteArray::number(hl) + '*' + QByteArray::number(hl - 1) + "*23*1~";
    QTest::newRow("HL chain")
        << x12Interchange("271", {chain})
        << "segment 15 (HL): HL 9 is nested more than 8 levels deep (its parent is HL 8); a 271 "
           "needs 4 levels, so the data was not read further."
        << 4; // the dependents at HL 4 to 7 were complete
}

void TestEligibilityResponse::limits()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, error);
    QFETCH(int, streamed);
    const EligibilityResponseParseResult parsed = EligibilityResponseParser::parse(data);
    QCOMPARE(parsed.error, error);
    QVERIFY(parsed.results.isEmpty());
    QCOMPARE(parsed.issues.last().severity, X12Issue::Severity::Error);

    int handedOut = 0;
    const EligibilityResponseParseResult streaming = EligibilityResponseParser::parse(
        data, X12Reader::Options(), [&handedOut](EligibilityResult &&) { ++handedOut; });
    QCOMPARE(streaming.error, error);
    QCOMPARE(handedOut, streamed);

    // The tree form refuses the same way.
    const X12ReadResult read = X12Reader().read(data);
    QVERIFY(read.ok());
    QCOMPARE(EligibilityResponseParser::parse(*read.interchange).error, error);
}

void TestEligibilityResponse::atTheLimitIsRead()
{
    QByteArray body = x12ResponseHead() + "HL*3*2*22*0~NM1*IL*1*DOE*JANE****MI*M1~";
    for (int i = 0; i < EligibilityResponseParser::maxBenefits; ++i)
        body += "EB*B*IND*98***27*" + QByteArray::number(i) + "~";
    const EligibilityResponseParseResult parsed =
        EligibilityResponseParser::parse(x12Interchange("271", {body}));
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    QCOMPARE(parsed.results.size(), 1);
    QCOMPARE(parsed.results.first().benefits.size(), EligibilityResponseParser::maxBenefits);
    QCOMPARE(parsed.results.first().benefits.last().amountCents, qint64(99900));
}

void TestEligibilityResponse::manyDependentsStream()
{
    // 20,000 dependents of one subscriber: each answer is handed out when its loop ends, so
    // nothing piles up while the subscriber's loop is open.
    constexpr int dependents = 20000;
    QByteArray body = x12ResponseHead() + "HL*3*2*22*1~NM1*IL*1*DOE*JANE****MI*M1~";
    for (int i = 0; i < dependents; ++i)
        body += "HL*" + QByteArray::number(i + 4) + "*3*23*0~NM1*03*1*DOE*KID~EB*1~";
    const QByteArray data = x12Interchange("271", {body});
    int handedOut = 0;
    int handedOutAtHalf = -1;
    EligibilityResponseHandler handler([&handedOut](EligibilityResult &&result) {
        QCOMPARE(result.subscriber.memberId, QStringLiteral("M1"));
        QVERIFY(result.dependent.has_value());
        ++handedOut;
    });
    X12StreamReader reader(handler, X12Reader::Options());
    reader.feed(QByteArrayView(data).first(data.size() / 2));
    handedOutAtHalf = handedOut;
    reader.feed(QByteArrayView(data).sliced(data.size() / 2));
    const EligibilityResponseParseResult parsed = handler.finish(reader.finish());
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    QCOMPARE(handedOut, dependents);
    QVERIFY(handedOutAtHalf > dependents / 3);
}

void TestEligibilityResponse::listIsBounded()
{
    // Subscriber loops with nothing in them still make results: the list form stops at its
    // bound; the streaming form, which keeps nothing, reads them all.
    const int subscribers = EligibilityResponseParser::maxListEntries / 4 + 1;
    QByteArray body = x12ResponseHead();
    body.reserve(subscribers * 16);
    for (int i = 0; i < subscribers; ++i)
        body += "HL*" + QByteArray::number(i + 3) + "*2*22*0~";
    const QByteArray data = x12Interchange("271", {body});
    const EligibilityResponseParseResult parsed = EligibilityResponseParser::parse(data);
    QCOMPARE(parsed.error,
             QStringLiteral("segment %1 (SE): The 271 holds more than 400000 results, benefits, "
                            "dates and other entries in all, too many to hold at once; it was not "
                            "read further.")
                 .arg(subscribers + 9));
    QVERIFY(parsed.results.isEmpty());

    int handedOut = 0;
    const EligibilityResponseParseResult streaming = EligibilityResponseParser::parse(
        data, X12Reader::Options(), [&handedOut](EligibilityResult &&) { ++handedOut; });
    QVERIFY2(streaming.ok(), qPrintable(streaming.error));
    QCOMPARE(handedOut, subscribers);
}

void TestEligibilityResponse::warningsAreBounded()
{
    QByteArray body = x12ResponseHead() + "HL*3*2*22*0~NM1*IL*1*DOE*JANE****MI*M1~";
    for (int i = 0; i < 150; ++i)
        body += "EB*C*IND*30***23*ABC~";
    const EligibilityResponseParseResult parsed =
        EligibilityResponseParser::parse(x12Interchange("271", {body}));
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    QCOMPARE(parsed.results.first().benefits.size(), 150);
    QCOMPARE(parsed.issues.size(), X12StreamReader::maxIssues + 1);
    QCOMPARE(parsed.issues.first().toString(),
             QStringLiteral("segment 11 (EB): EB07 \"ABC\" is not an amount; the benefit was "
                            "kept without it."));
    QCOMPARE(parsed.issues.last().toString(), QStringLiteral("50 more problems are not listed."));
    QCOMPARE(parsed.issues.last().severity, X12Issue::Severity::Warning);
}

QTEST_GUILESS_MAIN(TestEligibilityResponse)
#include "tst_eligibilityresponse.moc"

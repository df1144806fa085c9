// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/x12/eligibilityrequest.h"
#include "services/x12/x12writer.h"
#include "x12fixtures.h"
#include "x12generate.h"

#include <QTest>
#include <QTimeZone>

class TestEligibilityRequest : public QObject
{
    Q_OBJECT

private slots:
    void subscriber270SegmentBySegment();
    void dependent270SegmentBySegment();
    void minimal270();
    void controlNumbers_data();
    void controlNumbers();
    void productionFlagAndTime();
    void textIsMadeSafeForX12_data();
    void textIsMadeSafeForX12();
    void roundTrip_data();
    void roundTrip();
    void parsesAFixture();
    void parseErrors_data();
    void parseErrors();
    void parseAllReadsEveryPatient();
    void streamingReadsEveryPatientOfEveryInterchange();
    void serviceTypesAreBounded();
};

namespace {
EligibilityRequest sampleRequest()
{
    EligibilityRequest r;
    r.controlNumber = 42;
    r.createdAt = QDateTime(QDate(2026, 3, 10), QTime(14, 5), Qt::UTC);
    r.submitterReference = QStringLiteral("VER-42");
    r.payerId = QStringLiteral("HHP01");
    r.payerName = QStringLiteral("HARBOR HEALTH PLAN");
    r.providerName = QStringLiteral("MAPLE STREET CLINIC");
    r.providerNpi = QStringLiteral("1234567893");
    r.traceNumber = QStringLiteral("TRC-42");
    r.memberId = QStringLiteral("HHP123456789");
    r.groupNumber = QStringLiteral("GRP-5521");
    r.subscriberFirstName = QStringLiteral("ANA");
    r.subscriberLastName = QStringLiteral("RIVERA");
    r.subscriberDateOfBirth = QDate(1985, 2, 14);
    r.subscriberGender = QStringLiteral("F");
    r.serviceDate = QDate(2026, 3, 11);
    r.serviceTypes = {QStringLiteral("30"), QStringLiteral("98")};
    return r;
}

EligibilityRequest dependentRequest()
{
    EligibilityRequest r = sampleRequest();
    r.patientIsDependent = true;
    r.dependentFirstName = QStringLiteral("LUZ");
    r.dependentLastName = QStringLiteral("RIVERA");
    r.dependentDateOfBirth = QDate(2015, 9, 30);
    r.dependentGender = QStringLiteral("F");
    r.dependentRelationship = QStringLiteral("19");
    return r;
}

QByteArrayList segmentsOf(const QByteArray &x12)
{
    QByteArrayList segments = x12.split('~');
    if (!segments.isEmpty() && segments.last().isEmpty())
        segments.removeLast();
    return segments;
}

void compareSegments(const QByteArrayList &actual, const QByteArrayList &expected)
{
    for (qsizetype i = 0; i < qMin(actual.size(), expected.size()); ++i)
        QCOMPARE(actual.at(i), expected.at(i));
    QCOMPARE(actual.size(), expected.size());
}
} // namespace

void TestEligibilityRequest::subscriber270SegmentBySegment()
{
    const QByteArray x12 = EligibilityRequestBuilder::buildBytes(sampleRequest());
    compareSegments(segmentsOf(x12),
                    {
                        "ISA*00*          *00*          *ZZ*CLINICDESK     *ZZ*CLEARINGHOUSE  "
                        "*260310*1405*^*00501*000000042*0*T*:",
                        "GS*HS*CLINICDESK*CLEARINGHOUSE*20260310*1405*42*X*005010X279A1",
                        "ST*270*0042*005010X279A1",
                        "BHT*0022*13*VER-42*20260310*1405",
                        "HL*1**20*1",
                        "NM1*PR*2*HARBOR HEALTH PLAN*****PI*HHP01",
                        "HL*2*1*21*1",
                        "NM1*1P*2*MAPLE STREET CLINIC*****XX*1234567893",
                        "HL*3*2*22*0",
                        "TRN*1*TRC-42*9CLINICDSK",
                        "NM1*IL*1*RIVERA*ANA****MI*HHP123456789",
                        "REF*6P*GRP-5521",
                        "DMG*D8*19850214*F",
                        "DTP*291*D8*20260311",
                        "EQ*30^98",
                        "SE*14*0042",
                        "GE*1*42",
                        "IEA*1*000000042",
                    });
    QCOMPARE(x12.indexOf("GS*"), 106); // the ISA is fixed width
    const X12ReadResult read = X12Reader().read(x12);
    QVERIFY2(read.ok(), qPrintable(read.errorString()));
    QVERIFY(read.issues.isEmpty());
}

void TestEligibilityRequest::dependent270SegmentBySegment()
{
    const QByteArray x12 = EligibilityRequestBuilder::buildBytes(dependentRequest());
    const QByteArrayList segments = segmentsOf(x12);
    compareSegments(segments.mid(8), {
                                         "HL*3*2*22*1",
                                         "NM1*IL*1*RIVERA*ANA****MI*HHP123456789",
                                         "REF*6P*GRP-5521",
                                         "DMG*D8*19850214*F",
                                         "HL*4*3*23*0",
                                         "TRN*1*TRC-42*9CLINICDSK",
                                         "NM1*03*1*RIVERA*LUZ",
                                         "DMG*D8*20150930*F",
                                         "INS*N*19",
                                         "DTP*291*D8*20260311",
                                         "EQ*30^98",
                                         "SE*18*0042",
                                         "GE*1*42",
                                         "IEA*1*000000042",
                                     });
    QVERIFY(X12Reader().read(x12).ok());
}

void TestEligibilityRequest::minimal270()
{
    // Only what a 270 cannot do without: no group, DOB, gender, trace or date of service.
    EligibilityRequest r;
    r.createdAt = QDateTime(QDate(2026, 1, 2), QTime(3, 4), Qt::UTC);
    r.payerId = QStringLiteral("P1");
    r.payerName = QStringLiteral("PAYER");
    r.providerName = QStringLiteral("CLINIC");
    r.memberId = QStringLiteral("M1");
    r.serviceTypes.clear();
    const QByteArrayList segments = segmentsOf(EligibilityRequestBuilder::buildBytes(r));
    compareSegments(segments.mid(3), {
                                         "BHT*0022*13*0001*20260102*0304",
                                         "HL*1**20*1",
                                         "NM1*PR*2*PAYER*****PI*P1",
                                         "HL*2*1*21*1",
                                         "NM1*1P*2*CLINIC",
                                         "HL*3*2*22*0",
                                         "NM1*IL*1******MI*M1",
                                         "EQ*30",
                                         "SE*10*0001",
                                         "GE*1*1",
                                         "IEA*1*000000001",
                                     });
}

void TestEligibilityRequest::controlNumbers_data()
{
    QTest::addColumn<int>("controlNumber");
    QTest::addColumn<QByteArray>("isa13");
    QTest::addColumn<QByteArray>("gs06");
    QTest::addColumn<QByteArray>("st02");
    QTest::newRow("1") << 1 << QByteArray("000000001") << QByteArray("1") << QByteArray("0001");
    QTest::newRow("42") << 42 << QByteArray("000000042") << QByteArray("42") << QByteArray("0042");
    QTest::newRow("123456") << 123456 << QByteArray("000123456") << QByteArray("123456")
                            << QByteArray("123456");
    QTest::newRow("largest") << 999999999 << QByteArray("999999999") << QByteArray("999999999")
                             << QByteArray("999999999");
    QTest::newRow("wraps") << 1000000007 << QByteArray("000000007") << QByteArray("7")
                           << QByteArray("0007");
    QTest::newRow("zero") << 0 << QByteArray("000000001") << QByteArray("1") << QByteArray("0001");
    QTest::newRow("negative") << -5 << QByteArray("000000001") << QByteArray("1")
                              << QByteArray("0001");
}

void TestEligibilityRequest::controlNumbers()
{
    QFETCH(int, controlNumber);
    QFETCH(QByteArray, isa13);
    QFETCH(QByteArray, gs06);
    QFETCH(QByteArray, st02);
    EligibilityRequest r = sampleRequest();
    r.controlNumber = controlNumber;
    X12Interchange interchange = EligibilityRequestBuilder::build(r);
    X12Writer::finalize(interchange);
    QCOMPARE(interchange.header.element(13), isa13);
    QCOMPARE(interchange.groups.first().header.element(6), gs06);
    const X12Transaction &transaction = interchange.groups.first().transactions.first();
    QCOMPARE(transaction.header.element(2), st02);
    QCOMPARE(transaction.trailer.element(2), st02);
    QCOMPARE(interchange.groups.first().trailer.element(2), gs06);
    QCOMPARE(interchange.trailer.element(2), isa13);
    QVERIFY(X12Reader().read(X12Writer().write(interchange)).ok());
}

void TestEligibilityRequest::productionFlagAndTime()
{
    EligibilityRequest r = sampleRequest();
    r.production = true;
    // Local time with an offset: the envelope is in UTC.
    r.createdAt = QDateTime(QDate(2026, 3, 10), QTime(23, 30), QTimeZone(-5 * 3600));
    const X12Interchange interchange = EligibilityRequestBuilder::build(r);
    QCOMPARE(interchange.header.element(15), QByteArray("P"));
    QCOMPARE(interchange.header.element(9), QByteArray("260311"));
    QCOMPARE(interchange.header.element(10), QByteArray("0430"));
    QCOMPARE(interchange.groups.first().header.element(4), QByteArray("20260311"));
    QCOMPARE(interchange.groups.first().transactions.first().segments.first().element(4),
             QByteArray("20260311"));

    r.createdAt = QDateTime();
    const QByteArray now =
        QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd")).toLatin1();
    QCOMPARE(EligibilityRequestBuilder::build(r).groups.first().header.element(4), now);
}

void TestEligibilityRequest::textIsMadeSafeForX12_data()
{
    QTest::addColumn<QString>("lastName");
    QTest::addColumn<QByteArray>("written");
    QTest::newRow("plain") << "O'BRIEN" << QByteArray("O'BRIEN");
    QTest::newRow("accents") << QString::fromUtf8("Nuñez-Gómez") << QByteArray("Nunez-Gomez");
    QTest::newRow("eszett") << QString::fromUtf8("Weiß") << QByteArray("Weiss");
    QTest::newRow("element separator") << "SMITH*JONES" << QByteArray("SMITH JONES");
    QTest::newRow("terminator and component") << "A~B:C^D" << QByteArray("A B C D");
    QTest::newRow("spaces and tabs") << "  VAN \t DER   BERG " << QByteArray("VAN DER BERG");
    QTest::newRow("newline") << "LEE\r\nKIM" << QByteArray("LEE KIM");
    QTest::newRow("no ASCII form") << QString::fromUtf8("李 LI") << QByteArray("LI");
}

void TestEligibilityRequest::textIsMadeSafeForX12()
{
    QFETCH(QString, lastName);
    QFETCH(QByteArray, written);
    EligibilityRequest r = sampleRequest();
    r.subscriberLastName = lastName;
    const QByteArray x12 = EligibilityRequestBuilder::buildBytes(r);
    const X12ReadResult read = X12Reader().read(x12);
    QVERIFY2(read.ok(), qPrintable(read.errorString()));
    const X12Segment nm1 = read.interchange->groups.first().transactions.first().segments.at(7);
    QCOMPARE(nm1.element(1), QByteArray("IL"));
    QCOMPARE(nm1.element(3), written);
    QCOMPARE(nm1.element(9), QByteArray("HHP123456789"));
}

void TestEligibilityRequest::roundTrip_data()
{
    QTest::addColumn<EligibilityRequest>("request");
    QTest::newRow("subscriber") << sampleRequest();
    QTest::newRow("dependent") << dependentRequest();
    EligibilityRequest many = sampleRequest();
    many.serviceTypes = {QStringLiteral("98"), QStringLiteral("UC"), QStringLiteral("AL"),
                         QStringLiteral("MH")};
    many.production = true;
    many.senderId = QStringLiteral("SENDER15CHARSXX");
    many.receiverId = QStringLiteral("R");
    many.controlNumber = 987654321;
    many.traceOriginator = QStringLiteral("1234567890");
    QTest::newRow("four service types") << many;
    EligibilityRequest sparse = sampleRequest();
    sparse.groupNumber.clear();
    sparse.subscriberGender.clear();
    sparse.serviceDate = QDate();
    QTest::newRow("no group, gender or date") << sparse;
    EligibilityRequest dependentNoRelationship = dependentRequest();
    dependentNoRelationship.dependentRelationship.clear();
    dependentNoRelationship.subscriberDateOfBirth = QDate();
    dependentNoRelationship.subscriberGender.clear(); // DMG carries gender only with a date
    QTest::newRow("dependent without INS") << dependentNoRelationship;
}

void TestEligibilityRequest::roundTrip()
{
    QFETCH(EligibilityRequest, request);
    const EligibilityRequestParseResult parsed =
        EligibilityRequestParser::parse(EligibilityRequestBuilder::buildBytes(request));
    QVERIFY2(parsed.request, qPrintable(parsed.error));
    QCOMPARE(parsed.error, QString());
    const EligibilityRequest &back = *parsed.request;
    // Field by field first, for a readable failure.
    QCOMPARE(back.senderId, request.senderId);
    QCOMPARE(back.receiverId, request.receiverId);
    QCOMPARE(back.controlNumber, request.controlNumber);
    QCOMPARE(back.production, request.production);
    QCOMPARE(back.createdAt, request.createdAt);
    QCOMPARE(back.submitterReference, request.submitterReference);
    QCOMPARE(back.payerId, request.payerId);
    QCOMPARE(back.payerName, request.payerName);
    QCOMPARE(back.providerName, request.providerName);
    QCOMPARE(back.providerNpi, request.providerNpi);
    QCOMPARE(back.traceNumber, request.traceNumber);
    QCOMPARE(back.traceOriginator, request.traceOriginator);
    QCOMPARE(back.memberId, request.memberId);
    QCOMPARE(back.groupNumber, request.groupNumber);
    QCOMPARE(back.subscriberFirstName, request.subscriberFirstName);
    QCOMPARE(back.subscriberLastName, request.subscriberLastName);
    QCOMPARE(back.subscriberDateOfBirth, request.subscriberDateOfBirth);
    QCOMPARE(back.subscriberGender, request.subscriberGender);
    QCOMPARE(back.patientIsDependent, request.patientIsDependent);
    QCOMPARE(back.dependentFirstName, request.dependentFirstName);
    QCOMPARE(back.dependentLastName, request.dependentLastName);
    QCOMPARE(back.dependentDateOfBirth, request.dependentDateOfBirth);
    QCOMPARE(back.dependentGender, request.dependentGender);
    QCOMPARE(back.dependentRelationship, request.dependentRelationship);
    QCOMPARE(back.serviceDate, request.serviceDate);
    QCOMPARE(back.serviceTypes, request.serviceTypes);
    QCOMPARE(back, request);
}

void TestEligibilityRequest::parsesAFixture()
{
    // 0x1D terminators followed by CRLF, as one payer's test file has them.
    const EligibilityRequestParseResult parsed =
        EligibilityRequestParser::parse(fixture("270_gs_terminator.x12"));
    QVERIFY2(parsed.request, qPrintable(parsed.error));
    const EligibilityRequest &r = *parsed.request;
    QCOMPARE(r.senderId, QStringLiteral("CLEARINGHOUSE"));
    QCOMPARE(r.receiverId, QStringLiteral("CLINICDESK"));
    QCOMPARE(r.controlNumber, 800);
    QCOMPARE(r.production, false);
    QCOMPARE(r.createdAt, QDateTime(QDate(2026, 3, 10), QTime(9, 30), Qt::UTC));
    QCOMPARE(r.submitterReference, QStringLiteral("REQ-800"));
    QCOMPARE(r.payerId, QStringLiteral("HHP01"));
    QCOMPARE(r.payerName, QStringLiteral("HARBOR HEALTH PLAN"));
    QCOMPARE(r.providerNpi, QStringLiteral("1234567893"));
    QCOMPARE(r.traceNumber, QStringLiteral("TRC-000800"));
    QCOMPARE(r.traceOriginator, QStringLiteral("9CLINICDSK"));
    QCOMPARE(r.memberId, QStringLiteral("HHP123456789"));
    QCOMPARE(r.subscriberLastName, QStringLiteral("RIVERA"));
    QCOMPARE(r.subscriberFirstName, QStringLiteral("ANA"));
    QCOMPARE(r.subscriberDateOfBirth, QDate(1985, 2, 14));
    QCOMPARE(r.subscriberGender, QStringLiteral("F"));
    QCOMPARE(r.serviceDate, QDate(2026, 3, 10));
    QCOMPARE(r.serviceTypes, (QStringList{QStringLiteral("30"), QStringLiteral("98")}));
    QVERIFY(!r.patientIsDependent);
}

void TestEligibilityRequest::parseErrors_data()
{
    QTest::addColumn<QByteArray>("x12");
    QTest::addColumn<QString>("error");

    const QByteArray good = EligibilityRequestBuilder::buildBytes(sampleRequest());
    QTest::newRow("no member id")
        << QByteArray(good).replace("*MI*HHP123456789", "")
        << "segment 11 (NM1): The subscriber NM1*IL has no member ID (NM109).";
    QByteArray noPayer = good;
    noPayer.replace("NM1*PR*2*HARBOR HEALTH PLAN*****PI*HHP01~", "");
    noPayer.replace("SE*14*", "SE*13*");
    QTest::newRow("no payer")
        << noPayer
        << "segment 3 (ST): The 270 has no payer: NM1*PR is missing from loop "
           "2100A.";
    QTest::newRow("payer without id")
        << QByteArray(good).replace("*****PI*HHP01", "")
        << "segment 6 (NM1): The payer NM1*PR has no payer ID (NM109).";
    QByteArray noSubscriber =
        good.left(good.indexOf("HL*3*")) + "SE*7*0042~GE*1*42~IEA*1*000000042~";
    QTest::newRow("no subscriber loop")
        << noSubscriber << "segment 3 (ST): The 270 has no subscriber loop (HL with HL03 = 22).";
    QTest::newRow("bad date of birth")
        << QByteArray(good).replace("19850214", "19851340")
        << "segment 13 (DMG): DMG02 \"19851340\" is not a valid date of birth (CCYYMMDD).";
    QTest::newRow("bad date of service")
        << QByteArray(good).replace("DTP*291*D8*20260311", "DTP*291*D8*2026031")
        << "segment 14 (DTP): DTP03 \"2026031\" is not a valid date of service.";
    QTest::newRow("a 271") << fixture("271_small.x12")
                           << "The interchange holds no 270 eligibility request (found: 271).";
    QTest::newRow("truncated") << good.left(good.size() - 20)
                               << "segment 17 (GE): The data ends in the middle of this segment "
                                  "(no segment terminator '~'): the input is truncated.";
    QTest::newRow("wrong SE count") << QByteArray(good).replace("SE*14*", "SE*15*")
                                    << "segment 16 (SE): SE01 says 15 segments; the transaction "
                                       "has 14 (ST to SE).";
    QByteArray dependentWithoutName = EligibilityRequestBuilder::buildBytes(dependentRequest());
    dependentWithoutName.replace("NM1*03*1*RIVERA*LUZ~", "");
    dependentWithoutName.replace("SE*18*", "SE*17*");
    QTest::newRow("dependent without NM1")
        << dependentWithoutName
        << "segment 13 (HL): The dependent loop (2000D) has no NM1*03 "
           "segment.";
}

void TestEligibilityRequest::parseErrors()
{
    QFETCH(QByteArray, x12);
    QFETCH(QString, error);
    const EligibilityRequestParseResult parsed = EligibilityRequestParser::parse(x12);
    QVERIFY(!parsed.request);
    QCOMPARE(parsed.error, error);
}

void TestEligibilityRequest::parseAllReadsEveryPatient()
{
    // One transaction with a subscriber who is the patient and a subscriber with a dependent,
    // then a second transaction: three patients.
    X12Interchange interchange = EligibilityRequestBuilder::build(sampleRequest());
    const X12Interchange withDependent = EligibilityRequestBuilder::build(dependentRequest());
    X12Transaction &first = interchange.groups.first().transactions.first();
    QList<X12Segment> second = withDependent.groups.first().transactions.first().segments.mid(5);
    second.first() = X12Segment("HL", {"4", "2", "22", "1"});
    second[4] = X12Segment("HL", {"5", "4", "23", "0"});
    first.segments += second;
    X12Transaction another = withDependent.groups.first().transactions.first();
    another.header.setElement(2, "0043");
    another.segments[11] = X12Segment("NM1", {"03", "1", "RIVERA", "SOL"});
    interchange.groups.first().transactions.append(another);
    X12Writer::finalize(interchange);

    const QList<EligibilityRequestParseResult> all =
        EligibilityRequestParser::parseAll(interchange);
    QCOMPARE(all.size(), 3);
    for (const EligibilityRequestParseResult &result : all)
        QVERIFY2(result.request, qPrintable(result.error));
    QCOMPARE(*all.at(0).request, sampleRequest());
    QCOMPARE(*all.at(1).request, dependentRequest());
    QCOMPARE(all.at(2).request->dependentFirstName, QStringLiteral("SOL"));
    QCOMPARE(all.at(2).request->memberId, QStringLiteral("HHP123456789"));
    QCOMPARE(*EligibilityRequestParser::parse(interchange).request, sampleRequest());
}

void TestEligibilityRequest::streamingReadsEveryPatientOfEveryInterchange()
{
    // Two interchanges: the three-patient one of parseAllReadsEveryPatient, then a plain one.
    X12Interchange interchange = EligibilityRequestBuilder::build(sampleRequest());
    const X12Interchange withDependent = EligibilityRequestBuilder::build(dependentRequest());
    interchange.groups.first().transactions.append(
        withDependent.groups.first().transactions.first());
    interchange.groups.first().transactions.last().header.setElement(2, "0043");
    X12Writer::finalize(interchange);
    const QByteArray data =
        X12Writer().write(interchange) + EligibilityRequestBuilder::buildBytes(dependentRequest());

    QList<EligibilityRequestParseResult> streamed;
    EligibilityRequestHandler handler([&streamed](EligibilityRequestParseResult &&result) {
        streamed.append(std::move(result));
    });
    const X12StreamReader::Result read = X12StreamReader::read(data, {}, handler);
    QVERIFY(read.ok);
    QCOMPARE(read.interchanges, 2);
    QVERIFY(handler.finish(read).isEmpty());
    QCOMPARE(handler.transactions(), 3);
    QCOMPARE(streamed.size(), 3);
    for (const EligibilityRequestParseResult &result : std::as_const(streamed))
        QVERIFY2(result.request, qPrintable(result.error));
    QCOMPARE(*streamed.at(0).request, sampleRequest());
    QCOMPARE(*streamed.at(1).request, dependentRequest());
    QCOMPARE(*streamed.at(2).request, dependentRequest());
    // parse(bytes) gives the first, as before.
    QCOMPARE(*EligibilityRequestParser::parse(data).request, sampleRequest());

    EligibilityRequestHandler none([](EligibilityRequestParseResult &&) {});
    QCOMPARE(none.finish(X12StreamReader::read(fixture("271_small.x12"), {}, none)),
             QStringLiteral("The interchange holds no 270 eligibility request (found: 271)."));
}

void TestEligibilityRequest::serviceTypesAreBounded()
{
    QByteArray body = "BHT*0022*13*REQ-1*20260310*0930~HL*1**20*1~NM1*PR*2*HARBOR HEALTH "
                      "PLAN*****PI*HHP01~HL*2*1*21*1~NM1*1P*2*CLINIC*****XX*1234567893~"
                      "HL*3*2*22*0~NM1*IL*1*DOE*JANE****MI*M1~";
    for (int i = 0; i < EligibilityRequestParser::maxServiceTypes / 10; ++i)
        body += "EQ*30^1^33^35^47^86^88^98^AL^MH~";
    const QByteArray atLimit = x12Interchange("270", {body});
    const EligibilityRequestParseResult read = EligibilityRequestParser::parse(atLimit);
    QVERIFY2(read.request, qPrintable(read.error));
    QCOMPARE(read.request->serviceTypes.size(), EligibilityRequestParser::maxServiceTypes);

    const EligibilityRequestParseResult refused =
        EligibilityRequestParser::parse(x12Interchange("270", {body + "EQ*UC~"}));
    QVERIFY(!refused.request);
    QCOMPARE(refused.error,
             QStringLiteral("segment 111 (EQ): The patient loop that begins at segment 9 (HL) "
                            "asks about more than 1000 service types (EQ01); no 270 needs that "
                            "many, so the data was not read further."));
}

QTEST_GUILESS_MAIN(TestEligibilityRequest)
#include "tst_eligibilityrequest.moc"

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/claims/claim837reader.h"
#include "services/claims/claim837writer.h"
#include "services/x12/x12reader.h"

#include <QTest>

// 837P export: written, then read back with the X12 reader (envelope, counts, every segment
// where it belongs) and with our 837 reader (the claims' values).

namespace {

Claim janeSmith()
{
    Claim claim;
    claim.claimNumber = QStringLiteral("CLM0000042");
    claim.patientId = 7;
    claim.patientName = QStringLiteral("Smith, Jane");
    claim.patientDateOfBirth = QDate(1985, 3, 14);
    claim.patientGender = Gender::Female;
    claim.insuranceId = QStringLiteral("INS001");
    claim.payerName = QStringLiteral("BlueCross BlueShield");
    claim.memberId = QStringLiteral("ACT100001");
    claim.billingProvider = {QStringLiteral("Springfield Family Clinic"),
                             QStringLiteral("1234567893")};
    claim.renderingProvider = {QStringLiteral("Anita Patel"), QStringLiteral("1245319599")};
    claim.placeOfService = QStringLiteral("11");
    claim.dateOfService = QDate(2026, 3, 20);
    claim.diagnoses = {{QStringLiteral("J209"), QStringLiteral("Acute bronchitis")},
                       {QStringLiteral("R05"), QStringLiteral("Cough")},
                       {QStringLiteral("Z2389"), {}}};
    claim.lines = {
        {QStringLiteral("99214"), {QStringLiteral("25")}, 1, 17500, {1, 2}, {}},
        {QStringLiteral("94640"), {}, 2, 9000, {1}, {}},
        {QStringLiteral("90471"), {QStringLiteral("59"), QStringLiteral("XU")}, 1, 2500, {3}, {}}};
    return claim;
}

Claim otherClinicClaim()
{
    Claim claim;
    claim.claimNumber = QStringLiteral("CLM0000043");
    claim.patientId = 8;
    claim.patientName = QStringLiteral("Rivera, Luis");
    claim.patientDateOfBirth = QDate(1970, 11, 2);
    claim.patientGender = Gender::Male;
    claim.insuranceId = QStringLiteral("INS002");
    claim.payerName = QStringLiteral("Aetna Health");
    claim.memberId = QStringLiteral("AET55501");
    claim.billingProvider = {QStringLiteral("Eastside Pediatrics"), QStringLiteral("1417993318")};
    // Rendered by the billing provider itself: no 2310B.
    claim.renderingProvider = claim.billingProvider;
    claim.placeOfService = QStringLiteral("02");
    claim.dateOfService = QDate(2026, 3, 21);
    claim.diagnoses = {{QStringLiteral("E119"), {}}};
    claim.lines = {{QStringLiteral("99213"), {QStringLiteral("95")}, 1, 11000, {1}, {}}};
    return claim;
}

Claim837Options options()
{
    Claim837Options options;
    options.senderId = QStringLiteral("SPRINGFIELD01");
    options.receiverId = QStringLiteral("CLEARHOUSE9");
    options.interchangeControlNumber = 4242;
    options.groupControlNumber = 77;
    options.transactionControlNumber = 15;
    options.createdAt = QDateTime(QDate(2026, 4, 2), QTime(9, 30), Qt::UTC);
    options.payerIds = {{QStringLiteral("INS001"), QStringLiteral("BCBS01")}};
    options.patientAddresses = {{7,
                                 {QStringLiteral("12 Elm St"),
                                  {},
                                  QStringLiteral("Springfield"),
                                  QStringLiteral("OR"),
                                  QStringLiteral("97477")}}};
    return options;
}

QList<X12Segment> segmentsWithId(const X12Transaction &transaction, const char *id)
{
    QList<X12Segment> out;
    for (const X12Segment &segment : transaction.segments) {
        if (segment.is(id))
            out.append(segment);
    }
    return out;
}

} // namespace

class TestClaim837 : public QObject
{
    Q_OBJECT

private slots:
    void envelopeAndCounts();
    void loopsAndSegments();
    void readsBackTheSameClaims();
    void replacementAndVoidCarryThePayerNumber_data();
    void replacementAndVoidCarryThePayerNumber();
    void refusesWhatCannotBeWritten_data();
    void refusesWhatCannotBeWritten();
};

void TestClaim837::envelopeAndCounts()
{
    const Claim837WriteResult written =
        Claim837Writer::write({janeSmith(), otherClinicClaim(), janeSmith()}, options());
    QVERIFY2(written.ok(), qPrintable(written.error));

    // The strict reader refuses any count or control number that is off.
    const X12ReadResult read = X12Reader().read(written.data);
    QVERIFY2(read.ok(), qPrintable(read.errorString()));
    QVERIFY(read.warnings().isEmpty());
    QCOMPARE(read.interchanges.size(), 1);
    const X12Interchange &interchange = *read.interchange;
    QCOMPARE(interchange.header.elementCount(), 16);
    QCOMPARE(interchange.header.text(6), QStringLiteral("SPRINGFIELD01  "));
    QCOMPARE(interchange.header.text(8), QStringLiteral("CLEARHOUSE9    "));
    QCOMPARE(interchange.header.text(12), QStringLiteral("00501"));
    QCOMPARE(interchange.header.text(13), QStringLiteral("000004242"));
    QCOMPARE(interchange.groups.size(), 1);
    const X12FunctionalGroup &group = interchange.groups.first();
    QCOMPARE(group.header.text(1), QStringLiteral("HC"));
    QCOMPARE(group.header.text(6), QStringLiteral("77"));
    QCOMPARE(group.header.text(8), QStringLiteral("005010X222A1"));
    QCOMPARE(group.transactions.size(), 1);
    const X12Transaction &transaction = group.transactions.first();
    QCOMPARE(transaction.header.text(1), QStringLiteral("837"));
    QCOMPARE(transaction.header.text(2), QStringLiteral("0015"));
    QCOMPARE(transaction.header.text(3), QStringLiteral("005010X222A1"));

    // Every trailer count is right.
    QCOMPARE(transaction.trailer.text(1).toInt(), int(transaction.segments.size()) + 2);
    QCOMPARE(transaction.trailer.text(1).toInt(), written.segments);
    QCOMPARE(transaction.trailer.text(2), QStringLiteral("0015"));
    QCOMPARE(group.trailer.text(1), QStringLiteral("1"));
    QCOMPARE(group.trailer.text(2), QStringLiteral("77"));
    QCOMPARE(interchange.trailer.text(1), QStringLiteral("1"));
    QCOMPARE(interchange.trailer.text(2), QStringLiteral("000004242"));

    // Counted by hand: BHT, 1000A (2), 1000B; per billing provider HL NM1 N3 N4 REF (5);
    // per claim HL SBR NM1*IL [N3 N4] DMG NM1*PR CLM HI [NM1*82], per line LX SV1 DTP REF (4).
    const int janeSegments = 7 + 2 /* N3 N4 */ + 1 /* NM1*82 */ + 3 * 4;
    const int otherSegments = 7 + 1 * 4;
    QCOMPARE(int(transaction.segments.size()), 4 + 2 * 5 + 2 * janeSegments + otherSegments);
}

void TestClaim837::loopsAndSegments()
{
    const Claim837WriteResult written =
        Claim837Writer::write({janeSmith(), otherClinicClaim(), janeSmith()}, options());
    QVERIFY2(written.ok(), qPrintable(written.error));
    const X12ReadResult read = X12Reader().read(written.data);
    QVERIFY(read.ok());
    const X12Transaction &transaction = read.interchange->groups.first().transactions.first();
    const QList<X12Segment> &segments = transaction.segments;

    QCOMPARE(segments.at(0).elements(),
             (QList<QByteArray>{"0019", "00", "0015", "20260402", "0930", "CH"}));
    QCOMPARE(segments.at(1).elements(),
             (QList<QByteArray>{"41", "2", "ClinicDesk", "", "", "", "", "46", "CLINICDESK"}));
    QCOMPARE(segments.at(3).element(1), QByteArray("40"));

    // Two billing providers (the two claims of the first one under it), three subscribers.
    const QList<X12Segment> hl = segmentsWithId(transaction, "HL");
    QCOMPARE(hl.size(), 5);
    QCOMPARE(hl.at(0).elements(), (QList<QByteArray>{"1", "", "20", "1"}));
    QCOMPARE(hl.at(1).elements(), (QList<QByteArray>{"2", "1", "22", "0"}));
    QCOMPARE(hl.at(2).elements(), (QList<QByteArray>{"3", "1", "22", "0"}));
    QCOMPARE(hl.at(3).elements(), (QList<QByteArray>{"4", "", "20", "1"}));
    QCOMPARE(hl.at(4).elements(), (QList<QByteArray>{"5", "4", "22", "0"}));

    const QList<X12Segment> clm = segmentsWithId(transaction, "CLM");
    QCOMPARE(clm.size(), 3);
    QCOMPARE(clm.at(0).elements(),
             (QList<QByteArray>{"CLM0000042", "290", "", "", "11:B:1", "Y", "A", "Y", "Y"}));
    QCOMPARE(clm.at(2).element(1), QByteArray("CLM0000043"));
    QCOMPARE(clm.at(2).element(2), QByteArray("110"));
    QCOMPARE(clm.at(2).element(5), QByteArray("02:B:1"));

    const QList<X12Segment> hi = segmentsWithId(transaction, "HI");
    QCOMPARE(hi.at(0).elements(), (QList<QByteArray>{"ABK:J209", "ABF:R05", "ABF:Z2389"}));
    QCOMPARE(hi.at(2).elements(), QList<QByteArray>{"ABK:E119"});

    const QList<X12Segment> sv1 = segmentsWithId(transaction, "SV1");
    QCOMPARE(sv1.size(), 7);
    QCOMPARE(sv1.at(0).elements(),
             (QList<QByteArray>{"HC:99214:25", "175", "UN", "1", "", "", "1:2"}));
    QCOMPARE(sv1.at(1).elements(), (QList<QByteArray>{"HC:94640", "90", "UN", "2", "", "", "1"}));
    QCOMPARE(sv1.at(2).element(1), QByteArray("HC:90471:59:XU"));

    // The payer id comes from the options' table, or is the insurance ID.
    QList<QByteArray> payers;
    QList<QByteArray> renderers;
    for (const X12Segment &segment : segmentsWithId(transaction, "NM1")) {
        if (segment.element(1) == "PR")
            payers.append(segment.element(9));
        if (segment.element(1) == "82")
            renderers.append(segment.element(3) + ',' + segment.element(4) + ',' +
                             segment.element(9));
    }
    QCOMPARE(payers, (QList<QByteArray>{"BCBS01", "BCBS01", "INS002"}));
    // 2310B only where the rendering provider is not the billing one.
    QCOMPARE(renderers, (QList<QByteArray>{"Patel,Anita,1245319599", "Patel,Anita,1245319599"}));

    const QList<X12Segment> refs = segmentsWithId(transaction, "REF");
    QVERIFY(refs.contains(X12Segment("REF", {"6R", "CLM0000042-3"})));
    for (const X12Segment &ref : refs)
        QVERIFY(ref.element(1) != "F8"); // originals carry no payer claim number

    // DMG only with a birth date; N3/N4 only with a known address.
    QVERIFY(segments.contains(X12Segment("DMG", {"D8", "19850314", "F"})));
    QVERIFY(segments.contains(X12Segment("N3", {"12 Elm St"})));
    QCOMPARE(segmentsWithId(transaction, "N3").size(), 2 /* providers */ + 2 /* Jane twice */);
}

void TestClaim837::readsBackTheSameClaims()
{
    const QList<Claim> claims{janeSmith(), otherClinicClaim()};
    const Claim837WriteResult written = Claim837Writer::write(claims, options());
    QVERIFY2(written.ok(), qPrintable(written.error));
    const Claim837ReadResult read = Claim837Handler::read(written.data);
    QVERIFY2(read.ok(), qPrintable(read.error));
    QCOMPARE(read.transactions, 1);
    QCOMPARE(read.claimCount, 2);
    QCOMPARE(read.lineCount, 4);
    QCOMPARE(read.totalMismatches, 0);
    QCOMPARE(read.claims.size(), 2);
    for (qsizetype i = 0; i < claims.size(); ++i) {
        const Claim &sent = claims.at(i);
        const Claim &back = read.claims.at(i);
        QCOMPARE(back.claimNumber, sent.claimNumber);
        QCOMPARE(back.patientName, sent.patientName);
        QCOMPARE(back.patientDateOfBirth, sent.patientDateOfBirth);
        QCOMPARE(back.patientGender, sent.patientGender);
        QCOMPARE(back.memberId, sent.memberId);
        QCOMPARE(back.payerName, sent.payerName);
        QCOMPARE(back.billingProvider, sent.billingProvider);
        QCOMPARE(back.placeOfService, sent.placeOfService);
        QCOMPARE(back.dateOfService, sent.dateOfService);
        QCOMPARE(back.frequency, ClaimFrequency::Original);
        QCOMPARE(back.totalChargeCents(), sent.totalChargeCents());
        QCOMPARE(back.diagnoses.size(), sent.diagnoses.size());
        for (qsizetype d = 0; d < sent.diagnoses.size(); ++d)
            QCOMPARE(back.diagnoses.at(d).code, sent.diagnoses.at(d).code);
        QCOMPARE(back.lines.size(), sent.lines.size());
        for (qsizetype l = 0; l < sent.lines.size(); ++l) {
            QCOMPARE(back.lines.at(l).procedureCode, sent.lines.at(l).procedureCode);
            QCOMPARE(back.lines.at(l).modifiers, sent.lines.at(l).modifiers);
            QCOMPARE(back.lines.at(l).units, sent.lines.at(l).units);
            QCOMPARE(back.lines.at(l).chargeCents, sent.lines.at(l).chargeCents);
            QCOMPARE(back.lines.at(l).diagnosisPointers, sent.lines.at(l).diagnosisPointers);
        }
    }
    QCOMPARE(read.claims.at(0).renderingProvider, janeSmith().renderingProvider);
    QCOMPARE(read.claims.at(0).insuranceId, QStringLiteral("BCBS01"));
    QCOMPARE(read.claims.at(1).renderingProvider, ClaimProvider());
}

void TestClaim837::replacementAndVoidCarryThePayerNumber_data()
{
    QTest::addColumn<ClaimFrequency>("frequency");
    QTest::addColumn<QByteArray>("clm05");
    QTest::newRow("replacement") << ClaimFrequency::Replacement << QByteArray("11:B:7");
    QTest::newRow("void") << ClaimFrequency::Void << QByteArray("11:B:8");
}

void TestClaim837::replacementAndVoidCarryThePayerNumber()
{
    QFETCH(ClaimFrequency, frequency);
    QFETCH(QByteArray, clm05);
    Claim claim = janeSmith();
    claim.frequency = frequency;
    claim.payerClaimId = QStringLiteral("PAYOR-9911");
    const Claim837WriteResult written = Claim837Writer::write({claim}, options());
    QVERIFY2(written.ok(), qPrintable(written.error));
    const X12ReadResult read = X12Reader().read(written.data);
    QVERIFY2(read.ok(), qPrintable(read.errorString()));
    const QList<X12Segment> &segments =
        read.interchange->groups.first().transactions.first().segments;
    qsizetype clm = -1;
    for (qsizetype i = 0; i < segments.size(); ++i) {
        if (segments.at(i).is("CLM"))
            clm = i;
    }
    QVERIFY(clm > 0);
    QCOMPARE(segments.at(clm).element(5), clm05);
    // REF*F8 in the 2300 loop: after CLM, before HI.
    QCOMPARE(segments.at(clm + 1), X12Segment("REF", {"F8", "PAYOR-9911"}));
    QVERIFY(segments.at(clm + 2).is("HI"));

    const Claim837ReadResult back = Claim837Handler::read(written.data);
    QVERIFY(back.ok());
    QCOMPARE(back.claims.size(), 1);
    QCOMPARE(back.claims.first().frequency, frequency);
    QCOMPARE(back.claims.first().payerClaimId, QStringLiteral("PAYOR-9911"));
}

void TestClaim837::refusesWhatCannotBeWritten_data()
{
    QTest::addColumn<Claim>("claim");
    QTest::addColumn<QString>("error");

    Claim claim = janeSmith();
    claim.frequency = ClaimFrequency::Replacement;
    QTest::newRow("replacement without payer number")
        << claim
        << "Claim CLM0000042 cannot be written as an 837P: a replacement or void needs the "
           "payer's claim number (REF*F8).";
    claim = janeSmith();
    claim.lines.clear();
    QTest::newRow("no lines") << claim
                              << "Claim CLM0000042 cannot be written as an 837P: it needs 1 to 50 "
                                 "service lines, it has 0.";
    claim = janeSmith();
    claim.lines[1].diagnosisPointers = {4};
    QTest::newRow("pointer past the diagnoses")
        << claim
        << "Claim CLM0000042 cannot be written as an 837P: line 2 points at diagnosis 4, which "
           "the claim does not have.";
    claim = janeSmith();
    claim.billingProvider.npi.clear();
    QTest::newRow("no billing NPI") << claim
                                    << "Claim CLM0000042 cannot be written as an 837P: the "
                                       "billing provider has no NPI.";
    claim = janeSmith();
    claim.diagnoses.clear();
    QTest::newRow("no diagnoses") << claim
                                  << "Claim CLM0000042 cannot be written as an 837P: it needs 1 "
                                     "to 12 diagnoses, it has 0.";
}

void TestClaim837::refusesWhatCannotBeWritten()
{
    QFETCH(Claim, claim);
    QFETCH(QString, error);
    const Claim837WriteResult written =
        Claim837Writer::write({otherClinicClaim(), claim}, options());
    QVERIFY(!written.ok());
    QVERIFY(written.data.isEmpty());
    QCOMPARE(written.error, error);
}

QTEST_GUILESS_MAIN(TestClaim837)
#include "tst_claim837.moc"

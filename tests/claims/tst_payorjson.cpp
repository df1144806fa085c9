// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/domain/payorjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

// The payor's JSON is written by one side and read by the other with the same functions; these
// tests pin the wire names the payor documents and check that what is written reads back.

namespace {
Claim sampleClaim()
{
    Claim claim;
    claim.claimNumber = QStringLiteral("CLM0000042");
    claim.patientName = QStringLiteral("Smith, Jane");
    claim.patientDateOfBirth = QDate(1985, 3, 14);
    claim.patientGender = Gender::Female;
    claim.insuranceId = QStringLiteral("INS001");
    claim.memberId = QStringLiteral("ACT100001");
    claim.billingProvider = {QStringLiteral("Springfield Family Clinic"),
                             QStringLiteral("1234567893")};
    claim.renderingProvider = {QStringLiteral("Anita Patel"), QStringLiteral("1245319599")};
    claim.placeOfService = QStringLiteral("11");
    claim.dateOfService = QDate(2026, 11, 24);
    claim.priority = ClaimPriority::High;
    claim.notes = QStringLiteral("Follow-up in two weeks");
    claim.diagnoses = {{QStringLiteral("J209"), QStringLiteral("Acute bronchitis, unspecified")},
                       {QStringLiteral("R05"), QStringLiteral("Cough")}};
    claim.lines = {{QStringLiteral("99213"), {QStringLiteral("25")}, 1, 15000, {1, 2},
                    QStringLiteral("Office visit, established")},
                   {QStringLiteral("J1100"), {}, 2, 4250, {1}, QStringLiteral("Dexamethasone")}};
    return claim;
}
} // namespace

class TestPayorJson : public QObject
{
    Q_OBJECT

private slots:
    void centsAreParsedAndFormatted_data();
    void centsAreParsedAndFormatted();
    void dollarsOnTheWireBecomeCents();
    void routeClaimCarriesSeedFieldsAndTheWholeClaim();
    void routeClaimReadsBack();
    void seedOnlyClaimBecomesOneLine();
    void structuralProblemsAreNamed();
    void statusReadsReplyAndWebhookSpelling();
    void statusWithoutIdIsRefused();
    void remittanceRoundTripsAndBalances();
    void unbalancedRemittanceNamesTheLine();
    void statusKeysRoundTripAndRanks();
};

void TestPayorJson::centsAreParsedAndFormatted_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("cents"); // -1: not an amount
    QTest::newRow("whole") << QStringLiteral("150") << qint64(15000);
    QTest::newRow("cents") << QStringLiteral("150.25") << qint64(15025);
    QTest::newRow("one decimal") << QStringLiteral("12.5") << qint64(1250);
    QTest::newRow("dollar sign and commas") << QStringLiteral("$1,234.56") << qint64(123456);
    QTest::newRow("leading dot") << QStringLiteral(".99") << qint64(99);
    QTest::newRow("negative") << QStringLiteral("-3.10") << qint64(-310);
    QTest::newRow("three decimals") << QStringLiteral("1.234") << qint64(-1);
    QTest::newRow("letters") << QStringLiteral("12a") << qint64(-1);
    QTest::newRow("bad grouping") << QStringLiteral("1,23") << qint64(-1);
    QTest::newRow("empty") << QString() << qint64(-1);
    QTest::newRow("just a dot") << QStringLiteral(".") << qint64(-1);
}

void TestPayorJson::centsAreParsedAndFormatted()
{
    QFETCH(QString, text);
    QFETCH(qint64, cents);
    const std::optional<qint64> parsed = parseCents(text);
    if (cents == -1) {
        QVERIFY2(!parsed, qPrintable(text));
        return;
    }
    QVERIFY2(parsed, qPrintable(text));
    QCOMPARE(*parsed, cents);
    QCOMPARE(parseCents(formatCents(cents)), cents);
}

void TestPayorJson::dollarsOnTheWireBecomeCents()
{
    QCOMPARE(formatCents(123456789), QStringLiteral("$1,234,567.89"));
    QCOMPARE(formatCents(-5), QStringLiteral("-$0.05"));
    // 0.1 + 0.2 is not 0.3 in binary; the cents must still be exact.
    QCOMPARE(PayorJson::cents(QJsonValue(0.1 + 0.2)), qint64(30));
    QCOMPARE(PayorJson::cents(QJsonValue(1234.56)), qint64(123456));
    QCOMPARE(PayorJson::cents(QJsonValue(QStringLiteral("99.99"))), qint64(9999));
    QVERIFY(!PayorJson::cents(QJsonValue()));
    QVERIFY(!PayorJson::cents(QJsonValue(true)));
    QVERIFY(!PayorJson::cents(QJsonValue(1e300)));
    QCOMPARE(PayorJson::dollars(19999).toDouble(), 199.99);
}

void TestPayorJson::routeClaimCarriesSeedFieldsAndTheWholeClaim()
{
    const QJsonObject body =
        PayorJson::routeClaimBody(sampleClaim(), {QStringLiteral("PRV-1"), QStringLiteral("Clinic")});
    QCOMPARE(body.value(QLatin1String("insurance_id")).toString(), QStringLiteral("INS001"));
    const QJsonObject data = body.value(QLatin1String("claim_data")).toObject();
    QCOMPARE(data.value(QLatin1String("patient_name")).toString(), QStringLiteral("Smith, Jane"));
    QCOMPARE(data.value(QLatin1String("diagnosis_code")).toString(), QStringLiteral("J20.9"));
    QCOMPARE(data.value(QLatin1String("procedure_code")).toString(), QStringLiteral("99213"));
    QCOMPARE(data.value(QLatin1String("amount")).toDouble(), 192.5); // 150 + 42.50 (both units)
    QCOMPARE(data.value(QLatin1String("date_of_service")).toString(),
             QStringLiteral("2026-11-24"));
    QCOMPARE(data.value(QLatin1String("priority")).toString(), QStringLiteral("high"));
    QCOMPARE(data.value(QLatin1String("lines")).toArray().size(), 2);
    QCOMPARE(data.value(QLatin1String("diagnoses")).toArray().size(), 2);
    QCOMPARE(data.value(QLatin1String("provider_id")).toString(), QStringLiteral("PRV-1"));
    QVERIFY(!data.contains(QLatin1String("original_claim_id")));

    Claim replacement = sampleClaim();
    replacement.frequency = ClaimFrequency::Replacement;
    replacement.payerClaimId = QStringLiteral("PCL-000007");
    const QJsonObject corrected =
        PayorJson::routeClaimBody(replacement, {}).value(QLatin1String("claim_data")).toObject();
    QCOMPARE(corrected.value(QLatin1String("frequency_code")).toString(), QStringLiteral("7"));
    QCOMPARE(corrected.value(QLatin1String("original_claim_id")).toString(),
             QStringLiteral("PCL-000007"));
}

void TestPayorJson::routeClaimReadsBack()
{
    const Claim claim = sampleClaim();
    // Through bytes, as it travels.
    const QByteArray wire =
        QJsonDocument(PayorJson::routeClaimBody(claim, {})).toJson(QJsonDocument::Compact);
    const QJsonObject data =
        QJsonDocument::fromJson(wire).object().value(QLatin1String("claim_data")).toObject();
    QStringList errors;
    const Claim read = PayorJson::claimFromClaimData(data, &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
    QCOMPARE(read.claimNumber, claim.claimNumber);
    QCOMPARE(read.patientName, claim.patientName);
    QCOMPARE(read.patientDateOfBirth, claim.patientDateOfBirth);
    QCOMPARE(read.patientGender, claim.patientGender);
    QCOMPARE(read.memberId, claim.memberId);
    QCOMPARE(read.billingProvider, claim.billingProvider);
    QCOMPARE(read.renderingProvider, claim.renderingProvider);
    QCOMPARE(read.dateOfService, claim.dateOfService);
    QCOMPARE(read.priority, claim.priority);
    QCOMPARE(read.diagnoses, claim.diagnoses);
    QCOMPARE(read.lines, claim.lines);
    QCOMPARE(read.totalChargeCents(), 19250);
}

void TestPayorJson::seedOnlyClaimBecomesOneLine()
{
    const QJsonObject data{{QStringLiteral("patient_name"), QStringLiteral("Doe, John")},
                           {QStringLiteral("insurance_id"), QStringLiteral("INS002")},
                           {QStringLiteral("diagnosis_code"), QStringLiteral("i10")},
                           {QStringLiteral("procedure_code"), QStringLiteral("99214")},
                           {QStringLiteral("amount"), QStringLiteral("180.00")},
                           {QStringLiteral("date_of_service"), QStringLiteral("2026-11-20")}};
    QStringList errors;
    const Claim claim = PayorJson::claimFromClaimData(data, &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
    QCOMPARE(claim.diagnoses.size(), 1);
    QCOMPARE(claim.diagnoses.first().code, QStringLiteral("I10"));
    QCOMPARE(claim.lines.size(), 1);
    QCOMPARE(claim.lines.first().chargeCents, qint64(18000));
    QCOMPARE(claim.lines.first().diagnosisPointers, QList<int>{1});
}

void TestPayorJson::structuralProblemsAreNamed()
{
    const QJsonObject data{
        {QStringLiteral("date_of_service"), QStringLiteral("11/24/2026")},
        {QStringLiteral("diagnoses"), QStringLiteral("J20.9")},
        {QStringLiteral("lines"),
         QJsonArray{QStringLiteral("99213"),
                    QJsonObject{{QStringLiteral("procedure_code"), QStringLiteral("99213")},
                                {QStringLiteral("charge"), QStringLiteral("lots")}}}}};
    QStringList errors;
    PayorJson::claimFromClaimData(data, &errors);
    const QString all = errors.join(QLatin1Char('\n'));
    QVERIFY2(all.contains(QLatin1String("date_of_service")), qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("diagnoses: not a list")), qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("lines[0]: not an object")), qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("lines[1].charge")), qPrintable(all));
}

void TestPayorJson::statusReadsReplyAndWebhookSpelling()
{
    PayorJson::ClaimStatusReport report;
    report.payerClaimId = QStringLiteral("PCL-000001");
    report.claimNumber = QStringLiteral("CLM0000042");
    report.statusText = QStringLiteral("partially_paid");
    report.message = QStringLiteral("Line 2 denied");
    report.coverageValidated = true;
    report.approvedCents = 12050;
    report.patientResponsibilityCents = 2500;
    report.expectedPaymentDate = QDate(2026, 12, 15);
    report.updatedAt = QDateTime(QDate(2026, 12, 1), QTime(10, 0, 0, 250), Qt::UTC);
    const QJsonObject json = PayorJson::statusJson(report);
    QString error;
    const auto read = PayorJson::parseStatus(json, &error);
    QVERIFY2(read, qPrintable(error));
    QCOMPARE(read->status, ClaimStatus::PartiallyPaid);
    QCOMPARE(read->approvedCents, qint64(12050));
    QCOMPARE(read->patientResponsibilityCents, qint64(2500));
    QCOMPARE(read->expectedPaymentDate, QDate(2026, 12, 15));
    QCOMPARE(read->updatedAt, report.updatedAt);
    QVERIFY(read->coverageValidated);
    QVERIFY(!read->remittance);

    // The webhook's data says new_status and previous_status.
    const QJsonObject webhook{{QStringLiteral("claim_id"), QStringLiteral("PCL-9")},
                              {QStringLiteral("previous_status"), QStringLiteral("pended")},
                              {QStringLiteral("new_status"), QStringLiteral("Denied")},
                              {QStringLiteral("amount"), 3500.0}};
    const auto fromWebhook = PayorJson::parseStatus(webhook, &error);
    QVERIFY2(fromWebhook, qPrintable(error));
    QCOMPARE(fromWebhook->status, ClaimStatus::Denied);
    QCOMPARE(fromWebhook->previousStatus, QStringLiteral("pended"));
    QCOMPARE(fromWebhook->billedCents, qint64(350000));

    // A status we do not know is kept as text, not guessed.
    const auto unknown = PayorJson::parseStatus(
        {{QStringLiteral("claim_id"), QStringLiteral("PCL-9")},
         {QStringLiteral("status"), QStringLiteral("in_review")}},
        &error);
    QVERIFY(unknown);
    QVERIFY(!unknown->status);
    QCOMPARE(unknown->statusText, QStringLiteral("in_review"));
}

void TestPayorJson::statusWithoutIdIsRefused()
{
    QString error;
    QVERIFY(!PayorJson::parseStatus({{QStringLiteral("status"), QStringLiteral("paid")}}, &error));
    QVERIFY(error.contains(QLatin1String("claim_id")));
    error.clear();
    QVERIFY(!PayorJson::parseStatus({{QStringLiteral("claim_id"), QStringLiteral("X")},
                                     {QStringLiteral("status"), QStringLiteral("paid")},
                                     {QStringLiteral("updated_at"), QStringLiteral("yesterday")}},
                                    &error));
    QVERIFY(error.contains(QLatin1String("yesterday")));
}

void TestPayorJson::remittanceRoundTripsAndBalances()
{
    Remittance remittance;
    remittance.claimNumber = QStringLiteral("CLM0000042");
    remittance.payerClaimId = QStringLiteral("PCL-000001");
    remittance.statusCode = QStringLiteral("1");
    remittance.billedCents = 23500;
    remittance.paidCents = 15000;
    remittance.patientResponsibilityCents = 2500;
    remittance.paymentDate = QDate(2026, 12, 15);
    RemittanceLine visit{QStringLiteral("99213"), {QStringLiteral("25")}, 1, 15000, 12000, 9500,
                         {{QStringLiteral("CO"), QStringLiteral("45"), 3000},
                          {QStringLiteral("PR"), QStringLiteral("3"), 2500}},
                         {}};
    RemittanceLine drug{QStringLiteral("J1100"), {}, 2, 8500, 5500, 5500,
                        {{QStringLiteral("CO"), QStringLiteral("45"), 3000}},
                        {QStringLiteral("N130")}};
    remittance.lines = {visit, drug};
    QString why;
    QVERIFY2(remittance.balances(&why), qPrintable(why));
    QCOMPARE(remittance.patientAdjustmentsCents(), qint64(2500));

    QString error;
    const auto read = PayorJson::parseRemittance(PayorJson::remittanceJson(remittance), &error);
    QVERIFY2(read, qPrintable(error));
    Remittance expected = remittance;
    expected.source = QStringLiteral("payor");
    QCOMPARE(*read, expected);
}

void TestPayorJson::unbalancedRemittanceNamesTheLine()
{
    Remittance remittance;
    remittance.claimNumber = QStringLiteral("CLM7");
    remittance.billedCents = 10000;
    remittance.paidCents = 8000;
    remittance.lines = {{QStringLiteral("99213"), {}, 1, 10000, 8000, 8000,
                         {{QStringLiteral("CO"), QStringLiteral("45"), 1500}}, {}}};
    QString why;
    QVERIFY(!remittance.balances(&why));
    QVERIFY2(why.contains(QLatin1String("Line 1")) && why.contains(QLatin1String("$15.00")),
             qPrintable(why));
    // Fix the line; then the claim total is what is off.
    remittance.lines[0].adjustments[0].amountCents = 2000;
    remittance.claimAdjustments = {{QStringLiteral("OA"), QStringLiteral("23"), 100}};
    QVERIFY(!remittance.balances(&why));
    QVERIFY2(why.contains(QLatin1String("CLM7")), qPrintable(why));
    remittance.claimAdjustments.clear();
    QVERIFY(remittance.balances(&why));
}

void TestPayorJson::statusKeysRoundTripAndRanks()
{
    const QList<ClaimStatus> statuses = allClaimStatuses();
    QCOMPARE(statuses.size(), 14);
    for (ClaimStatus status : statuses) {
        QCOMPARE(claimStatusFromKey(claimStatusKey(status)), status);
        QVERIFY(!claimStatusName(status).isEmpty());
    }
    QCOMPARE(claimStatusKey(ClaimStatus::PartiallyPaid), QStringLiteral("partially_paid"));
    QVERIFY(!claimStatusFromKey(QStringLiteral("lost")));
    // A late "accepted" must not undo "paid"; "pended" follows "accepted".
    QVERIFY(claimStatusRank(ClaimStatus::Paid) > claimStatusRank(ClaimStatus::Accepted));
    QVERIFY(claimStatusRank(ClaimStatus::Pended) > claimStatusRank(ClaimStatus::Accepted));
    QVERIFY(claimStatusRank(ClaimStatus::Accepted) > claimStatusRank(ClaimStatus::Submitted));
    QVERIFY(claimStatusRank(ClaimStatus::Denied) == claimStatusRank(ClaimStatus::Paid));
    QVERIFY(claimStatusIsOpen(ClaimStatus::Pended));
    QVERIFY(!claimStatusIsOpen(ClaimStatus::Paid));
    QCOMPARE(icd10Display(QStringLiteral("j209")), QStringLiteral("J20.9"));
    QCOMPARE(icd10Stored(QStringLiteral(" S72.001A ")), QStringLiteral("S72001A"));
    QCOMPARE(icd10Display(QStringLiteral("R05")), QStringLiteral("R05"));
}

QTEST_GUILESS_MAIN(TestPayorJson)
#include "tst_payorjson.moc"

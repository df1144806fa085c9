// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/claims/claimvalidator.h"

#include "services/domain/dateformats.h"

#include <QSet>
#include <QTest>

#include <functional>

// One clean claim, then one defect at a time: each must produce exactly one issue, on the field
// the form shows it next to, with the severity that decides whether the claim can be queued.

namespace {
const QDate today(2026, 11, 30);

Claim cleanClaim()
{
    Claim claim;
    claim.patientId = 7;
    claim.patientName = QStringLiteral("Smith, Jane");
    claim.insuranceId = QStringLiteral("INS001");
    claim.memberId = QStringLiteral("ACT100001");
    claim.billingProvider = {QStringLiteral("Springfield Family Clinic"),
                             QStringLiteral("1234567893")};
    claim.renderingProvider = {QStringLiteral("Anita Patel"), QStringLiteral("1245319599")};
    claim.placeOfService = QStringLiteral("11");
    claim.dateOfService = QDate(2026, 11, 24);
    claim.diagnoses = {{QStringLiteral("J209"), QStringLiteral("Acute bronchitis, unspecified")},
                       {QStringLiteral("R05"), QStringLiteral("Cough")}};
    claim.lines = {{QStringLiteral("99213"),
                    {QStringLiteral("25")},
                    1,
                    15000,
                    {1, 2},
                    QStringLiteral("Office visit, established")},
                   {QStringLiteral("J1100"), {}, 2, 4250, {1}, QStringLiteral("Dexamethasone")}};
    return claim;
}

ClaimValidator::Context
context(ClaimValidator::Coverage coverage = ClaimValidator::Coverage::Active)
{
    ClaimValidator::Context c;
    c.today = today;
    c.timelyFilingDays = 365;
    const QSet<QString> mapped{QStringLiteral("INS001"), QStringLiteral("INS002")};
    c.isInsuranceMapped = [mapped](const QString &id) {
        return mapped.contains(id);
    };
    c.coverage = coverage;
    return c;
}

Claim changed(const std::function<void(Claim &)> &change)
{
    Claim claim = cleanClaim();
    change(claim);
    return claim;
}

QString describe(const QList<ClaimIssue> &issues)
{
    QStringList parts;
    for (const ClaimIssue &issue : issues)
        parts << QStringLiteral("%1 [%2] %3")
                     .arg(issue.field,
                          issue.severity == ClaimIssue::Severity::Error ? QStringLiteral("error")
                                                                        : QStringLiteral("warning"),
                          issue.message);
    return parts.join(QLatin1Char('\n'));
}

ClaimDiagnosis diagnosis(const char *code)
{
    return {QLatin1String(code), {}};
}

ServiceLine line(QList<int> pointers, qint64 cents = 10000)
{
    return {QStringLiteral("99213"), {}, 1, cents, std::move(pointers), {}};
}

// n distinct, well-formed codes: A00.0, A00.1, …
QList<ClaimDiagnosis> diagnoses(int n)
{
    QList<ClaimDiagnosis> list;
    for (int i = 0; i < n; ++i)
        list.append({QStringLiteral("A0%1%2").arg(i / 10).arg(i % 10), {}});
    return list;
}

// Lines pointing at every one of n diagnoses, four to a line.
QList<ServiceLine> linesPointingAtAll(int n)
{
    QList<ServiceLine> lines;
    for (int first = 1; first <= n; first += 4) {
        QList<int> pointers;
        for (int p = first; p <= qMin(n, first + 3); ++p)
            pointers.append(p);
        lines.append(line(pointers));
    }
    return lines;
}
} // namespace

using Severity = ClaimIssue::Severity;
using Coverage = ClaimValidator::Coverage;

class TestClaimValidator : public QObject
{
    Q_OBJECT

private slots:
    void cleanClaimHasNoIssues();
    void acceptableVariants_data();
    void acceptableVariants();
    void singleDefect_data();
    void singleDefect();
    void timelyFiling_data();
    void timelyFiling();
    void messagesNameWhatIsWrong();
    void unsetMappingMapsNothing();
    void manyDefectsComeInFormOrder();
    void hasErrorsIgnoresWarnings();
};

void TestClaimValidator::cleanClaimHasNoIssues()
{
    const QList<ClaimIssue> issues = ClaimValidator(context()).validate(cleanClaim());
    QVERIFY2(issues.isEmpty(), qPrintable(describe(issues)));
    QVERIFY(!hasErrors(issues));
}

void TestClaimValidator::acceptableVariants_data()
{
    QTest::addColumn<Claim>("claim");
    QTest::newRow("patient by name only") << changed([](Claim &c) { c.patientId = 0; });
    QTest::newRow("patient by id only") << changed([](Claim &c) { c.patientName.clear(); });
    QTest::newRow("no rendering provider") << changed([](Claim &c) { c.renderingProvider = {}; });
    QTest::newRow("diagnosis with dot")
        << changed([](Claim &c) { c.diagnoses[0].code = QStringLiteral("J20.9"); });
    QTest::newRow("insurance id with spaces around")
        << changed([](Claim &c) { c.insuranceId = QStringLiteral(" INS002 "); });
    QTest::newRow("date of service today") << changed([](Claim &c) { c.dateOfService = today; });
    QTest::newRow("exactly 365 days ago")
        << changed([](Claim &c) { c.dateOfService = today.addDays(-365); });
    QTest::newRow("telehealth at home")
        << changed([](Claim &c) { c.placeOfService = QStringLiteral("10"); });
    QTest::newRow("four modifiers") << changed([](Claim &c) {
        c.lines[0].modifiers = {QStringLiteral("25"), QStringLiteral("59"), QStringLiteral("RT"),
                                QStringLiteral("GA")};
    });
    QTest::newRow("999 units") << changed([](Claim &c) { c.lines[1].units = 999; });
    QTest::newRow("one cent") << changed([](Claim &c) { c.lines[1].chargeCents = 1; });
    QTest::newRow("total exactly $1,000,000") << changed([](Claim &c) {
        c.lines[0].chargeCents = ClaimValidator::MaxChargeCents - c.lines[1].chargeCents;
    });
    QTest::newRow("four pointers") << changed([](Claim &c) {
        c.diagnoses = diagnoses(4);
        c.lines[0].diagnosisPointers = {4, 3, 2, 1};
    });
    QTest::newRow("twelve diagnoses") << changed([](Claim &c) {
        c.diagnoses = diagnoses(12);
        c.lines = linesPointingAtAll(12);
    });
    QTest::newRow("fifty lines") << changed([](Claim &c) {
        c.lines = QList<ServiceLine>(50, line({1, 2}));
    });
    QTest::newRow("category II and PLA codes") << changed([](Claim &c) {
        c.lines[0].procedureCode = QStringLiteral("3074F");
        c.lines[1].procedureCode = QStringLiteral("0001U");
    });
}

void TestClaimValidator::acceptableVariants()
{
    QFETCH(Claim, claim);
    const QList<ClaimIssue> issues = ClaimValidator(context()).validate(claim);
    QVERIFY2(issues.isEmpty(), qPrintable(describe(issues)));
}

void TestClaimValidator::singleDefect_data()
{
    QTest::addColumn<Claim>("claim");
    QTest::addColumn<Coverage>("coverage");
    QTest::addColumn<QString>("field");
    QTest::addColumn<Severity>("severity");

    const Coverage active = Coverage::Active;
    const Severity error = Severity::Error;
    const Severity warning = Severity::Warning;
    const auto row = [&](const char *name, Claim claim, const char *field, Severity severity) {
        QTest::newRow(name) << claim << active << QString::fromLatin1(field) << severity;
    };

    row("no patient", changed([](Claim &c) {
            c.patientId = 0;
            c.patientName = QStringLiteral("  ");
        }),
        "patient", error);
    row("no insurance id", changed([](Claim &c) { c.insuranceId.clear(); }), "insuranceId", error);
    row("unmapped insurance id",
        changed([](Claim &c) { c.insuranceId = QStringLiteral("INS999"); }), "insuranceId", error);
    row("no member id", changed([](Claim &c) { c.memberId.clear(); }), "memberId", error);
    row("malformed member id", changed([](Claim &c) { c.memberId = QStringLiteral("A#1"); }),
        "memberId", error);
    row("no billing npi", changed([](Claim &c) { c.billingProvider.npi.clear(); }),
        "billingProvider.npi", error);
    row("billing npi check digit",
        changed([](Claim &c) { c.billingProvider.npi = QStringLiteral("1234567890"); }),
        "billingProvider.npi", error);
    row("billing npi nine digits",
        changed([](Claim &c) { c.billingProvider.npi = QStringLiteral("123456789"); }),
        "billingProvider.npi", error);
    row("rendering npi check digit",
        changed([](Claim &c) { c.renderingProvider.npi = QStringLiteral("1245319590"); }),
        "renderingProvider.npi", error);
    row("place of service one digit",
        changed([](Claim &c) { c.placeOfService = QStringLiteral("1"); }), "placeOfService", error);
    row("place of service empty", changed([](Claim &c) { c.placeOfService.clear(); }),
        "placeOfService", error);
    row("place of service unknown",
        changed([](Claim &c) { c.placeOfService = QStringLiteral("80"); }), "placeOfService",
        warning);
    row("no date of service", changed([](Claim &c) { c.dateOfService = QDate(); }), "dateOfService",
        error);
    row("date of service tomorrow", changed([](Claim &c) { c.dateOfService = today.addDays(1); }),
        "dateOfService", error);
    row("366 days ago", changed([](Claim &c) { c.dateOfService = today.addDays(-366); }),
        "dateOfService", error);

    row("no diagnoses", changed([](Claim &c) { c.diagnoses.clear(); }), "diagnoses", error);
    row("thirteen diagnoses", changed([](Claim &c) {
            c.diagnoses = diagnoses(13);
            c.lines = linesPointingAtAll(13);
        }),
        "diagnoses", error);
    row("empty diagnosis code", changed([](Claim &c) { c.diagnoses[1].code.clear(); }),
        "diagnoses[1].code", error);
    row("misplaced dot", changed([](Claim &c) { c.diagnoses[1].code = QStringLiteral("R0.5"); }),
        "diagnoses[1].code", error);
    row("diagnosis starting with a digit",
        changed([](Claim &c) { c.diagnoses[0].code = QStringLiteral("120.9"); }),
        "diagnoses[0].code", error);
    row("same diagnosis twice, spelt differently", changed([](Claim &c) {
            c.diagnoses.append(diagnosis("J20.9"));
            c.lines[1].diagnosisPointers = {1, 3};
        }),
        "diagnoses[2].code", error);
    row("diagnosis no line points at",
        changed([](Claim &c) { c.diagnoses.append(diagnosis("E119")); }), "diagnoses[2]", warning);

    row("no lines", changed([](Claim &c) { c.lines.clear(); }), "lines", error);
    row("fifty-one lines", changed([](Claim &c) {
            c.lines = QList<ServiceLine>(51, line({1, 2}));
        }),
        "lines", error);
    row("no procedure code", changed([](Claim &c) { c.lines[0].procedureCode.clear(); }),
        "lines[0].procedureCode", error);
    row("four-digit procedure code",
        changed([](Claim &c) { c.lines[1].procedureCode = QStringLiteral("9921"); }),
        "lines[1].procedureCode", error);
    row("HCPCS with unused letter",
        changed([](Claim &c) { c.lines[1].procedureCode = QStringLiteral("O1100"); }),
        "lines[1].procedureCode", error);
    row("five modifiers", changed([](Claim &c) {
            c.lines[0].modifiers = {QStringLiteral("25"), QStringLiteral("59"),
                                    QStringLiteral("RT"), QStringLiteral("GA"),
                                    QStringLiteral("76")};
        }),
        "lines[0].modifiers", error);
    row("modifier twice", changed([](Claim &c) {
            c.lines[1].modifiers = {QStringLiteral("RT"), QStringLiteral("RT")};
        }),
        "lines[1].modifiers", error);
    row("lower-case modifier",
        changed([](Claim &c) { c.lines[1].modifiers = {QStringLiteral("rt")}; }),
        "lines[1].modifiers", error);
    row("three-character modifier",
        changed([](Claim &c) { c.lines[0].modifiers = {QStringLiteral("259")}; }),
        "lines[0].modifiers", error);
    row("zero units", changed([](Claim &c) { c.lines[1].units = 0; }), "lines[1].units", error);
    row("negative units", changed([](Claim &c) { c.lines[0].units = -2; }), "lines[0].units",
        error);
    row("1000 units", changed([](Claim &c) { c.lines[1].units = 1000; }), "lines[1].units", error);
    row("zero charge", changed([](Claim &c) { c.lines[0].chargeCents = 0; }), "lines[0].charge",
        error);
    row("negative charge", changed([](Claim &c) { c.lines[1].chargeCents = -4250; }),
        "lines[1].charge", error);
    row("line over the cap",
        changed([](Claim &c) { c.lines[1].chargeCents = ClaimValidator::MaxChargeCents + 1; }),
        "lines[1].charge", error);
    row("total over the cap", changed([](Claim &c) {
            c.lines[0].chargeCents = ClaimValidator::MaxChargeCents - c.lines[1].chargeCents + 1;
        }),
        "totalCharge", error);
    row("no pointers", changed([](Claim &c) { c.lines[1].diagnosisPointers.clear(); }),
        "lines[1].diagnosisPointers", error);
    row("five pointers", changed([](Claim &c) {
            c.diagnoses = diagnoses(5);
            c.lines[0].diagnosisPointers = {1, 2, 3, 4, 5};
        }),
        "lines[0].diagnosisPointers", error);
    row("pointer zero", changed([](Claim &c) { c.lines[1].diagnosisPointers = {0}; }),
        "lines[1].diagnosisPointers", error);
    row("pointer past the last diagnosis", changed([](Claim &c) {
            c.lines[1].diagnosisPointers = {1, 3};
        }),
        "lines[1].diagnosisPointers", error);
    row("pointer twice", changed([](Claim &c) {
            c.lines[1].diagnosisPointers = {1, 1};
        }),
        "lines[1].diagnosisPointers", error);

    QTest::newRow("coverage not verified")
        << cleanClaim() << Coverage::NotVerified << QStringLiteral("coverage") << warning;
    QTest::newRow("coverage inactive")
        << cleanClaim() << Coverage::Inactive << QStringLiteral("coverage") << warning;
}

void TestClaimValidator::singleDefect()
{
    QFETCH(Claim, claim);
    QFETCH(Coverage, coverage);
    QFETCH(QString, field);
    QFETCH(Severity, severity);

    const QList<ClaimIssue> issues = ClaimValidator(context(coverage)).validate(claim);
    QVERIFY2(issues.size() == 1, qPrintable(describe(issues)));
    const ClaimIssue &issue = issues.first();
    QCOMPARE(issue.field, field);
    QCOMPARE(issue.severity, severity);
    QCOMPARE(hasErrors(issues), severity == Severity::Error);
    QVERIFY(!issue.message.isEmpty());
    // Only coverage needs a reason to be overridden; other warnings are just a second look.
    QCOMPARE(issue.needsOverrideReason, field == QLatin1String("coverage"));
}

void TestClaimValidator::timelyFiling_data()
{
    QTest::addColumn<int>("filingDays");
    QTest::addColumn<int>("daysAgo"); // negative: in the future
    QTest::addColumn<bool>("accepted");
    QTest::newRow("today") << 365 << 0 << true;
    QTest::newRow("tomorrow") << 365 << -1 << false;
    QTest::newRow("a year ahead") << 365 << -365 << false;
    QTest::newRow("yesterday") << 365 << 1 << true;
    QTest::newRow("364 days ago") << 365 << 364 << true;
    QTest::newRow("365 days ago") << 365 << 365 << true;
    QTest::newRow("366 days ago") << 365 << 366 << false;
    QTest::newRow("90-day payor, 90 days ago") << 90 << 90 << true;
    QTest::newRow("90-day payor, 91 days ago") << 90 << 91 << false;
    QTest::newRow("180-day payor, 200 days ago") << 180 << 200 << false;
    QTest::newRow("two-year payor, 400 days ago") << 730 << 400 << true;
}

void TestClaimValidator::timelyFiling()
{
    QFETCH(int, filingDays);
    QFETCH(int, daysAgo);
    QFETCH(bool, accepted);

    ClaimValidator::Context c = context();
    c.timelyFilingDays = filingDays;
    const ClaimValidator validator(c);
    QCOMPARE(validator.oldestFileableDate(), today.addDays(-filingDays));

    const QDate dos = today.addDays(-daysAgo);
    const QList<ClaimIssue> issues =
        validator.validate(changed([&](Claim &claim) { claim.dateOfService = dos; }));
    if (accepted) {
        QVERIFY2(issues.isEmpty(), qPrintable(describe(issues)));
        return;
    }
    QCOMPARE(issues.size(), 1);
    QCOMPARE(issues.first().field, QStringLiteral("dateOfService"));
    QCOMPARE(issues.first().severity, Severity::Error);
    QVERIFY2(issues.first().message.contains(DateFormats::format(dos)),
             qPrintable(issues.first().message));
    if (daysAgo > 0) {
        // Past filing: the message names the last day the claim could have been filed.
        const QString deadline = DateFormats::format(dos.addDays(filingDays));
        QVERIFY2(issues.first().message.contains(deadline), qPrintable(issues.first().message));
        QVERIFY(dos.addDays(filingDays) < today);
    }
}

void TestClaimValidator::messagesNameWhatIsWrong()
{
    const auto messageFor = [](const Claim &claim, ClaimValidator::Context c = context()) {
        const QList<ClaimIssue> issues = ClaimValidator(std::move(c)).validate(claim);
        return issues.size() == 1 ? issues.first().message : describe(issues);
    };

    const QString icd =
        messageFor(changed([](Claim &c) { c.diagnoses[1].code = QStringLiteral("R0.5"); }));
    QVERIFY2(icd.contains(QStringLiteral("“R0.5”")) && icd.contains(QStringLiteral("ICD-10-CM")) &&
                 icd.contains(QStringLiteral("third character")),
             qPrintable(icd));

    const QString cpt =
        messageFor(changed([](Claim &c) { c.lines[1].procedureCode = QStringLiteral("9921"); }));
    QVERIFY2(cpt.contains(QStringLiteral("“9921”")) && cpt.contains(QStringLiteral("CPT")),
             qPrintable(cpt));

    const QString npi =
        messageFor(changed([](Claim &c) { c.billingProvider.npi = QStringLiteral("1234567890"); }));
    QVERIFY2(npi.contains(QStringLiteral("“1234567890”")) &&
                 npi.contains(QStringLiteral("check digit")),
             qPrintable(npi));

    // Pointers and diagnoses are counted from 1 in words, as the biller sees them.
    const QString pointer = messageFor(changed([](Claim &c) {
        c.lines[1].diagnosisPointers = {1, 3};
    }));
    QVERIFY2(pointer.contains(QStringLiteral("Line 2")) &&
                 pointer.contains(QStringLiteral("diagnosis 3")),
             qPrintable(pointer));

    const QString duplicate = messageFor(changed([](Claim &c) {
        c.diagnoses.append(diagnosis("j209"));
        c.lines[1].diagnosisPointers = {1, 3};
    }));
    QVERIFY2(duplicate.contains(QStringLiteral("J20.9")) &&
                 duplicate.contains(QStringLiteral("diagnosis 1")),
             qPrintable(duplicate));

    const QString unmapped =
        messageFor(changed([](Claim &c) { c.insuranceId = QStringLiteral("INS999"); }));
    QVERIFY2(unmapped.contains(QStringLiteral("“INS999”")), qPrintable(unmapped));

    const QString charge = messageFor(
        changed([](Claim &c) { c.lines[0].chargeCents = ClaimValidator::MaxChargeCents + 1; }));
    QVERIFY2(charge.contains(QStringLiteral("$1,000,000.01")), qPrintable(charge));

    // The eligibility answer is quoted, so the biller sees why without leaving the form.
    ClaimValidator::Context inactive = context(Coverage::Inactive);
    inactive.coverageDetail = QStringLiteral("Plan terminated 2026-10-31");
    const QString coverage = messageFor(cleanClaim(), inactive);
    QVERIFY2(coverage.contains(QStringLiteral("Plan terminated 2026-10-31")), qPrintable(coverage));
    QVERIFY2(coverage != messageFor(cleanClaim(), context(Coverage::NotVerified)),
             "inactive and not verified read alike");
}

void TestClaimValidator::unsetMappingMapsNothing()
{
    ClaimValidator::Context c = context();
    c.isInsuranceMapped = nullptr;
    const QList<ClaimIssue> issues = ClaimValidator(c).validate(cleanClaim());
    QCOMPARE(issues.size(), 1);
    QCOMPARE(issues.first().field, QStringLiteral("insuranceId"));
    QCOMPARE(issues.first().severity, Severity::Error);
}

void TestClaimValidator::manyDefectsComeInFormOrder()
{
    Claim claim = cleanClaim();
    claim.patientId = 0;
    claim.patientName.clear();
    claim.billingProvider.npi = QStringLiteral("1234567890");
    claim.placeOfService = QStringLiteral("80");
    claim.diagnoses.append(diagnosis("J2.09"));
    claim.lines[1].units = 0;
    claim.lines[1].chargeCents = 0;
    claim.lines[0].diagnosisPointers = {1, 2, 2};

    const QList<ClaimIssue> issues = ClaimValidator(context(Coverage::NotVerified)).validate(claim);
    QStringList fields;
    for (const ClaimIssue &issue : issues)
        fields << issue.field;
    QCOMPARE(fields, (QStringList{"patient", "billingProvider.npi", "placeOfService", "coverage",
                                  "diagnoses[2].code", "lines[0].diagnosisPointers",
                                  "lines[1].units", "lines[1].charge"}));
    QVERIFY(hasErrors(issues));
}

void TestClaimValidator::hasErrorsIgnoresWarnings()
{
    QVERIFY(!hasErrors({}));
    const ClaimIssue warning{QStringLiteral("coverage"), QStringLiteral("w"), Severity::Warning,
                             true};
    const ClaimIssue error{QStringLiteral("patient"), QStringLiteral("e"), Severity::Error, false};
    QVERIFY(!hasErrors({warning, warning}));
    QVERIFY(hasErrors({warning, error}));
    QVERIFY(hasErrors({error}));
}

QTEST_GUILESS_MAIN(TestClaimValidator)
#include "tst_claimvalidator.moc"

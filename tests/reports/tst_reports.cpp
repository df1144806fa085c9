// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Reports: golden HTML, and the PDF's text as pdftotext reads it.
#include "common/testsupport.h"
#include "services/reports/reportprinter.h"
#include "services/reports/verificationreport.h"
#include "services/sandbox/sandboxclearinghouse.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QDateTime printedAt(QDate(2026, 11, 24), QTime(16, 30), Qt::UTC);

Patient jane()
{
    Patient p;
    p.id = 1;
    p.mrn = QStringLiteral("MRN000001");
    p.firstName = QStringLiteral("Jane");
    p.lastName = QStringLiteral("Smith");
    p.dateOfBirth = QDate(1996, 2, 10);
    p.gender = Gender::Female;
    p.address = {QStringLiteral("123 DustyDepot Ave"),
                 {},
                 QStringLiteral("Springfield"),
                 QStringLiteral("OR"),
                 QStringLiteral("97477")};
    return p;
}

Verification answered(qint64 id, const QString &memberId, VerificationStatus status)
{
    EligibilityRequest request;
    request.payerId = QStringLiteral("INS001");
    request.memberId = memberId;
    request.subscriberFirstName = QStringLiteral("Jane");
    request.subscriberLastName = QStringLiteral("Smith");
    request.subscriberDateOfBirth = QDate(1996, 2, 10);
    request.serviceDate = QDate(2026, 11, 24);
    request.traceNumber = QStringLiteral("%1-00BEEF").arg(id, 8, 10, QLatin1Char('0'));
    Verification v;
    v.id = id;
    v.status = status;
    v.result = SandboxClearinghouse().resultsFor(request, 3).first();
    v.traceNumber = request.traceNumber;
    v.serviceDate = request.serviceDate;
    v.user = QStringLiteral("frontdesk1");
    v.requestedAt = QDateTime(QDate(2026, 11, 24), QTime(16, 2, 10), Qt::UTC);
    v.completedAt = v.requestedAt.addMSecs(412);
    v.durationMs = 412;
    v.attempts = 1;
    if (status == VerificationStatus::Failed) {
        v.error = VerificationError::Rejected;
        const AaaRejection &r = v.result->rejections.first();
        v.errorMessage = r.reason() + QLatin1Char(' ') + r.whatToFix();
        v.aaaCodes = {r.code};
    }
    return v;
}

//! The clinic's fees as the tests set them (not the defaults, which may change).
CollectTodayCalculator fees()
{
    return CollectTodayCalculator(
        {{QStringLiteral("Follow-up"), QStringLiteral("98"), 15000},
         {QStringLiteral("Annual physical"), QStringLiteral("81"), 27500}},
        15000);
}

VerificationReportData reportData()
{
    VerificationReportData data;
    data.patient = jane();
    data.printedAt = printedAt;
    data.printedBy = QStringLiteral("frontdesk1");
    data.training = true;
    Coverage primary;
    primary.id = 10;
    primary.patientId = 1;
    primary.payerId = QStringLiteral("INS001");
    primary.payerName = QStringLiteral("BlueCross BlueShield");
    primary.memberId = QStringLiteral("ACT100001");
    primary.groupNumber = QStringLiteral("GRP10001");
    Coverage secondary = primary;
    secondary.id = 11;
    secondary.order = CoverageOrder::Secondary;
    secondary.payerId = QStringLiteral("INS002");
    secondary.payerName = QStringLiteral("Aetna Health");
    secondary.memberId = QStringLiteral("BAD600006");
    Appointment visit;
    visit.id = 40;
    visit.patientId = 1;
    visit.start = QDateTime(QDate(2026, 11, 24), QTime(17, 0), Qt::UTC); // 9:00 AM in Oregon
    visit.provider = QStringLiteral("Dr. Anita Patel");
    visit.visitType = QStringLiteral("Annual physical");
    data.visitToday = visit;
    const Verification primaryAnswer = answered(7, primary.memberId, VerificationStatus::Verified);
    data.items = {{primary, primaryAnswer, VerificationStatus::Verified,
                   fees().calculate(primaryAnswer.result, visit.visitType)},
                  {secondary, answered(8, secondary.memberId, VerificationStatus::Failed),
                   VerificationStatus::Failed, std::nullopt}};
    return data;
}

DaySheetData daySheetData()
{
    DaySheetData data;
    data.day = QDate(2026, 11, 24);
    data.printedAt = printedAt;
    data.printedBy = QStringLiteral("frontdesk1");
    data.training = true;
    const VerificationReportData report = reportData();
    int minutes = 9 * 60;
    for (const auto &item : report.items) {
        DaySheetData::Row row;
        row.appointment.id = item.coverage.id;
        row.appointment.start = QDateTime(data.day, QTime(0, 0).addSecs(60 * minutes), Qt::UTC);
        row.appointment.provider = QStringLiteral("Dr. Anita Patel");
        row.appointment.visitType = QStringLiteral("Follow-up");
        row.patient = report.patient;
        row.coverage = item.coverage;
        row.verification = item.verification;
        row.status = item.status;
        data.rows.append(row);
        minutes += 30;
    }
    // The same plan for an annual physical: no copay, so an estimate toward the deductible.
    DaySheetData::Row physical = data.rows.first();
    physical.appointment.id = 12;
    physical.appointment.start = physical.appointment.start.addSecs(90 * 60);
    physical.appointment.visitType = QStringLiteral("Annual physical");
    data.rows.append(physical);
    for (const DaySheetData::Row &row : std::as_const(data.rows)) {
        if (row.status == VerificationStatus::Verified)
            data.collect.insert(row.appointment.id, fees().calculate(row.verification->result,
                                                                     row.appointment.visitType));
    }
    DaySheetData::Row unverified;
    unverified.appointment.start = QDateTime(data.day, QTime(10, 0), Qt::UTC);
    unverified.patient = report.patient;
    unverified.patient.firstName = QStringLiteral("Walk-in");
    data.rows.append(unverified);
    return data;
}

void compareGolden(const QString &html, const QString &name)
{
    const QString path = TestSupport::testDataPath(QStringLiteral("reports/") + name);
    if (qEnvironmentVariableIsSet("CLINICDESK_UPDATE_GOLDEN")) {
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(html.toUtf8());
    }
    const QString golden =
        QString::fromUtf8(TestSupport::readTestData(QStringLiteral("reports/") + name));
    QVERIFY2(!golden.isEmpty(), qPrintable(QStringLiteral("missing golden file %1").arg(path)));
    const QStringList got = html.split(QLatin1Char('\n'));
    const QStringList want = golden.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < qMin(got.size(), want.size()); ++i)
        QCOMPARE(got.at(i), want.at(i));
    QCOMPARE(got.size(), want.size());
}

QString pdfText(const QString &path)
{
    QProcess pdftotext;
    pdftotext.start(QStringLiteral("pdftotext"),
                    {QStringLiteral("-layout"), path, QStringLiteral("-")});
    if (!pdftotext.waitForFinished(20000))
        return {};
    return QString::fromUtf8(pdftotext.readAllStandardOutput());
}
} // namespace

class TestReports : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void verificationReportGoldenHtml();
    void daySheetGoldenHtml();
    void verificationReportPdfText();
    void daySheetPdfTextAndPages();
};

void TestReports::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty(),
             "pdftotext (poppler-utils) is needed: scripts/test installs it");
}

void TestReports::verificationReportGoldenHtml()
{
    compareGolden(ReportHtml::verificationReport(reportData()),
                  QStringLiteral("verification_report.html"));
}

void TestReports::daySheetGoldenHtml()
{
    compareGolden(ReportHtml::daySheet(daySheetData()), QStringLiteral("day_sheet.html"));
}

void TestReports::verificationReportPdfText()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("report.pdf"));
    const VerificationReportData data = reportData();
    QString error;
    QVERIFY2(ReportPrinter::savePdf(ReportHtml::verificationReport(data), path,
                                    {ReportHtml::verificationReportTitle(data), true, {}}, &error),
             qPrintable(error));
    const QString text = pdfText(path);
    for (const char *expected : {"Insurance Verification Report",
                                 "Springfield Family Clinic",
                                 "400 Main Street",
                                 "Smith, Jane",
                                 "02/10/1996",
                                 "BlueCross BlueShield",
                                 "ACT100001",
                                 "GRP10001",
                                 "Gold PPO 1500",
                                 "ACTIVE",
                                 "$25.00",
                                 "$1,500.00",
                                 "$700.00",
                                 "$3,200.00",
                                 "20 %",
                                 "Collect today",
                                 "$275.00",
                                 "Annual physical",
                                 "$800.00 of $1,500.00 met",
                                 "$1,800.00 of $5,000.00 met",
                                 "00000007-00BEEF",
                                 "frontdesk1",
                                 "Verified at",
                                 "Coverage dates",
                                 "REJECTED",
                                 "AAA 72",
                                 "Attempted at",
                                 "The member ID is",
                                 "Page 1 of",
                                 "TRAINING"}) {
        QVERIFY2(text.contains(QLatin1String(expected)),
                 qPrintable(
                     QStringLiteral("missing \"%1\" in:\n%2").arg(QLatin1String(expected), text)));
    }
}

void TestReports::daySheetPdfTextAndPages()
{
    DaySheetData data = daySheetData();
    data.training = false;
    // Enough rows for a second page.
    const DaySheetData::Row row = data.rows.first();
    for (int i = 0; i < 40; ++i)
        data.rows.append(row);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("day.pdf"));
    QVERIFY(ReportPrinter::savePdf(ReportHtml::daySheet(data), path,
                                   {ReportHtml::daySheetTitle(data), false, {}, true}));
    const QString text = pdfText(path);
    QVERIFY2(text.contains(QStringLiteral("Day Sheet")), qPrintable(text));
    static const QRegularExpression pageLine(QStringLiteral("Page \\d+ of \\d+"));
    QStringList pages;
    for (auto it = pageLine.globalMatch(text); it.hasNext();)
        pages << it.next().captured(0);
    // 43 rows do not fit on one page: every page is numbered "i of n".
    QVERIFY2(pages.size() >= 2, qPrintable(pages.join(QLatin1Char(','))));
    for (qsizetype i = 0; i < pages.size(); ++i)
        QCOMPARE(pages.at(i), QStringLiteral("Page %1 of %2").arg(i + 1).arg(pages.size()));
    QVERIFY(text.contains(QStringLiteral("$25.00")));
    QVERIFY(text.contains(QStringLiteral("Collect")));
    QVERIFY(text.contains(QStringLiteral("Deductible"))); // "estimate" may wrap in the column
    QVERIFY(text.contains(QStringLiteral("$275.00")));
    QVERIFY(!text.contains(QStringLiteral("TRAINING"))); // not in training: no watermark
}

QTEST_MAIN(TestReports)
#include "tst_reports.moc"

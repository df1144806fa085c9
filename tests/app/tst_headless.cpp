// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The real clinicdesk binary, headless, in training mode with its own data folder.
#include <QDate>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {
struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run runDesk(const QTemporaryDir &home, const QStringList &arguments, int timeoutMs = 60000)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // Isolated settings and data: no clearinghouse configured means training mode.
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("HOME"), home.path());
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(CLINICDESK_BINARY), arguments);
    Run run;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        run.err = QStringLiteral("timed out");
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QString pdfText(const QString &path)
{
    QProcess pdftotext;
    pdftotext.start(QStringLiteral("pdftotext"), {path, QStringLiteral("-")});
    pdftotext.waitForFinished(20000);
    return QString::fromUtf8(pdftotext.readAllStandardOutput());
}
} // namespace

class TestHeadless : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void verifyOnePatientWithPdf();
    void verifyDayWithDaySheet();
    void ambiguousOrUnknownPatient();
    void badArguments();
    void spanishWithLang();
    void conformance();
};

void TestHeadless::verifyOnePatientWithPdf()
{
    QTemporaryDir home;
    const QString pdf = home.filePath(QStringLiteral("jane.pdf"));
    const Run run = runDesk(home, {QStringLiteral("verify"), QStringLiteral("--patient"),
                                   QStringLiteral("Jane"), QStringLiteral("--pdf"), pdf,
                                   QStringLiteral("--user"), QStringLiteral("frontdesk1")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3); // primary, secondary, "Report saved"
    QVERIFY2(lines.at(0).startsWith(
                 QStringLiteral("Smith, Jane | BlueCross BlueShield ACT100001 (Primary): ACTIVE "
                                "Gold PPO 1500, office copay $25.00")),
             qPrintable(run.out));
    QVERIFY2(lines.at(1).contains(QStringLiteral("ACT200102 (Secondary): ACTIVE")),
             qPrintable(run.out));
    QVERIFY(QFile::exists(pdf));
    const QString text = pdfText(pdf);
    QVERIFY2(text.contains(QStringLiteral("ACT100001")) &&
                 text.contains(QStringLiteral("frontdesk1")),
             qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("TRAINING")));

    // Again within 24 hours: reused, not asked again.
    const Run again = runDesk(
        home, {QStringLiteral("verify"), QStringLiteral("--patient"), QStringLiteral("Jane")});
    QCOMPARE(again.exitCode, 0);
    QVERIFY2(again.out.contains(QStringLiteral("reused")), qPrintable(again.out));
}

void TestHeadless::verifyDayWithDaySheet()
{
    QTemporaryDir home;
    const QString pdf = home.filePath(QStringLiteral("day.pdf"));
    const QString tomorrow = QDate::currentDate().addDays(1).toString(Qt::ISODate);
    const Run run = runDesk(home, {QStringLiteral("verify-day"), QStringLiteral("--date"), tomorrow,
                                   QStringLiteral("--pdf"), pdf});
    // Tomorrow's schedule holds members the payer rejects: the exit status says so.
    QVERIFY2(run.exitCode == 1, qPrintable(run.out + run.err));
    QVERIFY(run.out.contains(
        QStringLiteral("Smith, Jane | BlueCross BlueShield ACT100001 (Primary): ACTIVE")));
    QVERIFY(run.out.contains(
        QStringLiteral("Garcia, Maria | Aetna Health BAD600006 (Primary): ERROR")));
    QVERIFY(run.out.contains(
        QStringLiteral("Brown, Kyla | United Healthcare COB400004 (Primary): NEEDS REVIEW")));
    QVERIFY(run.out.contains(
        QStringLiteral("Davis, Emily | United Healthcare ERR500011 (Primary): ERROR")));
    QVERIFY(run.out.contains(QStringLiteral("verified,")));
    QVERIFY(QFile::exists(pdf));
    const QString text = pdfText(pdf);
    QVERIFY2(text.contains(QStringLiteral("Day Sheet")) &&
                 text.contains(QStringLiteral("Garcia, Maria")),
             qPrintable(text));
}

void TestHeadless::ambiguousOrUnknownPatient()
{
    QTemporaryDir home;
    const Run ambiguous = runDesk(
        home, {QStringLiteral("verify"), QStringLiteral("--patient"), QStringLiteral("Smith")});
    QCOMPARE(ambiguous.exitCode, 2);
    QVERIFY2(ambiguous.err.contains(QStringLiteral("matches")), qPrintable(ambiguous.err));
    QVERIFY(ambiguous.err.contains(QStringLiteral("Smith, Jane")));
    const Run unknown = runDesk(
        home, {QStringLiteral("verify"), QStringLiteral("--patient"), QStringLiteral("Nobody")});
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY(unknown.err.contains(QStringLiteral("No patient matches")));
}

void TestHeadless::badArguments()
{
    QTemporaryDir home;
    QCOMPARE(runDesk(home, {QStringLiteral("verify-day"), QStringLiteral("--date"),
                            QStringLiteral("24/11/2026")})
                 .exitCode,
             2);
    QCOMPARE(runDesk(home, {QStringLiteral("verify")}).exitCode, 2);
    QCOMPARE(runDesk(home, {QStringLiteral("frobnicate")}).exitCode, 2);
}

void TestHeadless::spanishWithLang()
{
    QTemporaryDir home;
    const Run run =
        runDesk(home, {QStringLiteral("verify"), QStringLiteral("--patient"),
                       QStringLiteral("Chris"), QStringLiteral("--lang"), QStringLiteral("es")});
    QCOMPARE(run.exitCode, 0);
    // Translated verdict and words, US money formats kept.
    QVERIFY2(run.out.contains(QStringLiteral("ACTIVA")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("$15.00")), qPrintable(run.out));
    QVERIFY(!run.out.contains(QStringLiteral("ACTIVE")));
}

void TestHeadless::conformance()
{
    QTemporaryDir home;
    QDir(home.path()).mkpath(QStringLiteral("samples/x12"));
    auto write = [&](const QString &name, const QByteArray &bytes) {
        QFile f(home.filePath(QStringLiteral("samples/x12/") + name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    };
    write(QStringLiteral("good.270"),
          "ISA*00*          *00*          *ZZ*CLINICDESK     *ZZ*CLEARINGHOUSE  "
          "*261124*0830*^*00501*000000001*0*T*:~"
          "GS*HS*CLINICDESK*CLEARINGHOUSE*20261124*0830*1*X*005010X279A1~ST*270*0001*005010X279A1~"
          "BHT*0022*13*1*20261124*0830~HL*1**20*1~NM1*PR*2*BCBS*****PI*INS001~HL*2*1*21*1~"
          "NM1*1P*2*CLINIC*****XX*1234567893~HL*3*2*22*0~TRN*1*1*9CLINICDSK~NM1*IL*1*SMITH*JANE****"
          "MI*ACT100001~"
          "DMG*D8*19960210*F~DTP*291*D8*20261124~EQ*30~SE*13*0001~GE*1*1~IEA*1*000000001~");
    write(QStringLiteral("truncated.271"), "ISA*00*          *00*    ");
    write(QStringLiteral("README.md"), "not X12");
    const Run run =
        runDesk(home, {QStringLiteral("conformance"), home.filePath(QStringLiteral("samples"))});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QVERIFY2(lines.at(0).contains(QStringLiteral("good.270")), qPrintable(run.out));
    QVERIFY(lines.at(1).contains(QStringLiteral("truncated.271")));
    QCOMPARE(lines.last(), QStringLiteral("2 passed, 0 failed"));
}

QTEST_GUILESS_MAIN(TestHeadless)
#include "tst_headless.moc"

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/claims/claim837writer.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// Another parser's opinion of our 837P: the npm package node-x12 in strict mode, through
// scripts/node-x12-check.sh (which installs it once into a cache outside the repository).
// Without node the check fails: scripts/test installs node and npm.

namespace {
QString checkScript()
{
    return QStringLiteral(CLINICDESK_TEST_DATA "/../../scripts/node-x12-check.sh");
}

Claim claim(int n, ClaimFrequency frequency = ClaimFrequency::Original)
{
    Claim claim;
    claim.claimNumber = QStringLiteral("CLM%1").arg(n, 7, 10, QLatin1Char('0'));
    claim.patientName = QStringLiteral("Smith, Jane");
    claim.patientDateOfBirth = QDate(1985, 3, 14);
    claim.patientGender = Gender::Female;
    claim.insuranceId = QStringLiteral("INS001");
    claim.payerName = QStringLiteral("BlueCross BlueShield");
    claim.memberId = QStringLiteral("ACT100001");
    claim.billingProvider = {QStringLiteral("Springfield Family Clinic"),
                             QStringLiteral("1234567893")};
    claim.renderingProvider = {QStringLiteral("Anita Patel"), QStringLiteral("1245319599")};
    claim.dateOfService = QDate(2026, 3, 20);
    claim.diagnoses = {{QStringLiteral("J209"), {}}, {QStringLiteral("R05"), {}}};
    claim.lines = {{QStringLiteral("99214"), {QStringLiteral("25")}, 1, 17500, {1, 2}, {}},
                   {QStringLiteral("94640"), {}, 2, 9000, {1}, {}}};
    claim.frequency = frequency;
    if (frequency != ClaimFrequency::Original)
        claim.payerClaimId = QStringLiteral("PAYOR-%1").arg(n);
    return claim;
}

struct Run
{
    int exitCode = -1;
    QString output;
};

Run check(const QString &file)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("bash"), {checkScript(), file});
    // The first run may install node-x12 from the registry.
    if (!process.waitForFinished(200000)) {
        process.kill();
        process.waitForFinished();
        return {-1, QStringLiteral("timed out: ") + QString::fromUtf8(process.readAll())};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAll())};
}
} // namespace

class TestClaim837NodeX12 : public QObject
{
    Q_OBJECT

private slots:
    void strictParserReadsOurFile();
    void strictParserRefusesABadCount();
};

void TestClaim837NodeX12::strictParserReadsOurFile()
{
    QVERIFY2(QFile::exists(checkScript()), qPrintable(checkScript()));
    Claim837Options options;
    options.interchangeControlNumber = 31;
    options.groupControlNumber = 32;
    options.transactionControlNumber = 33;
    const Claim837WriteResult written = Claim837Writer::write(
        {claim(1), claim(2, ClaimFrequency::Replacement), claim(3, ClaimFrequency::Void)}, options);
    QVERIFY2(written.ok(), qPrintable(written.error));
    QTemporaryDir temporary;
    QVERIFY(temporary.isValid());
    const QString path = temporary.filePath(QStringLiteral("export.837"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(written.data), written.data.size());
    file.close();

    const Run run = check(path);
    QVERIFY2(run.exitCode == 0, qPrintable(run.output));
    // Its own count of what it read agrees with ours.
    QVERIFY2(run.output.contains(QStringLiteral("1 interchanges, 1 groups, 1 transactions, %1 "
                                                "transaction segments")
                                     .arg(written.segments)),
             qPrintable(run.output));
}

void TestClaim837NodeX12::strictParserRefusesABadCount()
{
    // The check is worth something only if it can fail: one segment fewer than SE01 says.
    const Claim837WriteResult written = Claim837Writer::write({claim(1)}, Claim837Options());
    QVERIFY(written.ok());
    QByteArray damaged = written.data;
    const qsizetype dtp = damaged.indexOf("DTP*472");
    QVERIFY(dtp > 0);
    damaged.remove(dtp, damaged.indexOf('\n', dtp) - dtp + 1);
    QTemporaryDir temporary;
    const QString path = temporary.filePath(QStringLiteral("damaged.837"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(damaged);
    file.close();

    const Run run = check(path);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.output.contains(QLatin1String("SE01")), qPrintable(run.output));
}

QTEST_GUILESS_MAIN(TestClaim837NodeX12)
#include "tst_claim837nodex12.moc"

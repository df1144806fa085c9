// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The headless claim commands of the real clinicdesk binary, in training mode: the sandbox
// payor over loopback, its pended decisions back through the training hub's webhook.
#include "common/deskkey.h"
#include "common/deskprocess.h"
#include "common/testsupport.h"
#include "services/claims/claim837reader.h"
#include "services/store/claimrepository.h"
#include "services/store/store.h"

#include <QDate>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTest>

namespace {
QString dataDir(const QTemporaryDir &home)
{
    return home.filePath(QStringLiteral("desk"));
}

QStringList withData(const QTemporaryDir &home, QStringList arguments)
{
    arguments << QStringLiteral("--data-dir") << dataDir(home);
    return arguments;
}

//! The claims the desk's database holds, read after the process ended.
QList<Claim> storedClaims(const QTemporaryDir &home)
{
    Store store(Store::Options{dataDir(home) + QStringLiteral("/clinicdesk-training.sqlite"), 1,
                               QStringLiteral("check"), TestSupport::trainingDeskKey(dataDir(home))});
    if (!TestSupport::await(store.open()).ok)
        return {};
    const auto claims = TestSupport::await(store.read([](const QString &connection) {
        return ClaimRepository(connection).withStatus({}, 1000);
    }));
    return claims ? *claims : QList<Claim>();
}

int remittanceCount(const QTemporaryDir &home, qint64 claimId)
{
    Store store(Store::Options{dataDir(home) + QStringLiteral("/clinicdesk-training.sqlite"), 1,
                               QStringLiteral("check"), TestSupport::trainingDeskKey(dataDir(home))});
    if (!TestSupport::await(store.open()).ok)
        return -1;
    const auto list = TestSupport::await(store.read([claimId](const QString &connection) {
        return ClaimRepository(connection).remittances(claimId);
    }));
    return list ? int(list->size()) : -1;
}

/*!
  An 835 denying our claim `claimNumber` (billed $125, CO-50 on its one line), with the
  trailer counts right.
 */
QByteArray denial835(const QString &claimNumber, const QString &payerClaimId)
{
    const QString today = QDate::currentDate().toString(QStringLiteral("yyyyMMdd"));
    const QStringList body = {
        QStringLiteral("ST*835*0001"),
        QStringLiteral("BPR*H*0*C*NON************%1").arg(today),
        QStringLiteral("TRN*1*DENY0001*1512345678"),
        QStringLiteral("N1*PR*BLUECROSS BLUESHIELD"),
        QStringLiteral("N1*PE*SPRINGFIELD FAMILY CLINIC*XX*1234567893"),
        QStringLiteral("LX*1"),
        QStringLiteral("CLP*%1*4*125*0**MC*%2").arg(claimNumber, payerClaimId),
        QStringLiteral("NM1*QC*1*SMITH*JANE"),
        QStringLiteral("SVC*HC:99213*125*0**1"),
        QStringLiteral("DTM*472*%1").arg(today),
        QStringLiteral("CAS*CO*50*125"),
    };
    QStringList segments = {
        QStringLiteral("ISA*00*          *00*          *ZZ*BCBS           *ZZ*CLINICDESK     "
                       "*261202*1200*^*00501*000000001*0*T*:"),
        QStringLiteral("GS*HP*BCBS*CLINICDESK*%1*1200*1*X*005010X221A1").arg(today),
    };
    segments += body;
    segments << QStringLiteral("SE*%1*0001").arg(body.size() + 1) << QStringLiteral("GE*1*1")
             << QStringLiteral("IEA*1*000000001");
    return (segments.join(QLatin1Char('~')) + QLatin1Char('~')).toLatin1();
}
} // namespace

class TestClaimCommands : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void submitIsPaidWithItsAdjustmentsExplained();
    void largeClaimIsPendedThenDecidedByWebhook();
    void badArgumentsExitTwo();
    void exportThenRemittanceDenies();
    void syncAsksAboutOpenClaims();
};

void TestClaimCommands::submitIsPaidWithItsAdjustmentsExplained()
{
    QTemporaryDir home;
    const DeskRun run = runDesk(
        home, withData(home, {QStringLiteral("claim"), QStringLiteral("submit"),
                              QStringLiteral("--patient"), QStringLiteral("Smith, Jane"),
                              QStringLiteral("--dx"), QStringLiteral("J20.9"),
                              QStringLiteral("--line"), QStringLiteral("99213:1:125.00")}));
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY(!lines.isEmpty());
    QVERIFY2(lines.first().contains(QLatin1String("Smith, Jane")) &&
                 lines.first().contains(QLatin1String("billed $125.00")) &&
                 lines.first().contains(QLatin1String("Paid (PCL-")),
             qPrintable(run.out));
    // The $25 over the fee schedule and the patient's share, each in words.
    QVERIFY2(run.out.contains(QRegularExpression(QStringLiteral("CO-45 \\$25\\.00 .*fee schedule"))),
             qPrintable(run.out));
    QVERIFY2(run.out.contains(QRegularExpression(QStringLiteral("PR-\\d \\$"))), qPrintable(run.out));

    const QList<Claim> claims = storedClaims(home);
    QCOMPARE(claims.size(), 1);
    QCOMPARE(claims.first().status, ClaimStatus::Paid);
    QVERIFY(claims.first().payerClaimId.startsWith(QLatin1String("PCL-")));
    QCOMPARE(claims.first().totalChargeCents(), 12500);
    QCOMPARE(claims.first().allowedCents,
             claims.first().paidCents + claims.first().patientResponsibilityCents);

    // Listed, with a CSV of the same claims; a status filter that matches none lists none.
    const QString csv = home.filePath(QStringLiteral("paid.csv"));
    DeskRun listed = runDesk(home, withData(home, {QStringLiteral("claims"), QStringLiteral("list"),
                                                   QStringLiteral("--status"), QStringLiteral("paid"),
                                                   QStringLiteral("--csv"), csv}));
    QVERIFY2(listed.exitCode == 0, qPrintable(listed.out + listed.err));
    QVERIFY2(listed.out.contains(claims.first().claimNumber + QLatin1String("  Smith, Jane")),
             qPrintable(listed.out));
    QVERIFY(listed.out.contains(QLatin1String("1 claim")));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString content = QString::fromUtf8(file.readAll());
    QVERIFY2(content.contains(claims.first().claimNumber + QLatin1String(",\"Smith, Jane\"")),
             qPrintable(content));
    listed = runDesk(home, withData(home, {QStringLiteral("claims"), QStringLiteral("list"),
                                           QStringLiteral("--status"), QStringLiteral("denied")}));
    QCOMPARE(listed.exitCode, 0);
    QVERIFY(listed.out.contains(QLatin1String("0 claims")));
    QVERIFY(!listed.out.contains(claims.first().claimNumber));
    listed = runDesk(home, withData(home, {QStringLiteral("claims"), QStringLiteral("list"),
                                           QStringLiteral("--status"), QStringLiteral("nope")}));
    QCOMPARE(listed.exitCode, 2);
}

void TestClaimCommands::largeClaimIsPendedThenDecidedByWebhook()
{
    QTemporaryDir home;
    const DeskRun run = runDesk(
        home,
        withData(home, {QStringLiteral("claim"), QStringLiteral("submit"),
                        QStringLiteral("--patient"), QStringLiteral("Smith, Jane"),
                        QStringLiteral("--dx"), QStringLiteral("J20.9"), QStringLiteral("--dx"),
                        QStringLiteral("R05.9"), QStringLiteral("--line"),
                        QStringLiteral("99215:1:500"), QStringLiteral("--line"),
                        QStringLiteral("71046:26:1:3000.00:1,2"), QStringLiteral("--wait")}),
        120000);
    const QList<Claim> claims = storedClaims(home);
    QCOMPARE(claims.size(), 1);
    const Claim &claim = claims.first();
    QCOMPARE(claim.totalChargeCents(), 350000);
    QVERIFY2(!claimStatusIsOpen(claim.status), qPrintable(claimStatusKey(claim.status)));
    QCOMPARE(run.exitCode, claim.status == ClaimStatus::Denied ? 1 : 0);
    QVERIFY2(run.out.contains(claimStatusName(claim.status)), qPrintable(run.out));
    QCOMPARE(claim.lines.at(1).modifiers, QStringList{QStringLiteral("26")});
    QCOMPARE(claim.lines.at(1).diagnosisPointers, (QList<int>{1, 2}));

    // The timeline shows it pended first, then the decision from the payor's webhook (or the
    // sync the waiting command runs when no webhook comes).
    Store store(Store::Options{dataDir(home) + QStringLiteral("/clinicdesk-training.sqlite"), 1,
                               QStringLiteral("check"), TestSupport::trainingDeskKey(dataDir(home))});
    QVERIFY(TestSupport::await(store.open()).ok);
    const auto timeline = TestSupport::await(store.read([id = claim.id](const QString &c) {
        return ClaimRepository(c).timeline(id);
    }));
    QVERIFY(timeline);
    QStringList steps;
    for (const ClaimTimelineEntry &entry : *timeline)
        steps << claimStatusKey(entry.status) + QLatin1Char('/') + claimEventSourceKey(entry.source);
    QVERIFY2(steps.contains(QLatin1String("pended/payor")), qPrintable(steps.join(u' ')));
    QVERIFY2(steps.last().startsWith(claimStatusKey(claim.status)) &&
                 (steps.last().endsWith(QLatin1String("webhook")) ||
                  steps.last().endsWith(QLatin1String("sync"))),
             qPrintable(steps.join(u' ')));
}

void TestClaimCommands::badArgumentsExitTwo()
{
    QTemporaryDir home;
    const QStringList submit = {QStringLiteral("claim"), QStringLiteral("submit"),
                                QStringLiteral("--patient"), QStringLiteral("Smith, Jane")};
    // No diagnosis.
    DeskRun run = runDesk(home, withData(home, submit + QStringList{QStringLiteral("--line"),
                                                                    QStringLiteral("99213:1:125")}));
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QLatin1String("usage")), qPrintable(run.err));
    // A line that is not one.
    run = runDesk(home, withData(home, submit + QStringList{QStringLiteral("--dx"),
                                                            QStringLiteral("J20.9"),
                                                            QStringLiteral("--line"),
                                                            QStringLiteral("99213:one:125")}));
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QLatin1String("99213:one:125")), qPrintable(run.err));
    // A diagnosis of the wrong shape and a zero charge: each named on its field.
    run = runDesk(home, withData(home, submit + QStringList{QStringLiteral("--dx"),
                                                            QStringLiteral("20J.9"),
                                                            QStringLiteral("--line"),
                                                            QStringLiteral("99213:1:0")}));
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QLatin1String("[diagnoses[0].code]")) &&
                 run.err.contains(QLatin1String("[lines[0].charge]")),
             qPrintable(run.err));
    // A date of service in the future.
    run = runDesk(home, withData(home, submit + QStringList{
                                           QStringLiteral("--dx"), QStringLiteral("J20.9"),
                                           QStringLiteral("--line"), QStringLiteral("99213:1:125"),
                                           QStringLiteral("--dos"),
                                           QDate::currentDate().addDays(3).toString(Qt::ISODate)}));
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QLatin1String("[dateOfService]")), qPrintable(run.err));
    // Nobody of that name.
    run = runDesk(home, withData(home, {QStringLiteral("claim"), QStringLiteral("submit"),
                                        QStringLiteral("--patient"), QStringLiteral("Nobody, Zed"),
                                        QStringLiteral("--dx"), QStringLiteral("J20.9"),
                                        QStringLiteral("--line"), QStringLiteral("99213:1:125")}));
    QCOMPARE(run.exitCode, 2);
    run = runDesk(home, withData(home, {QStringLiteral("claims"), QStringLiteral("export-837"),
                                        QStringLiteral("--since"), QStringLiteral("yesterday")}));
    QCOMPARE(run.exitCode, 2);
    run = runDesk(home, withData(home, {QStringLiteral("remit"), QStringLiteral("import")}));
    QCOMPARE(run.exitCode, 2);
    // Nothing of the refused claims was stored.
    QVERIFY(storedClaims(home).isEmpty());
}

void TestClaimCommands::exportThenRemittanceDenies()
{
    QTemporaryDir home;
    DeskRun run = runDesk(
        home, withData(home, {QStringLiteral("claim"), QStringLiteral("submit"),
                              QStringLiteral("--patient"), QStringLiteral("Smith, Jane"),
                              QStringLiteral("--dx"), QStringLiteral("J20.9"),
                              QStringLiteral("--line"), QStringLiteral("99213:1:125.00")}));
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    const Claim paid = storedClaims(home).value(0);
    QCOMPARE(paid.status, ClaimStatus::Paid);

    const QString x837 = home.filePath(QStringLiteral("day.837"));
    run = runDesk(home, withData(home, {QStringLiteral("claims"), QStringLiteral("export-837"),
                                        QStringLiteral("--since"),
                                        QDate::currentDate().toString(Qt::ISODate),
                                        QStringLiteral("--out"), x837}));
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    QVERIFY(run.out.contains(paid.claimNumber));
    QCOMPARE(QFileInfo(x837).permissions() & (QFile::ReadGroup | QFile::ReadOther),
             QFileDevice::Permissions());
    QFile file(x837);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const Claim837ReadResult read = Claim837Handler::read(file.readAll());
    QVERIFY2(read.ok(), qPrintable(read.error));
    QCOMPARE(read.claims.size(), 1);
    QCOMPARE(read.claims.first().claimNumber, paid.claimNumber);
    QCOMPARE(read.claims.first().totalChargeCents(), 12500);

    // The payor's 835 later denies it: applied to our claim, its money record kept once.
    const QString x835 = home.filePath(QStringLiteral("deny.835"));
    QFile out(x835);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(denial835(paid.claimNumber, paid.payerClaimId));
    out.close();
    const int before = remittanceCount(home, paid.id);
    run = runDesk(home, withData(home, {QStringLiteral("remit"), QStringLiteral("import"), x835}));
    QCOMPARE(run.exitCode, 1); // a claim ended denied
    QVERIFY2(run.out.contains(QLatin1String("1 applied to our claims")), qPrintable(run.out));
    QCOMPARE(storedClaims(home).value(0).status, ClaimStatus::Denied);
    QCOMPARE(remittanceCount(home, paid.id), before + 1);
    run = runDesk(home, withData(home, {QStringLiteral("remit"), QStringLiteral("import"), x835}));
    QCOMPARE(remittanceCount(home, paid.id), before + 1);
    // A file that is not X12 changes nothing and says why.
    QFile junk(home.filePath(QStringLiteral("junk.835")));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write("{\"not\": \"x12\"}");
    junk.close();
    run = runDesk(home, withData(home, {QStringLiteral("remit"), QStringLiteral("import"),
                                        junk.fileName()}));
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QLatin1String("junk.835")), qPrintable(run.err));
}

void TestClaimCommands::syncAsksAboutOpenClaims()
{
    QTemporaryDir home;
    // Sent without waiting for the decision: it ends the command pended.
    DeskRun run = runDesk(
        home, withData(home, {QStringLiteral("claim"), QStringLiteral("submit"),
                              QStringLiteral("--patient"), QStringLiteral("Smith, Jane"),
                              QStringLiteral("--dx"), QStringLiteral("J20.9"),
                              QStringLiteral("--line"), QStringLiteral("99215:1:2500.00")}));
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    QVERIFY2(run.out.contains(QLatin1String("Pended")), qPrintable(run.out));
    run = runDesk(home, withData(home, {QStringLiteral("claims"), QStringLiteral("sync")}));
    QVERIFY2(run.out.contains(QRegularExpression(QStringLiteral("Asked the payor about \\d+ open"))),
             qPrintable(run.out + run.err));
}

QTEST_GUILESS_MAIN(TestClaimCommands)
#include "tst_claimcommands.moc"

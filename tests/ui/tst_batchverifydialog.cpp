// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Batch verification as the front desk sees it, against the real store and the sandbox payer:
// it asks before anything is sent, lists problems first, counts an inactive coverage as
// inactive (not verified), and after Cancel keeps its progress and names what is left to do.
#include "common/trainingenvironment.h"
#include "models/schedulemodel.h"
#include "services/eligibility/batchverification.h"
#include "services/store/verificationrepository.h"
#include "ui/batchverifydialog.h"
#include "ui/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QMenuBar>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

using Outcome = BatchVerification::Outcome;

namespace {
int auditCount(TrainingEnvironment &env, const QString &action)
{
    int count = 0;
    for (const AuditEntry &entry : env.auditEntries())
        count += entry.action == action ? 1 : 0;
    return count;
}

QString cell(QTreeWidget *list, int row, int column)
{
    return list->topLevelItem(row)->text(column);
}

QLabel *label(QWidget &dialog, const char *name)
{
    return dialog.findChild<QLabel *>(QLatin1String(name));
}

//! Every attempt of these coverages, read on the writer after the writes queued before it.
QList<Verification> attemptsOf(TrainingEnvironment &env, const QList<qint64> &coverageIds)
{
    return env.write([coverageIds](const QString &connection) {
        QList<Verification> all;
        for (const qint64 id : coverageIds)
            all += VerificationRepository(connection).historyForCoverage(id).valueOr({});
        return all;
    });
}
} // namespace

class TestBatchVerifyDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void asksBeforeStarting();
    void scheduleAsksWithDayAndCount();
    void problemsFirstAndInactiveIsNotVerified();
    void cancelKeepsProgressAndNamesWhatIsLeft();
};

void TestBatchVerifyDialog::asksBeforeStarting()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    const QList<qint64> ids{env.coverageId(QStringLiteral("ACT100001")),
                            env.coverageId(QStringLiteral("INA500005")),
                            env.coverageId(QStringLiteral("BAD600006"))};
    QVERIFY(!ids.contains(0));
    const int runsBefore = auditCount(env, QStringLiteral("verification.run"));

    BatchVerifyDialog dialog(&env.service(), env.service().verifyCoverages(ids),
                             QStringLiteral("Verify"), QStringLiteral("3 appointments on Monday"));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTRY_VERIFY(dialog.batch()->isPrepared());
    // What will be verified is on screen, with a Start button, and nothing has been sent.
    QVERIFY(!dialog.batch()->isStarted());
    QVERIFY(dialog.startButton()->isVisible());
    QVERIFY(dialog.startButton()->isEnabled());
    QCOMPARE(dialog.startButton()->text(), QStringLiteral("&Start"));
    const QString intro = label(dialog, "batchIntro")->text();
    QVERIFY2(intro.contains(QStringLiteral("3 coverages to verify for 3 appointments on Monday")),
             qPrintable(intro));
    QVERIFY(!intro.contains(QStringLiteral("(s)")));
    QCOMPARE(dialog.resultList()->topLevelItemCount(), 3);
    for (int row = 0; row < 3; ++row)
        QCOMPARE(cell(dialog.resultList(), row, BatchVerifyDialog::StatusColumn),
                 QStringLiteral("Waiting"));
    QStringList members;
    for (int row = 0; row < 3; ++row)
        members << cell(dialog.resultList(), row, BatchVerifyDialog::MemberIdColumn);
    members.sort();
    QCOMPARE(members, (QStringList{"ACT100001", "BAD600006", "INA500005"}));
    QTest::qWait(200);
    QCOMPARE(auditCount(env, QStringLiteral("verification.run")), runsBefore);

    // Esc before Start closes it and verifies nothing.
    QTest::keyClick(&dialog, Qt::Key_Escape);
    QVERIFY(!dialog.isVisible());
    QVERIFY(dialog.batch()->isFinished());
    QVERIFY(!dialog.batch()->isStarted());
    QTest::qWait(200);
    QCOMPARE(auditCount(env, QStringLiteral("verification.run")), runsBefore);
    QCOMPARE(attemptsOf(env, ids).size(), 0);

    // One coverage reads "1 coverage", not "1 coverage(s)"; Start (Enter) sends it.
    BatchVerifyDialog one(&env.service(), env.service().verifyCoverages({ids.first()}),
                          QStringLiteral("Verify"));
    one.show();
    QVERIFY(QTest::qWaitForWindowExposed(&one));
    QTRY_VERIFY(one.startButton()->isEnabled());
    QVERIFY2(label(one, "batchIntro")->text().startsWith(QStringLiteral("1 coverage to verify.")),
             qPrintable(label(one, "batchIntro")->text()));
    QSignalSpy finished(one.batch(), &BatchVerification::finished);
    QTest::keyClick(one.startButton(), Qt::Key_Return);
    QVERIFY(one.batch()->isStarted());
    QVERIFY(finished.wait(20000));
    QCOMPARE(one.batch()->count(Outcome::Active), 1);
    QCOMPARE(auditCount(env, QStringLiteral("verification.run")), runsBefore + 1);
}

void TestBatchVerifyDialog::scheduleAsksWithDayAndCount()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    DeskEnvironment desk;
    desk.patients = &env.patients();
    desk.eligibility = &env.service();
    desk.reports = &env.reports();
    desk.user = QStringLiteral("tester");
    MainWindow window(desk);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY(window.scheduleModel()->rowCount() > 1);
    const int appointments = window.scheduleModel()->rowCount();
    const int coverages = int(window.scheduleModel()->coverageIds().size());
    QVERIFY(coverages > 1);
    // The menu item keeps its "…": it opens a dialog that asks.
    bool menuItem = false;
    for (QAction *action : window.findChildren<QAction *>())
        menuItem = menuItem || action->text() == QStringLiteral("Verify &Schedule…");
    QVERIFY(menuItem);
    const int runsBefore = auditCount(env, QStringLiteral("verification.run"));

    window.verifySchedule();
    QPointer<BatchVerifyDialog> dialog = window.findChild<BatchVerifyDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QTRY_VERIFY(dialog->batch()->isPrepared());
    QVERIFY(!dialog->batch()->isStarted());
    QCOMPARE(dialog->batch()->total(), coverages);
    const QString intro = dialog->findChild<QLabel *>(QStringLiteral("batchIntro"))->text();
    const QString expected = QStringLiteral("%1 coverages to verify for %2 appointments on %3.")
                                 .arg(coverages)
                                 .arg(appointments)
                                 .arg(QDate::currentDate().toString(QStringLiteral("MM/dd/yyyy")));
    QVERIFY2(intro.contains(expected), qPrintable(intro + QStringLiteral(" / ") + expected));
    QVERIFY(dialog->startButton()->hasFocus());

    // Cancel before starting: the dialog goes, nothing is verified.
    QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel),
                      Qt::LeftButton);
    QTRY_VERIFY(!dialog); // deleted on close
    QTest::qWait(200);
    QCOMPARE(auditCount(env, QStringLiteral("verification.run")), runsBefore);
}

void TestBatchVerifyDialog::problemsFirstAndInactiveIsNotVerified()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    // Names in the reverse of the problems-first order, so name order alone would not pass.
    const qint64 active1 = env.addPatientWithCoverage(
        QStringLiteral("Ann"), QStringLiteral("Abbot"), QStringLiteral("ACT1A0001"));
    const qint64 active2 =
        env.addPatientWithCoverage(QStringLiteral("Bo"), QStringLiteral("Abbot"),
                                   QStringLiteral("ACT1A0002"), QStringLiteral("INS002"));
    const qint64 review = env.addPatientWithCoverage(QStringLiteral("Cy"), QStringLiteral("Baker"),
                                                     QStringLiteral("COB4A0003"));
    const qint64 inactive = env.addPatientWithCoverage(
        QStringLiteral("Di"), QStringLiteral("Carter"), QStringLiteral("INA5A0004"));
    const qint64 unreachable = env.addPatientWithCoverage(
        QStringLiteral("Ed"), QStringLiteral("Dunn"), QStringLiteral("ERR5A0005"));
    const qint64 rejected = env.addPatientWithCoverage(
        QStringLiteral("Flo"), QStringLiteral("Evans"), QStringLiteral("BAD6A0006"));
    const QList<qint64> ids{active1, active2, review, inactive, unreachable, rejected};
    QVERIFY(!ids.contains(0));

    BatchVerifyDialog dialog(&env.service(), env.service().verifyCoverages(ids),
                             QStringLiteral("Verify"));
    dialog.show();
    QTRY_VERIFY(dialog.startButton()->isEnabled());
    QSignalSpy finished(dialog.batch(), &BatchVerification::finished);
    QTest::mouseClick(dialog.startButton(), Qt::LeftButton);
    QVERIFY(finished.wait(30000));
    QCOMPARE(dialog.batch()->error(), Job::Error::NoError);

    QTreeWidget *list = dialog.resultList();
    QCOMPARE(list->topLevelItemCount(), 6);
    const QStringList patients{"Evans, Flo", "Dunn, Ed",   "Carter, Di",
                               "Baker, Cy",  "Abbot, Ann", "Abbot, Bo"};
    const QStringList statuses{"REJECTED (AAA 72)", "COULD NOT VERIFY", "INACTIVE",
                               "NEEDS REVIEW",      "ACTIVE",           "ACTIVE"};
    const QStringList memberIds{"BAD6A0006", "ERR5A0005", "INA5A0004",
                                "COB4A0003", "ACT1A0001", "ACT1A0002"};
    for (int row = 0; row < 6; ++row) {
        QCOMPARE(cell(list, row, BatchVerifyDialog::PatientColumn), patients.at(row));
        QCOMPARE(cell(list, row, BatchVerifyDialog::StatusColumn), statuses.at(row));
        QCOMPARE(cell(list, row, BatchVerifyDialog::MemberIdColumn), memberIds.at(row));
        QVERIFY(!cell(list, row, BatchVerifyDialog::PayerColumn).isEmpty());
    }
    QCOMPARE(cell(list, 5, BatchVerifyDialog::PayerColumn), QStringLiteral("Aetna Health"));

    // The payer answered for the inactive coverage (status verified), but it is not counted as
    // verified: only the two active ones are.
    QCOMPARE(dialog.batch()->countWithStatus(VerificationStatus::Verified), 3);
    QCOMPARE(dialog.batch()->count(Outcome::Active), 2);
    QCOMPARE(dialog.batch()->count(Outcome::Inactive), 1);
    QCOMPARE(dialog.batch()->count(Outcome::NeedsReview), 1);
    QCOMPARE(dialog.batch()->count(Outcome::Rejected), 1);
    QCOMPARE(dialog.batch()->count(Outcome::CouldNotVerify), 1);
    QCOMPARE(dialog.batch()->count(Outcome::NotVerified), 0);
    QCOMPARE(label(dialog, "batchCounts")->text(),
             QStringLiteral("Verified active: 2 · Inactive: 1 · Needs review: 1 · Rejected: 1 · "
                            "Could not verify: 1 · Not verified: 0"));
    auto *progress = dialog.findChild<QProgressBar *>(QStringLiteral("batchProgress"));
    QCOMPARE(progress->value(), 6);
    QCOMPARE(progress->maximum(), 6);
    QVERIFY(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Close));

    // Enter on a row opens that patient.
    QSignalSpy opened(&dialog, &BatchVerifyDialog::patientActivated);
    list->setFocus();
    list->setCurrentItem(list->topLevelItem(0));
    QTest::keyClick(list, Qt::Key_Return);
    QCOMPARE(opened.size(), 1);
    const qint64 floId = env.patientId(QStringLiteral("Flo"));
    QCOMPARE(opened.at(0).at(0).toLongLong(), floId);
}

void TestBatchVerifyDialog::cancelKeepsProgressAndNamesWhatIsLeft()
{
    TrainingEnvironment::Options options;
    options.timeoutMs = 10000;   // the slow payer stays in flight until Cancel
    options.slowDelayMs = 30000; // and never answers during the test
    TrainingEnvironment env(options);
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    // Three quick answers first, then ten slow ones (eight go out at once).
    QList<qint64> quick{
        env.addPatientWithCoverage(QStringLiteral("Quick"), QStringLiteral("Active"),
                                   QStringLiteral("ACT1B0001")),
        env.addPatientWithCoverage(QStringLiteral("Quick"), QStringLiteral("Inactive"),
                                   QStringLiteral("INA5B0002")),
        env.addPatientWithCoverage(QStringLiteral("Quick"), QStringLiteral("Rejected"),
                                   QStringLiteral("BAD6B0003"))};
    QList<qint64> slow;
    for (int i = 0; i < 10; ++i)
        slow << env.addPatientWithCoverage(
            QStringLiteral("Slow"), QStringLiteral("Wait%1").arg(i, 2, 10, QLatin1Char('0')),
            QStringLiteral("SLOW2%1").arg(i, 4, 10, QLatin1Char('0')));
    QVERIFY(!quick.contains(0) && !slow.contains(0));

    BatchVerifyDialog dialog(&env.service(), env.service().verifyCoverages(quick + slow),
                             QStringLiteral("Verify"));
    dialog.show();
    QTRY_VERIFY(dialog.startButton()->isEnabled());
    QSignalSpy finished(dialog.batch(), &BatchVerification::finished);
    dialog.start();
    QTRY_COMPARE_WITH_TIMEOUT(dialog.batch()->done(), 3, 15000);
    QVERIFY(dialog.batch()->isRunning());
    auto *progress = dialog.findChild<QProgressBar *>(QStringLiteral("batchProgress"));
    QCOMPARE(progress->value(), 3);

    auto *buttons = dialog.findChild<QDialogButtonBox *>();
    QTest::mouseClick(buttons->button(QDialogButtonBox::Cancel), Qt::LeftButton);
    QVERIFY(finished.size() == 1 || finished.wait(5000));
    QVERIFY(dialog.batch()->wasCancelled());
    QVERIFY(dialog.isVisible()); // stays open to say what happened
    QVERIFY(buttons->button(QDialogButtonBox::Close));
    QVERIFY(!dialog.startButton()->isVisible());
    QCOMPARE(label(dialog, "batchIntro")->text(), QStringLiteral("13 coverages to verify."));

    // The bar stays where it got: three checked out of thirteen.
    QCOMPARE(progress->value(), 3);
    QCOMPARE(progress->maximum(), 13);
    QCOMPARE(progress->text(), QStringLiteral("3 of 13 checked before you cancelled"));

    // Counts: one active, one inactive, one rejected, ten not verified.
    QCOMPARE(dialog.batch()->count(Outcome::Active), 1);
    QCOMPARE(dialog.batch()->count(Outcome::Inactive), 1);
    QCOMPARE(dialog.batch()->count(Outcome::Rejected), 1);
    QCOMPARE(dialog.batch()->count(Outcome::NotVerified), 10);
    QCOMPARE(label(dialog, "batchCounts")->text(),
             QStringLiteral("Verified active: 1 · Inactive: 1 · Needs review: 0 · Rejected: 1 · "
                            "Could not verify: 0 · Not verified: 10"));

    // What is left is named: in the summary and as NOT VERIFIED rows.
    const QList<CoverageSubject> left = dialog.batch()->notVerified();
    QCOMPARE(left.size(), 10);
    for (const CoverageSubject &subject : left)
        QVERIFY(slow.contains(subject.coverage.id));
    const QString summary = label(dialog, "batchSummary")->text();
    QVERIFY(label(dialog, "batchSummary")->isVisible());
    QVERIFY2(summary.startsWith(QStringLiteral("Cancelled. Not verified, still to do: ")),
             qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("Wait00, Slow (BlueCross BlueShield), "
                                             "Wait01, Slow (BlueCross BlueShield)")),
             qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("Wait07, Slow")), qPrintable(summary));
    QVERIFY2(!summary.contains(QStringLiteral("Wait08")), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("and 2 more")), qPrintable(summary));
    QTreeWidget *list = dialog.resultList();
    QCOMPARE(list->topLevelItemCount(), 13);
    int notVerifiedRows = 0;
    for (int row = 0; row < list->topLevelItemCount(); ++row) {
        if (cell(list, row, BatchVerifyDialog::StatusColumn) == QStringLiteral("NOT VERIFIED")) {
            ++notVerifiedRows;
            QVERIFY(cell(list, row, BatchVerifyDialog::MemberIdColumn)
                        .startsWith(QStringLiteral("SLOW2")));
        }
    }
    QCOMPARE(notVerifiedRows, 10);
    QCOMPARE(cell(list, 0, BatchVerifyDialog::StatusColumn), QStringLiteral("REJECTED (AAA 72)"));
    QCOMPARE(cell(list, 12, BatchVerifyDialog::StatusColumn), QStringLiteral("ACTIVE"));

    // Nothing is left half done: the attempts that were out are closed as cancelled, and no
    // attempt stays pending; the slow coverages have no answer.
    QTest::qWait(100); // the cancelled attempts are closed behind the cancel
    const QList<Verification> attempts = attemptsOf(env, slow);
    QVERIFY(attempts.size() <= 8); // at most the eight that went out
    for (const Verification &v : attempts) {
        QCOMPARE(v.status, VerificationStatus::Failed);
        QCOMPARE(v.error, VerificationError::Cancelled);
    }
    QCOMPARE(attemptsOf(env, quick).size(), 3);

    // Close now closes.
    QTest::mouseClick(buttons->button(QDialogButtonBox::Close), Qt::LeftButton);
    QVERIFY(!dialog.isVisible());
}

QTEST_MAIN(TestBatchVerifyDialog)
#include "tst_batchverifydialog.moc"

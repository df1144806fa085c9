// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The status panel on the patient page, against the sandbox: a slow verification shows its try
// and the time waited and can be cancelled; a failure enables Retry at once; a refusal reads
// REJECTED with its code; another primary payer offers Add Coverage (prefilled) and Reorder
// Coverages in readable colours; a dependent's answer names the subscriber, and the group and
// plan the payer returned can be saved onto the coverage.
#include "common/trainingenvironment.h"
#include "models/coveragemodel.h"
#include "models/verificationhistorymodel.h"
#include "services/eligibility/benefitsummary.h"
#include "services/store/coveragerepository.h"
#include "ui/colorcontrast.h"
#include "ui/coverageform.h"
#include "ui/patientpage.h"
#include "ui/statuspanel.h"

#include <QApplication>
#include <QComboBox>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

class TestVerificationPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void contrastHelper();
    void coloursAreReadable();
    void slowVerificationShowsTryAndElapsedAndCancels();
    void failureEnablesRetryAtOnce();
    void rejectionReadsRejectedWithCode();
    void otherPrimaryPayerOffersAddAndReorder();
    void dependentAnswerConfirmsSubscriberAndSavesGroupAndPlan();

private:
    static DeskEnvironment environmentFor(TrainingEnvironment &env)
    {
        DeskEnvironment e;
        e.patients = &env.patients();
        e.eligibility = &env.service();
        e.reports = &env.reports();
        e.training = true;
        e.user = QStringLiteral("tester");
        return e;
    }
    static bool waitUntilReady(PatientPage &page)
    {
        QSignalSpy loaded(&page, &PatientPage::loaded);
        QSignalSpy coverages(page.coverageModel(), &CoverageModel::loaded);
        if (!page.isLoaded() && !loaded.wait())
            return false;
        if (coverages.isEmpty() && !coverages.wait())
            return false;
        return QTest::qWaitFor([&] { return page.coverageForm()->hasPayers(); }) &&
               page.errorString().isEmpty();
    }
    static qint64 patientOf(TrainingEnvironment &env, qint64 coverageId)
    {
        return env.read([coverageId](const QString &connection) -> qint64 {
            const auto c = CoverageRepository(connection).find(coverageId);
            return c && c->has_value() ? (*c)->patientId : 0;
        });
    }
    static int countAudit(TrainingEnvironment &env, const QString &action)
    {
        int count = 0;
        for (const AuditEntry &entry : env.auditEntries())
            count += entry.action == action ? 1 : 0;
        return count;
    }
    template<typename T> static T *child(QWidget &page, const char *name)
    {
        return page.findChild<T *>(QLatin1String(name));
    }
};

void TestVerificationPanel::contrastHelper()
{
    QCOMPARE(ColorContrast::ratio(Qt::black, Qt::white), 21.0);
    QCOMPARE(ColorContrast::ratio(Qt::white, Qt::black), 21.0);
    QCOMPARE(ColorContrast::ratio(QColor(0x77, 0x77, 0x77), QColor(0x77, 0x77, 0x77)), 1.0);
    // Known values: #777 on white is just under 4.5:1, #767676 just over.
    QVERIFY(ColorContrast::ratio(QColor(0x77, 0x77, 0x77), Qt::white) < 4.5);
    QVERIFY(ColorContrast::ratio(QColor(0x76, 0x76, 0x76), Qt::white) > 4.5);
    // The old COB text: orange on the window grey.
    QVERIFY(ColorContrast::ratio(QColor(0xb3, 0x6b, 0x00), QColor(0xef, 0xef, 0xef)) < 4.5);
}

void TestVerificationPanel::coloursAreReadable()
{
    StatusPanel panel;
    const QColor window = panel.palette().color(QPalette::Window);
    QVERIFY(ColorContrast::ratio(StatusPanel::noticeTextColor(),
                                 StatusPanel::noticeBackgroundColor()) >=
            ColorContrast::minimumForText);
    // The badge (white on the colour) and the tables (colour on white) use every verdict's
    // colour; the reasons under the badge use it on the window, except for ACTIVE (plain text).
    for (const Verdict v : BenefitSummary::allVerdicts()) {
        const QColor colour = BenefitSummary::verdictColor(v);
        QVERIFY2(ColorContrast::ratio(colour, Qt::white) >= ColorContrast::minimumForText,
                 qPrintable(BenefitSummary::verdictKey(v)));
        if (v != Verdict::Active)
            QVERIFY2(ColorContrast::ratio(colour, window) >= ColorContrast::minimumForText,
                     qPrintable(BenefitSummary::verdictKey(v)));
    }
    // The notice is drawn in those colours.
    auto *cob = panel.findChild<QFrame *>(QStringLiteral("cobBox"));
    QVERIFY(cob);
    QVERIFY(cob->styleSheet().contains(StatusPanel::noticeTextColor().name()));
    QVERIFY(cob->styleSheet().contains(StatusPanel::noticeBackgroundColor().name()));
}

void TestVerificationPanel::slowVerificationShowsTryAndElapsedAndCancels()
{
    TrainingEnvironment::Options options;
    options.timeoutMs = 1500; // SLOW00010 answers after 4 s: every try times out
    options.slowDelayMs = 4000;
    options.maxTries = 3;
    TrainingEnvironment env(options);
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    const qint64 coverageId = env.addPatientWithCoverage(
        QStringLiteral("Sloane"), QStringLiteral("Waite"), QStringLiteral("SLOW00010"));
    PatientPage page(environmentFor(env), patientOf(env, coverageId));
    page.resize(1200, 800);
    page.show();
    QVERIFY(waitUntilReady(page));
    StatusPanel *panel = page.statusPanel();
    auto *cancel = child<QPushButton>(page, "cancelVerificationButton");
    QVERIFY(cancel);
    QVERIFY(!cancel->isVisible());

    QSignalSpy tries(&env.service(), &EligibilityService::verificationTryStarted);
    page.verifyAgain();
    QTRY_COMPARE(panel->verdictText(), QStringLiteral("VERIFYING…"));
    QTRY_VERIFY_WITH_TIMEOUT(panel->progressText().startsWith(QStringLiteral("Try 1 of 3")), 3000);
    QVERIFY(cancel->isVisible());
    QVERIFY(env.service().isVerifying(coverageId));
    // The first try times out after 1.5 s; the second goes out and the clock keeps counting.
    QTRY_VERIFY_WITH_TIMEOUT(panel->progressText().startsWith(QStringLiteral("Try 2 of 3")), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(panel->progressText().contains(QStringLiteral("seconds")), 3000);
    QVERIFY2(!panel->progressText().contains(QStringLiteral("(s)")),
             qPrintable(panel->progressText()));
    // Try 2 is under way; on a loaded machine the 1.5 s timeout may already have started try 3.
    QVERIFY2(tries.size() == 2 || tries.size() == 3, qPrintable(QString::number(tries.size())));

    const qsizetype triesWhenCancelled = tries.size();
    QSignalSpy finished(&env.service(), &EligibilityService::verificationFinished);
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_COMPARE(finished.size(), 1);
    const auto cancelled = finished.at(0).at(0).value<Verification>();
    QCOMPARE(cancelled.error, VerificationError::Cancelled);
    QVERIFY(!env.service().isVerifying(coverageId));
    // Nothing was learnt: the panel is back to what it knew, and no third try goes out.
    QTRY_COMPARE(panel->verdictText(), QStringLiteral("NOT VERIFIED"));
    QVERIFY(!cancel->isVisible());
    QCOMPARE(panel->progressText(), QString());
    auto *history = child<QTableView>(page, "historyView");
    QTRY_COMPARE(history->model()->rowCount(), 1);
    QCOMPARE(history->model()->index(0, VerificationHistoryModel::StatusColumn).data().toString(),
             QStringLiteral("CANCELLED"));
    QTest::qWait(1700);
    QCOMPARE(tries.size(), triesWhenCancelled); // no try after the cancel
    // Cancelling twice does nothing.
    QVERIFY(!env.service().cancelVerification(coverageId));
}

void TestVerificationPanel::failureEnablesRetryAtOnce()
{
    TrainingEnvironment::Options options;
    options.maxTries = 1;
    TrainingEnvironment env(options);
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    const qint64 coverageId = env.addPatientWithCoverage(
        QStringLiteral("Erin"), QStringLiteral("Outage"), QStringLiteral("ERR500011"));
    PatientPage page(environmentFor(env), patientOf(env, coverageId));
    page.show();
    QVERIFY(waitUntilReady(page));
    auto *retry = child<QPushButton>(page, "retryButton");
    QVERIFY(retry && !retry->isEnabled());

    page.verifyAgain();
    QTRY_COMPARE_WITH_TIMEOUT(page.statusPanel()->verdictText(), QStringLiteral("COULD NOT VERIFY"),
                              10000);
    // No row to pick first: the failed attempt is ready to retry.
    QTRY_VERIFY(retry->isEnabled());
    auto *details = child<QLabel>(page, "detailsLabel");
    QVERIFY2(!details->text().contains(QStringLiteral("Verified")), qPrintable(details->text()));
    QVERIFY2(details->text().contains(QStringLiteral("did not answer")),
             qPrintable(details->text()));
    QVERIFY(details->text().contains(QStringLiteral("Never verified")));
    QCOMPARE(page.coverageModel()->index(0, CoverageModel::VerifiedColumn).data().toString(),
             QString());

    QSignalSpy started(&env.service(), &EligibilityService::verificationStarted);
    QTest::mouseClick(retry, Qt::LeftButton);
    QTRY_COMPARE(started.size(), 1);
    QCOMPARE(started.at(0).at(0).value<Verification>().coverageId, coverageId);
    QVERIFY(started.at(0).at(0).value<Verification>().retryOf != 0);
    QTRY_COMPARE_WITH_TIMEOUT(page.historyModel()->rowCount(), 2, 10000);
}

void TestVerificationPanel::rejectionReadsRejectedWithCode()
{
    TrainingEnvironment::Options options;
    options.maxTries = 1;
    TrainingEnvironment env(options);
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    PatientPage page(environmentFor(env), env.patientId(QStringLiteral("Maria"))); // BAD600006
    page.show();
    QVERIFY(waitUntilReady(page));
    page.verifyAgain();
    QTRY_COMPARE_WITH_TIMEOUT(page.statusPanel()->verdictText(),
                              QStringLiteral("REJECTED — AAA 72"), 10000);
    auto *details = child<QLabel>(page, "detailsLabel");
    QVERIFY2(details->text().contains(QStringLiteral("Rejected by the payer")),
             qPrintable(details->text()));
    QVERIFY(!details->text().contains(QStringLiteral("Verified")));
    auto *summary = child<QLabel>(page, "summaryLabel");
    QVERIFY2(summary->text().contains(QStringLiteral("AAA 72: The member ID is invalid")),
             qPrintable(summary->text()));
    QCOMPARE(page.coverageModel()->index(0, CoverageModel::StatusColumn).data().toString(),
             QStringLiteral("REJECTED — AAA 72"));
}

void TestVerificationPanel::otherPrimaryPayerOffersAddAndReorder()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    const qint64 kyla = env.patientId(QStringLiteral("Kyla")); // COB400004: Medicare is primary
    const qint64 planCoverage = env.coverageId(QStringLiteral("COB400004"));
    PatientPage page(environmentFor(env), kyla);
    page.resize(1200, 800);
    page.show();
    QVERIFY(waitUntilReady(page));
    page.verifyAgain();
    QTRY_COMPARE_WITH_TIMEOUT(page.statusPanel()->verdictText(), QStringLiteral("NEEDS REVIEW"),
                              10000);
    auto *cob = child<QLabel>(page, "cobLabel");
    QVERIFY(cob && cob->isVisible());
    QVERIFY2(cob->text().contains(QStringLiteral("Medicare Part B is the primary payer")),
             qPrintable(cob->text()));
    QVERIFY(cob->text().contains(QStringLiteral("1EG4TE5MK73")));
    // The same lines are not repeated in orange above it.
    QVERIFY(!child<QLabel>(page, "reasonsLabel")->text().contains(QStringLiteral("MEDICARE")));
    auto *add = child<QPushButton>(page, "addCoverageButton");
    auto *reorder = child<QPushButton>(page, "reorderCoveragesButton");
    QVERIFY(add->isVisible() && add->isEnabled());
    QVERIFY(reorder->isVisible());
    QVERIFY(!reorder->isEnabled()); // no coverage with Medicare on file yet
    QVERIFY(reorder->toolTip().contains(QStringLiteral("Add the coverage")));

    // Add Coverage: the form holds a new primary coverage with Medicare and its member ID.
    QTest::mouseClick(add, Qt::LeftButton);
    auto *payer = child<QComboBox>(page, "payerCombo");
    QCOMPARE(payer->currentData().toString(), QStringLiteral("00435"));
    QCOMPARE(child<QLineEdit>(page, "memberIdEdit")->text(), QStringLiteral("1EG4TE5MK73"));
    QCOMPARE(child<QComboBox>(page, "orderCombo")->currentData().toInt(),
             int(CoverageOrder::Primary));
    QCOMPARE(page.coverageForm()->coverage().id, 0);
    QTest::mouseClick(child<QPushButton>(page, "saveButton"), Qt::LeftButton);
    QTRY_COMPARE(page.coverageModel()->rowCount(), 2);
    // Saved as primary: the plan moved down to secondary, so there is one primary.
    QTRY_VERIFY([&] {
        const auto coverages = TestSupport::await(env.patients().coverages(kyla));
        if (!coverages || coverages->size() != 2)
            return false;
        return coverages->at(0).payerId == QLatin1String("00435") &&
               coverages->at(0).order == CoverageOrder::Primary &&
               coverages->at(1).id == planCoverage &&
               coverages->at(1).order == CoverageOrder::Secondary;
    }());
    QCOMPARE(countAudit(env, QStringLiteral("payer.create")), 1);
    QCOMPARE(countAudit(env, QStringLiteral("coverage.reorder")), 1);
    const auto payers = TestSupport::await(env.patients().payers());
    QVERIFY(payers.ok());
    QVERIFY(std::any_of(payers->cbegin(), payers->cend(),
                        [](const Payer &p) { return p.id == QLatin1String("00435"); }));

    // Put the plan first again, then Reorder Coverages from its answer makes Medicare primary.
    QVERIFY(TestSupport::await(env.patients().reorderCoverages(kyla, {planCoverage})).ok());
    QTRY_COMPARE(page.coverageModel()->coverageAt(0).id, planCoverage);
    page.selectCoverage(planCoverage);
    QTRY_VERIFY(child<QLabel>(page, "cobLabel")->isVisible());
    QTRY_VERIFY(reorder->isEnabled());
    QTest::mouseClick(reorder, Qt::LeftButton);
    QTRY_COMPARE(page.coverageModel()->coverageAt(0).payerId, QStringLiteral("00435"));
    QCOMPARE(page.coverageModel()->coverageAt(0).order, CoverageOrder::Primary);
    QCOMPARE(page.coverageModel()->coverageAt(1).order, CoverageOrder::Secondary);
    QCOMPARE(countAudit(env, QStringLiteral("coverage.reorder")), 3);
    // Still on the plan's answer, which Medicare now leads.
    QTRY_COMPARE(page.coverageForm()->coverage().id, planCoverage);
    QTRY_VERIFY(!reorder->isEnabled());
    QVERIFY(reorder->toolTip().contains(QStringLiteral("already")));
}

void TestVerificationPanel::dependentAnswerConfirmsSubscriberAndSavesGroupAndPlan()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    const qint64 coverageId = env.coverageId(QStringLiteral("DEP300003"));
    PatientPage page(environmentFor(env), env.patientId(QStringLiteral("Lily")));
    page.resize(1200, 800);
    page.show();
    QVERIFY(waitUntilReady(page));
    QCOMPARE(page.coverageModel()->coverageAt(0).planName, QString());
    page.verifyAgain();
    QTRY_COMPARE_WITH_TIMEOUT(page.statusPanel()->verdictText(), QStringLiteral("ACTIVE"), 10000);
    auto *facts = child<QLabel>(page, "payerFactsLabel");
    QVERIFY(facts->isVisible());
    QVERIFY2(facts->text().contains(QStringLiteral(
                 "Subscriber on file with the payer: Chris Smith, relationship: Child")),
             qPrintable(facts->text()));
    // The payer has a plan name the coverage lacks; the group is the same and not offered.
    QVERIFY(facts->text().contains(QStringLiteral("Plan from the payer: Family Choice PPO")));
    QVERIFY(!facts->text().contains(QStringLiteral("Group number from the payer")));
    auto *save = child<QPushButton>(page, "saveToCoverageButton");
    QVERIFY(save->isVisible());

    const int edits = countAudit(env, QStringLiteral("coverage.edit"));
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_COMPARE(page.coverageModel()->coverageAt(0).planName, QStringLiteral("Family Choice PPO"));
    QCOMPARE(page.coverageModel()->coverageAt(0).groupNumber, QStringLiteral("GRP30003"));
    QCOMPARE(page.coverageModel()->coverageAt(0).id, coverageId);
    QCOMPARE(countAudit(env, QStringLiteral("coverage.edit")), edits + 1);
    // Nothing differs now: no offer, the subscriber line stays.
    QTRY_VERIFY(!save->isVisible());
    QVERIFY(facts->text().contains(QStringLiteral("Chris Smith")));
    QVERIFY(!facts->text().contains(QStringLiteral("Plan from the payer")));
}

QTEST_MAIN(TestVerificationPanel)
#include "tst_verificationpanel.moc"

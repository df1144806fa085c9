// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The patient page offscreen: type a member ID, press Verify, see ACTIVE and the copay.
#include "common/trainingenvironment.h"
#include "models/coveragemodel.h"
#include "models/verificationhistorymodel.h"
#include "ui/coverageform.h"
#include "ui/patientpage.h"
#include "ui/statuspanel.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

class TestPatientPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void typeMemberIdPressVerifySeeActive();
    void invalidMemberIdShowsMessageAndSendsNothing();
    void rejectionShowsReasonAndFix();
    void dependentNeedsSubscriberDetails();
    void retryFailedAttempt();

private:
    DeskEnvironment environmentFor(TrainingEnvironment &env)
    {
        DeskEnvironment e;
        e.eligibility = &env.service();
        e.training = true;
        e.user = QStringLiteral("tester");
        return e;
    }
    qint64 newPatient(TrainingEnvironment &env)
    {
        Patient p;
        p.firstName = QStringLiteral("Pat");
        p.lastName = QStringLiteral("Tester");
        p.dateOfBirth = QDate(1985, 3, 4);
        p.gender = Gender::Female;
        return env.service().patients().save(p)->id;
    }
};

void TestPatientPage::typeMemberIdPressVerifySeeActive()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    PatientPage page(environmentFor(env), newPatient(env));
    page.resize(1200, 800);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));

    auto *payer = page.findChild<QComboBox *>(QStringLiteral("payerCombo"));
    auto *memberId = page.findChild<QLineEdit *>(QStringLiteral("memberIdEdit"));
    auto *verify = page.findChild<QPushButton *>(QStringLiteral("verifyButton"));
    QVERIFY(payer && memberId && verify);
    payer->setCurrentIndex(payer->findData(QStringLiteral("INS001")));
    memberId->setFocus();
    QTest::keyClicks(memberId, QStringLiteral("ACT100001"));
    QTest::mouseClick(verify, Qt::LeftButton);

    auto *verdict = page.findChild<QLabel *>(QStringLiteral("verdictLabel"));
    QVERIFY(verdict);
    QTRY_COMPARE_WITH_TIMEOUT(verdict->text(), QStringLiteral("ACTIVE"), 10000);
    auto *summary = page.findChild<QLabel *>(QStringLiteral("summaryLabel"));
    QVERIFY2(summary->text().contains(QStringLiteral("$25.00")), qPrintable(summary->text()));
    QVERIFY(summary->text().contains(QStringLiteral("Gold PPO 1500")));
    auto *benefits = page.findChild<QTableView *>(QStringLiteral("benefitsView"));
    QVERIFY(benefits->isVisible());
    QVERIFY(benefits->model()->rowCount() >= 6);
    // The coverage was saved and shows in the list with its status, and in the history.
    QCOMPARE(page.coverageModel()->rowCount(), 1);
    QCOMPARE(page.coverageModel()->coverageAt(0).memberId, QStringLiteral("ACT100001"));
    QCOMPARE(page.coverageModel()->index(0, CoverageModel::StatusColumn).data().toString(),
             QStringLiteral("ACTIVE"));
    QCOMPARE(page.historyModel()->rowCount(), 1);
    // Pressing Verify again within a day reuses the answer, and says so.
    QTest::mouseClick(verify, Qt::LeftButton);
    auto *reasons = page.findChild<QLabel *>(QStringLiteral("reasonsLabel"));
    QTRY_VERIFY_WITH_TIMEOUT(
        reasons->isVisible() && reasons->text().contains(QStringLiteral("not asked again")), 5000);
    QCOMPARE(page.historyModel()->rowCount(), 1);

    // The printed report holds the key fields.
    const QString html = page.reportHtml();
    QVERIFY(html.contains(QStringLiteral("ACT100001")));
    QVERIFY(html.contains(QStringLiteral("$1,500.00")));
}

void TestPatientPage::invalidMemberIdShowsMessageAndSendsNothing()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    PatientPage page(environmentFor(env), newPatient(env));
    page.show();
    QSignalSpy started(&env.service(), &EligibilityService::verificationStarted);
    auto *memberId = page.findChild<QLineEdit *>(QStringLiteral("memberIdEdit"));
    QTest::keyClicks(memberId, QStringLiteral("AB#1"));
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("verifyButton")),
                      Qt::LeftButton);
    auto *message = page.coverageForm()->findChild<QLabel *>(QStringLiteral("messageLabel"));
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().contains(QStringLiteral("Member ID")), qPrintable(message->text()));
    QVERIFY(!memberId->toolTip().isEmpty());
    QTest::qWait(100);
    QCOMPARE(started.size(), 0);
    QCOMPARE(page.coverageModel()->rowCount(), 0); // nothing saved either
}

void TestPatientPage::rejectionShowsReasonAndFix()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    PatientPage page(environmentFor(env), newPatient(env));
    page.show();
    QTest::keyClicks(page.findChild<QLineEdit *>(QStringLiteral("memberIdEdit")),
                     QStringLiteral("BAD600006"));
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("verifyButton")),
                      Qt::LeftButton);
    auto *verdict = page.findChild<QLabel *>(QStringLiteral("verdictLabel"));
    QTRY_COMPARE_WITH_TIMEOUT(verdict->text(), QStringLiteral("ERROR"), 10000);
    auto *reasons = page.findChild<QLabel *>(QStringLiteral("reasonsLabel"));
    QVERIFY(reasons->isVisible());
    QVERIFY2(reasons->text().contains(QStringLiteral("member ID"), Qt::CaseInsensitive),
             qPrintable(reasons->text()));
    QVERIFY(!page.findChild<QTableView *>(QStringLiteral("benefitsView"))->isVisible());
}

void TestPatientPage::dependentNeedsSubscriberDetails()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    PatientPage page(environmentFor(env), newPatient(env));
    page.show();
    auto *relationship = page.findChild<QComboBox *>(QStringLiteral("relationshipCombo"));
    relationship->setCurrentIndex(relationship->findData(int(SubscriberRelationship::Child)));
    QTest::keyClicks(page.findChild<QLineEdit *>(QStringLiteral("memberIdEdit")),
                     QStringLiteral("DEP300003"));
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("verifyButton")),
                      Qt::LeftButton);
    const QString message =
        page.coverageForm()->findChild<QLabel *>(QStringLiteral("messageLabel"))->text();
    QVERIFY2(message.contains(QStringLiteral("Subscriber first name")), qPrintable(message));
    QVERIFY(message.contains(QStringLiteral("Subscriber date of birth")));

    QTest::keyClicks(page.findChild<QLineEdit *>(QStringLiteral("subscriberFirstEdit")),
                     QStringLiteral("Chris"));
    QTest::keyClicks(page.findChild<QLineEdit *>(QStringLiteral("subscriberLastEdit")),
                     QStringLiteral("Smith"));
    QTest::keyClicks(page.findChild<QLineEdit *>(QStringLiteral("subscriberDobEdit")),
                     QStringLiteral("01/01/1995"));
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("verifyButton")),
                      Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(page.statusPanel()->verdictText(), QStringLiteral("ACTIVE"), 10000);
    const Coverage saved = page.coverageModel()->coverageAt(0);
    QCOMPARE(saved.relationship, SubscriberRelationship::Child);
    QCOMPARE(saved.subscriber.dateOfBirth, QDate(1995, 1, 1));
}

void TestPatientPage::retryFailedAttempt()
{
    TrainingEnvironment::Options options;
    options.maxTries = 1;
    TrainingEnvironment env(options);
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    PatientPage page(environmentFor(env), env.patientId(QStringLiteral("Ollie"))); // BSY900009
    page.show();
    page.verifyAgain();
    QTRY_COMPARE_WITH_TIMEOUT(page.statusPanel()->verdictText(), QStringLiteral("ERROR"), 10000);
    auto *history = page.findChild<QTableView *>(QStringLiteral("historyView"));
    QCOMPARE(history->model()->rowCount(), 1);
    history->setCurrentIndex(history->model()->index(0, 0));
    auto *retry = page.findChild<QPushButton *>(QStringLiteral("retryButton"));
    QVERIFY(retry);
    QVERIFY(retry->isEnabled());
    QTest::mouseClick(retry, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(history->model()->rowCount(), 2, 10000);
    page.retrySelectedAttempt();
    QTRY_COMPARE_WITH_TIMEOUT(page.statusPanel()->verdictText(), QStringLiteral("ACTIVE"), 10000);
}

QTEST_MAIN(TestPatientPage)
#include "tst_patientpage.moc"

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The main window offscreen: banner, search as you type, opening patients, the schedule,
// batch verification with Cancel, and registration with validation.
#include "common/trainingenvironment.h"
#include "models/patientsearchmodel.h"
#include "models/schedulemodel.h"
#include "services/eligibility/batchverification.h"
#include "ui/batchverifydialog.h"
#include "ui/mainwindow.h"
#include "ui/patientpage.h"
#include "ui/registerpatientdialog.h"
#include "ui/settingsdialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void trainingBannerAndSchedule();
    void searchAsYouTypeAndOpenWithEnter();
    void batchVerificationWithCancel();
    void registrationValidates();
    void settingsDialogValidates();

private:
    DeskEnvironment environmentFor(TrainingEnvironment &env, bool training = true)
    {
        DeskEnvironment e;
        e.eligibility = &env.service();
        e.training = training;
        e.user = QStringLiteral("tester");
        return e;
    }
};

void TestMainWindow::trainingBannerAndSchedule()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    MainWindow window(environmentFor(env));
    window.show();
    auto *banner = window.findChild<QLabel *>(QStringLiteral("trainingBanner"));
    QVERIFY(banner && banner->isVisible());
    QVERIFY(banner->text().contains(QStringLiteral("TRAINING")));
    QVERIFY(window.windowTitle().contains(QStringLiteral("Training")));
    QCOMPARE(window.scheduleModel()->day(), QDate::currentDate());
    QVERIFY(window.scheduleModel()->rowCount() >= 10);

    TrainingEnvironment env2;
    MainWindow production(environmentFor(env2, false));
    production.show();
    QVERIFY(!production.findChild<QLabel *>(QStringLiteral("trainingBanner")));
}

void TestMainWindow::searchAsYouTypeAndOpenWithEnter()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    MainWindow window(environmentFor(env));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QLineEdit *search = window.searchField();
    QTest::keyClicks(search, QStringLiteral("garc"));
    QTRY_COMPARE_WITH_TIMEOUT(window.searchModel()->searchText(), QStringLiteral("garc"), 3000);
    QCOMPARE(window.searchModel()->rowCount(), 1);
    QCOMPARE(window.searchModel()->patientAt(0).lastName, QStringLiteral("Garcia"));
    QTest::keyClick(search, Qt::Key_Return);
    auto *page = qobject_cast<PatientPage *>(window.tabs()->currentWidget());
    QVERIFY(page);
    QCOMPARE(page->patient().firstName, QStringLiteral("Maria"));
    // Opening the same patient again switches to the tab instead of a second one.
    const int tabs = window.tabs()->count();
    window.openPatient(page->patientId());
    QCOMPARE(window.tabs()->count(), tabs);

    search->clear();
    QTest::keyClicks(search, QStringLiteral("ACT200002"));
    QTRY_COMPARE_WITH_TIMEOUT(window.searchModel()->searchText(), QStringLiteral("ACT200002"),
                              3000);
    QCOMPARE(window.searchModel()->rowCount(), 1);
    QCOMPARE(window.searchModel()->patientAt(0).firstName, QStringLiteral("Chris"));
}

void TestMainWindow::batchVerificationWithCancel()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    // Many slow members: the batch is still running when Cancel is pressed.
    QList<qint64> ids;
    for (int i = 0; i < 20; ++i)
        ids << env.addPatientWithCoverage(
            QStringLiteral("Pat"), QStringLiteral("Wait%1").arg(i),
            QStringLiteral("SLOW1%1").arg(i, 4, 10, QLatin1Char('0')));
    BatchVerifyDialog dialog(&env.service(), ids, {}, QStringLiteral("Verify"));
    dialog.show();
    dialog.start();
    QTest::qWait(200);
    auto *buttons = dialog.findChild<QDialogButtonBox *>();
    QVERIFY(buttons->button(QDialogButtonBox::Cancel));
    QSignalSpy finished(dialog.batch(), &BatchVerification::finished);
    QTest::mouseClick(buttons->button(QDialogButtonBox::Cancel), Qt::LeftButton);
    QVERIFY(finished.size() == 1 || finished.wait(5000));
    QVERIFY(dialog.isVisible()); // stays open to show what happened
    QVERIFY(buttons->button(QDialogButtonBox::Close));
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("batchCounts"))
                ->text()
                .contains(QStringLiteral("Cancelled")));

    // A whole day runs to the end.
    const QList<qint64> day = env.service().coveragesForDay(QDate::currentDate().addDays(1));
    BatchVerifyDialog dayDialog(&env.service(), day, {}, QStringLiteral("Verify day"));
    QSignalSpy dayFinished(dayDialog.batch(), &BatchVerification::finished);
    dayDialog.start();
    QVERIFY(dayFinished.wait(30000));
    auto *progress = dayDialog.findChild<QProgressBar *>(QStringLiteral("batchProgress"));
    QCOMPARE(progress->value(), int(day.size()));
    QCOMPARE(progress->maximum(), int(day.size()));
}

void TestMainWindow::registrationValidates()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    RegisterPatientDialog dialog(&env.service().patients());
    dialog.show();
    auto edit = [&](const char *name) {
        return dialog.findChild<QLineEdit *>(QLatin1String(name));
    };
    QTest::keyClicks(edit("firstNameEdit"), QStringLiteral("Rosa"));
    QTest::keyClicks(edit("dobEdit"), QStringLiteral("13/45/1990"));
    QTest::keyClicks(edit("zipEdit"), QStringLiteral("123"));
    QTest::keyClick(edit("zipEdit"), Qt::Key_Return); // Enter presses Register
    QVERIFY(dialog.isVisible());                      // not accepted
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("messageLabel"))->isVisible());
    const QString messages = dialog.findChild<QLabel *>(QStringLiteral("messageLabel"))->text();
    QVERIFY2(messages.contains(QStringLiteral("Last name")), qPrintable(messages));
    QVERIFY(messages.contains(QStringLiteral("Date of birth")));
    QVERIFY(messages.contains(QStringLiteral("ZIP")));
    const int before = env.service().patients().count();

    QTest::keyClicks(edit("lastNameEdit"), QStringLiteral("Alvarez"));
    edit("dobEdit")->setText(QStringLiteral("07/04/1990"));
    edit("zipEdit")->setText(QStringLiteral("97401"));
    QTest::mouseClick(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save),
                      Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(dialog.patient().id > 0);
    QCOMPARE(dialog.patient().dateOfBirth, QDate(1990, 7, 4));
    QCOMPARE(env.service().patients().count(), before + 1);
}

void TestMainWindow::settingsDialogValidates()
{
    SettingsDialog dialog(DeskSettings{});
    dialog.show();
    auto *npi = dialog.findChild<QLineEdit *>(QStringLiteral("npiEdit"));
    npi->setText(QStringLiteral("1234567890")); // wrong check digit
    auto *save = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
    QTest::mouseClick(save, Qt::LeftButton);
    QVERIFY(dialog.isVisible());
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("messageLabel"))
                ->text()
                .contains(QStringLiteral("NPI")));
    npi->setText(QStringLiteral("1245319599"));
    dialog.findChild<QLineEdit *>(QStringLiteral("clearinghouseEdit"))
        ->setText(QStringLiteral("https://ch.example/270"));
    QTest::mouseClick(save, Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.settings().clinic.npi, QStringLiteral("1245319599"));
    QCOMPARE(dialog.settings().clearinghouseUrl, QUrl(QStringLiteral("https://ch.example/270")));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"

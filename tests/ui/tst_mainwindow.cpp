// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The main window offscreen: banner, search as you type, opening patients, the schedule,
// batch verification with Cancel, registration with validation, and read errors shown.
#include "common/trainingenvironment.h"
#include "models/patientsearchmodel.h"
#include "models/schedulemodel.h"
#include "services/eligibility/batchverification.h"
#include "services/store/patientrepository.h"
#include "ui/batchverifydialog.h"
#include "ui/mainwindow.h"
#include "ui/patientpage.h"
#include "ui/registerpatientdialog.h"
#include "ui/settingsdialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QUuid>

namespace {
//! A Store over a file that is not a database: every read and write fails.
struct DamagedStore
{
    QTemporaryDir dir;
    std::unique_ptr<Store> store;
    Database::OpenResult opened;

    DamagedStore()
    {
        const QString path = dir.filePath(QStringLiteral("damaged.sqlite"));
        QFile file(path);
        if (file.open(QIODevice::WriteOnly))
            file.write(QByteArray(8192, 'x'));
        file.close();
        store = std::make_unique<Store>(Store::Options{
            path, 1,
            QStringLiteral("damaged-") + QUuid::createUuid().toString(QUuid::WithoutBraces)});
        opened = TestSupport::await(store->open());
    }
    ~DamagedStore() { store->drain(); }
};

//! True once the window's search for `text` has answered (not merely started).
bool searched(MainWindow &window, const QString &text)
{
    return window.searchModel()->searchText() == text && !window.searchModel()->isSearching();
}

int patientCount(TrainingEnvironment &env)
{
    return env.read([](const QString &connection) { return PatientRepository(connection).count(); })
        .valueOr(-1);
}

QList<AuditEntry> auditOf(TrainingEnvironment &env, const QString &action)
{
    QList<AuditEntry> found;
    for (const AuditEntry &entry : env.auditEntries()) {
        if (entry.action == action)
            found << entry;
    }
    return found;
}
} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void trainingBannerAndSchedule();
    void searchAsYouTypeAndOpenWithEnter();
    void enterBeforeResultsOpensTheMatch();
    void searchErrorIsShown();
    void batchVerificationWithCancel();
    void registrationValidates();
    void registerFromTheMainWindow();
    void settingsDialogValidates();

private:
    DeskEnvironment environmentFor(TrainingEnvironment &env, bool training = true)
    {
        DeskEnvironment e;
        e.patients = &env.patients();
        e.appointments = &env.appointments();
        e.eligibility = &env.service();
        e.reports = &env.reports();
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
    QTRY_VERIFY(window.scheduleModel()->rowCount() >= 10);
    QCOMPARE(window.scheduleView()->model(), window.scheduleModel());
    auto *scheduleState = window.findChild<QLabel *>(QStringLiteral("scheduleState"));
    QVERIFY(scheduleState && !scheduleState->isVisible());
    // The search lists everybody before anything is typed.
    QTRY_COMPARE(window.searchModel()->rowCount(), 12);

    TrainingEnvironment env2;
    QVERIFY2(env2.isReady(), qPrintable(env2.error()));
    MainWindow production(environmentFor(env2, false));
    production.show();
    QVERIFY(!production.findChild<QLabel *>(QStringLiteral("trainingBanner")));
    QVERIFY(!production.windowTitle().contains(QStringLiteral("Training")));
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
    // Results follow the typing, without pressing anything.
    QTRY_VERIFY_WITH_TIMEOUT(searched(window, QStringLiteral("garc")), 3000);
    QCOMPARE(window.searchModel()->rowCount(), 1);
    QCOMPARE(window.searchModel()->patientAt(0).lastName, QStringLiteral("Garcia"));
    QCOMPARE(window.searchResults()->model()->rowCount(), 1);
    QTest::keyClick(search, Qt::Key_Return);
    auto *page = qobject_cast<PatientPage *>(window.tabs()->currentWidget());
    QVERIFY(page);
    QTRY_VERIFY(page->isLoaded());
    QCOMPARE(page->patient().firstName, QStringLiteral("Maria"));
    QTRY_COMPARE(window.tabs()->tabText(window.tabs()->currentIndex()),
                 QStringLiteral("Garcia, Maria"));
    // Opening the same patient again switches to the tab instead of a second one.
    const int tabs = window.tabs()->count();
    window.tabs()->setCurrentIndex(0);
    QCOMPARE(window.openPatient(page->patientId()), page);
    QCOMPARE(window.tabs()->count(), tabs);
    QCOMPARE(window.tabs()->currentWidget(), page);

    window.tabs()->setCurrentIndex(0);
    search->clear();
    QTest::keyClicks(search, QStringLiteral("ACT200002"));
    QTRY_VERIFY_WITH_TIMEOUT(searched(window, QStringLiteral("ACT200002")), 3000);
    QCOMPARE(window.searchModel()->rowCount(), 1);
    QCOMPARE(window.searchModel()->patientAt(0).firstName, QStringLiteral("Chris"));
    // Several matches: Enter moves to the list instead of opening one.
    search->clear();
    QTest::keyClicks(search, QStringLiteral("smith"));
    QTRY_VERIFY_WITH_TIMEOUT(searched(window, QStringLiteral("smith")), 3000);
    QCOMPARE(window.searchModel()->rowCount(), 3);
    window.activateWindow();
    search->setFocus();
    QTest::keyClick(search, Qt::Key_Return);
    QCOMPARE(window.tabs()->count(), tabs);
}

void TestMainWindow::enterBeforeResultsOpensTheMatch()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    MainWindow window(environmentFor(env));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const int tabs = window.tabs()->count();
    // A fast typist presses Enter before the search has even started.
    QTest::keyClicks(window.searchField(), QStringLiteral("ACT200002"));
    QTest::keyClick(window.searchField(), Qt::Key_Return);
    QTRY_COMPARE(window.tabs()->count(), tabs + 1);
    auto *page = qobject_cast<PatientPage *>(window.tabs()->currentWidget());
    QVERIFY(page);
    QTRY_VERIFY(page->isLoaded());
    QCOMPARE(page->patient().firstName, QStringLiteral("Chris"));
}

void TestMainWindow::searchErrorIsShown()
{
    DamagedStore damaged;
    QVERIFY(!damaged.opened.ok);
    QNetworkAccessManager network;
    PatientService patients(damaged.store.get(), QStringLiteral("tester"));
    EligibilityService eligibility(damaged.store.get(), &network, EligibilitySettings{});
    DeskEnvironment e;
    e.patients = &patients;
    e.eligibility = &eligibility;
    e.user = QStringLiteral("tester");
    MainWindow window(e);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *state = window.findChild<QLabel *>(QStringLiteral("searchState"));
    QVERIFY(state);
    // Not an empty list that reads as "nobody found": the reason is on screen.
    QTRY_VERIFY(!window.searchModel()->errorString().isEmpty());
    QTRY_VERIFY(state->isVisible());
    QCOMPARE(state->text(), window.searchModel()->errorString());
    QCOMPARE(window.searchModel()->rowCount(), 0);

    QTest::keyClicks(window.searchField(), QStringLiteral("smith"));
    QTRY_VERIFY(searched(window, QStringLiteral("smith")));
    QVERIFY(state->isVisible());
    QCOMPARE(state->text(), window.searchModel()->errorString());

    // The schedule says so too.
    auto *scheduleState = window.findChild<QLabel *>(QStringLiteral("scheduleState"));
    QVERIFY(scheduleState);
    QTRY_VERIFY(scheduleState->isVisible());
    QCOMPARE(scheduleState->text(), window.scheduleModel()->errorString());
    QVERIFY(!scheduleState->text().isEmpty());
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
    QVERIFY(!ids.contains(0));
    BatchVerifyDialog dialog(&env.service(), env.service().verifyCoverages(ids),
                             QStringLiteral("Verify"));
    dialog.show();
    QSignalSpy finished(dialog.batch(), &BatchVerification::finished);
    dialog.start();
    QVERIFY(dialog.batch()->isRunning());
    // Wait until the batch knows its coverages and has requests in flight.
    QTRY_COMPARE(dialog.batch()->total(), 20);
    auto *buttons = dialog.findChild<QDialogButtonBox *>();
    QVERIFY(buttons->button(QDialogButtonBox::Cancel));
    QVERIFY(dialog.batch()->isRunning());
    QTest::mouseClick(buttons->button(QDialogButtonBox::Cancel), Qt::LeftButton);
    QVERIFY(finished.size() == 1 || finished.wait(5000));
    QVERIFY(dialog.batch()->wasCancelled());
    QVERIFY(dialog.isVisible()); // stays open to show what happened
    QVERIFY(buttons->button(QDialogButtonBox::Close));
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("batchSummary"))
                ->text()
                .contains(QStringLiteral("Cancelled")));
    QVERIFY(dialog.batch()->notStarted() > 0);

    // A whole day runs to the end.
    const QDate tomorrow = QDate::currentDate().addDays(1);
    const StoreResult<QList<qint64>> day =
        TestSupport::await(env.service().coveragesForDay(tomorrow));
    QVERIFY2(day.ok(), qPrintable(day.error()));
    QVERIFY(!day->isEmpty());
    BatchVerifyDialog dayDialog(&env.service(), env.service().verifyDay(tomorrow),
                                QStringLiteral("Verify day"));
    QSignalSpy dayFinished(dayDialog.batch(), &BatchVerification::finished);
    dayDialog.start();
    QVERIFY(dayFinished.wait(30000));
    QCOMPARE(dayDialog.batch()->total(), int(day->size()));
    auto *progress = dayDialog.findChild<QProgressBar *>(QStringLiteral("batchProgress"));
    QCOMPARE(progress->value(), int(day->size()));
    QCOMPARE(progress->maximum(), int(day->size()));
}

void TestMainWindow::registrationValidates()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    RegisterPatientDialog dialog(&env.patients());
    dialog.show();
    auto edit = [&](const char *name) {
        return dialog.findChild<QLineEdit *>(QLatin1String(name));
    };
    QTest::keyClicks(edit("firstNameEdit"), QStringLiteral("Rosa"));
    QTest::keyClicks(edit("dobEdit"), QStringLiteral("13/45/1990"));
    QTest::keyClicks(edit("zipEdit"), QStringLiteral("123"));
    QTest::keyClick(edit("zipEdit"), Qt::Key_Return); // Enter presses Register
    QVERIFY(dialog.isVisible());                      // not accepted
    QVERIFY(!dialog.isSaving());                      // nothing sent
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("messageLabel"))->isVisible());
    const QString messages = dialog.findChild<QLabel *>(QStringLiteral("messageLabel"))->text();
    QVERIFY2(messages.contains(QStringLiteral("Last name")), qPrintable(messages));
    QVERIFY(messages.contains(QStringLiteral("Date of birth")));
    QVERIFY(messages.contains(QStringLiteral("ZIP")));
    const int before = patientCount(env);
    QVERIFY(before > 0);

    QTest::keyClicks(edit("lastNameEdit"), QStringLiteral("Alvarez"));
    edit("dobEdit")->setText(QStringLiteral("07/04/1990"));
    edit("zipEdit")->setText(QStringLiteral("97401"));
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    QTest::mouseClick(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save),
                      Qt::LeftButton);
    QVERIFY(accepted.wait());
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(dialog.patient().id > 0);
    QCOMPARE(dialog.patient().dateOfBirth, QDate(1990, 7, 4));
    QCOMPARE(patientCount(env), before + 1);
    const QList<AuditEntry> created = auditOf(env, QStringLiteral("patient.create"));
    QCOMPARE(created.size(), 1);
    QCOMPARE(created.constFirst().entityId, dialog.patient().id);
    QCOMPARE(created.constFirst().user, QStringLiteral("tester"));
}

void TestMainWindow::registerFromTheMainWindow()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    MainWindow window(environmentFor(env));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const int tabs = window.tabs()->count();
    const int before = patientCount(env);

    // The dialog is modal: fill it in and press its Save button from inside its event loop.
    bool filled = false;
    QTimer clerk;
    clerk.setInterval(20);
    connect(&clerk, &QTimer::timeout, this, [&] {
        auto *dialog = qobject_cast<RegisterPatientDialog *>(QApplication::activeModalWidget());
        if (!dialog || filled)
            return;
        filled = true;
        auto edit = [&](const char *name) {
            return dialog->findChild<QLineEdit *>(QLatin1String(name));
        };
        QTest::keyClicks(edit("firstNameEdit"), QStringLiteral("Rosa"));
        QTest::keyClicks(edit("lastNameEdit"), QStringLiteral("Alvarez"));
        QTest::keyClicks(edit("dobEdit"), QStringLiteral("07/04/1990"));
        QTest::keyClicks(edit("zipEdit"), QStringLiteral("97401"));
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save),
                          Qt::LeftButton);
    });
    clerk.start();
    window.registerPatient(); // returns once the dialog was accepted (the patient is stored)
    clerk.stop();
    QVERIFY(filled);

    QCOMPARE(patientCount(env), before + 1);
    const QList<AuditEntry> created = auditOf(env, QStringLiteral("patient.create"));
    QCOMPARE(created.size(), 1);
    const qint64 rosa = created.constFirst().entityId;
    QVERIFY(rosa > 0);
    // The new patient's page opens.
    QCOMPARE(window.tabs()->count(), tabs + 1);
    auto *page = qobject_cast<PatientPage *>(window.tabs()->currentWidget());
    QVERIFY(page);
    QCOMPARE(page->patientId(), rosa);
    QTRY_VERIFY(page->isLoaded());
    QCOMPARE(page->patient().lastName, QStringLiteral("Alvarez"));
    QCOMPARE(page->patient().dateOfBirth, QDate(1990, 7, 4));
    // And the search list, read again, has her.
    QTRY_VERIFY(window.searchModel()->rowOfPatient(rosa) >= 0);
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

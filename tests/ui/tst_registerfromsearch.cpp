// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// A search that finds nobody offers Register "text"…: from the button (Tab reaches it) or
// Enter in the search field, into the Register Patient dialog prefilled from the text.
#include "common/trainingenvironment.h"
#include "models/patientsearchmodel.h"
#include "services/store/patientrepository.h"
#include "ui/mainwindow.h"
#include "ui/patientpage.h"
#include "ui/registerpatientdialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTest>
#include <QTimer>

#include <functional>

namespace {
bool searched(MainWindow &window, const QString &text)
{
    return window.searchModel()->searchText() == text && !window.searchModel()->isSearching();
}

//! What the Register Patient dialog showed when it opened, read from inside its event loop.
struct Shown
{
    QString first, last, dob;
    QString focused; // object name of the field with the focus
    bool seen = false;
};

/*!
  Runs `open` (which shows the modal Register Patient dialog), records what the dialog shows,
  lets `finish` complete it, and presses Save. Returns what was shown (seen: a dialog came).
 */
Shown whileRegistering(const std::function<void()> &open,
                       const std::function<void(RegisterPatientDialog *)> &finish)
{
    Shown shown;
    QTimer clerk;
    clerk.setInterval(20);
    QObject::connect(&clerk, &QTimer::timeout, [&] {
        auto *dialog = qobject_cast<RegisterPatientDialog *>(QApplication::activeModalWidget());
        if (!dialog || shown.seen)
            return;
        shown.seen = true;
        auto edit = [&](const char *name) {
            return dialog->findChild<QLineEdit *>(QLatin1String(name));
        };
        shown.first = edit("firstNameEdit")->text();
        shown.last = edit("lastNameEdit")->text();
        shown.dob = edit("dobEdit")->text();
        if (QWidget *focus = dialog->focusWidget())
            shown.focused = focus->objectName();
        finish(dialog);
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save),
                          Qt::LeftButton);
    });
    clerk.start();
    open();
    // Enter's offer is queued: wait until the dialog has come and gone.
    QTest::qWaitFor([&] { return shown.seen && !QApplication::activeModalWidget(); }, 10000);
    return shown;
}
} // namespace

class TestRegisterFromSearch : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void draftFromSearch_data();
    void draftFromSearch();
    void emptySearchOffersRegister();
    void enterRegistersWhatWasTyped();
    void tabReachesTheOffer();

private:
    DeskEnvironment environmentFor(TrainingEnvironment &env)
    {
        DeskEnvironment e;
        e.patients = &env.patients();
        e.eligibility = &env.service();
        e.reports = &env.reports();
        e.user = QStringLiteral("tester");
        return e;
    }
};

void TestRegisterFromSearch::draftFromSearch_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("last");
    QTest::addColumn<QDate>("dob");

    QTest::newRow("last, first") << "Lopez, Maria"
                                 << "Maria"
                                 << "Lopez" << QDate();
    QTest::newRow("first last") << "Maria Lopez"
                                << "Maria"
                                << "Lopez" << QDate();
    QTest::newRow("one word is the last name") << "Lopez"
                                               << ""
                                               << "Lopez" << QDate();
    QTest::newRow("lower case gets capitals") << "maria de la cruz"
                                              << "Maria"
                                              << "De La Cruz" << QDate();
    QTest::newRow("mixed case is kept") << "Maria de la Cruz"
                                        << "Maria"
                                        << "de la Cruz" << QDate();
    QTest::newRow("accents kept") << "garcía, josé"
                                  << "José"
                                  << "García" << QDate();
    QTest::newRow("last, first and date") << "Lopez, Maria 05/06/1990"
                                          << "Maria"
                                          << "Lopez" << QDate(1990, 5, 6);
    QTest::newRow("date first") << "1990-05-06 Maria Lopez"
                                << "Maria"
                                << "Lopez" << QDate(1990, 5, 6);
    QTest::newRow("date alone") << "05/06/1990"
                                << ""
                                << "" << QDate(1990, 5, 6);
    QTest::newRow("year is not a date of birth") << "Lopez 1996"
                                                 << ""
                                                 << "Lopez" << QDate();
    QTest::newRow("MRN left out") << "MRN000099"
                                  << ""
                                  << "" << QDate();
    QTest::newRow("member ID left out") << "ACT900001 Lopez"
                                        << ""
                                        << "Lopez" << QDate();
    QTest::newRow("no space after comma") << "Lopez,Maria"
                                          << "Maria"
                                          << "Lopez" << QDate();
}

void TestRegisterFromSearch::draftFromSearch()
{
    QFETCH(QString, text);
    QFETCH(QString, first);
    QFETCH(QString, last);
    QFETCH(QDate, dob);
    const Patient draft = RegisterPatientDialog::draftFromSearch(text);
    QCOMPARE(draft.firstName, first);
    QCOMPARE(draft.lastName, last);
    QCOMPARE(draft.dateOfBirth, dob);
    QCOMPARE(draft.id, qint64(0));
}

void TestRegisterFromSearch::emptySearchOffersRegister()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    MainWindow window(environmentFor(env));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *offer = window.findChild<QPushButton *>(QStringLiteral("registerFromSearch"));
    auto *line = window.findChild<QLabel *>(QStringLiteral("noMatchLabel"));
    QVERIFY(offer && line);
    QTRY_VERIFY(searched(window, QString()));
    QVERIFY(!offer->isVisible()); // everybody is listed: nothing to offer

    QTest::keyClicks(window.searchField(), QStringLiteral("Lopez, Maria"));
    QTRY_VERIFY_WITH_TIMEOUT(searched(window, QStringLiteral("Lopez, Maria")), 3000);
    QCOMPARE(window.searchModel()->rowCount(), 0);
    QVERIFY(offer->isVisible());
    QCOMPARE(offer->text(), QStringLiteral("Register “Lopez, Maria”…"));
    QCOMPARE(line->text(), QStringLiteral("No patient matches “Lopez, Maria”."));

    // A search that finds someone takes the offer away.
    window.searchField()->clear();
    QTest::keyClicks(window.searchField(), QStringLiteral("garc"));
    QTRY_VERIFY_WITH_TIMEOUT(searched(window, QStringLiteral("garc")), 3000);
    QCOMPARE(window.searchModel()->rowCount(), 1);
    QVERIFY(!offer->isVisible());

    // A DOB year alone finds who was born then (Jane Smith, 1996); another year nobody.
    window.searchField()->clear();
    QTest::keyClicks(window.searchField(), QStringLiteral("1996"));
    QTRY_VERIFY_WITH_TIMEOUT(searched(window, QStringLiteral("1996")), 3000);
    QCOMPARE(window.searchModel()->rowCount(), 1);
    QCOMPARE(window.searchModel()->patientAt(0).firstName, QStringLiteral("Jane"));
    window.searchField()->clear();
    QTest::keyClicks(window.searchField(), QStringLiteral("1901"));
    QTRY_VERIFY_WITH_TIMEOUT(searched(window, QStringLiteral("1901")), 3000);
    QCOMPARE(window.searchModel()->rowCount(), 0);
    QVERIFY(offer->isVisible());

    // Pressing the offer opens Register Patient with the name filled in; the date of birth,
    // not in the text, is where the clerk starts typing.
    window.searchField()->clear();
    QTest::keyClicks(window.searchField(), QStringLiteral("Lopez, Maria"));
    QTRY_VERIFY_WITH_TIMEOUT(searched(window, QStringLiteral("Lopez, Maria")), 3000);
    const int tabs = window.tabs()->count();
    const Shown shown = whileRegistering(
        [&] { QTest::mouseClick(offer, Qt::LeftButton); },
        [](RegisterPatientDialog *dialog) {
            QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("dobEdit")),
                             QStringLiteral("05/06/1990"));
        });
    QVERIFY(shown.seen);
    QCOMPARE(shown.first, QStringLiteral("Maria"));
    QCOMPARE(shown.last, QStringLiteral("Lopez"));
    QCOMPARE(shown.dob, QString());
    QCOMPARE(shown.focused, QStringLiteral("dobEdit"));
    // Registered, and her page opens.
    QTRY_COMPARE(window.tabs()->count(), tabs + 1);
    auto *page = qobject_cast<PatientPage *>(window.tabs()->currentWidget());
    QVERIFY(page);
    QTRY_VERIFY(page->isLoaded());
    QCOMPARE(page->patient().firstName, QStringLiteral("Maria"));
    QCOMPARE(page->patient().lastName, QStringLiteral("Lopez"));
    QCOMPARE(page->patient().dateOfBirth, QDate(1990, 5, 6));
}

void TestRegisterFromSearch::enterRegistersWhatWasTyped()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    MainWindow window(environmentFor(env));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY(searched(window, QString()));
    const int tabs = window.tabs()->count();
    // Typed and Enter pressed at once, before the search has answered: Enter waits for it.
    QTest::keyClicks(window.searchField(), QStringLiteral("nadia okafor 03/04/1985"));
    const Shown shown =
        whileRegistering([&] { QTest::keyClick(window.searchField(), Qt::Key_Return); },
                         [](RegisterPatientDialog *) {});
    QVERIFY(shown.seen);
    QCOMPARE(shown.first, QStringLiteral("Nadia"));
    QCOMPARE(shown.last, QStringLiteral("Okafor"));
    QCOMPARE(shown.dob, QStringLiteral("03/04/1985"));
    QTRY_COMPARE(window.tabs()->count(), tabs + 1);
    auto *page = qobject_cast<PatientPage *>(window.tabs()->currentWidget());
    QVERIFY(page);
    QTRY_VERIFY(page->isLoaded());
    QCOMPARE(page->patient().lastName, QStringLiteral("Okafor"));
    QCOMPARE(page->patient().dateOfBirth, QDate(1985, 3, 4));

    // Enter on a search that finds someone still opens that patient, and registers nobody.
    window.tabs()->setCurrentIndex(0);
    window.searchField()->clear();
    QTest::keyClicks(window.searchField(), QStringLiteral("garc"));
    QTRY_VERIFY_WITH_TIMEOUT(searched(window, QStringLiteral("garc")), 3000);
    const int patients =
        env.read([](const QString &c) { return PatientRepository(c).count(); }).valueOr(-1);
    QTest::keyClick(window.searchField(), Qt::Key_Return);
    QTRY_COMPARE(window.tabs()->count(), tabs + 2);
    QTest::qWait(100);
    QVERIFY(!QApplication::activeModalWidget());
    QCOMPARE(env.read([](const QString &c) { return PatientRepository(c).count(); }).valueOr(-1),
             patients);
}

void TestRegisterFromSearch::tabReachesTheOffer()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    MainWindow window(environmentFor(env));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    auto *offer = window.findChild<QPushButton *>(QStringLiteral("registerFromSearch"));
    QTest::keyClicks(window.searchField(), QStringLiteral("Zed"));
    QTRY_VERIFY_WITH_TIMEOUT(searched(window, QStringLiteral("Zed")), 3000);
    QVERIFY(offer->isVisible());
    window.searchField()->setFocus();
    QTest::keyClick(window.searchField(), Qt::Key_Tab); // Register Patient…
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), offer);
    const Shown shown = whileRegistering(
        [&] { QTest::keyClick(offer, Qt::Key_Space); },
        [](RegisterPatientDialog *dialog) {
            QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("firstNameEdit")),
                             QStringLiteral("Ann"));
            QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("dobEdit")),
                             QStringLiteral("01/02/1970"));
        });
    QVERIFY(shown.seen);
    QCOMPARE(shown.last, QStringLiteral("Zed"));
    QCOMPARE(shown.first, QString());
    QCOMPARE(shown.focused, QStringLiteral("firstNameEdit"));
}

QTEST_MAIN(TestRegisterFromSearch)
#include "tst_registerfromsearch.moc"

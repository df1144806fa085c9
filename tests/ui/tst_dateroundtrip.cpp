// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// A date typed is the date stored and the date shown, in English (month first) and Spanish (day
// first): 05/06/1990 is May 6 in English and 5 June in Spanish, and reads back the same on the
// patient page and finds the patient in the search.
#include "common/trainingenvironment.h"
#include "models/patientsearchmodel.h"
#include "services/domain/dateformats.h"
#include "ui/mainwindow.h"
#include "ui/patientpage.h"
#include "ui/registerpatientdialog.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>

namespace {
struct LocaleGuard
{
    QLocale saved;
    ~LocaleGuard() { QLocale::setDefault(saved); }
};
} // namespace

class TestDateRoundTrip : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void typedDateIsStoredAndShown_data();
    void typedDateIsStoredAndShown();
};

void TestDateRoundTrip::typedDateIsStoredAndShown_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QDate>("stored");
    QTest::addColumn<QString>("placeholder"); // how the hint begins
    QTest::newRow("en") << QLocale(QLocale::English, QLocale::UnitedStates) << QDate(1990, 5, 6)
                        << QStringLiteral("MM/DD/");
    QTest::newRow("es") << QLocale(QLocale::Spanish, QLocale::UnitedStates) << QDate(1990, 6, 5)
                        << QStringLiteral("DD/MM/");
}

void TestDateRoundTrip::typedDateIsStoredAndShown()
{
    QFETCH(QLocale, locale);
    QFETCH(QDate, stored);
    QFETCH(QString, placeholder);
    LocaleGuard guard;
    QLocale::setDefault(locale);
    TrainingEnvironment::Options options;
    options.seed = false;
    TrainingEnvironment env(options);
    QVERIFY2(env.isReady(), qPrintable(env.error()));

    // Typed into the registration form, in the language's order.
    RegisterPatientDialog dialog(&env.patients());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *dob = dialog.findChild<QLineEdit *>(QStringLiteral("dobEdit"));
    QVERIFY(dob);
    // The hint names the order (the year's letters are the language's: YYYY, AAAA).
    QVERIFY2(dob->placeholderText().startsWith(placeholder), qPrintable(dob->placeholderText()));
    dialog.findChild<QLineEdit *>(QStringLiteral("firstNameEdit"))->setText(QStringLiteral("Ana"));
    dialog.findChild<QLineEdit *>(QStringLiteral("lastNameEdit"))->setText(QStringLiteral("Ruiz"));
    dob->setFocus();
    QTest::keyClicks(dob, QStringLiteral("05/06/1990"));
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.accept();
    QVERIFY(!accepted.isEmpty() || accepted.wait(10000));
    const Patient patient = dialog.patient();
    QVERIFY(patient.id > 0);
    QCOMPARE(patient.dateOfBirth, stored);

    // Shown back as typed on the patient page, in the search list, and found by it.
    DeskEnvironment e;
    e.patients = &env.patients();
    e.appointments = &env.appointments();
    e.eligibility = &env.service();
    e.reports = &env.reports();
    e.user = QStringLiteral("tester");
    MainWindow window(e);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    PatientPage *page = window.openPatient(patient.id);
    QVERIFY(page);
    QTRY_VERIFY(page->isLoaded());
    bool shown = false;
    for (QLabel *label : page->findChildren<QLabel *>())
        shown = shown || label->text().contains(QLatin1String("05/06/1990"));
    QVERIFY(shown);
    QCOMPARE(DateFormats::format(stored), QStringLiteral("05/06/1990"));

    window.searchField()->setText(QStringLiteral("05/06/1990"));
    QTRY_VERIFY(window.searchModel()->searchText() == QLatin1String("05/06/1990") &&
                !window.searchModel()->isSearching());
    QCOMPARE(window.searchModel()->rowCount(), 1);
    QCOMPARE(window.searchModel()->patientAt(0).id, patient.id);
    const QModelIndex dobCell = window.searchModel()->index(0, PatientSearchModel::DateOfBirthColumn);
    QCOMPARE(dobCell.data().toString(), QStringLiteral("05/06/1990"));
}

QTEST_MAIN(TestDateRoundTrip)
#include "tst_dateroundtrip.moc"

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The appointment form offscreen, by keyboard: book a visit, move one, see the overlap warning,
// keep the form open with the reason when saving fails; unique mnemonics; Spanish dates.
#include "common/trainingenvironment.h"
#include "services/domain/dateformats.h"
#include "services/eligibility/benefitsummary.h"
#include "services/patients/appointmentservice.h"
#include "services/store/appointmentrepository.h"
#include "ui/appointmentdialog.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

namespace {
TrainingEnvironment::Options unseeded()
{
    TrainingEnvironment::Options options;
    options.seed = false;
    return options;
}

//! A date well ahead, so no test depends on today.
const QDate visitDay(2030, 3, 12);

QDateTime localAt(QTime time, QDate day = visitDay)
{
    return QDateTime(day, time).toUTC();
}

//! Restores the default locale when the test ends, passed or not.
struct LocaleGuard
{
    QLocale saved;
    ~LocaleGuard() { QLocale::setDefault(saved); }
};

//! The mnemonic letter of a text ("&Date" → 'D'; "&&" is a literal ampersand), or none.
QChar mnemonicOf(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return text.at(i + 1).toUpper();
    }
    return {};
}
} // namespace

class TestAppointmentDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void newVisitTypedWithTheKeyboardIsStored();
    void timeOnlyChangeReschedules();
    void conflictWarningNamesTheOverlap();
    void failedSaveKeepsTheDialogOpen_data();
    void failedSaveKeepsTheDialogOpen();
    void mnemonicsAreUniqueAndHaveBuddies();
    void datesFollowTheLanguage_data();
    void datesFollowTheLanguage();
    void timeStepsByQuarterHours_data();
    void timeStepsByQuarterHours();

private:
    static Patient newPatient(TrainingEnvironment &env, const QString &first, const QString &last)
    {
        Patient p;
        p.firstName = first;
        p.lastName = last;
        p.dateOfBirth = QDate(1980, 6, 1);
        const StoreResult<Patient> saved = TestSupport::await(env.patients().registerPatient(p));
        if (!saved)
            qWarning() << "patient not registered:" << saved.error();
        return saved.valueOr({});
    }
    static std::optional<Appointment> stored(TrainingEnvironment &env, qint64 id)
    {
        return env.read([id](const QString &c) { return AppointmentRepository(c).find(id); })
            .valueOr(std::nullopt);
    }
    static int audited(TrainingEnvironment &env, const QString &action, qint64 id)
    {
        int count = 0;
        for (const AuditEntry &entry : env.auditEntries())
            count += entry.action == action && entry.entityId == id ? 1 : 0;
        return count;
    }
    //! Shows the dialog and waits for its provider and visit-type lists.
    static bool showAndLoad(AppointmentDialog &dialog)
    {
        QSignalSpy lists(&dialog, &AppointmentDialog::listsLoaded);
        dialog.show();
        return QTest::qWaitForWindowExposed(&dialog) && (!lists.isEmpty() || lists.wait(10000));
    }
    template<typename T> static T *child(QWidget &dialog, const char *name)
    {
        return dialog.findChild<T *>(QLatin1String(name));
    }
    //! Alt+letter, as the clerk reaches a field.
    static void mnemonic(QWidget &dialog, char letter)
    {
        QTest::keyClick(&dialog, Qt::Key(Qt::Key_A + (letter - 'a')), Qt::AltModifier);
    }
    /*!
      Reaches a field by its mnemonic and types over it, as the clerk does: coming into a date,
      time or number field selects its first part, and typing digits moves from part to part
      (03162030 is 03/16/2030; 0215PM is 2:15 PM). From the notes first, so the field is
      entered afresh even when it had the focus.
     */
    static void typeInto(QWidget &dialog, char letter, const QString &text)
    {
        mnemonic(dialog, 'n');
        mnemonic(dialog, letter);
        QTest::keyClicks(QApplication::focusWidget(), text);
    }
};

void TestAppointmentDialog::newVisitTypedWithTheKeyboardIsStored()
{
    TrainingEnvironment env(unseeded());
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    AppointmentService service(&env.store(), QStringLiteral("tester"));
    const Patient jane = newPatient(env, QStringLiteral("Jane"), QStringLiteral("Smith"));
    QVERIFY(jane.id > 0);
    const Patient john = newPatient(env, QStringLiteral("John"), QStringLiteral("Roe"));
    Appointment other;
    other.patientId = john.id;
    other.provider = QStringLiteral("Dr. Abbot");
    other.visitType = QStringLiteral("Vaccines");
    other.start = localAt(QTime(15, 0), visitDay.addDays(20));
    QVERIFY(TestSupport::await(service.add(other)).ok());

    AppointmentDialog dialog(&service, jane);
    QVERIFY(showAndLoad(dialog));
    QCOMPARE(dialog.windowTitle(), QStringLiteral("New Appointment"));
    QCOMPARE(child<QLabel>(dialog, "patientNameLabel")->text(), QStringLiteral("Smith, Jane"));
    auto *date = child<QDateEdit>(dialog, "dateEdit");
    auto *time = child<QTimeEdit>(dialog, "timeEdit");
    auto *duration = child<QSpinBox>(dialog, "durationSpin");
    auto *provider = child<QComboBox>(dialog, "providerCombo");
    auto *visitType = child<QComboBox>(dialog, "visitTypeCombo");
    auto *notes = child<QPlainTextEdit>(dialog, "notesEdit");
    QVERIFY(date && time && duration && provider && visitType && notes);
    // A new visit starts on a quarter hour; the lists offer what is in use and the usual types.
    QCOMPARE(time->time().minute() % 15, 0);
    QVERIFY(date->calendarPopup());
    QVERIFY(provider->isEditable() && visitType->isEditable());
    QVERIFY(provider->findText(QStringLiteral("Dr. Abbot")) >= 0);
    QVERIFY(visitType->findText(QStringLiteral("Vaccines")) >= 0);
    QVERIFY(visitType->findText(QStringLiteral("Follow-up")) >= 0);
    QCOMPARE(provider->currentText(), QString());
    QCOMPARE(duration->minimum(), 5);
    QCOMPARE(duration->maximum(), 240);

    mnemonic(dialog, 'd');
    QCOMPARE(QApplication::focusWidget(), date);
    QTest::keyClicks(date, QStringLiteral("03162030"));
    QCOMPARE(date->date(), QDate(2030, 3, 16));
    mnemonic(dialog, 't');
    QCOMPARE(QApplication::focusWidget(), time);
    QTest::keyClicks(time, QStringLiteral("1030AM"));
    QCOMPARE(time->time(), QTime(10, 30));
    mnemonic(dialog, 'u');
    QCOMPARE(QApplication::focusWidget(), duration);
    QTest::keyClicks(duration, QStringLiteral("45"));
    QCOMPARE(duration->value(), 45);
    mnemonic(dialog, 'p');
    QCOMPARE(QApplication::focusWidget(), provider);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Dr. Xavier"));
    mnemonic(dialog, 'v');
    QCOMPARE(QApplication::focusWidget(), visitType);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Lab review"));
    mnemonic(dialog, 'n');
    QCOMPARE(QApplication::focusWidget(), notes);
    QTest::keyClicks(notes, QStringLiteral("Fasting"));
    // Tab leaves the notes rather than typing a tab into them.
    QTest::keyClick(notes, Qt::Key_Tab);
    QVERIFY(QApplication::focusWidget() != notes);
    QCOMPARE(notes->toPlainText(), QStringLiteral("Fasting"));

    QSignalSpy accepted(&dialog, &QDialog::accepted);
    mnemonic(dialog, 's');
    QVERIFY(accepted.wait(10000));
    QCOMPARE(dialog.result(), int(QDialog::Accepted));

    const Appointment saved = dialog.appointment();
    QVERIFY(saved.id > 0);
    QCOMPARE(saved.patientId, jane.id);
    QCOMPARE(saved.start, localAt(QTime(10, 30), QDate(2030, 3, 16)));
    QCOMPARE(saved.durationMinutes, 45);
    QCOMPARE(saved.provider, QStringLiteral("Dr. Xavier"));
    QCOMPARE(saved.visitType, QStringLiteral("Lab review"));
    QCOMPARE(saved.notes, QStringLiteral("Fasting"));
    QCOMPARE(saved.status, AppointmentStatus::Scheduled);
    QCOMPARE(stored(env, saved.id), std::optional(saved));
    QCOMPARE(audited(env, QStringLiteral("appointment.create"), saved.id), 1);
}

void TestAppointmentDialog::timeOnlyChangeReschedules()
{
    TrainingEnvironment env(unseeded());
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    AppointmentService service(&env.store(), QStringLiteral("tester"));
    const Patient jane = newPatient(env, QStringLiteral("Jane"), QStringLiteral("Smith"));
    Appointment a;
    a.patientId = jane.id;
    a.provider = QStringLiteral("Dr. Xavier");
    a.visitType = QStringLiteral("Follow-up");
    a.notes = QStringLiteral("Interpreter: Spanish");
    a.start = localAt(QTime(9, 0));
    a.durationMinutes = 30;
    const Appointment booked = TestSupport::await(service.add(a)).valueOr({});
    QVERIFY(booked.id > 0);

    AppointmentDialog dialog(&service, jane, booked);
    QVERIFY(showAndLoad(dialog));
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Edit Appointment"));
    auto *date = child<QDateEdit>(dialog, "dateEdit");
    auto *time = child<QTimeEdit>(dialog, "timeEdit");
    QCOMPARE(date->date(), visitDay);
    QCOMPARE(time->time(), QTime(9, 0));
    QCOMPARE(child<QSpinBox>(dialog, "durationSpin")->value(), 30);
    QCOMPARE(child<QComboBox>(dialog, "providerCombo")->currentText(),
             QStringLiteral("Dr. Xavier"));
    QCOMPARE(child<QComboBox>(dialog, "visitTypeCombo")->currentText(),
             QStringLiteral("Follow-up"));
    QCOMPARE(child<QPlainTextEdit>(dialog, "notesEdit")->toPlainText(),
             QStringLiteral("Interpreter: Spanish"));

    typeInto(dialog, 't', QStringLiteral("0215PM"));
    QCOMPARE(time->time(), QTime(14, 15));
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    mnemonic(dialog, 's');
    QVERIFY(accepted.wait(10000));

    Appointment expected = booked;
    expected.start = localAt(QTime(14, 15));
    expected.updatedAt = dialog.appointment().updatedAt;
    QCOMPARE(dialog.appointment(), expected);
    QCOMPARE(stored(env, booked.id), std::optional(expected));
    QCOMPARE(audited(env, QStringLiteral("appointment.edit"), booked.id), 1);
}

void TestAppointmentDialog::conflictWarningNamesTheOverlap()
{
    TrainingEnvironment env(unseeded());
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    AppointmentService service(&env.store(), QStringLiteral("tester"));
    const Patient jane = newPatient(env, QStringLiteral("Jane"), QStringLiteral("Smith"));
    const Patient john = newPatient(env, QStringLiteral("John"), QStringLiteral("Roe"));
    Appointment janes;
    janes.patientId = jane.id;
    janes.provider = QStringLiteral("Dr. Xavier");
    janes.start = localAt(QTime(9, 0));
    janes.durationMinutes = 30;
    QVERIFY(TestSupport::await(service.add(janes)).ok());

    Appointment proposal;
    proposal.start = localAt(QTime(9, 15));
    proposal.durationMinutes = 30;
    AppointmentDialog dialog(&service, john, proposal);
    QVERIFY(showAndLoad(dialog));
    auto *warning = child<QLabel>(dialog, "conflictLabel");
    auto *time = child<QTimeEdit>(dialog, "timeEdit");
    QVERIFY(warning && time);
    QVERIFY(warning->isHidden());

    QSignalSpy checked(&dialog, &AppointmentDialog::conflictsChecked);
    mnemonic(dialog, 'p');
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Dr. Xavier"));
    QTRY_VERIFY_WITH_TIMEOUT(!checked.isEmpty() && !dialog.isCheckingConflicts(), 10000);
    QVERIFY(warning->isVisible());
    const QString expected =
        QStringLiteral("Dr. Xavier already has a visit from %1 to %2 (Smith, "
                       "Jane).")
            .arg(BenefitSummary::formatTime(QTime(9, 0)), BenefitSummary::formatTime(QTime(9, 30)));
    QCOMPARE(warning->text(), expected);
    QVERIFY2(warning->text().contains(QRegularExpression(QStringLiteral("9:00\\W+AM to 9:30"))),
             qPrintable(warning->text()));
    QCOMPARE(dialog.conflicts().size(), 1);

    // Back to back is no conflict: the warning goes.
    checked.clear();
    typeInto(dialog, 't', QStringLiteral("0930AM"));
    QTRY_VERIFY_WITH_TIMEOUT(!checked.isEmpty() && !dialog.isCheckingConflicts(), 10000);
    QVERIFY(warning->isHidden());
    QCOMPARE(dialog.conflicts().size(), 0);

    // And back: a warning only, the visit can still be booked.
    checked.clear();
    typeInto(dialog, 't', QStringLiteral("0915AM"));
    QTRY_VERIFY_WITH_TIMEOUT(!checked.isEmpty() && !dialog.isCheckingConflicts(), 10000);
    QVERIFY(warning->isVisible());
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    mnemonic(dialog, 's');
    QVERIFY(accepted.wait(10000));
    QVERIFY(dialog.appointment().id > 0);
    QCOMPARE(dialog.appointment().start, localAt(QTime(9, 15)));
}

void TestAppointmentDialog::failedSaveKeepsTheDialogOpen_data()
{
    QTest::addColumn<bool>("missingPatient");
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("error");
    QTest::newRow("no provider") << false << QString() << "Choose the provider";
    QTest::newRow("patient removed") << true << "Dr. Xavier"
                                     << "no longer exists";
}

void TestAppointmentDialog::failedSaveKeepsTheDialogOpen()
{
    QFETCH(bool, missingPatient);
    QFETCH(QString, provider);
    QFETCH(QString, error);
    TrainingEnvironment env(unseeded());
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    AppointmentService service(&env.store(), QStringLiteral("tester"));
    Patient patient = newPatient(env, QStringLiteral("Jane"), QStringLiteral("Smith"));
    if (missingPatient)
        patient.id += 1000;

    AppointmentDialog dialog(&service, patient);
    QVERIFY(showAndLoad(dialog));
    auto *message = child<QLabel>(dialog, "messageLabel");
    QVERIFY(message->isHidden());
    mnemonic(dialog, 'p');
    QTest::keyClicks(QApplication::focusWidget(), provider);
    QSignalSpy failed(&dialog, &AppointmentDialog::saveFailed);
    QSignalSpy finished(&dialog, &QDialog::finished);
    mnemonic(dialog, 's');
    QVERIFY(failed.wait(10000));
    QVERIFY2(failed.at(0).at(0).toString().contains(error),
             qPrintable(failed.at(0).at(0).toString()));
    QVERIFY(message->isVisible());
    QCOMPARE(message->text(), failed.at(0).at(0).toString());
    QVERIFY(dialog.isVisible());
    QCOMPARE(finished.size(), 0);
    QVERIFY(!dialog.isSaving());
    QVERIFY(child<QDialogButtonBox>(dialog, "buttonBox")
                ->button(QDialogButtonBox::Save)
                ->isEnabled()); // the clerk can correct and try again

    // Cancel (Escape) closes without storing anything.
    QTest::keyClick(&dialog, Qt::Key_Escape);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QCOMPARE(env.read([](const QString &c) { return AppointmentRepository(c).providers(); })
                 .valueOr({QStringLiteral("error")}),
             QStringList());
}

void TestAppointmentDialog::mnemonicsAreUniqueAndHaveBuddies()
{
    TrainingEnvironment env(unseeded());
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    AppointmentService service(&env.store(), QStringLiteral("tester"));
    const Patient jane = newPatient(env, QStringLiteral("Jane"), QStringLiteral("Smith"));
    AppointmentDialog dialog(&service, jane);
    QVERIFY(showAndLoad(dialog));

    QMap<QChar, QString> owners; // letter → the text that uses it
    QStringList clashes;
    auto collect = [&](const QString &text) {
        const QChar letter = mnemonicOf(text);
        if (letter.isNull())
            return;
        if (owners.contains(letter))
            clashes << QStringLiteral("%1: \"%2\" and \"%3\"").arg(letter, owners[letter], text);
        owners.insert(letter, text);
    };
    for (QLabel *label : dialog.findChildren<QLabel *>()) {
        collect(label->text());
        if (!mnemonicOf(label->text()).isNull()) {
            QVERIFY2(label->buddy(), qPrintable(label->text()));
            QVERIFY2(label->buddy()->focusPolicy() & Qt::TabFocus, qPrintable(label->text()));
        }
    }
    for (QAbstractButton *button : dialog.findChildren<QAbstractButton *>())
        collect(button->text());
    for (QGroupBox *box : dialog.findChildren<QGroupBox *>())
        collect(box->title());
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QLatin1Char('\n'))));
    QString letters;
    for (const QChar letter : owners.keys())
        letters.append(letter);
    QCOMPARE(letters, QStringLiteral("DNPSTUV"));
    auto *save = child<QDialogButtonBox>(dialog, "buttonBox")->button(QDialogButtonBox::Save);
    QCOMPARE(save->text(), QStringLiteral("&Save"));
    QVERIFY(save->isDefault());
    QCOMPARE(child<QDialogButtonBox>(dialog, "buttonBox")
                 ->button(QDialogButtonBox::Cancel)
                 ->text()
                 .remove(QLatin1Char('&')),
             QStringLiteral("Cancel"));
}

void TestAppointmentDialog::datesFollowTheLanguage_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("shown");
    QTest::newRow("en_US") << QLocale(QLocale::English, QLocale::UnitedStates)
                           << QStringLiteral("MM/dd/yyyy") << QStringLiteral("03/16/2030");
    QTest::newRow("es_US") << QLocale(QLocale::Spanish, QLocale::UnitedStates)
                           << QStringLiteral("dd/MM/yyyy") << QStringLiteral("16/03/2030");
}

void TestAppointmentDialog::datesFollowTheLanguage()
{
    QFETCH(QLocale, locale);
    QFETCH(QString, format);
    QFETCH(QString, shown);
    TrainingEnvironment env(unseeded());
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    AppointmentService service(&env.store(), QStringLiteral("tester"));
    const Patient jane = newPatient(env, QStringLiteral("Jane"), QStringLiteral("Smith"));
    LocaleGuard guard;
    QLocale::setDefault(locale);

    Appointment proposal;
    proposal.start = localAt(QTime(10, 30), QDate(2030, 3, 16));
    AppointmentDialog dialog(&service, jane, proposal);
    QVERIFY(showAndLoad(dialog));
    auto *date = child<QDateEdit>(dialog, "dateEdit");
    QCOMPARE(date->displayFormat(), format);
    QCOMPARE(date->text(), shown); // with its year
    QCOMPARE(date->text(), DateFormats::format(QDate(2030, 3, 16)));

    // A date typed in the language's order is the date stored.
    typeInto(dialog, 'd',
             shown.startsWith(QLatin1String("16")) ? QStringLiteral("05062030")
                                                   : QStringLiteral("06052030"));
    QCOMPARE(date->date(), QDate(2030, 6, 5));
}

void TestAppointmentDialog::timeStepsByQuarterHours_data()
{
    QTest::addColumn<QTime>("from");
    QTest::addColumn<int>("key");
    QTest::addColumn<QTime>("to");
    QTest::newRow("up onto a quarter") << QTime(9, 7) << int(Qt::Key_Up) << QTime(9, 15);
    QTest::newRow("down onto a quarter") << QTime(9, 7) << int(Qt::Key_Down) << QTime(9, 0);
    QTest::newRow("up a quarter") << QTime(9, 15) << int(Qt::Key_Up) << QTime(9, 30);
    QTest::newRow("up across the hour") << QTime(9, 45) << int(Qt::Key_Up) << QTime(10, 0);
    QTest::newRow("down across the hour") << QTime(10, 0) << int(Qt::Key_Down) << QTime(9, 45);
    QTest::newRow("page up") << QTime(9, 0) << int(Qt::Key_PageUp) << QTime(11, 30);
    QTest::newRow("last quarter") << QTime(23, 45) << int(Qt::Key_Up) << QTime(23, 45);
}

void TestAppointmentDialog::timeStepsByQuarterHours()
{
    QFETCH(QTime, from);
    QFETCH(int, key);
    QFETCH(QTime, to);
    QuarterHourTimeEdit edit;
    edit.setDisplayFormat(QStringLiteral("h:mm AP"));
    edit.setTime(from);
    edit.show();
    QVERIFY(QTest::qWaitForWindowExposed(&edit));
    edit.setCurrentSection(QDateTimeEdit::MinuteSection);
    QTest::keyClick(&edit, Qt::Key(key));
    QCOMPARE(edit.time(), to);
    QCOMPARE(edit.currentSection(), QDateTimeEdit::MinuteSection);
}

QTEST_MAIN(TestAppointmentDialog)
#include "tst_appointmentdialog.moc"

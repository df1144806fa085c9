// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Appointments where the clerk works: book, reschedule and cancel from the schedule and from a
// patient's tab with the keyboard (Ctrl+B, Ctrl+R, Ctrl+Del); the schedule leaves cancelled
// visits out; the patient's tab lists the upcoming visits. Real store, real dialogs, offscreen.
#include "common/trainingenvironment.h"
#include "models/appointmentmodel.h"
#include "models/schedulemodel.h"
#include "services/store/appointmentrepository.h"
#include "ui/appointmentdialog.h"
#include "ui/cancelvisitdialog.h"
#include "ui/mainwindow.h"
#include "ui/patientpage.h"

#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTimer>

#include <functional>

namespace {
TrainingEnvironment::Options unseeded()
{
    TrainingEnvironment::Options options;
    options.seed = false;
    return options;
}

QDateTime todayAt(QTime time, int days = 0)
{
    return QDateTime(QDate::currentDate().addDays(days), time).toUTC();
}

/*!
  Runs `handle` on the modal dialog of type D once it is up (the keystroke that opens it
  blocks in exec()). `handled` turns true when it ran; a dialog that never comes is a failure
  the test sees through it.
 */
template<typename D> void whenModal(std::function<void(D *)> handle, bool *handled)
{
    auto *poll = new QTimer(qApp);
    auto started = std::make_shared<QElapsedTimer>();
    started->start();
    QObject::connect(poll, &QTimer::timeout, qApp, [poll, started, handle, handled] {
        auto *dialog = qobject_cast<D *>(QApplication::activeModalWidget());
        if (!dialog && started->elapsed() < 10000)
            return;
        poll->stop();
        poll->deleteLater();
        if (dialog) {
            *handled = true;
            handle(dialog);
        }
    });
    poll->start(20);
}

//! Fills the appointment form's time (and provider when given) and saves it, waiting for the
//! store.
void saveForm(AppointmentDialog *dialog, QTime time, const QString &provider = {})
{
    QSignalSpy lists(dialog, &AppointmentDialog::listsLoaded);
    if (lists.isEmpty())
        lists.wait(3000);
    dialog->findChild<QTimeEdit *>(QStringLiteral("timeEdit"))->setTime(time);
    if (!provider.isEmpty())
        dialog->findChild<QComboBox *>(QStringLiteral("providerCombo"))->setEditText(provider);
    QSignalSpy accepted(dialog, &QDialog::accepted);
    dialog->accept();
    if (accepted.isEmpty())
        accepted.wait(10000);
}
} // namespace

class TestVisits : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void scheduleByKeyboard();
    void patientPageListsAndChangesVisits();

private:
    static DeskEnvironment environmentFor(TrainingEnvironment &env)
    {
        DeskEnvironment e;
        e.patients = &env.patients();
        e.appointments = &env.appointments();
        e.eligibility = &env.service();
        e.reports = &env.reports();
        e.user = QStringLiteral("tester");
        return e;
    }
    static Patient newPatient(TrainingEnvironment &env, const QString &first, const QString &last)
    {
        Patient p;
        p.firstName = first;
        p.lastName = last;
        p.dateOfBirth = QDate(1975, 4, 2);
        return TestSupport::await(env.patients().registerPatient(p)).valueOr({});
    }
    static Appointment book(TrainingEnvironment &env, qint64 patientId, const QDateTime &start,
                            const QString &provider = QStringLiteral("Dr. Abbot"))
    {
        Appointment a;
        a.patientId = patientId;
        a.start = start;
        a.durationMinutes = 30;
        a.provider = provider;
        a.visitType = QStringLiteral("Office visit");
        return TestSupport::await(env.appointments().add(a)).valueOr({});
    }
    //! The window active again with `focus` focused (a closed dialog leaves no active window
    //! offscreen, and shortcuts only reach the active one).
    static bool focusIn(QWidget &window, QWidget *focus)
    {
        window.activateWindow();
        if (!QTest::qWaitForWindowActive(&window))
            return false;
        focus->setFocus();
        return QApplication::focusWidget() == focus;
    }
    static std::optional<Appointment> stored(TrainingEnvironment &env, qint64 id)
    {
        return env.read([id](const QString &c) { return AppointmentRepository(c).find(id); })
            .valueOr(std::nullopt);
    }
    static int rowOfPatient(ScheduleModel *model, qint64 patientId)
    {
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->entryAt(row).patient.id == patientId)
                return row;
        }
        return -1;
    }
};

void TestVisits::scheduleByKeyboard()
{
    TrainingEnvironment env(unseeded());
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    const Patient jane = newPatient(env, QStringLiteral("Jane"), QStringLiteral("Smith"));
    const Patient john = newPatient(env, QStringLiteral("John"), QStringLiteral("Roe"));
    QVERIFY(jane.id > 0 && john.id > 0);
    const Appointment janeVisit = book(env, jane.id, todayAt(QTime(10, 0)));
    QVERIFY(janeVisit.id > 0);
    QVERIFY(book(env, john.id, todayAt(QTime(11, 0))).id > 0);

    MainWindow window(environmentFor(env));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ScheduleModel *schedule = window.scheduleModel();
    QTRY_COMPARE(schedule->rowCount(), 2);
    QTableView *view = window.scheduleView();
    auto *reschedule = window.findChild<QPushButton *>(QStringLiteral("scheduleRescheduleButton"));
    auto *cancel = window.findChild<QPushButton *>(QStringLiteral("scheduleCancelButton"));
    QVERIFY(reschedule && cancel);
    // Nothing chosen yet: nothing to change.
    QVERIFY(!reschedule->isEnabled() && !cancel->isEnabled());

    // Reschedule Jane's visit to 2:00 PM with Ctrl+R on her row.
    QVERIFY(focusIn(window, view));
    view->selectRow(rowOfPatient(schedule, jane.id));
    QVERIFY(reschedule->isEnabled() && cancel->isEnabled());
    bool handled = false;
    qint64 dialogPatient = 0;
    whenModal<AppointmentDialog>(
        [&dialogPatient](AppointmentDialog *dialog) {
            dialogPatient = dialog->appointment().patientId;
            saveForm(dialog, QTime(14, 0));
        },
        &handled);
    QTest::keyClick(view, Qt::Key_R, Qt::ControlModifier);
    QVERIFY(handled);
    QCOMPARE(dialogPatient, jane.id);
    QTRY_COMPARE(stored(env, janeVisit.id)->start, todayAt(QTime(14, 0)));
    // The schedule follows by itself, in time order: John at 11:00 now comes first.
    QTRY_COMPARE(schedule->entryAt(1).appointment.start, todayAt(QTime(14, 0)));
    QCOMPARE(schedule->entryAt(0).patient.id, john.id);

    // Cancel Jane's visit with Ctrl+Del; Enter alone would keep it. Her row is still the chosen
    // one after the schedule reordered (selectRow() would toggle it off with Ctrl still down).
    QCOMPARE(view->selectionModel()->selectedRows().value(0).row(), rowOfPatient(schedule, jane.id));
    QVERIFY(focusIn(window, view));
    handled = false;
    QString defaultButton;
    whenModal<CancelVisitDialog>(
        [&defaultButton](CancelVisitDialog *dialog) {
            for (QPushButton *button : dialog->findChildren<QPushButton *>()) {
                if (button->isDefault())
                    defaultButton = button->objectName();
            }
            dialog->setReason(QStringLiteral("Feeling better"));
            QSignalSpy accepted(dialog, &QDialog::accepted);
            dialog->findChild<QPushButton *>(QStringLiteral("cancelVisitButton"))->click();
            if (accepted.isEmpty())
                accepted.wait(10000);
        },
        &handled);
    QTest::keyClick(view, Qt::Key_Delete, Qt::ControlModifier);
    QVERIFY(handled);
    QCOMPARE(defaultButton, QStringLiteral("keepVisitButton"));
    const std::optional<Appointment> cancelled = stored(env, janeVisit.id);
    QVERIFY(cancelled && cancelled->isCancelled());
    QCOMPARE(cancelled->cancelReason, QStringLiteral("Feeling better"));
    // A cancelled visit leaves the schedule.
    QTRY_COMPARE(schedule->rowCount(), 1);
    QCOMPARE(schedule->entryAt(0).patient.id, john.id);

    // Book another visit for John from his row with Ctrl+B.
    view->selectRow(0);
    QVERIFY(focusIn(window, view));
    handled = false;
    dialogPatient = 0;
    whenModal<AppointmentDialog>(
        [&dialogPatient](AppointmentDialog *dialog) {
            dialogPatient = dialog->appointmentFromForm().patientId;
            dialog->findChild<QDateEdit *>(QStringLiteral("dateEdit"))
                ->setDate(QDate::currentDate());
            saveForm(dialog, QTime(16, 30), QStringLiteral("Dr. Baker"));
        },
        &handled);
    QTest::keyClick(view, Qt::Key_B, Qt::ControlModifier);
    QVERIFY(handled);
    QCOMPARE(dialogPatient, john.id);
    QTRY_COMPARE(schedule->rowCount(), 2);
    QCOMPARE(schedule->entryAt(1).appointment.provider, QStringLiteral("Dr. Baker"));
    QCOMPARE(schedule->entryAt(1).appointment.start, todayAt(QTime(16, 30)));
    int created = 0;
    for (const AuditEntry &entry : env.auditEntries())
        created += entry.action == QLatin1String("appointment.create") ? 1 : 0;
    QCOMPARE(created, 3);
}

void TestVisits::patientPageListsAndChangesVisits()
{
    TrainingEnvironment env(unseeded());
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    const Patient jane = newPatient(env, QStringLiteral("Jane"), QStringLiteral("Smith"));
    QVERIFY(jane.id > 0);
    QVERIFY(book(env, jane.id, todayAt(QTime(9, 0), -1)).id > 0); // yesterday: not upcoming
    const Appointment tomorrow = book(env, jane.id, todayAt(QTime(9, 0), 1));
    const Appointment nextWeek = book(env, jane.id, todayAt(QTime(13, 0), 7));
    const Appointment dropped = book(env, jane.id, todayAt(QTime(15, 0), 3));
    QVERIFY(tomorrow.id > 0 && nextWeek.id > 0 && dropped.id > 0);
    QVERIFY(TestSupport::await(env.appointments().cancel(dropped.id, QStringLiteral("x"))).ok());

    MainWindow window(environmentFor(env));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    PatientPage *page = window.openPatient(jane.id);
    QVERIFY(page);
    AppointmentModel *visits = page->visitModel();
    QVERIFY(visits);
    QTRY_VERIFY(!visits->isLoading() && visits->rowCount() == 2);
    QCOMPARE(visits->appointmentAt(0).id, tomorrow.id);
    QCOMPARE(visits->appointmentAt(1).id, nextWeek.id);

    // Book from the patient's tab with Ctrl+B: the new visit is listed in its place.
    bool handled = false;
    whenModal<AppointmentDialog>(
        [](AppointmentDialog *dialog) {
            dialog->findChild<QDateEdit *>(QStringLiteral("dateEdit"))
                ->setDate(QDate::currentDate().addDays(2));
            saveForm(dialog, QTime(8, 15), QStringLiteral("Dr. Chen"));
        },
        &handled);
    QVERIFY(focusIn(window, page->visitView()));
    QTest::keyClick(page->visitView(), Qt::Key_B, Qt::ControlModifier);
    QVERIFY(handled);
    QTRY_COMPARE(visits->rowCount(), 3);
    QCOMPARE(visits->appointmentAt(1).provider, QStringLiteral("Dr. Chen"));
    QCOMPARE(visits->appointmentAt(1).patientId, jane.id);

    // Cancel next week's visit from the tab: it leaves the list.
    page->visitView()->setCurrentIndex(visits->index(visits->rowOfAppointment(nextWeek.id), 0));
    QVERIFY(focusIn(window, page->visitView()));
    handled = false;
    whenModal<CancelVisitDialog>(
        [](CancelVisitDialog *dialog) {
            QSignalSpy accepted(dialog, &QDialog::accepted);
            dialog->accept();
            if (accepted.isEmpty())
                accepted.wait(10000);
        },
        &handled);
    QTest::keyClick(page->visitView(), Qt::Key_Delete, Qt::ControlModifier);
    QVERIFY(handled);
    QTRY_COMPARE(visits->rowCount(), 2);
    QCOMPARE(visits->rowOfAppointment(nextWeek.id), -1);
    QVERIFY(stored(env, nextWeek.id)->isCancelled());
    QCOMPARE(stored(env, nextWeek.id)->cancelReason, QStringLiteral("Patient cancelled"));
}

QTEST_MAIN(TestVisits)
#include "tst_visits.moc"

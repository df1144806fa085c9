// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// A patient's upcoming visits under QAbstractItemModelTester: read through the service, shown in
// the desk's date and time formats, and following bookings, moves, edits and cancellations row
// by row while a selected visit stays selected.
#include "common/trainingenvironment.h"
#include "models/appointmentmodel.h"
#include "models/modelroles.h"
#include "services/domain/dateformats.h"
#include "services/eligibility/benefitsummary.h"
#include "services/patients/appointmentservice.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTest>

namespace {
using Tester = QAbstractItemModelTester;

TrainingEnvironment::Options unseeded()
{
    TrainingEnvironment::Options options;
    options.seed = false;
    return options;
}

QDateTime at(int days, QTime time)
{
    return QDateTime(QDate::currentDate().addDays(days), time).toUTC();
}

Appointment visit(qint64 patientId, const QDateTime &start, int minutes = 30)
{
    Appointment a;
    a.patientId = patientId;
    a.provider = QStringLiteral("Dr. Xavier");
    a.visitType = QStringLiteral("Follow-up");
    a.start = start;
    a.durationMinutes = minutes;
    return a;
}

QList<qint64> idsOf(const AppointmentModel &model)
{
    QList<qint64> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.index(row, 0).data(ModelRoles::IdRole).toLongLong());
    return ids;
}

//! The id of the one selected row; 0 when not exactly one row is selected.
qint64 selectedId(const QItemSelectionModel &selection)
{
    const QModelIndexList rows = selection.selectedRows();
    return rows.size() == 1 ? rows.at(0).data(ModelRoles::IdRole).toLongLong() : 0;
}
} // namespace

class TestAppointmentModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void showsUpcomingVisitsInOrder();
    void cancelledVisitsIncludedAreMarked();
    void followsChangesRowByRow();
    void cancelledVisitStaysMarkedWhenIncluded();
    void visitBookedWhileLoadingIsListedOnce();
    void otherPatientReplacesTheList();
    void readErrorIsReported();

private:
    static qint64 newPatient(TrainingEnvironment &env, const QString &first)
    {
        Patient p;
        p.firstName = first;
        p.lastName = QStringLiteral("Tester");
        p.dateOfBirth = QDate(1980, 6, 1);
        const StoreResult<Patient> saved = TestSupport::await(env.patients().registerPatient(p));
        return saved ? saved->id : 0;
    }
    static Appointment book(AppointmentService &service, const Appointment &a)
    {
        const StoreResult<Appointment> added = TestSupport::await(service.add(a));
        if (!added)
            qWarning() << "not booked:" << added.error();
        return added.valueOr({});
    }
    static bool load(AppointmentModel &model, qint64 patientId)
    {
        QSignalSpy loaded(&model, &AppointmentModel::loaded);
        model.setPatient(patientId);
        return loaded.wait(10000) && model.errorString().isEmpty();
    }
};

void TestAppointmentModel::showsUpcomingVisitsInOrder()
{
    TrainingEnvironment env(unseeded());
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    AppointmentService service(&env.store(), QStringLiteral("tester"));
    const qint64 patientId = newPatient(env, QStringLiteral("Ana"));
    Appointment first = visit(patientId, at(1, QTime(9, 0)));
    first.notes = QStringLiteral("Bring the referral.\nFasting since midnight.");
    first = book(service, first);
    const Appointment second = book(service, visit(patientId, at(3, QTime(8, 15)), 45));
    book(service, visit(patientId, at(-1, QTime(9, 0)))); // yesterday
    const Appointment cancelled = book(service, visit(patientId, at(2, QTime(10, 0))));
    QVERIFY(TestSupport::await(service.cancel(cancelled.id, QStringLiteral("Sick"))).ok());
    QVERIFY(first.id && second.id && cancelled.id);

    AppointmentModel model(&service);
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    QVERIFY(load(model, patientId));
    QCOMPARE(idsOf(model), (QList<qint64>{first.id, second.id}));
    QCOMPARE(model.columnCount(), int(AppointmentModel::ColumnCount));
    QCOMPARE(model.rowOfAppointment(second.id), 1);
    QCOMPARE(model.appointmentAt(0), first);

    auto text = [&](int row, int column, int role = Qt::DisplayRole) {
        return model.index(row, column).data(role).toString();
    };
    const QDate day = first.start.toLocalTime().date();
    QCOMPARE(text(0, AppointmentModel::DateColumn), DateFormats::format(day));
    QCOMPARE(text(0, AppointmentModel::DateColumn), day.toString(QStringLiteral("MM/dd/yyyy")));
    QCOMPARE(text(0, AppointmentModel::TimeColumn), BenefitSummary::formatTime(QTime(9, 0)));
    QVERIFY2(text(1, AppointmentModel::TimeColumn).startsWith(QLatin1String("8:15")),
             qPrintable(text(1, AppointmentModel::TimeColumn)));
    QCOMPARE(text(0, AppointmentModel::ProviderColumn), QStringLiteral("Dr. Xavier"));
    QCOMPARE(text(0, AppointmentModel::VisitTypeColumn), QStringLiteral("Follow-up"));
    QCOMPARE(text(1, AppointmentModel::DurationColumn), QStringLiteral("45 min"));
    QCOMPARE(text(0, AppointmentModel::StatusColumn), QStringLiteral("Scheduled"));
    QCOMPARE(text(0, AppointmentModel::NotesColumn),
             QStringLiteral("Bring the referral. Fasting since midnight."));
    QCOMPARE(text(0, AppointmentModel::NotesColumn, Qt::ToolTipRole), first.notes);

    const QModelIndex date = model.index(0, AppointmentModel::DateColumn);
    QCOMPARE(date.data(ModelRoles::IdRole).toLongLong(), first.id);
    QCOMPARE(date.data(ModelRoles::PatientIdRole).toLongLong(), patientId);
    QCOMPARE(date.data(ModelRoles::StatusKeyRole).toString(), QStringLiteral("scheduled"));
    QCOMPARE(date.data(ModelRoles::ValueRole).toDate(), day);
    QCOMPARE(date.data(ModelRoles::SortRole).toDateTime(), first.start);
    QCOMPARE(model.index(1, AppointmentModel::DurationColumn).data(ModelRoles::ValueRole).toInt(),
             45);
    QCOMPARE(model.headerData(AppointmentModel::VisitTypeColumn, Qt::Horizontal).toString(),
             QStringLiteral("Visit Type"));
}

void TestAppointmentModel::cancelledVisitsIncludedAreMarked()
{
    TrainingEnvironment env(unseeded());
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    AppointmentService service(&env.store(), QStringLiteral("tester"));
    const qint64 patientId = newPatient(env, QStringLiteral("Ana"));
    const Appointment kept = book(service, visit(patientId, at(1, QTime(9, 0))));
    const Appointment cancelled = book(service, visit(patientId, at(1, QTime(8, 0))));
    QVERIFY(TestSupport::await(service.cancel(cancelled.id, QStringLiteral("Travelling"))).ok());

    AppointmentModel model(&service);
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    QVERIFY(load(model, patientId));
    QCOMPARE(idsOf(model), QList<qint64>{kept.id});

    QSignalSpy loaded(&model, &AppointmentModel::loaded);
    model.setCancelledVisits(CancelledVisits::Include);
    QVERIFY(loaded.wait(10000));
    QCOMPARE(idsOf(model), (QList<qint64>{cancelled.id, kept.id}));
    const QModelIndex status = model.index(0, AppointmentModel::StatusColumn);
    QCOMPARE(status.data().toString(), QStringLiteral("Cancelled"));
    QCOMPARE(status.data(ModelRoles::StatusKeyRole).toString(), QStringLiteral("cancelled"));
    QCOMPARE(status.data(Qt::ToolTipRole).toString(), QStringLiteral("Cancelled: Travelling"));
    QCOMPARE(status.data(Qt::ForegroundRole).value<QBrush>().color(), QColor(Qt::gray));
    QVERIFY(!model.index(1, AppointmentModel::StatusColumn).data(Qt::ForegroundRole).isValid());
}

void TestAppointmentModel::followsChangesRowByRow()
{
    TrainingEnvironment env(unseeded());
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    AppointmentService service(&env.store(), QStringLiteral("tester"));
    const qint64 patientId = newPatient(env, QStringLiteral("Ana"));
    const qint64 otherId = newPatient(env, QStringLiteral("Bo"));
    const Appointment a = book(service, visit(patientId, at(1, QTime(9, 0))));
    const Appointment b = book(service, visit(patientId, at(2, QTime(9, 0))));
    const Appointment c = book(service, visit(patientId, at(3, QTime(9, 0))));

    AppointmentModel model(&service);
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    QVERIFY(load(model, patientId));
    QCOMPARE(idsOf(model), (QList<qint64>{a.id, b.id, c.id}));
    QItemSelectionModel selection(&model);
    selection.select(model.index(1, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QCOMPARE(selectedId(selection), b.id);

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy saved(&service, &AppointmentService::appointmentSaved);
    QSignalSpy cancelledSpy(&service, &AppointmentService::appointmentCancelled);

    // Booked before the others: inserted at the top.
    const Appointment d = book(service, visit(patientId, at(1, QTime(8, 0))));
    QTRY_COMPARE(inserted.size(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(idsOf(model), (QList<qint64>{d.id, a.id, b.id, c.id}));
    QCOMPARE(selectedId(selection), b.id);

    // b moves after c: a move, and its row shows the new time.
    const QDateTime later = at(4, QTime(10, 30));
    QVERIFY(TestSupport::await(service.reschedule(b.id, later, 60)).ok());
    QTRY_COMPARE(moved.size(), 1);
    QCOMPARE(idsOf(model), (QList<qint64>{d.id, a.id, c.id, b.id}));
    QCOMPARE(selectedId(selection), b.id);
    QCOMPARE(model.appointmentAt(3).start, later);
    QCOMPARE(model.index(3, AppointmentModel::DurationColumn).data().toString(),
             QStringLiteral("60 min"));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 3);

    // An edit in place: one row's dataChanged, nothing moves.
    changed.clear();
    Appointment edited = c;
    edited.notes = QStringLiteral("Needs an interpreter");
    QVERIFY(TestSupport::await(service.update(edited)).ok());
    QTRY_COMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 2);
    QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 2);
    QCOMPARE(model.index(2, AppointmentModel::NotesColumn).data().toString(),
             QStringLiteral("Needs an interpreter"));
    QCOMPARE(moved.size(), 1);

    // Cancelled: the row leaves; the selection stays on b.
    QVERIFY(TestSupport::await(service.cancel(a.id, QStringLiteral("Sick"))).ok());
    QTRY_COMPARE(removed.size(), 1);
    QCOMPARE(idsOf(model), (QList<qint64>{d.id, c.id, b.id}));
    QCOMPARE(selectedId(selection), b.id);

    // Someone else's visit, and one of this patient's in the past, are not listed.
    const int savedBefore = int(saved.size());
    book(service, visit(otherId, at(1, QTime(7, 0))));
    book(service, visit(patientId, at(-2, QTime(7, 0))));
    QTRY_COMPARE(saved.size(), savedBefore + 2);
    QCOMPARE(idsOf(model), (QList<qint64>{d.id, c.id, b.id}));

    // Moved into the past: leaves the list.
    QVERIFY(TestSupport::await(service.reschedule(d.id, at(-1, QTime(9, 0)), 30)).ok());
    QTRY_COMPARE(removed.size(), 2);
    QCOMPARE(idsOf(model), (QList<qint64>{c.id, b.id}));
    QCOMPARE(selectedId(selection), b.id);

    QCOMPARE(inserted.size(), 1);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(cancelledSpy.size(), 1);
}

void TestAppointmentModel::cancelledVisitStaysMarkedWhenIncluded()
{
    TrainingEnvironment env(unseeded());
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    AppointmentService service(&env.store(), QStringLiteral("tester"));
    const qint64 patientId = newPatient(env, QStringLiteral("Ana"));
    const Appointment a = book(service, visit(patientId, at(1, QTime(9, 0))));
    const Appointment b = book(service, visit(patientId, at(2, QTime(9, 0))));

    AppointmentModel model(&service);
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    model.setCancelledVisits(CancelledVisits::Include);
    QVERIFY(load(model, patientId));
    QCOMPARE(idsOf(model), (QList<qint64>{a.id, b.id}));
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    QVERIFY(TestSupport::await(service.cancel(a.id, QStringLiteral("Sick"))).ok());
    QTRY_COMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 0);
    QCOMPARE(idsOf(model), (QList<qint64>{a.id, b.id}));
    QCOMPARE(model.index(0, AppointmentModel::StatusColumn).data().toString(),
             QStringLiteral("Cancelled"));
    QCOMPARE(removed.size(), 0);
    QCOMPARE(reset.size(), 0);
}

void TestAppointmentModel::visitBookedWhileLoadingIsListedOnce()
{
    TrainingEnvironment env(unseeded());
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    AppointmentService service(&env.store(), QStringLiteral("tester"));
    const qint64 patientId = newPatient(env, QStringLiteral("Ana"));
    const Appointment a = book(service, visit(patientId, at(1, QTime(9, 0))));

    AppointmentModel model(&service);
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &AppointmentModel::loaded);
    QSignalSpy saved(&service, &AppointmentService::appointmentSaved);
    model.setPatient(patientId);
    // Booked while the list is read: whichever comes first, the visit is listed once.
    const QFuture<StoreResult<Appointment>> booking =
        service.add(visit(patientId, at(1, QTime(8, 0))));
    QVERIFY(loaded.wait(10000));
    const StoreResult<Appointment> b = TestSupport::await(booking);
    QVERIFY2(b.ok(), qPrintable(b.error()));
    QTRY_COMPARE(saved.size(), 1);
    QCOMPARE(idsOf(model), (QList<qint64>{b->id, a.id}));
}

void TestAppointmentModel::otherPatientReplacesTheList()
{
    TrainingEnvironment env(unseeded());
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    AppointmentService service(&env.store(), QStringLiteral("tester"));
    const qint64 ana = newPatient(env, QStringLiteral("Ana"));
    const qint64 bo = newPatient(env, QStringLiteral("Bo"));
    const Appointment anaVisit = book(service, visit(ana, at(1, QTime(9, 0))));
    const Appointment boVisit = book(service, visit(bo, at(1, QTime(9, 0))));

    AppointmentModel model(&service);
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    QVERIFY(load(model, ana));
    QCOMPARE(idsOf(model), QList<qint64>{anaVisit.id});
    QVERIFY(load(model, bo));
    QCOMPARE(idsOf(model), QList<qint64>{boVisit.id});
    QVERIFY(load(model, 0));
    QCOMPARE(model.rowCount(), 0);
}

void TestAppointmentModel::readErrorIsReported()
{
    TrainingEnvironment env(unseeded());
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    const qint64 patientId = newPatient(env, QStringLiteral("Ana"));
    AppointmentService good(&env.store(), QStringLiteral("tester"));
    QVERIFY(book(good, visit(patientId, at(1, QTime(9, 0)))).id > 0);
    // No user: the audit record of the read is refused, and so is the read.
    AppointmentService unrecorded(&env.store(), QString());
    AppointmentModel model(&unrecorded);
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &AppointmentModel::loaded);
    model.setPatient(patientId);
    QVERIFY(model.isLoading());
    QVERIFY(loaded.wait(10000));
    QVERIFY(!model.isLoading());
    QVERIFY2(model.errorString().contains(QLatin1String("audit trail")),
             qPrintable(model.errorString()));
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestAppointmentModel)
#include "tst_appointmentmodel.moc"

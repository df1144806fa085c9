// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Booking, moving, editing and cancelling visits through the AppointmentService on a real store:
// what is stored, what is refused and why, what the audit trail says, which signals tell the
// screens, and the overlap warning.
#include "common/trainingenvironment.h"
#include "services/patients/appointmentservice.h"
#include "services/store/appointmentrepository.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

namespace {
TrainingEnvironment::Options unseeded()
{
    TrainingEnvironment::Options options;
    options.seed = false; // lists of providers and visits hold only what each test books
    return options;
}

//! Local `time` on the day `days` from today, in UTC.
QDateTime at(int days, QTime time)
{
    return QDateTime(QDate::currentDate().addDays(days), time).toUTC();
}

Appointment visit(qint64 patientId, const QString &provider, const QDateTime &start,
                  int minutes = 30)
{
    Appointment a;
    a.patientId = patientId;
    a.provider = provider;
    a.visitType = QStringLiteral("Follow-up");
    a.start = start;
    a.durationMinutes = minutes;
    return a;
}
} // namespace

class TestAppointmentService : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void addIsStoredAuditedAndAnnounced();
    void addRefusals_data();
    void addRefusals();
    void rescheduleMovesTheVisit();
    void updateChangesTheVisit();
    void updateRefusals_data();
    void updateRefusals();
    void cancelIsAuditedAndRefusedTwice();
    void conflicts_data();
    void conflicts();
    void conflictsWarnButNeverRefuse();
    void upcomingIsOrderedFromToday_data();
    void upcomingIsOrderedFromToday();
    void isUpcoming_data();
    void isUpcoming();
    void failedAuditFailsTheWrite();
    void providersAndVisitTypes();

private:
    static qint64 newPatient(TrainingEnvironment &env, const QString &first, const QString &last)
    {
        Patient p;
        p.firstName = first;
        p.lastName = last;
        p.dateOfBirth = QDate(1980, 6, 1);
        const StoreResult<Patient> saved = TestSupport::await(env.patients().registerPatient(p));
        if (!saved)
            qWarning() << "patient not registered:" << saved.error();
        return saved ? saved->id : 0;
    }
    static std::optional<Appointment> stored(TrainingEnvironment &env, qint64 id)
    {
        return env.read([id](const QString &c) { return AppointmentRepository(c).find(id); })
            .valueOr(std::nullopt);
    }
    static QList<AuditEntry> audited(TrainingEnvironment &env, const QString &action,
                                     qint64 entityId)
    {
        QList<AuditEntry> found;
        for (const AuditEntry &entry : env.auditEntries()) {
            if (entry.action == action && entry.entityId == entityId)
                found.append(entry);
        }
        return found;
    }
    static int countOf(TrainingEnvironment &env, const QString &action)
    {
        int count = 0;
        for (const AuditEntry &entry : env.auditEntries())
            count += entry.action == action ? 1 : 0;
        return count;
    }
    //! Every visit of the patient, cancelled ones too, in order of start.
    static QList<Appointment> visitsOf(TrainingEnvironment &env, qint64 patientId)
    {
        return env
            .read([patientId](const QString &c) {
                return AppointmentRepository(c).forPatient(patientId);
            })
            .valueOr({});
    }
};

void TestAppointmentService::addIsStoredAuditedAndAnnounced()
{
    TrainingEnvironment env(unseeded());
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    AppointmentService service(&env.store(), QStringLiteral("clerk.ana"));
    const qint64 patientId = newPatient(env, QStringLiteral("Jane"), QStringLiteral("Smith"));
    QVERIFY(patientId > 0);
    QSignalSpy saved(&service, &AppointmentService::appointmentSaved);
    QThread *signalledIn = nullptr;
    connect(&service, &AppointmentService::appointmentSaved, this,
            [&signalledIn] { signalledIn = QThread::currentThread(); });

    Appointment input = visit(patientId, QStringLiteral(" Dr. Xavier "), at(7, QTime(9, 0)), 45);
    input.id = 77;                                // ignored: a new visit
    input.status = AppointmentStatus::Completed;  // ignored: booked as scheduled
    input.cancelReason = QStringLiteral("stale"); // ignored
    input.notes = QStringLiteral("Bring the referral.");
    const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
    const StoreResult<Appointment> added = TestSupport::await(service.add(input));
    QVERIFY2(added.ok(), qPrintable(added.error()));

    QVERIFY(added->id > 0);
    QVERIFY(added->id != 77);
    QCOMPARE(added->patientId, patientId);
    QCOMPARE(added->provider, QStringLiteral("Dr. Xavier"));
    QCOMPARE(added->visitType, QStringLiteral("Follow-up"));
    QCOMPARE(added->start, input.start);
    QCOMPARE(added->durationMinutes, 45);
    QCOMPARE(added->status, AppointmentStatus::Scheduled);
    QCOMPARE(added->notes, QStringLiteral("Bring the referral."));
    QCOMPARE(added->cancelReason, QString());
    QVERIFY(added->updatedAt >= before);
    QVERIFY(added->updatedAt <= QDateTime::currentDateTimeUtc());
    QCOMPARE(stored(env, added->id), std::optional(added.value()));

    const QList<AuditEntry> records = audited(env, QStringLiteral("appointment.create"), added->id);
    QCOMPARE(records.size(), 1);
    QCOMPARE(records.at(0).user, QStringLiteral("clerk.ana"));
    QCOMPARE(records.at(0).entity, QStringLiteral("appointment"));

    QTRY_COMPARE(saved.size(), 1);
    QCOMPARE(saved.at(0).at(0).value<Appointment>(), added.value());
    QCOMPARE(signalledIn, service.thread());
}

void TestAppointmentService::addRefusals_data()
{
    QTest::addColumn<QString>("problem");
    QTest::addColumn<QString>("error");
    QTest::newRow("no provider") << "no provider"
                                 << "Choose the provider for the appointment.";
    QTest::newRow("no patient") << "no patient"
                                << "Choose the patient for the appointment.";
    QTest::newRow("unknown patient") << "unknown patient"
                                     << "no longer exists";
    QTest::newRow("no start") << "no start"
                              << "Enter the date and time of the appointment.";
    QTest::newRow("no length") << "no length"
                               << "must last at least one minute";
    QTest::newRow("too long") << "too long"
                              << "can last at most 480 minutes";
    QTest::newRow("notes too long") << "notes too long"
                                    << "The notes can be at most 2000 characters.";
}

void TestAppointmentService::addRefusals()
{
    QFETCH(QString, problem);
    QFETCH(QString, error);
    TrainingEnvironment env(unseeded());
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    AppointmentService service(&env.store(), QStringLiteral("tester"));
    const qint64 patientId = newPatient(env, QStringLiteral("Jane"), QStringLiteral("Smith"));
    QVERIFY(patientId > 0);
    QSignalSpy saved(&service, &AppointmentService::appointmentSaved);

    Appointment a = visit(patientId, QStringLiteral("Dr. Xavier"), at(3, QTime(10, 0)));
    if (problem == QLatin1String("no provider"))
        a.provider = QStringLiteral("   ");
    else if (problem == QLatin1String("no patient"))
        a.patientId = 0;
    else if (problem == QLatin1String("unknown patient"))
        a.patientId = patientId + 100;
    else if (problem == QLatin1String("no start"))
        a.start = QDateTime();
    else if (problem == QLatin1String("no length"))
        a.durationMinutes = 0;
    else if (problem == QLatin1String("too long"))
        a.durationMinutes = AppointmentRepository::maxDurationMinutes + 1;
    else if (problem == QLatin1String("notes too long"))
        a.notes = QString(AppointmentRepository::maxNotesLength + 1, QLatin1Char('n'));

    const StoreResult<Appointment> added = TestSupport::await(service.add(a));
    QVERIFY(!added.ok());
    QVERIFY2(added.error().contains(error), qPrintable(added.error()));
    QCOMPARE(visitsOf(env, a.patientId), QList<Appointment>());
    QCOMPARE(countOf(env, QStringLiteral("appointment.create")), 0);

    // Signals keep their order: once this booking is announced, a refused one would have been.
    const StoreResult<Appointment> next = TestSupport::await(
        service.add(visit(patientId, QStringLiteral("Dr. Young"), at(4, QTime(9, 0)))));
    QVERIFY2(next.ok(), qPrintable(next.error()));
    QTRY_COMPARE(saved.size(), 1);
    QCOMPARE(saved.at(0).at(0).value<Appointment>().id, next->id);
}

void TestAppointmentService::rescheduleMovesTheVisit()
{
    TrainingEnvironment env(unseeded());
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    AppointmentService service(&env.store(), QStringLiteral("tester"));
    const qint64 patientId = newPatient(env, QStringLiteral("Jane"), QStringLiteral("Smith"));
    Appointment booked = visit(patientId, QStringLiteral("Dr. Xavier"), at(2, QTime(9, 0)));
    booked.notes = QStringLiteral("Fasting");
    booked = TestSupport::await(service.add(booked)).valueOr({});
    QVERIFY(booked.id > 0);
    QSignalSpy saved(&service, &AppointmentService::appointmentSaved);

    const QDateTime later = at(3, QTime(10, 30));
    const StoreResult<Appointment> moved =
        TestSupport::await(service.reschedule(booked.id, later, 45));
    QVERIFY2(moved.ok(), qPrintable(moved.error()));
    Appointment expected = booked;
    expected.start = later;
    expected.durationMinutes = 45;
    expected.updatedAt = moved->updatedAt;
    QCOMPARE(moved.value(), expected); // provider, visit type and notes kept
    QVERIFY(moved->updatedAt >= booked.updatedAt);
    QCOMPARE(stored(env, booked.id), std::optional(expected));
    const QList<AuditEntry> records = audited(env, QStringLiteral("appointment.edit"), booked.id);
    QCOMPARE(records.size(), 1);
    QCOMPARE(records.at(0).entity, QStringLiteral("appointment"));
    QCOMPARE(records.at(0).user, QStringLiteral("tester"));
    QTRY_COMPARE(saved.size(), 1);
    QCOMPARE(saved.at(0).at(0).value<Appointment>(), moved.value());

    // Refused: a length of zero, and a visit that does not exist. Nothing changes.
    const StoreResult<Appointment> noLength =
        TestSupport::await(service.reschedule(booked.id, at(5, QTime(8, 0)), 0));
    QVERIFY(!noLength.ok());
    QVERIFY2(noLength.error().contains(QLatin1String("at least one minute")),
             qPrintable(noLength.error()));
    const StoreResult<Appointment> missing =
        TestSupport::await(service.reschedule(booked.id + 50, later, 30));
    QVERIFY(!missing.ok());
    QVERIFY2(missing.error().contains(QLatin1String("no longer exists")),
             qPrintable(missing.error()));
    QCOMPARE(stored(env, booked.id), std::optional(expected));
    QCOMPARE(countOf(env, QStringLiteral("appointment.edit")), 1);
}

void TestAppointmentService::updateChangesTheVisit()
{
    TrainingEnvironment env(unseeded());
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    AppointmentService service(&env.store(), QStringLiteral("tester"));
    const qint64 patientId = newPatient(env, QStringLiteral("Jane"), QStringLiteral("Smith"));
    const Appointment booked =
        TestSupport::await(
            service.add(visit(patientId, QStringLiteral("Dr. Xavier"), at(2, QTime(9, 0)))))
            .valueOr({});
    QVERIFY(booked.id > 0);
    QSignalSpy saved(&service, &AppointmentService::appointmentSaved);

    Appointment changed = booked;
    changed.provider = QStringLiteral("Dr. Young");
    changed.visitType = QStringLiteral("Lab review");
    changed.notes = QStringLiteral("Results are in.");
    changed.status = AppointmentStatus::CheckedIn;
    changed.patientId = 0; // "the same patient"
    const StoreResult<Appointment> updated = TestSupport::await(service.update(changed));
    QVERIFY2(updated.ok(), qPrintable(updated.error()));
    QCOMPARE(updated->patientId, patientId);
    QCOMPARE(updated->provider, QStringLiteral("Dr. Young"));
    QCOMPARE(updated->visitType, QStringLiteral("Lab review"));
    QCOMPARE(updated->notes, QStringLiteral("Results are in."));
    QCOMPARE(updated->status, AppointmentStatus::CheckedIn);
    QCOMPARE(updated->start, booked.start);
    QCOMPARE(stored(env, booked.id), std::optional(updated.value()));
    QCOMPARE(audited(env, QStringLiteral("appointment.edit"), booked.id).size(), 1);
    QTRY_COMPARE(saved.size(), 1);
    QCOMPARE(saved.at(0).at(0).value<Appointment>(), updated.value());
}

void TestAppointmentService::updateRefusals_data()
{
    QTest::addColumn<QString>("problem");
    QTest::addColumn<QString>("error");
    QTest::newRow("not booked") << "not booked"
                                << "Book the appointment before changing it.";
    QTest::newRow("cancelled by edit") << "cancelled by edit"
                                       << "Cancel the appointment rather than editing it";
    QTest::newRow("other patient") << "other patient"
                                   << "cannot move to another patient";
    QTest::newRow("no provider") << "no provider"
                                 << "Choose the provider for the appointment.";
    QTest::newRow("missing") << "missing"
                             << "no longer exists";
    QTest::newRow("already cancelled") << "already cancelled"
                                       << "can no longer be changed";
}

void TestAppointmentService::updateRefusals()
{
    QFETCH(QString, problem);
    QFETCH(QString, error);
    TrainingEnvironment env(unseeded());
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    AppointmentService service(&env.store(), QStringLiteral("tester"));
    const qint64 patientId = newPatient(env, QStringLiteral("Jane"), QStringLiteral("Smith"));
    const qint64 otherId = newPatient(env, QStringLiteral("John"), QStringLiteral("Roe"));
    const Appointment booked =
        TestSupport::await(
            service.add(visit(patientId, QStringLiteral("Dr. Xavier"), at(2, QTime(9, 0)))))
            .valueOr({});
    QVERIFY(booked.id > 0);
    std::optional<Appointment> before = booked;
    if (problem == QLatin1String("already cancelled")) {
        before = TestSupport::await(service.cancel(booked.id, QStringLiteral("Sick"))).valueOr({});
        QCOMPARE(before->status, AppointmentStatus::Cancelled);
    }

    Appointment changed = before.value();
    changed.notes = QStringLiteral("changed");
    if (problem == QLatin1String("not booked"))
        changed.id = 0;
    else if (problem == QLatin1String("cancelled by edit"))
        changed.status = AppointmentStatus::Cancelled;
    else if (problem == QLatin1String("other patient"))
        changed.patientId = otherId;
    else if (problem == QLatin1String("no provider"))
        changed.provider.clear();
    else if (problem == QLatin1String("missing"))
        changed.id = booked.id + 40;

    const StoreResult<Appointment> updated = TestSupport::await(service.update(changed));
    QVERIFY(!updated.ok());
    QVERIFY2(updated.error().contains(error), qPrintable(updated.error()));
    QCOMPARE(stored(env, booked.id), before);
    QCOMPARE(countOf(env, QStringLiteral("appointment.edit")), 0);
    QCOMPARE(visitsOf(env, otherId), QList<Appointment>());
}

void TestAppointmentService::cancelIsAuditedAndRefusedTwice()
{
    TrainingEnvironment env(unseeded());
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    AppointmentService service(&env.store(), QStringLiteral("clerk.bo"));
    const qint64 patientId = newPatient(env, QStringLiteral("Jane"), QStringLiteral("Smith"));
    const Appointment booked =
        TestSupport::await(
            service.add(visit(patientId, QStringLiteral("Dr. Xavier"), at(2, QTime(9, 0)))))
            .valueOr({});
    QVERIFY(booked.id > 0);
    QSignalSpy saved(&service, &AppointmentService::appointmentSaved);
    QSignalSpy cancelledSpy(&service, &AppointmentService::appointmentCancelled);

    const StoreResult<Appointment> cancelled =
        TestSupport::await(service.cancel(booked.id, QStringLiteral(" Patient is travelling ")));
    QVERIFY2(cancelled.ok(), qPrintable(cancelled.error()));
    QCOMPARE(cancelled->status, AppointmentStatus::Cancelled);
    QCOMPARE(cancelled->cancelReason, QStringLiteral("Patient is travelling"));
    QVERIFY(cancelled->updatedAt >= booked.updatedAt);
    QCOMPARE(stored(env, booked.id), std::optional(cancelled.value()));
    const QList<AuditEntry> records = audited(env, QStringLiteral("appointment.cancel"), booked.id);
    QCOMPARE(records.size(), 1);
    QCOMPARE(records.at(0).user, QStringLiteral("clerk.bo"));
    QCOMPARE(records.at(0).entity, QStringLiteral("appointment"));
    QTRY_COMPARE(cancelledSpy.size(), 1);
    QCOMPARE(cancelledSpy.at(0).at(0).value<Appointment>(), cancelled.value());

    // Again: refused, saying why; nothing recorded or announced.
    const StoreResult<Appointment> again =
        TestSupport::await(service.cancel(booked.id, QStringLiteral("twice")));
    QVERIFY(!again.ok());
    QVERIFY2(again.error().contains(QLatin1String("already cancelled")), qPrintable(again.error()));
    // A cancelled visit is not moved either.
    const StoreResult<Appointment> moved =
        TestSupport::await(service.reschedule(booked.id, at(3, QTime(9, 0)), 30));
    QVERIFY(!moved.ok());
    QVERIFY2(moved.error().contains(QLatin1String("book a new one")), qPrintable(moved.error()));
    QCOMPARE(stored(env, booked.id), std::optional(cancelled.value()));
    QCOMPARE(countOf(env, QStringLiteral("appointment.cancel")), 1);
    QCOMPARE(countOf(env, QStringLiteral("appointment.edit")), 0);

    // Signals keep their order: once this booking is announced, the refusals would have been.
    const StoreResult<Appointment> next = TestSupport::await(
        service.add(visit(patientId, QStringLiteral("Dr. Xavier"), at(4, QTime(9, 0)))));
    QVERIFY2(next.ok(), qPrintable(next.error()));
    QTRY_COMPARE(saved.size(), 1);
    QCOMPARE(saved.at(0).at(0).value<Appointment>().id, next->id);
    QCOMPARE(cancelledSpy.size(), 1);
}

void TestAppointmentService::conflicts_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QTime>("start");
    QTest::addColumn<int>("minutes");
    QTest::addColumn<bool>("editingTheNineOClock");
    QTest::addColumn<bool>("conflict"); // with Jane Smith's 9:00-9:30 visit with Dr. Xavier
    // Also stored: John Roe with Dr. Young 9:00-9:30, and with Dr. Xavier 11:00-12:00, cancelled.

    QTest::newRow("overlapping") << "Dr. Xavier" << QTime(9, 15) << 30 << false << true;
    QTest::newRow("around it") << "Dr. Xavier" << QTime(8, 45) << 60 << false << true;
    QTest::newRow("typed differently") << "dr. xavier " << QTime(9, 0) << 15 << false << true;
    QTest::newRow("back to back after") << "Dr. Xavier" << QTime(9, 30) << 30 << false << false;
    QTest::newRow("back to back before") << "Dr. Xavier" << QTime(8, 30) << 30 << false << false;
    QTest::newRow("other provider") << "Dr. Zed" << QTime(9, 15) << 30 << false << false;
    QTest::newRow("a cancelled visit") << "Dr. Xavier" << QTime(11, 15) << 15 << false << false;
    QTest::newRow("the visit itself") << "Dr. Xavier" << QTime(9, 0) << 30 << true << false;
    QTest::newRow("no provider") << "" << QTime(9, 15) << 30 << false << false;
}

void TestAppointmentService::conflicts()
{
    QFETCH(QString, provider);
    QFETCH(QTime, start);
    QFETCH(int, minutes);
    QFETCH(bool, editingTheNineOClock);
    QFETCH(bool, conflict);
    TrainingEnvironment env(unseeded());
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    AppointmentService service(&env.store(), QStringLiteral("tester"));
    const qint64 janeId = newPatient(env, QStringLiteral("Jane"), QStringLiteral("Smith"));
    const qint64 johnId = newPatient(env, QStringLiteral("John"), QStringLiteral("Roe"));
    const QString xavier = QStringLiteral("Dr. Xavier");
    const Appointment nine =
        TestSupport::await(service.add(visit(janeId, xavier, at(5, QTime(9, 0)), 30))).valueOr({});
    QVERIFY(nine.id > 0);
    QVERIFY(TestSupport::await(
                service.add(visit(johnId, QStringLiteral("Dr. Young"), at(5, QTime(9, 0)), 30)))
                .ok());
    const Appointment eleven =
        TestSupport::await(service.add(visit(johnId, xavier, at(5, QTime(11, 0)), 60))).valueOr({});
    QVERIFY(TestSupport::await(service.cancel(eleven.id, QString())).ok());

    Appointment candidate =
        editingTheNineOClock ? nine : visit(johnId, provider, at(5, start), minutes);
    candidate.provider = provider;
    candidate.start = at(5, start);
    candidate.durationMinutes = minutes;
    const int viewsBefore = countOf(env, QStringLiteral("appointment.view"));
    const StoreResult<QList<AppointmentConflict>> found =
        TestSupport::await(service.conflicts(candidate));
    QVERIFY2(found.ok(), qPrintable(found.error()));
    if (!conflict) {
        QCOMPARE(found->size(), 0);
        QCOMPARE(countOf(env, QStringLiteral("appointment.view")), viewsBefore);
        return;
    }
    QCOMPARE(found->size(), 1);
    QCOMPARE(found->at(0).appointment, nine);
    QCOMPARE(found->at(0).patientName, QStringLiteral("Smith, Jane"));
    // The other patient's name was shown: that visit's view is on record.
    const QList<AuditEntry> records = audited(env, QStringLiteral("appointment.view"), nine.id);
    QCOMPARE(records.size(), 1);
    QCOMPARE(records.at(0).entity, QStringLiteral("appointment"));
    QCOMPARE(records.at(0).user, QStringLiteral("tester"));
}

void TestAppointmentService::conflictsWarnButNeverRefuse()
{
    TrainingEnvironment env(unseeded());
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    AppointmentService service(&env.store(), QStringLiteral("tester"));
    const qint64 janeId = newPatient(env, QStringLiteral("Jane"), QStringLiteral("Smith"));
    const qint64 johnId = newPatient(env, QStringLiteral("John"), QStringLiteral("Roe"));
    const QString xavier = QStringLiteral("Dr. Xavier");
    QVERIFY(TestSupport::await(service.add(visit(janeId, xavier, at(5, QTime(9, 0))))).ok());
    const Appointment overlapping = visit(johnId, xavier, at(5, QTime(9, 10)), 15);
    QCOMPARE(TestSupport::await(service.conflicts(overlapping)).valueOr({}).size(), 1);
    const StoreResult<Appointment> added = TestSupport::await(service.add(overlapping));
    QVERIFY2(added.ok(), qPrintable(added.error()));
    // Now each one overlaps the other, and neither itself.
    QCOMPARE(TestSupport::await(service.conflicts(added.value())).valueOr({}).size(), 1);
    QCOMPARE(visitsOf(env, johnId).size(), 1);
}

void TestAppointmentService::upcomingIsOrderedFromToday_data()
{
    QTest::addColumn<bool>("includeCancelled");
    QTest::newRow("without cancelled") << false;
    QTest::newRow("with cancelled") << true;
}

void TestAppointmentService::upcomingIsOrderedFromToday()
{
    QFETCH(bool, includeCancelled);
    TrainingEnvironment env(unseeded());
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    AppointmentService service(&env.store(), QStringLiteral("tester"));
    const qint64 patientId = newPatient(env, QStringLiteral("Jane"), QStringLiteral("Smith"));
    const qint64 otherId = newPatient(env, QStringLiteral("John"), QStringLiteral("Roe"));
    const QString xavier = QStringLiteral("Dr. Xavier");
    auto book = [&](qint64 patient, int days, QTime time) {
        return TestSupport::await(service.add(visit(patient, xavier, at(days, time)))).valueOr({});
    };
    const Appointment nextWeek = book(patientId, 7, QTime(9, 0));
    const Appointment tomorrow = book(patientId, 1, QTime(9, 0));
    const Appointment midnight = book(patientId, 0, QTime(0, 0)); // start of today: listed
    book(patientId, -1, QTime(23, 45));                           // yesterday: not listed
    book(otherId, 1, QTime(8, 0));                                // someone else's
    const Appointment cancelled = book(patientId, 1, QTime(8, 0));
    QVERIFY(TestSupport::await(service.cancel(cancelled.id, QStringLiteral("Sick"))).ok());

    const StoreResult<QList<Appointment>> upcoming = TestSupport::await(service.upcoming(
        patientId, includeCancelled ? CancelledVisits::Include : CancelledVisits::Exclude));
    QVERIFY2(upcoming.ok(), qPrintable(upcoming.error()));
    QList<qint64> ids;
    for (const Appointment &a : *upcoming)
        ids.append(a.id);
    const QList<qint64> expected =
        includeCancelled ? QList<qint64>{midnight.id, cancelled.id, tomorrow.id, nextWeek.id}
                         : QList<qint64>{midnight.id, tomorrow.id, nextWeek.id};
    QCOMPARE(ids, expected);
    const QList<AuditEntry> records = audited(env, QStringLiteral("appointment.view"), patientId);
    QCOMPARE(records.size(), 1);
    QCOMPARE(records.at(0).entity, QStringLiteral("patient"));
    QCOMPARE(records.at(0).user, QStringLiteral("tester"));
}

void TestAppointmentService::isUpcoming_data()
{
    QTest::addColumn<QDateTime>("start"); // local
    QTest::addColumn<bool>("cancelled");
    QTest::addColumn<bool>("includeCancelled");
    QTest::addColumn<bool>("expected");
    // "Now" is 2030-03-12 15:20 local.
    QTest::newRow("earlier today")
        << QDateTime(QDate(2030, 3, 12), QTime(8, 0)) << false << false << true;
    QTest::newRow("midnight") << QDateTime(QDate(2030, 3, 12), QTime(0, 0)) << false << false
                              << true;
    QTest::newRow("yesterday") << QDateTime(QDate(2030, 3, 11), QTime(23, 59)) << false << false
                               << false;
    QTest::newRow("next year") << QDateTime(QDate(2031, 1, 2), QTime(9, 0)) << false << false
                               << true;
    QTest::newRow("cancelled") << QDateTime(QDate(2030, 3, 13), QTime(9, 0)) << true << false
                               << false;
    QTest::newRow("cancelled, included")
        << QDateTime(QDate(2030, 3, 13), QTime(9, 0)) << true << true << true;
    QTest::newRow("no start") << QDateTime() << false << true << false;
}

void TestAppointmentService::isUpcoming()
{
    QFETCH(QDateTime, start);
    QFETCH(bool, cancelled);
    QFETCH(bool, includeCancelled);
    QFETCH(bool, expected);
    const QDateTime now(QDate(2030, 3, 12), QTime(15, 20));
    QCOMPARE(AppointmentService::upcomingFrom(now),
             QDateTime(QDate(2030, 3, 12), QTime(0, 0)).toUTC());
    Appointment a;
    a.start = start.isValid() ? start.toUTC() : QDateTime();
    a.status = cancelled ? AppointmentStatus::Cancelled : AppointmentStatus::Scheduled;
    QCOMPARE(AppointmentService::isUpcoming(
                 a, includeCancelled ? CancelledVisits::Include : CancelledVisits::Exclude, now),
             expected);
}

void TestAppointmentService::failedAuditFailsTheWrite()
{
    TrainingEnvironment env(unseeded());
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    const qint64 patientId = newPatient(env, QStringLiteral("Jane"), QStringLiteral("Smith"));
    AppointmentService good(&env.store(), QStringLiteral("tester"));
    const Appointment booked =
        TestSupport::await(
            good.add(visit(patientId, QStringLiteral("Dr. Xavier"), at(2, QTime(9, 0)))))
            .valueOr({});
    QVERIFY(booked.id > 0);

    // The audit log refuses a record without a user: every write and read must fail with it.
    AppointmentService unrecorded(&env.store(), QString());
    QSignalSpy saved(&unrecorded, &AppointmentService::appointmentSaved);
    QSignalSpy cancelled(&unrecorded, &AppointmentService::appointmentCancelled);
    const QList<QFuture<StoreResult<Appointment>>> writes{
        unrecorded.add(visit(patientId, QStringLiteral("Dr. Xavier"), at(3, QTime(9, 0)))),
        unrecorded.reschedule(booked.id, at(4, QTime(9, 0)), 30), unrecorded.update(booked),
        unrecorded.cancel(booked.id, QStringLiteral("no"))};
    for (const auto &write : writes) {
        const StoreResult<Appointment> result = TestSupport::await(write);
        QVERIFY(!result.ok());
        QVERIFY2(result.error().contains(QLatin1String("audit trail")), qPrintable(result.error()));
    }
    const StoreResult<QList<Appointment>> upcoming =
        TestSupport::await(unrecorded.upcoming(patientId));
    QVERIFY(!upcoming.ok());
    QVERIFY2(upcoming.error().contains(QLatin1String("audit trail")), qPrintable(upcoming.error()));
    QCOMPARE(visitsOf(env, patientId), QList<Appointment>{booked}); // nothing changed
    QCOMPARE(saved.size() + cancelled.size(), 0);
}

void TestAppointmentService::providersAndVisitTypes()
{
    TrainingEnvironment env(unseeded());
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    AppointmentService service(&env.store(), QStringLiteral("tester"));
    QCOMPARE(TestSupport::await(service.providers()).valueOr({QStringLiteral("error")}),
             QStringList());
    const qint64 patientId = newPatient(env, QStringLiteral("Jane"), QStringLiteral("Smith"));
    int hour = 8;
    for (const auto &[provider, visitType] :
         {std::pair{"Dr. Young", "Lab review"}, std::pair{"Dr. Xavier", ""},
          std::pair{"Dr. Young", "follow-up"}, std::pair{"Dr. Abbot", "Follow-up"}}) {
        Appointment a = visit(patientId, QLatin1String(provider), at(1, QTime(hour++, 0)));
        a.visitType = QLatin1String(visitType);
        QVERIFY(TestSupport::await(service.add(a)).ok());
    }
    QCOMPARE(TestSupport::await(service.providers()).valueOr({}),
             (QStringList{"Dr. Abbot", "Dr. Xavier", "Dr. Young"}));
    const QStringList visitTypes = TestSupport::await(service.visitTypes()).valueOr({});
    QCOMPARE(visitTypes.size(), 2);
    QCOMPARE(visitTypes.at(0).toLower(), QStringLiteral("follow-up"));
    QCOMPARE(visitTypes.at(1), QStringLiteral("Lab review"));
}

QTEST_GUILESS_MAIN(TestAppointmentService)
#include "tst_appointmentservice.moc"

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/storetestmain.h"
#include "services/store/appointmentrepository.h"
#include "services/store/patientrepository.h"
#include "store/sqltrace.h"
#include "store/testdatabase.h"

#include <QTest>
#include <QUuid>

#include <ctime>
#include <functional>

namespace {
qint64 addPatient(const QString &connection, const QString &lastName)
{
    Patient patient;
    patient.firstName = QStringLiteral("Pat");
    patient.lastName = lastName;
    patient.dateOfBirth = QDate(1985, 4, 12);
    const StoreResult<Patient> saved = PatientRepository(connection).save(patient);
    return saved.ok() ? saved->id : 0;
}

QDateTime utc(const QString &iso)
{
    return QDateTime::fromString(iso, Qt::ISODateWithMs);
}

//! Switches the process's local time zone; POSIX rules, so no tzdata is needed.
void setLocalZone(const QByteArray &tz)
{
    qputenv("TZ", tz);
    tzset();
}
} // namespace

class TestAppointmentRepository : public QObject
{
    Q_OBJECT

private slots:
    void cleanup();
    void saveFindUpdate();
    void validationFailures_data();
    void validationFailures();
    void forDayUsesLocalDayBoundaries_data();
    void forDayUsesLocalDayBoundaries();
    void forPatientOrdersByStart();
    void forDayOfAnInvalidDateIsEmpty();
    void forDayUsesTheStartIndex();
    void insertManyIsAllOrNothing_data();
    void insertManyIsAllOrNothing();
    void overlapping_data();
    void overlapping();
    void overlappingReadsARangeOfTheProviderIndex();
    void upcomingForPatient_data();
    void upcomingForPatient();
    void upcomingForPatientUsesThePatientIndex();
    void cancelKeepsTheReason();
    void cancelRefusals_data();
    void cancelRefusals();
    void providersAndVisitTypesAreDistinctAndOrdered();
    void providersAndVisitTypesSeekTheIndex();
    void migrationFromVersion3KeepsTheAppointments();
};

void TestAppointmentRepository::cleanup()
{
    setLocalZone("UTC0");
}

void TestAppointmentRepository::saveFindUpdate()
{
    TestDatabase db;
    QVERIFY(db.open());
    AppointmentRepository appointments(db.connection());
    Appointment appointment;
    appointment.patientId = addPatient(db.connection(), QStringLiteral("Doe"));
    appointment.start = utc(QStringLiteral("2026-03-02T14:30:00.250Z"));
    appointment.durationMinutes = 30;
    appointment.provider = QStringLiteral("Dr. Quinn");
    appointment.visitType = QStringLiteral("Follow-up");
    appointment.notes = QStringLiteral("Bring the referral.\nUses a wheelchair.");
    appointment.updatedAt = utc(QStringLiteral("2026-02-20T08:15:00.125Z"));

    const StoreResult<Appointment> saved = appointments.save(appointment);
    QVERIFY2(saved.ok(), qPrintable(saved.error()));
    appointment.id = saved->id;
    // A new visit gets its uid (the same visit on every desk) when first stored.
    QVERIFY(QUuid::fromString(saved->uid).isNull() == false);
    appointment.uid = saved->uid;
    QCOMPARE(saved.value(), appointment);
    QCOMPARE(saved->notes, QStringLiteral("Bring the referral.\nUses a wheelchair."));
    QCOMPARE(db.value(QStringLiteral("SELECT updated_at FROM appointments")).toString(),
             QStringLiteral("2026-02-20T08:15:00.125Z"));
    QCOMPARE(STORE_VALUE(appointments.find(appointment.id)),
             std::optional<Appointment>(appointment));
    QCOMPARE(db.value(QStringLiteral("SELECT start_at FROM appointments")).toString(),
             QStringLiteral("2026-03-02T14:30:00.250Z"));

    appointment.status = AppointmentStatus::CheckedIn;
    appointment.notes.clear();
    appointment.updatedAt = QDateTime();
    const StoreResult<Appointment> updated = appointments.save(appointment);
    QVERIFY2(updated.ok(), qPrintable(updated.error()));
    QCOMPARE(STORE_VALUE(appointments.find(appointment.id)), std::optional(appointment));
    QCOMPARE(STORE_VALUE(appointments.find(appointment.id))->status, AppointmentStatus::CheckedIn);
    // No notes are '' (NOT NULL), an unknown change time is NULL.
    QCOMPARE(db.value(QStringLiteral("SELECT notes IS '' AND updated_at IS NULL FROM appointments"))
                 .toInt(),
             1);
    QCOMPARE(db.value(QStringLiteral("SELECT status FROM appointments")).toString(),
             QStringLiteral("checked_in"));
    QCOMPARE(STORE_VALUE(appointments.find(appointment.id + 1)), std::nullopt);
}

void TestAppointmentRepository::validationFailures_data()
{
    QTest::addColumn<Appointment>("appointment");
    QTest::addColumn<QString>("error");

    Appointment valid;
    valid.patientId = 1;
    valid.start = utc(QStringLiteral("2026-03-02T14:30:00.000Z"));

    Appointment noPatient = valid;
    noPatient.patientId = 0;
    QTest::newRow("no patient") << noPatient << QStringLiteral("Choose the patient");
    Appointment unknownPatient = valid;
    unknownPatient.patientId = 99;
    QTest::newRow("unknown patient") << unknownPatient << QStringLiteral("no longer exists");
    Appointment noStart = valid;
    noStart.start = QDateTime();
    QTest::newRow("no start") << noStart << QStringLiteral("date and time");
    Appointment noLength = valid;
    noLength.durationMinutes = 0;
    QTest::newRow("no length") << noLength << QStringLiteral("at least one minute");
    Appointment missing = valid;
    missing.id = 500;
    QTest::newRow("update of missing") << missing << QStringLiteral("no longer exists");
    Appointment tooLong = valid;
    tooLong.durationMinutes = AppointmentRepository::maxDurationMinutes + 1;
    QTest::newRow("too long") << tooLong << QStringLiteral("at most 480 minutes");
    Appointment longProvider = valid;
    longProvider.provider = QString(AppointmentRepository::maxNameLength + 1, QLatin1Char('x'));
    QTest::newRow("provider too long")
        << longProvider << QStringLiteral("The provider's name can be at most 100 characters");
    Appointment longVisitType = valid;
    longVisitType.visitType = QString(AppointmentRepository::maxNameLength + 1, QLatin1Char('x'));
    QTest::newRow("visit type too long")
        << longVisitType << QStringLiteral("The visit type can be at most 100 characters");
    Appointment longNotes = valid;
    longNotes.notes = QString(AppointmentRepository::maxNotesLength + 1, QLatin1Char('x'));
    QTest::newRow("notes too long")
        << longNotes << QStringLiteral("The notes can be at most 2000 characters");
    Appointment longReason = valid;
    longReason.cancelReason = QString(AppointmentRepository::maxReasonLength + 1, QLatin1Char('x'));
    QTest::newRow("reason too long")
        << longReason << QStringLiteral("The reason for cancelling can be at most 500 characters");
}

void TestAppointmentRepository::validationFailures()
{
    QFETCH(Appointment, appointment);
    QFETCH(QString, error);
    TestDatabase db;
    QVERIFY(db.open());
    QCOMPARE(addPatient(db.connection(), QStringLiteral("Doe")), 1);
    const StoreResult<Appointment> saved = AppointmentRepository(db.connection()).save(appointment);
    QVERIFY(!saved.ok());
    QVERIFY2(saved.error().contains(error), qPrintable(saved.error()));
    QCOMPARE(db.value(QStringLiteral("SELECT count(*) FROM appointments")).toInt(), 0);
}

void TestAppointmentRepository::forDayUsesLocalDayBoundaries_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<QDate>("day");
    QTest::addColumn<QStringList>("starts");   // UTC
    QTest::addColumn<QStringList>("expected"); // the starts on `day`, in order

    const QStringList newYorkWinter{
        "2026-01-16T04:59:59.999Z", // 23:59:59.999 on the 15th
        "2026-01-15T04:59:59.999Z", // 23:59:59.999 on the 14th
        "2026-01-15T05:00:00.000Z", // midnight starting the 15th
        "2026-01-16T05:00:00.000Z", // midnight starting the 16th
        "2026-01-15T17:00:00.000Z", // noon
    };
    QTest::newRow("New York, winter")
        << QByteArray("EST5EDT,M3.2.0,M11.1.0") << QDate(2026, 1, 15) << newYorkWinter
        << QStringList{"2026-01-15T05:00:00.000Z", "2026-01-15T17:00:00.000Z",
                       "2026-01-16T04:59:59.999Z"};

    // 8 March 2026 has 23 hours in New York: it starts at 05:00Z and ends at 04:00Z.
    const QStringList springForward{"2026-03-08T04:59:00.000Z", "2026-03-08T05:00:00.000Z",
                                    "2026-03-09T03:59:00.000Z", "2026-03-09T04:00:00.000Z"};
    QTest::newRow("New York, spring forward")
        << QByteArray("EST5EDT,M3.2.0,M11.1.0") << QDate(2026, 3, 8) << springForward
        << QStringList{"2026-03-08T05:00:00.000Z", "2026-03-09T03:59:00.000Z"};

    // Local day 15 January in Tokyo (UTC+9) runs 14 Jan 15:00Z to 15 Jan 15:00Z.
    const QStringList tokyo{"2026-01-14T14:59:00.000Z", "2026-01-14T15:00:00.000Z",
                            "2026-01-15T14:59:00.000Z", "2026-01-15T15:00:00.000Z"};
    QTest::newRow("Tokyo") << QByteArray("JST-9") << QDate(2026, 1, 15) << tokyo
                           << QStringList{"2026-01-14T15:00:00.000Z", "2026-01-15T14:59:00.000Z"};
    QTest::newRow("UTC") << QByteArray("UTC0") << QDate(2026, 1, 15) << tokyo
                         << QStringList{"2026-01-15T14:59:00.000Z", "2026-01-15T15:00:00.000Z"};
    QTest::newRow("empty day") << QByteArray("UTC0") << QDate(2026, 1, 20) << tokyo
                               << QStringList{};
}

void TestAppointmentRepository::forDayUsesLocalDayBoundaries()
{
    QFETCH(QByteArray, zone);
    QFETCH(QDate, day);
    QFETCH(QStringList, starts);
    QFETCH(QStringList, expected);

    setLocalZone(zone);
    TestDatabase db;
    QVERIFY(db.open());
    AppointmentRepository appointments(db.connection());
    const qint64 patientId = addPatient(db.connection(), QStringLiteral("Doe"));
    for (const QString &start : starts) {
        Appointment appointment;
        appointment.patientId = patientId;
        appointment.start = utc(start);
        QVERIFY_STORE_OK(appointments.save(appointment));
    }
    QStringList found;
    for (const Appointment &appointment : STORE_VALUE(appointments.forDay(day)))
        found.append(appointment.start.toUTC().toString(Qt::ISODateWithMs));
    QCOMPARE(found, expected);
}

void TestAppointmentRepository::forPatientOrdersByStart()
{
    TestDatabase db;
    QVERIFY(db.open());
    AppointmentRepository appointments(db.connection());
    const qint64 patientId = addPatient(db.connection(), QStringLiteral("Doe"));
    const qint64 otherId = addPatient(db.connection(), QStringLiteral("Roe"));
    for (const auto &[patient, start] : {std::pair{patientId, "2026-05-01T10:00:00.000Z"},
                                         std::pair{otherId, "2026-04-01T10:00:00.000Z"},
                                         std::pair{patientId, "2026-02-01T10:00:00.000Z"}}) {
        Appointment appointment;
        appointment.patientId = patient;
        appointment.start = utc(QLatin1String(start));
        QVERIFY_STORE_OK(appointments.save(appointment));
    }
    const QList<Appointment> found = STORE_VALUE(appointments.forPatient(patientId));
    QCOMPARE(found.size(), 2);
    QCOMPARE(found.at(0).start, utc(QStringLiteral("2026-02-01T10:00:00.000Z")));
    QCOMPARE(found.at(1).start, utc(QStringLiteral("2026-05-01T10:00:00.000Z")));
}

void TestAppointmentRepository::forDayOfAnInvalidDateIsEmpty()
{
    TestDatabase db;
    QVERIFY(db.open());
    QCOMPARE(STORE_VALUE(AppointmentRepository(db.connection()).forDay(QDate())),
             QList<Appointment>());
}

void TestAppointmentRepository::forDayUsesTheStartIndex()
{
    // The day's schedule is read at start-up: a range of the start index, never a scan.
    TestDatabase db;
    QVERIFY(db.open());
    SqlTrace trace(db.connection());
    QVERIFY(trace.isValid());
    QVERIFY_STORE_OK(AppointmentRepository(db.connection()).forDay(QDate(2026, 3, 2)));
    const QStringList statements = trace.queries();
    QCOMPARE(statements.size(), 1);
    const QStringList plan = trace.plan(statements.constFirst());
    QVERIFY2(plan.join(QLatin1Char(' ')).contains(QLatin1String("INDEX appointments_start")),
             qPrintable(plan.join(QStringLiteral("; "))));
    QCOMPARE(unindexedStep(plan), QString());
}

void TestAppointmentRepository::insertManyIsAllOrNothing_data()
{
    QTest::addColumn<int>("badRow"); // 0-based; -1: every row is good
    QTest::addColumn<QString>("problem");
    QTest::newRow("all good") << -1 << QString();
    QTest::newRow("unknown patient") << 1 << QStringLiteral("patient");
    QTest::newRow("no start") << 2 << QStringLiteral("start");
    QTest::newRow("no length") << 0 << QStringLiteral("duration");
    QTest::newRow("too long") << 2 << QStringLiteral("duration");
}

void TestAppointmentRepository::insertManyIsAllOrNothing()
{
    QFETCH(int, badRow);
    QFETCH(QString, problem);
    TestDatabase db;
    QVERIFY(db.open());
    AppointmentRepository appointments(db.connection());
    const qint64 patientId = addPatient(db.connection(), QStringLiteral("Doe"));
    QList<Appointment> input;
    for (const char *start :
         {"2026-03-02T15:00:00.000Z", "2026-03-02T15:15:00.000Z", "2026-03-02T15:30:00.000Z"}) {
        Appointment appointment;
        appointment.patientId = patientId;
        appointment.start = utc(QLatin1String(start));
        appointment.provider = QStringLiteral(" Dr. Quinn ");
        appointment.visitType = QStringLiteral("Check-up");
        input.append(appointment);
    }
    const QString tag = QString::fromLatin1(QTest::currentDataTag());
    if (tag == QLatin1String("unknown patient"))
        input[badRow].patientId = 999;
    else if (tag == QLatin1String("no start"))
        input[badRow].start = QDateTime();
    else if (tag == QLatin1String("no length"))
        input[badRow].durationMinutes = 0;
    else if (tag == QLatin1String("too long"))
        input[badRow].durationMinutes = AppointmentRepository::maxDurationMinutes + 1;

    const StoreResult<int> inserted = appointments.insertMany(input);
    const int stored = db.value(QStringLiteral("SELECT count(*) FROM appointments")).toInt();
    if (badRow >= 0) {
        QVERIFY2(!inserted.ok(), qPrintable(problem));
        QVERIFY2(inserted.error().startsWith(QLatin1String("Cannot save the appointment")),
                 qPrintable(inserted.error()));
        QCOMPARE(stored, 0);
        return;
    }
    QCOMPARE(STORE_VALUE(inserted), 3);
    QCOMPARE(stored, 3);
    const QList<Appointment> day = STORE_VALUE(appointments.forDay(QDate(2026, 3, 2)));
    QCOMPARE(day.size(), 3);
    for (qsizetype i = 0; i < day.size(); ++i) {
        Appointment expected = input.at(i);
        expected.id = day.at(i).id;
        QVERIFY(!day.at(i).uid.isEmpty());
        if (i > 0)
            QVERIFY(day.at(i).uid != day.at(i - 1).uid);
        expected.uid = day.at(i).uid;
        expected.provider = QStringLiteral("Dr. Quinn"); // trimmed as save() does
        QCOMPARE(day.at(i), expected);
    }
}

namespace {
//! A visit of `patientId` with `provider` at `start` (UTC, ISO) for `minutes`.
Appointment visit(qint64 patientId, const QString &provider, const char *start, int minutes,
                  AppointmentStatus status = AppointmentStatus::Scheduled)
{
    Appointment a;
    a.patientId = patientId;
    a.provider = provider;
    a.start = utc(QLatin1String(start));
    a.durationMinutes = minutes;
    a.status = status;
    return a;
}

QStringList startsOf(const QList<Appointment> &appointments)
{
    QStringList starts;
    for (const Appointment &a : appointments)
        starts.append(a.start.toUTC().toString(Qt::ISODateWithMs));
    return starts;
}
} // namespace

void TestAppointmentRepository::overlapping_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("start");
    QTest::addColumn<int>("minutes");
    QTest::addColumn<bool>("exceptFirst"); // leave out the 9:00 visit, as when editing it
    QTest::addColumn<QStringList>("expected");

    // Stored (see overlapping()): Dr. Quinn 9:00-9:30, 10:00-10:15, a cancelled 11:00-12:00,
    // a 480-minute 01:00-09:00 the day before; Dr. Roe 9:00-9:30.
    const QString nine = QStringLiteral("2026-03-02T09:00:00.000Z");
    const QString ten = QStringLiteral("2026-03-02T10:00:00.000Z");
    QTest::newRow("same time") << "Dr. Quinn"
                               << "2026-03-02T09:00:00.000Z" << 30 << false << QStringList{nine};
    QTest::newRow("starts inside")
        << "Dr. Quinn"
        << "2026-03-02T09:15:00.000Z" << 15 << false << QStringList{nine};
    QTest::newRow("ends inside") << "Dr. Quinn"
                                 << "2026-03-02T08:45:00.000Z" << 30 << false << QStringList{nine};
    QTest::newRow("spans two") << "Dr. Quinn"
                               << "2026-03-02T08:00:00.000Z" << 150 << false
                               << QStringList{nine, ten};
    QTest::newRow("within") << "Dr. Quinn"
                            << "2026-03-02T09:10:00.000Z" << 5 << false << QStringList{nine};
    QTest::newRow("back to back after")
        << "Dr. Quinn"
        << "2026-03-02T09:30:00.000Z" << 30 << false << QStringList{};
    QTest::newRow("back to back before")
        << "Dr. Quinn"
        << "2026-03-02T08:30:00.000Z" << 30 << false << QStringList{};
    QTest::newRow("between") << "Dr. Quinn"
                             << "2026-03-02T09:30:00.000Z" << 30 << false << QStringList{};
    QTest::newRow("other provider's time")
        << "Dr. Quinn"
        << "2026-03-03T09:00:00.000Z" << 30 << false << QStringList{};
    QTest::newRow("other provider") << "Dr. Smith"
                                    << "2026-03-02T09:00:00.000Z" << 30 << false << QStringList{};
    QTest::newRow("case and spaces")
        << "  dr. QUINN "
        << "2026-03-02T09:00:00.000Z" << 30 << false << QStringList{nine};
    QTest::newRow("cancelled") << "Dr. Quinn"
                               << "2026-03-02T11:15:00.000Z" << 15 << false << QStringList{};
    QTest::newRow("itself") << "Dr. Quinn"
                            << "2026-03-02T09:00:00.000Z" << 30 << true << QStringList{};
    QTest::newRow("itself and another")
        << "Dr. Quinn"
        << "2026-03-02T09:00:00.000Z" << 90 << true << QStringList{ten};
    QTest::newRow("longest visit, last minute")
        << "Dr. Quinn"
        << "2026-03-01T08:59:00.000Z" << 1 << false
        << QStringList{QStringLiteral("2026-03-01T01:00:00.000Z")};
    QTest::newRow("longest visit, after its end")
        << "Dr. Quinn"
        << "2026-03-01T09:00:00.000Z" << 1 << false << QStringList{};
    QTest::newRow("no provider") << ""
                                 << "2026-03-02T09:00:00.000Z" << 30 << false << QStringList{};
    QTest::newRow("no start") << "Dr. Quinn"
                              << "" << 30 << false << QStringList{};
    QTest::newRow("no length") << "Dr. Quinn"
                               << "2026-03-02T09:00:00.000Z" << 0 << false << QStringList{};
}

void TestAppointmentRepository::overlapping()
{
    QFETCH(QString, provider);
    QFETCH(QString, start);
    QFETCH(int, minutes);
    QFETCH(bool, exceptFirst);
    QFETCH(QStringList, expected);

    TestDatabase db;
    QVERIFY(db.open());
    AppointmentRepository appointments(db.connection());
    const qint64 patientId = addPatient(db.connection(), QStringLiteral("Doe"));
    const QString quinn = QStringLiteral("Dr. Quinn");
    qint64 nineId = 0;
    for (const Appointment &a :
         {visit(patientId, quinn, "2026-03-02T09:00:00.000Z", 30),
          visit(patientId, quinn, "2026-03-02T10:00:00.000Z", 15),
          visit(patientId, quinn, "2026-03-02T11:00:00.000Z", 60, AppointmentStatus::Cancelled),
          visit(patientId, quinn, "2026-03-01T01:00:00.000Z",
                AppointmentRepository::maxDurationMinutes),
          visit(patientId, QStringLiteral("Dr. Roe"), "2026-03-02T09:00:00.000Z", 30)}) {
        const StoreResult<Appointment> saved = appointments.save(a);
        QVERIFY_STORE_OK(saved);
        if (nineId == 0)
            nineId = saved->id;
    }
    const QDateTime from = start.isEmpty() ? QDateTime() : utc(start);
    const QList<Appointment> found =
        STORE_VALUE(appointments.overlapping(provider, from, minutes, exceptFirst ? nineId : 0));
    QCOMPARE(startsOf(found), expected);
    for (const Appointment &a : found)
        QCOMPARE(a.provider, quinn);
}

void TestAppointmentRepository::overlappingReadsARangeOfTheProviderIndex()
{
    // The warning is asked for as the clerk types: one range of one provider's index.
    TestDatabase db;
    QVERIFY(db.open());
    SqlTrace trace(db.connection());
    QVERIFY(trace.isValid());
    QVERIFY_STORE_OK(AppointmentRepository(db.connection())
                         .overlapping(QStringLiteral("Dr. Quinn"),
                                      utc(QStringLiteral("2026-03-02T09:00:00.000Z")), 30, 4));
    const QStringList statements = trace.queries();
    QCOMPARE(statements.size(), 1);
    const QString plan = trace.plan(statements.constFirst()).join(QStringLiteral("; "));
    QVERIFY2(plan.contains(QLatin1String("INDEX appointments_provider_start (provider=? AND "
                                         "start_at>? AND start_at<?)")),
             qPrintable(plan));
    QVERIFY2(!plan.contains(QLatin1String("TEMP B-TREE")), qPrintable(plan)); // no sort step
    QCOMPARE(unindexedStep(trace.plan(statements.constFirst())), QString());
}

void TestAppointmentRepository::upcomingForPatient_data()
{
    QTest::addColumn<bool>("includeCancelled");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("without cancelled")
        << false
        << QStringList{"2026-03-02T09:00:00.000Z", "2026-03-02T09:00:00.000Z",
                       "2026-04-01T08:00:00.000Z"};
    QTest::newRow("with cancelled")
        << true
        << QStringList{"2026-03-02T09:00:00.000Z", "2026-03-02T09:00:00.000Z",
                       "2026-03-20T10:00:00.000Z", "2026-04-01T08:00:00.000Z"};
}

void TestAppointmentRepository::upcomingForPatient()
{
    QFETCH(bool, includeCancelled);
    QFETCH(QStringList, expected);
    TestDatabase db;
    QVERIFY(db.open());
    AppointmentRepository appointments(db.connection());
    const qint64 patientId = addPatient(db.connection(), QStringLiteral("Doe"));
    const qint64 otherId = addPatient(db.connection(), QStringLiteral("Roe"));
    const QString quinn = QStringLiteral("Dr. Quinn");
    QList<qint64> ids;
    for (const Appointment &a :
         {visit(patientId, quinn, "2026-04-01T08:00:00.000Z", 30),
          visit(patientId, quinn, "2026-03-02T08:59:59.999Z", 30), // before `from`
          visit(patientId, quinn, "2026-03-02T09:00:00.000Z", 30), // at `from`: listed
          visit(patientId, QStringLiteral("Dr. Roe"), "2026-03-02T09:00:00.000Z", 15),
          visit(patientId, quinn, "2026-03-20T10:00:00.000Z", 30, AppointmentStatus::Cancelled),
          visit(otherId, quinn, "2026-03-10T10:00:00.000Z", 30)}) {
        const StoreResult<Appointment> saved = appointments.save(a);
        QVERIFY_STORE_OK(saved);
        ids.append(saved->id);
    }
    const QList<Appointment> found = STORE_VALUE(appointments.upcomingForPatient(
        patientId, utc(QStringLiteral("2026-03-02T09:00:00.000Z")),
        includeCancelled ? CancelledVisits::Include : CancelledVisits::Exclude));
    QCOMPARE(startsOf(found), expected);
    // Same start: in order of id, so the list never shuffles between reads.
    QCOMPARE(found.at(0).id, ids.at(2));
    QCOMPARE(found.at(1).id, ids.at(3));
    for (const Appointment &a : found)
        QCOMPARE(a.patientId, patientId);
}

void TestAppointmentRepository::upcomingForPatientUsesThePatientIndex()
{
    TestDatabase db;
    QVERIFY(db.open());
    SqlTrace trace(db.connection());
    QVERIFY(trace.isValid());
    QVERIFY_STORE_OK(AppointmentRepository(db.connection())
                         .upcomingForPatient(7, utc(QStringLiteral("2026-03-02T09:00:00.000Z"))));
    const QStringList statements = trace.queries();
    QCOMPARE(statements.size(), 1);
    const QString plan = trace.plan(statements.constFirst()).join(QStringLiteral("; "));
    QVERIFY2(plan.contains(QLatin1String("INDEX appointments_patient (patient_id=? AND "
                                         "start_at>?)")),
             qPrintable(plan));
    QVERIFY2(!plan.contains(QLatin1String("TEMP B-TREE")), qPrintable(plan));
}

void TestAppointmentRepository::cancelKeepsTheReason()
{
    TestDatabase db;
    QVERIFY(db.open());
    AppointmentRepository appointments(db.connection());
    const qint64 patientId = addPatient(db.connection(), QStringLiteral("Doe"));
    Appointment booked = STORE_VALUE(appointments.save(
        visit(patientId, QStringLiteral("Dr. Quinn"), "2026-03-02T09:00:00.000Z", 30)));
    QVERIFY(booked.id > 0);
    const QDateTime now = utc(QStringLiteral("2026-03-01T17:45:12.345Z"));

    const StoreResult<Appointment> cancelled =
        appointments.cancel(booked.id, QStringLiteral("  Patient is travelling. "), now);
    QVERIFY2(cancelled.ok(), qPrintable(cancelled.error()));
    Appointment expected = booked;
    expected.status = AppointmentStatus::Cancelled;
    expected.cancelReason = QStringLiteral("Patient is travelling.");
    expected.updatedAt = now;
    QCOMPARE(cancelled.value(), expected);
    QCOMPARE(STORE_VALUE(appointments.find(booked.id)), std::optional(expected));
    QCOMPARE(db.value(QStringLiteral("SELECT status || '|' || cancel_reason || '|' || updated_at "
                                     "FROM appointments"))
                 .toString(),
             QStringLiteral("cancelled|Patient is travelling.|2026-03-01T17:45:12.345Z"));
}

void TestAppointmentRepository::cancelRefusals_data()
{
    QTest::addColumn<QString>("status"); // of the stored visit; "" for none
    QTest::addColumn<int>("reasonLength");
    QTest::addColumn<QString>("error");
    QTest::newRow("already cancelled") << "cancelled" << 10 << "already cancelled";
    QTest::newRow("completed") << "completed" << 10 << "has taken place";
    QTest::newRow("missing") << "" << 10 << "no longer exists";
    QTest::newRow("reason too long") << "scheduled" << AppointmentRepository::maxReasonLength + 1
                                     << "The reason for cancelling can be at most 500 characters";
}

void TestAppointmentRepository::cancelRefusals()
{
    QFETCH(QString, status);
    QFETCH(int, reasonLength);
    QFETCH(QString, error);
    TestDatabase db;
    QVERIFY(db.open());
    AppointmentRepository appointments(db.connection());
    const qint64 patientId = addPatient(db.connection(), QStringLiteral("Doe"));
    qint64 id = 99;
    std::optional<Appointment> before;
    if (!status.isEmpty()) {
        Appointment a = visit(patientId, QStringLiteral("Dr. Quinn"), "2026-03-02T09:00:00.000Z",
                              30, appointmentStatusFromKey(status));
        a.cancelReason = status == QLatin1String("cancelled") ? QStringLiteral("first") : QString();
        before = STORE_VALUE(appointments.save(a));
        id = before->id;
    }
    const StoreResult<Appointment> cancelled = appointments.cancel(
        id, QString(reasonLength, QLatin1Char('r')), utc(QStringLiteral("2026-03-01T10:00:00Z")));
    QVERIFY(!cancelled.ok());
    QVERIFY2(cancelled.error().contains(error), qPrintable(cancelled.error()));
    QCOMPARE(STORE_VALUE(appointments.find(id)), before); // unchanged
}

void TestAppointmentRepository::providersAndVisitTypesAreDistinctAndOrdered()
{
    TestDatabase db;
    QVERIFY(db.open());
    AppointmentRepository appointments(db.connection());
    QCOMPARE(STORE_VALUE(appointments.providers()), QStringList());
    const qint64 patientId = addPatient(db.connection(), QStringLiteral("Doe"));
    const QList<std::pair<const char *, const char *>> rows{
        {"Dr. Quinn", "Follow-up"}, {"dr. ames", "New patient"},      {"", "follow-up"},
        {" Dr. Quinn ", ""},        {"DR. QUINN", "Annual physical"}, {"Dr. Zhou", "Lab review"},
        {"Dr. Ames", "Follow-up"}};
    int minute = 0;
    for (const auto &[provider, visitType] : rows) {
        Appointment a;
        a.patientId = patientId;
        a.start = utc(QStringLiteral("2026-03-02T09:00:00.000Z")).addSecs(60 * ++minute);
        a.provider = QLatin1String(provider);
        a.visitType = QLatin1String(visitType);
        QVERIFY_STORE_OK(appointments.save(a));
    }
    // One entry per name whatever its case, in alphabetical order, no empty names.
    const QStringList providers = STORE_VALUE(appointments.providers());
    QCOMPARE(providers.size(), 3);
    QCOMPARE(providers.at(0).toLower(), QStringLiteral("dr. ames"));
    QCOMPARE(providers.at(1).toLower(), QStringLiteral("dr. quinn"));
    QCOMPARE(providers.at(2), QStringLiteral("Dr. Zhou"));
    const QStringList visitTypes = STORE_VALUE(appointments.visitTypes());
    QCOMPARE(visitTypes.size(), 4);
    QCOMPARE(visitTypes.at(0), QStringLiteral("Annual physical"));
    QCOMPARE(visitTypes.at(1).toLower(), QStringLiteral("follow-up"));
    QCOMPARE(visitTypes.at(2), QStringLiteral("Lab review"));
    QCOMPARE(visitTypes.at(3), QStringLiteral("New patient"));
}

void TestAppointmentRepository::providersAndVisitTypesSeekTheIndex()
{
    // Filling the form's lists costs a seek per name, not a pass over years of visits.
    TestDatabase db;
    QVERIFY(db.open());
    AppointmentRepository appointments(db.connection());
    const qint64 patientId = addPatient(db.connection(), QStringLiteral("Doe"));
    QList<Appointment> many;
    for (int i = 0; i < 200; ++i) {
        Appointment a =
            visit(patientId, i % 2 ? QStringLiteral("Dr. Quinn") : QStringLiteral("Dr. Roe"),
                  "2026-03-02T09:00:00.000Z", 15);
        a.start = a.start.addDays(i);
        a.visitType = i % 3 ? QStringLiteral("Follow-up") : QStringLiteral("Lab review");
        many.append(a);
    }
    QCOMPARE(STORE_VALUE(appointments.insertMany(many)), 200);
    for (const auto &[index, read] :
         {std::pair{QStringLiteral("appointments_provider_start"),
                    std::function([&] { return appointments.providers(); })},
          std::pair{QStringLiteral("appointments_visit_type"),
                    std::function([&] { return appointments.visitTypes(); })}}) {
        SqlTrace trace(db.connection());
        QVERIFY(trace.isValid());
        QCOMPARE(STORE_VALUE(read()).size(), 2);
        const QStringList statements = trace.queries();
        QCOMPARE(statements.size(), 3); // two names, and the seek that finds no third
        for (const QString &statement : statements) {
            const QStringList plan = trace.plan(statement);
            QVERIFY2(plan.join(QLatin1Char(' ')).contains(QLatin1String("COVERING INDEX ") + index),
                     qPrintable(plan.join(QStringLiteral("; "))));
            QCOMPARE(unindexedStep(plan), QString());
        }
    }
}

void TestAppointmentRepository::migrationFromVersion3KeepsTheAppointments()
{
    TestDatabase db;
    QVERIFY2(db.open(3), qPrintable(db.result().error));
    const qint64 patientId = addPatient(db.connection(), QStringLiteral("Doe"));
    QCOMPARE(db.exec(QStringLiteral("INSERT INTO appointments (patient_id, start_at, provider) "
                                    "VALUES (%1, '2026-03-02T09:00:00.000Z', 'Dr. Quinn')")
                         .arg(patientId)),
             QString());
    db.close();
    QVERIFY2(db.open(), qPrintable(db.result().error));
    QCOMPARE(db.result().fromVersion, 3);
    QVERIFY(db.result().toVersion >= 4);
    const QList<Appointment> stored =
        STORE_VALUE(AppointmentRepository(db.connection()).forPatient(patientId));
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.at(0).provider, QStringLiteral("Dr. Quinn"));
    QCOMPARE(stored.at(0).notes, QString());
    QCOMPARE(stored.at(0).cancelReason, QString());
    QVERIFY(!stored.at(0).updatedAt.isValid());
    QCOMPARE(db.value(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND "
                                     "name IN ('appointments_provider_start', "
                                     "'appointments_visit_type', 'appointments_patient')"))
                 .toInt(),
             3);
}

CLINICDESK_STORE_TEST_MAIN(TestAppointmentRepository)
#include "tst_appointmentrepository.moc"

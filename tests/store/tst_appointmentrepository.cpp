// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/storetestmain.h"
#include "services/store/appointmentrepository.h"
#include "services/store/patientrepository.h"
#include "store/sqltrace.h"
#include "store/testdatabase.h"

#include <QTest>

#include <ctime>

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

    const StoreResult<Appointment> saved = appointments.save(appointment);
    QVERIFY2(saved.ok(), qPrintable(saved.error()));
    appointment.id = saved->id;
    QCOMPARE(saved.value(), appointment);
    QCOMPARE(STORE_VALUE(appointments.find(appointment.id)),
             std::optional<Appointment>(appointment));
    QCOMPARE(db.value(QStringLiteral("SELECT start_at FROM appointments")).toString(),
             QStringLiteral("2026-03-02T14:30:00.250Z"));

    appointment.status = AppointmentStatus::CheckedIn;
    const StoreResult<Appointment> updated = appointments.save(appointment);
    QVERIFY2(updated.ok(), qPrintable(updated.error()));
    QCOMPARE(STORE_VALUE(appointments.find(appointment.id))->status, AppointmentStatus::CheckedIn);
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
        expected.provider = QStringLiteral("Dr. Quinn"); // trimmed as save() does
        QCOMPARE(day.at(i), expected);
    }
}

CLINICDESK_STORE_TEST_MAIN(TestAppointmentRepository)
#include "tst_appointmentrepository.moc"

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/store/appointmentrepository.h"
#include "services/store/patientrepository.h"
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
    QCOMPARE(appointments.find(appointment.id), std::optional<Appointment>(appointment));
    QCOMPARE(db.value(QStringLiteral("SELECT start_at FROM appointments")).toString(),
             QStringLiteral("2026-03-02T14:30:00.250Z"));

    appointment.status = AppointmentStatus::CheckedIn;
    const StoreResult<Appointment> updated = appointments.save(appointment);
    QVERIFY2(updated.ok(), qPrintable(updated.error()));
    QCOMPARE(appointments.find(appointment.id)->status, AppointmentStatus::CheckedIn);
    QCOMPARE(db.value(QStringLiteral("SELECT status FROM appointments")).toString(),
             QStringLiteral("checked_in"));
    QCOMPARE(appointments.find(appointment.id + 1), std::nullopt);
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
        QVERIFY(appointments.save(appointment).ok());
    }
    QStringList found;
    for (const Appointment &appointment : appointments.forDay(day))
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
        QVERIFY(appointments.save(appointment).ok());
    }
    const QList<Appointment> found = appointments.forPatient(patientId);
    QCOMPARE(found.size(), 2);
    QCOMPARE(found.at(0).start, utc(QStringLiteral("2026-02-01T10:00:00.000Z")));
    QCOMPARE(found.at(1).start, utc(QStringLiteral("2026-05-01T10:00:00.000Z")));
}

QTEST_GUILESS_MAIN(TestAppointmentRepository)
#include "tst_appointmentrepository.moc"

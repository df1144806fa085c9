// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/storetestmain.h"
#include "services/store/appointmentrepository.h"
#include "services/store/auditlog.h"
#include "services/store/coveragerepository.h"
#include "services/store/patientrepository.h"
#include "services/store/verificationrepository.h"
#include "store/damagedfile.h"
#include "store/testdatabase.h"

#include <QSemaphore>
#include <QSqlError>
#include <QTest>
#include <QThread>

#include <functional>
#include <memory>

namespace {
/*!
  Another connection to the same file holding the write lock (BEGIN IMMEDIATE), on its own
  thread, as a second ClinicDesk or a backup tool would; released on destruction.
 */
class WriteLock
{
public:
    explicit WriteLock(const QString &path)
    {
        static QAtomicInt counter;
        const QString name = QStringLiteral("write_lock_%1").arg(counter.fetchAndAddRelaxed(1));
        m_thread.reset(QThread::create([this, path, name] {
            {
                QSqlDatabase db = Database::addConnection(name, {});
                db.setDatabaseName(path);
                QSqlQuery query(db);
                if (!db.open())
                    m_error = db.lastError().text();
                else if (!query.exec(QStringLiteral("BEGIN IMMEDIATE")))
                    m_error = query.lastError().text();
                m_held.release();
                m_done.acquire();
                query.exec(QStringLiteral("ROLLBACK"));
                query.finish();
                db.close();
            }
            QSqlDatabase::removeDatabase(name);
        }));
        m_thread->start();
        m_held.acquire();
    }
    ~WriteLock() { release(); }
    WriteLock(const WriteLock &) = delete;
    WriteLock &operator=(const WriteLock &) = delete;

    //! Why the lock could not be taken; empty while it is held.
    const QString &error() const { return m_error; }
    void release()
    {
        if (m_thread && m_thread->isRunning()) {
            m_done.release();
            m_thread->wait();
        }
    }

private:
    std::unique_ptr<QThread> m_thread;
    QSemaphore m_held;
    QSemaphore m_done;
    QString m_error;
};

Patient makePatient(const QString &last, int number = 0)
{
    Patient patient;
    patient.firstName = QStringLiteral("Pat");
    patient.lastName = last;
    patient.dateOfBirth = QDate(1980, 1, 1).addDays(number % 5000);
    return patient;
}

Coverage makeCoverage(qint64 patientId, const QString &memberId)
{
    Coverage coverage;
    coverage.patientId = patientId;
    coverage.payerId = QStringLiteral("INS001");
    coverage.memberId = memberId;
    return coverage;
}

Verification makeVerification(qint64 patientId, qint64 coverageId, const QDateTime &at)
{
    Verification verification;
    verification.patientId = patientId;
    verification.coverageId = coverageId;
    verification.status = VerificationStatus::Verified;
    verification.requestedAt = at;
    verification.completedAt = at.addSecs(1);
    verification.request = QByteArray("ISA*00*...~ST*270*0001~").repeated(8);
    verification.response = QByteArray("ISA*00*...~ST*271*0001~").repeated(8);
    return verification;
}

Appointment makeAppointment(qint64 patientId)
{
    Appointment appointment;
    appointment.patientId = patientId;
    appointment.start = QDateTime(QDate(2026, 3, 2), QTime(15, 0), Qt::UTC);
    return appointment;
}

//! A write or a read through a repository; returns the StoreResult's error (empty on success).
using Operation =
    std::function<QString(const QString &connection, qint64 patientId, qint64 coverageId)>;

template<typename T> QString errorOf(const StoreResult<T> &result)
{
    return result.ok() ? QString() : result.error();
}
} // namespace

Q_DECLARE_METATYPE(Operation)

class TestStoreErrors : public QObject
{
    Q_OBJECT

private slots:
    void describeWordsEachKindOfError_data();
    void describeWordsEachKindOfError();
    void busyWriteSaysTheDatabaseIsBusy_data();
    void busyWriteSaysTheDatabaseIsBusy();
    void readsGoOnWhileAnotherConnectionWrites();
    void damagedReadSaysUnreadable_data();
    void damagedReadSaysUnreadable();
};

void TestStoreErrors::describeWordsEachKindOfError_data()
{
    QTest::addColumn<QString>("nativeCode"); // as Qt's SQLite driver reports it
    QTest::addColumn<bool>("busy");
    QTest::addColumn<QString>("wording");

    const QString busy = QStringLiteral("The database is busy, so the patients could not be read "
                                        "or saved. Try again in a moment.");
    const QString unreadable =
        QStringLiteral("The database is unreadable, so the patients could not be read");
    QTest::newRow("SQLITE_BUSY") << QStringLiteral("5") << true << busy;
    QTest::newRow("SQLITE_LOCKED") << QStringLiteral("6") << true << busy;
    QTest::newRow("SQLITE_BUSY_SNAPSHOT") << QStringLiteral("517") << true << busy;
    QTest::newRow("SQLITE_IOERR_READ") << QStringLiteral("266") << false << unreadable;
    QTest::newRow("SQLITE_CORRUPT") << QStringLiteral("11") << false << unreadable;
    QTest::newRow("SQLITE_NOTADB") << QStringLiteral("26") << false << unreadable;
    QTest::newRow("SQLITE_FULL") << QStringLiteral("13") << false
                                 << QStringLiteral("The disk is full, so the patients could not "
                                                   "be saved.");
    QTest::newRow("SQLITE_CONSTRAINT")
        << QStringLiteral("19") << false
        << QStringLiteral("The database could not handle the patients (");
    QTest::newRow("no code") << QString() << false
                             << QStringLiteral("The database could not handle the patients (");
}

void TestStoreErrors::describeWordsEachKindOfError()
{
    QFETCH(QString, nativeCode);
    QFETCH(bool, busy);
    QFETCH(QString, wording);
    const QSqlError error(QStringLiteral("Unable to fetch row"), QStringLiteral("SQLite says so"),
                          QSqlError::StatementError, nativeCode);
    QCOMPARE(StoreErrors::isBusy(error), busy);
    const QString described = StoreErrors::describe(error, QStringLiteral("the patients"));
    QVERIFY2(described.startsWith(wording), qPrintable(described));
    // SQLite's own words stay in, for whoever has to look into it.
    QVERIFY2(described.contains(QLatin1String("SQLite says so")), qPrintable(described));
}

void TestStoreErrors::busyWriteSaysTheDatabaseIsBusy_data()
{
    QTest::addColumn<Operation>("write");

    QTest::newRow("PatientRepository::save") << Operation([](const QString &c, qint64, qint64) {
        return errorOf(PatientRepository(c).save(makePatient(QStringLiteral("New"))));
    });
    QTest::newRow("PatientRepository::insertMany")
        << Operation([](const QString &c, qint64, qint64) {
               return errorOf(PatientRepository(c).insertMany(
                   {makePatient(QStringLiteral("A")), makePatient(QStringLiteral("B"))}));
           });
    QTest::newRow("CoverageRepository::save") << Operation(
        [](const QString &c, qint64 patient, qint64) {
            return errorOf(CoverageRepository(c).save(makeCoverage(patient, QStringLiteral("N1"))));
        });
    QTest::newRow("CoverageRepository::insertMany")
        << Operation([](const QString &c, qint64 patient, qint64) {
               return errorOf(
                   CoverageRepository(c).insertMany({makeCoverage(patient, QStringLiteral("N2"))}));
           });
    QTest::newRow("CoverageRepository::savePayer")
        << Operation([](const QString &c, qint64, qint64) {
               return errorOf(CoverageRepository(c).savePayer(
                   {QStringLiteral("CIG01"), QStringLiteral("Cigna")}));
           });
    QTest::newRow("CoverageRepository::remove")
        << Operation([](const QString &c, qint64, qint64 coverage) {
               return errorOf(CoverageRepository(c).remove(coverage));
           });
    QTest::newRow("AppointmentRepository::save")
        << Operation([](const QString &c, qint64 patient, qint64) {
               return errorOf(AppointmentRepository(c).save(makeAppointment(patient)));
           });
    QTest::newRow("AppointmentRepository::insertMany")
        << Operation([](const QString &c, qint64 patient, qint64) {
               return errorOf(AppointmentRepository(c).insertMany({makeAppointment(patient)}));
           });
    QTest::newRow("VerificationRepository::save")
        << Operation([](const QString &c, qint64 patient, qint64 coverage) {
               return errorOf(VerificationRepository(c).save(
                   makeVerification(patient, coverage, QDateTime::currentDateTimeUtc())));
           });
    QTest::newRow("VerificationRepository::insertMany")
        << Operation([](const QString &c, qint64 patient, qint64 coverage) {
               return errorOf(VerificationRepository(c).insertMany(
                   {makeVerification(patient, coverage, QDateTime::currentDateTimeUtc())}));
           });
    QTest::newRow("VerificationRepository::expireStale")
        << Operation([](const QString &c, qint64, qint64) {
               return errorOf(VerificationRepository(c).expireStale(
                   {QDateTime::currentDateTimeUtc(), QDate::currentDate()}));
           });
    QTest::newRow("AuditLog::record") << Operation([](const QString &c, qint64 patient, qint64) {
        return errorOf(AuditLog(c).record(QStringLiteral("alice"), QStringLiteral("patient.view"),
                                          QStringLiteral("patient"), patient));
    });
}

void TestStoreErrors::busyWriteSaysTheDatabaseIsBusy()
{
    QFETCH(Operation, write);
    TestDatabase db;
    QVERIFY(db.open());
    const Patient patient =
        STORE_VALUE(PatientRepository(db.connection()).save(makePatient(QStringLiteral("Doe"))));
    const Coverage coverage = STORE_VALUE(
        CoverageRepository(db.connection()).save(makeCoverage(patient.id, QStringLiteral("M1"))));
    QVERIFY(coverage.id > 0);
    const auto snapshot = [&] {
        return db
            .value(QStringLiteral(
                "SELECT (SELECT count(*) FROM patients) || '/' || (SELECT count(*) "
                "FROM coverages) || '/' || (SELECT count(*) FROM payers) || '/' || "
                "(SELECT count(*) FROM appointments) || '/' || (SELECT count(*) FROM "
                "verifications) || '/' || (SELECT count(*) FROM audit_log)"))
            .toString();
    };
    const QString before = snapshot();
    // Wait 50 ms for the lock rather than the app's 5 s.
    QCOMPARE(db.exec(QStringLiteral("PRAGMA busy_timeout = 50")), QString());

    WriteLock lock(db.path());
    QVERIFY2(lock.error().isEmpty(), qPrintable(lock.error()));
    const QString error = write(db.connection(), patient.id, coverage.id);
    QVERIFY2(error.contains(QLatin1String("The database is busy")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("Try again in a moment")), qPrintable(error));
    lock.release();

    QCOMPARE(snapshot(), before); // nothing was written
    // Busy, not broken: once the lock is gone the same write goes through.
    const QString again = write(db.connection(), patient.id, coverage.id);
    QVERIFY2(again.isEmpty(), qPrintable(again));
}

void TestStoreErrors::readsGoOnWhileAnotherConnectionWrites()
{
    // Write-ahead logging: a writer elsewhere does not make a read fail or wait.
    TestDatabase db;
    QVERIFY(db.open());
    QVERIFY_STORE_OK(PatientRepository(db.connection()).save(makePatient(QStringLiteral("Doe"))));
    QCOMPARE(db.exec(QStringLiteral("PRAGMA busy_timeout = 50")), QString());
    WriteLock lock(db.path());
    QVERIFY2(lock.error().isEmpty(), qPrintable(lock.error()));
    QCOMPARE(STORE_VALUE(PatientRepository(db.connection()).all()).size(), 1);
    QCOMPARE(STORE_VALUE(PatientRepository(db.connection()).search(QStringLiteral("doe")))
                 .patients.size(),
             1);
    QCOMPARE(STORE_VALUE(AuditLog(db.connection()).entries()).size(), 0);
}

void TestStoreErrors::damagedReadSaysUnreadable_data()
{
    QTest::addColumn<QString>("object"); // whose pages are damaged
    QTest::addColumn<Operation>("read");

    // Patients are named in id order, so a read in name order reads good pages first.
    const QString patients = QStringLiteral("patients");
    QTest::newRow("PatientRepository::all")
        << patients << Operation([](const QString &c, qint64, qint64) {
               return errorOf(PatientRepository(c).all());
           });
    QTest::newRow("PatientRepository::find")
        << patients << Operation([](const QString &c, qint64 lastPatient, qint64) {
               return errorOf(PatientRepository(c).find(lastPatient));
           });
    QTest::newRow("PatientRepository::findMany")
        << patients << Operation([](const QString &c, qint64 lastPatient, qint64) {
               QList<qint64> ids;
               for (qint64 id = 1; id <= lastPatient; ++id)
                   ids.append(id);
               return errorOf(PatientRepository(c).findMany(ids));
           });
    QTest::newRow("PatientRepository::search, later names")
        << patients << Operation([](const QString &c, qint64, qint64) {
               return errorOf(PatientRepository(c).search(QStringLiteral("doe29")));
           });
    QTest::newRow("PatientRepository::search, every page")
        << patients << Operation([](const QString &c, qint64, qint64) {
               PatientRepository repository(c);
               std::optional<PatientCursor> after;
               for (;;) {
                   const auto page = repository.search(QString(), 500, after);
                   if (!page.ok())
                       return page.error();
                   if (!page->hasMore)
                       return QString();
                   after = page->next;
               }
           });
    const QString verifications = QStringLiteral("verifications");
    QTest::newRow("VerificationRepository::historyForPatient")
        << verifications << Operation([](const QString &c, qint64, qint64) {
               return errorOf(VerificationRepository(c).historyForPatient(1));
           });
    QTest::newRow("VerificationRepository::between")
        << verifications << Operation([](const QString &c, qint64, qint64) {
               return errorOf(VerificationRepository(c).between(
                   QDateTime(QDate(2000, 1, 1), QTime(), Qt::UTC),
                   QDateTime(QDate(2100, 1, 1), QTime(), Qt::UTC), true));
           });
    QTest::newRow("VerificationRepository::pending")
        << verifications << Operation([](const QString &c, qint64, qint64) {
               return errorOf(VerificationRepository(c).pending());
           });
}

void TestStoreErrors::damagedReadSaysUnreadable()
{
    QFETCH(QString, object);
    QFETCH(Operation, read);
    TestDatabase db;
    QVERIFY(db.open());
    QList<Patient> input;
    for (int i = 0; i < 3000; ++i)
        input.append(makePatient(QStringLiteral("Doe%1").arg(i, 4, 10, QLatin1Char('0')), i));
    const QList<Patient> stored = STORE_VALUE(PatientRepository(db.connection()).insertMany(input));
    QCOMPARE(stored.size(), 3000);
    const Coverage coverage = STORE_VALUE(
        CoverageRepository(db.connection()).save(makeCoverage(1, QStringLiteral("M1"))));
    QList<Verification> attempts;
    for (int i = 0; i < 3000; ++i) {
        Verification attempt = makeVerification(
            1, coverage.id, QDateTime(QDate(2026, 1, 1), QTime(8, 0), Qt::UTC).addSecs(i * 60));
        if (i % 2)
            attempt.status = VerificationStatus::Pending;
        attempts.append(attempt);
    }
    QCOMPARE(STORE_VALUE(VerificationRepository(db.connection()).insertMany(attempts)), 3000);
    QVERIFY2(read(db.connection(), stored.constLast().id, coverage.id).isEmpty(),
             "the read works before the damage");

    damageAndReopen(db, object, Damage::PageHeaders);
    const QString error = read(db.connection(), stored.constLast().id, coverage.id);
    // Not an empty or partial list that looks like "that is all there is".
    QVERIFY2(error.contains(QLatin1String("The database is unreadable")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("Database Check")), qPrintable(error));
}

CLINICDESK_STORE_TEST_MAIN(TestStoreErrors)
#include "tst_storeerrors.moc"

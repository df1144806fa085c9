// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/store/patientrepository.h"
#include "store/testdatabase.h"

#include <QElapsedTimer>
#include <QTest>

namespace {
Patient makePatient(const QString &first, const QString &last, const QDate &dob,
                    const QString &mrn = {})
{
    Patient patient;
    patient.firstName = first;
    patient.lastName = last;
    patient.dateOfBirth = dob;
    patient.mrn = mrn;
    return patient;
}

QStringList names(const QList<Patient> &patients)
{
    QStringList result;
    for (const Patient &patient : patients)
        result.append(patient.lastName + QLatin1Char(',') + patient.firstName);
    return result;
}
} // namespace

class TestPatientRepository : public QObject
{
    Q_OBJECT

private slots:
    void saveAndFind();
    void updateKeepsCreationTime();
    void savedValuesAreTrimmed();
    void mrnIsGeneratedInSequence();
    void validationFailures_data();
    void validationFailures();
    void updateOfMissingPatientFails();
    void search_data();
    void search();
    void searchHonoursLimit();
    void insertManyIsAllOrNothing();
    void searchWithTenThousandPatients();
};

void TestPatientRepository::saveAndFind()
{
    TestDatabase db;
    QVERIFY(db.open());
    PatientRepository patients(db.connection());

    Patient patient =
        makePatient(QStringLiteral("Ada"), QStringLiteral("Lovelace"), QDate(1815, 12, 10));
    patient.middleName = QStringLiteral("Augusta");
    patient.gender = Gender::Female;
    patient.address = {QStringLiteral("12 St James's Square"), QStringLiteral("Apt 2"),
                       QStringLiteral("London"), QStringLiteral("NY"), QStringLiteral("10001")};
    patient.phone = QStringLiteral("555-0100");
    patient.email = QStringLiteral("ada@example.org");

    const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
    const StoreResult<Patient> saved = patients.save(patient);
    QVERIFY2(saved.ok(), qPrintable(saved.error()));
    QVERIFY(saved->id > 0);
    QCOMPARE(saved->mrn, QStringLiteral("MRN000001"));
    QVERIFY(saved->createdAt >= before);
    QCOMPARE(saved->createdAt.timeSpec(), Qt::UTC);
    QCOMPARE(saved->updatedAt, saved->createdAt);

    Patient expected = patient;
    expected.id = saved->id;
    expected.mrn = saved->mrn;
    expected.createdAt = saved->createdAt;
    expected.updatedAt = saved->updatedAt;
    QCOMPARE(saved.value(), expected);
    QCOMPARE(patients.find(saved->id), std::optional<Patient>(expected));
    QCOMPARE(patients.findByMrn(QStringLiteral("mrn000001")), std::optional<Patient>(expected));
    QCOMPARE(patients.find(saved->id + 1), std::nullopt);
    QCOMPARE(patients.findByMrn(QStringLiteral("MRN999999")), std::nullopt);
    QCOMPARE(patients.count(), 1);
    // Stored as UTC with milliseconds.
    QCOMPARE(db.value(QStringLiteral("SELECT created_at FROM patients")).toString(),
             saved->createdAt.toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'Z'")));
    QCOMPARE(db.value(QStringLiteral("SELECT date_of_birth FROM patients")).toString(),
             QStringLiteral("1815-12-10"));
}

void TestPatientRepository::updateKeepsCreationTime()
{
    TestDatabase db;
    QVERIFY(db.open());
    PatientRepository patients(db.connection());
    const StoreResult<Patient> saved = patients.save(
        makePatient(QStringLiteral("Grace"), QStringLiteral("Hopper"), QDate(1906, 12, 9)));
    QVERIFY(saved.ok());

    QTest::qWait(5); // a later updated_at
    Patient changed = saved.value();
    changed.lastName = QStringLiteral("Murray Hopper");
    changed.phone = QStringLiteral("555-0199");
    changed.mrn.clear(); // an empty MRN on update keeps the chart number
    const StoreResult<Patient> updated = patients.save(changed);
    QVERIFY2(updated.ok(), qPrintable(updated.error()));
    QCOMPARE(updated->id, saved->id);
    QCOMPARE(updated->mrn, saved->mrn);
    QCOMPARE(updated->lastName, QStringLiteral("Murray Hopper"));
    QCOMPARE(updated->phone, QStringLiteral("555-0199"));
    QCOMPARE(updated->createdAt, saved->createdAt);
    QVERIFY(updated->updatedAt > saved->updatedAt);
    QCOMPARE(patients.find(saved->id), std::optional<Patient>(updated.value()));
    QCOMPARE(patients.count(), 1);
}

void TestPatientRepository::savedValuesAreTrimmed()
{
    TestDatabase db;
    QVERIFY(db.open());
    PatientRepository patients(db.connection());
    Patient patient = makePatient(QStringLiteral("  Alan "), QStringLiteral(" Turing  "),
                                  QDate(1912, 6, 23), QStringLiteral(" T-1 "));
    patient.address.state = QStringLiteral("ny");
    const StoreResult<Patient> saved = patients.save(patient);
    QVERIFY2(saved.ok(), qPrintable(saved.error()));
    QCOMPARE(saved->firstName, QStringLiteral("Alan"));
    QCOMPARE(saved->lastName, QStringLiteral("Turing"));
    QCOMPARE(saved->mrn, QStringLiteral("T-1"));
    QCOMPARE(saved->address.state, QStringLiteral("NY"));
}

void TestPatientRepository::mrnIsGeneratedInSequence()
{
    TestDatabase db;
    QVERIFY(db.open());
    PatientRepository patients(db.connection());
    const QDate dob(1970, 1, 1);
    auto saveMrn = [&](const QString &mrn) {
        const StoreResult<Patient> saved =
            patients.save(makePatient(QStringLiteral("A"), QStringLiteral("B"), dob, mrn));
        return saved.ok() ? saved->mrn : saved.error();
    };
    QCOMPARE(saveMrn({}), QStringLiteral("MRN000001"));
    QCOMPARE(saveMrn({}), QStringLiteral("MRN000002"));
    QCOMPARE(saveMrn(QStringLiteral("mrn000050")), QStringLiteral("mrn000050"));
    QCOMPARE(saveMrn(QStringLiteral("MRN1234567")), QStringLiteral("MRN1234567")); // not ours
    QCOMPARE(saveMrn(QStringLiteral("CHART-9")), QStringLiteral("CHART-9"));
    QCOMPARE(saveMrn({}), QStringLiteral("MRN000051"));
}

void TestPatientRepository::validationFailures_data()
{
    QTest::addColumn<Patient>("patient");
    QTest::addColumn<QString>("error");

    const QDate dob(1980, 5, 17);
    QTest::newRow("missing last name")
        << makePatient(QStringLiteral("Ann"), QString(), dob) << QStringLiteral("last name");
    QTest::newRow("blank last name")
        << makePatient(QStringLiteral("Ann"), QStringLiteral("   "), dob)
        << QStringLiteral("last name");
    QTest::newRow("missing date of birth")
        << makePatient(QStringLiteral("Ann"), QStringLiteral("Lee"), QDate())
        << QStringLiteral("date of birth");
    QTest::newRow("date of birth in the future")
        << makePatient(QStringLiteral("Ann"), QStringLiteral("Lee"),
                       QDate::currentDate().addDays(2))
        << QStringLiteral("future");
    Patient badState = makePatient(QStringLiteral("Ann"), QStringLiteral("Lee"), dob);
    badState.address.state = QStringLiteral("New York");
    QTest::newRow("state not a code") << badState << QStringLiteral("two-letter");
    QTest::newRow("duplicate MRN, other case")
        << makePatient(QStringLiteral("Ann"), QStringLiteral("Lee"), dob, QStringLiteral("taken-1"))
        << QStringLiteral("already has the MRN TAKEN-1");
}

void TestPatientRepository::validationFailures()
{
    QFETCH(Patient, patient);
    QFETCH(QString, error);
    TestDatabase db;
    QVERIFY(db.open());
    PatientRepository patients(db.connection());
    QVERIFY(patients
                .save(makePatient(QStringLiteral("Max"), QStringLiteral("Taken"), QDate(1960, 1, 1),
                                  QStringLiteral("TAKEN-1")))
                .ok());

    const StoreResult<Patient> saved = patients.save(patient);
    QVERIFY(!saved.ok());
    QVERIFY2(saved.error().contains(error, Qt::CaseInsensitive), qPrintable(saved.error()));
    QCOMPARE(patients.count(), 1);
}

void TestPatientRepository::updateOfMissingPatientFails()
{
    TestDatabase db;
    QVERIFY(db.open());
    PatientRepository patients(db.connection());
    Patient ghost =
        makePatient(QStringLiteral("Nobody"), QStringLiteral("Here"), QDate(1999, 9, 9));
    ghost.id = 42;
    const StoreResult<Patient> saved = patients.save(ghost);
    QVERIFY(!saved.ok());
    QVERIFY2(saved.error().contains(QLatin1String("no longer exists")), qPrintable(saved.error()));
    QCOMPARE(patients.count(), 0);
}

void TestPatientRepository::search_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected"); // "Last,First" in list order

    const QString lovelaceAda = QStringLiteral("Lovelace,Ada");
    const QString lovelaceGrace = QStringLiteral("Lovelace,Grace");
    const QString byronAda = QStringLiteral("Byron,Ada");
    const QString babbage = QStringLiteral("Babbage,Charles");
    const QString hopper = QStringLiteral("Hopper,Grace");
    const QString turing = QStringLiteral("Turing,Alan");
    const QString alvarez = QStringLiteral("Álvarez,José");

    QTest::newRow("last name prefix")
        << QStringLiteral("love") << QStringList{lovelaceAda, lovelaceGrace};
    QTest::newRow("whole last name") << QStringLiteral("Babbage") << QStringList{babbage};
    QTest::newRow("upper case") << QStringLiteral("LOVE")
                                << QStringList{lovelaceAda, lovelaceGrace};
    QTest::newRow("first name") << QStringLiteral("ada") << QStringList{byronAda, lovelaceAda};
    QTest::newRow("first or last name")
        << QStringLiteral("grace") << QStringList{hopper, lovelaceGrace};
    QTest::newRow("MRN prefix") << QStringLiteral("mrn2") << QStringList{hopper, turing};
    QTest::newRow("whole MRN") << QStringLiteral("MRN100002") << QStringList{babbage};
    QTest::newRow("member ID prefix") << QStringLiteral("xyz") << QStringList{hopper, lovelaceAda};
    QTest::newRow("whole member ID") << QStringLiteral("abc987") << QStringList{babbage};
    QTest::newRow("DOB ISO") << QStringLiteral("1815-12-10") << QStringList{lovelaceAda};
    QTest::newRow("DOB US") << QStringLiteral("12/10/1815") << QStringList{lovelaceAda};
    QTest::newRow("DOB US without zeros") << QStringLiteral("6/23/1912") << QStringList{turing};
    QTest::newRow("partial DOB") << QStringLiteral("1815-12-1") << QStringList{};
    QTest::newRow("two words") << QStringLiteral("ada love") << QStringList{lovelaceAda};
    QTest::newRow("two words, other order")
        << QStringLiteral("Lovelace grace") << QStringList{lovelaceGrace};
    QTest::newRow("last, first") << QStringLiteral("Lovelace, Ada") << QStringList{lovelaceAda};
    QTest::newRow("name and DOB") << QStringLiteral("ada 01/15/1990") << QStringList{byronAda};
    QTest::newRow("name and member ID") << QStringLiteral("grace xyz") << QStringList{hopper};
    QTest::newRow("accented, lower case") << QStringLiteral("álv") << QStringList{alvarez};
    QTest::newRow("accented, upper case") << QStringLiteral("ÁLVAREZ") << QStringList{alvarez};
    QTest::newRow("accent left out") << QStringLiteral("alvarez jose") << QStringList{alvarez};
    QTest::newRow("no match") << QStringLiteral("zzz") << QStringList{};
    QTest::newRow("one word matches, one does not") << QStringLiteral("ada zzz") << QStringList{};
    QTest::newRow("wildcards are literal") << QStringLiteral("%") << QStringList{};
    QTest::newRow("quote") << QStringLiteral("o'") << QStringList{};
    QTest::newRow("empty lists everyone")
        << QStringLiteral("  ")
        << QStringList{alvarez, babbage, byronAda, hopper, lovelaceAda, lovelaceGrace, turing};
}

void TestPatientRepository::search()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);

    TestDatabase db;
    QVERIFY(db.open());
    PatientRepository patients(db.connection());
    struct Row
    {
        const char *first;
        const char *last;
        QDate dob;
        const char *mrn;
        const char *memberId;
    };
    const Row rows[] = {
        {"Ada", "Lovelace", QDate(1815, 12, 10), "MRN100001", "XYZ123456"},
        {"Charles", "Babbage", QDate(1791, 12, 26), "MRN100002", "ABC987"},
        {"Grace", "Hopper", QDate(1906, 12, 9), "MRN200003", "xyz777"},
        {"Alan", "Turing", QDate(1912, 6, 23), "MRN200004", nullptr},
        {"Ada", "Byron", QDate(1990, 1, 15), "MRN300005", nullptr},
        {"José", "Álvarez", QDate(1980, 5, 5), "MRN300006", "QRS1"},
        {"Grace", "Lovelace", QDate(1850, 1, 1), "MRN300007", nullptr},
    };
    for (const Row &row : rows) {
        const StoreResult<Patient> saved =
            patients.save(makePatient(QString::fromUtf8(row.first), QString::fromUtf8(row.last),
                                      row.dob, QLatin1String(row.mrn)));
        QVERIFY2(saved.ok(), qPrintable(saved.error()));
        if (row.memberId) {
            QCOMPARE(db.exec(QStringLiteral("INSERT INTO coverages (patient_id, payer_id, "
                                            "member_id) VALUES (%1, 'INS001', '%2')")
                                 .arg(saved->id)
                                 .arg(QLatin1String(row.memberId))),
                     QString());
        }
    }

    QCOMPARE(names(patients.search(text)), expected);
}

void TestPatientRepository::searchHonoursLimit()
{
    TestDatabase db;
    QVERIFY(db.open());
    PatientRepository patients(db.connection());
    for (const char *last : {"Smith", "Smithers", "Smits", "Smyth"})
        QVERIFY(
            patients.save(makePatient(QStringLiteral("J"), QLatin1String(last), QDate(2000, 1, 1)))
                .ok());
    QCOMPARE(names(patients.search(QStringLiteral("smi"), 2)),
             (QStringList{QStringLiteral("Smith,J"), QStringLiteral("Smithers,J")}));
    QCOMPARE(patients.search(QStringLiteral("sm"), 0).size(), 4); // 0: no limit
    QCOMPARE(patients.search(QString(), 3).size(), 3);
}

void TestPatientRepository::insertManyIsAllOrNothing()
{
    TestDatabase db;
    QVERIFY(db.open());
    PatientRepository patients(db.connection());
    const QDate dob(2001, 2, 3);
    const QList<Patient> bad{makePatient(QStringLiteral("A"), QStringLiteral("One"), dob),
                             makePatient(QStringLiteral("B"), QStringLiteral("Two"), dob),
                             makePatient(QStringLiteral("C"), QString(), dob)};
    const StoreResult<QList<Patient>> failed = patients.insertMany(bad);
    QVERIFY(!failed.ok());
    QVERIFY2(failed.error().startsWith(QLatin1String("Patient 3 of 3:")),
             qPrintable(failed.error()));
    QCOMPARE(patients.count(), 0);

    QList<Patient> good = bad;
    good[2].lastName = QStringLiteral("Three");
    const StoreResult<QList<Patient>> inserted = patients.insertMany(good);
    QVERIFY2(inserted.ok(), qPrintable(inserted.error()));
    QCOMPARE(inserted->size(), 3);
    QCOMPARE(patients.count(), 3);
    for (const Patient &patient : inserted.value())
        QCOMPARE(patients.find(patient.id), std::optional<Patient>(patient));
    QCOMPARE(inserted->at(2).mrn, QStringLiteral("MRN000003"));
}

void TestPatientRepository::searchWithTenThousandPatients()
{
    TestDatabase db;
    QVERIFY(db.open());
    PatientRepository patients(db.connection());
    const QStringList firstNames{"James",   "Mary",  "Robert", "Patricia",  "John",    "Jennifer",
                                 "Michael", "Linda", "David",  "Elizabeth", "William", "Barbara"};
    const QStringList lastNames{"Smith",     "Johnson", "Williams", "Brown",     "Jones",
                                "Garcia",    "Miller",  "Davis",    "Rodriguez", "Martinez",
                                "Hernandez", "Lopez",   "Gonzalez", "Wilson",    "Anderson",
                                "Thomas",    "Taylor",  "Moore"};
    QList<Patient> many;
    const int total = 10000;
    for (int i = 0; i < total; ++i) {
        many.append(makePatient(firstNames.at(i % firstNames.size()),
                                lastNames.at((i / 7) % lastNames.size()) + QString::number(i % 97),
                                QDate(1940, 1, 1).addDays(i * 3)));
    }
    QElapsedTimer timer;
    timer.start();
    const StoreResult<QList<Patient>> inserted = patients.insertMany(many);
    QVERIFY2(inserted.ok(), qPrintable(inserted.error()));
    qInfo("inserted %d patients in %lld ms", total, timer.elapsed());
    QCOMPARE(patients.count(), total);
    QCOMPARE(db.exec(QStringLiteral("INSERT INTO coverages (patient_id, payer_id, member_id) "
                                    "SELECT id, 'INS002', printf('W%09d', id) FROM patients")),
             QString());

    const QStringList queries{"s",          "smith",   "smith4",     "mary",
                              "mary smi",   "MRN0099", "w000000512", "1940-01-04",
                              "05/16/1965", "jo ro",   "zzz"};
    timer.restart();
    int found = 0;
    for (const QString &text : queries)
        found += patients.search(text).size();
    const qint64 elapsed = timer.elapsed();
    qInfo("%lld queries, %d rows in %lld ms", qint64(queries.size()), found, elapsed);
    // Speed is measured by scripts/bench; here only what the searches find.
    QCOMPARE(patients.search(QStringLiteral("w000000512")).size(), 1);
    QCOMPARE(patients.search(QStringLiteral("w00000512")).size(), 10); // W000005120 to 9
    QCOMPARE(patients.search(QStringLiteral("MRN000512")).size(), 1);
    QCOMPARE(patients.search(QStringLiteral("s"), 200).size(), 200);
}

QTEST_GUILESS_MAIN(TestPatientRepository)
#include "tst_patientrepository.moc"

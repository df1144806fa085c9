// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/storetestmain.h"
#include "services/store/patientrepository.h"
#include "services/store/sqlvalues.h"
#include "store/sqltrace.h"
#include "store/testdatabase.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <memory>
#include <tuple>

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

QList<qint64> idsOf(const QList<Patient> &patients)
{
    QList<qint64> ids;
    for (const Patient &patient : patients)
        ids.append(patient.id);
    return ids;
}

//! A patient of the large data set with what search may match besides the patient's row.
struct Known
{
    Patient patient;
    QStringList memberIds;
};

//! What search must find, worked out without SQL: every word matches the start of the last or
//! first name (case and accents ignored), of the MRN or of a member ID (ASCII case ignored), or
//! is the date of birth or its year (four digits, 1800 to 2199); in name order (last, first, id).
QList<qint64> expectedMatches(const QList<Known> &known, const QString &text)
{
    const QStringList words =
        text.split(QRegularExpression(QStringLiteral("[\\s,;]+")), Qt::SkipEmptyParts);
    auto matches = [](const Known &k, const QString &word) {
        const QString key = nameKey(word);
        const QString id = SqlValues::asciiLower(word);
        QDate date = QDate::fromString(word, QStringLiteral("yyyy-MM-dd"));
        if (!date.isValid())
            date = QDate::fromString(word, QStringLiteral("M/d/yyyy"));
        bool isYear = false;
        const int year = word.toInt(&isYear);
        isYear = isYear && word.size() == 4 && year >= 1800 && year <= 2199;
        if (nameKey(k.patient.lastName).startsWith(key) ||
            nameKey(k.patient.firstName).startsWith(key) ||
            SqlValues::asciiLower(k.patient.mrn).startsWith(id) ||
            (date.isValid() && k.patient.dateOfBirth == date) ||
            (isYear && k.patient.dateOfBirth.year() == year)) {
            return true;
        }
        return std::any_of(k.memberIds.begin(), k.memberIds.end(), [&](const QString &member) {
            return SqlValues::asciiLower(member).startsWith(id);
        });
    };
    QList<Patient> found;
    for (const Known &k : known) {
        if (std::all_of(words.begin(), words.end(),
                        [&](const QString &word) { return matches(k, word); })) {
            found.append(k.patient);
        }
    }
    std::sort(found.begin(), found.end(), [](const Patient &a, const Patient &b) {
        const auto key = [](const Patient &p) {
            return std::make_tuple(nameKey(p.lastName), nameKey(p.firstName), p.id);
        };
        return key(a) < key(b);
    });
    return idsOf(found);
}
} // namespace

class TestPatientRepository : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void saveAndFind();
    void updateKeepsCreationTime();
    void savedValuesAreTrimmed();
    void mrnIsGeneratedInSequence();
    void validationFailures_data();
    void validationFailures();
    void updateOfMissingPatientFails();
    void findManyReturnsThoseThatExist();
    void isEmptyAndCount();
    void search_data();
    void search();
    void searchHonoursLimit();
    void insertManyIsAllOrNothing();
    void searchWithTenThousandPatients();

    // On a shared data set of 4,000 patients (3,000 of them "Smith…"), built once.
    void pagingGivesEveryMatchOnceInNameOrder_data();
    void pagingGivesEveryMatchOnceInNameOrder();
    void broadAndNarrowWordsGiveTheFirstPage_data();
    void broadAndNarrowWordsGiveTheFirstPage();
    void searchStatementsUseIndexes_data();
    void searchStatementsUseIndexes();
    void cancelledSearchReturnsEarly();
    void isEmptyUsesAnIndex();

private:
    std::unique_ptr<TestDatabase> m_large;
    QList<Known> m_known;
};

void TestPatientRepository::initTestCase()
{
    // Names, MRNs, member IDs and dates of birth chosen so each kind of word has broad
    // (more than 2,000 candidates) and narrow matches.
    m_large = std::make_unique<TestDatabase>();
    QVERIFY(m_large->open());
    const QStringList smiths{"Smith", "Smithers", "Smithson", "Smíth"};
    const QStringList firstNames{"John", "Joan", "Jo", "José", "Mary", "Élodie", "John"};
    const QStringList others{"Álvarez", "Alvarez", "Brown", "Jones", "Lee", "O'Neil", "Ng"};
    QList<Patient> input;
    for (int i = 0; i < 4000; ++i) {
        Patient patient;
        if (i < 3000) {
            patient.lastName = smiths.at(i % smiths.size());
            // Many exact namesakes: the id decides their order, across page boundaries too.
            patient.firstName = i % 5 == 0 ? QStringLiteral("John") : firstNames.at(i % 7);
        } else {
            patient.lastName = others.at(i % others.size());
            patient.firstName = i % 20 == 0 ? QStringLiteral("Joaquín") : QStringLiteral("Ann");
        }
        patient.dateOfBirth =
            i % 100 == 7 ? QDate(1980, 2, 3) : QDate(1950, 1, 1).addDays((i * 37) % 18000);
        input.append(patient);
    }
    const StoreResult<QList<Patient>> stored =
        PatientRepository(m_large->connection()).insertMany(input);
    QVERIFY_STORE_OK(stored);
    QCOMPARE(
        m_large->exec(QStringLiteral("INSERT INTO coverages (patient_id, payer_id, member_id) "
                                     "SELECT id, 'INS001', printf('W%09d', id) FROM patients")),
        QString());
    QCOMPARE(m_large->exec(QStringLiteral(
                 "INSERT INTO coverages (patient_id, payer_id, member_id, coverage_order) "
                 "SELECT id, 'INS002', printf('sec%06d', id), 2 FROM patients WHERE id % 10 = 0")),
             QString());
    for (const Patient &patient : stored.value()) {
        Known known{patient, {QStringLiteral("W%1").arg(patient.id, 9, 10, QLatin1Char('0'))}};
        if (patient.id % 10 == 0)
            known.memberIds.append(
                QStringLiteral("sec%1").arg(patient.id, 6, 10, QLatin1Char('0')));
        m_known.append(known);
    }
}

void TestPatientRepository::cleanupTestCase()
{
    m_large.reset();
}

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
    QCOMPARE(STORE_VALUE(patients.find(saved->id)), std::optional<Patient>(expected));
    QCOMPARE(STORE_VALUE(patients.findByMrn(QStringLiteral("mrn000001"))),
             std::optional<Patient>(expected));
    QCOMPARE(STORE_VALUE(patients.find(saved->id + 1)), std::nullopt);
    QCOMPARE(STORE_VALUE(patients.findByMrn(QStringLiteral("MRN999999"))), std::nullopt);
    QCOMPARE(STORE_VALUE(patients.count()), 1);
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
    QVERIFY_STORE_OK(saved);

    QTRY_VERIFY(QDateTime::currentDateTimeUtc() > saved->updatedAt); // a later updated_at
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
    QCOMPARE(STORE_VALUE(patients.find(saved->id)), std::optional<Patient>(updated.value()));
    QCOMPARE(STORE_VALUE(patients.count()), 1);
    // The search key follows the new name.
    QCOMPARE(names(STORE_VALUE(patients.search(QStringLiteral("murray"))).patients),
             QStringList{QStringLiteral("Murray Hopper,Grace")});
    QCOMPARE(STORE_VALUE(patients.search(QStringLiteral("hopper"))).patients.size(), 0);
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
    QVERIFY_STORE_OK(patients.save(makePatient(QStringLiteral("Max"), QStringLiteral("Taken"),
                                               QDate(1960, 1, 1), QStringLiteral("TAKEN-1"))));

    const StoreResult<Patient> saved = patients.save(patient);
    QVERIFY(!saved.ok());
    QVERIFY2(saved.error().contains(error, Qt::CaseInsensitive), qPrintable(saved.error()));
    QCOMPARE(STORE_VALUE(patients.count()), 1);
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
    QCOMPARE(STORE_VALUE(patients.count()), 0);
}

void TestPatientRepository::findManyReturnsThoseThatExist()
{
    TestDatabase db;
    QVERIFY(db.open());
    PatientRepository patients(db.connection());
    QList<Patient> input;
    for (int i = 0; i < 1200; ++i) {
        input.append(
            makePatient(QStringLiteral("P%1").arg(i), QStringLiteral("Many"), QDate(1990, 1, 1)));
    }
    const QList<Patient> stored = STORE_VALUE(patients.insertMany(input));
    QCOMPARE(stored.size(), 1200);

    // More ids than one statement takes, some of them unknown.
    QList<qint64> asked;
    QList<qint64> expected;
    for (qsizetype i = 0; i < stored.size(); i += 2) {
        asked.append(stored.at(i).id);
        expected.append(stored.at(i).id);
    }
    asked << 999999 << 0 << -5;
    QList<Patient> found = STORE_VALUE(patients.findMany(asked));
    QCOMPARE(found.size(), expected.size());
    std::sort(found.begin(), found.end(),
              [](const Patient &a, const Patient &b) { return a.id < b.id; });
    QCOMPARE(idsOf(found), expected);
    QCOMPARE(found.constFirst(), stored.constFirst());
    QCOMPARE(STORE_VALUE(patients.findMany({})), QList<Patient>());
}

void TestPatientRepository::isEmptyAndCount()
{
    TestDatabase db;
    QVERIFY(db.open());
    PatientRepository patients(db.connection());
    QCOMPARE(STORE_VALUE(patients.isEmpty()), true);
    QCOMPARE(STORE_VALUE(patients.count()), 0);
    QVERIFY_STORE_OK(
        patients.save(makePatient(QStringLiteral("A"), QStringLiteral("B"), QDate(1970, 1, 1))));
    QCOMPARE(STORE_VALUE(patients.isEmpty()), false);
    QCOMPARE(STORE_VALUE(patients.count()), 1);
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
    QTest::newRow("first name prefix, mixed case")
        << QStringLiteral("aD") << QStringList{byronAda, lovelaceAda};
    QTest::newRow("first or last name")
        << QStringLiteral("grace") << QStringList{hopper, lovelaceGrace};
    QTest::newRow("MRN prefix") << QStringLiteral("mrn2") << QStringList{hopper, turing};
    QTest::newRow("whole MRN") << QStringLiteral("MRN100002") << QStringList{babbage};
    QTest::newRow("member ID prefix") << QStringLiteral("xyz") << QStringList{hopper, lovelaceAda};
    QTest::newRow("whole member ID") << QStringLiteral("abc987") << QStringList{babbage};
    QTest::newRow("member ID of a second coverage")
        << QStringLiteral("sec-") << QStringList{turing};
    QTest::newRow("DOB ISO") << QStringLiteral("1815-12-10") << QStringList{lovelaceAda};
    QTest::newRow("DOB US") << QStringLiteral("12/10/1815") << QStringList{lovelaceAda};
    QTest::newRow("DOB US without zeros") << QStringLiteral("6/23/1912") << QStringList{turing};
    QTest::newRow("partial DOB") << QStringLiteral("1815-12-1") << QStringList{};
    QTest::newRow("year of birth") << QStringLiteral("1815") << QStringList{lovelaceAda};
    QTest::newRow("year of birth and name") << QStringLiteral("ada 1990") << QStringList{byronAda};
    QTest::newRow("name and year of birth, other order")
        << QStringLiteral("1850 lovelace") << QStringList{lovelaceGrace};
    QTest::newRow("year nobody was born in") << QStringLiteral("2001") << QStringList{};
    QTest::newRow("year also a member ID prefix")
        << QStringLiteral("1906") << QStringList{byronAda, hopper};
    QTest::newRow("year and date of that year")
        << QStringLiteral("1815 12/10/1815") << QStringList{lovelaceAda};
    QTest::newRow("year and date of another year")
        << QStringLiteral("1816 12/10/1815") << QStringList{};
    QTest::newRow("two years") << QStringLiteral("1815 1850") << QStringList{};
    QTest::newRow("year before 1800 is no year") << QStringLiteral("1791") << QStringList{};
    QTest::newRow("three digits are no year") << QStringLiteral("181") << QStringList{};
    QTest::newRow("two words") << QStringLiteral("ada love") << QStringList{lovelaceAda};
    QTest::newRow("two words, other order")
        << QStringLiteral("Lovelace grace") << QStringList{lovelaceGrace};
    QTest::newRow("last, first") << QStringLiteral("Lovelace, Ada") << QStringList{lovelaceAda};
    QTest::newRow("name and DOB") << QStringLiteral("ada 01/15/1990") << QStringList{byronAda};
    QTest::newRow("name and member ID") << QStringLiteral("grace xyz") << QStringList{hopper};
    QTest::newRow("MRN and member ID") << QStringLiteral("xyz mrn1") << QStringList{lovelaceAda};
    QTest::newRow("three words") << QStringLiteral("a 1815-12-10 xyz123")
                                 << QStringList{lovelaceAda};
    QTest::newRow("accented, lower case") << QStringLiteral("álv") << QStringList{alvarez};
    QTest::newRow("accented, upper case") << QStringLiteral("ÁLVAREZ") << QStringList{alvarez};
    QTest::newRow("accent left out") << QStringLiteral("alvarez jose") << QStringList{alvarez};
    QTest::newRow("accent added") << QStringLiteral("lóve")
                                  << QStringList{lovelaceAda, lovelaceGrace};
    QTest::newRow("no match") << QStringLiteral("zzz") << QStringList{};
    QTest::newRow("one word matches, one does not") << QStringLiteral("ada zzz") << QStringList{};
    QTest::newRow("wildcards are literal") << QStringLiteral("%") << QStringList{};
    QTest::newRow("underscore is literal") << QStringLiteral("_") << QStringList{};
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
        const char *secondMemberId;
    };
    const Row rows[] = {
        {"Ada", "Lovelace", QDate(1815, 12, 10), "MRN100001", "XYZ123456", nullptr},
        {"Charles", "Babbage", QDate(1791, 12, 26), "MRN100002", "ABC987", nullptr},
        {"Grace", "Hopper", QDate(1906, 12, 9), "MRN200003", "xyz777", nullptr},
        {"Alan", "Turing", QDate(1912, 6, 23), "MRN200004", "PRIM-1", "SEC-2"},
        {"Ada", "Byron", QDate(1990, 1, 15), "MRN300005", "1906-77", nullptr},
        {"José", "Álvarez", QDate(1980, 5, 5), "MRN300006", "QRS1", nullptr},
        {"Grace", "Lovelace", QDate(1850, 1, 1), "MRN300007", nullptr, nullptr},
    };
    for (const Row &row : rows) {
        const StoreResult<Patient> saved =
            patients.save(makePatient(QString::fromUtf8(row.first), QString::fromUtf8(row.last),
                                      row.dob, QLatin1String(row.mrn)));
        QVERIFY2(saved.ok(), qPrintable(saved.error()));
        for (const char *memberId : {row.memberId, row.secondMemberId}) {
            if (!memberId)
                continue;
            QCOMPARE(db.exec(QStringLiteral("INSERT INTO coverages (patient_id, payer_id, "
                                            "member_id) VALUES (%1, 'INS001', '%2')")
                                 .arg(saved->id)
                                 .arg(QLatin1String(memberId))),
                     QString());
        }
    }

    const PatientSearchResult page = STORE_VALUE(patients.search(text));
    QCOMPARE(names(page.patients), expected);
    QCOMPARE(page.hasMore, false);
}

void TestPatientRepository::searchHonoursLimit()
{
    TestDatabase db;
    QVERIFY(db.open());
    PatientRepository patients(db.connection());
    for (const char *last : {"Smith", "Smithers", "Smits", "Smyth"})
        QVERIFY_STORE_OK(patients.save(
            makePatient(QStringLiteral("J"), QLatin1String(last), QDate(2000, 1, 1))));
    const PatientSearchResult firstTwo = STORE_VALUE(patients.search(QStringLiteral("smi"), 2));
    QCOMPARE(names(firstTwo.patients),
             (QStringList{QStringLiteral("Smith,J"), QStringLiteral("Smithers,J")}));
    QVERIFY(firstTwo.hasMore);
    QCOMPARE(firstTwo.next, PatientRepository::cursorAfter(firstTwo.patients.constLast()));
    const PatientSearchResult rest =
        STORE_VALUE(patients.search(QStringLiteral("smi"), 2, firstTwo.next));
    QCOMPARE(names(rest.patients), QStringList{QStringLiteral("Smits,J")});
    QVERIFY(!rest.hasMore);

    // 0 (or less) means the default page of 100.
    const PatientSearchResult all = STORE_VALUE(patients.search(QStringLiteral("sm"), 0));
    QCOMPARE(all.patients.size(), 4);
    QVERIFY(!all.hasMore);
    QCOMPARE(STORE_VALUE(patients.search(QStringLiteral("sm"), -1)).patients.size(), 4);
    const PatientSearchResult three = STORE_VALUE(patients.search(QString(), 3));
    QCOMPARE(three.patients.size(), 3);
    QVERIFY(three.hasMore);
    // Exactly a page's worth: no more to fetch.
    const PatientSearchResult four = STORE_VALUE(patients.search(QString(), 4));
    QCOMPARE(four.patients.size(), 4);
    QVERIFY(!four.hasMore);
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
    QCOMPARE(STORE_VALUE(patients.count()), 0);

    // A row the database refuses (an MRN taken within the same list) is caught too.
    QList<Patient> duplicate = bad;
    duplicate[0].mrn = QStringLiteral("SAME-1");
    duplicate[1].mrn = QStringLiteral("same-1");
    duplicate[2].lastName = QStringLiteral("Three");
    const StoreResult<QList<Patient>> clash = patients.insertMany(duplicate);
    QVERIFY(!clash.ok());
    QVERIFY2(clash.error().startsWith(QLatin1String("Patient 2 of 3:")), qPrintable(clash.error()));
    QCOMPARE(STORE_VALUE(patients.count()), 0);

    QList<Patient> good = bad;
    good[2].lastName = QStringLiteral("Three");
    const StoreResult<QList<Patient>> inserted = patients.insertMany(good);
    QVERIFY2(inserted.ok(), qPrintable(inserted.error()));
    QCOMPARE(inserted->size(), 3);
    QCOMPARE(STORE_VALUE(patients.count()), 3);
    for (const Patient &patient : inserted.value())
        QCOMPARE(STORE_VALUE(patients.find(patient.id)), std::optional<Patient>(patient));
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
    QCOMPARE(STORE_VALUE(patients.count()), total);
    QCOMPARE(db.exec(QStringLiteral("INSERT INTO coverages (patient_id, payer_id, member_id) "
                                    "SELECT id, 'INS002', printf('W%09d', id) FROM patients")),
             QString());

    const QStringList queries{"s",          "smith",   "smith4",     "mary",
                              "mary smi",   "MRN0099", "w000000512", "1940-01-04",
                              "05/16/1965", "jo ro",   "zzz"};
    timer.restart();
    int found = 0;
    for (const QString &text : queries)
        found += STORE_VALUE(patients.search(text)).patients.size();
    const qint64 elapsed = timer.elapsed();
    qInfo("%lld queries, %d rows in %lld ms", qint64(queries.size()), found, elapsed);
    // Speed is measured by scripts/bench; here only what the searches find.
    auto count = [&](const QString &text, int limit = 100) {
        return STORE_VALUE(patients.search(text, limit)).patients.size();
    };
    QCOMPARE(count(QStringLiteral("w000000512")), 1);
    QCOMPARE(count(QStringLiteral("w00000512")), 10); // W000005120 to 9
    QCOMPARE(count(QStringLiteral("MRN000512")), 1);
    QCOMPARE(count(QStringLiteral("1940-01-04")), 1);
    QCOMPARE(count(QStringLiteral("05/16/1965")), 1); // 1940-01-01 + 3 × 3058 days
    QCOMPARE(count(QStringLiteral("s"), 200), 200);
    QCOMPARE(count(QStringLiteral("zzz")), 0);
}

void TestPatientRepository::pagingGivesEveryMatchOnceInNameOrder_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("pageSize");
    QTest::addColumn<int>("matches"); // how many the data set has, as a check of the data

    QTest::newRow("everyone") << QString() << 250 << 4000;
    QTest::newRow("broad last name") << QStringLiteral("smith") << 100 << 3000;
    QTest::newRow("last name, accent ignored") << QStringLiteral("SMÍTHS") << 64 << 750;
    QTest::newRow("namesakes, small pages") << QStringLiteral("smith john") << 7 << 0;
    QTest::newRow("broad first name") << QStringLiteral("jo") << 150 << 0;
    QTest::newRow("narrow first name") << QStringLiteral("joaq") << 9 << 50;
    QTest::newRow("accented last name") << QStringLiteral("álvarez") << 11 << 0;
    QTest::newRow("broad MRN") << QStringLiteral("mrn00") << 300 << 4000;
    QTest::newRow("narrow MRN") << QStringLiteral("MRN0012") << 8 << 100;
    QTest::newRow("broad member ID") << QStringLiteral("w") << 500 << 4000;
    QTest::newRow("narrow member ID") << QStringLiteral("w0000001") << 30 << 100;
    QTest::newRow("second coverage") << QStringLiteral("SEC") << 45 << 400;
    QTest::newRow("date of birth") << QStringLiteral("1980-02-03") << 6 << 41;
    QTest::newRow("date of birth, US") << QStringLiteral("2/3/1980") << 6 << 41;
    QTest::newRow("year of birth") << QStringLiteral("1980") << 17 << 0;
    QTest::newRow("year of birth and name") << QStringLiteral("smith 1971") << 4 << 0;
    QTest::newRow("three words") << QStringLiteral("jo smith w00000") << 5 << 0;
    QTest::newRow("one at a time") << QStringLiteral("joaquín ng") << 1 << 0;
}

void TestPatientRepository::pagingGivesEveryMatchOnceInNameOrder()
{
    QFETCH(QString, text);
    QFETCH(int, pageSize);
    QFETCH(int, matches);
    QVERIFY(m_large);
    const QList<qint64> expected = expectedMatches(m_known, text);
    if (matches > 0)
        QCOMPARE(expected.size(), matches);
    QVERIFY(!expected.isEmpty());

    PatientRepository patients(m_large->connection());
    QList<qint64> paged;
    std::optional<PatientCursor> after;
    for (int page = 0;; ++page) {
        QVERIFY2(page <= expected.size() / pageSize + 1, "paging does not end");
        const PatientSearchResult result = STORE_VALUE(patients.search(text, pageSize, after));
        QVERIFY(!result.patients.isEmpty());
        if (result.hasMore)
            QCOMPARE(result.patients.size(), pageSize);
        QCOMPARE(result.next, PatientRepository::cursorAfter(result.patients.constLast()));
        paged += idsOf(result.patients);
        if (!result.hasMore)
            break;
        after = result.next;
    }
    QCOMPARE(QSet<qint64>(paged.begin(), paged.end()).size(), paged.size()); // no duplicates
    QCOMPARE(paged, expected); // every match, in name order
}

void TestPatientRepository::broadAndNarrowWordsGiveTheFirstPage_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("taken");    // a statement of the path taken contains this
    QTest::addColumn<QString>("notTaken"); // no statement contains this

    const QString walk = QStringLiteral("INDEXED BY patients_name WHERE ");
    const QString byId = QStringLiteral("FROM patients p WHERE p.id IN (");
    QTest::newRow("broad last name") << QStringLiteral("smith") << walk + "p.last_name_key" << byId;
    // A narrow last name is probed on its index and fetched by id, not walked.
    QTest::newRow("narrow last name")
        << QStringLiteral("smithe") << byId << walk + "p.last_name_key";
    QTest::newRow("broad first name")
        << QStringLiteral("jo") << walk + "p.first_name_key" << QString();
    QTest::newRow("narrow first name")
        << QStringLiteral("joaq") << byId << walk + "p.first_name_key";
    // IDs are fetched by id up to 20,000 candidates (walking the name index for them would look
    // at every patient): 4,000 MRNs are still fetched.
    QTest::newRow("broad MRN") << QStringLiteral("mrn0") << byId << walk + "p.mrn";
    QTest::newRow("narrow MRN") << QStringLiteral("mrn00123") << byId << walk + "p.mrn";
    QTest::newRow("broad member ID") << QStringLiteral("w0") << byId << walk + "EXISTS";
    QTest::newRow("narrow member ID") << QStringLiteral("w0000001") << byId << walk + "EXISTS";
    QTest::newRow("date of birth")
        << QStringLiteral("02/03/1980") << byId << walk + "p.date_of_birth";
    QTest::newRow("year of birth") << QStringLiteral("1980") << byId << walk + "p.date_of_birth";
    // The year drives: the 3,000 Smiths are not walked.
    QTest::newRow("broad word and year")
        << QStringLiteral("smith 1980") << byId << walk + "p.last_name_key >= 'smith'";
    // The date drives: the 3,000 Smiths are not walked.
    QTest::newRow("broad word and narrow word")
        << QStringLiteral("smith 1980-02-03") << byId << walk + "p.last_name_key >= 'smith'";
}

void TestPatientRepository::broadAndNarrowWordsGiveTheFirstPage()
{
    QFETCH(QString, text);
    QFETCH(QString, taken);
    QFETCH(QString, notTaken);
    QVERIFY(m_large);
    const int pageSize = 25;
    const QList<qint64> expected = expectedMatches(m_known, text);
    QVERIFY(!expected.isEmpty());

    SqlTrace trace(m_large->connection());
    QVERIFY(trace.isValid());
    const PatientSearchResult page =
        STORE_VALUE(PatientRepository(m_large->connection()).search(text, pageSize));
    QCOMPARE(idsOf(page.patients), expected.mid(0, pageSize));
    QCOMPARE(page.hasMore, expected.size() > pageSize);

    const QStringList statements = trace.queries();
    const auto contains = [&](const QString &part) {
        return std::any_of(statements.begin(), statements.end(),
                           [&](const QString &sql) { return sql.contains(part); });
    };
    QVERIFY2(contains(taken), qPrintable(statements.join(QLatin1Char('\n'))));
    if (!notTaken.isEmpty())
        QVERIFY2(!contains(notTaken), qPrintable(statements.join(QLatin1Char('\n'))));
}

void TestPatientRepository::searchStatementsUseIndexes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("nextPage");

    for (const bool nextPage : {false, true}) {
        const char *suffix = nextPage ? ", next page" : "";
        QTest::addRow("everyone%s", suffix) << QString() << nextPage;
        QTest::addRow("last name%s", suffix) << QStringLiteral("smith") << nextPage;
        QTest::addRow("broad first name%s", suffix) << QStringLiteral("jo") << nextPage;
        QTest::addRow("narrow first name%s", suffix) << QStringLiteral("joaq") << nextPage;
        QTest::addRow("broad MRN%s", suffix) << QStringLiteral("mrn0") << nextPage;
        QTest::addRow("narrow MRN%s", suffix) << QStringLiteral("mrn00123") << nextPage;
        QTest::addRow("broad member ID%s", suffix) << QStringLiteral("w0") << nextPage;
        QTest::addRow("narrow member ID%s", suffix) << QStringLiteral("sec00") << nextPage;
        QTest::addRow("date of birth%s", suffix) << QStringLiteral("1980-02-03") << nextPage;
        QTest::addRow("year of birth%s", suffix) << QStringLiteral("1971") << nextPage;
        QTest::addRow("several words%s", suffix)
            << QStringLiteral("jo smi w0 2/3/1980") << nextPage;
    }
}

void TestPatientRepository::searchStatementsUseIndexes()
{
    QFETCH(QString, text);
    QFETCH(bool, nextPage);
    QVERIFY(m_large);
    PatientRepository patients(m_large->connection());
    std::optional<PatientCursor> after;
    if (nextPage) {
        const PatientSearchResult first = STORE_VALUE(patients.search(text, 3));
        QVERIFY(!first.patients.isEmpty());
        after = first.next;
    }
    SqlTrace trace(m_large->connection());
    QVERIFY(trace.isValid());
    QVERIFY_STORE_OK(patients.search(text, 3, after));

    const QStringList statements = trace.queries();
    QVERIFY(!statements.isEmpty());
    for (const QString &sql : statements) {
        const QStringList plan = trace.plan(sql);
        QVERIFY2(!plan.isEmpty(), qPrintable(sql));
        // An index range (SEARCH), or the walk along the name index in page order.
        const QString unindexed = unindexedStep(plan, {QStringLiteral("patients_name")});
        QVERIFY2(unindexed.isEmpty(),
                 qPrintable(unindexed + QStringLiteral("\nin ") + sql + QStringLiteral("\nplan: ") +
                            plan.join(QStringLiteral("; "))));
    }
}

void TestPatientRepository::cancelledSearchReturnsEarly()
{
    QVERIFY(m_large);
    std::atomic_bool cancelled{true};
    SqlTrace trace(m_large->connection());
    QVERIFY(trace.isValid());
    const StoreResult<PatientSearchResult> result =
        PatientRepository(m_large->connection())
            .search(QStringLiteral("smith"), 50, {}, &cancelled);
    QVERIFY_STORE_OK(result);
    QCOMPARE(result->patients.size(), 0);
    QVERIFY(!result->hasMore);
    QCOMPARE(trace.queries(), QStringList()); // not one query ran

    // The same search, not cancelled, has answers: the early return is the flag's doing.
    cancelled = false;
    QCOMPARE(STORE_VALUE(PatientRepository(m_large->connection())
                             .search(QStringLiteral("smith"), 50, {}, &cancelled))
                 .patients.size(),
             50);
}

void TestPatientRepository::isEmptyUsesAnIndex()
{
    QVERIFY(m_large);
    SqlTrace trace(m_large->connection());
    QVERIFY(trace.isValid());
    QCOMPARE(STORE_VALUE(PatientRepository(m_large->connection()).isEmpty()), false);
    const QStringList statements = trace.queries();
    QCOMPARE(statements.size(), 1);
    const QStringList plan = trace.plan(statements.constFirst());
    QVERIFY(!plan.isEmpty());
    // EXISTS stops at the first entry of whichever index SQLite picks; it never counts them.
    const QString unindexed = unindexedStep(plan, {QString()});
    QVERIFY2(unindexed.isEmpty(), qPrintable(plan.join(QStringLiteral("; "))));
    QVERIFY2(!statements.constFirst().contains(QLatin1String("count("), Qt::CaseInsensitive),
             qPrintable(statements.constFirst()));
}

CLINICDESK_STORE_TEST_MAIN(TestPatientRepository)
#include "tst_patientrepository.moc"

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/storetestmain.h"
#include "services/store/coveragerepository.h"
#include "services/store/patientrepository.h"
#include "store/testdatabase.h"

#include <QTest>

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

Coverage makeCoverage(qint64 patientId, const QString &memberId,
                      CoverageOrder order = CoverageOrder::Primary, bool active = true)
{
    Coverage coverage;
    coverage.patientId = patientId;
    coverage.payerId = QStringLiteral("INS001");
    coverage.memberId = memberId;
    coverage.order = order;
    coverage.active = active;
    return coverage;
}

QStringList memberIds(const QList<Coverage> &coverages)
{
    QStringList ids;
    for (const Coverage &coverage : coverages)
        ids.append(coverage.memberId);
    return ids;
}
} // namespace

class TestCoverageRepository : public QObject
{
    Q_OBJECT

private slots:
    void payersAreSeeded();
    void savePayerInsertsAndRenames();
    void savePayerValidation();
    void saveAndFindEveryField();
    void payerNameComesFromPayerList();
    void update();
    void forPatientOrdersActiveThenByOrder();
    void validationFailures_data();
    void validationFailures();
    void remove();
    void deletingPatientDeletesCoverages();
    void insertManyIsAllOrNothing_data();
    void insertManyIsAllOrNothing();
};

void TestCoverageRepository::payersAreSeeded()
{
    TestDatabase db;
    QVERIFY(db.open());
    CoverageRepository coverages(db.connection());
    const QList<Payer> expected{
        {QStringLiteral("INS002"), QStringLiteral("Aetna Health")},
        {QStringLiteral("INS001"), QStringLiteral("BlueCross BlueShield")},
        {QStringLiteral("HI12345"), QStringLiteral("Health Insurance Premium")},
        {QStringLiteral("INS003"), QStringLiteral("United Healthcare")},
    };
    QCOMPARE(STORE_VALUE(coverages.payers()), expected);
    QCOMPARE(STORE_VALUE(coverages.payer(QStringLiteral("INS003"))),
             std::optional<Payer>(expected.at(3)));
    QCOMPARE(STORE_VALUE(coverages.payer(QStringLiteral(" INS003 "))),
             std::optional<Payer>(expected.at(3)));
    QCOMPARE(STORE_VALUE(coverages.payer(QStringLiteral("NOPE"))), std::nullopt);
}

void TestCoverageRepository::savePayerInsertsAndRenames()
{
    TestDatabase db;
    QVERIFY(db.open());
    CoverageRepository coverages(db.connection());
    const Payer added{QStringLiteral("CIG01"), QStringLiteral("Cigna")};
    QCOMPARE(
        STORE_VALUE(coverages.savePayer({QStringLiteral(" CIG01 "), QStringLiteral("Cigna ")})),
        added);
    QCOMPARE(STORE_VALUE(coverages.payer(QStringLiteral("CIG01"))), std::optional<Payer>(added));
    QCOMPARE(STORE_VALUE(coverages.payers()).size(), 5);

    const Payer renamed{QStringLiteral("CIG01"), QStringLiteral("Cigna Healthcare")};
    QVERIFY_STORE_OK(coverages.savePayer(renamed));
    QCOMPARE(STORE_VALUE(coverages.payer(QStringLiteral("CIG01"))), std::optional<Payer>(renamed));
    QCOMPARE(STORE_VALUE(coverages.payers()).size(), 5);
}

void TestCoverageRepository::savePayerValidation()
{
    TestDatabase db;
    QVERIFY(db.open());
    CoverageRepository coverages(db.connection());
    const StoreResult<Payer> noId = coverages.savePayer({QString(), QStringLiteral("Name")});
    QVERIFY(!noId.ok());
    QVERIFY2(noId.error().contains(QLatin1String("payer ID")), qPrintable(noId.error()));
    const StoreResult<Payer> noName =
        coverages.savePayer({QStringLiteral("X1"), QStringLiteral(" ")});
    QVERIFY(!noName.ok());
    QVERIFY2(noName.error().contains(QLatin1String("name")), qPrintable(noName.error()));
    QCOMPARE(STORE_VALUE(coverages.payers()).size(), 4);
}

void TestCoverageRepository::saveAndFindEveryField()
{
    TestDatabase db;
    QVERIFY(db.open());
    CoverageRepository coverages(db.connection());
    const qint64 patientId = addPatient(db.connection(), QStringLiteral("Child"));
    QVERIFY(patientId > 0);

    Coverage coverage;
    coverage.patientId = patientId;
    coverage.payerId = QStringLiteral("HI12345");
    coverage.payerName = QStringLiteral("HIP (card name)");
    coverage.memberId = QStringLiteral("HIP-0042");
    coverage.groupNumber = QStringLiteral("GRP-7");
    coverage.planName = QStringLiteral("Gold PPO");
    coverage.order = CoverageOrder::Secondary;
    coverage.relationship = SubscriberRelationship::Child;
    coverage.subscriber = {QStringLiteral("Parent"), QStringLiteral("Child"), QDate(1960, 2, 29),
                           Gender::Female};
    coverage.active = false;
    coverage.effectiveDate = QDate(2025, 1, 1);
    coverage.terminationDate = QDate(2025, 12, 31);

    const StoreResult<Coverage> saved = coverages.save(coverage);
    QVERIFY2(saved.ok(), qPrintable(saved.error()));
    QVERIFY(saved->id > 0);
    coverage.id = saved->id;
    QCOMPARE(saved.value(), coverage);
    QCOMPARE(STORE_VALUE(coverages.find(coverage.id)), std::optional<Coverage>(coverage));
    QCOMPARE(STORE_VALUE(coverages.find(coverage.id + 1)), std::nullopt);
    QCOMPARE(db.value(QStringLiteral("SELECT relationship || '/' || subscriber_dob FROM coverages"))
                 .toString(),
             QStringLiteral("19/1960-02-29"));
}

void TestCoverageRepository::payerNameComesFromPayerList()
{
    TestDatabase db;
    QVERIFY(db.open());
    CoverageRepository coverages(db.connection());
    const qint64 patientId = addPatient(db.connection(), QStringLiteral("Doe"));
    Coverage coverage = makeCoverage(patientId, QStringLiteral("M1"));
    coverage.payerId = QStringLiteral("INS002");
    const StoreResult<Coverage> saved = coverages.save(coverage);
    QVERIFY2(saved.ok(), qPrintable(saved.error()));
    QCOMPARE(saved->payerName, QStringLiteral("Aetna Health"));
    QVERIFY(!saved->effectiveDate.isValid());
    QVERIFY(!saved->terminationDate.isValid());
    QVERIFY(saved->patientIsSubscriber());
}

void TestCoverageRepository::update()
{
    TestDatabase db;
    QVERIFY(db.open());
    CoverageRepository coverages(db.connection());
    const qint64 patientId = addPatient(db.connection(), QStringLiteral("Doe"));
    StoreResult<Coverage> saved = coverages.save(makeCoverage(patientId, QStringLiteral("OLD1")));
    QVERIFY_STORE_OK(saved);
    Coverage changed = saved.value();
    changed.memberId = QStringLiteral("NEW2");
    changed.terminationDate = QDate(2026, 6, 30);
    const StoreResult<Coverage> updated = coverages.save(changed);
    QVERIFY2(updated.ok(), qPrintable(updated.error()));
    QCOMPARE(updated.value(), changed);
    QCOMPARE(STORE_VALUE(coverages.forPatient(patientId)), QList<Coverage>{changed});

    changed.id += 100;
    const StoreResult<Coverage> missing = coverages.save(changed);
    QVERIFY(!missing.ok());
    QVERIFY2(missing.error().contains(QLatin1String("no longer exists")),
             qPrintable(missing.error()));
}

void TestCoverageRepository::forPatientOrdersActiveThenByOrder()
{
    TestDatabase db;
    QVERIFY(db.open());
    CoverageRepository coverages(db.connection());
    const qint64 patientId = addPatient(db.connection(), QStringLiteral("Doe"));
    const qint64 otherId = addPatient(db.connection(), QStringLiteral("Roe"));
    const QList<Coverage> input{
        makeCoverage(patientId, QStringLiteral("inactive-primary"), CoverageOrder::Primary, false),
        makeCoverage(patientId, QStringLiteral("tertiary"), CoverageOrder::Tertiary),
        makeCoverage(otherId, QStringLiteral("someone-else"), CoverageOrder::Primary),
        makeCoverage(patientId, QStringLiteral("secondary"), CoverageOrder::Secondary),
        makeCoverage(patientId, QStringLiteral("inactive-secondary"), CoverageOrder::Secondary,
                     false),
        makeCoverage(patientId, QStringLiteral("primary"), CoverageOrder::Primary),
    };
    for (const Coverage &coverage : input)
        QVERIFY_STORE_OK(coverages.save(coverage));

    QCOMPARE(memberIds(STORE_VALUE(coverages.forPatient(patientId))),
             (QStringList{"primary", "secondary", "tertiary", "inactive-primary",
                          "inactive-secondary"}));
    QCOMPARE(memberIds(STORE_VALUE(coverages.forPatient(otherId))), QStringList{"someone-else"});
    QCOMPARE(STORE_VALUE(coverages.forPatient(9999)), QList<Coverage>());
    // Many patients at once: grouped by patient, each in the same order.
    QCOMPARE(memberIds(STORE_VALUE(coverages.forPatients({otherId, 9999, patientId}))),
             (QStringList{"primary", "secondary", "tertiary", "inactive-primary",
                          "inactive-secondary", "someone-else"}));
    QCOMPARE(STORE_VALUE(coverages.forPatients({})), QList<Coverage>());
}

void TestCoverageRepository::validationFailures_data()
{
    QTest::addColumn<Coverage>("coverage");
    QTest::addColumn<QString>("error");

    const qint64 patientId = 1; // the test's only patient
    Coverage noPatient = makeCoverage(0, QStringLiteral("M1"));
    QTest::newRow("no patient") << noPatient << QStringLiteral("Save the patient");
    QTest::newRow("unknown patient") << makeCoverage(77, QStringLiteral("M1"))
                                     << QStringLiteral("patient of this coverage no longer");
    QTest::newRow("no member ID") << makeCoverage(patientId, QStringLiteral("  "))
                                  << QStringLiteral("member ID");
    Coverage noPayer = makeCoverage(patientId, QStringLiteral("M1"));
    noPayer.payerId.clear();
    QTest::newRow("no payer") << noPayer << QStringLiteral("payer");
    Coverage unknownPayer = makeCoverage(patientId, QStringLiteral("M1"));
    unknownPayer.payerId = QStringLiteral("ZZZ9");
    QTest::newRow("unknown payer")
        << unknownPayer << QStringLiteral("ZZZ9 is not in the payer list");
    Coverage dependent = makeCoverage(patientId, QStringLiteral("M1"));
    dependent.relationship = SubscriberRelationship::Spouse;
    dependent.subscriber.firstName = QStringLiteral("Sam");
    QTest::newRow("dependent without subscriber")
        << dependent << QStringLiteral("subscriber's name and date of birth");
    Coverage backwards = makeCoverage(patientId, QStringLiteral("M1"));
    backwards.effectiveDate = QDate(2026, 1, 1);
    backwards.terminationDate = QDate(2025, 12, 31);
    QTest::newRow("ends before it begins") << backwards << QStringLiteral("ends before it begins");
    Coverage badOrder = makeCoverage(patientId, QStringLiteral("M1"));
    badOrder.order = static_cast<CoverageOrder>(4);
    QTest::newRow("order out of range") << badOrder << QStringLiteral("primary, secondary");
}

void TestCoverageRepository::validationFailures()
{
    QFETCH(Coverage, coverage);
    QFETCH(QString, error);
    TestDatabase db;
    QVERIFY(db.open());
    QCOMPARE(addPatient(db.connection(), QStringLiteral("Doe")), 1);
    CoverageRepository coverages(db.connection());
    const StoreResult<Coverage> saved = coverages.save(coverage);
    QVERIFY(!saved.ok());
    QVERIFY2(saved.error().contains(error), qPrintable(saved.error()));
    QCOMPARE(db.value(QStringLiteral("SELECT count(*) FROM coverages")).toInt(), 0);
}

void TestCoverageRepository::remove()
{
    TestDatabase db;
    QVERIFY(db.open());
    CoverageRepository coverages(db.connection());
    const qint64 patientId = addPatient(db.connection(), QStringLiteral("Doe"));
    const StoreResult<Coverage> saved =
        coverages.save(makeCoverage(patientId, QStringLiteral("M1")));
    QVERIFY_STORE_OK(saved);
    QCOMPARE(STORE_VALUE(coverages.remove(saved->id)), true);
    QCOMPARE(STORE_VALUE(coverages.find(saved->id)), std::nullopt);
    QCOMPARE(STORE_VALUE(coverages.remove(saved->id)), false);
}

void TestCoverageRepository::deletingPatientDeletesCoverages()
{
    TestDatabase db;
    QVERIFY(db.open());
    CoverageRepository coverages(db.connection());
    const qint64 patientId = addPatient(db.connection(), QStringLiteral("Doe"));
    const qint64 otherId = addPatient(db.connection(), QStringLiteral("Roe"));
    QVERIFY_STORE_OK(coverages.save(makeCoverage(patientId, QStringLiteral("M1"))));
    QVERIFY_STORE_OK(
        coverages.save(makeCoverage(patientId, QStringLiteral("M2"), CoverageOrder::Secondary)));
    QVERIFY_STORE_OK(coverages.save(makeCoverage(otherId, QStringLiteral("M3"))));

    // Patients are never deleted through the app; the schema still must not leave orphans.
    QCOMPARE(db.exec(QStringLiteral("DELETE FROM patients WHERE id = %1").arg(patientId)),
             QString());
    QCOMPARE(STORE_VALUE(coverages.forPatient(patientId)), QList<Coverage>());
    QCOMPARE(memberIds(STORE_VALUE(coverages.forPatient(otherId))), QStringList{"M3"});
    QCOMPARE(db.value(QStringLiteral("SELECT count(*) FROM coverages")).toInt(), 1);
}

void TestCoverageRepository::insertManyIsAllOrNothing_data()
{
    QTest::addColumn<int>("badRow"); // 1-based; 0: every row is good
    QTest::addColumn<QString>("error");
    QTest::newRow("all good") << 0 << QString();
    QTest::newRow("first refused") << 1 << QStringLiteral("Coverage 1 of 3: Enter the member ID");
    QTest::newRow("last refused")
        << 3 << QStringLiteral("Coverage 3 of 3: The payer NOPE is not in the payer list");
}

void TestCoverageRepository::insertManyIsAllOrNothing()
{
    QFETCH(int, badRow);
    QFETCH(QString, error);
    TestDatabase db;
    QVERIFY(db.open());
    CoverageRepository coverages(db.connection());
    const qint64 patientId = addPatient(db.connection(), QStringLiteral("Doe"));
    const qint64 otherId = addPatient(db.connection(), QStringLiteral("Roe"));
    QList<Coverage> input{makeCoverage(patientId, QStringLiteral("A1")),
                          makeCoverage(otherId, QStringLiteral("B1")),
                          makeCoverage(patientId, QStringLiteral("A2"), CoverageOrder::Secondary)};
    input[1].id = 77; // ignored: insertMany only inserts
    if (badRow == 1)
        input[0].memberId.clear();
    if (badRow == 3)
        input[2].payerId = QStringLiteral("NOPE");

    const StoreResult<QList<Coverage>> inserted = coverages.insertMany(input);
    if (badRow != 0) {
        QVERIFY(!inserted.ok());
        QVERIFY2(inserted.error().startsWith(error), qPrintable(inserted.error()));
        QCOMPARE(db.value(QStringLiteral("SELECT count(*) FROM coverages")).toInt(), 0);
        return;
    }
    QVERIFY_STORE_OK(inserted);
    QCOMPARE(inserted->size(), 3);
    QCOMPARE(memberIds(inserted.value()), (QStringList{"A1", "B1", "A2"}));
    for (const Coverage &coverage : inserted.value()) {
        QVERIFY(coverage.id > 0);
        QCOMPARE(coverage.payerName, QStringLiteral("BlueCross BlueShield"));
        QCOMPARE(STORE_VALUE(coverages.find(coverage.id)), std::optional<Coverage>(coverage));
    }
    QCOMPARE(memberIds(STORE_VALUE(coverages.forPatient(patientId))), (QStringList{"A1", "A2"}));
}

CLINICDESK_STORE_TEST_MAIN(TestCoverageRepository)
#include "tst_coveragerepository.moc"

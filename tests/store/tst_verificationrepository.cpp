// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/store/coveragerepository.h"
#include "services/store/patientrepository.h"
#include "services/store/verificationrepository.h"
#include "store/testdatabase.h"

#include <QTest>

namespace {
QDateTime utc(const char *iso)
{
    return QDateTime::fromString(QLatin1String(iso), Qt::ISODateWithMs);
}

//! A patient with one coverage; ids in `patientId` and `coverageId`.
struct Fixture
{
    qint64 patientId = 0;
    qint64 coverageId = 0;
};

Fixture addPatientWithCoverage(const QString &connection, const QString &memberId)
{
    Patient patient;
    patient.firstName = QStringLiteral("Pat");
    patient.lastName = QStringLiteral("Doe");
    patient.dateOfBirth = QDate(1985, 4, 12);
    const StoreResult<Patient> savedPatient = PatientRepository(connection).save(patient);
    if (!savedPatient)
        return {};
    Coverage coverage;
    coverage.patientId = savedPatient->id;
    coverage.payerId = QStringLiteral("INS001");
    coverage.memberId = memberId;
    const StoreResult<Coverage> savedCoverage = CoverageRepository(connection).save(coverage);
    if (!savedCoverage)
        return {};
    return {savedPatient->id, savedCoverage->id};
}

Verification makeVerification(const Fixture &fixture, const QDateTime &requestedAt,
                              VerificationStatus status = VerificationStatus::Verified)
{
    Verification verification;
    verification.patientId = fixture.patientId;
    verification.coverageId = fixture.coverageId;
    verification.status = status;
    verification.requestedAt = requestedAt;
    if (status != VerificationStatus::Pending)
        verification.completedAt = requestedAt.addMSecs(850);
    verification.request = QByteArray("ISA*00*...~ST*270*0001~");
    verification.response = QByteArray("ISA*00*...~ST*271*0001~");
    return verification;
}

//! An answer whose plan ends on `planEnd` (DTP*347).
EligibilityResult resultEnding(const QDate &planEnd)
{
    EligibilityResult result;
    result.traceNumber = QStringLiteral("TRN-1");
    result.payerName = QStringLiteral("BlueCross BlueShield");
    result.payerId = QStringLiteral("INS001");
    result.planName = QStringLiteral("Gold PPO");
    result.status = EligibilityResult::Status::Active;
    result.dates = {{QStringLiteral("346"), QDate(2025, 1, 1), QDate(2025, 1, 1)},
                    {QStringLiteral("347"), planEnd, planEnd}};
    return result;
}

QList<qint64> ids(const QList<Verification> &verifications)
{
    QList<qint64> result;
    for (const Verification &verification : verifications)
        result.append(verification.id);
    return result;
}
} // namespace

class TestVerificationRepository : public QObject
{
    Q_OBJECT

private slots:
    void roundTripOfEveryColumn();
    void pendingWithoutResultRoundTrips();
    void updateChangesEveryColumn();
    void validationFailures();
    void historyIsNewestFirst();
    void latestForCoverage();
    void latestForCoverages();
    void betweenLeavesOutRawUnlessAsked();
    void expireStale_data();
    void expireStale();
    void expireStaleCountsAndIsIdempotent();
    void pendingListsUnanswered();
    void removingCoverageKeepsHistory();
};

void TestVerificationRepository::roundTripOfEveryColumn()
{
    TestDatabase db;
    QVERIFY(db.open());
    const Fixture fixture = addPatientWithCoverage(db.connection(), QStringLiteral("M1"));
    QVERIFY(fixture.coverageId > 0);
    VerificationRepository verifications(db.connection());

    const StoreResult<Verification> first = verifications.save(
        makeVerification(fixture, utc("2026-03-01T13:59:00.000Z"), VerificationStatus::Failed));
    QVERIFY2(first.ok(), qPrintable(first.error()));

    Verification verification;
    verification.coverageId = fixture.coverageId;
    verification.patientId = fixture.patientId;
    verification.status = VerificationStatus::ManualReview;
    verification.error = VerificationError::Rejected;
    verification.errorMessage = QStringLiteral("The member ID is invalid or missing.");
    verification.request = QByteArray("ISA*00*\x00\xff\xfe binary-safe~", 24);
    verification.response = QByteArray("ISA*00*...~AAA*N**72*C~\r\n");
    verification.result = resultEnding(QDate(2026, 12, 31));
    verification.result->messages = {QStringLiteral("Call the payer")};
    verification.aaaCodes = {QStringLiteral("72"), QStringLiteral("75")};
    verification.traceNumber = QStringLiteral("CD-000123");
    verification.serviceTypes = QStringLiteral("30,98");
    verification.serviceDate = QDate(2026, 3, 2);
    verification.durationMs = 1234;
    verification.attempts = 3;
    verification.user = QStringLiteral("alice");
    verification.requestedAt = utc("2026-03-01T14:00:00.123Z");
    verification.completedAt = utc("2026-03-01T14:00:01.357Z");
    verification.retryOf = first->id;

    const StoreResult<Verification> saved = verifications.save(verification);
    QVERIFY2(saved.ok(), qPrintable(saved.error()));
    QVERIFY(saved->id > first->id);
    verification.id = saved->id;
    QCOMPARE(saved.value(), verification);
    QCOMPARE(verifications.find(verification.id), std::optional<Verification>(verification));
    QCOMPARE(verifications.find(verification.id + 10), std::nullopt);

    const QString where = QStringLiteral(" FROM verifications WHERE id = %1").arg(verification.id);
    QCOMPARE(db.value(QStringLiteral("SELECT typeof(request_x12)") + where).toString(),
             QStringLiteral("blob"));
    QCOMPARE(db.value(QStringLiteral("SELECT typeof(result_json)") + where).toString(),
             QStringLiteral("text"));
    QCOMPARE(db.value(QStringLiteral("SELECT status || '|' || error || '|' || aaa_codes || '|' "
                                     "|| requested_at || '|' || coverage_end") +
                      where)
                 .toString(),
             QStringLiteral("manual_review|rejected|72,75|2026-03-01T14:00:00.123Z|2026-12-31"));
}

void TestVerificationRepository::pendingWithoutResultRoundTrips()
{
    TestDatabase db;
    QVERIFY(db.open());
    const Fixture fixture = addPatientWithCoverage(db.connection(), QStringLiteral("M1"));
    VerificationRepository verifications(db.connection());
    Verification verification;
    verification.patientId = fixture.patientId;
    verification.coverageId = fixture.coverageId;
    verification.user = QStringLiteral("bob");

    const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
    const StoreResult<Verification> saved = verifications.save(verification);
    QVERIFY2(saved.ok(), qPrintable(saved.error()));
    QVERIFY(saved->requestedAt >= before); // defaults to now
    verification.id = saved->id;
    verification.requestedAt = saved->requestedAt;
    QCOMPARE(saved.value(), verification);
    QCOMPARE(saved->result, std::nullopt);
    QVERIFY(!saved->completedAt.isValid());
    QCOMPARE(saved->retryOf, 0);
    QVERIFY(db.value(QStringLiteral("SELECT result_json FROM verifications")).isNull());
    QVERIFY(db.value(QStringLiteral("SELECT retry_of FROM verifications")).isNull());
}

void TestVerificationRepository::updateChangesEveryColumn()
{
    TestDatabase db;
    QVERIFY(db.open());
    const Fixture fixture = addPatientWithCoverage(db.connection(), QStringLiteral("M1"));
    VerificationRepository verifications(db.connection());
    StoreResult<Verification> saved = verifications.save(
        makeVerification(fixture, utc("2026-03-01T14:00:00.000Z"), VerificationStatus::Pending));
    QVERIFY(saved.ok());

    Verification answered = saved.value();
    answered.status = VerificationStatus::Verified;
    answered.completedAt = utc("2026-03-01T14:00:02.000Z");
    answered.response = QByteArray("ISA*...~EB*1**30~");
    answered.result = resultEnding(QDate(2026, 6, 30));
    answered.durationMs = 2000;
    answered.attempts = 2;
    const StoreResult<Verification> updated = verifications.save(answered);
    QVERIFY2(updated.ok(), qPrintable(updated.error()));
    QCOMPARE(updated.value(), answered);
    QCOMPARE(db.value(QStringLiteral("SELECT count(*) FROM verifications")).toInt(), 1);
    QCOMPARE(db.value(QStringLiteral("SELECT coverage_end FROM verifications")).toString(),
             QStringLiteral("2026-06-30"));

    answered.id += 100;
    const StoreResult<Verification> missing = verifications.save(answered);
    QVERIFY(!missing.ok());
    QVERIFY2(missing.error().contains(QLatin1String("no longer exists")),
             qPrintable(missing.error()));
}

void TestVerificationRepository::validationFailures()
{
    TestDatabase db;
    QVERIFY(db.open());
    const Fixture fixture = addPatientWithCoverage(db.connection(), QStringLiteral("M1"));
    const Fixture other = addPatientWithCoverage(db.connection(), QStringLiteral("M2"));
    VerificationRepository verifications(db.connection());
    const QDateTime at = utc("2026-03-01T14:00:00.000Z");

    Verification noCoverage = makeVerification(fixture, at);
    noCoverage.coverageId = 0;
    QVERIFY(!verifications.save(noCoverage).ok());

    Verification noPatient = makeVerification(fixture, at);
    noPatient.patientId = 0;
    QVERIFY(!verifications.save(noPatient).ok());

    Verification crossed = makeVerification(fixture, at);
    crossed.coverageId = other.coverageId;
    const StoreResult<Verification> crossedSaved = verifications.save(crossed);
    QVERIFY(!crossedSaved.ok());
    QVERIFY2(crossedSaved.error().contains(QLatin1String("another patient")),
             qPrintable(crossedSaved.error()));

    Verification unknownCoverage = makeVerification(fixture, at);
    unknownCoverage.coverageId = 999;
    QVERIFY(!verifications.save(unknownCoverage).ok());
    QCOMPARE(db.value(QStringLiteral("SELECT count(*) FROM verifications")).toInt(), 0);
}

void TestVerificationRepository::historyIsNewestFirst()
{
    TestDatabase db;
    QVERIFY(db.open());
    const Fixture fixture = addPatientWithCoverage(db.connection(), QStringLiteral("M1"));
    Coverage second;
    second.patientId = fixture.patientId;
    second.payerId = QStringLiteral("INS002");
    second.memberId = QStringLiteral("M2");
    second.order = CoverageOrder::Secondary;
    const qint64 secondId = CoverageRepository(db.connection()).save(second)->id;
    const Fixture secondFixture{fixture.patientId, secondId};
    VerificationRepository verifications(db.connection());

    auto save = [&](const Fixture &f, const char *at) {
        return verifications.save(makeVerification(f, utc(at)))->id;
    };
    const qint64 middle = save(fixture, "2026-03-01T10:00:00.000Z");
    const qint64 oldest = save(fixture, "2026-02-01T10:00:00.000Z");
    const qint64 newestA = save(fixture, "2026-04-01T10:00:00.000Z");
    const qint64 newestB = save(fixture, "2026-04-01T10:00:00.000Z"); // same time: by id
    const qint64 onSecond = save(secondFixture, "2026-03-15T10:00:00.000Z");

    QCOMPARE(ids(verifications.historyForCoverage(fixture.coverageId)),
             (QList<qint64>{newestB, newestA, middle, oldest}));
    QCOMPARE(ids(verifications.historyForPatient(fixture.patientId)),
             (QList<qint64>{newestB, newestA, onSecond, middle, oldest}));
    QCOMPARE(ids(verifications.historyForCoverage(secondId)), QList<qint64>{onSecond});
    QCOMPARE(verifications.historyForCoverage(9999), QList<Verification>());
    // History carries the raw exchange for the detail view.
    QVERIFY(!verifications.historyForCoverage(secondId).constFirst().request.isEmpty());
}

void TestVerificationRepository::latestForCoverage()
{
    TestDatabase db;
    QVERIFY(db.open());
    const Fixture fixture = addPatientWithCoverage(db.connection(), QStringLiteral("M1"));
    const Fixture empty = addPatientWithCoverage(db.connection(), QStringLiteral("M2"));
    VerificationRepository verifications(db.connection());
    QVERIFY(verifications.save(makeVerification(fixture, utc("2026-03-02T10:00:00.000Z"))).ok());
    const StoreResult<Verification> newest = verifications.save(
        makeVerification(fixture, utc("2026-03-03T09:00:00.000Z"), VerificationStatus::Failed));
    QVERIFY(verifications.save(makeVerification(fixture, utc("2026-03-01T10:00:00.000Z"))).ok());

    QCOMPARE(verifications.latestForCoverage(fixture.coverageId),
             std::optional<Verification>(newest.value()));
    QCOMPARE(verifications.latestForCoverage(empty.coverageId), std::nullopt);
}

void TestVerificationRepository::latestForCoverages()
{
    TestDatabase db;
    QVERIFY(db.open());
    const Fixture a = addPatientWithCoverage(db.connection(), QStringLiteral("A1"));
    const Fixture b = addPatientWithCoverage(db.connection(), QStringLiteral("B1"));
    const Fixture none = addPatientWithCoverage(db.connection(), QStringLiteral("C1"));
    VerificationRepository verifications(db.connection());
    QVERIFY(verifications.save(makeVerification(a, utc("2026-03-01T10:00:00.000Z"))).ok());
    const qint64 newestA =
        verifications.save(makeVerification(a, utc("2026-03-02T10:00:00.000Z")))->id;
    const qint64 onlyB =
        verifications.save(makeVerification(b, utc("2026-03-01T11:00:00.000Z")))->id;

    const QHash<qint64, Verification> latest =
        verifications.latestForCoverages({a.coverageId, b.coverageId, none.coverageId});
    QCOMPARE(latest.size(), 2);
    QCOMPARE(latest.value(a.coverageId).id, newestA);
    QCOMPARE(latest.value(b.coverageId).id, onlyB);
    QVERIFY(!latest.contains(none.coverageId));
    QVERIFY(latest.value(a.coverageId).request.isEmpty()); // without raw by default
    QVERIFY(verifications.latestForCoverages({}).isEmpty());
}

void TestVerificationRepository::betweenLeavesOutRawUnlessAsked()
{
    TestDatabase db;
    QVERIFY(db.open());
    const Fixture fixture = addPatientWithCoverage(db.connection(), QStringLiteral("M1"));
    VerificationRepository verifications(db.connection());
    auto save = [&](const char *at) {
        Verification verification = makeVerification(fixture, utc(at));
        verification.result = resultEnding(QDate(2026, 12, 31));
        return verifications.save(verification)->id;
    };
    save("2026-03-01T04:59:59.999Z");                       // before
    const qint64 atFrom = save("2026-03-01T05:00:00.000Z"); // included: [from
    const qint64 inside = save("2026-03-01T18:30:00.000Z");
    save("2026-03-02T05:00:00.000Z"); // excluded: to)

    const QDateTime from = utc("2026-03-01T05:00:00.000Z");
    const QDateTime to = utc("2026-03-02T05:00:00.000Z");
    const QList<Verification> light = verifications.between(from, to);
    QCOMPARE(ids(light), (QList<qint64>{inside, atFrom}));
    for (const Verification &verification : light) {
        QVERIFY(verification.request.isEmpty());
        QVERIFY(verification.response.isEmpty());
        QVERIFY(verification.result.has_value()); // the dashboard needs the answer
        QCOMPARE(verification.result->planName, QStringLiteral("Gold PPO"));
    }
    const QList<Verification> full = verifications.between(from, to, true);
    QCOMPARE(ids(full), (QList<qint64>{inside, atFrom}));
    QCOMPARE(full.first(), verifications.find(inside).value());
    QVERIFY(!full.first().request.isEmpty());
    QVERIFY(!full.first().response.isEmpty());
}

void TestVerificationRepository::expireStale_data()
{
    QTest::addColumn<VerificationStatus>("status");
    QTest::addColumn<int>("completedDaysAgo");
    QTest::addColumn<int>("planEndsInDays"); // relative to today; 999: no result
    QTest::addColumn<VerificationStatus>("expected");

    using S = VerificationStatus;
    // verifiedBefore is 30 days ago.
    QTest::newRow("verified long ago") << S::Verified << 40 << 999 << S::Expired;
    QTest::newRow("verified recently") << S::Verified << 1 << 999 << S::Verified;
    QTest::newRow("verified at the limit") << S::Verified << 29 << 200 << S::Verified;
    QTest::newRow("plan ended yesterday") << S::Verified << 1 << -1 << S::Expired;
    QTest::newRow("plan ends today") << S::Verified << 1 << 0 << S::Verified;
    QTest::newRow("review long ago") << S::ManualReview << 40 << 999 << S::Expired;
    QTest::newRow("review, plan ended") << S::ManualReview << 2 << -10 << S::Expired;
    QTest::newRow("failed long ago") << S::Failed << 40 << -10 << S::Failed;
    QTest::newRow("pending long ago") << S::Pending << 40 << 999 << S::Pending;
    QTest::newRow("already expired") << S::Expired << 40 << -10 << S::Expired;
}

void TestVerificationRepository::expireStale()
{
    QFETCH(VerificationStatus, status);
    QFETCH(int, completedDaysAgo);
    QFETCH(int, planEndsInDays);
    QFETCH(VerificationStatus, expected);

    TestDatabase db;
    QVERIFY(db.open());
    const Fixture fixture = addPatientWithCoverage(db.connection(), QStringLiteral("M1"));
    VerificationRepository verifications(db.connection());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDate today = QDate::currentDate();
    Verification verification =
        makeVerification(fixture, now.addDays(-completedDaysAgo).addSecs(-1), status);
    if (status == VerificationStatus::Pending)
        verification.completedAt = QDateTime();
    if (planEndsInDays != 999)
        verification.result = resultEnding(today.addDays(planEndsInDays));
    const StoreResult<Verification> saved = verifications.save(verification);
    QVERIFY2(saved.ok(), qPrintable(saved.error()));

    const bool changes = status != expected;
    QCOMPARE(verifications.expireStale(now.addDays(-30), today), changes ? 1 : 0);
    QCOMPARE(verifications.find(saved->id)->status, expected);
}

void TestVerificationRepository::expireStaleCountsAndIsIdempotent()
{
    TestDatabase db;
    QVERIFY(db.open());
    const Fixture fixture = addPatientWithCoverage(db.connection(), QStringLiteral("M1"));
    VerificationRepository verifications(db.connection());
    const QDate today(2026, 3, 10);
    const QDateTime cutoff = utc("2026-02-08T00:00:00.000Z");
    Verification old = makeVerification(fixture, utc("2026-01-05T10:00:00.000Z"));
    Verification ended = makeVerification(fixture, utc("2026-03-09T10:00:00.000Z"));
    ended.result = resultEnding(QDate(2026, 3, 9));
    Verification fresh = makeVerification(fixture, utc("2026-03-09T11:00:00.000Z"));
    fresh.result = resultEnding(QDate(2026, 12, 31));
    for (const Verification &verification : {old, ended, fresh})
        QVERIFY(verifications.save(verification).ok());

    QCOMPARE(verifications.expireStale(cutoff, today), 2);
    QCOMPARE(verifications.expireStale(cutoff, today), 0);
    // An invalid bound turns its rule off.
    QCOMPARE(verifications.expireStale(QDateTime(), QDate(2027, 1, 1)), 1);
    QCOMPARE(verifications.latestForCoverage(fixture.coverageId)->status,
             VerificationStatus::Expired);
}

void TestVerificationRepository::pendingListsUnanswered()
{
    TestDatabase db;
    QVERIFY(db.open());
    const Fixture fixture = addPatientWithCoverage(db.connection(), QStringLiteral("M1"));
    VerificationRepository verifications(db.connection());
    const qint64 later = verifications
                             .save(makeVerification(fixture, utc("2026-03-02T10:00:00.000Z"),
                                                    VerificationStatus::Pending))
                             ->id;
    QVERIFY(verifications.save(makeVerification(fixture, utc("2026-03-01T09:00:00.000Z"))).ok());
    const qint64 earlier = verifications
                               .save(makeVerification(fixture, utc("2026-03-01T10:00:00.000Z"),
                                                      VerificationStatus::Pending))
                               ->id;
    QCOMPARE(ids(verifications.pending()), (QList<qint64>{earlier, later}));
}

void TestVerificationRepository::removingCoverageKeepsHistory()
{
    TestDatabase db;
    QVERIFY(db.open());
    const Fixture fixture = addPatientWithCoverage(db.connection(), QStringLiteral("M1"));
    VerificationRepository verifications(db.connection());
    const StoreResult<Verification> saved =
        verifications.save(makeVerification(fixture, utc("2026-03-01T10:00:00.000Z")));
    QVERIFY(saved.ok());
    QVERIFY(CoverageRepository(db.connection()).remove(fixture.coverageId));

    const QList<Verification> history = verifications.historyForPatient(fixture.patientId);
    QCOMPARE(history.size(), 1);
    QCOMPARE(history.first().coverageId, 0);
    QCOMPARE(history.first().request, saved->request);
    // ... and it can still be updated, e.g. expired.
    QCOMPARE(verifications.expireStale(utc("2026-04-01T00:00:00.000Z"), QDate(2026, 4, 1)), 1);

    // Deleting the patient takes the history with it.
    QCOMPARE(db.exec(QStringLiteral("DELETE FROM patients")), QString());
    QCOMPARE(db.value(QStringLiteral("SELECT count(*) FROM verifications")).toInt(), 0);
}

QTEST_GUILESS_MAIN(TestVerificationRepository)
#include "tst_verificationrepository.moc"

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/storetestmain.h"
#include "services/store/coveragerepository.h"
#include "services/store/patientrepository.h"
#include "services/store/verificationrepository.h"
#include "store/sqltrace.h"
#include "store/testdatabase.h"

#include <QMap>
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
    void latestSkipsCancelledAttempts();
    void insertManyIsAllOrNothing();
    void aggregatesMatchHandComputedFigures();
    void inactiveAggregatesAreTheInactiveAnswers();
    void recentListsNewestWithNames();
    void activityOfOneAttempt();
    void queriesUseTheirIndexes_data();
    void queriesUseTheirIndexes();
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
    QCOMPARE(STORE_VALUE(verifications.find(verification.id)),
             std::optional<Verification>(verification));
    QCOMPARE(STORE_VALUE(verifications.find(verification.id + 10)), std::nullopt);

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
    QVERIFY_STORE_OK(saved);

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
    const qint64 secondId = STORE_VALUE(CoverageRepository(db.connection()).save(second)).id;
    QVERIFY(secondId > 0);
    const Fixture secondFixture{fixture.patientId, secondId};
    VerificationRepository verifications(db.connection());

    auto save = [&](const Fixture &f, const char *at) {
        return STORE_VALUE(verifications.save(makeVerification(f, utc(at)))).id;
    };
    const qint64 middle = save(fixture, "2026-03-01T10:00:00.000Z");
    const qint64 oldest = save(fixture, "2026-02-01T10:00:00.000Z");
    const qint64 newestA = save(fixture, "2026-04-01T10:00:00.000Z");
    const qint64 newestB = save(fixture, "2026-04-01T10:00:00.000Z"); // same time: by id
    const qint64 onSecond = save(secondFixture, "2026-03-15T10:00:00.000Z");

    QCOMPARE(ids(STORE_VALUE(verifications.historyForCoverage(fixture.coverageId))),
             (QList<qint64>{newestB, newestA, middle, oldest}));
    QCOMPARE(ids(STORE_VALUE(verifications.historyForPatient(fixture.patientId))),
             (QList<qint64>{newestB, newestA, onSecond, middle, oldest}));
    const QList<Verification> onSecondCoverage =
        STORE_VALUE(verifications.historyForCoverage(secondId));
    QCOMPARE(ids(onSecondCoverage), QList<qint64>{onSecond});
    QCOMPARE(STORE_VALUE(verifications.historyForCoverage(9999)), QList<Verification>());
    // History carries the raw exchange for the detail view.
    QVERIFY(!onSecondCoverage.constFirst().request.isEmpty());
}

void TestVerificationRepository::latestForCoverage()
{
    TestDatabase db;
    QVERIFY(db.open());
    const Fixture fixture = addPatientWithCoverage(db.connection(), QStringLiteral("M1"));
    const Fixture empty = addPatientWithCoverage(db.connection(), QStringLiteral("M2"));
    VerificationRepository verifications(db.connection());
    QVERIFY_STORE_OK(
        verifications.save(makeVerification(fixture, utc("2026-03-02T10:00:00.000Z"))));
    const StoreResult<Verification> newest = verifications.save(
        makeVerification(fixture, utc("2026-03-03T09:00:00.000Z"), VerificationStatus::Failed));
    QVERIFY_STORE_OK(newest);
    QVERIFY_STORE_OK(
        verifications.save(makeVerification(fixture, utc("2026-03-01T10:00:00.000Z"))));

    // With the raw exchange, as find() gives it.
    QCOMPARE(STORE_VALUE(verifications.latestForCoverage(fixture.coverageId)),
             std::optional<Verification>(newest.value()));
    QCOMPARE(STORE_VALUE(verifications.latestForCoverage(empty.coverageId)), std::nullopt);
}

void TestVerificationRepository::latestForCoverages()
{
    TestDatabase db;
    QVERIFY(db.open());
    const Fixture a = addPatientWithCoverage(db.connection(), QStringLiteral("A1"));
    const Fixture b = addPatientWithCoverage(db.connection(), QStringLiteral("B1"));
    const Fixture none = addPatientWithCoverage(db.connection(), QStringLiteral("C1"));
    VerificationRepository verifications(db.connection());
    QVERIFY_STORE_OK(verifications.save(makeVerification(a, utc("2026-03-01T10:00:00.000Z"))));
    const qint64 newestA =
        STORE_VALUE(verifications.save(makeVerification(a, utc("2026-03-02T10:00:00.000Z")))).id;
    const qint64 onlyB =
        STORE_VALUE(verifications.save(makeVerification(b, utc("2026-03-01T11:00:00.000Z")))).id;

    const QHash<qint64, Verification> latest = STORE_VALUE(
        verifications.latestForCoverages({a.coverageId, b.coverageId, none.coverageId}));
    QCOMPARE(latest.size(), 2);
    QCOMPARE(latest.value(a.coverageId).id, newestA);
    QCOMPARE(latest.value(b.coverageId).id, onlyB);
    QVERIFY(!latest.contains(none.coverageId));
    QVERIFY(latest.value(a.coverageId).request.isEmpty()); // without raw by default
    QVERIFY(STORE_VALUE(verifications.latestForCoverages({a.coverageId}, true))
                .value(a.coverageId)
                .request.size() > 0);
    QVERIFY(STORE_VALUE(verifications.latestForCoverages({})).isEmpty());
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
        return STORE_VALUE(verifications.save(verification)).id;
    };
    save("2026-03-01T04:59:59.999Z");                       // before
    const qint64 atFrom = save("2026-03-01T05:00:00.000Z"); // included: [from
    const qint64 inside = save("2026-03-01T18:30:00.000Z");
    save("2026-03-02T05:00:00.000Z"); // excluded: to)

    const QDateTime from = utc("2026-03-01T05:00:00.000Z");
    const QDateTime to = utc("2026-03-02T05:00:00.000Z");
    const QList<Verification> light = STORE_VALUE(verifications.between(from, to));
    QCOMPARE(ids(light), (QList<qint64>{inside, atFrom}));
    for (const Verification &verification : light) {
        QVERIFY(verification.request.isEmpty());
        QVERIFY(verification.response.isEmpty());
        QVERIFY(verification.result.has_value()); // the dashboard needs the answer
        QCOMPARE(verification.result->planName, QStringLiteral("Gold PPO"));
    }
    const QList<Verification> full = STORE_VALUE(verifications.between(from, to, true));
    QCOMPARE(ids(full), (QList<qint64>{inside, atFrom}));
    QCOMPARE(std::optional<Verification>(full.first()), STORE_VALUE(verifications.find(inside)));
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
    QCOMPARE(STORE_VALUE(verifications.expireStale({now.addDays(-30), today})), changes ? 1 : 0);
    QCOMPARE(STORE_VALUE(verifications.find(saved->id))->status, expected);
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
        QVERIFY_STORE_OK(verifications.save(verification));

    QCOMPARE(STORE_VALUE(verifications.expireStale({cutoff, today})), 2);
    QCOMPARE(STORE_VALUE(verifications.expireStale({cutoff, today})), 0);
    // An invalid bound turns its rule off.
    QCOMPARE(STORE_VALUE(verifications.expireStale({QDateTime(), QDate(2027, 1, 1)})), 1);
    QCOMPARE(STORE_VALUE(verifications.latestForCoverage(fixture.coverageId))->status,
             VerificationStatus::Expired);
    QCOMPARE(STORE_VALUE(verifications.expireStale({QDateTime(), QDate()})), 0);
}

void TestVerificationRepository::pendingListsUnanswered()
{
    TestDatabase db;
    QVERIFY(db.open());
    const Fixture fixture = addPatientWithCoverage(db.connection(), QStringLiteral("M1"));
    VerificationRepository verifications(db.connection());
    const qint64 later =
        STORE_VALUE(verifications.save(makeVerification(fixture, utc("2026-03-02T10:00:00.000Z"),
                                                        VerificationStatus::Pending)))
            .id;
    QVERIFY_STORE_OK(
        verifications.save(makeVerification(fixture, utc("2026-03-01T09:00:00.000Z"))));
    const qint64 earlier =
        STORE_VALUE(verifications.save(makeVerification(fixture, utc("2026-03-01T10:00:00.000Z"),
                                                        VerificationStatus::Pending)))
            .id;
    QCOMPARE(ids(STORE_VALUE(verifications.pending())), (QList<qint64>{earlier, later}));
}

void TestVerificationRepository::removingCoverageKeepsHistory()
{
    TestDatabase db;
    QVERIFY(db.open());
    const Fixture fixture = addPatientWithCoverage(db.connection(), QStringLiteral("M1"));
    VerificationRepository verifications(db.connection());
    const StoreResult<Verification> saved =
        verifications.save(makeVerification(fixture, utc("2026-03-01T10:00:00.000Z")));
    QVERIFY_STORE_OK(saved);
    QCOMPARE(STORE_VALUE(CoverageRepository(db.connection()).remove(fixture.coverageId)), true);

    const QList<Verification> history =
        STORE_VALUE(verifications.historyForPatient(fixture.patientId));
    QCOMPARE(history.size(), 1);
    QCOMPARE(history.first().coverageId, 0);
    QCOMPARE(history.first().request, saved->request);
    // ... and it can still be updated, e.g. expired.
    QCOMPARE(STORE_VALUE(
                 verifications.expireStale({utc("2026-04-01T00:00:00.000Z"), QDate(2026, 4, 1)})),
             1);

    // Deleting the patient takes the history with it.
    QCOMPARE(db.exec(QStringLiteral("DELETE FROM patients")), QString());
    QCOMPARE(db.value(QStringLiteral("SELECT count(*) FROM verifications")).toInt(), 0);
}

void TestVerificationRepository::latestSkipsCancelledAttempts()
{
    TestDatabase db;
    QVERIFY(db.open());
    const Fixture fixture = addPatientWithCoverage(db.connection(), QStringLiteral("M1"));
    const Fixture onlyCancelled = addPatientWithCoverage(db.connection(), QStringLiteral("M2"));
    VerificationRepository verifications(db.connection());
    const auto cancelledAt = [&](const Fixture &f, const char *at) {
        Verification cancelled = makeVerification(f, utc(at), VerificationStatus::Failed);
        cancelled.error = VerificationError::Cancelled;
        return STORE_VALUE(verifications.save(cancelled)).id;
    };
    const Verification answered =
        STORE_VALUE(verifications.save(makeVerification(fixture, utc("2026-03-01T10:00:00.000Z"))));
    QVERIFY(answered.id > 0);
    QVERIFY(cancelledAt(fixture, "2026-03-02T10:00:00.000Z") > 0); // newer, but says nothing
    QVERIFY(cancelledAt(onlyCancelled, "2026-03-02T10:00:00.000Z") > 0);

    QCOMPARE(STORE_VALUE(verifications.latestForCoverage(fixture.coverageId)),
             std::optional<Verification>(answered));
    QCOMPARE(STORE_VALUE(verifications.latestForCoverage(onlyCancelled.coverageId)), std::nullopt);
    const QHash<qint64, Verification> latest = STORE_VALUE(
        verifications.latestForCoverages({fixture.coverageId, onlyCancelled.coverageId}));
    QCOMPARE(latest.keys(), QList<qint64>{fixture.coverageId});
    QCOMPARE(latest.value(fixture.coverageId).id, answered.id);
    // The history still shows the cancelled attempt.
    QCOMPARE(STORE_VALUE(verifications.historyForCoverage(fixture.coverageId)).size(), 2);
}

void TestVerificationRepository::insertManyIsAllOrNothing()
{
    TestDatabase db;
    QVERIFY(db.open());
    const Fixture fixture = addPatientWithCoverage(db.connection(), QStringLiteral("M1"));
    VerificationRepository verifications(db.connection());
    QList<Verification> input;
    for (const char *at :
         {"2026-03-01T10:00:00.000Z", "2026-03-01T11:00:00.000Z", "2026-03-01T12:00:00.000Z"}) {
        Verification verification = makeVerification(fixture, utc(at));
        verification.result = resultEnding(QDate(2026, 12, 31));
        verification.durationMs = 321;
        input.append(verification);
    }
    const auto count = [&] {
        return db.value(QStringLiteral("SELECT count(*) FROM verifications")).toInt();
    };

    QList<Verification> unknownPatient = input;
    unknownPatient[2].patientId = 999; // refused by the foreign key
    const StoreResult<int> refused = verifications.insertMany(unknownPatient);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().contains(QLatin1String("FOREIGN KEY")), qPrintable(refused.error()));
    QCOMPARE(count(), 0);

    QList<Verification> noTime = input;
    noTime[1].requestedAt = QDateTime(); // refused: NOT NULL
    QVERIFY(!verifications.insertMany(noTime).ok());
    QCOMPARE(count(), 0);

    QCOMPARE(STORE_VALUE(verifications.insertMany(input)), 3);
    QCOMPARE(count(), 3);
    const QList<Verification> stored =
        STORE_VALUE(verifications.historyForCoverage(fixture.coverageId));
    QCOMPARE(stored.size(), 3);
    for (qsizetype i = 0; i < stored.size(); ++i) {
        Verification expected = input.at(input.size() - 1 - i); // newest first
        expected.id = stored.at(i).id;
        QCOMPARE(stored.at(i), expected);
    }
    QCOMPARE(db.value(QStringLiteral("SELECT count(*) FROM verifications WHERE coverage_end = "
                                     "'2026-12-31'"))
                 .toInt(),
             3);
    QCOMPARE(STORE_VALUE(verifications.insertMany({})), 0);
}

void TestVerificationRepository::aggregatesMatchHandComputedFigures()
{
    TestDatabase db;
    QVERIFY(db.open());
    const Fixture fixture = addPatientWithCoverage(db.connection(), QStringLiteral("M1"));
    VerificationRepository verifications(db.connection());
    using S = VerificationStatus;
    using E = VerificationError;
    struct Attempt
    {
        const char *requestedAt;
        S status;
        E error;
        int durationMs;
        int planEndsInDays; // from 2026-03-01; 999: no result; -999: inactive, ended long ago
        QStringList aaaCodes;
    };
    // The period is 1 March 2026 (UTC); answers from before noon are too old, and plans that
    // ended before 1 March have run out.
    QList<Attempt> attempts{
        {"2026-03-01T00:00:00.000Z", S::Verified, E::None, 150, 999, {}},     // expired: old
        {"2026-03-01T10:00:00.000Z", S::Verified, E::None, 100, 300, {}},     // expired: old
        {"2026-03-01T13:00:00.000Z", S::Verified, E::None, 200, 300, {}},     // verified
        {"2026-03-01T13:05:00.000Z", S::Verified, E::None, 300, -1, {}},      // expired: plan
        {"2026-03-01T14:00:00.000Z", S::ManualReview, E::None, 400, 0, {}},   // manual review
        {"2026-03-01T21:00:00.000Z", S::ManualReview, E::None, 45, -999, {}}, // inactive plan
        {"2026-03-01T09:00:00.000Z", S::Failed, E::Timeout, 500, 999, {}},    // failed: never
        {"2026-03-01T15:00:00.000Z", S::Failed, E::Rejected, 600, 999, {"72", "75"}},
        {"2026-03-01T16:00:00.000Z", S::Expired, E::None, 700, 999, {}},      // stored expired
        {"2026-03-01T17:00:00.000Z", S::Pending, E::None, 5000, 999, {}},     // not counted
        {"2026-03-01T18:00:00.000Z", S::Failed, E::Cancelled, 9000, 999, {}}, // not counted
        {"2026-02-28T23:59:59.999Z", S::Verified, E::None, 99999, 999, {}},   // before
        {"2026-03-02T00:00:00.000Z", S::Failed, E::Timeout, 88888, 999, {}},  // at the end: out
    };
    for (int i = 1; i <= 17; ++i) { // verified, 10 ms to 170 ms
        attempts.append({"2026-03-01T20:00:00.000Z", S::Verified, E::None, 10 * i, 300, {}});
    }
    const QDate firstOfMarch(2026, 3, 1);
    QList<Verification> input;
    for (const Attempt &attempt : attempts) {
        Verification verification =
            makeVerification(fixture, utc(attempt.requestedAt), attempt.status);
        verification.error = attempt.error;
        verification.durationMs = attempt.durationMs;
        verification.aaaCodes = attempt.aaaCodes;
        if (attempt.planEndsInDays == -999) {
            verification.result = resultEnding(QDate(2020, 1, 1));
            verification.result->status = EligibilityResult::Status::Inactive;
        } else if (attempt.planEndsInDays != 999) {
            verification.result = resultEnding(firstOfMarch.addDays(attempt.planEndsInDays));
        }
        input.append(verification);
    }
    QCOMPARE(STORE_VALUE(verifications.insertMany(input)), int(input.size()));

    const QDateTime from = utc("2026-03-01T00:00:00.000Z");
    const QDateTime to = utc("2026-03-02T00:00:00.000Z");
    const ExpiryRule rule{utc("2026-03-01T12:00:00.000Z"), firstOfMarch};
    const VerificationAggregates aggregates = STORE_VALUE(verifications.aggregates(from, to, rule));

    QMap<S, int> counts;
    QMap<S, qint64> durations;
    int pending = 0;
    int cancelled = 0;
    QStringList failures;
    for (const VerificationGroup &group : aggregates.groups) {
        if (group.status == S::Pending) {
            pending += group.count;
            QCOMPARE(group.durationSumMs, qint64(5000));
            continue;
        }
        if (group.error == E::Cancelled) {
            cancelled += group.count;
            continue;
        }
        counts[group.effectiveStatus] += group.count;
        durations[group.effectiveStatus] += group.durationSumMs;
        if (group.effectiveStatus == S::Failed) {
            failures.append(
                QStringLiteral("%1x %2 %3")
                    .arg(group.count)
                    .arg(verificationErrorKey(group.error), group.aaaCodes.join(QLatin1Char(','))));
        }
    }
    QCOMPARE(pending, 1);
    QCOMPARE(cancelled, 1);
    const QMap<S, int> expectedCounts{
        {S::Expired, 4}, {S::Verified, 18}, {S::ManualReview, 2}, {S::Failed, 2}};
    QCOMPARE(counts, expectedCounts);
    // 150 + 100 + 300 + 700; 200 + (10 + … + 170); 400 + 45; 500 + 600.
    const QMap<S, qint64> expectedDurations{
        {S::Expired, 1250}, {S::Verified, 1730}, {S::ManualReview, 445}, {S::Failed, 1100}};
    QCOMPARE(durations, expectedDurations);
    failures.sort();
    QCOMPARE(failures, (QStringList{"1x rejected 72,75", "1x timeout "}));
    // 26 counted durations; nearest rank ceil(0.95 × 26) = 25: the 25th smallest is 600 (with
    // the pending, cancelled or outside attempts counted it would be 700).
    QCOMPARE(aggregates.p95Ms, 600);

    // The rule is applied in the query only: the rows are as stored.
    QCOMPARE(STORE_VALUE(verifications.pending()).size(), 1);
    QCOMPARE(db.value(QStringLiteral("SELECT count(*) FROM verifications WHERE status = "
                                     "'expired'"))
                 .toInt(),
             1);
    // Without a rule nothing is expired but what was stored so.
    const VerificationAggregates asStored =
        STORE_VALUE(verifications.aggregates(from, to, ExpiryRule{}));
    int expired = 0;
    for (const VerificationGroup &group : asStored.groups) {
        QCOMPARE(group.effectiveStatus, group.status);
        expired += group.effectiveStatus == S::Expired ? group.count : 0;
    }
    QCOMPARE(expired, 1);
    QCOMPARE(asStored.p95Ms, 600);

    // An empty period has no groups and no percentile.
    const VerificationAggregates empty = STORE_VALUE(verifications.aggregates(
        utc("2025-01-01T00:00:00.000Z"), utc("2025-01-02T00:00:00.000Z"), rule));
    QCOMPARE(empty.groups.size(), 0);
    QCOMPARE(empty.p95Ms, 0);
}

void TestVerificationRepository::inactiveAggregatesAreTheInactiveAnswers()
{
    TestDatabase db;
    QVERIFY(db.open());
    const Fixture fixture = addPatientWithCoverage(db.connection(), QStringLiteral("M1"));
    VerificationRepository verifications(db.connection());
    using S = VerificationStatus;
    const auto answer = [&](const char *at, S status, EligibilityResult::Status planStatus,
                            int durationMs) {
        Verification v = makeVerification(fixture, utc(at), status);
        v.durationMs = durationMs;
        v.result = resultEnding(QDate(2026, 1, 31));
        v.result->status = planStatus;
        return verifications.save(v).ok();
    };
    using P = EligibilityResult::Status;
    // Answers are too old before noon (the rule below).
    QVERIFY(answer("2026-03-01T13:00:00.000Z", S::Verified, P::Inactive, 100));
    QVERIFY(answer("2026-03-01T14:00:00.000Z", S::Verified, P::Inactive, 200));
    QVERIFY(answer("2026-03-01T09:00:00.000Z", S::Verified, P::Inactive, 400));     // too old
    QVERIFY(answer("2026-03-01T15:00:00.000Z", S::ManualReview, P::Inactive, 800));
    QVERIFY(answer("2026-03-01T16:00:00.000Z", S::Verified, P::Active, 1600));      // active
    QVERIFY(answer("2026-03-01T17:00:00.000Z", S::Failed, P::Inactive, 3200));      // no answer
    QVERIFY(answer("2026-02-28T17:00:00.000Z", S::Verified, P::Inactive, 6400));    // before
    Verification plain = makeVerification(fixture, utc("2026-03-01T18:00:00.000Z"));
    QVERIFY(verifications.save(plain).ok()); // verified without a parsed answer

    const QDateTime from = utc("2026-03-01T00:00:00.000Z");
    const QDateTime to = utc("2026-03-02T00:00:00.000Z");
    const ExpiryRule rule{utc("2026-03-01T12:00:00.000Z"), QDate(2026, 3, 1)};
    const QList<VerificationGroup> groups =
        STORE_VALUE(verifications.inactiveAggregates(from, to, rule));
    QMap<QString, QPair<int, qint64>> byStatus; // "stored>effective": count, duration sum
    for (const VerificationGroup &group : groups) {
        QCOMPARE(group.error, VerificationError::None);
        auto &entry = byStatus[verificationStatusKey(group.status) + QLatin1Char('>') +
                               verificationStatusKey(group.effectiveStatus)];
        entry.first += group.count;
        entry.second += group.durationSumMs;
    }
    const QMap<QString, QPair<int, qint64>> expected{
        {QStringLiteral("verified>verified"), {2, 300}},
        {QStringLiteral("verified>expired"), {1, 400}},
        {QStringLiteral("manual_review>manual_review"), {1, 800}}};
    QCOMPARE(byStatus, expected);

    // Every inactive group is part of a group aggregates() counts, never more than it.
    const VerificationAggregates all = STORE_VALUE(verifications.aggregates(from, to, rule));
    for (const VerificationGroup &inactive : groups) {
        const auto same = std::find_if(all.groups.cbegin(), all.groups.cend(), [&](const auto &g) {
            return g.status == inactive.status && g.effectiveStatus == inactive.effectiveStatus &&
                   g.error == inactive.error && g.aaaCodes == inactive.aaaCodes;
        });
        QVERIFY(same != all.groups.cend());
        QVERIFY(same->count >= inactive.count);
    }
}

void TestVerificationRepository::recentListsNewestWithNames()
{
    TestDatabase db;
    QVERIFY(db.open());
    const Fixture fixture = addPatientWithCoverage(db.connection(), QStringLiteral("MEM-1"));
    const Fixture removed = addPatientWithCoverage(db.connection(), QStringLiteral("MEM-2"));
    VerificationRepository verifications(db.connection());
    auto save = [&](const Fixture &f, const char *at) {
        return STORE_VALUE(verifications.save(makeVerification(f, utc(at)))).id;
    };
    save(fixture, "2026-02-28T23:00:00.000Z"); // before the period
    const qint64 first = save(fixture, "2026-03-01T08:00:00.000Z");
    const qint64 second = save(removed, "2026-03-01T09:00:00.000Z");
    const qint64 thirdA = save(fixture, "2026-03-01T10:00:00.000Z");
    const qint64 thirdB = save(fixture, "2026-03-01T10:00:00.000Z"); // same time: by id
    save(fixture, "2026-03-02T00:00:00.000Z");                       // at the end: out
    QCOMPARE(STORE_VALUE(CoverageRepository(db.connection()).remove(removed.coverageId)), true);

    const QDateTime from = utc("2026-03-01T00:00:00.000Z");
    const QDateTime to = utc("2026-03-02T00:00:00.000Z");
    const QList<VerificationActivity> three = STORE_VALUE(verifications.recent(from, to, 3));
    QList<qint64> shown;
    for (const VerificationActivity &row : three)
        shown.append(row.verification.id);
    QCOMPARE(shown, (QList<qint64>{thirdB, thirdA, second}));
    const VerificationActivity &newest = three.at(0);
    QCOMPARE(newest.patientName, QStringLiteral("Doe, Pat"));
    QCOMPARE(newest.payerName, QStringLiteral("BlueCross BlueShield"));
    QCOMPARE(newest.memberId, QStringLiteral("MEM-1"));
    QVERIFY(!newest.coverageRemoved);
    QVERIFY(newest.verification.request.isEmpty()); // a list needs no raw X12
    QVERIFY(newest.verification.response.isEmpty());
    QCOMPARE(newest.verification.status, VerificationStatus::Verified);
    const VerificationActivity &gone = three.at(2);
    QCOMPARE(gone.patientName, QStringLiteral("Doe, Pat"));
    QVERIFY(gone.coverageRemoved);
    QCOMPARE(gone.payerName, QString());
    QCOMPARE(gone.memberId, QString());

    // No limit (0) lists the whole period.
    QCOMPARE(STORE_VALUE(verifications.recent(from, to, 0)).size(), 4);
    QCOMPARE(STORE_VALUE(verifications.recent(from, to, 10)).constLast().verification.id, first);
}

void TestVerificationRepository::activityOfOneAttempt()
{
    TestDatabase db;
    QVERIFY(db.open());
    const Fixture fixture = addPatientWithCoverage(db.connection(), QStringLiteral("MEM-9"));
    VerificationRepository verifications(db.connection());
    const Verification saved =
        STORE_VALUE(verifications.save(makeVerification(fixture, utc("2026-03-01T08:00:00.000Z"))));
    const std::optional<VerificationActivity> activity =
        STORE_VALUE(verifications.activity(saved.id));
    QVERIFY(activity.has_value());
    QCOMPARE(activity->verification.id, saved.id);
    QCOMPARE(activity->patientName, QStringLiteral("Doe, Pat"));
    QCOMPARE(activity->memberId, QStringLiteral("MEM-9"));
    Verification withoutRaw = saved;
    withoutRaw.request.clear();
    withoutRaw.response.clear();
    QCOMPARE(activity->verification, withoutRaw);
    QVERIFY(!STORE_VALUE(verifications.activity(saved.id + 1)).has_value());
}

void TestVerificationRepository::queriesUseTheirIndexes_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QStringList>("indexes"); // each statement uses the next of these

    // Start-up: attempts left pending by a crash, and answers gone stale.
    QTest::newRow("pending") << QStringLiteral("pending")
                             << QStringList{QStringLiteral("verifications_status_")};
    QTest::newRow("expireStale") << QStringLiteral("expireStale")
                                 << QStringList{
                                        QStringLiteral("verifications_status_completed"),
                                        QStringLiteral("verifications_status_coverage_end")};
    // The dashboard and lists.
    QTest::newRow("aggregates") << QStringLiteral("aggregates")
                                << QStringList{
                                       QStringLiteral("COVERING INDEX verifications_dashboard"),
                                       QStringLiteral("COVERING INDEX verifications_dashboard")};
    QTest::newRow("inactiveAggregates")
        << QStringLiteral("inactiveAggregates")
        << QStringList{QStringLiteral("INDEX verifications_inactive (requested_at>")};
    QTest::newRow("recent") << QStringLiteral("recent")
                            << QStringList{QStringLiteral("verifications_requested")};
    QTest::newRow("latestForCoverages") << QStringLiteral("latestForCoverages")
                                        << QStringList{QStringLiteral("verifications_coverage")};
}

void TestVerificationRepository::queriesUseTheirIndexes()
{
    QFETCH(QString, operation);
    QFETCH(QStringList, indexes);
    TestDatabase db;
    QVERIFY(db.open());
    const Fixture fixture = addPatientWithCoverage(db.connection(), QStringLiteral("M1"));
    VerificationRepository verifications(db.connection());
    QVERIFY_STORE_OK(
        verifications.save(makeVerification(fixture, utc("2026-03-01T10:00:00.000Z"))));
    const QDateTime from = utc("2026-03-01T00:00:00.000Z");
    const QDateTime to = utc("2026-03-02T00:00:00.000Z");
    const ExpiryRule rule{utc("2026-02-01T00:00:00.000Z"), QDate(2026, 3, 1)};

    SqlTrace trace(db.connection());
    QVERIFY(trace.isValid());
    if (operation == QLatin1String("pending"))
        QVERIFY_STORE_OK(verifications.pending());
    else if (operation == QLatin1String("expireStale"))
        QVERIFY_STORE_OK(verifications.expireStale(rule));
    else if (operation == QLatin1String("aggregates"))
        QVERIFY_STORE_OK(verifications.aggregates(from, to, rule));
    else if (operation == QLatin1String("inactiveAggregates"))
        QVERIFY_STORE_OK(verifications.inactiveAggregates(from, to, rule));
    else if (operation == QLatin1String("recent"))
        QVERIFY_STORE_OK(verifications.recent(from, to, 10));
    else if (operation == QLatin1String("latestForCoverages"))
        QVERIFY_STORE_OK(verifications.latestForCoverages({fixture.coverageId}));

    const QStringList statements = trace.queries();
    QCOMPARE(statements.size(), indexes.size());
    for (qsizetype i = 0; i < statements.size(); ++i) {
        const QStringList plan = trace.plan(statements.at(i));
        const QString steps = plan.join(QStringLiteral("; "));
        QVERIFY2(steps.contains(indexes.at(i)), qPrintable(statements.at(i) + "\n" + steps));
        QVERIFY2(unindexedStep(plan).isEmpty(), qPrintable(statements.at(i) + "\n" + steps));
    }
}

CLINICDESK_STORE_TEST_MAIN(TestVerificationRepository)
#include "tst_verificationrepository.moc"

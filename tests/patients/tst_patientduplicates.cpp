// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Duplicate checks and merges through the PatientService on a real store seeded with the demo
// patients: who is found for Kyla Fields, what is left out (the patient being edited, other
// dates of birth and sexes, merged charts), what a merge moves, what it refuses, and what the
// audit trail and patient_merges say.
#include "common/trainingenvironment.h"
#include "services/store/auditlog.h"
#include "services/store/coveragerepository.h"
#include "services/store/database.h"
#include "services/store/patientmergerepository.h"
#include "services/store/patientrepository.h"

#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

namespace {
const QDate kylaBorn(1927, 5, 23);

Patient person(const QString &first, const QString &last, const QDate &dob, Gender gender)
{
    Patient p;
    p.firstName = first;
    p.lastName = last;
    p.dateOfBirth = dob;
    p.gender = gender;
    return p;
}

QStringList namesOf(const QList<DuplicateCandidate> &candidates)
{
    QStringList names;
    for (const DuplicateCandidate &c : candidates)
        names << c.patient.fullName();
    return names;
}
} // namespace

class TestPatientDuplicates : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void kylaFieldsMayBeKylaBrown();
    void editingLeavesThePatientOut();
    void onlyTheBlockIsLookedAt();
    void bestFirst();
    void mergeMovesEverythingAndHidesTheMergedChart();
    void mergeRefusals_data();
    void mergeRefusals();
    void failedAuditMergesNothing();

private:
    static Patient registered(TrainingEnvironment &env, const Patient &p)
    {
        const StoreResult<Patient> saved = TestSupport::await(env.patients().registerPatient(p));
        if (!saved)
            qWarning() << "not registered:" << saved.error();
        return saved.valueOr({});
    }
    static QList<DuplicateCandidate> duplicatesOf(TrainingEnvironment &env, const Patient &p)
    {
        const auto found = TestSupport::await(env.patients().findDuplicates(p));
        if (!found)
            qWarning() << "lookup failed:" << found.error();
        return found.valueOr({});
    }
    static QList<Patient> searched(TrainingEnvironment &env, const QString &text)
    {
        return TestSupport::await(env.patients().search(text, 50)).valueOr({}).patients;
    }
    static int countOf(TrainingEnvironment &env, const QString &sql)
    {
        return env.read([sql](const QString &c) {
            QSqlQuery query(Database::connection(c));
            return query.exec(sql) && query.next() ? query.value(0).toInt() : -1;
        });
    }
    static QString exec(TrainingEnvironment &env, const QString &sql)
    {
        return env.write([sql](const QString &c) {
            QSqlQuery query(Database::connection(c));
            return query.exec(sql) ? QString() : query.lastError().text();
        });
    }
    static QList<AuditEntry> audited(TrainingEnvironment &env, const QString &action)
    {
        QList<AuditEntry> found;
        for (const AuditEntry &entry : env.auditEntries()) {
            if (entry.action == action)
                found.append(entry);
        }
        return found;
    }
    static Patient kylaBrown(TrainingEnvironment &env)
    {
        const qint64 id = env.patientId(QStringLiteral("Kyla"));
        return TestSupport::await(env.patients().open(id)).valueOr({});
    }
};

void TestPatientDuplicates::kylaFieldsMayBeKylaBrown()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    const Patient brown = kylaBrown(env);
    QCOMPARE(brown.lastName, QStringLiteral("Brown"));
    QCOMPARE(brown.dateOfBirth, kylaBorn);
    QCOMPARE(brown.gender, Gender::Female);

    const QList<DuplicateCandidate> found =
        duplicatesOf(env, person("Kyla", "Fields", kylaBorn, Gender::Female));
    QCOMPARE(namesOf(found), QStringList{QStringLiteral("Kyla Brown")});
    QCOMPARE(found.constFirst().patient.id, brown.id);
    QCOMPARE(found.constFirst().patient.mrn, brown.mrn);
    QCOMPARE(found.constFirst().match.verdict, DuplicateVerdict::Possible);
    QVERIFY(found.constFirst().match.score >= DuplicateScorer::possibleThreshold);
    QVERIFY(found.constFirst().match.score < DuplicateScorer::likelyThreshold);
    QVERIFY(
        found.constFirst().match.reasons.contains(QStringLiteral("same date of birth and sex")));
    QVERIFY(found.constFirst().match.reasons.contains(QStringLiteral("first name Kyla = Kyla")));

    // The candidates are PHI on screen: each lookup is in the audit trail.
    const QList<AuditEntry> lookups = audited(env, QStringLiteral("patient.duplicates"));
    QCOMPARE(lookups.size(), 1);
    QCOMPARE(lookups.constFirst().user, QStringLiteral("tester"));
    QCOMPARE(lookups.constFirst().entityId, 0); // a patient not registered yet
}

void TestPatientDuplicates::editingLeavesThePatientOut()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    const Patient brown = kylaBrown(env);
    QVERIFY(brown.id > 0);
    QCOMPARE(duplicatesOf(env, brown), QList<DuplicateCandidate>());
    // A second chart of her is found from the first, and the first from the second.
    Patient again = brown;
    again.id = 0;
    again.mrn.clear();
    again.firstName = QStringLiteral("Kyla");
    again.lastName = QStringLiteral("Browne");
    const Patient second = registered(env, again);
    QVERIFY(second.id > 0);
    QCOMPARE(namesOf(duplicatesOf(env, brown)), QStringList{QStringLiteral("Kyla Browne")});
    const QList<DuplicateCandidate> fromSecond = duplicatesOf(env, second);
    QCOMPARE(namesOf(fromSecond), QStringList{QStringLiteral("Kyla Brown")});
    // Same date of birth, sex, address and phone; a last name spelt otherwise.
    QCOMPARE(fromSecond.constFirst().match.verdict, DuplicateVerdict::Likely);
    QCOMPARE(audited(env, QStringLiteral("patient.duplicates")).constFirst().entityId, second.id);
}

void TestPatientDuplicates::onlyTheBlockIsLookedAt()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    // Kyla Brown's name, another day; her day and name, the other sex.
    QCOMPARE(duplicatesOf(env, person("Kyla", "Brown", kylaBorn.addDays(1), Gender::Female)),
             QList<DuplicateCandidate>());
    QCOMPARE(duplicatesOf(env, person("Kyla", "Brown", kylaBorn, Gender::Male)),
             QList<DuplicateCandidate>());
    // A sex not recorded is compared with both.
    QCOMPARE(namesOf(duplicatesOf(env, person("Kyla", "Brown", kylaBorn, Gender::Unknown))),
             QStringList{QStringLiteral("Kyla Brown")});
    // A stored patient whose sex is not recorded is in every block of her day.
    const Patient unknown = registered(env, person("Kylah", "Brown", kylaBorn, Gender::Unknown));
    QVERIFY(unknown.id > 0);
    QCOMPARE(namesOf(duplicatesOf(env, person("Kyla", "Brown", kylaBorn, Gender::Female))).size(),
             2);
    // No date of birth yet: nothing to look for, and nothing read.
    QCOMPARE(duplicatesOf(env, person("Kyla", "Brown", QDate(), Gender::Female)),
             QList<DuplicateCandidate>());
}

void TestPatientDuplicates::bestFirst()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    const QDate born(1958, 6, 17); // the demo's Robert Miller
    QVERIFY(registered(env, person("Bob", "Miller", born, Gender::Male)).id > 0);
    QVERIFY(registered(env, person("Roberta", "Miller", born, Gender::Female)).id > 0);
    QVERIFY(registered(env, person("Rupert", "Stone", born, Gender::Male)).id > 0);
    const QList<DuplicateCandidate> found =
        duplicatesOf(env, person("Robert", "Miller", born, Gender::Male));
    // Roberta is a woman (another block), Rupert Stone another person (not shown).
    QCOMPARE(namesOf(found),
             (QStringList{QStringLiteral("Robert Miller"), QStringLiteral("Bob Miller")}));
    QVERIFY(found.at(0).match.score > found.at(1).match.score);
    QCOMPARE(found.at(0).match.verdict, DuplicateVerdict::Likely);
    QVERIFY(found.at(1).match.reasons.contains(QStringLiteral("nickname: Robert = Bob")));
}

void TestPatientDuplicates::mergeMovesEverythingAndHidesTheMergedChart()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    const Patient brown = kylaBrown(env);
    const Patient fields = registered(env, person("Kyla", "Fields", kylaBorn, Gender::Female));
    QVERIFY(fields.id > 0);

    // Kyla Fields's chart: the card Kyla Brown already has, a new one, a visit, a verification
    // and a claim.
    auto addCoverage = [&](const QString &payer, const QString &member) {
        Coverage c;
        c.patientId = fields.id;
        c.payerId = payer;
        c.memberId = member;
        return TestSupport::await(env.patients().saveCoverage(c)).valueOr({}).id;
    };
    const qint64 repeated = addCoverage(QStringLiteral("INS003"), QStringLiteral("cob400004"));
    const qint64 fresh = addCoverage(QStringLiteral("INS001"), QStringLiteral("NEW123456"));
    QVERIFY(repeated > 0 && fresh > 0);
    QCOMPARE(exec(env, QStringLiteral("INSERT INTO appointments (patient_id, start_at, uid) "
                                      "VALUES (%1, '2030-01-02T17:00:00.000Z', 'appt-merge-test')")
                           .arg(fields.id)),
             QString());
    QCOMPARE(exec(env, QStringLiteral("INSERT INTO verifications (coverage_id, patient_id, status, "
                                      "requested_at) VALUES (%1, %2, 'verified', "
                                      "'2026-01-02T17:00:00.000Z')")
                           .arg(fresh)
                           .arg(fields.id)),
             QString());
    QCOMPARE(exec(env, QStringLiteral(
                           "INSERT INTO claims (claim_number, patient_id, patient_name, "
                           "patient_name_key, insurance_id, member_id, status, created_at, "
                           "status_changed_at, updated_at) VALUES ('CLMTEST1', %1, 'Fields, Kyla', "
                           "'fields, kyla', 'INS001', 'NEW123456', 'draft', "
                           "'2026-01-02T17:00:00.000Z', '2026-01-02T17:00:00.000Z', "
                           "'2026-01-02T17:00:00.000Z')")
                           .arg(fields.id)),
             QString());
    const auto rowsOf = [&](qint64 patientId) {
        QStringList counts;
        for (const char *table : {"coverages", "verifications", "appointments", "claims"})
            counts << QString::number(countOf(env, QStringLiteral("SELECT count(*) FROM %1 WHERE "
                                                                  "patient_id = %2")
                                                       .arg(QLatin1String(table))
                                                       .arg(patientId)));
        return counts.join(QLatin1Char(' '));
    };
    QCOMPARE(rowsOf(fields.id), QStringLiteral("2 1 1 1"));
    const QString brownBefore = rowsOf(brown.id);
    QCOMPARE(brownBefore.section(QLatin1Char(' '), 0, 0), QStringLiteral("1")); // one coverage

    // The preview says what will move and changes nothing.
    const StoreResult<PatientMerge> preview =
        TestSupport::await(env.patients().previewMerge(brown.id, fields.id));
    QVERIFY2(preview.ok(), qPrintable(preview.error()));
    QCOMPARE(preview->moved.value(QStringLiteral("coverages")), 2);
    QCOMPARE(preview->moved.value(QStringLiteral("verifications")), 1);
    QCOMPARE(preview->moved.value(QStringLiteral("appointments")), 1);
    QCOMPARE(preview->moved.value(QStringLiteral("claims")), 1);
    QCOMPARE(preview->coveragesDeactivated, 1);
    QCOMPARE(rowsOf(fields.id), QStringLiteral("2 1 1 1"));
    QVERIFY(audited(env, QStringLiteral("patient.merge")).isEmpty());

    QSignalSpy merged(&env.patients(), &PatientService::patientsMerged);
    const StoreResult<PatientMerge> result = TestSupport::await(env.patients().mergePatients(
        brown.id, fields.id, QStringLiteral("  Same person: married name  ")));
    QVERIFY2(result.ok(), qPrintable(result.error()));
    QVERIFY(result->id > 0);
    QCOMPARE(result->keptId, brown.id);
    QCOMPARE(result->mergedId, fields.id);
    QCOMPARE(result->moved, preview->moved);
    QCOMPARE(result->coveragesDeactivated, 1);
    QCOMPARE(result->user, QStringLiteral("tester"));
    QCOMPARE(merged.size(), 1);
    QCOMPARE(merged.at(0).at(0).toLongLong(), brown.id);
    QCOMPARE(merged.at(0).at(1).toLongLong(), fields.id);

    // Everything is Kyla Brown's now.
    QCOMPARE(rowsOf(fields.id), QStringLiteral("0 0 0 0"));
    const QStringList before = brownBefore.split(QLatin1Char(' '));
    const QStringList after = rowsOf(brown.id).split(QLatin1Char(' '));
    for (int i = 0; i < 4; ++i)
        QCOMPARE(after.at(i).toInt(), before.at(i).toInt() + (i == 0 ? 2 : 1));
    // Her primary stays primary; the new card follows it; the repeat of her card is inactive.
    const QList<Coverage> coverages =
        TestSupport::await(env.patients().coverages(brown.id)).valueOr({});
    QCOMPARE(coverages.size(), 3);
    for (const Coverage &c : coverages) {
        if (c.id == repeated) {
            QVERIFY(!c.active);
        } else if (c.id == fresh) {
            QVERIFY(c.active);
            QCOMPARE(c.order, CoverageOrder::Secondary);
        } else {
            QVERIFY(c.active);
            QCOMPARE(c.order, CoverageOrder::Primary);
        }
    }

    // Kyla Fields is gone from search and from duplicate checks; Kyla Brown is found.
    QCOMPARE(searched(env, QStringLiteral("fields")), QList<Patient>());
    QCOMPARE(searched(env, QStringLiteral("kyla")).size(), 1);
    QCOMPARE(duplicatesOf(env, person("Kyla", "Fields", kylaBorn, Gender::Female)).size(), 1);
    QCOMPARE(env.read([id = fields.id](const QString &c) {
        return PatientRepository(c).mergedInto(id).valueOr(-1);
    }),
             brown.id);

    // The record of it: patient_merges and the audit trail, for both charts.
    const QList<PatientMerge> merges = env.read([id = brown.id](const QString &c) {
        return PatientMergeRepository(c).mergesInto(id).valueOr({});
    });
    QCOMPARE(merges.size(), 1);
    QCOMPARE(merges.constFirst().mergedId, fields.id);
    QCOMPARE(merges.constFirst().reason, QStringLiteral("Same person: married name"));
    QCOMPARE(merges.constFirst().user, QStringLiteral("tester"));
    QCOMPARE(merges.constFirst().moved, result->moved);
    QCOMPARE(merges.constFirst().at, result->at);
    QList<qint64> auditedIds;
    for (const AuditEntry &entry : audited(env, QStringLiteral("patient.merge")))
        auditedIds << entry.entityId;
    std::sort(auditedIds.begin(), auditedIds.end());
    QCOMPARE(auditedIds,
             (QList<qint64>{std::min(brown.id, fields.id), std::max(brown.id, fields.id)}));
    // History is not edited.
    QVERIFY(!exec(env, QStringLiteral("DELETE FROM patient_merges")).isEmpty());
    QVERIFY(!exec(env, QStringLiteral("UPDATE patient_merges SET reason = 'x'")).isEmpty());
}

void TestPatientDuplicates::mergeRefusals_data()
{
    QTest::addColumn<QString>("which"); // which pair is merged
    QTest::addColumn<QString>("error");
    QTest::newRow("the same patient") << "same"
                                      << "Choose two different patients";
    QTest::newRow("a patient that does not exist") << "missing"
                                                   << "no longer exists";
    QTest::newRow("a chart already merged") << "twice"
                                            << "already merged";
    QTest::newRow("into a merged chart") << "into merged"
                                         << "merge into it instead";
}

void TestPatientDuplicates::mergeRefusals()
{
    QFETCH(QString, which);
    QFETCH(QString, error);
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    const qint64 brown = kylaBrown(env).id;
    const qint64 fields = registered(env, person("Kyla", "Fields", kylaBorn, Gender::Female)).id;
    const qint64 third = registered(env, person("Kyla", "Field", kylaBorn, Gender::Female)).id;
    QVERIFY(brown > 0 && fields > 0 && third > 0);
    QVERIFY(TestSupport::await(env.patients().mergePatients(brown, fields, QString())).ok());
    const int mergesBefore = countOf(env, QStringLiteral("SELECT count(*) FROM patient_merges"));
    const int auditBefore = int(env.auditEntries().size());

    std::pair<qint64, qint64> pair;
    if (which == QLatin1String("same"))
        pair = {third, third};
    else if (which == QLatin1String("missing"))
        pair = {third, 999999};
    else if (which == QLatin1String("twice"))
        pair = {third, fields};
    else
        pair = {fields, third};
    QSignalSpy merged(&env.patients(), &PatientService::patientsMerged);
    const StoreResult<PatientMerge> preview =
        TestSupport::await(env.patients().previewMerge(pair.first, pair.second));
    QVERIFY(!preview.ok());
    QVERIFY2(preview.error().contains(error), qPrintable(preview.error()));
    const StoreResult<PatientMerge> result =
        TestSupport::await(env.patients().mergePatients(pair.first, pair.second, QString()));
    QVERIFY(!result.ok());
    QVERIFY2(result.error().contains(error), qPrintable(result.error()));
    QCOMPARE(merged.size(), 0);
    QCOMPARE(countOf(env, QStringLiteral("SELECT count(*) FROM patient_merges")), mergesBefore);
    QCOMPARE(int(env.auditEntries().size()), auditBefore);
    QCOMPARE(countOf(env, QStringLiteral("SELECT count(*) FROM patients WHERE merged_into IS NOT "
                                         "NULL")),
             1);
}

void TestPatientDuplicates::failedAuditMergesNothing()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    const qint64 brown = kylaBrown(env).id;
    const qint64 fields = registered(env, person("Kyla", "Fields", kylaBorn, Gender::Female)).id;
    QCOMPARE(exec(env, QStringLiteral("INSERT INTO appointments (patient_id, start_at, uid) "
                                      "VALUES (%1, '2030-01-02T17:00:00.000Z', 'appt-audit-test')")
                           .arg(fields)),
             QString());
    // The audit log refuses a record without a user.
    PatientService unrecorded(&env.store(), QString());
    const StoreResult<PatientMerge> result =
        TestSupport::await(unrecorded.mergePatients(brown, fields, QStringLiteral("test")));
    QVERIFY(!result.ok());
    QVERIFY2(result.error().contains(QLatin1String("audit trail")), qPrintable(result.error()));
    QCOMPARE(countOf(env, QStringLiteral("SELECT count(*) FROM patient_merges")), 0);
    QCOMPARE(countOf(env, QStringLiteral("SELECT count(*) FROM appointments WHERE patient_id = %1")
                              .arg(fields)),
             1);
    QCOMPARE(searched(env, QStringLiteral("fields")).size(), 1);
    const auto lookup = TestSupport::await(
        unrecorded.findDuplicates(person("Kyla", "Fields", kylaBorn, Gender::Female)));
    QVERIFY(!lookup.ok());
}

QTEST_GUILESS_MAIN(TestPatientDuplicates)
#include "tst_patientduplicates.moc"

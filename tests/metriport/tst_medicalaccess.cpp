// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The permission matrix, enforced by the services themselves (not only by hidden menus): every
// medical-history, verification and patient-editing call, for every role, is allowed exactly
// when Access says so (a refused verification stores and sends nothing); break-glass opens
// one patient's records (not reconciliation) for an hour, with a reason, audited and listed for
// the administrator, and survives a restart but not another person signing in.
#include "common/trainingenvironment.h"
#include "services/access/accesscontrol.h"
#include "services/metriport/chartservice.h"
#include "services/eligibility/batchverification.h"
#include "services/eligibility/eligibilityservice.h"
#include "services/metriport/medicalrecordservice.h"
#include "services/patients/patientservice.h"
#include "services/store/auditlog.h"
#include "services/store/breakglassrepository.h"

#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QTimer>

#include <functional>

Q_DECLARE_METATYPE(Role)
Q_DECLARE_METATYPE(Permission)

namespace {
//! The services a call may use, each told who is signed in.
struct Services
{
    ChartService &chart;
    MedicalRecordService &records;
    PatientService &patients;
    EligibilityService &eligibility;
    qint64 patient;
    qint64 coverage;
};

//! A call as the UI makes it; the error text, empty when it went through.
using Call = std::function<QString(Services &)>;

QString errorOf(const auto &result)
{
    return result ? QString() : result.error();
}

//! Runs a verification job or batch to its end: the refusal's words, or empty when it was not
//! refused (it then reached the sandbox, whatever the payer said).
QString refusalOfJob(Job *job)
{
    QString error;
    Job::Error code = Job::Error::NoError;
    bool done = false;
    QObject::connect(job, &Job::finished, job, [&] {
        code = job->error();
        error = job->errorString();
        done = true;
    });
    QTimer::singleShot(0, job, &Job::start);
    if (!QTest::qWaitFor([&] { return done; }, 20000))
        return QStringLiteral("the job did not finish");
    return code == Job::Error::NotPermitted ? error : QString();
}

const QList<std::tuple<const char *, Permission, Call>> &calls()
{
    static const QList<std::tuple<const char *, Permission, Call>> list = {
        {"clinical summary", Permission::MedicalHistory,
         [](Services &s) {
             return errorOf(TestSupport::await(s.records.summary(s.patient, QDate(2026, 12, 2))));
         }},
        {"chart", Permission::MedicalHistory,
         [](Services &s) { return errorOf(TestSupport::await(s.chart.chart(s.patient))); }},
        {"reconcile review", Permission::Reconcile,
         [](Services &s) {
             return errorOf(TestSupport::await(s.chart.review(s.patient, ClinicalSummary{})));
         }},
        {"reconcile apply", Permission::Reconcile,
         [](Services &s) {
             // Allowed, it reaches the business rules: an empty list is refused for being empty.
             const QString error = errorOf(TestSupport::await(s.chart.apply(s.patient, {}, true)));
             return error.startsWith(QStringLiteral("Nothing to apply")) ? QString() : error;
         }},
        {"verify a coverage", Permission::EligibilityRun,
         [](Services &s) {
             VerifyOptions options;
             options.force = true;
             return refusalOfJob(s.eligibility.verify(s.coverage, options));
         }},
        {"verify a batch", Permission::EligibilityRun,
         [](Services &s) {
             VerifyOptions options;
             options.force = true;
             return refusalOfJob(s.eligibility.verifyCoverages({s.coverage}, options));
         }},
        {"edit a patient", Permission::PatientsEdit,
         [](Services &s) {
             const auto patient = TestSupport::await(s.patients.open(s.patient));
             if (!patient)
                 return patient.error();
             return errorOf(TestSupport::await(s.patients.updatePatient(*patient)));
         }},
        {"save a coverage", Permission::PatientsEdit,
         [](Services &s) {
             const auto coverages = TestSupport::await(s.patients.coverages(s.patient));
             if (!coverages || coverages->isEmpty())
                 return QStringLiteral("no coverage to save");
             return errorOf(TestSupport::await(s.patients.saveCoverage(coverages->first())));
         }},
        {"register a patient", Permission::PatientsEdit,
         [](Services &s) {
             Patient patient;
             patient.firstName = QStringLiteral("Ingrid");
             patient.lastName = QStringLiteral("Vasquez-Holm");
             patient.dateOfBirth = QDate(1979, 3, 14);
             patient.gender = Gender::Female;
             return errorOf(TestSupport::await(s.patients.registerPatient(patient)));
         }},
    };
    return list;
}

Session sessionFor(Role role, const QString &name = {})
{
    const QString user = name.isEmpty() ? roleCode(role) + QStringLiteral("-1") : name;
    return Session{user, user, role};
}
} // namespace

class TestMedicalAccess : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void servicesFollowTheMatrix_data();
    void servicesFollowTheMatrix();
    void breakGlassOpensOnePatientsRecordsForAnHour();
    void breakGlassNeedsAReason();
    void nobodySignedInIsRefused();

private:
    int verificationCount();
    std::unique_ptr<TrainingEnvironment> m_env;
    qint64 m_patient = 0;
    qint64 m_otherPatient = 0;
    qint64 m_coverage = 0;
};

void TestMedicalAccess::initTestCase()
{
    TrainingEnvironment::Options options;
    options.seed = false;
    m_env = std::make_unique<TrainingEnvironment>(options);
    QVERIFY2(m_env->isReady(), qPrintable(m_env->error()));
    m_coverage = m_env->addPatientWithCoverage(QStringLiteral("Rosalind"),
                                               QStringLiteral("Okafor"), QStringLiteral("MA100"));
    QVERIFY(m_coverage > 0);
    QVERIFY(m_env->addPatientWithCoverage(QStringLiteral("Tobias"), QStringLiteral("Lindqvist"),
                                          QStringLiteral("MA200")) > 0);
    m_patient = m_env->patientId(QStringLiteral("Rosalind"));
    m_otherPatient = m_env->patientId(QStringLiteral("Tobias"));
    QVERIFY(m_patient > 0 && m_otherPatient > 0);
}

void TestMedicalAccess::servicesFollowTheMatrix_data()
{
    QTest::addColumn<Role>("role");
    QTest::addColumn<int>("call");
    for (Role role : Access::roles()) {
        for (qsizetype i = 0; i < calls().size(); ++i) {
            QTest::addRow("%s: %s", qPrintable(roleCode(role)), std::get<0>(calls().at(i)))
                << role << int(i);
        }
    }
}

void TestMedicalAccess::servicesFollowTheMatrix()
{
    QFETCH(Role, role);
    QFETCH(int, call);
    const auto &[name, permission, run] = calls().at(call);
    AccessControl access(&m_env->store());
    access.setSession(sessionFor(role));
    ChartService chart(&m_env->store(), access.session().userName);
    chart.setAccessControl(&access);
    MedicalRecordService records(&m_env->store(), nullptr);
    records.setAccessControl(&access);
    PatientService patients(&m_env->store(), access.session().userName);
    patients.setAccessControl(&access);
    EligibilityService &eligibility = m_env->service();
    eligibility.setAccessControl(&access);
    const auto stopChecking = qScopeGuard([&eligibility] { eligibility.setAccessControl(nullptr); });
    Services services{chart, records, patients, eligibility, m_patient, m_coverage};

    const int attemptsBefore = verificationCount();
    const QString error = run(services);
    const bool allowed = Access::allows(role, permission);
    QCOMPARE(access.can(permission, m_patient), allowed);
    if (allowed) {
        QVERIFY2(error.isEmpty(), qPrintable(error));
    } else {
        QVERIFY(!error.isEmpty());
        QCOMPARE(error, access.refusal(permission, m_patient));
        QVERIFY2(error.contains(roleTitle(role)), qPrintable(error));
        // Refused before anything is stored or sent.
        QCOMPARE(verificationCount(), attemptsBefore);
    }
}

int TestMedicalAccess::verificationCount()
{
    const auto count = m_env->read([](const QString &connection) {
        QSqlQuery query(QSqlDatabase::database(connection));
        return query.exec(QStringLiteral("SELECT count(*) FROM verifications")) && query.next()
            ? query.value(0).toInt()
            : -1;
    });
    return count;
}

void TestMedicalAccess::breakGlassOpensOnePatientsRecordsForAnHour()
{
    AccessControl access(&m_env->store());
    access.setSession(sessionFor(Role::Biller, QStringLiteral("biller-bg")));
    ChartService chart(&m_env->store(), QStringLiteral("biller-bg"));
    chart.setAccessControl(&access);
    MedicalRecordService records(&m_env->store(), nullptr);
    records.setAccessControl(&access);

    const QString refused = TestSupport::await(chart.chart(m_patient)).error();
    QVERIFY2(refused.contains(QStringLiteral("Emergency Access")), qPrintable(refused));

    const QDateTime before = QDateTime::currentDateTimeUtc();
    const StoreResult<BreakGlassGrant> grant = TestSupport::await(access.breakGlass(
        m_patient, QStringLiteral("Patient collapsed in the waiting room; allergies needed")));
    QVERIFY2(grant, qPrintable(grant.error()));
    QCOMPARE(grant->userName, QStringLiteral("biller-bg"));
    QVERIFY(qAbs(grant->expiresAt.secsTo(before.addSecs(3600))) < 60);

    // This patient's records now; not another patient's, and never reconciliation.
    QVERIFY(TestSupport::await(chart.chart(m_patient)));
    QVERIFY(TestSupport::await(records.summary(m_patient, QDate(2026, 12, 2))));
    QVERIFY(!TestSupport::await(chart.chart(m_otherPatient)));
    QVERIFY(!TestSupport::await(chart.apply(m_patient, {}, true)));

    // Audited and listed for the administrator's review.
    const auto audit = m_env->read([](const QString &connection) {
        return AuditLog(connection).entries(50);
    });
    QVERIFY(audit);
    QVERIFY(std::any_of(audit->cbegin(), audit->cend(), [&](const AuditEntry &entry) {
        return entry.action == QLatin1String("break_glass.open")
            && entry.user == QLatin1String("biller-bg") && entry.entityId == m_patient;
    }));
    const auto listed = m_env->read([](const QString &connection) {
        return BreakGlassRepository(connection).unreviewed();
    });
    QVERIFY(listed);
    QVERIFY(std::any_of(listed->cbegin(), listed->cend(), [&](const BreakGlassGrant &g) {
        return g.id == grant->id && g.reason.contains(QStringLiteral("collapsed"));
    }));

    // A restart keeps it (loaded from the store); another person signing in does not get it.
    AccessControl restarted(&m_env->store());
    restarted.setSession(sessionFor(Role::Biller, QStringLiteral("biller-bg")));
    QVERIFY(!restarted.can(Permission::MedicalHistory, m_patient));
    QVERIFY(TestSupport::await(restarted.loadGrants()));
    QVERIFY(restarted.can(Permission::MedicalHistory, m_patient));
    QVERIFY(restarted.can(Permission::Documents, m_patient));
    restarted.setSession(sessionFor(Role::Biller, QStringLiteral("biller-other")));
    QVERIFY(!restarted.can(Permission::MedicalHistory, m_patient));
    QVERIFY(TestSupport::await(restarted.loadGrants()));
    QVERIFY(!restarted.can(Permission::MedicalHistory, m_patient));
}

void TestMedicalAccess::breakGlassNeedsAReason()
{
    AccessControl access(&m_env->store());
    access.setSession(sessionFor(Role::FrontDesk, QStringLiteral("desk-bg")));
    for (const QString &reason : {QString(), QStringLiteral("   "), QStringLiteral("need it")}) {
        const StoreResult<BreakGlassGrant> grant =
            TestSupport::await(access.breakGlass(m_otherPatient, reason));
        QVERIFY(!grant);
        QVERIFY2(grant.error().contains(QStringLiteral("why")), qPrintable(grant.error()));
    }
    QVERIFY(!access.can(Permission::MedicalHistory, m_otherPatient));
    const auto listed = m_env->read([](const QString &connection) {
        return BreakGlassRepository(connection).active(QStringLiteral("desk-bg"),
                                                       QDateTime::currentDateTimeUtc());
    });
    QVERIFY(listed);
    QVERIFY(listed->isEmpty());
}

void TestMedicalAccess::nobodySignedInIsRefused()
{
    AccessControl access(&m_env->store());
    for (Permission permission : Access::allPermissions())
        QVERIFY(!access.can(permission, m_patient));
}

QTEST_GUILESS_MAIN(TestMedicalAccess)
#include "tst_medicalaccess.moc"

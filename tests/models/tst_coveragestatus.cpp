// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The coverage table and the history speak the status vocabulary: a payer's refusal is REJECTED
// with its AAA code, an unreachable payer COULD NOT VERIFY, and "Last Verified" stays at the
// last time the payer answered, through real verifications against the sandbox.
#include "common/trainingenvironment.h"
#include "models/coveragemodel.h"
#include "models/modelroles.h"
#include "models/verificationhistorymodel.h"
#include "services/eligibility/benefitsummary.h"
#include "services/store/coveragerepository.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using Tester = QAbstractItemModelTester;

class TestCoverageStatus : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rejectedAndCouldNotVerifyKeepLastVerified();
    void lastVerifiedReadBackFromTheStore();

private:
    //! Changes the coverage's member ID through the service (as the form does).
    static bool changeMemberId(TrainingEnvironment &env, qint64 coverageId, const QString &memberId)
    {
        const std::optional<Coverage> coverage = env.read([coverageId](const QString &connection) {
            return CoverageRepository(connection).find(coverageId).valueOr(std::nullopt);
        });
        if (!coverage)
            return false;
        Coverage changed = *coverage;
        changed.memberId = memberId;
        return TestSupport::await(env.patients().saveCoverage(changed)).ok();
    }
    static QString cell(const QAbstractItemModel &model, int row, int column)
    {
        return model.index(row, column).data().toString();
    }
};

void TestCoverageStatus::rejectedAndCouldNotVerifyKeepLastVerified()
{
    TrainingEnvironment::Options options;
    options.maxTries = 1;
    TrainingEnvironment env(options);
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    const qint64 coverageId = env.addPatientWithCoverage(
        QStringLiteral("Val"), QStringLiteral("Ocabulary"), QStringLiteral("ACT100001"));
    QVERIFY(coverageId > 0);
    const qint64 patientId = env.read([coverageId](const QString &connection) -> qint64 {
        const auto c = CoverageRepository(connection).find(coverageId);
        return c && c->has_value() ? (*c)->patientId : 0;
    });
    QVERIFY(patientId > 0);

    CoverageModel coverages(&env.service(), &env.patients());
    Tester coverageTester(&coverages, Tester::FailureReportingMode::QtTest);
    VerificationHistoryModel history(&env.service());
    Tester historyTester(&history, Tester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&coverages, &CoverageModel::loaded);
    coverages.setPatient(patientId);
    QVERIFY(loaded.wait());
    history.setCoverage(coverageId);
    QCOMPARE(coverages.rowCount(), 1);
    QCOMPARE(cell(coverages, 0, CoverageModel::StatusColumn), QStringLiteral("NOT VERIFIED"));
    QCOMPARE(cell(coverages, 0, CoverageModel::VerifiedColumn), QString());
    QCOMPARE(coverages.headerData(CoverageModel::VerifiedColumn, Qt::Horizontal).toString(),
             QStringLiteral("Last Verified"));

    // The payer answers: ACTIVE, verified then.
    const Verification active = env.verifyAndWait(coverageId);
    QCOMPARE(active.status, VerificationStatus::Verified);
    QTRY_COMPARE(cell(coverages, 0, CoverageModel::StatusColumn), QStringLiteral("ACTIVE"));
    const QString activeAt = BenefitSummary::formatDateTime(active.completedAt);
    QVERIFY(!activeAt.isEmpty());
    QCOMPARE(cell(coverages, 0, CoverageModel::VerifiedColumn), activeAt);
    QCOMPARE(coverages.lastVerifiedAt(0), active.completedAt);

    // The payer refuses (AAA 72): REJECTED with the code; not a verification.
    QVERIFY(changeMemberId(env, coverageId, QStringLiteral("BAD600006")));
    const Verification rejected = env.verifyAndWait(coverageId);
    QCOMPARE(rejected.status, VerificationStatus::Failed);
    QCOMPARE(rejected.error, VerificationError::Rejected);
    QTRY_COMPARE(cell(coverages, 0, CoverageModel::StatusColumn),
                 QStringLiteral("REJECTED — AAA 72"));
    QCOMPARE(coverages.index(0, CoverageModel::StatusColumn).data(ModelRoles::StatusKeyRole),
             QVariant(QStringLiteral("rejected")));
    QVERIFY(coverages.index(0, CoverageModel::StatusColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("member ID is invalid")));
    QCOMPARE(coverages.lastVerifiedAt(0), active.completedAt);
    QCOMPARE(cell(coverages, 0, CoverageModel::VerifiedColumn), activeAt);

    // The clearinghouse fails (HTTP 503): COULD NOT VERIFY; still verified when it answered.
    QVERIFY(changeMemberId(env, coverageId, QStringLiteral("ERR500011")));
    const Verification unreachable = env.verifyAndWait(coverageId);
    QCOMPARE(unreachable.status, VerificationStatus::Failed);
    QCOMPARE(unreachable.error, VerificationError::ServerError);
    QTRY_COMPARE(cell(coverages, 0, CoverageModel::StatusColumn),
                 QStringLiteral("COULD NOT VERIFY"));
    QCOMPARE(coverages.lastVerifiedAt(0), active.completedAt);
    QCOMPARE(cell(coverages, 0, CoverageModel::VerifiedColumn), activeAt);

    // The history, newest first, in the same words.
    QTRY_COMPARE(history.rowCount(), 3);
    QCOMPARE(cell(history, 0, VerificationHistoryModel::StatusColumn),
             QStringLiteral("COULD NOT VERIFY"));
    QCOMPARE(cell(history, 1, VerificationHistoryModel::StatusColumn),
             QStringLiteral("REJECTED — AAA 72"));
    QCOMPARE(cell(history, 2, VerificationHistoryModel::StatusColumn), QStringLiteral("ACTIVE"));
    QCOMPARE(history.rowOf(rejected.id), 1);
}

void TestCoverageStatus::lastVerifiedReadBackFromTheStore()
{
    TrainingEnvironment::Options options;
    options.maxTries = 1;
    TrainingEnvironment env(options);
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    const qint64 coverageId = env.coverageId(QStringLiteral("ACT100001"));
    const qint64 jane = env.patientId(QStringLiteral("Jane"));
    QVERIFY(coverageId > 0 && jane > 0);
    const Verification active = env.verifyAndWait(coverageId);
    QCOMPARE(active.status, VerificationStatus::Verified);
    QVERIFY(changeMemberId(env, coverageId, QStringLiteral("ERR500011")));
    QCOMPARE(env.verifyAndWait(coverageId).error, VerificationError::ServerError);
    QVERIFY(changeMemberId(env, coverageId, QStringLiteral("BAD600006")));
    QCOMPARE(env.verifyAndWait(coverageId).error, VerificationError::Rejected);

    // A fresh model reads the latest attempt and the last answer separately.
    CoverageModel coverages(&env.service(), &env.patients());
    Tester tester(&coverages, Tester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&coverages, &CoverageModel::loaded);
    coverages.setPatient(jane);
    QVERIFY(loaded.wait());
    const int row = coverages.rowOfCoverage(coverageId);
    QVERIFY(row >= 0);
    QCOMPARE(cell(coverages, row, CoverageModel::StatusColumn),
             QStringLiteral("REJECTED — AAA 72"));
    QCOMPARE(coverages.lastVerifiedAt(row), active.completedAt);
    QCOMPARE(cell(coverages, row, CoverageModel::VerifiedColumn),
             BenefitSummary::formatDateTime(active.completedAt));
    // Jane's other coverage was never answered: no date, and a tooltip that says so.
    const int other = row == 0 ? 1 : 0;
    QCOMPARE(cell(coverages, other, CoverageModel::VerifiedColumn), QString());
    QVERIFY(!coverages.index(other, CoverageModel::VerifiedColumn)
                 .data(Qt::ToolTipRole)
                 .toString()
                 .isEmpty());
}

QTEST_GUILESS_MAIN(TestCoverageStatus)
#include "tst_coveragestatus.moc"

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The item models under QAbstractItemModelTester, with live updates from real verifications.
#include "common/trainingenvironment.h"
#include "models/benefitsmodel.h"
#include "models/coveragemodel.h"
#include "models/modelroles.h"
#include "models/patientsearchmodel.h"
#include "models/schedulemodel.h"
#include "models/verificationhistorymodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using Tester = QAbstractItemModelTester;

class TestModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void patientSearch_data();
    void patientSearch();
    void scheduleFollowsVerificationsRowByRow();
    void coveragesAndHistory();
    void benefitsTable();
};

void TestModels::patientSearch_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("names");
    QTest::newRow("last name prefix") << "garc" << QStringList{"Garcia, Maria"};
    QTest::newRow("first and last") << "smith jane" << QStringList{"Smith, Jane"};
    QTest::newRow("member id") << "ACT200002" << QStringList{"Smith, Chris"};
    QTest::newRow("date of birth") << "02/10/1996" << QStringList{"Smith, Jane"};
    QTest::newRow("nobody") << "zzzz" << QStringList{};
}

void TestModels::patientSearch()
{
    QFETCH(QString, text);
    QFETCH(QStringList, names);
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    PatientSearchModel model(&env.service().patients());
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    model.setSearchText(text);
    QStringList got;
    for (int row = 0; row < model.rowCount(); ++row)
        got << model.index(row, PatientSearchModel::NameColumn).data().toString();
    QCOMPARE(got, names);
    if (!names.isEmpty()) {
        const QModelIndex first = model.index(0, 0);
        QVERIFY(first.data(ModelRoles::PatientIdRole).toLongLong() > 0);
        QCOMPARE(model.patientAt(0).id, first.data(ModelRoles::IdRole).toLongLong());
    }
    model.setSearchText(QString());
    QVERIFY(model.rowCount() >= 12);
}

void TestModels::scheduleFollowsVerificationsRowByRow()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    ScheduleModel model(&env.service());
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    model.setDay(QDate::currentDate());
    QVERIFY(model.rowCount() >= 10);
    QCOMPARE(model.columnCount(), int(ScheduleModel::ColumnCount));
    // Rows are in time order.
    for (int row = 1; row < model.rowCount(); ++row)
        QVERIFY(model.rowAt(row - 1).appointment.start <= model.rowAt(row).appointment.start);

    int janeRow = -1;
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.rowAt(row).patient.firstName == QLatin1String("Jane"))
            janeRow = row;
    }
    QVERIFY(janeRow >= 0);
    QCOMPARE(model.index(janeRow, ScheduleModel::StatusColumn)
                 .data(ModelRoles::StatusKeyRole)
                 .toString(),
             QStringLiteral("none"));

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    const Verification v = env.verifyAndWait(model.rowAt(janeRow).coverage->id);
    QCOMPARE(v.status, VerificationStatus::Verified);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(changed.size(), 2); // started (checking), finished
    for (const QList<QVariant> &args : std::as_const(changed)) {
        QCOMPARE(args.at(0).toModelIndex().row(), janeRow);
        QCOMPARE(args.at(1).toModelIndex().row(), janeRow);
    }
    QCOMPARE(model.index(janeRow, ScheduleModel::StatusColumn).data().toString(),
             QStringLiteral("ACTIVE"));
    QCOMPARE(model.index(janeRow, ScheduleModel::StatusColumn)
                 .data(ModelRoles::StatusKeyRole)
                 .toString(),
             QStringLiteral("active"));
    QCOMPARE(model.index(janeRow, ScheduleModel::CopayColumn).data().toString(),
             QStringLiteral("$25.00"));

    // Coverage IDs for the whole day include secondary coverages (Jane has two).
    const QList<qint64> all = model.coverageIds();
    const QList<qint64> janeOnly = model.coverageIds({janeRow});
    QCOMPARE(janeOnly.size(), 2);
    QVERIFY(all.size() > janeOnly.size());
}

void TestModels::coveragesAndHistory()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    const qint64 robert = env.patientId(QStringLiteral("Robert"));
    CoverageModel coverages(&env.service());
    Tester coverageTester(&coverages, Tester::FailureReportingMode::QtTest);
    coverages.setPatient(robert);
    QCOMPARE(coverages.rowCount(), 3);
    QCOMPARE(coverages.index(0, CoverageModel::OrderColumn).data().toString(),
             QStringLiteral("Primary"));
    QCOMPARE(coverages.index(2, CoverageModel::OrderColumn).data().toString(),
             QStringLiteral("Tertiary"));
    QCOMPARE(coverages.index(0, CoverageModel::StatusColumn).data().toString(),
             QStringLiteral("NOT VERIFIED"));

    const qint64 primary = coverages.coverageAt(0).id;
    VerificationHistoryModel history(&env.service());
    Tester historyTester(&history, Tester::FailureReportingMode::QtTest);
    history.setCoverage(primary);
    QCOMPARE(history.rowCount(), 0);
    QSignalSpy inserted(&history, &QAbstractItemModel::rowsInserted);
    QSignalSpy historyReset(&history, &QAbstractItemModel::modelReset);
    QSignalSpy coverageReset(&coverages, &QAbstractItemModel::modelReset);

    VerifyOptions force;
    force.force = true;
    env.verifyAndWait(primary, force);
    env.verifyAndWait(primary, force);
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(historyReset.size(), 0);
    QCOMPARE(coverageReset.size(), 0);
    QCOMPARE(history.rowCount(), 2);
    QCOMPARE(history.index(0, VerificationHistoryModel::StatusColumn).data().toString(),
             QStringLiteral("Verified"));
    QCOMPARE(history.index(0, VerificationHistoryModel::UserColumn).data().toString(),
             QStringLiteral("tester"));
    QVERIFY(history.verificationAt(0).id > history.verificationAt(1).id);
    QCOMPARE(coverages.index(0, CoverageModel::StatusColumn).data().toString(),
             QStringLiteral("ACTIVE"));
    // Another coverage's verification does not touch this history.
    env.verifyAndWait(coverages.coverageAt(1).id);
    QCOMPARE(history.rowCount(), 2);
}

void TestModels::benefitsTable()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    const Verification v = env.verifyAndWait(env.coverageId(QStringLiteral("ACT100001")));
    BenefitsModel model;
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    model.setResult(v.result);
    QStringList lines;
    for (int row = 0; row < model.rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < BenefitsModel::ColumnCount; ++column)
            cells << model.index(row, column).data().toString();
        lines << cells.join(QLatin1Char('|'));
    }
    QCOMPARE(lines, (QStringList{
                        "Copay|Office visit|In network|Individual|$25.00 per visit||",
                        "Copay|Office visit|Out of network|Individual|$50.00 per visit||",
                        "Coinsurance|Health benefit plan coverage|In network|Individual|20 %||",
                        "Deductible|Health benefit plan coverage|In network|Individual|$1,500.00 "
                        "per calendar year|$700.00|",
                        "Deductible|Health benefit plan coverage|In network|Family|$3,000.00 per "
                        "calendar year||",
                        "Out-of-pocket maximum|Health benefit plan coverage|In "
                        "network|Individual|$5,000.00 per calendar year|$3,200.00|",
                    }));
    QCOMPARE(
        model.index(3, BenefitsModel::RemainingColumn).data(ModelRoles::ValueRole).toLongLong(),
        70000);
    model.setResult(std::nullopt);
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestModels)
#include "tst_models.moc"

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The schedule, coverage, history and benefits models under QAbstractItemModelTester, loaded
// through the services and following real verifications and edits row by row.
#include "common/trainingenvironment.h"
#include "models/benefitsmodel.h"
#include "models/coveragemodel.h"
#include "models/modelroles.h"
#include "models/schedulemodel.h"
#include "models/verificationhistorymodel.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTest>

#include <type_traits>

using Tester = QAbstractItemModelTester;

// The schedule stands on its own value type, not on the day sheet's report data.
static_assert(
    std::is_same_v<decltype(std::declval<ScheduleModel>().entryAt(0)), const ScheduleEntry &>);

namespace {
//! Lets every queued store task finish and the answers reach their receivers.
void settle(Store &store)
{
    store.drain();
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
}

//! The rows (first and last) that dataChanged signals covered.
QList<std::pair<int, int>> changedRows(const QSignalSpy &spy)
{
    QList<std::pair<int, int>> rows;
    for (const QList<QVariant> &args : spy)
        rows.append({args.at(0).toModelIndex().row(), args.at(1).toModelIndex().row()});
    return rows;
}

int rowOfFirstName(const ScheduleModel &model, const QString &firstName)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.entryAt(row).patient.firstName == firstName)
            return row;
    }
    return -1;
}
} // namespace

class TestModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void scheduleFollowsVerificationsRowByRow();
    void scheduleReloadWithoutChangesKeepsRows();
    void scheduleCollectUsesEachVisitType();
    void schedulePatientEditUpdatesNameInPlace();
    void coveragesAndHistory();
    void coverageVerificationUpdatesOnlyItsRow();
    void historyKeepsSelectionWhenAttemptsArrive();
    void benefitsTable();
};

void TestModels::scheduleFollowsVerificationsRowByRow()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    ScheduleModel model(&env.service(), &env.patients());
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &ScheduleModel::loaded);
    model.setDay(QDate::currentDate());
    QCOMPARE(model.day(), QDate::currentDate());
    QVERIFY(model.isLoading());
    QVERIFY(loaded.wait());
    QVERIFY(!model.isLoading());
    QCOMPARE(model.errorString(), QString());
    QVERIFY(model.rowCount() >= 10);
    QCOMPARE(model.columnCount(), int(ScheduleModel::ColumnCount));
    // Rows are in time order.
    for (int row = 1; row < model.rowCount(); ++row)
        QVERIFY(model.entryAt(row - 1).appointment.start <= model.entryAt(row).appointment.start);

    const int janeRow = rowOfFirstName(model, QStringLiteral("Jane"));
    QVERIFY(janeRow >= 0);
    QCOMPARE(model.index(janeRow, ScheduleModel::StatusColumn)
                 .data(ModelRoles::StatusKeyRole)
                 .toString(),
             QStringLiteral("none"));

    QItemSelectionModel selection(&model);
    selection.setCurrentIndex(model.index(janeRow, 0),
                              QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    const Verification v = env.verifyAndWait(model.entryAt(janeRow).coverage->id);
    QCOMPARE(v.status, VerificationStatus::Verified);
    settle(env.store());
    QCOMPARE(reset.size(), 0);
    QCOMPARE(removed.size(), 0);
    QCOMPARE(inserted.size(), 0);
    // Started (checking) and finished, each on Jane's row only.
    QCOMPARE(changedRows(changed),
             (QList<std::pair<int, int>>{{janeRow, janeRow}, {janeRow, janeRow}}));
    QCOMPARE(model.index(janeRow, ScheduleModel::StatusColumn).data().toString(),
             QStringLiteral("ACTIVE"));
    QCOMPARE(model.index(janeRow, ScheduleModel::StatusColumn)
                 .data(ModelRoles::StatusKeyRole)
                 .toString(),
             QStringLiteral("active"));
    // Jane's follow-up: the PPO's office visit copay, with how it was worked out.
    const QModelIndex collect = model.index(janeRow, ScheduleModel::CollectColumn);
    QCOMPARE(collect.data().toString(), QStringLiteral("$25.00"));
    QVERIFY2(collect.data(Qt::ToolTipRole).toString().contains(QLatin1String("copay")),
             qPrintable(collect.data(Qt::ToolTipRole).toString()));
    QCOMPARE(model.headerData(ScheduleModel::CollectColumn, Qt::Horizontal).toString(),
             QStringLiteral("Collect"));
    QVERIFY(selection.isRowSelected(janeRow, {}));
    QCOMPARE(selection.currentIndex().row(), janeRow);

    // Coverage IDs for the whole day include secondary coverages (Jane has two).
    const QList<qint64> all = model.coverageIds();
    const QList<qint64> janeOnly = model.coverageIds({janeRow});
    QCOMPARE(janeOnly.size(), 2);
    QVERIFY(all.size() > janeOnly.size());
}

void TestModels::scheduleCollectUsesEachVisitType()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    EligibilitySettings settings = env.service().settings();
    settings.visitFees = {{QStringLiteral("Well child visit"), QStringLiteral("81"), 20000}};
    settings.officeVisitCents = 9000;
    env.service().setSettings(settings);
    ScheduleModel model(&env.service(), &env.patients());
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &ScheduleModel::loaded);
    model.setDay(QDate::currentDate());
    QVERIFY(loaded.wait());

    // Lily's well child visit: her family plan has no copay for a routine physical, so the
    // $200.00 charge goes toward the $2,400.00 left of the family deductible.
    const int lilyRow = rowOfFirstName(model, QStringLiteral("Lily"));
    QVERIFY(lilyRow >= 0);
    QCOMPARE(model.entryAt(lilyRow).appointment.visitType, QStringLiteral("Well child visit"));
    const QModelIndex collect = model.index(lilyRow, ScheduleModel::CollectColumn);
    QCOMPARE(collect.data().toString(), QString()); // not verified: nothing to say yet
    QVERIFY(!model.collectAt(lilyRow));
    env.verifyAndWait(model.entryAt(lilyRow).coverage->id);
    settle(env.store());
    QCOMPARE(collect.data().toString(), QStringLiteral("$200.00"));
    QCOMPARE(model.collectAt(lilyRow)->basis, CollectToday::Basis::Deductible);
    QVERIFY2(collect.data(Qt::ToolTipRole).toString().contains(QLatin1String("$2,400.00 left")),
             qPrintable(collect.data(Qt::ToolTipRole).toString()));

    // A visit type not in the fee list (a cardiology consult) is an office visit: the copay.
    const int robertRow = rowOfFirstName(model, QStringLiteral("Robert"));
    QVERIFY(robertRow >= 0);
    env.verifyAndWait(model.entryAt(robertRow).coverage->id);
    settle(env.store());
    QCOMPARE(model.index(robertRow, ScheduleModel::CollectColumn).data().toString(),
             QStringLiteral("$25.00"));
    QVERIFY(model.index(robertRow, ScheduleModel::CollectColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QLatin1String("office visit assumed")));

    // An answer that is not ACTIVE has nothing to collect from the plan.
    const int andreasRow = rowOfFirstName(model, QStringLiteral("Andreas"));
    env.verifyAndWait(model.entryAt(andreasRow).coverage->id);
    settle(env.store());
    QCOMPARE(model.index(andreasRow, ScheduleModel::StatusColumn).data().toString(),
             BenefitSummary::verdictText(Verdict::Inactive));
    QCOMPARE(model.index(andreasRow, ScheduleModel::CollectColumn).data().toString(), QString());
}

void TestModels::scheduleReloadWithoutChangesKeepsRows()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    ScheduleModel model(&env.service(), &env.patients());
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &ScheduleModel::loaded);
    model.setDay(QDate::currentDate());
    QVERIFY(loaded.wait());
    const int rows = model.rowCount();
    QVERIFY(rows >= 10);

    QItemSelectionModel selection(&model);
    selection.setCurrentIndex(model.index(3, 0),
                              QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.reload();
    QVERIFY(loaded.wait());
    QCOMPARE(model.rowCount(), rows);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(removed.size(), 0);
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(changed.size(), 0); // nothing changed, nothing repainted
    QVERIFY(selection.isRowSelected(3, {}));

    // After a verification the stored answer reads back as the live one: still no reset.
    const int janeRow = rowOfFirstName(model, QStringLiteral("Jane"));
    QVERIFY(janeRow >= 0);
    QCOMPARE(env.verifyAndWait(model.entryAt(janeRow).coverage->id).status,
             VerificationStatus::Verified);
    model.reload();
    QVERIFY(loaded.wait());
    QCOMPARE(reset.size(), 0);
    QCOMPARE(removed.size(), 0);
    QCOMPARE(model.index(janeRow, ScheduleModel::StatusColumn).data().toString(),
             QStringLiteral("ACTIVE"));
    QVERIFY(selection.isRowSelected(3, {}));

    // Another day is another list: that one resets.
    model.setDay(QDate::currentDate().addDays(1));
    QVERIFY(loaded.wait());
    QVERIFY(reset.size() >= 1);
    QCOMPARE(model.day(), QDate::currentDate().addDays(1));
}

void TestModels::schedulePatientEditUpdatesNameInPlace()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    ScheduleModel model(&env.service(), &env.patients());
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &ScheduleModel::loaded);
    model.setDay(QDate::currentDate());
    QVERIFY(loaded.wait());
    const int janeRow = rowOfFirstName(model, QStringLiteral("Jane"));
    const int chrisRow = rowOfFirstName(model, QStringLiteral("Chris"));
    QVERIFY(janeRow >= 0 && chrisRow >= 0);

    QItemSelectionModel selection(&model);
    selection.setCurrentIndex(model.index(chrisRow, 0),
                              QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    Patient jane = model.entryAt(janeRow).patient;
    jane.lastName = QStringLiteral("Smith-Okafor");
    const StoreResult<Patient> saved = TestSupport::await(env.patients().updatePatient(jane));
    QVERIFY2(saved.ok(), qPrintable(saved.error()));
    QTRY_COMPARE(changed.size(), 1);
    QCOMPARE(changedRows(changed), (QList<std::pair<int, int>>{{janeRow, janeRow}}));
    QCOMPARE(model.index(janeRow, ScheduleModel::PatientColumn).data().toString(),
             QStringLiteral("Smith-Okafor, Jane"));
    QCOMPARE(model.entryAt(janeRow).patient.lastName, QStringLiteral("Smith-Okafor"));
    QCOMPARE(reset.size(), 0);
    QCOMPARE(removed.size(), 0);
    QVERIFY(selection.isRowSelected(chrisRow, {}));
    QCOMPARE(selection.currentIndex().row(), chrisRow);

    // Read again from the database, the row says the same.
    model.reload();
    QVERIFY(loaded.wait());
    QCOMPARE(model.index(janeRow, ScheduleModel::PatientColumn).data().toString(),
             QStringLiteral("Smith-Okafor, Jane"));
    QCOMPARE(reset.size(), 0);
}

void TestModels::coveragesAndHistory()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    const qint64 robert = env.patientId(QStringLiteral("Robert"));
    QVERIFY(robert > 0);
    CoverageModel coverages(&env.service(), &env.patients());
    Tester coverageTester(&coverages, Tester::FailureReportingMode::QtTest);
    QSignalSpy coveragesLoaded(&coverages, &CoverageModel::loaded);
    coverages.setPatient(robert);
    QCOMPARE(coverages.patientId(), robert);
    QVERIFY(coveragesLoaded.wait());
    QCOMPARE(coverages.errorString(), QString());
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
    QSignalSpy historyLoaded(&history, &VerificationHistoryModel::loaded);
    history.setCoverage(primary);
    QVERIFY(historyLoaded.wait());
    QCOMPARE(history.errorString(), QString());
    QCOMPARE(history.rowCount(), 0);
    QSignalSpy inserted(&history, &QAbstractItemModel::rowsInserted);
    QSignalSpy historyReset(&history, &QAbstractItemModel::modelReset);
    QSignalSpy coverageReset(&coverages, &QAbstractItemModel::modelReset);

    VerifyOptions force;
    force.force = true;
    QCOMPARE(env.verifyAndWait(primary, force).status, VerificationStatus::Verified);
    QCOMPARE(env.verifyAndWait(primary, force).status, VerificationStatus::Verified);
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(historyReset.size(), 0);
    QCOMPARE(coverageReset.size(), 0);
    QCOMPARE(history.rowCount(), 2);
    QCOMPARE(history.index(0, VerificationHistoryModel::StatusColumn).data().toString(),
             QStringLiteral("ACTIVE"));
    QCOMPARE(history.index(0, VerificationHistoryModel::UserColumn).data().toString(),
             QStringLiteral("tester"));
    QVERIFY(history.verificationAt(0).id > history.verificationAt(1).id);
    QCOMPARE(coverages.index(0, CoverageModel::StatusColumn).data().toString(),
             QStringLiteral("ACTIVE"));
    // Another coverage's verification does not touch this history.
    env.verifyAndWait(coverages.coverageAt(1).id);
    QCOMPARE(history.rowCount(), 2);
    QCOMPARE(inserted.size(), 2);

    // What the history shows is what is stored.
    history.reload();
    QVERIFY(historyLoaded.wait());
    QCOMPARE(history.rowCount(), 2);
    QCOMPARE(history.index(0, VerificationHistoryModel::StatusColumn).data().toString(),
             QStringLiteral("ACTIVE"));
}

void TestModels::coverageVerificationUpdatesOnlyItsRow()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    CoverageModel coverages(&env.service(), &env.patients());
    Tester tester(&coverages, Tester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&coverages, &CoverageModel::loaded);
    coverages.setPatient(env.patientId(QStringLiteral("Robert")));
    QVERIFY(loaded.wait());
    QCOMPARE(coverages.rowCount(), 3);

    QItemSelectionModel selection(&coverages);
    selection.setCurrentIndex(coverages.index(0, 0),
                              QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QSignalSpy changed(&coverages, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&coverages, &QAbstractItemModel::modelReset);
    QSignalSpy removed(&coverages, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&coverages, &QAbstractItemModel::rowsInserted);

    // The secondary coverage: its row changes (checking, then the answer), nothing else.
    const qint64 secondary = coverages.coverageAt(1).id;
    QCOMPARE(env.verifyAndWait(secondary).status, VerificationStatus::Verified);
    settle(env.store());
    QCOMPARE(changedRows(changed), (QList<std::pair<int, int>>{{1, 1}, {1, 1}}));
    QCOMPARE(reset.size(), 0);
    QCOMPARE(removed.size(), 0);
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(coverages.index(1, CoverageModel::StatusColumn).data().toString(),
             QStringLiteral("ACTIVE"));
    QCOMPARE(coverages.index(0, CoverageModel::StatusColumn).data().toString(),
             QStringLiteral("NOT VERIFIED"));
    QCOMPARE(coverages.latestAt(1)->coverageId, secondary);
    QVERIFY(coverages.latestAt(1)->response.isEmpty()); // no raw X12 kept in the list
    QVERIFY(selection.isRowSelected(0, {}));
    QCOMPARE(selection.currentIndex().row(), 0);

    // The selected row itself changes in place and stays selected.
    changed.clear();
    QCOMPARE(env.verifyAndWait(coverages.coverageAt(0).id).status, VerificationStatus::Verified);
    QCOMPARE(changedRows(changed), (QList<std::pair<int, int>>{{0, 0}, {0, 0}}));
    QCOMPARE(reset.size(), 0);
    QVERIFY(selection.isRowSelected(0, {}));
    QVERIFY(!coverages.isPending(0));

    // Read again, the rows are the same and nothing is reset.
    coverages.reload();
    QVERIFY(loaded.wait());
    QCOMPARE(reset.size(), 0);
    QCOMPARE(coverages.index(0, CoverageModel::StatusColumn).data().toString(),
             QStringLiteral("ACTIVE"));
    QVERIFY(selection.isRowSelected(0, {}));
}

void TestModels::historyKeepsSelectionWhenAttemptsArrive()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    const qint64 coverage = env.coverageId(QStringLiteral("ACT100001"));
    QVERIFY(coverage > 0);
    const Verification first = env.verifyAndWait(coverage);
    QCOMPARE(first.status, VerificationStatus::Verified);

    VerificationHistoryModel history(&env.service());
    Tester tester(&history, Tester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&history, &VerificationHistoryModel::loaded);
    history.setCoverage(coverage);
    QVERIFY(loaded.wait());
    QCOMPARE(history.rowCount(), 1);
    QCOMPARE(history.verificationAt(0).id, first.id);

    QItemSelectionModel selection(&history);
    selection.setCurrentIndex(history.index(0, 0),
                              QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QSignalSpy inserted(&history, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&history, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&history, &QAbstractItemModel::modelReset);
    QSignalSpy removed(&history, &QAbstractItemModel::rowsRemoved);

    VerifyOptions force;
    force.force = true;
    const Verification second = env.verifyAndWait(coverage, force);
    QCOMPARE(second.status, VerificationStatus::Verified);
    // A new row on top when it starts, that row updated when it finishes.
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(changedRows(changed), (QList<std::pair<int, int>>{{0, 0}}));
    QCOMPARE(reset.size(), 0);
    QCOMPARE(removed.size(), 0);
    QCOMPARE(history.verificationAt(0).id, second.id);
    QCOMPARE(history.index(0, VerificationHistoryModel::StatusColumn).data().toString(),
             QStringLiteral("ACTIVE"));
    // The clerk's selection follows its attempt down one row.
    QCOMPARE(selection.selectedRows().size(), 1);
    QCOMPARE(selection.selectedRows().constFirst().data(ModelRoles::IdRole).toLongLong(), first.id);
    QCOMPARE(selection.currentIndex().row(), 1);
}

void TestModels::benefitsTable()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    const Verification v = env.verifyAndWait(env.coverageId(QStringLiteral("ACT100001")));
    QVERIFY(v.result.has_value());
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

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The claim form's diagnosis and service-line tables under QAbstractItemModelTester: text kept
// as typed and read into a claim, charges from units and price, pointers renumbered when a
// diagnosis goes, unreadable text as issues, the validator's issues on their cells.
#include "models/claimdiagnosesmodel.h"
#include "models/claimlinesmodel.h"
#include "models/modelroles.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using Tester = QAbstractItemModelTester;

class TestClaimTableModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void diagnosesKeepTypedTextAndStoreCodes();
    void diagnosesStopAtTwelve();
    void linesChargeUnitsTimesPrice();
    void loadedOddChargeStaysExact();
    void unreadableTextIsAnIssue_data();
    void unreadableTextIsAnIssue();
    void pointersFollowARemovedDiagnosis();
    void issuesTintTheirCells();
};

void TestClaimTableModels::diagnosesKeepTypedTextAndStoreCodes()
{
    ClaimDiagnosesModel model;
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    model.setDiagnoses({{QStringLiteral("J209"), QStringLiteral("Acute bronchitis")}});
    QCOMPARE(model.index(0, ClaimDiagnosesModel::CodeColumn).data().toString(),
             QStringLiteral("J20.9"));
    QCOMPARE(model.headerData(0, Qt::Vertical).toInt(), 1); // the pointer
    QVERIFY(model.insertRows(1, 1));
    const QModelIndex code = model.index(1, ClaimDiagnosesModel::CodeColumn);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(model.setData(code, QStringLiteral("r50.")));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(code.data(Qt::EditRole).toString(), QStringLiteral("r50.")); // as typed
    QVERIFY(model.setData(code, QStringLiteral("r50.9")));
    QCOMPARE(model.diagnoses().at(1).code, QStringLiteral("R50.9"));
    QCOMPARE(code.data(ModelRoles::ValueRole).toString(), QStringLiteral("R50.9"));
    // A misplaced dot stays for the validator to see.
    QVERIFY(model.setData(code, QStringLiteral("r5.09 ")));
    QCOMPARE(model.diagnoses().at(1).code, QStringLiteral("R5.09"));
    QVERIFY(model.setData(code, QStringLiteral("r50.9")));
    QVERIFY(model.headerData(1, Qt::Vertical, Qt::ToolTipRole).toString().contains(u'2'));
    QVERIFY(model.removeRows(0, 1));
    QCOMPARE(model.index(0, ClaimDiagnosesModel::CodeColumn).data().toString(),
             QStringLiteral("r50.9"));
    QCOMPARE(model.diagnoses().size(), 1);
}

void TestClaimTableModels::diagnosesStopAtTwelve()
{
    ClaimDiagnosesModel model;
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    QVERIFY(model.insertRows(0, ClaimValidator::MaxDiagnoses));
    QVERIFY(!model.insertRows(0, 1));
    QCOMPARE(model.rowCount(), ClaimValidator::MaxDiagnoses);
    QVERIFY(!model.removeRows(11, 2));
}

void TestClaimTableModels::linesChargeUnitsTimesPrice()
{
    ClaimLinesModel model;
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    QSignalSpy total(&model, &ClaimLinesModel::totalChanged);
    QVERIFY(model.insertRows(0, 2));
    QCOMPARE(model.lineAt(0).units, 1);
    QCOMPARE(model.lineAt(0).diagnosisPointers, QList<int>{1});
    QVERIFY(model.setData(model.index(0, ClaimLinesModel::CodeColumn), QStringLiteral(" j1100 ")));
    QVERIFY(model.setData(model.index(0, ClaimLinesModel::UnitPriceColumn), QStringLiteral("12.5")));
    QVERIFY(model.setData(model.index(0, ClaimLinesModel::UnitsColumn), QStringLiteral("3")));
    QVERIFY(model.setData(model.index(0, ClaimLinesModel::ModifiersColumn), QStringLiteral("rt, 59")));
    QVERIFY(model.setData(model.index(1, ClaimLinesModel::UnitPriceColumn), QStringLiteral("$1,000")));
    const ServiceLine line = model.lineAt(0);
    QCOMPARE(line.procedureCode, QStringLiteral("J1100"));
    QCOMPARE(line.chargeCents, 3750);
    QCOMPARE(line.modifiers, (QStringList{QStringLiteral("RT"), QStringLiteral("59")}));
    QCOMPARE(model.index(0, ClaimLinesModel::ChargeColumn).data().toString(),
             QStringLiteral("$37.50"));
    QCOMPARE(model.index(0, ClaimLinesModel::UnitPriceColumn).data().toString(),
             QStringLiteral("$12.50"));
    QCOMPARE(model.index(0, ClaimLinesModel::UnitPriceColumn).data(Qt::EditRole).toString(),
             QStringLiteral("12.5"));
    QCOMPARE(model.totalCents(), 103750);
    QCOMPARE(total.last().at(0).toLongLong(), 103750);
    QCOMPARE(model.index(0, ClaimLinesModel::ChargeColumn).data(Qt::TextAlignmentRole)
                 .value<Qt::Alignment>() & Qt::AlignRight,
             Qt::AlignRight);
    QVERIFY(!(model.flags(model.index(0, ClaimLinesModel::ChargeColumn)) & Qt::ItemIsEditable));
    QVERIFY(model.removeRows(1, 1));
    QCOMPARE(total.last().at(0).toLongLong(), 3750);
}

void TestClaimTableModels::loadedOddChargeStaysExact()
{
    ClaimLinesModel model;
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    const ServiceLine odd{QStringLiteral("97110"), {QStringLiteral("GP")}, 3, 10000, {1, 2},
                          QStringLiteral("Therapeutic exercise")};
    model.setLines({odd});
    QCOMPARE(model.lines(), QList<ServiceLine>{odd}); // $100.00 for 3 units, not 3 × $33.33
    QVERIFY(model.setData(model.index(0, ClaimLinesModel::UnitsColumn), QStringLiteral("2")));
    QCOMPARE(model.lineAt(0).chargeCents, 6666); // a new count: price × units
}

void TestClaimTableModels::unreadableTextIsAnIssue_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("field");
    QTest::newRow("units") << int(ClaimLinesModel::UnitsColumn) << "two" << "lines[0].units";
    QTest::newRow("price") << int(ClaimLinesModel::UnitPriceColumn) << "1.2.3" << "lines[0].charge";
    QTest::newRow("pointers") << int(ClaimLinesModel::PointersColumn) << "1,a"
                              << "lines[0].diagnosisPointers";
    QTest::newRow("fine") << int(ClaimLinesModel::UnitPriceColumn) << "1,250.00" << "";
}

void TestClaimTableModels::unreadableTextIsAnIssue()
{
    QFETCH(int, column);
    QFETCH(QString, text);
    QFETCH(QString, field);
    ClaimLinesModel model;
    QVERIFY(model.insertRows(0, 1));
    QVERIFY(model.setData(model.index(0, column), text));
    const QList<ClaimIssue> issues = model.entryIssues();
    if (field.isEmpty()) {
        QVERIFY(issues.isEmpty());
        return;
    }
    QCOMPARE(issues.size(), 1);
    QCOMPARE(issues.at(0).field, field);
    QVERIFY(issues.at(0).message.contains(text));
    QCOMPARE(issues.at(0).severity, ClaimIssue::Severity::Error);
}

void TestClaimTableModels::pointersFollowARemovedDiagnosis()
{
    ClaimLinesModel model;
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    model.setLines({{QStringLiteral("99213"), {}, 1, 100, {1, 2, 3}, {}},
                    {QStringLiteral("99214"), {}, 1, 100, {2}, {}}});
    model.diagnosisRemoved(2);
    QCOMPARE(model.lineAt(0).diagnosisPointers, (QList<int>{1, 2}));
    QCOMPARE(model.lineAt(1).diagnosisPointers, QList<int>{});
}

void TestClaimTableModels::issuesTintTheirCells()
{
    ClaimLinesModel lines;
    ClaimDiagnosesModel diagnoses;
    Tester linesTester(&lines, Tester::FailureReportingMode::QtTest);
    Tester dxTester(&diagnoses, Tester::FailureReportingMode::QtTest);
    QVERIFY(lines.insertRows(0, 2));
    QVERIFY(diagnoses.insertRows(0, 2));
    const QList<ClaimIssue> issues{
        {QStringLiteral("lines[1].charge"), QStringLiteral("no charge"),
         ClaimIssue::Severity::Error, false},
        {QStringLiteral("lines[1].charge"), QStringLiteral("twice"), ClaimIssue::Severity::Warning,
         false},
        {QStringLiteral("diagnoses[1]"), QStringLiteral("nothing points here"),
         ClaimIssue::Severity::Warning, false},
        {QStringLiteral("diagnoses[0].code"), QStringLiteral("bad code"),
         ClaimIssue::Severity::Error, false},
        {QStringLiteral("lines"), QStringLiteral("the list"), ClaimIssue::Severity::Error, false}};
    QSignalSpy changed(&lines, &QAbstractItemModel::dataChanged);
    lines.setIssues(issues);
    diagnoses.setIssues(issues);
    QCOMPARE(changed.count(), 1);
    lines.setIssues(issues); // the same again: nothing to repaint
    QCOMPARE(changed.count(), 1);

    const QModelIndex price = lines.index(1, ClaimLinesModel::UnitPriceColumn);
    QCOMPARE(price.data(Qt::ToolTipRole).toString(), QStringLiteral("no charge\ntwice"));
    QCOMPARE(lines.issues().severity(1, ClaimLinesModel::UnitPriceColumn),
             ClaimIssue::Severity::Error);
    QVERIFY(price.data(Qt::BackgroundRole).isValid());
    QVERIFY(!lines.index(0, ClaimLinesModel::UnitPriceColumn).data(Qt::BackgroundRole).isValid());
    QCOMPARE(diagnoses.index(0, ClaimDiagnosesModel::CodeColumn).data(Qt::AccessibleDescriptionRole)
                 .toString(),
             QStringLiteral("bad code"));
    // A row's own issue shows on each of its cells, as a warning.
    QCOMPARE(diagnoses.issues().severity(1, ClaimDiagnosesModel::DescriptionColumn),
             ClaimIssue::Severity::Warning);
    QVERIFY(!diagnoses.issues().severity(0, ClaimDiagnosesModel::DescriptionColumn));

    lines.setIssues({});
    QVERIFY(!price.data(Qt::BackgroundRole).isValid());
    QCOMPARE(changed.count(), 2);
}

QTEST_GUILESS_MAIN(TestClaimTableModels)
#include "tst_claimtablemodels.moc"

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Reconcile into the Chart on the demo data: Kyla Brown's chart (penicillin with hives,
// hypertension, lisinopril) beside outside statements built here. The plan (new, differs, in
// the chart, only in the chart, decided), a dry run that changes nothing, an apply that writes
// and audits every decision, a change refused when the chart moved meanwhile, a statement asked
// again when its details change, the dialog, the edit dialog's checks, and a merge that moves
// the chart.
#include "common/trainingenvironment.h"
#include "models/clinicalsummaryhtml.h"
#include "models/reconcilemodel.h"
#include "services/metriport/chartservice.h"
#include "services/store/chartrepository.h"
#include "ui/chartitemeditdialog.h"
#include "ui/reconciledialog.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTimeZone>

namespace {
const QString rxnormOid = QStringLiteral("2.16.840.1.113883.6.88");
const QString rxnormUri = QStringLiteral("http://www.nlm.nih.gov/research/umls/rxnorm");
const QString snomedOid = QStringLiteral("2.16.840.1.113883.6.96");

ClinicalEntry entry(ClinicalKind kind, const QString &code, const QString &system,
                    const QString &display)
{
    ClinicalEntry e;
    e.kind = kind;
    e.code.code = code;
    e.code.system = system;
    e.code.display = display;
    e.status = QStringLiteral("active");
    return e;
}

ClinicalCode words(const QString &text)
{
    ClinicalCode code;
    code.display = text;
    return code;
}

//! What the outside records say: penicillin worse than the chart has it (given with the
//! RxNorm URI, the chart has the OID), codeine, metformin at `metforminDose`, hypertension as
//! the chart has it, knee pain without a code, and a "no known allergies" that is not one.
ClinicalSummary outside(const QString &metforminDose = QStringLiteral("500 mg"))
{
    ClinicalRecord record;
    ClinicalSection allergies;
    allergies.kind = ClinicalKind::Allergy;
    ClinicalEntry penicillin = entry(ClinicalKind::Allergy, QStringLiteral("70618"), rxnormUri,
                                     QStringLiteral("Penicillin"));
    penicillin.reactions = {words(QStringLiteral("Anaphylaxis"))};
    penicillin.severity = QStringLiteral("Severe");
    ClinicalEntry codeine = entry(ClinicalKind::Allergy, QStringLiteral("2670"), rxnormOid,
                                  QStringLiteral("Codeine"));
    codeine.reactions = {words(QStringLiteral("Vomiting"))};
    ClinicalEntry none;
    none.kind = ClinicalKind::Allergy;
    none.noKnown = true;
    allergies.entries = {penicillin, codeine, none};
    ClinicalSection medications;
    medications.kind = ClinicalKind::Medication;
    ClinicalEntry metformin = entry(ClinicalKind::Medication, QStringLiteral("861007"), rxnormOid,
                                    QStringLiteral("metformin 500 MG Oral Tablet"));
    metformin.dose = metforminDose;
    metformin.route = QStringLiteral("Oral");
    medications.entries = {metformin};
    ClinicalSection problems;
    problems.kind = ClinicalKind::Problem;
    ClinicalEntry hypertension = entry(ClinicalKind::Problem, QStringLiteral("38341003"),
                                       snomedOid, QStringLiteral("Hypertension"));
    hypertension.start = QStringLiteral("1989-03-01");
    ClinicalEntry knee;
    knee.kind = ClinicalKind::Problem;
    knee.code = words(QStringLiteral("Knee pain"));
    knee.status = QStringLiteral("active");
    problems.entries = {hypertension, knee};
    record.sections = {allergies, medications, problems};
    ClinicalSummary::Input input;
    input.source.title = QStringLiteral("Continuity of Care Document");
    input.record = record;
    return ClinicalSummary::build({input}, QDate(2026, 12, 1));
}

const ReconcileRow *find(const QList<ReconcileRow> &rows, const QString &display)
{
    for (const ReconcileRow &row : rows) {
        if (row.proposed.display.startsWith(display))
            return &row;
    }
    return nullptr;
}

ChartChange change(const ReconcileRow &row, ReconcileChoice choice)
{
    ChartChange c;
    c.choice = choice;
    c.fingerprint = row.fingerprint;
    c.item = row.proposed;
    return c;
}

template<typename T> T *child(QWidget *parent, const char *name)
{
    return parent->findChild<T *>(QLatin1String(name));
}
} // namespace

class TestReconcile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void planPutsOutsideBesideChart();
    void fingerprintFollowsDetails();
    void dryRunChangesNothing();
    void applyWritesAndAuditsEveryDecision();
    void changeRefusedWhenChartMovedMeanwhile();
    void changedStatementIsAskedAgain();
    void dialogChoosesDryRunsAndApplies();
    void editDialogChecksFields();
    void mergeMovesTheChart();
    void printedSummarySaysWhatIsInTheChart();

private:
    QList<ReconcileRow> review(const ClinicalSummary &summary = outside());
    QList<ChartItem> chart();
    QList<ReconcileDecision> decisions();
    int chartAudits();

    std::unique_ptr<TrainingEnvironment> m_env;
    std::unique_ptr<ChartService> m_chart;
    qint64 m_kyla = 0;
};

void TestReconcile::init()
{
    m_env = std::make_unique<TrainingEnvironment>();
    QVERIFY2(m_env->isReady(), qPrintable(m_env->error()));
    m_chart = std::make_unique<ChartService>(&m_env->store(), QStringLiteral("nurse1"));
    m_kyla = m_env->patientId(QStringLiteral("Kyla"));
    QVERIFY(m_kyla != 0);
}

void TestReconcile::cleanup()
{
    m_chart.reset();
    m_env.reset();
}

QList<ReconcileRow> TestReconcile::review(const ClinicalSummary &summary)
{
    const auto rows = TestSupport::await(m_chart->review(m_kyla, summary));
    if (!rows)
        qWarning() << rows.error();
    return rows ? *rows : QList<ReconcileRow>();
}

QList<ChartItem> TestReconcile::chart()
{
    const auto items = TestSupport::await(m_chart->chart(m_kyla));
    return items ? *items : QList<ChartItem>();
}

QList<ReconcileDecision> TestReconcile::decisions()
{
    const qint64 kyla = m_kyla;
    const auto found = m_env->read(
        [kyla](const QString &connection) { return ChartRepository(connection).decisions(kyla); });
    return found ? *found : QList<ReconcileDecision>();
}

int TestReconcile::chartAudits()
{
    int count = 0;
    for (const AuditEntry &entry : m_env->auditEntries()) {
        if (entry.action.startsWith(QLatin1String("chart.")))
            ++count;
    }
    return count;
}

void TestReconcile::planPutsOutsideBesideChart()
{
    QCOMPARE(chart().size(), 3); // the demo chart
    const QList<ReconcileRow> rows = review();
    QCOMPARE(rows.size(), 6); // 5 statements (not "no known allergies") + lisinopril

    const ReconcileRow *penicillin = find(rows, QStringLiteral("Penicillin"));
    QVERIFY(penicillin);
    QCOMPARE(penicillin->state, ReconcileRow::State::Differs); // hives/mild vs anaphylaxis/severe
    QVERIFY(penicillin->chart.has_value());
    QCOMPARE(penicillin->chart->reaction, QStringLiteral("Hives"));
    QCOMPARE(penicillin->proposed.id, penicillin->chart->id); // accepting updates that line
    QCOMPARE(penicillin->proposed.reaction, QStringLiteral("Anaphylaxis"));
    QCOMPARE(penicillin->proposed.severity, QStringLiteral("severe"));

    QCOMPARE(find(rows, QStringLiteral("Codeine"))->state, ReconcileRow::State::New);
    QCOMPARE(find(rows, QStringLiteral("metformin"))->state, ReconcileRow::State::New);
    const ReconcileRow *hypertension = find(rows, QStringLiteral("Hypertension"));
    QVERIFY(hypertension);
    QCOMPARE(hypertension->state, ReconcileRow::State::InChart);
    const ReconcileRow *knee = find(rows, QStringLiteral("Knee pain"));
    QVERIFY(knee);
    QCOMPARE(knee->state, ReconcileRow::State::New); // no code: never matched on words
    QVERIFY(!knee->chart.has_value());
    const ReconcileRow *lisinopril = find(rows, QStringLiteral("lisinopril"));
    QVERIFY(lisinopril);
    QCOMPARE(lisinopril->state, ReconcileRow::State::ChartOnly);
    QVERIFY(!lisinopril->incoming.has_value());

    QCOMPARE(ChartReconciliation::pendingCount(rows), 4);
    // Pending first within each list.
    QCOMPARE(rows.at(0).kind, ChartKind::Allergy);
    QVERIFY(rows.at(0).isPending());
}

void TestReconcile::fingerprintFollowsDetails()
{
    const QList<ReconcileRow> a = review(outside(QStringLiteral("500 mg")));
    const QList<ReconcileRow> b = review(outside(QStringLiteral("500 mg")));
    const QList<ReconcileRow> c = review(outside(QStringLiteral("1000 mg")));
    QCOMPARE(find(a, QStringLiteral("metformin"))->fingerprint,
             find(b, QStringLiteral("metformin"))->fingerprint);
    QVERIFY(find(a, QStringLiteral("metformin"))->fingerprint
            != find(c, QStringLiteral("metformin"))->fingerprint);
    // The same statement with another system spelling is the same statement.
    ChartItem oid = find(a, QStringLiteral("Codeine"))->proposed;
    ClinicalEntry uri = entry(ClinicalKind::Allergy, QStringLiteral("2670"), rxnormUri,
                              QStringLiteral("CODEINE"));
    uri.reactions = {words(QStringLiteral("Vomiting"))};
    const ChartItem other = ChartReconciliation::proposedItem(ChartKind::Allergy, {uri, {}});
    QCOMPARE(ChartReconciliation::fingerprint(other), ChartReconciliation::fingerprint(oid));
}

void TestReconcile::dryRunChangesNothing()
{
    const QList<ReconcileRow> rows = review();
    ChartChange reject = change(*find(rows, QStringLiteral("metformin")), ReconcileChoice::Reject);
    reject.reason = QStringLiteral("stopped last month");
    const auto outcomes = TestSupport::await(m_chart->apply(
        m_kyla,
        {change(*find(rows, QStringLiteral("Codeine")), ReconcileChoice::Accept),
         change(*find(rows, QStringLiteral("Penicillin")), ReconcileChoice::Accept), reject},
        true));
    QVERIFY2(outcomes.ok(), qPrintable(outcomes.error()));
    QCOMPARE(outcomes->size(), 3);
    QStringList said;
    for (const ChartChangeOutcome &outcome : *outcomes)
        said << ChartService::describe(outcome, true);
    QVERIFY2(said.at(0).startsWith(QLatin1String("Would add to allergies: Codeine")), qPrintable(said.at(0)));
    QVERIFY2(said.at(1).startsWith(QLatin1String("Would update in allergies: Penicillin")),
             qPrintable(said.at(1)));
    QVERIFY(said.at(1).contains(QLatin1String("Anaphylaxis, severe")));
    QVERIFY2(said.at(2).contains(QLatin1String("stopped last month")), qPrintable(said.at(2)));
    QCOMPARE(outcomes->at(0).decisionId, 0);

    // Nothing kept: the chart as it was, no decision, no audit record.
    const QList<ChartItem> after = chart();
    QCOMPARE(after.size(), 3);
    QCOMPARE(after.at(0).reaction, QStringLiteral("Hives"));
    QVERIFY(decisions().isEmpty());
    QCOMPARE(chartAudits(), 0);
    QCOMPARE(ChartReconciliation::pendingCount(review()), 4);
}

void TestReconcile::applyWritesAndAuditsEveryDecision()
{
    const QList<ReconcileRow> rows = review();
    const qint64 penicillinId = find(rows, QStringLiteral("Penicillin"))->chart->id;
    ChartChange edited = change(*find(rows, QStringLiteral("Codeine")), ReconcileChoice::Edit);
    edited.item.reaction = QStringLiteral("Nausea and vomiting");
    edited.item.severity = QStringLiteral("moderate");
    ChartChange reject = change(*find(rows, QStringLiteral("metformin")), ReconcileChoice::Reject);
    reject.reason = QStringLiteral("stopped last month");
    QSignalSpy changed(m_chart.get(), &ChartService::chartChanged);
    const auto outcomes = TestSupport::await(m_chart->apply(
        m_kyla,
        {change(*find(rows, QStringLiteral("Penicillin")), ReconcileChoice::Accept), edited, reject},
        false));
    QVERIFY2(outcomes.ok(), qPrintable(outcomes.error()));
    QVERIFY(outcomes->at(0).updated);
    QCOMPARE(outcomes->at(0).chartItemId, penicillinId);
    QVERIFY(outcomes->at(1).chartItemId > 0);
    QCOMPARE(outcomes->at(2).chartItemId, 0);
    QVERIFY(changed.wait(2000) || changed.size() == 1);

    const QList<ChartItem> items = chart();
    QCOMPARE(items.size(), 4); // codeine added; penicillin updated in place; metformin not
    QCOMPARE(items.at(0).id, penicillinId);
    QCOMPARE(items.at(0).reaction, QStringLiteral("Anaphylaxis"));
    QCOMPARE(items.at(0).severity, QStringLiteral("severe"));
    QCOMPARE(items.at(0).updatedBy, QStringLiteral("nurse1"));
    QCOMPARE(items.at(1).display, QStringLiteral("Codeine"));
    QCOMPARE(items.at(1).reaction, QStringLiteral("Nausea and vomiting"));
    QCOMPARE(items.at(1).code, QStringLiteral("2670")); // the code stays the record's
    QCOMPARE(items.at(1).addedBy, QStringLiteral("nurse1"));

    const QList<ReconcileDecision> decided = decisions();
    QCOMPARE(decided.size(), 3);
    QCOMPARE(decided.at(0).choice, ReconcileChoice::Reject);
    QCOMPARE(decided.at(0).reason, QStringLiteral("stopped last month"));
    QCOMPARE(decided.at(1).choice, ReconcileChoice::Edit);
    QCOMPARE(decided.at(1).chartItemId, items.at(1).id);
    QCOMPARE(decided.at(2).choice, ReconcileChoice::Accept);

    // One audit record per decision, naming it.
    QStringList actions;
    for (const AuditEntry &entry : m_env->auditEntries()) {
        if (entry.action.startsWith(QLatin1String("chart."))) {
            actions << entry.action;
            QCOMPARE(entry.entity, QStringLiteral("reconcile_decision"));
            QCOMPARE(entry.user, QStringLiteral("nurse1"));
        }
    }
    QCOMPARE(actions, (QStringList{QStringLiteral("chart.reject"), QStringLiteral("chart.edit"),
                                   QStringLiteral("chart.accept")}));

    // Reviewed again: only knee pain waits; codeine (edited) and metformin are decided.
    const QList<ReconcileRow> again = review();
    QCOMPARE(ChartReconciliation::pendingCount(again), 1);
    QCOMPARE(find(again, QStringLiteral("Penicillin"))->state, ReconcileRow::State::InChart);
    QCOMPARE(find(again, QStringLiteral("Codeine"))->state, ReconcileRow::State::Decided);
    QCOMPARE(find(again, QStringLiteral("metformin"))->state, ReconcileRow::State::Decided);
    QVERIFY(find(again, QStringLiteral("Knee pain"))->isPending());
}

void TestReconcile::changeRefusedWhenChartMovedMeanwhile()
{
    const QList<ReconcileRow> rows = review();
    const ChartChange codeine = change(*find(rows, QStringLiteral("Codeine")), ReconcileChoice::Accept);
    const ChartChange knee = change(*find(rows, QStringLiteral("Knee pain")), ReconcileChoice::Accept);
    QVERIFY(TestSupport::await(m_chart->apply(m_kyla, {codeine}, false)).ok());
    // Another desk's review, made before that apply, accepts codeine too: refused, all of it.
    const auto second = TestSupport::await(m_chart->apply(m_kyla, {knee, codeine}, false));
    QVERIFY(!second.ok());
    QVERIFY2(second.error().contains(QLatin1String("Codeine")), qPrintable(second.error()));
    QVERIFY2(second.error().contains(QLatin1String("nurse1")), qPrintable(second.error()));
    QCOMPARE(chart().size(), 4);   // knee pain not added either
    QCOMPARE(decisions().size(), 1);
    QCOMPARE(chartAudits(), 1);
    // Nothing to apply is said, not silently done.
    const auto none = TestSupport::await(m_chart->apply(m_kyla, {}, false));
    QVERIFY(!none.ok());
    QVERIFY(!none.error().isEmpty());
}

void TestReconcile::changedStatementIsAskedAgain()
{
    const QList<ReconcileRow> rows = review();
    QVERIFY(TestSupport::await(m_chart->apply(
                                   m_kyla,
                                   {change(*find(rows, QStringLiteral("metformin")),
                                           ReconcileChoice::Reject)},
                                   false))
                .ok());
    QCOMPARE(find(review(), QStringLiteral("metformin"))->state, ReconcileRow::State::Decided);
    // A later document says 1000 mg: a new statement, asked again.
    const ReconcileRow *later = find(review(outside(QStringLiteral("1000 mg"))), QStringLiteral("metformin"));
    QVERIFY(later);
    QCOMPARE(later->state, ReconcileRow::State::New);
}

void TestReconcile::dialogChoosesDryRunsAndApplies()
{
    ReconcileDialog dialog(m_chart.get(), m_kyla, QStringLiteral("Kyla Brown"), outside());
    ReconcileModel *model = dialog.model();
    QSignalSpy loaded(model, &ReconcileModel::loaded);
    dialog.show();
    QVERIFY(loaded.wait(5000));
    QCOMPARE(model->rowCount(), 6);
    QCOMPARE(model->pendingCount(), 4);
    auto *counts = child<QLabel>(&dialog, "reconcileCounts");
    QVERIFY2(counts->text().contains(QLatin1String("4 pending import")), qPrintable(counts->text()));
    auto *dryRun = child<QPushButton>(&dialog, "dryRunButton");
    auto *apply = child<QPushButton>(&dialog, "applyButton");
    QVERIFY(!dryRun->isEnabled()); // nothing chosen yet
    QVERIFY(!apply->isEnabled());

    // The first row shown is the first pending one, Penicillin; Accept moves on to the next.
    auto *view = child<QTableView>(&dialog, "reconcileView");
    QCOMPARE(view->currentIndex().row(), 0);
    QCOMPARE(model->rowAt(0).proposed.display, QStringLiteral("Penicillin"));
    QTest::mouseClick(child<QPushButton>(&dialog, "acceptButton"), Qt::LeftButton);
    QVERIFY(model->choiceAt(0).has_value());
    QCOMPARE(view->currentIndex().row(), 1);
    QVERIFY(model->index(0, ReconcileModel::DecisionColumn).data().toString().contains(
        QLatin1String("Update the chart")));
    // A line in the chart as the records say, or only in the chart, is not decided on.
    for (int row = 0; row < model->rowCount(); ++row) {
        const auto state = model->rowAt(row).state;
        if (state == ReconcileRow::State::InChart || state == ReconcileRow::State::ChartOnly) {
            view->setCurrentIndex(model->index(row, 0));
            QVERIFY(!child<QPushButton>(&dialog, "acceptButton")->isEnabled());
        }
    }
    QVERIFY(dryRun->isEnabled());

    QSignalSpy dryRunDone(&dialog, &ReconcileDialog::dryRunFinished);
    QTest::mouseClick(dryRun, Qt::LeftButton);
    QVERIFY(dryRunDone.wait(5000));
    QCOMPARE(dryRunDone.at(0).at(0).toString(), QString());
    QVERIFY2(dialog.report().contains(QLatin1String("Would update in allergies: Penicillin")),
             qPrintable(dialog.report()));
    QVERIFY(child<QLabel>(&dialog, "reportTitle")->text().contains(QLatin1String("nothing has been saved")));
    QCOMPARE(chart().at(0).reaction, QStringLiteral("Hives"));
    QCOMPARE(model->chosenCount(), 1); // the choice is still there to apply

    QSignalSpy applied(&dialog, &ReconcileDialog::applyFinished);
    QTest::mouseClick(apply, Qt::LeftButton);
    QVERIFY(applied.wait(5000));
    QCOMPARE(applied.at(0).at(0).toString(), QString());
    QVERIFY(dialog.report().contains(QLatin1String("Updated in allergies: Penicillin")));
    QVERIFY(loaded.wait(5000)); // reviewed again
    QCOMPARE(model->pendingCount(), 3);
    QCOMPARE(model->chosenCount(), 0);
    QCOMPARE(chart().at(0).reaction, QStringLiteral("Anaphylaxis"));
    QCOMPARE(chartAudits(), 1);

    // Every Alt letter of the dialog is used once.
    QHash<QChar, QString> letters;
    for (QAbstractButton *button : dialog.findChildren<QAbstractButton *>()) {
        const QString text = button->text();
        const qsizetype at = text.indexOf(QRegularExpression(QStringLiteral("&[^&]")));
        if (at < 0)
            continue;
        const QChar letter = text.at(at + 1).toUpper();
        QVERIFY2(!letters.contains(letter),
                 qPrintable(QStringLiteral("%1 and %2").arg(letters.value(letter), text)));
        letters.insert(letter, text);
    }
    QVERIFY(letters.size() >= 6);
}

void TestReconcile::editDialogChecksFields()
{
    ChartItem problem;
    problem.kind = ChartKind::Problem;
    problem.code = QStringLiteral("44054006");
    problem.codeSystemName = QStringLiteral("SNOMED CT");
    problem.display = QStringLiteral("Diabetes mellitus type 2");
    ChartItemEditDialog editor(problem);
    auto *onset = child<QLineEdit>(&editor, "onsetEdit");
    QVERIFY(onset);
    QVERIFY(!child<QLineEdit>(&editor, "doseEdit")); // a problem has no dose
    onset->setText(QStringLiteral("2019-13"));
    QVERIFY(editor.validationError().contains(QLatin1String("2019-13")));
    onset->setText(QStringLiteral("2999"));
    QVERIFY(!editor.validationError().isEmpty()); // not a past date
    onset->setText(QStringLiteral("2019-03"));
    QVERIFY(editor.validationError().isEmpty());
    child<QLineEdit>(&editor, "displayEdit")->setText(QStringLiteral("  "));
    QVERIFY(!editor.validationError().isEmpty());
    child<QLineEdit>(&editor, "displayEdit")->setText(QStringLiteral("Type 2 diabetes"));
    QVERIFY(editor.validationError().isEmpty());
    const ChartItem edited = editor.item();
    QCOMPARE(edited.display, QStringLiteral("Type 2 diabetes"));
    QCOMPARE(edited.onset, QStringLiteral("2019-03"));
    QCOMPARE(edited.code, QStringLiteral("44054006"));

    ChartItem medication;
    medication.kind = ChartKind::Medication;
    medication.display = QStringLiteral("metformin");
    ChartItemEditDialog medicationEditor(medication);
    QVERIFY(child<QLineEdit>(&medicationEditor, "doseEdit"));
    QVERIFY(!child<QLineEdit>(&medicationEditor, "onsetEdit"));
}

void TestReconcile::mergeMovesTheChart()
{
    // A second chart for the same woman, with a line of its own, merged into Kyla's.
    Patient duplicate;
    duplicate.firstName = QStringLiteral("Kyla");
    duplicate.lastName = QStringLiteral("Fields");
    duplicate.dateOfBirth = QDate(1927, 5, 23);
    duplicate.gender = Gender::Female;
    const auto saved = TestSupport::await(m_env->patients().registerPatient(duplicate));
    QVERIFY2(saved.ok(), qPrintable(saved.error()));
    const qint64 fieldsId = saved->id;
    const auto added = m_env->write([fieldsId](const QString &connection) {
        ChartItem item;
        item.patientId = fieldsId;
        item.kind = ChartKind::Allergy;
        item.display = QStringLiteral("Latex");
        return ChartRepository(connection).addItem(item, QStringLiteral("frontdesk1"));
    });
    QVERIFY(added.ok());
    const auto merged = TestSupport::await(
        m_env->patients().mergePatients(m_kyla, fieldsId, QStringLiteral("same person")));
    QVERIFY2(merged.ok(), qPrintable(merged.error()));
    QCOMPARE(merged->movedFrom(QStringLiteral("chart_items")), 1);
    const QList<ChartItem> items = chart();
    QCOMPARE(items.size(), 4);
    QVERIFY(std::any_of(items.cbegin(), items.cend(),
                        [](const ChartItem &i) { return i.display == QLatin1String("Latex"); }));
}

// The printed summary compares with the chart when it has the review, and says it did not
// when it has none: a reader of the paper must not take an outside line for the chart's.
void TestReconcile::printedSummarySaysWhatIsInTheChart()
{
    Patient kyla;
    kyla.id = m_kyla;
    kyla.firstName = QStringLiteral("Kyla");
    kyla.lastName = QStringLiteral("Brown");
    const QDateTime printed(QDate(2026, 12, 2), QTime(10, 0), QTimeZone::utc());
    // The text of the table row that mentions `what`.
    auto rowOf = [](const QString &html, const QString &what) {
        for (const QString &row : html.split(QStringLiteral("<tr>"))) {
            if (row.contains(what))
                return row;
        }
        return QString();
    };

    const QString compared = ClinicalSummaryHtml::render(kyla, outside(), review(),
                                                         QStringLiteral("Clinic"), printed);
    QVERIFY(compared.contains(QStringLiteral("<th>Chart</th>")));
    QVERIFY(rowOf(compared, QStringLiteral("Hypertension")).contains(QStringLiteral("In the chart")));
    QVERIFY(rowOf(compared, QStringLiteral("Codeine"))
                .contains(QStringLiteral("Pending: not in the chart")));
    QVERIFY(rowOf(compared, QStringLiteral("Penicillin"))
                .contains(QStringLiteral("Pending: the chart says otherwise")));
    // Lisinopril is only in the chart: it is printed, said to come from the clinic's chart.
    const QString lisinopril = rowOf(compared, QStringLiteral("lisinopril"));
    QVERIFY2(lisinopril.contains(QStringLiteral("Only in the chart")), qPrintable(lisinopril));
    QVERIFY(lisinopril.contains(QStringLiteral("This clinic&#x27;s chart"))
            || lisinopril.contains(QStringLiteral("This clinic's chart")));
    QVERIFY(!compared.contains(QStringLiteral("not compared")));

    // After Codeine is rejected, the paper says who decided.
    const QList<ReconcileRow> rows = review();
    ChartChange reject = change(*find(rows, QStringLiteral("Codeine")), ReconcileChoice::Reject);
    reject.reason = QStringLiteral("patient denies");
    QVERIFY(bool(TestSupport::await(m_chart->apply(m_kyla, {reject}, false))));
    const QString after = ClinicalSummaryHtml::render(kyla, outside(), review(),
                                                      QStringLiteral("Clinic"), printed);
    QVERIFY2(rowOf(after, QStringLiteral("Codeine"))
                 .contains(QStringLiteral("Not imported by nurse1")),
             qPrintable(rowOf(after, QStringLiteral("Codeine"))));

    const QString uncompared = ClinicalSummaryHtml::render(kyla, outside(), std::nullopt,
                                                           QStringLiteral("Clinic"), printed);
    QVERIFY(!uncompared.contains(QStringLiteral("<th>Chart</th>")));
    QVERIFY(uncompared.contains(QStringLiteral("not compared with the clinic")));
    QVERIFY(!uncompared.contains(QStringLiteral("lisinopril")));
}

QTEST_MAIN(TestReconcile)
#include "tst_reconcile.moc"

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The claim form offscreen on a real store and the real claim services: codes checked as they
// are typed, fixed, submitted and found queued; a draft reopened as saved; New Claim from
// Visit; a correction keeping frequency 7; coverage not verified needing a reason; a failed
// save keeping the form; the patient picker; table keys; unique mnemonics.
#include "common/trainingenvironment.h"
#include "models/claimdashboardmodel.h"
#include "models/claimdiagnosesmodel.h"
#include "models/claimlinesmodel.h"
#include "services/claims/claimdashboardservice.h"
#include "services/claims/claimpreparer.h"
#include "services/claims/claimservice.h"
#include "services/claims/claimsubmitter.h"
#include "services/store/claimrepository.h"
#include "ui/claimformdialog.h"
#include "ui/claimspage.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

namespace {
const QString biller = QStringLiteral("biller.bo");
const PayorJson::Provider provider{QStringLiteral("PRV-1"),
                                   QStringLiteral("Springfield Family Clinic")};

//! The mnemonic letter of a text ("&Date" → 'D'; "&&" is a literal ampersand), or none.
QChar mnemonicOf(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return text.at(i + 1).toUpper();
    }
    return {};
}

QStringList fieldsOf(const QList<ClaimIssue> &issues)
{
    QStringList fields;
    for (const ClaimIssue &issue : issues)
        fields << issue.field;
    return fields;
}
} // namespace

class TestClaimFormDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void typedCodesAreCheckedFixedAndSubmitted();
    void submittedClaimTurnsPaidOnTheDashboard();
    void draftReopensAsSaved();
    void visitPrefillsPatientAndDate();
    void correctionKeepsFrequencyAndOriginal();
    void unverifiedCoverageNeedsAReason();
    void failedSubmitKeepsTheForm();
    void patientPickerLoadsTheChosenPatient();
    void tableKeysAddAndRemoveRows();
    void mnemonicsAreUniqueAndHaveBuddies();

private:
    struct Form
    {
        explicit Form(TestClaimFormDialog &test)
            : claims(&test.m_env->store(), biller)
            , preparer(&test.m_env->store(), ClinicInfo{})
            , dialog(&claims, &preparer, &test.m_env->patients(), provider, 365, biller)
        {
        }
        ClaimService claims;
        ClaimPreparer preparer;
        ClaimFormDialog dialog;
    };

    //! Shows the dialog active (keys reach it) and waits for what its start reads.
    static bool showAndWait(ClaimFormDialog &dialog)
    {
        dialog.show();
        dialog.activateWindow();
        if (!QTest::qWaitForWindowActive(&dialog))
            return false;
        return waitLoaded(dialog);
    }
    static bool waitLoaded(ClaimFormDialog &dialog)
    {
        if (!dialog.isLoading())
            return true;
        QSignalSpy loaded(&dialog, &ClaimFormDialog::loaded);
        return loaded.wait(10000) || !dialog.isLoading();
    }
    template<typename T> static T *child(QWidget &dialog, const char *name)
    {
        T *found = dialog.findChild<T *>(QLatin1String(name));
        if (!found)
            qWarning() << "no child" << name;
        return found;
    }
    /*!
      Types into a table cell as the biller does: on the cell, a key opens its editor with the
      text selected, so typing replaces it; the rest of the keys go to the editor.
     */
    static void typeInCell(QTableView *view, int row, int column, const QString &text)
    {
        const QModelIndex index = view->model()->index(row, column);
        view->setFocus();
        view->setCurrentIndex(index);
        QTest::keyClicks(view, text.left(1));
        QWidget *editor = view->indexWidget(index);
        QVERIFY2(editor, "the key did not open the cell's editor");
        QTest::keyClicks(editor, text.mid(1));
    }
    //! Fills diagnosis and line tables with `dx` codes and `lines` (code, units, price, pointers).
    static void fillTables(ClaimFormDialog &dialog, const QStringList &dx,
                           const QList<QStringList> &lines)
    {
        auto *dxView = child<QTableView>(dialog, "diagnosesView");
        auto *lineView = child<QTableView>(dialog, "linesView");
        for (int i = 0; i < dx.size(); ++i) {
            if (i >= dxView->model()->rowCount())
                child<QPushButton>(dialog, "addDiagnosisButton")->click();
            typeInCell(dxView, i, ClaimDiagnosesModel::CodeColumn, dx.at(i));
        }
        for (int i = 0; i < lines.size(); ++i) {
            if (i >= lineView->model()->rowCount())
                child<QPushButton>(dialog, "addLineButton")->click();
            const QStringList &l = lines.at(i);
            typeInCell(lineView, i, ClaimLinesModel::CodeColumn, l.at(0));
            typeInCell(lineView, i, ClaimLinesModel::UnitsColumn, l.at(1));
            typeInCell(lineView, i, ClaimLinesModel::UnitPriceColumn, l.at(2));
            typeInCell(lineView, i, ClaimLinesModel::PointersColumn, l.at(3));
            if (l.size() > 4)
                typeInCell(lineView, i, ClaimLinesModel::ModifiersColumn, l.at(4));
        }
        // Leave the last cell so its editor commits and closes.
        dxView->setFocus();
        dxView->setCurrentIndex(dxView->model()->index(0, 0));
    }
    std::optional<Claim> stored(qint64 id)
    {
        return m_env->read([id](const QString &c) { return ClaimRepository(c).find(id); })
            .valueOr(std::nullopt);
    }
    //! Jane's coverage verified active for `dos` at the sandbox clearinghouse.
    bool verifyJane(const QDate &dos)
    {
        VerifyOptions options;
        options.serviceDate = dos;
        options.force = true;
        const Verification v = m_env->verifyAndWait(m_janeCoverage, options);
        return v.result && v.result->isActive();
    }
    Claim janeClaim(const QDate &dos) const
    {
        Claim claim;
        claim.patientId = m_jane;
        claim.patientName = QStringLiteral("Smith, Jane");
        claim.patientDateOfBirth = QDate(1985, 3, 14);
        claim.patientGender = Gender::Female;
        claim.coverageId = m_janeCoverage;
        claim.insuranceId = QStringLiteral("INS001");
        claim.payerName = QStringLiteral("BlueCross BlueShield");
        claim.memberId = QStringLiteral("ACT100001");
        claim.billingProvider = {QStringLiteral("Springfield Family Clinic"),
                                 QStringLiteral("1234567893")};
        claim.dateOfService = dos;
        claim.diagnoses = {{QStringLiteral("J209"), QStringLiteral("Acute bronchitis")}};
        claim.lines = {{QStringLiteral("99213"), {}, 1, 15000, {1}, QStringLiteral("Office visit")}};
        return claim;
    }

    std::unique_ptr<TrainingEnvironment> m_env;
    qint64 m_jane = 0;
    qint64 m_janeCoverage = 0;
    QDate m_dos;
};

void TestClaimFormDialog::initTestCase()
{
    m_env = std::make_unique<TrainingEnvironment>();
    QVERIFY2(m_env->isReady(), qPrintable(m_env->error()));
    m_jane = m_env->patientId(QStringLiteral("Jane"));
    m_janeCoverage = m_env->coverageId(QStringLiteral("ACT100001"));
    QVERIFY(m_jane > 0 && m_janeCoverage > 0);
    m_dos = QDate::currentDate().addDays(-2);
    QVERIFY(verifyJane(m_dos));
}

void TestClaimFormDialog::typedCodesAreCheckedFixedAndSubmitted()
{
    Form form(*this);
    ClaimFormDialog &dialog = form.dialog;
    dialog.startForPatient(m_jane, m_dos);
    QVERIFY(showAndWait(dialog));
    QCOMPARE(child<QLineEdit>(dialog, "patientSearchEdit")->text(), QStringLiteral("Smith, Jane"));
    QVERIFY(child<QComboBox>(dialog, "coverageCombo")->currentText().contains(u"ACT100001"));
    QCOMPARE(child<QLineEdit>(dialog, "billingNpiEdit")->text(), ClinicInfo{}.npi);
    QCOMPARE(child<QDateEdit>(dialog, "dateEdit")->date(), m_dos);
    QCOMPARE(dialog.coverageState(), ClaimValidator::Coverage::Active);
    QPushButton *submit = nullptr;
    for (QAbstractButton *b : dialog.findChild<QDialogButtonBox *>()->buttons()) {
        if (b->text() == ClaimFormDialog::tr("S&ubmit"))
            submit = qobject_cast<QPushButton *>(b);
    }
    QVERIFY(submit);
    QVERIFY(!submit->isEnabled()); // an empty diagnosis and line

    // A bad ICD-10 code, a bad CPT, a zero charge: each said on its cell and in the list.
    fillTables(dialog, {QStringLiteral("JX09")},
               {{QStringLiteral("9921"), QStringLiteral("1"), QStringLiteral("0"),
                 QStringLiteral("1")}});
    const QStringList fields = fieldsOf(dialog.issues());
    QVERIFY2(fields.contains(u"diagnoses[0].code"), qPrintable(fields.join(u' ')));
    QVERIFY2(fields.contains(u"lines[0].procedureCode"), qPrintable(fields.join(u' ')));
    QVERIFY2(fields.contains(u"lines[0].charge"), qPrintable(fields.join(u' ')));
    QVERIFY(hasErrors(dialog.issues()));
    QVERIFY(!submit->isEnabled());
    auto *dxView = child<QTableView>(dialog, "diagnosesView");
    auto *lineView = child<QTableView>(dialog, "linesView");
    const QModelIndex dxCode = dxView->model()->index(0, ClaimDiagnosesModel::CodeColumn);
    QVERIFY2(dxCode.data(Qt::ToolTipRole).toString().contains(u"ICD-10-CM"),
             qPrintable(dxCode.data(Qt::ToolTipRole).toString()));
    QVERIFY(dxCode.data(Qt::BackgroundRole).isValid());
    const QModelIndex cpt = lineView->model()->index(0, ClaimLinesModel::CodeColumn);
    QVERIFY2(cpt.data(Qt::ToolTipRole).toString().contains(u"9921"),
             qPrintable(cpt.data(Qt::ToolTipRole).toString()));
    const QModelIndex price = lineView->model()->index(0, ClaimLinesModel::UnitPriceColumn);
    QVERIFY(!price.data(Qt::ToolTipRole).toString().isEmpty());
    QVERIFY(!lineView->model()->index(0, ClaimLinesModel::UnitsColumn)
                 .data(Qt::BackgroundRole)
                 .isValid()); // one unit is right
    auto *list = child<QListWidget>(dialog, "issuesList");
    QCOMPARE(list->count(), dialog.issues().size());
    bool listed = false;
    for (int i = 0; i < list->count(); ++i)
        listed = listed || list->item(i)->text().contains(u"“JX09”");
    QVERIFY(listed);
    // A dot in the wrong place is wrong too (J20.9, not J2.09).
    typeInCell(dxView, 0, ClaimDiagnosesModel::CodeColumn, QStringLiteral("J2.09"));
    QVERIFY2(dxCode.data(Qt::ToolTipRole).toString().contains(u"“J2.09”"),
             qPrintable(dxCode.data(Qt::ToolTipRole).toString()));

    // Fixed, the form is ready; the running total follows the lines.
    fillTables(dialog, {QStringLiteral("j20.9")},
               {{QStringLiteral("99213"), QStringLiteral("2"), QStringLiteral("75.50"),
                 QStringLiteral("1")}});
    QVERIFY2(!hasErrors(dialog.issues()), qPrintable(fieldsOf(dialog.issues()).join(u' ')));
    QVERIFY(!dxCode.data(Qt::BackgroundRole).isValid());
    QVERIFY(dxCode.data(Qt::ToolTipRole).toString().isEmpty());
    QCOMPARE(lineView->model()->index(0, ClaimLinesModel::ChargeColumn).data().toString(),
             QStringLiteral("$151.00"));
    QVERIFY(child<QLabel>(dialog, "totalValueLabel")->text().contains(u"$151.00"));
    QVERIFY(submit->isEnabled());

    QSignalSpy queued(&dialog, &ClaimFormDialog::claimQueued);
    QTest::keyClick(&dialog, Qt::Key_U, Qt::AltModifier); // S&ubmit
    QVERIFY(queued.wait(10000));
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const Claim sent = queued.at(0).at(0).value<Claim>();
    const std::optional<Claim> found = stored(sent.id);
    QVERIFY(found);
    QCOMPARE(found->status, ClaimStatus::Queued);
    QCOMPARE(found->patientId, m_jane);
    QCOMPARE(found->insuranceId, QStringLiteral("INS001"));
    QCOMPARE(found->dateOfService, m_dos);
    QCOMPARE(found->diagnoses.size(), 1);
    QCOMPARE(found->diagnoses.at(0).code, QStringLiteral("J209"));
    QCOMPARE(found->lines.size(), 1);
    QCOMPARE(found->lines.at(0).procedureCode, QStringLiteral("99213"));
    QCOMPARE(found->lines.at(0).units, 2);
    QCOMPARE(found->lines.at(0).chargeCents, 15100);
    QCOMPARE(found->lines.at(0).diagnosisPointers, QList<int>{1});
    QVERIFY(found->coverageOverrideReason.isEmpty());
    const auto outbox = m_env->read([id = sent.id](const QString &c) {
        return ClaimRepository(c).outboxItem(id);
    });
    QVERIFY(outbox && outbox->has_value());
}

void TestClaimFormDialog::submittedClaimTurnsPaidOnTheDashboard()
{
    // The billers' page and the outbox sender over the same store, against the sandbox payor.
    Form form(*this);
    ClaimDashboardService dashboard(&m_env->store(), QStringLiteral("biller"));
    dashboard.follow(&form.claims);
    ClaimSubmitter::Config config;
    config.baseUrl = m_env->sandboxBaseUrl();
    config.apiKey = QString::fromLatin1(m_env->sandbox().payorApiKey());
    config.timeoutMs = 3000;
    ClaimSubmitter submitter(&m_env->store(), &form.claims, &m_env->network(), config);
    ClaimsPageServices services;
    services.claims = &form.claims;
    services.dashboard = &dashboard;
    services.submitter = &submitter;
    ClaimsPage page(services);
    page.resize(1200, 700);
    page.show();
    QTRY_VERIFY(!page.model()->isLoading());

    ClaimFormDialog &dialog = form.dialog;
    dialog.startForPatient(m_jane, m_dos);
    QVERIFY(showAndWait(dialog));
    fillTables(dialog, {QStringLiteral("J20.9")},
               {{QStringLiteral("99213"), QStringLiteral("1"), QStringLiteral("125.00"),
                 QStringLiteral("1")}});
    QVERIFY2(dialog.canSubmit(), qPrintable(fieldsOf(dialog.issues()).join(u' ')));
    QSignalSpy queued(&dialog, &ClaimFormDialog::claimQueued);
    dialog.submit();
    QVERIFY(queued.wait(10000));
    const qint64 id = queued.at(0).at(0).value<Claim>().id;

    // Listed as queued; selected by the biller; then sent, and the same row turns paid.
    QTRY_VERIFY_WITH_TIMEOUT(page.model()->rowOfClaim(id) >= 0, 10000);
    const int row = page.model()->rowOfClaim(id);
    QCOMPARE(page.model()->rowAt(row).status, ClaimStatus::Queued);
    page.table()->selectRow(row);
    QCOMPARE(page.currentClaimId(), id);
    QSignalSpy refreshed(page.model(), &ClaimDashboardModel::claimRefreshed);
    submitter.start();
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->rowAt(page.model()->rowOfClaim(id)).status,
                              ClaimStatus::Paid, 15000);
    const int paidRow = page.model()->rowOfClaim(id);
    QVERIFY(!refreshed.isEmpty());
    QCOMPARE(page.model()->index(paidRow, ClaimDashboardModel::StatusColumn).data().toString(),
             claimStatusName(ClaimStatus::Paid));
    QVERIFY(page.model()->isFlashing(paidRow));
    QCOMPARE(page.currentClaimId(), id); // the selection stayed on it
    QVERIFY(page.table()->selectionModel()->isRowSelected(paidRow, {}));
    // The totals follow: the paid amount of this claim is in the figures.
    QTRY_VERIFY_WITH_TIMEOUT(page.totalsLabel()->text().contains(u"paid $"), 5000);
}

void TestClaimFormDialog::draftReopensAsSaved()
{
    Form form(*this);
    ClaimFormDialog &dialog = form.dialog;
    dialog.startForPatient(m_jane, m_dos);
    QVERIFY(showAndWait(dialog));
    fillTables(dialog, {QStringLiteral("J20.9"), QStringLiteral("R05")},
               {{QStringLiteral("99213"), QStringLiteral("1"), QStringLiteral("150"),
                 QStringLiteral("1,2"), QStringLiteral("25")},
                {QStringLiteral("94640"), QStringLiteral("2"), QStringLiteral("30"),
                 QStringLiteral("1")}});
    auto *dxView = child<QTableView>(dialog, "diagnosesView");
    typeInCell(dxView, 1, ClaimDiagnosesModel::DescriptionColumn, QStringLiteral("Cough"));
    child<QComboBox>(dialog, "priorityCombo")->setCurrentIndex(2); // High
    child<QPlainTextEdit>(dialog, "notesEdit")->setPlainText(QStringLiteral("Follow-up in 2 weeks"));
    dxView->setCurrentIndex(dxView->model()->index(0, 0));
    const Claim typed = dialog.claim();
    QCOMPARE(typed.totalChargeCents(), 21000);

    QSignalSpy saved(&dialog, &ClaimFormDialog::claimSaved);
    QTest::keyClick(&dialog, Qt::Key_D, Qt::AltModifier); // Save &Draft
    QVERIFY(saved.wait(10000));
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const std::optional<Claim> draft = stored(dialog.storedClaim().id);
    QVERIFY(draft);
    QCOMPARE(draft->status, ClaimStatus::Draft);
    QCOMPARE(draft->priority, ClaimPriority::High);

    Form again(*this);
    again.dialog.editClaim(*draft);
    QVERIFY(showAndWait(again.dialog));
    const Claim reopened = again.dialog.claim();
    QCOMPARE(reopened.id, draft->id);
    QCOMPARE(reopened.diagnoses, typed.diagnoses);
    QCOMPARE(reopened.lines, typed.lines);
    QCOMPARE(reopened.notes, typed.notes);
    QCOMPARE(reopened.priority, ClaimPriority::High);
    QCOMPARE(reopened.dateOfService, m_dos);
    QCOMPARE(reopened.billingProvider, typed.billingProvider);
    QCOMPARE(reopened.coverageId, m_janeCoverage);
    auto *view = child<QTableView>(again.dialog, "diagnosesView");
    QCOMPARE(view->model()->index(0, ClaimDiagnosesModel::CodeColumn).data().toString(),
             QStringLiteral("J20.9"));
    auto *lines = child<QTableView>(again.dialog, "linesView");
    QCOMPARE(lines->model()->index(0, ClaimLinesModel::ModifiersColumn).data().toString(),
             QStringLiteral("25"));
    QCOMPARE(lines->model()->index(1, ClaimLinesModel::UnitPriceColumn).data().toString(),
             QStringLiteral("$30.00"));
    QVERIFY(again.dialog.windowTitle().contains(draft->claimNumber));
}

void TestClaimFormDialog::visitPrefillsPatientAndDate()
{
    const QDate day = QDate::currentDate().addDays(-3);
    Appointment visit;
    visit.patientId = m_jane;
    visit.start = QDateTime(day, QTime(10, 30)).toUTC();
    visit.durationMinutes = 30;
    visit.provider = QStringLiteral("Dr. Patel");
    visit.visitType = QStringLiteral("Sick visit");
    const StoreResult<Appointment> booked = TestSupport::await(m_env->appointments().add(visit));
    QVERIFY2(booked, qPrintable(booked.error()));

    Form form(*this);
    form.dialog.startForVisit(booked->id);
    QVERIFY(showAndWait(form.dialog));
    QCOMPARE(form.dialog.windowTitle(), ClaimFormDialog::tr("New Claim from Visit"));
    QCOMPARE(child<QDateEdit>(form.dialog, "dateEdit")->date(), day);
    QCOMPARE(child<QLineEdit>(form.dialog, "patientSearchEdit")->text(),
             QStringLiteral("Smith, Jane"));
    const Claim claim = form.dialog.claim();
    QCOMPARE(claim.patientId, m_jane);
    QCOMPARE(claim.appointmentId, booked->id);
    QCOMPARE(claim.dateOfService, day);
    QCOMPARE(claim.notes, QStringLiteral("Sick visit"));
    QCOMPARE(claim.insuranceId, QStringLiteral("INS001"));
}

void TestClaimFormDialog::correctionKeepsFrequencyAndOriginal()
{
    ClaimService service(&m_env->store(), biller);
    const StoreResult<Claim> original = TestSupport::await(service.queue(janeClaim(m_dos), provider));
    QVERIFY2(original, qPrintable(original.error()));
    PayorJson::ClaimStatusReport denied;
    denied.payerClaimId = QStringLiteral("PAY-778899");
    denied.statusText = QStringLiteral("denied");
    denied.status = ClaimStatus::Denied;
    denied.message = QStringLiteral("Wrong code");
    denied.updatedAt = QDateTime::currentDateTimeUtc();
    QVERIFY(TestSupport::await(service.applyStatus(denied, ClaimEventSource::PayorReply,
                                                   original->id)));
    const std::optional<Claim> deniedClaim = stored(original->id);
    QVERIFY(deniedClaim && deniedClaim->payerClaimId == denied.payerClaimId);

    Form form(*this);
    form.dialog.editClaim(claimFollowing(*deniedClaim, ClaimFrequency::Replacement));
    QVERIFY(showAndWait(form.dialog));
    auto *banner = child<QLabel>(form.dialog, "correctionLabel");
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(deniedClaim->claimNumber), qPrintable(banner->text()));
    QVERIFY2(banner->text().contains(u"PAY-778899"), qPrintable(banner->text()));
    QVERIFY(child<QLineEdit>(form.dialog, "patientSearchEdit")->isReadOnly());
    QCOMPARE(form.dialog.windowTitle(), ClaimFormDialog::tr("Correct Claim"));

    // The corrected code, then sent.
    fillTables(form.dialog, {QStringLiteral("J20.8")}, {});
    QCOMPARE(form.dialog.claim().frequency, ClaimFrequency::Replacement);
    QCOMPARE(form.dialog.claim().replacesClaimId, original->id);
    QVERIFY(form.dialog.canSubmit());
    QSignalSpy queued(&form.dialog, &ClaimFormDialog::claimQueued);
    form.dialog.submit();
    QVERIFY(queued.wait(10000));
    const std::optional<Claim> correction = stored(form.dialog.storedClaim().id);
    QVERIFY(correction);
    QCOMPARE(correction->frequency, ClaimFrequency::Replacement);
    QCOMPARE(correction->replacesClaimId, original->id);
    QCOMPARE(correction->status, ClaimStatus::Queued);
    QCOMPARE(correction->diagnoses.at(0).code, QStringLiteral("J208"));
    QCOMPARE(stored(original->id)->status, ClaimStatus::Corrected);
}

void TestClaimFormDialog::unverifiedCoverageNeedsAReason()
{
    const qint64 coverageId = m_env->addPatientWithCoverage(
        QStringLiteral("Rosa"), QStringLiteral("Unverified"), QStringLiteral("ACT555001"));
    QVERIFY(coverageId > 0);
    const qint64 rosa = m_env->patientId(QStringLiteral("Rosa"));
    QVERIFY(rosa > 0);

    Form form(*this);
    ClaimFormDialog &dialog = form.dialog;
    dialog.startForPatient(rosa, m_dos);
    QVERIFY(showAndWait(dialog));
    QCOMPARE(dialog.coverageState(), ClaimValidator::Coverage::NotVerified);
    fillTables(dialog, {QStringLiteral("J20.9")},
               {{QStringLiteral("99213"), QStringLiteral("1"), QStringLiteral("120"),
                 QStringLiteral("1")}});
    QVERIFY(!hasErrors(dialog.issues()));
    QVERIFY(fieldsOf(dialog.issues()).contains(u"coverage"));
    QVERIFY(child<QLabel>(dialog, "coverageStatusLabel")->isVisible());
    auto *reason = child<QLineEdit>(dialog, "overrideReasonEdit");
    QVERIFY(reason->isVisible());
    QVERIFY(dialog.canSubmit()); // a warning: it asks for the reason on Submit

    QSignalSpy queued(&dialog, &ClaimFormDialog::claimQueued);
    dialog.submit();
    QVERIFY(!dialog.isBusy());
    QTest::qWait(50);
    QCOMPARE(queued.count(), 0);
    QVERIFY(dialog.isVisible());
    QVERIFY(reason->hasFocus());
    QVERIFY(child<QLabel>(dialog, "messageLabel")->isVisible());
    QVERIFY(!reason->toolTip().isEmpty());

    QTest::keyClicks(reason, QStringLiteral("Verified by phone with the payer"));
    dialog.submit();
    QVERIFY(queued.wait(10000));
    const std::optional<Claim> sent = stored(dialog.storedClaim().id);
    QVERIFY(sent);
    QCOMPARE(sent->status, ClaimStatus::Queued);
    QCOMPARE(sent->coverageOverrideReason, QStringLiteral("Verified by phone with the payer"));
    QCOMPARE(sent->coverageOverrideBy, biller);
}

void TestClaimFormDialog::failedSubmitKeepsTheForm()
{
    // A correction of a claim the payor never numbered cannot be queued: the store refuses.
    ClaimService service(&m_env->store(), biller);
    const StoreResult<Claim> original = TestSupport::await(service.saveDraft(janeClaim(m_dos)));
    QVERIFY(original);
    Claim draft = *original;
    draft.status = ClaimStatus::Denied; // as if adjudicated, but with no payor claim number
    Form form(*this);
    form.dialog.editClaim(claimFollowing(draft, ClaimFrequency::Replacement));
    QVERIFY(showAndWait(form.dialog));
    fillTables(form.dialog, {QStringLiteral("J20.8")}, {});
    const Claim before = form.dialog.claim();
    QVERIFY(form.dialog.canSubmit());

    QSignalSpy failed(&form.dialog, &ClaimFormDialog::saveFailed);
    QSignalSpy queued(&form.dialog, &ClaimFormDialog::claimQueued);
    form.dialog.submit();
    QVERIFY(form.dialog.isBusy());
    QVERIFY(!form.dialog.canSubmit());
    QVERIFY(failed.wait(10000));
    QCOMPARE(queued.count(), 0);
    QVERIFY(form.dialog.isVisible());
    QVERIFY(!form.dialog.isBusy());
    auto *message = child<QLabel>(form.dialog, "messageLabel");
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().contains(failed.at(0).at(0).toString()), qPrintable(message->text()));
    QCOMPARE(form.dialog.claim(), before);
    QVERIFY(form.dialog.canSubmit()); // ready to try again
}

void TestClaimFormDialog::patientPickerLoadsTheChosenPatient()
{
    Form form(*this);
    ClaimFormDialog &dialog = form.dialog;
    QVERIFY(showAndWait(dialog));
    auto *search = child<QLineEdit>(dialog, "patientSearchEdit");
    QVERIFY(!child<QComboBox>(dialog, "coverageCombo")->isEnabled());
    // Codes typed before the patient is chosen stay.
    fillTables(dialog, {QStringLiteral("R05")}, {});
    search->setFocus();
    QTest::keyClicks(search, QStringLiteral("Smith, Jane"));
    QAbstractItemView *popup = search->completer()->popup();
    QTRY_VERIFY_WITH_TIMEOUT(popup->isVisible(), 10000);
    QTest::keyClick(popup, Qt::Key_Down);
    QSignalSpy loaded(&dialog, &ClaimFormDialog::loaded);
    QTest::keyClick(popup, Qt::Key_Return);
    QVERIFY(loaded.wait(10000));
    QVERIFY(waitLoaded(dialog));
    const Claim claim = dialog.claim();
    QCOMPARE(claim.patientId, m_jane);
    QCOMPARE(claim.memberId, QStringLiteral("ACT100001"));
    QCOMPARE(claim.diagnoses.at(0).code, QStringLiteral("R05"));
    QVERIFY(child<QComboBox>(dialog, "coverageCombo")->isEnabled());
    QVERIFY(!child<QLabel>(dialog, "patientInfoLabel")->text().isEmpty());
}

void TestClaimFormDialog::tableKeysAddAndRemoveRows()
{
    Form form(*this);
    ClaimFormDialog &dialog = form.dialog;
    dialog.startForPatient(m_jane, m_dos);
    QVERIFY(showAndWait(dialog));
    fillTables(dialog, {QStringLiteral("J20.9"), QStringLiteral("R05"), QStringLiteral("R50.9")},
               {{QStringLiteral("99213"), QStringLiteral("1"), QStringLiteral("100"),
                 QStringLiteral("1,3")}});
    auto *lines = child<QTableView>(dialog, "linesView");
    lines->setFocus();
    lines->setCurrentIndex(lines->model()->index(0, 0));
    QTest::keyClick(lines, Qt::Key_Insert);
    QCOMPARE(lines->model()->rowCount(), 2);
    // Insert opened the new line's code: Escape leaves the editor, Delete removes the line.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QCOMPARE(lines->currentIndex().row(), 1);
    QTest::keyClick(lines, Qt::Key_Delete);
    QCOMPARE(lines->model()->rowCount(), 1);

    // Removing diagnosis 2 renumbers the pointers of the lines below it: 1,3 → 1,2.
    auto *dx = child<QTableView>(dialog, "diagnosesView");
    dx->setFocus();
    dx->setCurrentIndex(dx->model()->index(1, ClaimDiagnosesModel::CodeColumn));
    QTest::keyClick(dx, Qt::Key_Delete);
    QCOMPARE(dx->model()->rowCount(), 2);
    QCOMPARE(dialog.claim().lines.at(0).diagnosisPointers, (QList<int>{1, 2}));
    QCOMPARE(dialog.claim().diagnoses.at(1).code, QStringLiteral("R509"));

    // The buttons stop at the limits.
    auto *add = child<QPushButton>(dialog, "addDiagnosisButton");
    while (dx->model()->rowCount() < ClaimValidator::MaxDiagnoses)
        add->click();
    QVERIFY(!add->isEnabled());
    QVERIFY(!dx->model()->insertRows(dx->model()->rowCount(), 1));
}

void TestClaimFormDialog::mnemonicsAreUniqueAndHaveBuddies()
{
    Form form(*this);
    QHash<QChar, QString> seen;
    const auto take = [&seen](const QString &text) {
        const QChar letter = mnemonicOf(text);
        if (letter.isNull())
            return true;
        if (seen.contains(letter)) {
            qWarning() << "mnemonic" << letter << "in" << text << "and" << seen.value(letter);
            return false;
        }
        seen.insert(letter, text);
        return true;
    };
    for (QLabel *label : form.dialog.findChildren<QLabel *>()) {
        if (mnemonicOf(label->text()).isNull())
            continue;
        QVERIFY2(label->buddy(), qPrintable(label->text()));
        QVERIFY(!label->buddy()->accessibleName().isEmpty());
        QVERIFY(take(label->text()));
    }
    for (QAbstractButton *button : form.dialog.findChildren<QAbstractButton *>())
        QVERIFY(take(button->text()));
    QVERIFY(seen.size() >= 15);
}

QTEST_MAIN(TestClaimFormDialog)
#include "tst_claimformdialog.moc"

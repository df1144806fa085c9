// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The patient page offscreen: type a member ID, press Verify, see ACTIVE and the copay; what is
// opened, printed and exported is in the audit trail; a record that cannot be opened says so.
#include "common/trainingenvironment.h"
#include "models/coveragemodel.h"
#include "models/verificationhistorymodel.h"
#include "services/reports/verificationreport.h"
#include "ui/coverageform.h"
#include "ui/patientpage.h"
#include "ui/statuspanel.h"

#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

class TestPatientPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void typeMemberIdPressVerifySeeActive();
    void invalidMemberIdShowsMessageAndSendsNothing();
    void rejectionShowsReasonAndFix();
    void dependentNeedsSubscriberDetails();
    void retryFailedAttempt();
    void openingIsAudited();
    void missingPatientShowsError();
    void previewPrintAndExportAreAudited();

private:
    DeskEnvironment environmentFor(TrainingEnvironment &env)
    {
        DeskEnvironment e;
        e.patients = &env.patients();
        e.appointments = &env.appointments();
        e.eligibility = &env.service();
        e.reports = &env.reports();
        e.training = true;
        e.user = QStringLiteral("tester");
        return e;
    }
    //! Registers a patient without coverage through the service; 0 on failure.
    qint64 newPatient(TrainingEnvironment &env)
    {
        Patient p;
        p.firstName = QStringLiteral("Pat");
        p.lastName = QStringLiteral("Tester");
        p.dateOfBirth = QDate(1985, 3, 4);
        p.gender = Gender::Female;
        const StoreResult<Patient> saved = TestSupport::await(env.patients().registerPatient(p));
        if (!saved)
            qWarning() << "patient not registered:" << saved.error();
        return saved ? saved->id : 0;
    }
    //! Waits until the page has read the record, its coverages and the payer list.
    static bool waitUntilReady(PatientPage &page)
    {
        QSignalSpy loaded(&page, &PatientPage::loaded);
        QSignalSpy coverages(page.coverageModel(), &CoverageModel::loaded);
        if (!page.isLoaded() && !loaded.wait())
            return false;
        if (coverages.isEmpty() && !coverages.wait())
            return false;
        return QTest::qWaitFor([&] { return page.coverageForm()->hasPayers(); }) &&
               page.errorString().isEmpty();
    }
    static int countAudit(TrainingEnvironment &env, const QString &action, qint64 entityId)
    {
        int count = 0;
        for (const AuditEntry &entry : env.auditEntries()) {
            if (entry.action == action && entry.entityId == entityId)
                ++count;
        }
        return count;
    }
};

void TestPatientPage::typeMemberIdPressVerifySeeActive()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    const qint64 patientId = newPatient(env);
    QVERIFY(patientId > 0);
    PatientPage page(environmentFor(env), patientId);
    page.resize(1200, 800);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QVERIFY(waitUntilReady(page));

    auto *payer = page.findChild<QComboBox *>(QStringLiteral("payerCombo"));
    auto *memberId = page.findChild<QLineEdit *>(QStringLiteral("memberIdEdit"));
    auto *verify = page.findChild<QPushButton *>(QStringLiteral("verifyButton"));
    QVERIFY(payer && memberId && verify);
    payer->setCurrentIndex(payer->findData(QStringLiteral("INS001")));
    QCOMPARE(payer->currentData().toString(), QStringLiteral("INS001"));
    memberId->setFocus();
    QTest::keyClicks(memberId, QStringLiteral("ACT100001"));
    QTest::mouseClick(verify, Qt::LeftButton);

    auto *verdict = page.findChild<QLabel *>(QStringLiteral("verdictLabel"));
    QVERIFY(verdict);
    QTRY_COMPARE_WITH_TIMEOUT(verdict->text(), QStringLiteral("ACTIVE"), 10000);
    auto *summary = page.findChild<QLabel *>(QStringLiteral("summaryLabel"));
    QVERIFY2(summary->text().contains(QStringLiteral("$25.00")), qPrintable(summary->text()));
    QVERIFY(summary->text().contains(QStringLiteral("Gold PPO 1500")));
    auto *benefits = page.findChild<QTableView *>(QStringLiteral("benefitsView"));
    QVERIFY(benefits->isVisible());
    QVERIFY(benefits->model()->rowCount() >= 6);
    // The coverage was saved and shows in the list with its status, and in the history.
    QTRY_COMPARE(page.coverageModel()->rowCount(), 1);
    QCOMPARE(page.coverageModel()->coverageAt(0).memberId, QStringLiteral("ACT100001"));
    QTRY_COMPARE(page.coverageModel()->index(0, CoverageModel::StatusColumn).data().toString(),
                 QStringLiteral("ACTIVE"));
    QTRY_COMPARE(page.historyModel()->rowCount(), 1);
    QCOMPARE(
        countAudit(env, QStringLiteral("coverage.create"), page.coverageModel()->coverageAt(0).id),
        1);
    // Pressing Verify again within a day reuses the answer, and says so.
    QSignalSpy started(&env.service(), &EligibilityService::verificationStarted);
    QTest::mouseClick(verify, Qt::LeftButton);
    auto *reasons = page.findChild<QLabel *>(QStringLiteral("reasonsLabel"));
    QTRY_VERIFY_WITH_TIMEOUT(
        reasons->isVisible() && reasons->text().contains(QStringLiteral("not asked again")), 5000);
    QCOMPARE(started.size(), 0);
    QCOMPARE(page.historyModel()->rowCount(), 1);

    // The printed report holds the key fields.
    const StoreResult<VerificationReportData> data =
        TestSupport::await(env.reports().verificationReport(patientId));
    QVERIFY2(data.ok(), qPrintable(data.error()));
    const QString html = ReportHtml::verificationReport(*data);
    QVERIFY(html.contains(QStringLiteral("ACT100001")));
    QVERIFY(html.contains(QStringLiteral("$1,500.00")));
}

void TestPatientPage::invalidMemberIdShowsMessageAndSendsNothing()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    const qint64 patientId = newPatient(env);
    PatientPage page(environmentFor(env), patientId);
    page.show();
    QVERIFY(waitUntilReady(page));
    QSignalSpy started(&env.service(), &EligibilityService::verificationStarted);
    QSignalSpy coverageSaved(&env.patients(), &PatientService::coverageSaved);
    auto *memberId = page.findChild<QLineEdit *>(QStringLiteral("memberIdEdit"));
    QTest::keyClicks(memberId, QStringLiteral("AB#1"));
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("verifyButton")),
                      Qt::LeftButton);
    auto *message = page.coverageForm()->findChild<QLabel *>(QStringLiteral("messageLabel"));
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().contains(QStringLiteral("Member ID")), qPrintable(message->text()));
    QVERIFY(!memberId->toolTip().isEmpty());
    QVERIFY(!page.coverageForm()->isSaving());
    // Whatever was queued has run: nothing was saved or sent.
    env.store().drain();
    QCoreApplication::processEvents();
    QCOMPARE(started.size(), 0);
    QCOMPARE(coverageSaved.size(), 0);
    QCOMPARE(page.coverageModel()->rowCount(), 0);
    const StoreResult<QList<Coverage>> stored =
        TestSupport::await(env.patients().coverages(patientId));
    QVERIFY2(stored.ok(), qPrintable(stored.error()));
    QCOMPARE(stored->size(), 0);
}

void TestPatientPage::rejectionShowsReasonAndFix()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    PatientPage page(environmentFor(env), newPatient(env));
    page.show();
    QVERIFY(waitUntilReady(page));
    QTest::keyClicks(page.findChild<QLineEdit *>(QStringLiteral("memberIdEdit")),
                     QStringLiteral("BAD600006"));
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("verifyButton")),
                      Qt::LeftButton);
    auto *verdict = page.findChild<QLabel *>(QStringLiteral("verdictLabel"));
    QTRY_COMPARE_WITH_TIMEOUT(verdict->text(), QStringLiteral("REJECTED — AAA 72"), 10000);
    auto *reasons = page.findChild<QLabel *>(QStringLiteral("reasonsLabel"));
    QVERIFY(reasons->isVisible());
    QVERIFY2(reasons->text().contains(QStringLiteral("member ID"), Qt::CaseInsensitive),
             qPrintable(reasons->text()));
    QVERIFY(!page.findChild<QTableView *>(QStringLiteral("benefitsView"))->isVisible());
}

void TestPatientPage::dependentNeedsSubscriberDetails()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    PatientPage page(environmentFor(env), newPatient(env));
    page.show();
    QVERIFY(waitUntilReady(page));
    auto *relationship = page.findChild<QComboBox *>(QStringLiteral("relationshipCombo"));
    relationship->setCurrentIndex(relationship->findData(int(SubscriberRelationship::Child)));
    QTest::keyClicks(page.findChild<QLineEdit *>(QStringLiteral("memberIdEdit")),
                     QStringLiteral("DEP300003"));
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("verifyButton")),
                      Qt::LeftButton);
    const QString message =
        page.coverageForm()->findChild<QLabel *>(QStringLiteral("messageLabel"))->text();
    QVERIFY2(message.contains(QStringLiteral("Subscriber first name")), qPrintable(message));
    QVERIFY(message.contains(QStringLiteral("Subscriber date of birth")));

    QTest::keyClicks(page.findChild<QLineEdit *>(QStringLiteral("subscriberFirstEdit")),
                     QStringLiteral("Chris"));
    QTest::keyClicks(page.findChild<QLineEdit *>(QStringLiteral("subscriberLastEdit")),
                     QStringLiteral("Smith"));
    QTest::keyClicks(page.findChild<QLineEdit *>(QStringLiteral("subscriberDobEdit")),
                     QStringLiteral("01/01/1995"));
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("verifyButton")),
                      Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(page.statusPanel()->verdictText(), QStringLiteral("ACTIVE"), 10000);
    QTRY_COMPARE(page.coverageModel()->rowCount(), 1);
    const Coverage saved = page.coverageModel()->coverageAt(0);
    QCOMPARE(saved.relationship, SubscriberRelationship::Child);
    QCOMPARE(saved.subscriber.dateOfBirth, QDate(1995, 1, 1));
}

void TestPatientPage::retryFailedAttempt()
{
    TrainingEnvironment::Options options;
    options.maxTries = 1;
    TrainingEnvironment env(options);
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    PatientPage page(environmentFor(env), env.patientId(QStringLiteral("Ollie"))); // BSY900009
    page.show();
    QVERIFY(waitUntilReady(page));
    QCOMPARE(page.coverageModel()->rowCount(), 1); // selected once loaded
    page.verifyAgain();
    QTRY_COMPARE_WITH_TIMEOUT(page.statusPanel()->verdictText(), QStringLiteral("COULD NOT VERIFY"),
                              10000);
    auto *history = page.findChild<QTableView *>(QStringLiteral("historyView"));
    QTRY_COMPARE(history->model()->rowCount(), 1);
    history->setCurrentIndex(history->model()->index(0, 0));
    auto *retry = page.findChild<QPushButton *>(QStringLiteral("retryButton"));
    QVERIFY(retry);
    QVERIFY(retry->isEnabled());
    QTest::mouseClick(retry, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(history->model()->rowCount(), 2, 10000);
    page.retrySelectedAttempt();
    QTRY_COMPARE_WITH_TIMEOUT(page.statusPanel()->verdictText(), QStringLiteral("ACTIVE"), 10000);
}

void TestPatientPage::openingIsAudited()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    const qint64 jane = env.patientId(QStringLiteral("Jane"));
    QVERIFY(jane > 0);
    QCOMPARE(countAudit(env, QStringLiteral("patient.view"), jane), 0);

    PatientPage page(environmentFor(env), jane);
    QVERIFY(!page.isLoaded());
    QCOMPARE(page.title(), QStringLiteral("Patient"));
    page.show();
    QVERIFY(waitUntilReady(page));
    QVERIFY(page.isLoaded());
    QCOMPARE(page.patient().id, jane);
    QCOMPARE(page.title(), QStringLiteral("Smith, Jane"));
    QCOMPARE(page.errorString(), QString());
    QCOMPARE(page.coverageModel()->rowCount(), 2);

    const QList<AuditEntry> entries = env.auditEntries();
    const auto view = std::find_if(entries.cbegin(), entries.cend(), [&](const AuditEntry &e) {
        return e.action == QLatin1String("patient.view") && e.entityId == jane;
    });
    QVERIFY(view != entries.cend());
    QCOMPARE(view->user, QStringLiteral("tester"));
    QCOMPARE(view->entity, QStringLiteral("patient"));
    QVERIFY(view->at.isValid());
    QCOMPARE(countAudit(env, QStringLiteral("patient.view"), jane), 1);
    // Reading the coverages is on record too.
    QCOMPARE(countAudit(env, QStringLiteral("coverage.view"), jane), 1);
}

void TestPatientPage::missingPatientShowsError()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    const qint64 missing = 999999;
    PatientPage page(environmentFor(env), missing);
    page.show();
    QSignalSpy loaded(&page, &PatientPage::loaded);
    QVERIFY(loaded.wait());
    QVERIFY(!page.isLoaded());
    QVERIFY(!page.errorString().isEmpty());
    auto *error = page.findChild<QLabel *>(QStringLiteral("patientError"));
    QVERIFY(error && error->isVisible());
    QCOMPARE(error->text(), page.errorString());
    auto *header = page.findChild<QLabel *>(QStringLiteral("patientHeader"));
    QVERIFY(header);
    QVERIFY2(header->text().contains(QStringLiteral("could not be opened")),
             qPrintable(header->text()));
    // Nothing of another patient is shown, and no coverages are read for it.
    env.store().drain();
    QCoreApplication::processEvents();
    QCOMPARE(page.coverageModel()->rowCount(), 0);
    QCOMPARE(countAudit(env, QStringLiteral("coverage.view"), missing), 0);
}

void TestPatientPage::previewPrintAndExportAreAudited()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    const qint64 jane = env.patientId(QStringLiteral("Jane"));
    QCOMPARE(env.verifyAndWait(env.coverageId(QStringLiteral("ACT100001"))).status,
             VerificationStatus::Verified);
    PatientPage page(environmentFor(env), jane);
    page.resize(1000, 700);
    page.show();
    QVERIFY(waitUntilReady(page));

    // Print Preview from the page: recorded before the preview opens (closed here at once).
    QString previewTitle;
    QTimer closer;
    closer.setInterval(20);
    connect(&closer, &QTimer::timeout, this, [&] {
        if (auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget())) {
            previewTitle = dialog->windowTitle();
            dialog->reject();
        }
    });
    closer.start();
    page.printPreview();
    QTRY_VERIFY_WITH_TIMEOUT(!previewTitle.isEmpty(), 10000);
    closer.stop();
    QVERIFY2(previewTitle.startsWith(QStringLiteral("Print Preview")), qPrintable(previewTitle));
    QCOMPARE(countAudit(env, QStringLiteral("report.preview"), jane), 1);
    QCOMPARE(countAudit(env, QStringLiteral("report.print"), jane), 0); // not printed

    // Printing and exporting go through the ReportService, which records them.
    const StoreResult<VerificationReportData> data =
        TestSupport::await(env.reports().verificationReport(jane));
    QVERIFY2(data.ok(), qPrintable(data.error()));
    QCOMPARE(data->patient.id, jane);
    const StoreResult<qint64> printed =
        TestSupport::await(env.reports().recordOutput(ReportService::Output::Print, *data));
    QVERIFY2(printed.ok(), qPrintable(printed.error()));
    QCOMPARE(countAudit(env, QStringLiteral("report.print"), jane), 1);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("verification-smith.pdf"));
    const StoreResult<QString> exported = TestSupport::await(env.reports().exportPdf(*data, path));
    QVERIFY2(exported.ok(), qPrintable(exported.error()));
    QCOMPARE(*exported, path);
    QFile pdf(path);
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QVERIFY(pdf.read(5).startsWith("%PDF"));
    // PHI on disk: readable by its owner only.
    QCOMPARE(pdf.permissions() &
                 (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
             QFile::Permissions());
    QCOMPARE(countAudit(env, QStringLiteral("report.export"), jane), 1);

    // No row holds PHI values: only who, what and which id.
    for (const AuditEntry &entry : env.auditEntries()) {
        if (entry.action.startsWith(QLatin1String("report."))) {
            QCOMPARE(entry.entity, QStringLiteral("patient"));
            QCOMPARE(entry.user, QStringLiteral("tester"));
        }
    }
}

QTEST_MAIN(TestPatientPage)
#include "tst_patientpage.moc"

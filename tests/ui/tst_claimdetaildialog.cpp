// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The claim detail dialog over a claim the sandbox payor really paid: the remittance with each
// adjustment in words, the timeline with its sources, the actions its status allows, and an
// appeal and a write-off done from it.
#include "common/claimfixture.h"
#include "common/trainingenvironment.h"
#include "services/claims/claimservice.h"
#include "services/claims/claimsubmitter.h"
#include "ui/claimdetaildialog.h"

#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace std::chrono_literals;

namespace {
//! Every text of the tree, depth first.
QStringList treeTexts(const QTreeWidget *tree)
{
    QStringList texts;
    std::function<void(const QTreeWidgetItem *)> walk = [&](const QTreeWidgetItem *item) {
        texts << item->text(0) + QLatin1Char('|') + item->text(1);
        for (int i = 0; i < item->childCount(); ++i)
            walk(item->child(i));
    };
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        walk(tree->topLevelItem(i));
    return texts;
}

//! Answers the next input dialog with `text` (once it is shown).
void answerNextInput(const QString &text)
{
    QTimer::singleShot(50ms, [text] {
        auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        dialog->setTextValue(text);
        dialog->accept();
    });
}
} // namespace

class TestClaimDetailDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void paidClaimExplainsEveryDollar();
    void deniedClaimIsAppealedThenWrittenOff();

private:
    Claim paidClaim(qint64 cents);
    std::unique_ptr<TrainingEnvironment> m_env;
    std::unique_ptr<ClaimService> m_claims;
    std::unique_ptr<ClaimSubmitter> m_submitter;
};

void TestClaimDetailDialog::init()
{
    m_env = std::make_unique<TrainingEnvironment>();
    QVERIFY2(m_env->isReady(), qPrintable(m_env->error()));
    m_claims = std::make_unique<ClaimService>(&m_env->store(), QStringLiteral("biller"));
    ClaimSubmitter::Config config;
    config.baseUrl = m_env->sandboxBaseUrl();
    config.apiKey = QString::fromLatin1(m_env->sandbox().payorApiKey());
    config.timeoutMs = 3000;
    m_submitter = std::make_unique<ClaimSubmitter>(&m_env->store(), m_claims.get(),
                                                   &m_env->network(), config);
    m_submitter->start();
}

void TestClaimDetailDialog::cleanup()
{
    m_submitter.reset();
    m_claims.reset();
    m_env.reset();
}

Claim TestClaimDetailDialog::paidClaim(qint64 cents)
{
    const auto queued = TestSupport::await(m_claims->queue(
        ClaimFixture::forJane(m_env->patientId(QStringLiteral("Jane")), cents),
        {QStringLiteral("PRV-1"), QStringLiteral("Springfield")}));
    if (!queued)
        return {};
    m_submitter->wake();
    Claim last = *queued;
    QSignalSpy changed(m_claims.get(), &ClaimService::claimChanged);
    for (int i = 0; i < 100 && claimStatusIsOpen(last.status); ++i) {
        changed.wait(200);
        const auto found = TestSupport::await(m_claims->find(queued->id));
        if (found && found->has_value())
            last = **found;
    }
    return last;
}

void TestClaimDetailDialog::paidClaimExplainsEveryDollar()
{
    const Claim claim = paidClaim(150000);
    QCOMPARE(claim.status, ClaimStatus::Paid);
    ClaimDetailDialog dialog(m_claims.get(), m_submitter.get(), {}, claim.id);
    QSignalSpy loaded(&dialog, &ClaimDetailDialog::claimLoaded);
    QVERIFY(loaded.wait(5000));
    QCOMPARE(dialog.statusLabel()->text(), claimStatusName(ClaimStatus::Paid));
    QVERIFY(dialog.windowTitle().contains(claim.claimNumber));

    // The remittance: the line, the contractual write-off and the patient's share in words.
    QTRY_VERIFY(dialog.remittanceTree()->topLevelItemCount() == 1);
    const QStringList texts = treeTexts(dialog.remittanceTree());
    const QString all = texts.join(QLatin1Char('\n'));
    QVERIFY2(all.contains(QLatin1String("Line 1 99213: billed $1,500.00")), qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("CO-45")) && all.contains(QLatin1String("fee schedule")),
             qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("Deductible")), qPrintable(all));
    QVERIFY2(texts.first().endsWith(formatCents(claim.paidCents)), qPrintable(texts.first()));

    // The timeline, newest first, names each step's source.
    const QTableWidget *timeline = dialog.timelineTable();
    QTRY_VERIFY(timeline->rowCount() >= 3);
    QCOMPARE(timeline->item(0, 1)->text(), claimStatusName(ClaimStatus::Paid));
    QCOMPARE(timeline->item(timeline->rowCount() - 1, 1)->text(),
             claimStatusName(ClaimStatus::Draft));

    // A paid claim can be corrected, voided or closed, not appealed or retried.
    QVERIFY(!dialog.actionButton(ClaimAction::Correct)->isHidden());
    QVERIFY(!dialog.actionButton(ClaimAction::Void)->isHidden());
    QVERIFY(!dialog.actionButton(ClaimAction::WriteOff)->isHidden());
    QVERIFY(dialog.actionButton(ClaimAction::Appeal)->isHidden());
    QVERIFY(dialog.actionButton(ClaimAction::Retry)->isHidden());

    // Correct & Resubmit hands the form a replacement of this claim.
    QSignalSpy edit(&dialog, &ClaimDetailDialog::editRequested);
    dialog.actionButton(ClaimAction::Correct)->click();
    QCOMPARE(edit.size(), 1);
    const Claim draft = edit.first().first().value<Claim>();
    QCOMPARE(draft.frequency, ClaimFrequency::Replacement);
    QCOMPARE(draft.replacesClaimId, claim.id);
    QCOMPARE(draft.lines, claim.lines);
}

void TestClaimDetailDialog::deniedClaimIsAppealedThenWrittenOff()
{
    // The sandbox pends a large claim and then decides it; a denial from the payor is what
    // this test needs, so it applies one the way a webhook would.
    const Claim claim = paidClaim(150000);
    PayorJson::ClaimStatusReport denied;
    denied.payerClaimId = claim.payerClaimId;
    denied.status = ClaimStatus::Denied;
    denied.statusText = QStringLiteral("denied");
    denied.message = QStringLiteral("Prior authorization required (CO-197)");
    denied.updatedAt = QDateTime::currentDateTimeUtc().addSecs(5);
    QVERIFY(TestSupport::await(m_claims->applyStatus(denied, ClaimEventSource::Webhook)));

    ClaimDetailDialog dialog(m_claims.get(), m_submitter.get(), {}, claim.id);
    QTRY_COMPARE(dialog.claim().status, ClaimStatus::Denied);
    QVERIFY(dialog.findChildren<QLabel *>().size() > 0);
    bool saysWhy = false;
    for (const QLabel *label : dialog.findChildren<QLabel *>())
        saysWhy = saysWhy || label->text().contains(QLatin1String("CO-197"));
    QVERIFY(saysWhy);
    QVERIFY(!dialog.actionButton(ClaimAction::Appeal)->isHidden());

    answerNextInput(QStringLiteral("Authorization 55-1234 was approved on the visit day."));
    dialog.actionButton(ClaimAction::Appeal)->click();
    QTRY_COMPARE(dialog.claim().status, ClaimStatus::Appealed);
    QTRY_COMPARE(dialog.timelineTable()->item(0, 4)->text(),
                 QStringLiteral("Authorization 55-1234 was approved on the visit day."));
    QVERIFY(dialog.actionButton(ClaimAction::Appeal)->isHidden());

    answerNextInput(QStringLiteral("Small balance"));
    dialog.actionButton(ClaimAction::WriteOff)->click();
    QTRY_COMPARE(dialog.claim().status, ClaimStatus::Closed);
    for (ClaimAction action : {ClaimAction::Correct, ClaimAction::Void, ClaimAction::Appeal,
                               ClaimAction::WriteOff, ClaimAction::Retry})
        QVERIFY(dialog.actionButton(action)->isHidden());
}

QTEST_MAIN(TestClaimDetailDialog)
#include "tst_claimdetaildialog.moc"

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/claimdetaildialog.h"

#include "services/claims/adjustmentcodes.h"
#include "services/claims/claimservice.h"
#include "services/claims/claimsubmitter.h"
#include "services/common/async.h"
#include "services/eligibility/benefitsummary.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {
QString actionText(ClaimAction action)
{
    switch (action) {
    case ClaimAction::Edit:
        return ClaimDetailDialog::tr("&Edit…");
    case ClaimAction::Submit:
        return ClaimDetailDialog::tr("&Submit…");
    case ClaimAction::Retry:
        return ClaimDetailDialog::tr("&Retry");
    case ClaimAction::Correct:
        return ClaimDetailDialog::tr("C&orrect && Resubmit…");
    case ClaimAction::Void:
        return ClaimDetailDialog::tr("&Void…");
    case ClaimAction::Appeal:
        return ClaimDetailDialog::tr("&Appeal…");
    case ClaimAction::WriteOff:
        return ClaimDetailDialog::tr("&Write Off…");
    }
    return {};
}

QTableWidgetItem *cell(const QString &text, Qt::Alignment alignment = Qt::AlignLeft)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    item->setTextAlignment(alignment | Qt::AlignVCenter);
    return item;
}

QTableWidget *readOnlyTable(const QStringList &headers, const QString &name)
{
    auto *table = new QTableWidget(0, int(headers.size()));
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->hide();
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setWordWrap(true);
    table->setAccessibleName(name);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

constexpr Qt::Alignment right = Qt::AlignRight;
} // namespace

ClaimDetailDialog::ClaimDetailDialog(ClaimService *claims, ClaimSubmitter *submitter,
                                     const PayorJson::Provider &provider, qint64 claimId,
                                     QWidget *parent)
    : QDialog(parent)
    , m_claims(claims)
    , m_submitter(submitter)
    , m_provider(provider)
    , m_claimId(claimId)
    , m_title(new QLabel(this))
    , m_status(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_message(new QLabel(this))
    , m_error(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_lines(readOnlyTable({tr("Code"), tr("Modifiers"), tr("Units"), tr("Charge"),
                             tr("Diagnoses"), tr("Description")},
                            tr("Service lines")))
    , m_timeline(readOnlyTable({tr("When"), tr("Status"), tr("Source"), tr("By"), tr("What")},
                               tr("Timeline")))
    , m_remittance(new QTreeWidget(this))
{
    setWindowTitle(tr("Claim"));
    resize(860, 600);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setFont(big);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setFont(big);
    m_status->setAccessibleName(tr("Claim status"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #a31515;"));
    m_error->hide();

    m_remittance->setColumnCount(2);
    m_remittance->setHeaderLabels({tr("Remittance"), tr("Amount")});
    m_remittance->setAccessibleName(tr("Remittance per line, with each adjustment explained"));
    m_remittance->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_remittance->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_remittance->header()->setStretchLastSection(false);
    m_remittance->setWordWrap(true);
    m_tabs->addTab(m_remittance, tr("&Payment"));
    m_tabs->addTab(m_timeline, tr("&Timeline"));
    m_tabs->addTab(m_lines, tr("&Lines"));

    auto *head = new QHBoxLayout;
    head->addWidget(m_title, 1);
    head->addWidget(m_status);
    auto *actions = new QHBoxLayout;
    for (ClaimAction action : {ClaimAction::Edit, ClaimAction::Submit, ClaimAction::Retry,
                               ClaimAction::Correct, ClaimAction::Void, ClaimAction::Appeal,
                               ClaimAction::WriteOff}) {
        auto *button = new QPushButton(actionText(action), this);
        button->hide();
        connect(button, &QPushButton::clicked, this, [this, action] { run(action); });
        actions->addWidget(button);
        m_buttons.insert(action, button);
    }
    actions->addStretch(1);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    actions->addWidget(close);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(head);
    layout->addWidget(m_summary);
    layout->addWidget(m_message);
    layout->addWidget(m_error);
    layout->addWidget(m_tabs, 1);
    layout->addLayout(actions);

    connect(m_claims, &ClaimService::claimChanged, this, [this](const Claim &changed) {
        if (changed.id == m_claimId)
            reload();
    });
    reload();
}

void ClaimDetailDialog::reload()
{
    Async::whenReady(m_claims->find(m_claimId), this,
                     [this](const StoreResult<std::optional<Claim>> &found) {
                         if (!found) {
                             showError(found.error());
                             return;
                         }
                         if (!found->has_value()) {
                             showError(tr("This claim no longer exists."));
                             return;
                         }
                         showClaim(**found);
                     });
    Async::whenReady(m_claims->timeline(m_claimId), this,
                     [this](const StoreResult<QList<ClaimTimelineEntry>> &timeline) {
                         if (timeline)
                             showTimeline(*timeline);
                         else
                             showError(timeline.error());
                     });
    Async::whenReady(m_claims->remittances(m_claimId), this,
                     [this](const StoreResult<QList<StoredRemittance>> &remittances) {
                         if (remittances)
                             showRemittances(*remittances);
                         else
                             showError(remittances.error());
                     });
}

void ClaimDetailDialog::showClaim(const Claim &claim)
{
    m_claim = claim;
    setWindowTitle(tr("Claim %1 — %2").arg(claim.claimNumber, claim.patientName));
    m_title->setText(tr("%1 · %2").arg(claim.claimNumber, claim.patientName));
    m_status->setText(claimStatusName(claim.status));
    QStringList facts;
    facts << tr("%1, member %2").arg(claim.payerName, claim.memberId)
          << tr("date of service %1").arg(BenefitSummary::formatDate(claim.dateOfService));
    if (!claim.payerClaimId.isEmpty())
        facts << tr("payor claim %1").arg(claim.payerClaimId);
    if (claim.frequency == ClaimFrequency::Replacement)
        facts << tr("corrected claim (replaces the payor's %1)").arg(claim.payerClaimId);
    else if (claim.frequency == ClaimFrequency::Void)
        facts << tr("void of an earlier claim");
    QString money = tr("Billed %1").arg(formatCents(claim.totalChargeCents()));
    if (claim.allowedCents || claim.paidCents || claim.patientResponsibilityCents) {
        money += QStringLiteral(" · ") + tr("allowed %1").arg(formatCents(claim.allowedCents)) +
                 QStringLiteral(" · ") + tr("paid %1").arg(formatCents(claim.paidCents)) +
                 QStringLiteral(" · ") +
                 tr("patient owes %1").arg(formatCents(claim.patientResponsibilityCents));
    }
    if (claim.expectedPaymentDate.isValid())
        money += QStringLiteral(" · ") +
                 tr("payment expected %1")
                     .arg(BenefitSummary::formatDate(claim.expectedPaymentDate));
    m_summary->setText(facts.join(QStringLiteral(" · ")) + QLatin1Char('\n') + money);
    m_message->setText(claim.payerMessage.isEmpty()
                           ? QString()
                           : tr("The payor says: %1").arg(claim.payerMessage));
    m_message->setVisible(!claim.payerMessage.isEmpty());

    m_lines->setRowCount(int(claim.lines.size()));
    for (int i = 0; i < claim.lines.size(); ++i) {
        const ServiceLine &line = claim.lines.at(i);
        QStringList pointers;
        for (int p : line.diagnosisPointers) {
            const QString code = p >= 1 && p <= claim.diagnoses.size()
                                     ? icd10Display(claim.diagnoses.at(p - 1).code)
                                     : QString::number(p);
            pointers << code;
        }
        m_lines->setItem(i, 0, cell(line.procedureCode));
        m_lines->setItem(i, 1, cell(line.modifiers.join(QLatin1Char(' '))));
        m_lines->setItem(i, 2, cell(QString::number(line.units), right));
        m_lines->setItem(i, 3, cell(formatCents(line.chargeCents), right));
        m_lines->setItem(i, 4, cell(pointers.join(QStringLiteral(", "))));
        m_lines->setItem(i, 5, cell(line.description));
    }
    m_lines->resizeColumnsToContents();
    updateActions();
    Q_EMIT claimLoaded(claim);
}

void ClaimDetailDialog::showTimeline(const QList<ClaimTimelineEntry> &timeline)
{
    m_timeline->setRowCount(int(timeline.size()));
    // Newest first: what happened last is what the biller asks about.
    for (int i = 0; i < timeline.size(); ++i) {
        const ClaimTimelineEntry &entry = timeline.at(timeline.size() - 1 - i);
        m_timeline->setItem(
            i, 0, cell(BenefitSummary::formatDateTime(entry.at)));
        m_timeline->setItem(i, 1, cell(claimStatusName(entry.status)));
        m_timeline->setItem(i, 2, cell(claimEventSourceName(entry.source)));
        m_timeline->setItem(i, 3, cell(entry.actor));
        m_timeline->setItem(i, 4, cell(entry.message));
    }
    m_timeline->resizeColumnsToContents();
    m_timeline->resizeRowsToContents();
}

void ClaimDetailDialog::showRemittances(const QList<StoredRemittance> &remittances)
{
    m_remittance->clear();
    const AdjustmentCodes codes = AdjustmentCodes::builtIn();
    const auto money = [](QTreeWidgetItem *item, qint64 cents) {
        item->setText(1, formatCents(cents));
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
    };
    const auto addAdjustment = [&](QTreeWidgetItem *parent, const RemittanceAdjustment &a) {
        auto *item = new QTreeWidgetItem(parent);
        item->setText(0, codes.describe(a.group, a.reason));
        item->setToolTip(0, item->text(0));
        money(item, a.amountCents);
    };
    if (remittances.isEmpty()) {
        auto *none = new QTreeWidgetItem(m_remittance);
        none->setText(0, tr("No remittance yet: the payor has not paid or denied this claim."));
        return;
    }
    for (const StoredRemittance &stored : remittances) {
        const Remittance &r = stored.remittance;
        auto *top = new QTreeWidgetItem(m_remittance);
        QString source = r.source == QLatin1String("payor") ? tr("from the payor")
                                                            : tr("from %1").arg(r.source);
        top->setText(0, tr("Remittance %1, received %2: paid %3, patient owes %4")
                            .arg(source,
                                 BenefitSummary::formatDateTime(stored.receivedAt),
                                 formatCents(r.paidCents),
                                 formatCents(r.patientResponsibilityCents)));
        money(top, r.paidCents);
        QFont bold = top->font(0);
        bold.setBold(true);
        top->setFont(0, bold);
        if (!stored.balanced) {
            auto *warning = new QTreeWidgetItem(top);
            warning->setText(0, tr("Does not add up: %1").arg(stored.balanceError));
            warning->setForeground(0, QColor(0xa3, 0x15, 0x15));
        }
        for (int i = 0; i < r.lines.size(); ++i) {
            const RemittanceLine &line = r.lines.at(i);
            auto *item = new QTreeWidgetItem(top);
            QString code = line.procedureCode;
            if (!line.modifiers.isEmpty())
                code += QLatin1Char('-') + line.modifiers.join(QLatin1Char('-'));
            item->setText(0, tr("Line %1 %2: billed %3, allowed %4, paid")
                                 .arg(i + 1)
                                 .arg(code, formatCents(line.billedCents),
                                      formatCents(line.allowedCents)));
            money(item, line.paidCents);
            for (const RemittanceAdjustment &a : line.adjustments)
                addAdjustment(item, a);
            for (const QString &remark : line.remarks) {
                auto *note = new QTreeWidgetItem(item);
                note->setText(0, codes.describeRemark(remark));
                note->setToolTip(0, note->text(0));
            }
        }
        for (const RemittanceAdjustment &a : r.claimAdjustments)
            addAdjustment(top, a);
        for (const QString &remark : r.remarks) {
            auto *note = new QTreeWidgetItem(top);
            note->setText(0, codes.describeRemark(remark));
        }
    }
    m_remittance->expandAll();
}

void ClaimDetailDialog::updateActions()
{
    const QList<ClaimAction> offered = claimActions(m_claim);
    for (auto it = m_buttons.cbegin(); it != m_buttons.cend(); ++it) {
        bool visible = offered.contains(it.key());
        // Sending needs the outbox; without a payor set up the claim waits.
        if ((it.key() == ClaimAction::Retry || it.key() == ClaimAction::Void) && !m_submitter)
            visible = false;
        it.value()->setVisible(visible);
        it.value()->setEnabled(true);
    }
}

void ClaimDetailDialog::showError(const QString &error)
{
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
    for (QPushButton *button : std::as_const(m_buttons))
        button->setEnabled(true);
}

void ClaimDetailDialog::run(ClaimAction action)
{
    m_error->hide();
    switch (action) {
    case ClaimAction::Edit:
    case ClaimAction::Submit:
        Q_EMIT editRequested(m_claim);
        return;
    case ClaimAction::Correct:
        Q_EMIT editRequested(claimFollowing(m_claim, ClaimFrequency::Replacement));
        return;
    case ClaimAction::Retry:
        if (!m_submitter)
            return;
        m_buttons.value(action)->setEnabled(false);
        Async::whenReady(m_submitter->retry(m_claimId), this,
                         [this](const StoreResult<bool> &retried) {
                             if (!retried)
                                 showError(retried.error());
                         });
        return;
    case ClaimAction::Void:
        voidClaim();
        return;
    case ClaimAction::Appeal: {
        bool ok = false;
        const QString note = QInputDialog::getMultiLineText(
            this, tr("Appeal Claim %1").arg(m_claim.claimNumber),
            tr("Why the payor's decision is wrong (recorded on the claim's timeline):"), {}, &ok);
        if (!ok)
            return;
        Async::whenReady(m_claims->appeal(m_claimId, note), this,
                         [this](const StoreResult<Claim> &done) {
                             if (!done)
                                 showError(done.error());
                         });
        return;
    }
    case ClaimAction::WriteOff: {
        bool ok = false;
        const QString reason = QInputDialog::getText(
            this, tr("Write Off Claim %1").arg(m_claim.claimNumber),
            tr("Reason (for example: patient balance paid at the desk, small balance write-off):"),
            QLineEdit::Normal, {}, &ok);
        if (!ok)
            return;
        Async::whenReady(m_claims->writeOff(m_claimId, reason), this,
                         [this](const StoreResult<Claim> &done) {
                             if (!done)
                                 showError(done.error());
                         });
        return;
    }
    }
}

void ClaimDetailDialog::voidClaim()
{
    const auto answer = QMessageBox::question(
        this, tr("Void Claim %1").arg(m_claim.claimNumber),
        tr("Send the payor a void of claim %1 (payor claim %2)? The claim is cancelled at the "
           "payor; any payment on it will be taken back.")
            .arg(m_claim.claimNumber, m_claim.payerClaimId),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    m_buttons.value(ClaimAction::Void)->setEnabled(false);
    Async::whenReady(m_claims->queue(claimFollowing(m_claim, ClaimFrequency::Void), m_provider),
                     this, [this](const StoreResult<Claim> &queued) {
                         if (!queued)
                             showError(queued.error());
                     });
}

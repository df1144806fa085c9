// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/batchverifydialog.h"

#include "services/eligibility/batchverification.h"
#include "services/eligibility/benefitsummary.h"
#include "services/eligibility/eligibilityservice.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

using namespace BenefitSummary;

BatchVerifyDialog::BatchVerifyDialog(EligibilityService *service, BatchVerification *batch,
                                     const QString &title, QWidget *parent)
    : QDialog(parent)
    , m_service(service)
    , m_batch(batch)
    , m_total(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_counts(new QLabel(this))
    , m_log(new QListWidget(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    m_batch->setParent(this);
    m_batch->setAutoDelete(false);
    setWindowTitle(title);
    m_total->setText(tr("Finding the coverages to verify…"));
    m_progress->setObjectName(QStringLiteral("batchProgress"));
    m_progress->setRange(0, 0); // busy until the coverages are known
    m_progress->setFormat(tr("%v of %m"));
    m_counts->setObjectName(QStringLiteral("batchCounts"));
    m_log->setObjectName(QStringLiteral("batchLog"));
    m_log->setAccessibleName(tr("Verification results"));
    m_log->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_total);
    layout->addWidget(m_progress);
    layout->addWidget(m_counts);
    layout->addWidget(m_log, 1);
    layout->addWidget(m_buttons);
    resize(640, 420);

    connect(m_buttons, &QDialogButtonBox::rejected, this, &BatchVerifyDialog::reject);
    connect(m_batch, &BatchVerification::progressChanged, this, [this](int done, int total) {
        m_total->setText(tr("%n coverage(s) to verify.", nullptr, total));
        m_progress->setMaximum(qMax(1, total));
        m_progress->setValue(done);
    });
    connect(m_batch, &BatchVerification::itemFinished, this, &BatchVerifyDialog::onItemFinished);
    connect(m_batch, &Job::finished, this, &BatchVerifyDialog::onFinished);
    connect(m_log, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        Q_EMIT patientActivated(item->data(Qt::UserRole).toLongLong());
    });
    updateCounts();
}

void BatchVerifyDialog::start()
{
    m_batch->start();
}

void BatchVerifyDialog::reject()
{
    if (m_batch->isRunning()) {
        m_batch->cancel();
        return; // onFinished turns Cancel into Close
    }
    QDialog::reject();
}

void BatchVerifyDialog::onItemFinished(const VerificationOutcome &outcome)
{
    const Verification &v = outcome.verification;
    const Verdict verdictValue = verdict(m_service->effectiveStatus(v), v.result);
    QString text = QStringLiteral("%1 — %2: %3")
                       .arg(outcome.patient.displayName(), outcome.coverage.payerName,
                            verdictText(verdictValue));
    if (!v.errorMessage.isEmpty())
        text += QStringLiteral(" — ") + v.errorMessage.section(QLatin1Char('\n'), 0, 0);
    if (outcome.reused)
        text += QLatin1Char(' ') + tr("(verified earlier today)");
    auto *item = new QListWidgetItem(text, m_log);
    item->setForeground(verdictColor(verdictValue));
    item->setData(Qt::UserRole, outcome.patient.id);
    updateCounts();
}

void BatchVerifyDialog::updateCounts()
{
    m_counts->setText(tr("Verified: %1 · Needs review: %2 · Failed: %3")
                          .arg(m_batch->countWithStatus(VerificationStatus::Verified))
                          .arg(m_batch->countWithStatus(VerificationStatus::ManualReview))
                          .arg(m_batch->countWithStatus(VerificationStatus::Failed)));
}

void BatchVerifyDialog::onFinished()
{
    updateCounts();
    if (m_progress->maximum() == 0)
        m_progress->setRange(0, 1);
    if (m_batch->wasCancelled()) {
        m_counts->setText(m_counts->text() + QStringLiteral(" · ") +
                          tr("Cancelled: %n not verified.", nullptr, m_batch->notStarted()));
    } else if (m_batch->error() != Job::Error::NoError) {
        m_counts->setText(m_batch->errorString());
    }
    m_buttons->setStandardButtons(QDialogButtonBox::Close);
    m_buttons->button(QDialogButtonBox::Close)->setFocus();
}

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

BatchVerifyDialog::BatchVerifyDialog(EligibilityService *service, const QList<qint64> &coverageIds,
                                     const VerifyOptions &options, const QString &title,
                                     QWidget *parent)
    : QDialog(parent)
    , m_service(service)
    , m_batch(new BatchVerification(service, coverageIds, options, 8, this))
    , m_progress(new QProgressBar(this))
    , m_counts(new QLabel(this))
    , m_log(new QListWidget(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setWindowTitle(title);
    m_progress->setObjectName(QStringLiteral("batchProgress"));
    m_progress->setRange(0, qMax(1, int(coverageIds.size())));
    m_progress->setValue(0);
    m_progress->setFormat(tr("%v of %m"));
    m_counts->setObjectName(QStringLiteral("batchCounts"));
    m_log->setObjectName(QStringLiteral("batchLog"));
    m_log->setAccessibleName(tr("Verification results"));
    m_log->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(
        new QLabel(tr("%n coverage(s) to verify.", nullptr, int(coverageIds.size())), this));
    layout->addWidget(m_progress);
    layout->addWidget(m_counts);
    layout->addWidget(m_log, 1);
    layout->addWidget(m_buttons);
    resize(640, 420);

    connect(m_buttons, &QDialogButtonBox::rejected, this, &BatchVerifyDialog::reject);
    connect(m_batch, &BatchVerification::progressChanged, this, [this](int done, int total) {
        m_progress->setMaximum(qMax(1, total));
        m_progress->setValue(done);
    });
    connect(m_batch, &BatchVerification::itemFinished, this, &BatchVerifyDialog::onItemFinished);
    connect(m_batch, &BatchVerification::finished, this, &BatchVerifyDialog::onFinished);
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

void BatchVerifyDialog::onItemFinished(const Verification &v, bool reused)
{
    const auto patient = m_service->patients().find(v.patientId);
    const auto coverage = m_service->coverages().find(v.coverageId);
    const Verdict verdictValue = verdict(m_service->effectiveStatus(v), v.result);
    QString text = QStringLiteral("%1 — %2: %3")
                       .arg(patient ? patient->displayName() : QString(),
                            coverage ? coverage->payerName : QString(), verdictText(verdictValue));
    if (!v.errorMessage.isEmpty())
        text += QStringLiteral(" — ") + v.errorMessage.section(QLatin1Char('\n'), 0, 0);
    if (reused)
        text += QLatin1Char(' ') + tr("(verified earlier today)");
    auto *item = new QListWidgetItem(text, m_log);
    item->setForeground(verdictColor(verdictValue));
    item->setData(Qt::UserRole, v.patientId);
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
    if (m_batch->wasCancelled()) {
        m_counts->setText(m_counts->text() + QStringLiteral(" · ") +
                          tr("Cancelled: %n not verified.", nullptr, m_batch->notStarted()));
    }
    m_buttons->setStandardButtons(QDialogButtonBox::Close);
    m_buttons->button(QDialogButtonBox::Close)->setFocus();
}

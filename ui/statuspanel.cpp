// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/statuspanel.h"

#include "models/benefitsmodel.h"
#include "services/eligibility/benefitsummary.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

using namespace BenefitSummary;

StatusPanel::StatusPanel(QWidget *parent)
    : QWidget(parent)
    , m_verdict(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_details(new QLabel(this))
    , m_reasons(new QLabel(this))
    , m_benefitsView(new QTableView(this))
    , m_benefits(new BenefitsModel(this))
{
    m_verdict->setObjectName(QStringLiteral("verdictLabel"));
    m_verdict->setAlignment(Qt::AlignCenter);
    m_verdict->setMinimumHeight(44);
    QFont big = m_verdict->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    m_verdict->setFont(big);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setWordWrap(true);
    QFont summaryFont = m_summary->font();
    summaryFont.setBold(true);
    m_summary->setFont(summaryFont);
    m_details->setObjectName(QStringLiteral("detailsLabel"));
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_reasons->setObjectName(QStringLiteral("reasonsLabel"));
    m_reasons->setWordWrap(true);
    m_reasons->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_benefitsView->setObjectName(QStringLiteral("benefitsView"));
    m_benefitsView->setModel(m_benefits);
    // Tab leaves the table (it used to cycle through every cell); arrows move inside it.
    m_benefitsView->setTabKeyNavigation(false);
    m_benefitsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_benefitsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_benefitsView->verticalHeader()->hide();
    // Fit the panel without a horizontal scroll bar: short columns to their contents, the
    // descriptive ones share what is left and wrap.
    QHeaderView *header = m_benefitsView->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(BenefitsModel::ServiceColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(BenefitsModel::AmountColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(BenefitsModel::NotesColumn, QHeaderView::Stretch);
    m_benefitsView->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_benefitsView->setWordWrap(true);
    m_benefitsView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_benefitsView->setAccessibleName(tr("Benefits"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_verdict);
    layout->addWidget(m_summary);
    layout->addWidget(m_details);
    layout->addWidget(m_reasons);
    layout->addWidget(m_benefitsView, 1);
    showNothing();
}

void StatusPanel::setVerdict(const QString &text, const QColor &color)
{
    m_verdict->setText(text);
    m_verdict->setAccessibleName(text);
    m_verdict->setStyleSheet(
        QStringLiteral(
            "QLabel { color: white; background-color: %1; border-radius: 6px; padding: 6px; }")
            .arg(color.name()));
}

void StatusPanel::showReusedNote(const Verification &verification)
{
    const QString note = tr("Verified %1; this answer is less than a day old, so the payer was not "
                            "asked again. Press Verify Again to ask now.")
                             .arg(formatDateTime(verification.completedAt));
    const QString text = m_reasons->text();
    m_reasons->setText(text.isEmpty() ? note : text + QLatin1Char('\n') + note);
    m_reasons->setVisible(true);
}

QString StatusPanel::verdictText() const
{
    return m_verdict->text();
}

void StatusPanel::showNothing()
{
    setVerdict(BenefitSummary::verdictText(Verdict::None), verdictColor(Verdict::None));
    m_summary->setText(tr("Choose a coverage and press Verify Insurance."));
    m_details->clear();
    m_reasons->hide();
    m_benefits->setResult(std::nullopt);
    m_benefitsView->hide();
}

void StatusPanel::showPending(const Coverage &coverage)
{
    setVerdict(BenefitSummary::verdictText(Verdict::Pending), verdictColor(Verdict::Pending));
    m_summary->setText(tr("Asking %1 about member %2…").arg(coverage.payerName, coverage.memberId));
    m_details->clear();
    m_reasons->hide();
    m_benefits->setResult(std::nullopt);
    m_benefitsView->hide();
}

void StatusPanel::showVerification(const Coverage &coverage, const Verification &v,
                                   VerificationStatus effectiveStatus)
{
    const Verdict verdictValue = verdict(effectiveStatus, v.result);
    setVerdict(BenefitSummary::verdictText(verdictValue), verdictColor(verdictValue));

    QString summary = coverage.payerName;
    if (v.result && !v.result->planName.isEmpty())
        summary += QStringLiteral(" — ") + v.result->planName;
    if (v.result && v.result->isActive()) {
        if (const auto copay = officeCopayCents(*v.result))
            summary += QStringLiteral(" — ") + tr("office visit copay %1").arg(formatMoney(*copay));
    }
    m_summary->setText(summary);

    QStringList details;
    details << tr("Member ID %1").arg(coverage.memberId);
    if (v.result) {
        const QString group =
            v.result->groupNumber.isEmpty() ? coverage.groupNumber : v.result->groupNumber;
        if (!group.isEmpty())
            details << tr("Group %1").arg(group);
        const QDate begin = v.result->coverageBegin();
        const QDate end = v.result->coverageEnd();
        if (begin.isValid() || end.isValid())
            details << tr("Coverage %1").arg(dateRangeText(begin, end));
    }
    details << tr("Verified %1 by %2")
                   .arg(formatDateTime(v.completedAt.isValid() ? v.completedAt : v.requestedAt),
                        v.user);
    if (!v.traceNumber.isEmpty())
        details << tr("Trace %1").arg(v.traceNumber);
    m_details->setText(details.join(QStringLiteral(" · ")));

    QStringList reasons;
    if (effectiveStatus == VerificationStatus::Expired)
        reasons << tr("This answer is out of date. Verify again before the visit.");
    if (!v.errorMessage.isEmpty())
        reasons << v.errorMessage;
    if (v.result && v.result->status == EligibilityResult::Status::Inactive) {
        const QDate end = v.result->coverageEnd();
        reasons << (end.isValid()
                        ? tr("Coverage ended on %1. Ask the patient for current insurance.")
                              .arg(formatDate(end))
                        : tr("Coverage is not active. Ask the patient for current insurance."));
    }
    m_reasons->setText(reasons.join(QLatin1Char('\n')));
    m_reasons->setVisible(!reasons.isEmpty());
    m_reasons->setStyleSheet(
        verdictValue == Verdict::Active
            ? QString()
            : QStringLiteral("color: %1;").arg(verdictColor(verdictValue).name()));

    const bool hasBenefits = v.result && (v.result->isActive() ||
                                          v.result->status == EligibilityResult::Status::Inactive);
    m_benefits->setResult(hasBenefits ? v.result : std::nullopt);
    m_benefitsView->setVisible(hasBenefits && m_benefits->rowCount() > 0);
    bool anyNotes = false;
    for (int row = 0; row < m_benefits->rowCount(); ++row)
        anyNotes = anyNotes || !m_benefits->rowAt(row).notes.isEmpty();
    m_benefitsView->setColumnHidden(BenefitsModel::NotesColumn, !anyNotes);
}

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/statuspanel.h"

#include "models/benefitsmodel.h"
#include "services/common/async.h"
#include "services/eligibility/accumulator.h"
#include "services/eligibility/benefitsummary.h"
#include "services/eligibility/eligibilityservice.h"

#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QTableView>
#include <QVBoxLayout>

using namespace BenefitSummary;

StatusPanel::StatusPanel(QWidget *parent)
    : QWidget(parent)
    , m_verdict(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_details(new QLabel(this))
    , m_reasons(new QLabel(this))
    , m_collectLabel(new QLabel(this))
    , m_collectHow(new QLabel(this))
    , m_accumulators(new QWidget(this))
    , m_accumulatorGrid(new QGridLayout(m_accumulators))
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
    m_collectLabel->setObjectName(QStringLiteral("collectLabel"));
    QFont collectFont = m_collectLabel->font();
    collectFont.setPointSizeF(collectFont.pointSizeF() * 1.25);
    collectFont.setBold(true);
    m_collectLabel->setFont(collectFont);
    m_collectLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_collectHow->setObjectName(QStringLiteral("collectExplanation"));
    m_collectHow->setWordWrap(true);
    m_collectHow->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_accumulators->setObjectName(QStringLiteral("accumulators"));
    m_accumulatorGrid->setContentsMargins(0, 0, 0, 0);
    m_accumulatorGrid->setColumnStretch(1, 1);
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
    layout->addWidget(m_collectLabel);
    layout->addWidget(m_collectHow);
    layout->addWidget(m_accumulators);
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
    hideCollect();
    m_benefits->setResult(std::nullopt);
    m_benefitsView->hide();
}

void StatusPanel::showPending(const Coverage &coverage)
{
    setVerdict(BenefitSummary::verdictText(Verdict::Pending), verdictColor(Verdict::Pending));
    m_summary->setText(tr("Asking %1 about member %2…").arg(coverage.payerName, coverage.memberId));
    m_details->clear();
    m_reasons->hide();
    hideCollect();
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
    // What to collect and how far the limits are met: for an answer the desk can act on.
    if (verdictValue == Verdict::Active && v.result && v.result->isActive()) {
        m_activeResult = v.result;
        showAccumulators(*v.result);
        updateCollect(coverage.patientId);
    } else {
        hideCollect();
    }

    m_benefits->setResult(hasBenefits ? v.result : std::nullopt);
    m_benefitsView->setVisible(hasBenefits && m_benefits->rowCount() > 0);
    bool anyNotes = false;
    for (int row = 0; row < m_benefits->rowCount(); ++row)
        anyNotes = anyNotes || !m_benefits->rowAt(row).notes.isEmpty();
    m_benefitsView->setColumnHidden(BenefitsModel::NotesColumn, !anyNotes);
}

void StatusPanel::setEligibilityService(EligibilityService *service)
{
    m_service = service;
    m_visitPatientId = 0; // ask again through the new service
}

void StatusPanel::hideCollect()
{
    m_activeResult.reset();
    const bool changed = m_collect.has_value();
    m_collect.reset();
    m_collectLabel->hide();
    m_collectHow->hide();
    m_accumulators->hide();
    if (changed)
        Q_EMIT collectTodayChanged();
}

void StatusPanel::updateCollect(qint64 patientId)
{
    if (m_service && patientId != m_visitPatientId) {
        // One read per patient: the panel belongs to one patient's page, and each read of
        // the patient's visits is audited.
        m_visitPatientId = patientId;
        m_visitKnown = false;
        m_visit.reset();
        m_visitError.clear();
        const quint64 generation = ++m_visitGeneration;
        Async::whenReady(m_service->visitToday(patientId), this,
                         [this, generation](const StoreResult<std::optional<Appointment>> &visit) {
                             if (generation != m_visitGeneration)
                                 return;
                             m_visitKnown = true;
                             m_visit = visit ? *visit : std::nullopt;
                             m_visitError = visit ? QString() : visit.error();
                             showCollect();
                         });
    }
    showCollect();
}

void StatusPanel::showCollect()
{
    if (!m_activeResult)
        return;
    m_collectLabel->show();
    m_collectHow->show();
    if (m_service && !m_visitKnown) {
        // The visit type decides the amount: say nothing rather than a figure that changes.
        m_collectLabel->setText(tr("Collect today: working it out…"));
        m_collectHow->clear();
        return;
    }
    const QString visitType = m_visit ? m_visit->visitType : QString();
    const CollectToday collect =
        m_service ? m_service->collectToday(m_activeResult, visitType)
                  : CollectTodayCalculator().calculate(m_activeResult, visitType);
    //: The amount to ask the patient for at check-in: "Collect today: $25.00"
    m_collectLabel->setText(tr("Collect today: %1").arg(collect.amountText()));
    m_collectLabel->setAccessibleName(m_collectLabel->text());
    QString how = collect.explanation;
    if (m_visit) {
        //: When the visit is: "For the 9:00 AM visit."
        how = tr("For the %1 visit.").arg(formatTime(m_visit->start.toLocalTime().time())) +
              QLatin1Char(' ') + how;
    }
    if (!m_visitError.isEmpty())
        how += QLatin1Char(' ') +
               tr("Today's visits could not be read (%1), so an office visit is assumed.")
                   .arg(m_visitError);
    m_collectHow->setText(how);
    m_collectLabel->setStyleSheet(collect.isKnown() ? QString()
                                                    : QStringLiteral("color: #8a5a00;"));
    if (collect != m_collect) {
        m_collect = collect;
        Q_EMIT collectTodayChanged();
    }
}

void StatusPanel::showAccumulators(const EligibilityResult &result)
{
    while (QLayoutItem *item = m_accumulatorGrid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    int row = 0;
    for (const auto kind : {Accumulator::Kind::Deductible, Accumulator::Kind::OutOfPocket}) {
        for (const Accumulator &a : Accumulators::find(result, kind)) {
            // Only what can be worked out: a bare total is in the benefits table below, and
            // the panel must fit a small screen.
            const auto percent = a.percentMet();
            if (!percent)
                continue;
            const QString name = accumulatorName(a);
            const QString figures = accumulatorText(a);
            auto *label = new QLabel(name, m_accumulators);
            auto *text = new QLabel(figures, m_accumulators);
            text->setObjectName(QStringLiteral("accumulatorText"));
            auto *bar = new QProgressBar(m_accumulators);
            bar->setObjectName(QStringLiteral("accumulatorBar"));
            bar->setRange(0, 100);
            bar->setValue(*percent);
            bar->setTextVisible(false);
            bar->setMaximumHeight(fontMetrics().height() / 2 + 4);
            //: Accessible text of a bar: "Deductible (individual): $800.00 of $1,500.00 met"
            bar->setAccessibleName(tr("%1: %2").arg(name, figures));
            bar->setToolTip(tr("%1 % met").arg(*percent));
            m_accumulatorGrid->addWidget(label, row, 0);
            m_accumulatorGrid->addWidget(bar, row, 1);
            m_accumulatorGrid->addWidget(text, row, 2);
            ++row;
        }
    }
    m_accumulators->setVisible(row > 0);
}

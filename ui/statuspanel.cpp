// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/statuspanel.h"

#include "models/benefitsmodel.h"
#include "services/common/async.h"
#include "services/eligibility/accumulator.h"
#include "services/eligibility/benefitsummary.h"
#include "services/eligibility/eligibilityservice.h"

#include "services/x12/eligibilitycodes.h"

#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableView>
#include <QVBoxLayout>

using namespace BenefitSummary;

namespace {
//! Payers answer in capitals ("MEDICARE PART B"): easier to read as "Medicare Part B".
QString readableName(const QString &name)
{
    if (name != name.toUpper() || name == name.toLower())
        return name;
    QStringList words = name.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (QString &word : words)
        word[0] = word.at(0).toUpper();
    return words.join(QLatin1Char(' '));
}

QString personName(const PersonInfo &person)
{
    return readableName(QStringList{person.firstName, person.lastName}
                            .filter(QRegularExpression(QStringLiteral("\\S")))
                            .join(QLatin1Char(' ')));
}

bool sameValue(const QString &a, const QString &b)
{
    return a.trimmed().compare(b.trimmed(), Qt::CaseInsensitive) == 0;
}
} // namespace

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
    , m_progressBox(new QWidget(this))
    , m_progress(new QLabel(m_progressBox))
    , m_cancelButton(new QPushButton(tr("Cancel Verification"), m_progressBox))
    , m_cobBox(new QFrame(this))
    , m_cob(new QLabel(m_cobBox))
    , m_addCoverageButton(new QPushButton(tr("Add Coverage…"), m_cobBox))
    , m_reorderButton(new QPushButton(tr("Reorder Coverages"), m_cobBox))
    , m_payerFacts(new QLabel(this))
    , m_saveToCoverageButton(new QPushButton(tr("Save to Coverage"), this))
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
    // A few benefit rows stay readable; on a short screen the panel scrolls instead.
    m_benefitsView->setMinimumHeight(m_benefitsView->horizontalHeader()->sizeHint().height() +
                                     4 * m_benefitsView->verticalHeader()->defaultSectionSize());

    // A slow answer: the try, the time waited and a way out.
    m_progress->setObjectName(QStringLiteral("progressLabel"));
    m_cancelButton->setObjectName(QStringLiteral("cancelVerificationButton"));
    m_cancelButton->setToolTip(tr("Stop waiting for the payer; nothing is changed"));
    auto *progressLayout = new QHBoxLayout(m_progressBox);
    progressLayout->setContentsMargins(0, 0, 0, 0);
    progressLayout->addWidget(m_progress, 1);
    progressLayout->addWidget(m_cancelButton);
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &StatusPanel::updateProgress);
    connect(m_cancelButton, &QPushButton::clicked, this, [this] {
        if (m_pendingCoverageId != 0)
            Q_EMIT cancelRequested(m_pendingCoverageId);
    });

    // Coordination of benefits: dark text on a pale background (it was orange on grey).
    m_cobBox->setObjectName(QStringLiteral("cobBox"));
    m_cobBox->setStyleSheet(
        QStringLiteral("QFrame#cobBox { background-color: %1; border: 1px solid %2; "
                       "border-radius: 4px; } QFrame#cobBox QLabel { color: %3; }")
            .arg(noticeBackgroundColor().name(), noticeTextColor().lighter(250).name(),
                 noticeTextColor().name()));
    m_cob->setObjectName(QStringLiteral("cobLabel"));
    m_cob->setWordWrap(true);
    m_cob->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_addCoverageButton->setObjectName(QStringLiteral("addCoverageButton"));
    m_addCoverageButton->setToolTip(tr("Add the other payer's coverage to this patient"));
    m_reorderButton->setObjectName(QStringLiteral("reorderCoveragesButton"));
    m_reorderButton->setToolTip(tr("Make the payer the answer names primary"));
    auto *cobLayout = new QVBoxLayout(m_cobBox);
    cobLayout->addWidget(m_cob);
    auto *cobButtons = new QHBoxLayout;
    cobButtons->addStretch(1);
    cobButtons->addWidget(m_addCoverageButton);
    cobButtons->addWidget(m_reorderButton);
    cobLayout->addLayout(cobButtons);
    connect(m_addCoverageButton, &QPushButton::clicked, this, [this] {
        if (m_otherPayer)
            Q_EMIT addCoverageRequested(*m_otherPayer);
    });
    connect(m_reorderButton, &QPushButton::clicked, this, [this] {
        if (m_otherPayer)
            Q_EMIT reorderCoveragesRequested(*m_otherPayer);
    });

    // What the payer has: the subscriber, and group and plan to save onto the coverage.
    m_payerFacts->setObjectName(QStringLiteral("payerFactsLabel"));
    m_payerFacts->setWordWrap(true);
    m_payerFacts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_saveToCoverageButton->setObjectName(QStringLiteral("saveToCoverageButton"));
    m_saveToCoverageButton->setToolTip(
        tr("Save the group number and plan the payer returned onto the coverage"));
    connect(m_saveToCoverageButton, &QPushButton::clicked, this, [this] {
        if (m_coverageId != 0)
            Q_EMIT saveToCoverageRequested(m_coverageId, m_payerGroup, m_payerPlan);
    });
    auto *factsLayout = new QHBoxLayout;
    factsLayout->addWidget(m_payerFacts, 1);
    factsLayout->addWidget(m_saveToCoverageButton, 0, Qt::AlignTop);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_verdict);
    layout->addWidget(m_summary);
    layout->addWidget(m_details);
    layout->addWidget(m_progressBox);
    layout->addWidget(m_reasons);
    layout->addWidget(m_collectLabel);
    layout->addWidget(m_collectHow);
    layout->addWidget(m_accumulators);
    layout->addWidget(m_cobBox);
    layout->addLayout(factsLayout);
    layout->addWidget(m_benefitsView, 1);
    showNothing();
}

QColor StatusPanel::noticeTextColor()
{
    return QColor(0x40, 0x2c, 0x00);
}

QColor StatusPanel::noticeBackgroundColor()
{
    return QColor(0xff, 0xf3, 0xcd);
}

QList<QWidget *> StatusPanel::tabStops() const
{
    return {m_cancelButton, m_addCoverageButton, m_reorderButton, m_saveToCoverageButton};
}

void StatusPanel::hideExtras()
{
    m_tick.stop();
    m_pendingCoverageId = 0;
    m_progressBox->hide();
    m_cobBox->hide();
    m_otherPayer.reset();
    m_payerFacts->hide();
    m_saveToCoverageButton->hide();
    m_coverageId = 0;
}

void StatusPanel::showTry(int tryNumber, int maxTries)
{
    m_try = tryNumber;
    m_maxTries = maxTries;
    updateProgress();
}

QString StatusPanel::progressText() const
{
    return m_progressBox->isVisibleTo(this) ? m_progress->text() : QString();
}

void StatusPanel::updateProgress()
{
    const int seconds = m_elapsed.isValid() ? int(m_elapsed.elapsed() / 1000) : 0;
    QString text;
    if (m_try <= 0)
        text = seconds < 2 ? tr("Sending the request…") : tr("Waited %n seconds", nullptr, seconds);
    else if (seconds < 2) // a quick answer needs no clock
        text = tr("Try %1 of %2").arg(m_try).arg(m_maxTries);
    else
        //: %1 the try being made, %2 tries at most; %n seconds since the verification began
        text = tr("Try %1 of %2 · %n seconds", nullptr, seconds).arg(m_try).arg(m_maxTries);
    m_progress->setText(text);
}

void StatusPanel::setReorderAvailable(bool available, const QString &why)
{
    m_reorderButton->setEnabled(available);
    m_reorderButton->setToolTip(available ? tr("Make the payer the answer names primary") : why);
}

void StatusPanel::showCoordination(const Coverage &coverage, const EligibilityResult &result)
{
    QStringList lines;
    for (const RelatedEntity &payer : result.otherPayers) {
        const QString name = readableName(payer.firstName.isEmpty()
                                              ? payer.name
                                              : payer.firstName + QLatin1Char(' ') + payer.name);
        const QString who = name.trimmed().isEmpty() ? payer.id : name;
        QString line;
        if (payer.entityCode == QLatin1String("PRP")) {
            //: %1 the other payer, %2 the payer of the coverage verified
            line = tr("%1 is the primary payer, not %2: bill %1 first.")
                       .arg(who, readableName(coverage.payerName));
        } else if (payer.entityCode == QLatin1String("SEP")) {
            line = tr("%1 is the secondary payer.").arg(who);
        } else if (payer.entityCode == QLatin1String("TTP")) {
            line = tr("%1 is the tertiary payer.").arg(who);
        } else {
            line = tr("Another payer also covers this patient: %1.").arg(who);
        }
        if (!payer.policyNumber.isEmpty())
            line += QLatin1Char(' ') + tr("Member ID with %1: %2.").arg(who, payer.policyNumber);
        lines << line;
        // The buttons act on the primary payer, else on the first one named.
        if (!m_otherPayer || (payer.entityCode == QLatin1String("PRP") &&
                              m_otherPayer->entityCode != QLatin1String("PRP")))
            m_otherPayer = payer;
    }
    lines << tr("Confirm the order of benefits with the patient.");
    m_cob->setText(lines.join(QLatin1Char('\n')));
    m_reorderButton->setVisible(m_otherPayer && m_otherPayer->entityCode == QLatin1String("PRP"));
    m_cobBox->show();
}

void StatusPanel::showPayerFacts(const Coverage &coverage, const EligibilityResult &result)
{
    QStringList facts;
    if (result.dependent) {
        const QString relationship =
            EligibilityCodes::relationshipName(result.dependent->relationship);
        //: %1 the subscriber's name as the payer has it, %2 the patient's relationship to them
        facts << tr("Subscriber on file with the payer: %1, relationship: %2")
                     .arg(personName(result.subscriber),
                          relationship.isEmpty() ? result.dependent->relationship : relationship);
    }
    const bool answered = result.isActive() || result.status == EligibilityResult::Status::Inactive;
    m_payerGroup = coverage.groupNumber;
    m_payerPlan = coverage.planName;
    bool differs = false;
    const auto none = [this](const QString &value) {
        return value.isEmpty() ? tr("none") : value;
    };
    if (answered && !result.groupNumber.isEmpty() &&
        !sameValue(result.groupNumber, coverage.groupNumber)) {
        m_payerGroup = result.groupNumber;
        differs = true;
        facts << tr("Group number from the payer: %1 (on the coverage: %2)")
                     .arg(result.groupNumber, none(coverage.groupNumber));
    }
    if (answered && !result.planName.isEmpty() && !sameValue(result.planName, coverage.planName)) {
        m_payerPlan = result.planName;
        differs = true;
        facts << tr("Plan from the payer: %1 (on the coverage: %2)")
                     .arg(result.planName, none(coverage.planName));
    }
    m_coverageId = differs ? coverage.id : 0;
    m_payerFacts->setText(facts.join(QLatin1Char('\n')));
    m_payerFacts->setVisible(!facts.isEmpty());
    m_saveToCoverageButton->setVisible(differs && coverage.id != 0);
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
    hideExtras();
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
    // Shown again on every change of the list: the clock and the try keep running.
    const bool sameRun = m_pendingCoverageId == coverage.id && m_tick.isActive();
    hideExtras();
    if (!sameRun) {
        m_elapsed.start();
        m_try = 0;
        m_maxTries = 0;
    }
    m_pendingCoverageId = coverage.id;
    m_tick.start();
    updateProgress();
    m_progressBox->show();
    setVerdict(BenefitSummary::verdictText(Verdict::Pending), verdictColor(Verdict::Pending));
    m_summary->setText(tr("Asking %1 about member %2…").arg(coverage.payerName, coverage.memberId));
    m_details->clear();
    m_reasons->hide();
    hideCollect();
    m_benefits->setResult(std::nullopt);
    m_benefitsView->hide();
}

void StatusPanel::showVerification(const Coverage &coverage, const Verification &attempt,
                                   VerificationStatus effectiveStatus,
                                   const QDateTime &lastVerifiedAt)
{
    hideExtras();
    Verification v = attempt;
    v.status = effectiveStatus;
    const Verdict verdictValue = verdict(v);
    setVerdict(statusText(v), verdictColor(verdictValue));

    QString summary = coverage.payerName;
    if (v.result && !v.result->planName.isEmpty())
        summary += QStringLiteral(" — ") + v.result->planName;
    if (const QString rejected = rejectionText(v); !rejected.isEmpty())
        summary += QStringLiteral(" — ") + rejected.section(QLatin1Char('\n'), 0, 0);
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
    // "Verified" only when the payer answered: a refusal or a timeout is an attempt.
    const QString when = formatDateTime(v.completedAt.isValid() ? v.completedAt : v.requestedAt);
    if (payerAnswered(attempt.status))
        details << tr("Verified %1 by %2").arg(when, v.user);
    else if (verdictValue == Verdict::Rejected)
        details << tr("Rejected by the payer %1 (asked by %2)").arg(when, v.user);
    else if (verdictValue == Verdict::Cancelled)
        details << tr("Cancelled %1 by %2").arg(when, v.user);
    else
        details << tr("Tried %1 by %2; the payer did not answer").arg(when, v.user);
    if (!payerAnswered(attempt.status))
        details << (lastVerifiedAt.isValid()
                        ? tr("Last verified %1").arg(formatDateTime(lastVerifiedAt))
                        : tr("Never verified"));
    if (!v.traceNumber.isEmpty())
        details << tr("Trace %1").arg(v.traceNumber);
    m_details->setText(details.join(QStringLiteral(" · ")));

    QStringList reasons;
    if (effectiveStatus == VerificationStatus::Expired)
        reasons << tr("This answer is out of date. Verify again before the visit.");
    if (verdictValue == Verdict::CouldNotVerify)
        reasons << tr("The payer could not be reached or did not answer; nothing is known about "
                      "the coverage. Press Retry to ask again.");
    if (!v.errorMessage.isEmpty()) {
        // Other payers have their own notice below: leave their lines out here.
        QStringList lines = v.errorMessage.split(QLatin1Char('\n'));
        if (v.result) {
            for (const RelatedEntity &payer : v.result->otherPayers)
                lines.removeIf(
                    [&](const QString &line) { return line.startsWith(payer.roleText()); });
        }
        if (!lines.isEmpty())
            reasons << lines.join(QLatin1Char('\n'));
    }
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

    if (v.result && v.result->hasOtherPayers())
        showCoordination(coverage, *v.result);
    if (v.result)
        showPayerFacts(coverage, *v.result);

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

void StatusPanel::refreshVisitToday()
{
    const qint64 patientId = m_visitPatientId;
    if (patientId == 0)
        return;
    m_visitPatientId = 0; // forget the visit read, so updateCollect() reads it again
    updateCollect(patientId);
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
            // Narrow panels (1024×700, Spanish): the words wrap, the figures never elide.
            label->setWordWrap(true);
            text->setWordWrap(true);
            auto *bar = new QProgressBar(m_accumulators);
            bar->setObjectName(QStringLiteral("accumulatorBar"));
            bar->setRange(0, 100);
            bar->setValue(*percent);
            bar->setTextVisible(false);
            bar->setMaximumHeight(fontMetrics().height() / 2 + 4);
            bar->setMinimumWidth(48);
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

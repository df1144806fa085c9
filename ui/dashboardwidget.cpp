// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dashboardwidget.h"

#include "models/actionlistmodel.h"
#include "models/activityfiltermodel.h"
#include "models/modelroles.h"
#include "models/recentactivitymodel.h"
#include "services/common/async.h"
#include "services/eligibility/benefitsummary.h"
#include "services/eligibility/eligibilityservice.h"
#include "services/patients/patientservice.h"

#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSet>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QHorizontalBarSeries>
#include <QtCharts/QLegend>
#include <QtCharts/QPieSeries>
#include <QtCharts/QPieSlice>
#include <QtCharts/QValueAxis>

#include <QAction>
#include <QComboBox>
#include <QCursor>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTableView>
#include <QToolTip>
#include <QVBoxLayout>

using namespace BenefitSummary;

namespace {
// Longer reasons are shortened on the axis; the full text is in the bar's tooltip.
constexpr int maxReasonLabelChars = 60;

const QString noValue = QStringLiteral("\u2014"); // em dash: no figure for an empty period

QChartView *createChartView(QChart *chart, const QString &accessibleName)
{
    chart->setAnimationOptions(QChart::NoAnimation); // live updates would replay animations
    chart->setBackgroundRoundness(0);
    auto *view = new QChartView(chart);
    view->setRenderHint(QPainter::Antialiasing);
    view->setFocusPolicy(Qt::NoFocus); // nothing to operate; the table takes the keyboard
    view->setAccessibleName(accessibleName);
    return view;
}
} // namespace

DashboardWidget::DashboardWidget(EligibilityService *service, QWidget *parent)
    : DashboardWidget(service, nullptr, parent)
{
}

DashboardWidget::DashboardWidget(EligibilityService *service, PatientService *patients,
                                 QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_model(new RecentActivityModel(service, patients, this))
    , m_filter(new ActivityFilterModel(this))
    , m_actions(new ActionListModel(service, this))
{
    m_filter->setSourceModel(m_model);
    m_refreshAction = new QAction(tr("&Refresh"), this);
    m_refreshAction->setShortcut(QKeySequence(Qt::Key_F5));
    m_refreshAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_refreshAction->setToolTip(
        tr("Reload what needs action, the figures and the recent activity (F5)"));
    addAction(m_refreshAction);
    connect(m_refreshAction, &QAction::triggered, this, &DashboardWidget::refresh);

    // ---- period and refresh ------------------------------------------------------------------
    m_periodCombo = new QComboBox;
    m_periodCombo->setObjectName(QStringLiteral("periodCombo"));
    m_periodCombo->addItem(tr("Today"), int(StatsPeriod::Today));
    m_periodCombo->addItem(tr("Last 7 Days"), int(StatsPeriod::Last7Days));
    m_periodCombo->addItem(tr("Last 30 Days"), int(StatsPeriod::Last30Days));
    auto *periodLabel = new QLabel(tr("Peri&od:"));
    periodLabel->setBuddy(m_periodCombo);
    connect(m_periodCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index >= 0)
            setPeriod(StatsPeriod(m_periodCombo->itemData(index).toInt()));
    });

    m_updatedLabel = new QLabel;
    m_updatedLabel->setObjectName(QStringLiteral("updatedLabel"));
    auto *refreshButton = new QPushButton(tr("&Refresh"));
    refreshButton->setObjectName(QStringLiteral("refreshButton"));
    refreshButton->setToolTip(m_refreshAction->toolTip());
    connect(refreshButton, &QPushButton::clicked, m_refreshAction, &QAction::trigger);

    // ---- what needs action today leads; the period's figures follow ----------------------
    QWidget *actionList = createActionList();
    auto *topRow = new QHBoxLayout;
    topRow->addWidget(m_actionsHeading);
    topRow->addStretch(1);
    topRow->addWidget(m_updatedLabel);
    topRow->addWidget(refreshButton);

    auto *figuresLabel = new QLabel(tr("Verifications"));
    QFont figuresFont = figuresLabel->font();
    figuresFont.setBold(true);
    figuresLabel->setFont(figuresFont);
    auto *periodRow = new QHBoxLayout;
    periodRow->addWidget(figuresLabel);
    periodRow->addStretch(1);
    periodRow->addWidget(periodLabel);
    periodRow->addWidget(m_periodCombo);

    // ---- key figures -------------------------------------------------------------------------
    auto *tiles = new QHBoxLayout;
    tiles->addWidget(createTile(tr("Verifications"),
                                tr("Finished verifications; pending and cancelled ones are not "
                                   "counted"),
                                QStringLiteral("verifications"), &m_verificationsValue));
    tiles->addWidget(createTile(tr("Success Rate"),
                                tr("Share of verifications where the payer confirmed the "
                                   "coverage, including those that need review"),
                                QStringLiteral("successRate"), &m_successRateValue));
    tiles->addWidget(createTile(tr("Inactive Rate"),
                                tr("Share of verifications where the payer answered that the "
                                   "coverage is not active"),
                                QStringLiteral("inactiveRate"), &m_inactiveRateValue));
    tiles->addWidget(createTile(tr("Failure Rate"),
                                tr("Share of verifications rejected by the payer or not answered"),
                                QStringLiteral("failureRate"), &m_failureRateValue));
    tiles->addWidget(createTile(tr("Average Response"),
                                tr("Mean time from request to answer, automatic retries included"),
                                QStringLiteral("averageResponse"), &m_averageValue));
    tiles->addWidget(createTile(tr("95th Percentile Response"),
                                tr("95 of 100 verifications were answered at least this fast"),
                                QStringLiteral("p95Response"), &m_p95Value));

    // ---- charts, or the empty state ------------------------------------------------------------
    auto *charts = new QWidget;
    auto *chartsLayout = new QHBoxLayout(charts);
    chartsLayout->setContentsMargins(0, 0, 0, 0);
    chartsLayout->addWidget(createStatusChart(), 2);
    chartsLayout->addWidget(createReasonsChart(), 3);

    auto *emptyLabel = new QLabel(tr("No verifications in this period"));
    emptyLabel->setObjectName(QStringLiteral("emptyStateLabel"));
    emptyLabel->setAlignment(Qt::AlignCenter);
    QFont emptyFont = emptyLabel->font();
    emptyFont.setPointSizeF(emptyFont.pointSizeF() * 1.3);
    emptyLabel->setFont(emptyFont);

    m_chartStack = new QStackedWidget;
    m_chartStack->setObjectName(QStringLiteral("chartStack"));
    m_chartStack->addWidget(charts);
    m_chartStack->addWidget(emptyLabel);

    // ---- recent activity ---------------------------------------------------------------------
    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("recentActivityTable"));
    m_table->setModel(m_filter);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTabKeyNavigation(false); // Tab leaves the table; arrows move within it
    m_table->verticalHeader()->hide();
    QHeaderView *header = m_table->horizontalHeader();
    header->setStretchLastSection(true);
    // At most MaxRows rows, so fitting the columns to their contents stays cheap.
    for (int column = 0; column < RecentActivityModel::ReasonColumn; ++column)
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    // activated covers double-click and Enter (and single click where the platform wants it).
    connect(m_table, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        const qint64 patientId = index.data(ModelRoles::PatientIdRole).toLongLong();
        if (patientId > 0)
            Q_EMIT patientActivated(patientId);
    });

    auto *activityLabel = new QLabel(tr("Recent &Activity"));
    QFont headingFont = activityLabel->font();
    headingFont.setBold(true);
    activityLabel->setFont(headingFont);
    activityLabel->setBuddy(m_table);
    m_showCombo = new QComboBox;
    m_showCombo->setObjectName(QStringLiteral("activityShowCombo"));
    m_showCombo->addItem(tr("All Verifications"), QStringList());
    m_showCombo->addItem(tr("Failed"), QStringList{QStringLiteral("failed")});
    m_showCombo->addItem(tr("Needs Review"), QStringList{QStringLiteral("manual_review")});
    m_showCombo->addItem(tr("Verified"), QStringList{QStringLiteral("verified")});
    m_showCombo->addItem(tr("Inactive"), QStringList{QStringLiteral("inactive")});
    m_showCombo->addItem(tr("Cancelled"), QStringList{QStringLiteral("cancelled")});
    auto *showLabel = new QLabel(tr("&Show:"));
    showLabel->setBuddy(m_showCombo);
    connect(m_showCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        const QStringList keys = m_showCombo->itemData(index).toStringList();
        m_filter->setStatusKeys(QSet<QString>(keys.cbegin(), keys.cend()));
    });
    auto *activityRow = new QHBoxLayout;
    activityRow->addWidget(activityLabel);
    activityRow->addStretch(1);
    activityRow->addWidget(showLabel);
    activityRow->addWidget(m_showCombo);
    m_errorLabel = new QLabel;
    m_errorLabel->setObjectName(QStringLiteral("dashboardError"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(QStringLiteral("color: #b02323;"));
    m_errorLabel->hide();

    // On a small screen the page scrolls rather than squeezing the charts until their legends
    // are cut: each part keeps a height it can be read at.
    actionList->setMinimumHeight(150);
    m_chartStack->setMinimumHeight(220);
    m_table->setMinimumHeight(150);
    auto *page = new QWidget;
    page->setObjectName(QStringLiteral("dashboardPage"));
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(topRow);
    layout->addWidget(m_errorLabel);
    layout->addWidget(actionList, 3);
    layout->addLayout(periodRow);
    layout->addLayout(tiles);
    layout->addWidget(m_chartStack, 2);
    layout->addLayout(activityRow);
    layout->addWidget(m_table, 2);
    auto *scroll = new QScrollArea;
    scroll->setWidget(page);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setFocusPolicy(Qt::NoFocus); // Tab goes to the page's widgets, which it scrolls to
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
    // The page's order: what needs action, then the figures, then the recent activity.
    setTabOrder(m_actionTable, refreshButton);
    setTabOrder(refreshButton, m_periodCombo);
    setTabOrder(m_periodCombo, m_showCombo);
    setTabOrder(m_showCombo, m_table);

    m_liveTimer.setSingleShot(true);
    m_liveTimer.setInterval(liveRefreshIntervalMs);
    connect(&m_liveTimer, &QTimer::timeout, this, &DashboardWidget::onLiveTimeout);
    connect(m_actions, &ActionListModel::loaded, this, &DashboardWidget::onActionsLoaded);
    if (patients) {
        // A corrected coverage or patient may take a row off (or put one on) the list.
        const auto changed = [this] {
            if (isVisible())
                m_actions->reload();
        };
        connect(patients, &PatientService::coverageSaved, this, changed);
        connect(patients, &PatientService::patientSaved, this, changed);
    }
    connect(service, &EligibilityService::verificationFinished, this,
            &DashboardWidget::onVerificationFinished);
    connect(m_model, &RecentActivityModel::loaded, this, [this] {
        if (!m_model->errorString().isEmpty()) {
            m_errorLabel->setText(m_model->errorString());
            m_errorLabel->show();
        }
    });

    m_periodCombo->setCurrentIndex(0);
    m_model->setLive(false); // until shown
    m_dirty = true;
}

void DashboardWidget::onVerificationFinished()
{
    m_dirty = true;
    // Not restarted while running: a steady stream refreshes once a second, and a hidden
    // dashboard reads nothing until it is shown.
    if (isVisible() && !m_liveTimer.isActive())
        m_liveTimer.start();
}

void DashboardWidget::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // refresh() reads the activity too; going live afterwards finds nothing left to catch up,
    // so the list is read once, not twice.
    if (m_dirty)
        refresh();
    else
        m_actions->reload(); // visits are booked, moved and cancelled on other screens
    m_model->setLive(true);
}

void DashboardWidget::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_model->setLive(false);
    m_liveTimer.stop();
}

DashboardWidget::~DashboardWidget() = default;

void DashboardWidget::setPeriod(StatsPeriod period)
{
    m_period = period;
    const int index = m_periodCombo->findData(int(period));
    if (index != m_periodCombo->currentIndex()) {
        const QSignalBlocker blocker(m_periodCombo);
        m_periodCombo->setCurrentIndex(index);
    }
    if (!isVisible()) {
        m_dirty = true; // read when shown
        return;
    }
    m_model->setPeriod(period);
    recomputeStats();
}

void DashboardWidget::refresh()
{
    m_actions->reload();
    m_model->setPeriod(m_period);
    recomputeStats();
}

void DashboardWidget::onLiveTimeout()
{
    // A finished verification may settle a scheduled patient's coverage, or unsettle it.
    m_actions->reload();
    recomputeStats();
}

QWidget *DashboardWidget::createActionList()
{
    m_actionTable = new QTableView;
    m_actionTable->setObjectName(QStringLiteral("actionTable"));
    m_actionTable->setModel(m_actions);
    m_actionTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_actionTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_actionTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_actionTable->setAlternatingRowColors(true);
    m_actionTable->setWordWrap(false);
    m_actionTable->setTabKeyNavigation(false); // Tab leaves the table; arrows move within it
    m_actionTable->verticalHeader()->hide();
    QHeaderView *header = m_actionTable->horizontalHeader();
    // The problem text gives way; when, who and the status word are never cut.
    for (int column = 0; column < ActionListModel::ColumnCount; ++column)
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ActionListModel::ProblemColumn, QHeaderView::Stretch);
    connect(m_actionTable, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        const qint64 patientId = index.data(ModelRoles::PatientIdRole).toLongLong();
        if (patientId > 0)
            Q_EMIT patientActivated(patientId);
    });

    m_actionsHeading = new QLabel(tr("&Needs Action Today"));
    m_actionsHeading->setObjectName(QStringLiteral("actionsHeading"));
    QFont headingFont = m_actionsHeading->font();
    headingFont.setBold(true);
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.2);
    m_actionsHeading->setFont(headingFont);
    m_actionsHeading->setBuddy(m_actionTable);

    m_actionsEmpty = new QLabel;
    m_actionsEmpty->setObjectName(QStringLiteral("actionsEmptyLabel"));
    m_actionsEmpty->setAlignment(Qt::AlignCenter);
    m_actionsEmpty->setWordWrap(true);

    m_actionStack = new QStackedWidget;
    m_actionStack->setObjectName(QStringLiteral("actionStack"));
    m_actionStack->addWidget(m_actionTable);
    m_actionStack->addWidget(m_actionsEmpty);
    m_actionStack->setCurrentWidget(m_actionsEmpty);
    m_actionsEmpty->setText(tr("Loading…"));
    return m_actionStack;
}

void DashboardWidget::onActionsLoaded()
{
    const int count = m_actions->rowCount();
    const QString error = m_actions->errorString();
    //: Heading of the dashboard's action list; %n patients need action (0 shows no number)
    m_actionsHeading->setText(count > 0 ? tr("&Needs Action Today (%n)", nullptr, count)
                                        : tr("&Needs Action Today"));
    if (count > 0) {
        m_actionStack->setCurrentWidget(m_actionTable);
    } else {
        // Never a blank: either all is well or the list could not be read, and it says which.
        m_actionsEmpty->setText(error.isEmpty() ? tr("Nothing needs action today") : error);
        m_actionsEmpty->setStyleSheet(error.isEmpty() ? QString()
                                                      : QStringLiteral("color: #b02323;"));
        m_actionStack->setCurrentWidget(m_actionsEmpty);
    }
    if (!error.isEmpty()) {
        m_errorLabel->setText(error);
        m_errorLabel->show();
    }
}

QWidget *DashboardWidget::createTile(const QString &title, const QString &toolTip,
                                     const QString &objectName, QLabel **value)
{
    auto *tile = new QFrame;
    tile->setObjectName(objectName + QStringLiteral("Tile"));
    tile->setFrameShape(QFrame::StyledPanel);
    tile->setToolTip(toolTip);

    auto *titleLabel = new QLabel(title);
    titleLabel->setObjectName(objectName + QStringLiteral("Title"));
    titleLabel->setWordWrap(true);

    auto *valueLabel = new QLabel(noValue);
    valueLabel->setObjectName(objectName + QStringLiteral("Value"));
    valueLabel->setAccessibleName(title);
    valueLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont valueFont = valueLabel->font();
    valueFont.setPointSizeF(valueFont.pointSizeF() * 1.8);
    valueFont.setBold(true);
    valueLabel->setFont(valueFont);

    auto *layout = new QVBoxLayout(tile);
    layout->addWidget(titleLabel);
    layout->addWidget(valueLabel);
    layout->addStretch(1);
    *value = valueLabel;
    return tile;
}

QWidget *DashboardWidget::createStatusChart()
{
    m_statusSeries = new QPieSeries;
    m_statusSeries->setPieSize(0.8);
    auto *chart = new QChart;
    chart->setTitle(tr("Status Breakdown"));
    chart->addSeries(m_statusSeries);
    chart->legend()->setAlignment(Qt::AlignRight);
    QChartView *view = createChartView(chart, tr("Status breakdown chart"));
    view->setObjectName(QStringLiteral("statusChart"));
    return view;
}

QWidget *DashboardWidget::createReasonsChart()
{
    m_reasonsSet = new QBarSet(tr("Failures"));
    m_reasonsSet->setColor(verdictColor(Verdict::Rejected));
    connect(m_reasonsSet, &QBarSet::hovered, this, [this](bool status, int index) {
        if (status && index >= 0 && index < m_reasonTexts.size())
            QToolTip::showText(QCursor::pos(), m_reasonTexts.at(index));
        else
            QToolTip::hideText();
    });
    m_reasonsSeries = new QHorizontalBarSeries;
    m_reasonsSeries->append(m_reasonsSet);
    m_reasonsSeries->setLabelsVisible(true);
    m_reasonsSeries->setLabelsPosition(QAbstractBarSeries::LabelsInsideEnd);
    m_reasonsSet->setLabelColor(Qt::white);

    m_reasonsChart = new QChart;
    m_reasonsChart->setTitle(tr("Most Common Rejection Reasons"));
    m_reasonsChart->addSeries(m_reasonsSeries);
    m_reasonsChart->legend()->hide();
    m_reasonsAxis = new QBarCategoryAxis;
    m_reasonsChart->addAxis(m_reasonsAxis, Qt::AlignLeft);
    m_reasonsSeries->attachAxis(m_reasonsAxis);
    m_countAxis = new QValueAxis;
    m_countAxis->setLabelFormat(QStringLiteral("%d"));
    m_countAxis->setTickType(QValueAxis::TicksDynamic);
    m_countAxis->setTickAnchor(0);
    m_countAxis->setMinorTickCount(0);
    m_reasonsChart->addAxis(m_countAxis, Qt::AlignBottom);
    m_reasonsSeries->attachAxis(m_countAxis);
    QChartView *view = createChartView(m_reasonsChart, tr("Most common rejection reasons chart"));
    view->setObjectName(QStringLiteral("reasonsChart"));

    auto *noFailures = new QLabel(tr("No failed verifications in this period"));
    noFailures->setObjectName(QStringLiteral("noFailuresLabel"));
    noFailures->setAlignment(Qt::AlignCenter);

    m_reasonsStack = new QStackedWidget;
    m_reasonsStack->addWidget(view);
    m_reasonsStack->addWidget(noFailures);
    return m_reasonsStack;
}

void DashboardWidget::recomputeStats()
{
    m_liveTimer.stop();
    m_dirty = false;
    const quint64 generation = ++m_generation;
    ++m_statisticsReads;
    Async::whenReady(m_service->statistics(m_period), this,
                     [this, generation](const StoreResult<VerificationStats> &stats) {
                         if (generation != m_generation)
                             return;
                         m_error = stats ? QString() : stats.error();
                         m_errorLabel->setText(m_error);
                         m_errorLabel->setVisible(!m_error.isEmpty());
                         if (stats) {
                             m_stats = *stats;
                             updateTiles();
                             m_chartStack->setCurrentIndex(m_stats.isEmpty() ? 1 : 0);
                             updateStatusChart();
                             updateReasonsChart();
                             m_updatedLabel->setText(
                                 tr("Updated at %1")
                                     .arg(QLocale().toString(m_service->now().toLocalTime().time(),
                                                             QLocale::ShortFormat)));
                         }
                         Q_EMIT statisticsUpdated();
                     });
}

void DashboardWidget::updateTiles()
{
    m_verificationsValue->setText(QLocale().toString(m_stats.total));
    if (m_stats.isEmpty()) {
        // 0 % would read as "everything failed"; there is simply nothing to measure.
        for (QLabel *label : {m_successRateValue, m_inactiveRateValue, m_failureRateValue,
                              m_averageValue, m_p95Value})
            label->setText(noValue);
        return;
    }
    m_successRateValue->setText(rateText(m_stats.successRate));
    m_inactiveRateValue->setText(rateText(m_stats.inactiveRate));
    m_failureRateValue->setText(rateText(m_stats.failureRate));
    m_averageValue->setText(durationText(m_stats.averageMs));
    m_p95Value->setText(durationText(m_stats.p95Ms));
}

void DashboardWidget::updateStatusChart()
{
    m_statusSeries->clear();
    // Outcomes first, then what became of them; INACTIVE is its own slice, never ACTIVE.
    const Verdict order[] = {Verdict::Active,         Verdict::Inactive, Verdict::NeedsReview,
                             Verdict::Rejected,       Verdict::CouldNotVerify,
                             Verdict::Expired,        Verdict::Pending};
    for (Verdict shown : order) {
        const int count = m_stats.verdictCount(shown);
        if (count == 0)
            continue;
        //: Status chart legend: %1 status name, %2 number of verifications
        QPieSlice *slice = m_statusSeries->append(
            tr("%1 (%2)").arg(verdictText(shown), QLocale().toString(count)), count);
        slice->setColor(verdictColor(shown));
    }
}

void DashboardWidget::updateReasonsChart()
{
    m_reasonsSet->remove(0, m_reasonsSet->count());
    m_reasonsAxis->clear();
    m_reasonTexts.clear();
    m_reasonsStack->setCurrentIndex(m_stats.topReasons.isEmpty() ? 1 : 0);
    if (m_stats.topReasons.isEmpty())
        return;

    QStringList categories;
    int maxCount = 0;
    // Horizontal bars are drawn bottom up: append the most common last so it is on top.
    for (auto it = m_stats.topReasons.crbegin(); it != m_stats.topReasons.crend(); ++it) {
        QString label = it->reason;
        if (label.size() > maxReasonLabelChars)
            label = label.left(maxReasonLabelChars - 1).trimmed() + QChar(0x2026);
        // Category names must be unique; two reasons may shorten to the same text.
        while (categories.contains(label))
            label += QLatin1Char(' ');
        categories << label;
        m_reasonTexts << it->reason;
        m_reasonsSet->append(it->count);
        maxCount = qMax(maxCount, it->count);
    }
    m_reasonsAxis->append(categories);
    // Whole-number ticks, about five of them, and a little room after the longest bar.
    const int step = qMax(1, (maxCount + 4) / 5);
    m_countAxis->setTickInterval(step);
    m_countAxis->setRange(0, (maxCount / step + 1) * step);
}

QString DashboardWidget::durationText(double ms) const
{
    if (ms < 1000.0)
        //: Response time in milliseconds
        return tr("%1 ms").arg(QLocale().toString(qRound(ms)));
    //: Response time in seconds
    return tr("%1 s").arg(QLocale().toString(ms / 1000.0, 'f', 1));
}

QString DashboardWidget::rateText(double rate) const
{
    //: Percentage; %1 is a number like 97.5
    return tr("%1%").arg(QLocale().toString(rate * 100.0, 'f', 1));
}

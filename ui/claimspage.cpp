// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/claimspage.h"

#include "models/claimdashboardmodel.h"
#include "models/modelroles.h"
#include "services/claims/claimdashboardservice.h"
#include "services/claims/claimfileservice.h"
#include "services/claims/claimservice.h"
#include "services/claims/claimsubmitter.h"
#include "services/claims/claimsync.h"
#include "services/common/async.h"

#include <QAction>
#include <QComboBox>
#include <QDateEdit>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QStandardPaths>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSeries>
#include <QtCharts/QBarSet>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QValueAxis>

namespace {
// The status filter's entries besides the single statuses.
enum class StatusChoice { All, Open, NeedsAttention, Single };

//! Rows that just changed live are painted with a highlight for the model's flash time.
class FlashDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.data(ModelRoles::FlashingRole).toBool())
            option->backgroundBrush = QColor(0xff, 0xf1, 0xa8);
        if (index.column() == ClaimDashboardModel::StatusColumn) {
            const auto status = claimStatusFromKey(index.data(ModelRoles::StatusKeyRole).toString());
            if (status == ClaimStatus::Denied || status == ClaimStatus::Rejected ||
                status == ClaimStatus::Error)
                option->palette.setColor(QPalette::Text, QColor(0xa3, 0x15, 0x15));
            else if (status == ClaimStatus::Paid)
                option->palette.setColor(QPalette::Text, QColor(0x1b, 0x6e, 0x20));
        }
    }
};

QString documentsFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
}
} // namespace

ClaimsPage::ClaimsPage(const ClaimsPageServices &services, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
    , m_model(new ClaimDashboardModel(services.dashboard, this))
    , m_table(new QTableView(this))
    , m_status(new QComboBox(this))
    , m_payer(new QComboBox(this))
    , m_dates(new QComboBox(this))
    , m_from(new QDateEdit(this))
    , m_to(new QDateEdit(this))
    , m_search(new QLineEdit(this))
    , m_searchTimer(new QTimer(this))
    , m_totals(new QLabel(this))
    , m_message(new QLabel(this))
    , m_breakdown(new QTableWidget(0, 3, this))
    , m_aging(nullptr)
    , m_newClaim(new QAction(tr("&New Claim…"), this))
    , m_open(new QAction(tr("&Open Claim"), this))
    , m_retry(new QAction(tr("&Retry Sending"), this))
    , m_syncNow(new QAction(tr("&Sync Now"), this))
    , m_importRemittance(new QAction(tr("&Import Remittance…"), this))
    , m_export837(new QAction(tr("Export &837P…"), this))
    , m_exportCsv(new QAction(tr("E&xport CSV…"), this))
{
    // Filters.
    m_status->setAccessibleName(tr("Status"));
    m_status->addItem(tr("All statuses"), QVariant::fromValue(int(StatusChoice::All)));
    m_status->addItem(tr("Open (waiting on the payor)"), int(StatusChoice::Open));
    m_status->addItem(tr("Needs attention (rejected, denied, error)"),
                      int(StatusChoice::NeedsAttention));
    for (ClaimStatus status : allClaimStatuses())
        m_status->addItem(claimStatusName(status), QStringLiteral("status:") + claimStatusKey(status));
    m_payer->setAccessibleName(tr("Payer"));
    m_payer->addItem(tr("All payers"), QString());
    m_dates->setAccessibleName(tr("Dates of service"));
    m_dates->addItem(tr("Any date of service"), 0);
    m_dates->addItem(tr("Today"), 1);
    m_dates->addItem(tr("Last 7 days"), 7);
    m_dates->addItem(tr("Last 30 days"), 30);
    m_dates->addItem(tr("Last 90 days"), 90);
    m_dates->addItem(tr("Between…"), -1);
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDate(QDate::currentDate());
        edit->setMaximumDate(QDate::currentDate().addYears(1));
        edit->hide();
    }
    m_from->setAccessibleName(tr("Dates of service from"));
    m_to->setAccessibleName(tr("Dates of service to"));
    m_search->setPlaceholderText(tr("Patient (last name first) or claim ID"));
    m_search->setAccessibleName(tr("Search claims"));
    m_search->setClearButtonEnabled(true);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(250);

    auto *statusLabel = new QLabel(tr("S&tatus:"), this);
    statusLabel->setBuddy(m_status);
    auto *payerLabel = new QLabel(tr("Pa&yer:"), this);
    payerLabel->setBuddy(m_payer);
    auto *datesLabel = new QLabel(tr("&Dates:"), this);
    datesLabel->setBuddy(m_dates);
    auto *searchLabel = new QLabel(tr("Se&arch:"), this);
    searchLabel->setBuddy(m_search);
    auto *filters = new QHBoxLayout;
    filters->addWidget(statusLabel);
    filters->addWidget(m_status);
    filters->addWidget(payerLabel);
    filters->addWidget(m_payer);
    filters->addWidget(datesLabel);
    filters->addWidget(m_dates);
    filters->addWidget(m_from);
    filters->addWidget(m_to);
    filters->addWidget(searchLabel);
    filters->addWidget(m_search, 1);

    // Actions, as buttons too: the keyboard reaches them by their mnemonics or shortcuts.
    m_newClaim->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    m_open->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_O));
    m_syncNow->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Y));
    m_importRemittance->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_export837->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X));
    m_exportCsv->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    auto *buttons = new QHBoxLayout;
    for (QAction *action : {m_newClaim, m_open, m_retry, m_syncNow, m_importRemittance,
                            m_export837, m_exportCsv}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
        // A push button with the action's own words: its Alt letter works on the page (a tool
        // button would show the action's icon text, which drops it).
        auto *button = new QPushButton(action->text(), this);
        button->setAutoDefault(false);
        button->setToolTip(action->shortcut().toString(QKeySequence::NativeText));
        connect(button, &QPushButton::clicked, action, &QAction::trigger);
        connect(action, &QAction::changed, button,
                [button, action] { button->setEnabled(action->isEnabled()); });
        buttons->addWidget(button);
    }
    buttons->addStretch(1);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    buttons->addWidget(m_message, 2);

    // The list.
    m_table->setModel(m_model);
    m_table->setItemDelegate(new FlashDelegate(m_table));
    m_table->setSortingEnabled(true);
    m_table->horizontalHeader()->setSortIndicator(ClaimDashboardModel::LastUpdateColumn,
                                                  Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setSectionResizeMode(ClaimDashboardModel::PatientColumn,
                                                      QHeaderView::Stretch);
    m_table->horizontalHeader()->setMinimumSectionSize(60);
    m_table->setAlternatingRowColors(true);
    m_table->setAccessibleName(tr("Claims"));
    m_table->setTabKeyNavigation(false);

    // The list takes the width (eleven columns); the figures sit under it.
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(createSummaryPanel());
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({460, 230});
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addLayout(buttons);
    layout->addWidget(m_totals);
    layout->addWidget(splitter, 1);

    // Wiring.
    const auto refilter = [this] { applyFilter(); };
    connect(m_status, &QComboBox::currentIndexChanged, this, refilter);
    connect(m_payer, &QComboBox::currentIndexChanged, this, refilter);
    connect(m_dates, &QComboBox::currentIndexChanged, this, [this] {
        const bool between = m_dates->currentData().toInt() < 0;
        m_from->setVisible(between);
        m_to->setVisible(between);
        applyFilter();
    });
    connect(m_from, &QDateEdit::dateChanged, this, refilter);
    connect(m_to, &QDateEdit::dateChanged, this, refilter);
    connect(m_search, &QLineEdit::textEdited, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, refilter);
    connect(m_searchTimer, &QTimer::timeout, this, refilter);
    connect(m_model, &ClaimDashboardModel::summaryChanged, this, &ClaimsPage::showSummary);
    connect(m_model, &ClaimDashboardModel::errorChanged, this,
            [this](const QString &error) { say(error, !error.isEmpty()); });
    connect(m_model, &ClaimDashboardModel::rowsLoaded, this, &ClaimsPage::updateActions);
    // Columns fit the first claims listed once; after that the biller's widths stay.
    connect(m_model, &ClaimDashboardModel::rowsLoaded, this, [this] {
        if (m_columnsFitted || m_model->rowCount() == 0)
            return;
        m_columnsFitted = true;
        for (int column = 0; column < ClaimDashboardModel::ColumnCount; ++column) {
            if (column != ClaimDashboardModel::PatientColumn)
                m_table->resizeColumnToContents(column);
        }
    });
    connect(m_model, &ClaimDashboardModel::claimRefreshed, this, &ClaimsPage::updateActions);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ClaimsPage::updateActions);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ClaimsPage::updateActions);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT openClaimRequested(m_model->rowAt(index.row()).id);
    });
    if (services.dashboard) {
        connect(services.dashboard, &ClaimDashboardService::claimUpdated, m_model,
                &ClaimDashboardModel::refreshClaim);
        // A new claim is listed by reading the list again (it may sort anywhere).
        connect(services.claims, &ClaimService::claimChanged, this, [this](const Claim &claim) {
            if (m_model->rowOfClaim(claim.id) < 0)
                m_model->refresh();
        });
    }
    if (services.files) {
        connect(services.files, &ClaimFileService::claimChanged, this,
                [this](const Claim &claim) { m_model->refreshClaim(claim.id); });
    }
    if (services.sync) {
        connect(services.sync, &ClaimSync::syncStarted, this, [this] {
            m_syncNow->setEnabled(false);
            say(tr("Asking the payor about open claims…"));
        });
        connect(services.sync, &ClaimSync::syncFinished, this,
                [this](const ClaimSync::Summary &summary) {
                    m_syncNow->setEnabled(true);
                    const QString done =
                        tr("Synced at %1: asked about %n open claims", nullptr, summary.asked)
                            .arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)) +
                        QStringLiteral(", ") + tr("%n changed.", nullptr, summary.changed);
                    if (summary.errors.isEmpty())
                        say(done);
                    else
                        say(done + QLatin1Char(' ') + summary.errors.join(QLatin1Char(' ')), true);
                });
    }

    connect(m_newClaim, &QAction::triggered, this, &ClaimsPage::newClaimRequested);
    connect(m_open, &QAction::triggered, this, [this] {
        if (const qint64 id = currentClaimId())
            Q_EMIT openClaimRequested(id);
    });
    connect(m_retry, &QAction::triggered, this, [this] {
        if (!m_services.submitter)
            return;
        for (qint64 id : selectedClaimIds()) {
            const ClaimListRow row = m_model->rowAt(m_model->rowOfClaim(id));
            if (row.status != ClaimStatus::Error)
                continue;
            Async::whenReady(m_services.submitter->retry(id), this,
                             [this](const StoreResult<bool> &retried) {
                                 if (!retried)
                                     say(retried.error(), true);
                             });
        }
    });
    connect(m_syncNow, &QAction::triggered, this, [this] {
        if (m_services.sync)
            m_services.sync->syncNow();
    });
    connect(m_importRemittance, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Import Remittance (835)"), documentsFolder(),
            tr("Remittance files (*.835 *.edi *.txt *.x12);;All files (*)"));
        if (!path.isEmpty())
            importRemittance(path);
    });
    connect(m_export837, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export 837P"),
            documentsFolder() + QStringLiteral("/claims-%1.837")
                                    .arg(QDate::currentDate().toString(Qt::ISODate)),
            tr("837 files (*.837 *.edi *.txt)"));
        if (!path.isEmpty())
            export837(path);
    });
    connect(m_exportCsv, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export Claims as CSV"),
            documentsFolder() + QStringLiteral("/claims-%1.csv")
                                    .arg(QDate::currentDate().toString(Qt::ISODate)),
            tr("CSV files (*.csv)"));
        if (!path.isEmpty())
            exportCsv(path);
    });
    m_syncNow->setEnabled(services.sync != nullptr);
    applyFilter();
    updateActions();
}

QWidget *ClaimsPage::createSummaryPanel()
{
    auto *panel = new QWidget(this);
    m_breakdown->setHorizontalHeaderLabels({tr("Status"), tr("Claims"), tr("Billed")});
    m_breakdown->verticalHeader()->hide();
    m_breakdown->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_breakdown->setSelectionMode(QAbstractItemView::NoSelection);
    m_breakdown->setFocusPolicy(Qt::NoFocus);
    m_breakdown->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_breakdown->setAccessibleName(tr("Claims by status"));

    auto *chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundRoundness(0);
    chart->setTitle(tr("Open claims by age"));
    chart->legend()->hide();
    m_agingSet = new QBarSet(tr("Open claims"));
    m_agingSet->setColor(QColor(0x2f, 0x6f, 0xb2));
    *m_agingSet << 0 << 0 << 0 << 0;
    auto *series = new QBarSeries;
    series->append(m_agingSet);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    chart->addSeries(series);
    auto *axisX = new QBarCategoryAxis;
    axisX->append({tr("0–30"), tr("31–60"), tr("61–90"), tr("90+")});
    axisX->setTitleText(tr("days since the date of service"));
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisX);
    auto *axisY = new QValueAxis;
    axisY->setLabelFormat(QStringLiteral("%d"));
    axisY->setRange(0, 1);
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisY);
    m_aging = new QChartView(chart, panel);
    m_aging->setRenderHint(QPainter::Antialiasing);
    m_aging->setFocusPolicy(Qt::NoFocus);
    m_aging->setMinimumHeight(200);
    m_aging->setAccessibleName(tr("Aging of open claims"));

    m_breakdown->setMinimumWidth(320);
    auto *layout = new QHBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_breakdown, 2);
    layout->addWidget(m_aging, 3);
    return panel;
}

ClaimListFilter ClaimsPage::currentFilter() const
{
    ClaimListFilter filter = m_model->filter();
    filter.statuses.clear();
    const QVariant status = m_status->currentData();
    if (status.typeId() == QMetaType::QString) {
        if (const auto one = claimStatusFromKey(status.toString().mid(7)))
            filter.statuses.insert(*one);
    } else {
        switch (StatusChoice(status.toInt())) {
        case StatusChoice::Open:
            for (ClaimStatus s : allClaimStatuses()) {
                if (claimStatusIsOpen(s))
                    filter.statuses.insert(s);
            }
            break;
        case StatusChoice::NeedsAttention:
            filter.statuses = {ClaimStatus::Rejected, ClaimStatus::Denied, ClaimStatus::Error};
            break;
        case StatusChoice::All:
        case StatusChoice::Single:
            break;
        }
    }
    filter.insuranceIds.clear();
    if (const QString payer = m_payer->currentData().toString(); !payer.isEmpty())
        filter.insuranceIds.insert(payer);
    const int days = m_dates->currentData().toInt();
    const QDate today = QDate::currentDate();
    if (days > 0) {
        filter.serviceFrom = today.addDays(1 - days);
        filter.serviceTo = today;
    } else if (days < 0) {
        filter.serviceFrom = std::min(m_from->date(), m_to->date());
        filter.serviceTo = std::max(m_from->date(), m_to->date());
    } else {
        filter.serviceFrom = {};
        filter.serviceTo = {};
    }
    filter.text = m_search->text().trimmed();
    return filter;
}

void ClaimsPage::applyFilter()
{
    m_searchTimer->stop();
    const ClaimListFilter filter = currentFilter();
    if (filter != m_model->filter() || m_model->rowCount() == 0)
        m_model->setFilter(filter);
}

void ClaimsPage::showSummary(const ClaimListSummary &summary)
{
    const ClaimMoneyTotals &t = summary.totals;
    m_totals->setText(tr("%n claims", nullptr, int(t.claims)) + QStringLiteral(" · ") +
                      tr("billed %1 · allowed %2 · paid %3 · patient responsibility %4")
                          .arg(formatCents(t.billedCents), formatCents(t.allowedCents),
                               formatCents(t.paidCents),
                               formatCents(t.patientResponsibilityCents)));
    m_breakdown->setRowCount(int(summary.byStatus.size()));
    for (int i = 0; i < summary.byStatus.size(); ++i) {
        const ClaimStatusTotals &s = summary.byStatus.at(i);
        auto *name = new QTableWidgetItem(claimStatusName(s.status));
        auto *count = new QTableWidgetItem(QLocale().toString(s.totals.claims));
        count->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        auto *billed = new QTableWidgetItem(formatCents(s.totals.billedCents));
        billed->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_breakdown->setItem(i, 0, name);
        m_breakdown->setItem(i, 1, count);
        m_breakdown->setItem(i, 2, billed);
    }
    m_breakdown->resizeColumnToContents(1);
    m_breakdown->resizeColumnToContents(2);
    qint64 highest = 0;
    for (int i = 0; i < int(summary.aging.size()); ++i) {
        m_agingSet->replace(i, qreal(summary.aging.at(i).claims));
        highest = std::max(highest, summary.aging.at(i).claims);
    }
    // Whole claims on the axis: at most four steps of a round size, room above the tallest.
    const auto axes = m_aging->chart()->axes(Qt::Vertical);
    if (auto *axis = axes.isEmpty() ? nullptr : qobject_cast<QValueAxis *>(axes.first())) {
        qint64 step = 1; // 1, 2, 5, 10, 20, 50, …
        for (qint64 base = 1; step * 4 < highest + 1; base *= 10) {
            for (qint64 multiple : {1, 2, 5}) {
                step = multiple * base;
                if (step * 4 >= highest + 1)
                    break;
            }
        }
        const qint64 top = ((highest + step) / step) * step;
        axis->setRange(0, qreal(top));
        axis->setTickCount(int(top / step) + 1);
    }
}

void ClaimsPage::setPayers(const QList<std::pair<QString, QString>> &payers)
{
    const QString chosen = m_payer->currentData().toString();
    const QSignalBlocker quiet(m_payer);
    while (m_payer->count() > 1)
        m_payer->removeItem(1);
    for (const auto &[insuranceId, name] : payers)
        m_payer->addItem(QStringLiteral("%1 (%2)").arg(name, insuranceId), insuranceId);
    m_payer->setCurrentIndex(std::max(0, m_payer->findData(chosen)));
}

qint64 ClaimsPage::currentClaimId() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? m_model->rowAt(current.row()).id : 0;
}

QList<qint64> ClaimsPage::selectedClaimIds() const
{
    QList<qint64> ids;
    QModelIndexList rows = m_table->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    for (const QModelIndex &index : std::as_const(rows))
        ids.append(m_model->rowAt(index.row()).id);
    return ids;
}

void ClaimsPage::updateActions()
{
    const bool current = currentClaimId() != 0;
    m_open->setEnabled(current);
    bool anyInError = false;
    for (qint64 id : selectedClaimIds())
        anyInError = anyInError || m_model->rowAt(m_model->rowOfClaim(id)).status == ClaimStatus::Error;
    m_retry->setEnabled(anyInError && m_services.submitter);
    m_exportCsv->setEnabled(m_model->rowCount() > 0);
    m_export837->setEnabled(m_model->rowCount() > 0 && m_services.files);
    m_importRemittance->setEnabled(m_services.files != nullptr);
}

void ClaimsPage::say(const QString &message, bool error)
{
    m_message->setText(message);
    m_message->setStyleSheet(error ? QStringLiteral("color: #a31515;") : QString());
    if (!message.isEmpty())
        Q_EMIT announced(message);
}

void ClaimsPage::importRemittance(const QString &path)
{
    say(tr("Reading %1…").arg(QFileInfo(path).fileName()));
    Async::whenReady(m_services.files->importRemittance(path), this,
                     [this](const StoreResult<RemittanceImportResult> &result) {
                         if (!result) {
                             say(result.error(), true);
                             return;
                         }
                         say(tr("%n remittances read", nullptr, result->read) +
                             QStringLiteral(": ") +
                             tr("%n applied to our claims", nullptr, result->applied) +
                             QStringLiteral(", ") +
                             tr("%n not ours (kept)", nullptr, result->unmatched) +
                             QStringLiteral(", ") +
                             tr("%n not balanced", nullptr, result->unbalanced) +
                             QLatin1Char('.'),
                             result->unbalanced > 0);
                     });
}

void ClaimsPage::export837(const QString &path)
{
    // The selected claims; with none selected, those of the dates of service shown.
    const QList<qint64> ids = selectedClaimIds();
    const ClaimListFilter filter = m_model->filter();
    Async::whenReady(m_services.files->export837(ids, filter.serviceFrom, filter.serviceTo, path),
                     this, [this](const StoreResult<Claim837ExportResult> &result) {
                         if (!result) {
                             say(result.error(), true);
                             return;
                         }
                         say(tr("%n claims written to %1 (837P).", nullptr, result->claims)
                                 .arg(QDir::toNativeSeparators(result->path)));
                     });
}

void ClaimsPage::exportCsv(const QString &path)
{
    Async::whenReady(m_services.dashboard->exportCsv(m_model->filter(), path), this,
                     [this, path](const StoreResult<qint64> &written) {
                         if (!written) {
                             say(written.error(), true);
                             return;
                         }
                         say(tr("%n claims written to %1.", nullptr, int(*written))
                                 .arg(QDir::toNativeSeparators(path)));
                     });
}

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/eventlogdialog.h"

#include "models/liveeventmodel.h"
#include "services/common/async.h"
#include "services/live/livefeed.h"
#include "ui/livestatuslabel.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

EventLogDialog::EventLogDialog(LiveFeed *feed, QWidget *parent)
    : QDialog(parent)
    , m_feed(feed)
    , m_model(new LiveEventModel(feed, this))
{
    setWindowTitle(tr("Event Log"));
    setAttribute(Qt::WA_DeleteOnClose);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new LiveStatusLabel(feed, this));
    m_totals = new QLabel(this);
    m_totals->setObjectName(QStringLiteral("eventTotals"));
    layout->addWidget(m_totals);
    m_perType = new QLabel(this);
    m_perType->setWordWrap(true);
    m_perType->setObjectName(QStringLiteral("eventsPerType"));
    layout->addWidget(m_perType);

    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAccessibleName(tr("Events"));
    layout->addWidget(m_table, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_retry = buttons->addButton(tr("&Retry"), QDialogButtonBox::ActionRole);
    m_retry->setToolTip(tr("Apply the selected failed event again."));
    connect(m_retry, &QPushButton::clicked, this, &EventLogDialog::retrySelected);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(m_model, &LiveEventModel::countsChanged, this, &EventLogDialog::updateTotals);
    connect(m_model, &LiveEventModel::loaded, this, [this] {
        m_table->resizeColumnsToContents();
        updateButtons();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, &EventLogDialog::updateButtons);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &EventLogDialog::updateButtons);
    updateTotals();
    updateButtons();
    resize(900, 520);
}

void EventLogDialog::updateTotals()
{
    const LiveEventCounts &c = m_model->counts();
    m_totals->setText(tr("Received %1 · applied %2 · failed %3 · ignored %4")
                          .arg(c.received)
                          .arg(c.applied)
                          .arg(c.failed)
                          .arg(c.ignored));
    QStringList parts;
    for (const auto &[type, count] : c.perType)
        parts << tr("%1: %2").arg(type).arg(count);
    m_perType->setText(parts.isEmpty() ? tr("No events yet.") : parts.join(QStringLiteral(" · ")));
}

void EventLogDialog::updateButtons()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    m_retry->setEnabled(!rows.isEmpty()
                        && m_model->recordAt(rows.first().row()).status == LiveEventStatus::Failed);
}

void EventLogDialog::retrySelected()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const qint64 id = m_model->recordAt(rows.first().row()).id;
    m_retry->setEnabled(false);
    Async::whenReady(m_feed->retry(id), this, [this](const StoreResult<LiveEventRecord> &result) {
        updateButtons();
        if (!result)
            QMessageBox::warning(this, tr("Event Not Retried"), result.error());
    });
}

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class LiveEventModel;
class LiveFeed;
class LiveStatusLabel;
class QLabel;
class QPushButton;
class QTableView;

//! View › Event Log: every event the hub delivered to this desk, what became of it, the totals
//! per type, and Retry for the failed ones. Non-modal; it follows the feed live.
class EventLogDialog : public QDialog
{
    Q_OBJECT
public:
    explicit EventLogDialog(LiveFeed *feed, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    LiveEventModel *model() const { return m_model; }
    QPushButton *retryButton() const { return m_retry; }
    QLabel *totalsLabel() const { return m_totals; }

private:
    void updateTotals();
    void updateButtons();
    void retrySelected();

    LiveFeed *m_feed;
    LiveEventModel *m_model;
    QTableView *m_table;
    QLabel *m_totals;
    QLabel *m_perType;
    QPushButton *m_retry;
};

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLabel>
#include <QTimer>

class LiveFeed;

//! The status bar's word on the hub: connected, connecting, reconnecting in N s, offline since…
//! or that live updates are not set up. Clicking it opens the event log.
class LiveStatusLabel : public QLabel
{
    Q_OBJECT
public:
    explicit LiveStatusLabel(LiveFeed *feed, QWidget *parent = nullptr);

    //! The text for the feed's state now (also used by tests).
    static QString describe(const LiveFeed *feed);

Q_SIGNALS:
    void activated();

protected:
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    void refresh();

    LiveFeed *m_feed;
    QTimer m_countdown;
};

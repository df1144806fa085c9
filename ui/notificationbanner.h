// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>
#include <QTimer>

class QLabel;
class QPushButton;

//! A non-modal strip under the window's top that tells what changed elsewhere ("Desk 2 moved
//! …"): it never takes the focus, hides itself after a while, and counts what came meanwhile.
class NotificationBanner : public QFrame
{
    Q_OBJECT
public:
    explicit NotificationBanner(QWidget *parent = nullptr);

    void notify(const QString &message);
    QString message() const;
    int pendingCount() const { return m_count; }

private:
    QLabel *m_text;
    QPushButton *m_dismiss;
    QTimer m_hideTimer;
    int m_count = 0;
};

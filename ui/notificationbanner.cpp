// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/notificationbanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

NotificationBanner::NotificationBanner(QWidget *parent)
    : QFrame(parent)
    , m_text(new QLabel(this))
    , m_dismiss(new QPushButton(tr("Dismiss"), this))
{
    setObjectName(QStringLiteral("notificationBanner"));
    // Dark text on pale blue: well above 7:1.
    setStyleSheet(QStringLiteral("#notificationBanner { background-color: #e3f0fb; "
                                 "border-bottom: 1px solid #90b8de; } "
                                 "#notificationBanner QLabel { color: #0b2e4f; }"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 4, 10, 4);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    layout->addWidget(m_text, 1);
    // A click only: the banner must never take the clerk's keyboard focus.
    m_dismiss->setFocusPolicy(Qt::NoFocus);
    layout->addWidget(m_dismiss);
    connect(m_dismiss, &QPushButton::clicked, this, [this] {
        m_count = 0;
        hide();
    });
    m_hideTimer.setSingleShot(true);
    connect(&m_hideTimer, &QTimer::timeout, this, [this] {
        m_count = 0;
        hide();
    });
    hide();
}

void NotificationBanner::notify(const QString &message)
{
    ++m_count;
    m_text->setText(m_count > 1 ? tr("%1 (and %n more)", nullptr, m_count - 1).arg(message)
                                : message);
    show();
    m_hideTimer.start(12000);
}

QString NotificationBanner::message() const
{
    return m_text->text();
}

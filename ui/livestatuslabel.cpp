// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/livestatuslabel.h"

#include "services/domain/dateformats.h"
#include "services/live/livefeed.h"

#include <QLocale>
#include <QMouseEvent>
#include <cmath>

LiveStatusLabel::LiveStatusLabel(LiveFeed *feed, QWidget *parent)
    : QLabel(parent)
    , m_feed(feed)
{
    setObjectName(QStringLiteral("liveStatus"));
    setTextFormat(Qt::PlainText);
    setCursor(Qt::PointingHandCursor);
    if (m_feed)
        connect(m_feed, &LiveFeed::stateChanged, this, &LiveStatusLabel::refresh);
    // The countdown and "offline since" move on their own.
    connect(&m_countdown, &QTimer::timeout, this, &LiveStatusLabel::refresh);
    m_countdown.start(1000);
    refresh();
}

QString LiveStatusLabel::describe(const LiveFeed *feed)
{
    if (!feed)
        return tr("Live updates: not set up");
    const QDateTime since = feed->offlineSince().toLocalTime();
    const QString sinceText =
        since.date() == QDate::currentDate()
            ? DateFormats::displayLocale().toString(since.time(), QLocale::ShortFormat)
            : DateFormats::format(since.date()) + QLatin1Char(' ')
                  + DateFormats::displayLocale().toString(since.time(), QLocale::ShortFormat);
    switch (feed->state()) {
    case LiveFeed::State::Connected:
        return tr("Live: connected");
    case LiveFeed::State::Connecting:
        return since.isValid() ? tr("Live: connecting… (offline since %1)").arg(sinceText)
                               : tr("Live: connecting…");
    case LiveFeed::State::WaitingToReconnect: {
        const qint64 ms = QDateTime::currentDateTimeUtc().msecsTo(feed->nextAttemptAt());
        const int seconds = int(std::ceil(std::max<qint64>(ms, 0) / 1000.0));
        return tr("Live: offline since %1, reconnecting in %n s", nullptr, seconds).arg(sinceText);
    }
    case LiveFeed::State::Stopped:
        break;
    }
    return since.isValid() ? tr("Live: offline since %1").arg(sinceText) : tr("Live: off");
}

void LiveStatusLabel::refresh()
{
    const QString text = describe(m_feed);
    if (text != this->text())
        setText(text);
    const bool connected = m_feed && m_feed->state() == LiveFeed::State::Connected;
    setStyleSheet(connected ? QStringLiteral("QLabel { color: #1b5e20; }")
                            : QStringLiteral("QLabel { color: #8a1c1c; }"));
    setToolTip(m_feed && !m_feed->lastError().isEmpty() && !connected
                   ? m_feed->lastError()
                   : tr("Changes made at other desks and news from payers arrive here. Click "
                        "for the event log."));
}

void LiveStatusLabel::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        Q_EMIT activated();
    QLabel::mouseReleaseEvent(event);
}

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>

//! What became of an event from the hub on this desk.
enum class LiveEventStatus { Applied, Failed, Ignored };
QString liveEventStatusKey(LiveEventStatus status); // "applied", "failed", "ignored"
LiveEventStatus liveEventStatusFromKey(const QString &key);

//! One event of the hub's feed as this desk received it.
struct LiveEvent
{
    QString epoch;
    qint64 seq = 0;
    QString kind; // metriport, payor, clinic
    QString eventType;
    QDateTime receivedAt; // when the hub received it (UTC)
    QJsonObject payload;

    //! The desk that published a clinic event (empty for webhooks).
    QString originDevice() const;
    //! The publish id a clinic event carried.
    QString originId() const;
};

//! What a handler reports for one event.
struct LiveApplyOutcome
{
    LiveEventStatus status = LiveEventStatus::Applied;
    QString error; // Failed: what went wrong, for the event log; Ignored: why

    static LiveApplyOutcome applied() { return {}; }
    static LiveApplyOutcome failed(QString why) { return {LiveEventStatus::Failed, std::move(why)}; }
    static LiveApplyOutcome ignored(QString why)
    {
        return {LiveEventStatus::Ignored, std::move(why)};
    }
};

//! A row of the desk's event log.
struct LiveEventRecord
{
    qint64 id = 0;
    LiveEvent event;
    LiveEventStatus status = LiveEventStatus::Applied;
    int attempts = 1;
    QString error;
    QDateTime appliedAt; // UTC; when the last attempt ran
};

//! Where this desk stands in the hub's log.
struct LiveCursor
{
    QString device;
    QString epoch;
    qint64 lastAppliedSeq = 0;
};

//! A clinic event waiting to be published (written with the change it announces).
struct LiveOutboxItem
{
    QString id; // UUID: the hub stores one event per (device, id)
    QString eventType;
    QJsonObject payload;
    QDateTime createdAt;
};

//! Totals for the event log window.
struct LiveEventCounts
{
    qint64 received = 0;
    qint64 applied = 0;
    qint64 failed = 0;
    qint64 ignored = 0;
    QList<QPair<QString, qint64>> perType; // event type → events received, most first
};

Q_DECLARE_METATYPE(LiveEventRecord)

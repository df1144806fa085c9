// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

//! Where an event came from; the `kind` of the feed protocol.
namespace EventKind {
inline const QString metriport = QStringLiteral("metriport");
inline const QString payor = QStringLiteral("payor");
inline const QString clinic = QStringLiteral("clinic");
} // namespace EventKind

/*!
  One delivery the hub has verified and must make durable before it answers: a signed webhook
  (Metriport or payor) or a clinic event a desk published. Two deliveries are the same event
  when they share (kind, deliveryId), or share (kind, businessKey) with a non-empty key.
 */
struct HubDelivery
{
    QString kind;        // EventKind
    QString deliveryId;  // meta.messageId, webhook-id, or "<device>:<publish id>"
    QString businessKey; // e.g. "medical.document-download|<requestId>|<patientId>|<doc ids>"; may be empty
    QString eventType;   // meta.type, the payor's "type", or the clinic event type
    QByteArray payload;  // compact JSON object: the webhook body as received, or the publish payload
    QDateTime receivedAt; // UTC
};

//! One event of the hub's log, as stored and as sent to the desks.
struct HubEvent
{
    qint64 seq = 0; // 1, 2, 3… in commit order, no gaps
    QString kind;
    QString eventType;
    QDateTime receivedAt; // UTC
    QByteArray payload;   // compact JSON object
};

//! What became of one delivery given to the log.
struct AppendResult
{
    bool ok = false;        // false: not stored (error says why); the sender must not get 2xx
    bool duplicate = false; // already stored under the same delivery id or business key
    qint64 seq = 0;         // the event's seq (the earlier one's for a duplicate, when known)
    QString error;
};

//! One row of the hub's own audit log (never PHI).
struct HubAuditEntry
{
    QDateTime at; // UTC
    QString what;
    QString peer;
    QString detail;
};

Q_DECLARE_METATYPE(HubEvent)

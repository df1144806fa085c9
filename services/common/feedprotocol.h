// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>
#include <variant>

/*!
  The live feed between clinichub and the desks: WebSocket text frames, one JSON object each.

    desk → hub  hello   {device, token, epoch, lastSeq}   first, once
                ack     {seq}                              cumulative, after the desk committed
                publish {id, eventType, payload}           a clinic event other desks must see
    hub → desk  event   {seq, epoch, kind, eventType, receivedAt, payload}
                reset   {epoch, lastSeq}                   the desk's cursor cannot be resumed
                published {id, seq}                        a publish is stored (its seq)
                error   {code, message}                    then the hub closes

  Both sides decode strictly: a frame that is not one JSON object of a known type with fields of
  the right types is an error naming what is wrong (and the connection is closed), never guessed.
 */
namespace FeedProtocol {

//! No frame or message larger than this is read or sent (1 MiB).
constexpr qint64 maxMessageBytes = 1024 * 1024;
//! Ping every 15 s; a connection silent for 25 s is dead.
constexpr int pingIntervalMs = 15000;
constexpr int silenceLimitMs = 25000;
//! The clinic events a desk may publish.
QStringList clinicEventTypes();

struct Hello
{
    QString device;
    QString token;
    QString epoch; // empty: this desk has never been connected
    qint64 lastSeq = 0; // -1: the desk sent something that is not a whole number ≥ 0
};
struct Ack
{
    qint64 seq = 0;
};
struct Publish
{
    QString id; // chosen by the desk (a UUID); the hub stores one event per (device, id)
    QString eventType;
    QJsonObject payload;
};
struct Event
{
    qint64 seq = 0;
    QString epoch;
    QString kind;
    QString eventType;
    QDateTime receivedAt;
    QJsonObject payload;
};
struct Reset
{
    QString epoch;
    qint64 lastSeq = 0;
};
struct Published
{
    QString id;
    qint64 seq = 0;
};
struct Error
{
    QString code; // "unauthorized", "bad-message", "too-large", "internal"
    QString message;
};

using Message = std::variant<Hello, Ack, Publish, Event, Reset, Published, Error>;

struct Decoded
{
    std::optional<Message> message;
    QString error; // English, for logs and the error frame; empty when message is set
};

//! Reads one frame.
Decoded decode(QByteArrayView frame);
//! Writes one frame (compact JSON).
QByteArray encode(const Message &message);
/*!
  An event frame around a payload that is already compact JSON text (the hub's log keeps the
  webhook body as received): no parse and re-serialise for every desk. `payloadJson` must be a
  JSON object (the hub checked it when it stored it).
 */
QByteArray encodeEvent(qint64 seq, const QString &epoch, const QString &kind,
                       const QString &eventType, const QDateTime &receivedAt,
                       const QByteArray &payloadJson);

} // namespace FeedProtocol

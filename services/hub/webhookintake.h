// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/hub/hubevent.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

/*!
  Turns a webhook whose signature has been verified into what the hub does with it: a delivery
  to store, a ping to answer, or a refusal naming what is wrong. No I/O: the receiver checks the
  signature first (over the raw bytes), then asks here.
 */
class WebhookIntake
{
public:
    struct Outcome
    {
        enum class Kind { Delivery, Ping, Invalid };
        Kind kind = Kind::Invalid;
        HubDelivery delivery; // Kind::Delivery
        QByteArray pongBody;  // Kind::Ping: {"pong":"<value>"}
        QString error;        // Kind::Invalid: English, sent back with 400
    };

    //! A Metriport body: `meta.messageId` and `meta.type` are required; a ping is answered, not
    //! stored; any other type (known or not) becomes a delivery with its business key.
    static Outcome metriport(const QByteArray &body, const QDateTime &receivedAt);
    //! A payor body (Standard Webhooks: {"type", "timestamp", "data"}) under `webhookId`.
    static Outcome payor(const QByteArray &webhookId, const QByteArray &body,
                         const QDateTime &receivedAt);

    /*!
      What makes two Metriport messages the same news, whatever their messageId (a single-
      request retry gets a new id and fresh URLs): the type, the request id, and per patient the
      patient id with its document ids (document-download), its source (network queries), its
      status (conversion, consolidated) or its ADT times. Empty when the body carries nothing
      to tell two messages apart by (then only the messageId dedupes).
     */
    static QString metriportBusinessKey(const QJsonObject &body);
};

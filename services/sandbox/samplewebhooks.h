// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

/*!
  Sample webhook bodies for the sandbox, in the exact shapes the real senders use (Metriport:
  metriport-api.md §4; the payor: Standard Webhooks `{"type","timestamp","data"}` with
  claim_status_update and claim_created). All data is demo data: the Metriport sandbox personas,
  `DEMO-…` external ids, example OIDs (2.999…), URLs on the reserved `.example` domain, claim ids
  `CLM-DEMO-…`.

  `index` picks which persona, document or claim an event is about (it cycles), so a batch of N
  differs from event to event; every event gets fresh ids (messageId, requestId, webhook id), so
  no two samples are duplicates of each other.
 */
namespace SampleWebhooks {

struct Sample
{
    QByteArray id;   //!< meta.messageId for Metriport, the webhook-id for the payor
    QByteArray body; //!< compact JSON
};

//! ping, medical.document-download, medical.document-conversion, medical.consolidated-data,
//! network-query.hie|pharmacy|lab, network-query.hie.first-data-ready,
//! patient.admit|discharge|transfer.
QStringList metriportTypes();
//! claim_status_update, claim_created.
QStringList payorTypes();

//! A Metriport webhook of `type` sent at `when`; nothing for a type not in metriportTypes().
std::optional<Sample> metriport(const QString &type, int index, const QDateTime &when);
//! A payor webhook of `type` sent at `when`; nothing for a type not in payorTypes().
std::optional<Sample> payor(const QString &type, int index, const QDateTime &when);

} // namespace SampleWebhooks

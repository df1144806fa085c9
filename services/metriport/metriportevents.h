// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/liveevent.h"

class LiveFeed;
class OutsideRecordsService;
class Store;

/*!
  Metriport's webhooks as the hub delivers them to the desk. Inside the feed's transaction the
  announced documents and consolidated-data URLs become clinical_documents rows (the same
  announcement twice is one row); after the commit the service fetches them at once, since
  their URLs expire in 60 s to 3 minutes.

    medical.document-download    each patients[].documents[] announced
    medical.document-conversion  the consolidated data is asked for
    medical.consolidated-data    the bundle's attachment URL (json) announced, valid 3 min
    network-query.<source>       payload.consolidatedDataUrl announced; documents listed

  A patient no link on this desk knows is ignored, not failed: every desk receives every event.
 */
namespace MetriportEvents {
//! Runs on the writer inside the feed's transaction.
LiveApplyOutcome apply(const QString &connection, const LiveEvent &event);
//! The local patients an event is about (after apply, on the writer).
QList<qint64> patientsOf(const QString &connection, const LiveEvent &event);
void connectToFeed(LiveFeed *feed, OutsideRecordsService *records, Store *store);
} // namespace MetriportEvents

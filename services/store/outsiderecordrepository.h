// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/networklink.h"
#include "services/store/storeerror.h"

#include <QList>

#include <optional>

/*!
  The network links (network_links) and the outside documents (clinical_documents) of
  migration 010. Documents are announced before they are fetched, so nothing announced is lost
  when the desk stops; an announcement seen twice is one row.
 */
class OutsideRecordRepository
{
public:
    explicit OutsideRecordRepository(QString connectionName)
        : m_connection(std::move(connectionName))
    {
    }

    StoreResult<std::optional<NetworkLink>> link(qint64 patientId) const;
    StoreResult<std::optional<NetworkLink>> linkByMetriportId(const QString &metriportPatientId) const;
    //! Inserts or replaces the patient's link; refuses a Metriport id linked to another local
    //! patient (naming that patient's id), since that is a duplicate to resolve.
    StoreResult<NetworkLink> saveLink(const NetworkLink &link);
    StoreResult<bool> setSyncStatus(qint64 patientId, NetworkSyncStatus status,
                                    const QString &detail, const QString &queryRequestId = {});
    StoreResult<bool> verifyLink(qint64 patientId, const QString &user);
    StoreResult<bool> removeLink(qint64 patientId);
    //! Links whose sync is in progress (to poll at start).
    StoreResult<QList<NetworkLink>> linksInProgress() const;

    /*!
      Records documents the network announced; those already known (same patient and source
      id) are left as they are, except that a new download URL replaces an expired one on a row
      not yet stored. Returns the ids of the rows that still need fetching.
     */
    StoreResult<QList<qint64>> announce(const QList<ClinicalDocument> &documents);
    //! A patient's documents without their bytes, newest first (consolidated data last).
    StoreResult<QList<ClinicalDocument>> documents(qint64 patientId) const;
    //! One document; with its bytes when `withContent`.
    StoreResult<std::optional<ClinicalDocument>> document(qint64 id, bool withContent) const;
    //! A patient's stored documents with their bytes (for the clinical summary).
    StoreResult<QList<ClinicalDocument>> storedWithContent(qint64 patientId) const;
    //! Rows to fetch now: announced, or failed with their next attempt due; oldest first.
    StoreResult<QList<ClinicalDocument>> due(const QDateTime &now, int limit) const;
    //! Stores the bytes (and their SHA-256, computed here) and what the reader found.
    StoreResult<bool> store(qint64 id, const QByteArray &content, const QString &parsed);
    //! Counts a failed attempt; `nextAttemptAt` invalid: no further automatic attempt.
    StoreResult<bool> fail(qint64 id, const QString &error, const QDateTime &nextAttemptAt);
    //! Makes a failed document due again at once (the clerk's Retry).
    StoreResult<bool> retry(qint64 id);

private:
    QString m_connection;
};

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

//! Where a linked patient's outside records stand.
enum class NetworkSyncStatus { Pending, InProgress, Completed, Failed };

QString networkSyncStatusCode(NetworkSyncStatus status); // "pending", "in_progress"…
NetworkSyncStatus networkSyncStatusFromCode(const QString &code);
//! "Waiting", "Searching the network", "Up to date", "Failed": translated, for screens.
QString networkSyncStatusText(NetworkSyncStatus status);

/*!
  A local patient linked to a patient of the Metriport network (the master patient index's
  mapping): the network's id and facility, where the last request for records stands, and
  whether a person has confirmed that the two are the same person.
 */
struct NetworkLink
{
    qint64 patientId = 0;
    QString metriportPatientId;
    QString facilityId;
    QString eTag;
    NetworkSyncStatus status = NetworkSyncStatus::Pending;
    QString detail;              // why it failed, or what is going on, in words
    bool matchedExisting = false; // the network already had this person when we created them
    QString verifiedBy;          // empty: not verified by a person
    QDateTime verifiedAt;        // UTC
    QString queryRequestId;      // the running or last document query
    QDateTime queryStartedAt;    // UTC
    QDateTime linkedAt;          // UTC
    QDateTime updatedAt;         // UTC

    bool isVerified() const { return !verifiedBy.isEmpty(); }
    bool operator==(const NetworkLink &) const = default;
};

enum class ClinicalDocumentKind { Document, Consolidated };
enum class ClinicalDocumentStatus { Announced, Stored, Failed };

QString clinicalDocumentStatusCode(ClinicalDocumentStatus status);
ClinicalDocumentStatus clinicalDocumentStatusFromCode(const QString &code);

/*!
  A document or a consolidated FHIR bundle the network announced for a patient, and, once
  fetched, its bytes with their SHA-256. The bytes are loaded only when asked for
  (ClinicalDocument lists leave `content` empty).
 */
struct ClinicalDocument
{
    qint64 id = 0;
    qint64 patientId = 0;
    QString sourceId; // Metriport's document id, or "consolidated:<requestId>"
    ClinicalDocumentKind kind = ClinicalDocumentKind::Document;
    QString fileName;
    QString title;
    QString mimeType;
    QString typeCode; // LOINC document type
    QString typeDisplay;
    QDateTime documentDate; // UTC
    QString source;          // "Metriport", "HIE", "Surescripts"…
    qint64 size = -1;
    QString downloadUrl;     // a presigned URL given with the announcement (consolidated data)
    QDateTime urlExpiresAt;  // UTC
    ClinicalDocumentStatus status = ClinicalDocumentStatus::Announced;
    int attempts = 0;
    QString lastError;
    QDateTime nextAttemptAt; // UTC; invalid: now
    QByteArray sha256;       // hex
    QByteArray content;
    QString parsed;          // what the reader found, as JSON ({"allergy":2,…,"unreadable":0})
    QDateTime announcedAt;   // UTC
    QDateTime storedAt;      // UTC

    bool isStored() const { return status == ClinicalDocumentStatus::Stored; }
};

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/networklink.h"
#include "services/domain/patient.h"
#include "services/metriport/metriportjson.h"
#include "services/access/accesscontrol.h"
#include "services/store/storeerror.h"

#include <QFuture>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

class DocumentFetcher;
class MetriportClient;
class Store;

/*!
  A patient's outside records, from linking to the network to stored documents: the facade
  the patient page talks to.

  - linkPatient(): creates (or finds) the patient in Metriport under the clinic's facility and
    stores the link. Metriport answers a create that matches someone it already has with that
    person and 201; the service tells which happened (compares the id with the links it
    holds and the patient's creation time) and says so, so a person can verify the link.
  - getOutsideRecords(): starts a Document Query and follows it two ways at once: the hub's
    webhooks (MetriportEvents) when they come, and polling of the status endpoints every few
    seconds, so a clinic without a public URL still gets its documents and a webhook that never
    comes (Metriport issue #3125) does not leave the query waiting: after `giveUpAfterMs` it
    ends as failed, in words.
  - when the conversion is done, a consolidated query (json) brings the FHIR data.
  - webhook health: GET /settings/webhook at start and every 15 minutes, and
    POST /settings/webhook/retry when deliveries failed (Metriport never retries by itself).

  Every link, verification and document opened is audited (user, action, patient id).
 */
class OutsideRecordsService : public QObject
{
    Q_OBJECT
public:
    struct Config
    {
        QString facilityId;               // empty: the first facility, or one made from below
        MetriportJson::Facility facility; // the clinic, to create the facility when none exists
        int pollIntervalMs = 4000;
        int giveUpAfterMs = 10 * 60 * 1000;
        int webhookCheckIntervalMs = 15 * 60 * 1000;
    };

    OutsideRecordsService(Store *store, MetriportClient *client, DocumentFetcher *fetcher,
                          QString user, Config config, QObject *parent = nullptr);
    ~OutsideRecordsService() override;
    //! Who may read: every call about a patient's records is refused with AccessControl's
    //! words when the signed-in person may not (null: no checks, for tests of this service).
    void setAccessControl(AccessControl *access) { m_access = access; }

    const Config &config() const { return m_config; }
    //! Resumes polling for queries left in progress and checks the webhooks; call once.
    void start();

    QFuture<StoreResult<std::optional<NetworkLink>>> link(qint64 patientId) const;
    QFuture<StoreResult<QList<ClinicalDocument>>> documents(qint64 patientId) const;
    //! A document with its bytes; audited as viewed.
    QFuture<StoreResult<std::optional<ClinicalDocument>>> openDocument(qint64 documentId);
    //! Audits a print or an export of a patient's outside records ("document.print"…).
    void recordUse(const QString &action, qint64 patientId);

    //! Links `patient` to the network; ends with linkFinished().
    void linkPatient(const Patient &patient);
    //! Asks the network for the patient's records (linking first when needed).
    void getOutsideRecords(const Patient &patient);
    //! A person confirms the link is the same person.
    void verifyLink(qint64 patientId);
    //! Fetches a failed document again.
    void retryDocument(qint64 documentId);
    //! Checks Metriport's webhook deliveries and asks for failed ones again.
    void checkWebhooks();

    // Called by MetriportEvents after the hub's events are stored.
    void onDocumentsAnnounced(qint64 patientId);
    void onConversionFinished(qint64 patientId);
    void onConsolidatedAnnounced(qint64 patientId);

Q_SIGNALS:
    //! `error` empty on success; `message` says what happened ("matched someone the network
    //! already had…").
    void linkFinished(qint64 patientId, const NetworkLink &link, const QString &message,
                      const QString &error);
    void syncStatusChanged(qint64 patientId, NetworkSyncStatus status, const QString &detail);
    void documentsChanged(qint64 patientId);
    //! Asking for the consolidated FHIR data failed (the documents are unaffected).
    void consolidatedQueryFailed(qint64 patientId, const QString &error);
    //! The webhook deliveries as Metriport reports them; `retried` when failures were resent.
    void webhookHealthChecked(bool enabled, int failed, bool retried, const QString &error);

private:
    AccessControl *m_access = nullptr;
    struct Follow
    {
        qint64 patientId = 0;
        QString metriportId;
        QString requestId;
        qint64 startedMs = 0;
        bool consolidatedAsked = false;
        bool downloadsListed = false;
        bool polling = false;
    };

    void ensureFacility(std::function<void(const QString &facilityId, const QString &error)> then);
    void createInNetwork(const Patient &patient, const QString &facilityId, bool thenQuery);
    void startQuery(qint64 patientId, const NetworkLink &link);
    void poll(qint64 patientId);
    void listDocuments(qint64 patientId);
    void askConsolidated(qint64 patientId);
    void maybeComplete(qint64 patientId, bool downloadDone, bool convertDone);
    void setStatus(qint64 patientId, NetworkSyncStatus status, const QString &detail,
                   const QString &requestId = {});
    void audit(const QString &action, qint64 patientId);

    Store *m_store;
    MetriportClient *m_client;
    DocumentFetcher *m_fetcher;
    QString m_user;
    Config m_config;
    QHash<qint64, Follow> m_follows;
    QTimer m_pollTimer;
    QTimer m_webhookTimer;
    QElapsedTimer m_clock;
    QSet<qint64> m_linking;
};

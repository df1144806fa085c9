// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/metriport/metriportjson.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QHttpServerResponse>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QUrl>

#include <functional>
#include <optional>

class HttpRoutes;
class QHttpServerRequest;
class QNetworkAccessManager;

//! A file the simulated Metriport holds for a patient: the announced metadata and the bytes.
struct SandboxMetriportDocument
{
    MetriportJson::Document meta;
    QByteArray bytes;
};

/*!
  Metriport's Medical API as its sandbox behaves (metriport-api.md §2–§5), at the sandbox's root:
  `/medical/v1/…` and `/settings…`, with Metriport's JSON shapes, so that the official
  `@metriport/api-sdk` client works against it unchanged.

    POST/GET      /medical/v1/facility, GET /medical/v1/facility/{id}   (NPI checked)
    POST/GET      /medical/v1/patient?facilityId=…  create (matching: an existing patient comes
                  back with 201, as Metriport does), list with paging (count, fromItem, nextPage)
    GET/PUT/DELETE /medical/v1/patient/{id}          PUT needs If-Match (stale → 412)
    POST          /medical/v1/patient/match          200 with the patient, or 404
    POST/GET      /medical/v1/document/query         legacy Document Query; completes after a
                  delay with a signed `medical.document-download`, then `…-conversion`
    GET           /medical/v1/document               DocumentReferences of what was downloaded
    GET           /medical/v1/document/download-url  {url}, valid 60 s
    POST/GET      /medical/v1/network/query[/{requestId}]  one `network-query.<source>` per source
    POST/GET      /medical/v1/patient/{id}/consolidated/query[/{requestId}]
                  → `medical.consolidated-data` with a URL valid 3 minutes
    GET           /medical/v1/patient/{id}/medical-record?conversionType=pdf|html
    GET/POST      /settings (POST {webhookUrl} sends a ping and expects the pong)
    GET           /settings/webhook, /settings/webhook/request; POST /settings/webhook/retry
    POST          /convert/v1/ccda/to/fhir?patientId=…  C-CDA in, a FHIR `batch` Bundle out
    GET           /sandbox/metriport/files/{token}   the presigned downloads (403 once expired)
    GET/POST      /sandbox/metriport/faults          {"busyCount","serverErrorCount"}: the next
                  N API calls answer 429 (Retry-After: 1) or 503

  Like the real one it never retries a webhook by itself: a failed delivery waits for
  POST /settings/webhook/retry. Personas (by first name) get documents from the document
  source; other patients get none; at most `patientCap` patients (400 `{"message"}` past it).
 */
class SandboxMetriport : public QObject
{
    Q_OBJECT
public:
    static QByteArray defaultApiKey() { return QByteArrayLiteral("sandbox-metriport-key"); }

    struct Options
    {
        QByteArray apiKey = defaultApiKey();
        QByteArray webhookKey; // signs webhooks; GET /settings shows it
        QUrl webhookUrl;       // where webhooks go until POST /settings changes it
        int patientCap = 20;
        int documentQueryDelayMs = 1500;
        int conversionDelayMs = 700;
        int consolidatedDelayMs = 800;
        int networkQueryDelayMs = 1200;
        int downloadUrlTtlMs = 60 * 1000;
        int consolidatedUrlTtlMs = 180 * 1000;
        int webhookTimeoutMs = 5000; // 2 s for the ping, as Metriport
    };
    //! The documents of a persona by first name (empty for anyone else).
    using DocumentSource = std::function<QList<SandboxMetriportDocument>(const QString &firstName)>;
    //! C-CDA → a FHIR R4 `batch` Bundle (JSON) for `patientId`; nothing and `error` when it
    //! cannot be read.
    using Converter = std::function<std::optional<QByteArray>(
        const QByteArray &ccda, const QString &patientId, QString *error)>;

    SandboxMetriport(QNetworkAccessManager *network, Options options, QObject *parent = nullptr);
    ~SandboxMetriport() override;

    void setDocumentSource(DocumentSource source) { m_documents = std::move(source); }
    void setConverter(Converter converter) { m_converter = std::move(converter); }
    //! The server's own address, for the download URLs it hands out.
    void setBaseUrl(const QUrl &url) { m_baseUrl = url; }
    void registerOn(HttpRoutes &routes);

    int patientCount() const { return int(m_patients.size()); }
    QString webhookUrl() const { return m_webhookUrl.toString(); }
    //! {"patients","webhooksSent","webhooksFailed","webhooksDelivered", …}
    QJsonObject stats() const;

Q_SIGNALS:
    //! A webhook was answered 2xx (pong checked for a ping).
    void webhookDelivered(const QString &type, const QString &messageId);
    //! A webhook failed; it waits for POST /settings/webhook/retry.
    void webhookFailed(const QString &type, const QString &messageId, const QString &why);

private:
    struct StoredPatient
    {
        MetriportJson::Patient patient;
        int version = 1;
        QList<SandboxMetriportDocument> documents; // downloaded by a query
    };
    struct DocumentQuery
    {
        QString requestId;
        MetriportJson::DocumentQueryStatus status;
        QJsonObject metadata;
    };
    struct ConsolidatedRun
    {
        MetriportJson::ConsolidatedQuery query;
        QJsonObject metadata;
        QString patientId;
    };
    struct NetworkRun
    {
        MetriportJson::NetworkQueryStatus status;
        QString patientId;
        QJsonObject metadata;
    };
    struct File
    {
        QByteArray bytes;
        QByteArray contentType;
        qint64 expiresAtMs = 0; // on m_clock
    };
    struct WebhookRequest
    {
        QString messageId;
        QString type;
        QByteArray body;
        QString status; // "processing", "success", "failure"
        int httpStatus = 0;
        QDateTime createdAt;
    };

    using Request = QHttpServerRequest;
    std::optional<QHttpServerResponse> refuseCall(const Request &request);
    QHttpServerResponse createFacility(const Request &request);
    QHttpServerResponse createPatient(const Request &request);
    QHttpServerResponse listPatients(const Request &request);
    QHttpServerResponse patientRoute(const QString &id, const Request &request);
    QHttpServerResponse matchPatient(const Request &request);
    QHttpServerResponse startDocumentQuery(const Request &request);
    QHttpServerResponse listDocuments(const Request &request);
    QHttpServerResponse downloadUrl(const Request &request);
    QHttpServerResponse startNetworkQuery(const Request &request);
    QHttpServerResponse startConsolidated(const QString &patientId, const Request &request);
    QHttpServerResponse consolidatedStatus(const QString &patientId, const QString &requestId);
    QHttpServerResponse medicalRecord(const QString &patientId, const Request &request);
    QHttpServerResponse settings(const Request &request);
    QHttpServerResponse convert(const Request &request);
    QHttpServerResponse file(const QString &token);

    StoredPatient *findPatient(const QString &id);
    void completeDocumentQuery(const QString &patientId, const QString &requestId);
    void completeConversion(const QString &patientId, const QString &requestId);
    void completeConsolidated(const QString &requestId);
    void completeNetworkSource(const QString &requestId, const QString &source);
    //! Adds the persona's documents the patient does not have yet; returns the new ones.
    QList<SandboxMetriportDocument> downloadFor(StoredPatient &patient);
    //! The patient's consolidated FHIR data as a searchset Bundle (JSON).
    QByteArray consolidatedBundle(const StoredPatient &patient) const;
    QString publish(QByteArray bytes, QByteArray contentType, int ttlMs);
    QJsonObject meta(const QString &type, const QString &requestId,
                     const QJsonObject &metadata) const;
    QJsonObject patientRef(const StoredPatient &patient) const;
    void sendWebhook(const QString &type, QJsonObject payload);
    void deliver(qsizetype index, bool ping = false, const QString &pong = {});
    QUrl pageUrl(const Request &request, const QString &fromItem) const;

    QNetworkAccessManager *m_network;
    Options m_options;
    QUrl m_webhookUrl;
    QUrl m_baseUrl;
    DocumentSource m_documents;
    Converter m_converter;
    QString m_settingsId;
    bool m_webhookEnabled = true;
    QString m_webhookDetail;
    QList<MetriportJson::Facility> m_facilities;
    QList<StoredPatient> m_patients; // creation order: the earliest match wins
    QHash<QString, DocumentQuery> m_documentQueries; // by patient id
    QList<ConsolidatedRun> m_consolidated;
    QHash<QString, QHash<QString, QByteArray>> m_medicalRecords; // patient → type → bytes
    QHash<QString, NetworkRun> m_networkQueries; // by request id
    QHash<QString, File> m_files;
    QList<WebhookRequest> m_webhooks;
    QElapsedTimer m_clock;
    int m_busyCount = 0;
    int m_serverErrorCount = 0;
    int m_delivered = 0;
    int m_failed = 0;
};

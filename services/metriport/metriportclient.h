// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/common/retrypolicy.h"
#include "services/metriport/metriportcall.h"
#include "services/metriport/metriportjson.h"

#include <QDate>
#include <QObject>
#include <QStringList>
#include <QUrl>

class QNetworkAccessManager;

/*!
  Metriport's Medical API, one method per endpoint (metriport-api.md §2), each returning a
  MetriportCall that is not started yet: connect to finished(), then start() it. Medical
  endpoints live under `/medical/v1`, settings at the root (`/settings…`), both under the
  configured base URL; every call carries `x-api-key`. The typed answer is read with the
  MetriportJson readers (or the helpers below) from call->object().

  Presigned download URLs (documents, consolidated data) are fetched with download(): no API
  key, a larger cap, and a short timeout, because they expire in 60 s to 3 minutes.
 */
class MetriportClient : public QObject
{
    Q_OBJECT
public:
    struct Config
    {
        QUrl baseUrl; // https://api.metriport.com, or the sandbox's root
        QString apiKey;
        int timeoutMs = 20000; // Metriport's SDK waits 20 s
        RetryPolicy policy = defaultPolicy();
        qint64 maxDownloadBytes = 64 * 1024 * 1024;
    };
    //! 4 tries within 2 minutes, waits of 1, 2, 4 s at most (longer when Retry-After says so).
    static RetryPolicy defaultPolicy();

    //! `network` is not owned.
    MetriportClient(QNetworkAccessManager *network, Config config, QObject *parent = nullptr);
    ~MetriportClient() override;

    const Config &config() const { return m_config; }
    void setConfig(const Config &config) { m_config = config; }
    bool isConfigured() const { return m_config.baseUrl.isValid() && !m_config.apiKey.isEmpty(); }

    // Facilities. createFacility refuses an invalid NPI before sending (InvalidRequest).
    MetriportCall *createFacility(const MetriportJson::Facility &facility);
    MetriportCall *facility(const QString &facilityId);
    MetriportCall *facilities();

    // Patients.
    MetriportCall *createPatient(const QString &facilityId,
                                 const MetriportJson::Demographics &demographics,
                                 const QString &externalId);
    MetriportCall *patient(const QString &patientId);
    //! PUT with If-Match: a stale eTag is answered 412 (Rejected, httpStatus() 412).
    MetriportCall *updatePatient(const QString &patientId, const QString &facilityId,
                                 const MetriportJson::Demographics &demographics,
                                 const QString &externalId, const QString &eTag);
    MetriportCall *deletePatient(const QString &patientId, const QString &facilityId);
    //! One page; for the next one pass the previous answer's meta.nextPage as `pageUrl`.
    MetriportCall *listPatients(const QString &facilityId, const QString &filters, int count = 50,
                                const QUrl &pageUrl = {});
    //! 200 with the matching patient, or 404 (Rejected, httpStatus() 404) when none.
    MetriportCall *matchPatient(const MetriportJson::Demographics &demographics);

    // Documents (Document Query is Metriport's legacy flow, still live).
    MetriportCall *startDocumentQuery(const QString &patientId, const QString &facilityId,
                                      const QJsonObject &metadata = {});
    MetriportCall *documentQueryStatus(const QString &patientId);
    MetriportCall *listDocuments(const QString &patientId, const QDate &from = {},
                                 const QDate &to = {});
    //! {url}, valid 60 s; conversionType "html" or "pdf" for a C-CDA, empty for the file.
    MetriportCall *documentDownloadUrl(const QString &fileName, const QString &conversionType = {});

    // Network Query (hie, pharmacy, lab).
    MetriportCall *startNetworkQuery(const QString &patientId, const QStringList &sources,
                                     const QString &facilityId = {},
                                     const QJsonObject &metadata = {});
    MetriportCall *networkQueryStatus(const QString &requestId);

    // Consolidated data and the medical record summary.
    MetriportCall *startConsolidatedQuery(const QString &patientId, const QString &conversionType,
                                          const QStringList &resources = {},
                                          const QDate &from = {}, const QDate &to = {},
                                          const QJsonObject &metadata = {});
    MetriportCall *consolidatedQueryStatus(const QString &patientId,
                                           const QString &requestId = {});
    MetriportCall *medicalRecordUrl(const QString &patientId, const QString &conversionType);

    // Settings and webhook deliveries.
    MetriportCall *settings();
    MetriportCall *updateSettings(const QString &webhookUrl);
    MetriportCall *webhookStatus();
    MetriportCall *webhookRequests();
    MetriportCall *retryWebhooks();

    //! GET of a presigned URL: the bytes, no API key, a few quick tries.
    MetriportCall *download(const QUrl &url, const QString &what);

private:
    HttpJob::Request request(HttpJob::Method method, const QString &path,
                             const QList<std::pair<QString, QString>> &query = {}) const;
    MetriportCall *call(HttpJob::Request request, const QString &what,
                        MetriportCall::Expect expect = MetriportCall::Expect::Json);
    MetriportCall *refuse(const QString &what, const QString &why);
    static QByteArray json(const QJsonObject &object);

    QNetworkAccessManager *m_network;
    Config m_config;
};

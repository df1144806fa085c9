// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/metriport/outsiderecordsservice.h"

#include "services/common/async.h"
#include "services/metriport/documentfetcher.h"
#include "services/metriport/metriportclient.h"
#include "services/store/auditlog.h"
#include "services/store/outsiderecordrepository.h"
#include "services/store/store.h"
#include "services/domain/dateformats.h"

#include <QJsonArray>

namespace {
ClinicalDocument fromNetwork(qint64 patientId, const MetriportJson::Document &document)
{
    ClinicalDocument row;
    row.patientId = patientId;
    row.sourceId = document.id;
    row.kind = ClinicalDocumentKind::Document;
    row.fileName = document.fileName;
    row.title = document.description.isEmpty() ? document.typeDisplay : document.description;
    row.mimeType = document.mimeType;
    row.typeCode = document.typeCode;
    row.typeDisplay = document.typeDisplay;
    row.documentDate = document.indexed;
    row.source = QStringLiteral("Metriport");
    row.size = document.size;
    return row;
}
} // namespace

OutsideRecordsService::OutsideRecordsService(Store *store, MetriportClient *client,
                                             DocumentFetcher *fetcher, QString user,
                                             Config config, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_client(client)
    , m_fetcher(fetcher)
    , m_user(std::move(user))
    , m_config(std::move(config))
{
    m_clock.start();
    m_pollTimer.setInterval(m_config.pollIntervalMs);
    connect(&m_pollTimer, &QTimer::timeout, this, [this] {
        for (auto it = m_follows.cbegin(); it != m_follows.cend(); ++it) {
            if (!it->polling)
                poll(it.key());
        }
    });
    m_webhookTimer.setInterval(m_config.webhookCheckIntervalMs);
    connect(&m_webhookTimer, &QTimer::timeout, this, &OutsideRecordsService::checkWebhooks);
    connect(m_fetcher, &DocumentFetcher::documentStored, this,
            [this](qint64 patientId, qint64) { Q_EMIT documentsChanged(patientId); });
    connect(m_fetcher, &DocumentFetcher::documentFailed, this,
            [this](qint64 patientId, qint64, const QString &) { Q_EMIT documentsChanged(patientId); });
}

OutsideRecordsService::~OutsideRecordsService() = default;

void OutsideRecordsService::start()
{
    m_webhookTimer.start();
    m_fetcher->start();
    if (!m_client->isConfigured())
        return;
    checkWebhooks();
    // Queries a previous run left going are followed again (their webhooks may have come and
    // gone while the desk was off: polling catches up).
    auto future = m_store->read([](const QString &connection) {
        return OutsideRecordRepository(connection).linksInProgress();
    });
    Async::whenReady(future, this, [this](const StoreResult<QList<NetworkLink>> &links) {
        if (!links)
            return;
        for (const NetworkLink &link : *links) {
            Follow follow;
            follow.patientId = link.patientId;
            follow.metriportId = link.metriportPatientId;
            follow.requestId = link.queryRequestId;
            follow.startedMs = m_clock.elapsed();
            m_follows.insert(link.patientId, follow);
        }
        if (!m_follows.isEmpty())
            m_pollTimer.start();
    });
}

QFuture<StoreResult<std::optional<NetworkLink>>> OutsideRecordsService::link(qint64 patientId) const
{
    return m_store->read([patientId](const QString &connection) {
        return OutsideRecordRepository(connection).link(patientId);
    });
}

QFuture<StoreResult<QList<ClinicalDocument>>> OutsideRecordsService::documents(qint64 patientId) const
{
    if (m_access && !m_access->can(Permission::MedicalHistory, patientId))
        return AccessControl::refused<QList<ClinicalDocument>>(
            m_access->refusal(Permission::MedicalHistory, patientId));
    return m_store->read([patientId](const QString &connection) {
        return OutsideRecordRepository(connection).documents(patientId);
    });
}

QFuture<StoreResult<std::optional<ClinicalDocument>>>
OutsideRecordsService::openDocument(qint64 documentId)
{
    const QString user = m_user;
    return m_store->write([documentId, user](const QString &connection) {
        auto document = OutsideRecordRepository(connection).document(documentId, true);
        if (document && *document) {
            // Viewing PHI is audited: who opened which patient's document.
            const auto audited = AuditLog(connection).record(user, QStringLiteral("document.view"),
                                                             QStringLiteral("clinical_document"),
                                                             documentId);
            if (!audited)
                return StoreResult<std::optional<ClinicalDocument>>::failure(audited.error());
        }
        return document;
    });
}

void OutsideRecordsService::recordUse(const QString &action, qint64 patientId)
{
    audit(action, patientId);
}

void OutsideRecordsService::audit(const QString &action, qint64 patientId)
{
    const QString user = m_user;
    m_store->write([user, action, patientId](const QString &connection) {
        return AuditLog(connection).record(user, action, QStringLiteral("patient"), patientId);
    });
}

void OutsideRecordsService::ensureFacility(
    std::function<void(const QString &facilityId, const QString &error)> then)
{
    if (!m_config.facilityId.isEmpty()) {
        then(m_config.facilityId, {});
        return;
    }
    MetriportCall *list = m_client->facilities();
    connect(list, &Job::finished, this, [this, list, then] {
        if (list->error() != Job::Error::NoError) {
            then({}, list->errorString());
            return;
        }
        const QJsonArray facilities = list->object().value(QStringLiteral("facilities")).toArray();
        if (!facilities.isEmpty()) {
            m_config.facilityId = facilities.first().toObject().value(QStringLiteral("id")).toString();
            then(m_config.facilityId, {});
            return;
        }
        MetriportCall *create = m_client->createFacility(m_config.facility);
        connect(create, &Job::finished, this, [this, create, then] {
            if (create->error() != Job::Error::NoError) {
                then({}, create->errorString());
                return;
            }
            m_config.facilityId = create->object().value(QStringLiteral("id")).toString();
            then(m_config.facilityId, {});
        });
        create->start();
    });
    list->start();
}

void OutsideRecordsService::linkPatient(const Patient &patient)
{
    if (m_linking.contains(patient.id))
        return;
    const MetriportJson::Demographics demographics = MetriportJson::demographicsOf(patient);
    const QStringList problems =
        MetriportJson::demographicsProblems(demographics, QDate::currentDate());
    if (!problems.isEmpty()) {
        Q_EMIT linkFinished(patient.id, {}, {},
                            tr("%1 cannot be linked to the network yet: %2")
                                .arg(patient.fullName(), problems.join(QLatin1Char(' '))));
        return;
    }
    if (!m_client->isConfigured()) {
        Q_EMIT linkFinished(patient.id, {}, {},
                            tr("The Metriport connection is not set up: enter its address and "
                               "API key in Settings › Metriport."));
        return;
    }
    m_linking.insert(patient.id);
    ensureFacility([this, patient](const QString &facilityId, const QString &error) {
        if (!error.isEmpty()) {
            m_linking.remove(patient.id);
            Q_EMIT linkFinished(patient.id, {}, {}, error);
            return;
        }
        createInNetwork(patient, facilityId, false);
    });
}

void OutsideRecordsService::createInNetwork(const Patient &patient, const QString &facilityId,
                                            bool thenQuery)
{
    const QDateTime asked = QDateTime::currentDateTimeUtc();
    MetriportCall *call = m_client->createPatient(
        facilityId, MetriportJson::demographicsOf(patient), patient.mrn);
    connect(call, &Job::finished, this, [this, call, patient, facilityId, asked, thenQuery] {
        if (call->error() != Job::Error::NoError) {
            m_linking.remove(patient.id);
            Q_EMIT linkFinished(patient.id, {}, {}, call->errorString());
            return;
        }
        QString readError;
        const auto remote = MetriportJson::patientFromJson(call->object(), &readError);
        if (!remote) {
            m_linking.remove(patient.id);
            Q_EMIT linkFinished(patient.id, {}, {},
                                tr("Metriport's answer could not be read: %1").arg(readError));
            return;
        }
        NetworkLink link;
        link.patientId = patient.id;
        link.metriportPatientId = remote->id;
        link.facilityId = facilityId;
        link.eTag = remote->eTag;
        // Metriport answers 201 whether it created the patient or matched one it had: a
        // patient created before we asked was already there.
        link.matchedExisting =
            remote->dateCreated.isValid() && remote->dateCreated < asked.addSecs(-2);
        const QString user = m_user;
        auto saved = m_store->write([link, user](const QString &connection) {
            auto result = OutsideRecordRepository(connection).saveLink(link);
            if (result)
                AuditLog(connection).record(user, QStringLiteral("network.link"),
                                            QStringLiteral("patient"), link.patientId);
            return result;
        });
        Async::whenReady(saved, this, [this, patient, remote = *remote, thenQuery](
                                          const StoreResult<NetworkLink> &result) {
            m_linking.remove(patient.id);
            if (!result) {
                Q_EMIT linkFinished(patient.id, {}, {}, result.error());
                return;
            }
            QString message;
            if (result->matchedExisting) {
                message = tr("The network already had a patient matching %1 (%2 %3, born %4), "
                             "added on %5. Check that it is the same person, then mark the link "
                             "as verified.")
                              .arg(patient.fullName(), remote.demographics.firstName,
                                   remote.demographics.lastName,
                                   DateFormats::format(remote.demographics.dob),
                                   DateFormats::format(remote.dateCreated.toLocalTime().date()));
            } else {
                message = tr("%1 is now linked to the network.").arg(patient.fullName());
            }
            Q_EMIT linkFinished(patient.id, *result, message, {});
            if (thenQuery)
                startQuery(patient.id, *result);
        });
    });
    call->start();
}

void OutsideRecordsService::getOutsideRecords(const Patient &patient)
{
    auto future = link(patient.id);
    Async::whenReady(future, this, [this, patient](const StoreResult<std::optional<NetworkLink>> &found) {
        if (!found) {
            Q_EMIT syncStatusChanged(patient.id, NetworkSyncStatus::Failed, found.error());
            return;
        }
        if (*found) {
            startQuery(patient.id, **found);
            return;
        }
        // Not linked yet: link, then ask.
        const QStringList problems = MetriportJson::demographicsProblems(
            MetriportJson::demographicsOf(patient), QDate::currentDate());
        if (!problems.isEmpty() || !m_client->isConfigured()) {
            linkPatient(patient); // says what is missing
            return;
        }
        m_linking.insert(patient.id);
        ensureFacility([this, patient](const QString &facilityId, const QString &error) {
            if (!error.isEmpty()) {
                m_linking.remove(patient.id);
                Q_EMIT linkFinished(patient.id, {}, {}, error);
                return;
            }
            createInNetwork(patient, facilityId, true);
        });
    });
}

void OutsideRecordsService::startQuery(qint64 patientId, const NetworkLink &link)
{
    MetriportCall *call = m_client->startDocumentQuery(link.metriportPatientId, link.facilityId);
    setStatus(patientId, NetworkSyncStatus::InProgress, tr("Asking the network for records"));
    connect(call, &Job::finished, this, [this, call, patientId, link] {
        if (call->error() != Job::Error::NoError) {
            setStatus(patientId, NetworkSyncStatus::Failed, call->errorString());
            return;
        }
        const auto progress = MetriportJson::documentQueryStatusFromJson(call->object());
        Follow follow;
        follow.patientId = patientId;
        follow.metriportId = link.metriportPatientId;
        follow.requestId = progress.requestId;
        follow.startedMs = m_clock.elapsed();
        m_follows.insert(patientId, follow);
        setStatus(patientId, NetworkSyncStatus::InProgress,
                  tr("Searching the network for documents"), progress.requestId);
        audit(QStringLiteral("network.query"), patientId);
        m_pollTimer.start();
    });
    call->start();
}

void OutsideRecordsService::poll(qint64 patientId)
{
    auto it = m_follows.find(patientId);
    if (it == m_follows.end())
        return;
    if (m_clock.elapsed() - it->startedMs > m_config.giveUpAfterMs) {
        m_follows.erase(it);
        setStatus(patientId, NetworkSyncStatus::Failed,
                  tr("The network did not finish within %n minutes; the documents that arrived "
                     "are kept. Try again later.", nullptr, m_config.giveUpAfterMs / 60000));
        return;
    }
    it->polling = true;
    MetriportCall *call = m_client->documentQueryStatus(it->metriportId);
    connect(call, &Job::finished, this, [this, call, patientId] {
        auto it = m_follows.find(patientId);
        if (it == m_follows.end())
            return;
        it->polling = false;
        if (call->error() != Job::Error::NoError)
            return; // the next poll tries again; the give-up time bounds it
        const auto status = MetriportJson::documentQueryStatusFromJson(call->object());
        if (status.download.status == QLatin1String("failed")) {
            m_follows.erase(it);
            setStatus(patientId, NetworkSyncStatus::Failed,
                      tr("The network could not retrieve documents for this patient."));
            return;
        }
        const bool downloadDone = status.download.status == QLatin1String("completed");
        const bool convertDone = status.convert.status != QLatin1String("processing");
        if (downloadDone && !it->downloadsListed) {
            it->downloadsListed = true;
            listDocuments(patientId);
        }
        if (downloadDone && convertDone && !it->consolidatedAsked)
            askConsolidated(patientId);
        maybeComplete(patientId, downloadDone, convertDone);
    });
    call->start();
}

void OutsideRecordsService::listDocuments(qint64 patientId)
{
    const auto it = m_follows.constFind(patientId);
    if (it == m_follows.constEnd())
        return;
    MetriportCall *call = m_client->listDocuments(it->metriportId);
    connect(call, &Job::finished, this, [this, call, patientId] {
        if (call->error() != Job::Error::NoError)
            return;
        QList<ClinicalDocument> rows;
        for (const QJsonValue &value : call->object().value(QStringLiteral("documents")).toArray()) {
            const auto document = MetriportJson::documentFromReference(value.toObject(), nullptr);
            if (document)
                rows.append(fromNetwork(patientId, *document));
        }
        if (rows.isEmpty())
            return;
        auto announced = m_store->write([rows](const QString &connection) {
            return OutsideRecordRepository(connection).announce(rows);
        });
        Async::whenReady(announced, this, [this, patientId](const StoreResult<QList<qint64>> &) {
            Q_EMIT documentsChanged(patientId);
            m_fetcher->fetchDue();
        });
    });
    call->start();
}

void OutsideRecordsService::askConsolidated(qint64 patientId)
{
    auto it = m_follows.find(patientId);
    if (it == m_follows.end() || it->consolidatedAsked)
        return;
    it->consolidatedAsked = true;
    MetriportCall *call = m_client->startConsolidatedQuery(it->metriportId, QStringLiteral("json"));
    connect(call, &Job::finished, this, [this, call, patientId] {
        // The data itself comes by webhook (medical.consolidated-data). A refusal is said, not
        // hidden: the documents, the source of the same data, are still there.
        if (call->error() != Job::Error::NoError && !call->wasCancelled()) {
            Q_EMIT consolidatedQueryFailed(
                patientId, tr("The network's consolidated data could not be asked for: %1 The "
                              "documents are kept; Get Outside Records asks again.")
                               .arg(call->errorString()));
        }
    });
    call->start();
}

void OutsideRecordsService::maybeComplete(qint64 patientId, bool downloadDone, bool convertDone)
{
    auto it = m_follows.find(patientId);
    if (it == m_follows.end() || !downloadDone || !convertDone || !it->downloadsListed)
        return;
    m_follows.erase(it);
    if (m_follows.isEmpty())
        m_pollTimer.stop();
    setStatus(patientId, NetworkSyncStatus::Completed, tr("The network search is complete"));
}

void OutsideRecordsService::setStatus(qint64 patientId, NetworkSyncStatus status,
                                      const QString &detail, const QString &requestId)
{
    auto saved = m_store->write([patientId, status, detail, requestId](const QString &connection) {
        return OutsideRecordRepository(connection).setSyncStatus(patientId, status, detail, requestId);
    });
    Async::whenReady(saved, this, [this, patientId, status, detail](const StoreResult<bool> &) {
        Q_EMIT syncStatusChanged(patientId, status, detail);
    });
}

void OutsideRecordsService::verifyLink(qint64 patientId)
{
    const QString user = m_user;
    auto saved = m_store->write([patientId, user](const QString &connection) {
        auto result = OutsideRecordRepository(connection).verifyLink(patientId, user);
        if (result && *result)
            AuditLog(connection).record(user, QStringLiteral("network.verify"),
                                        QStringLiteral("patient"), patientId);
        return result;
    });
    Async::whenReady(saved, this, [this, patientId](const StoreResult<bool> &) {
        auto future = link(patientId);
        Async::whenReady(future, this, [this, patientId](const StoreResult<std::optional<NetworkLink>> &found) {
            if (found && *found)
                Q_EMIT linkFinished(patientId, **found, tr("The link was marked as verified."), {});
        });
    });
}

void OutsideRecordsService::retryDocument(qint64 documentId)
{
    auto future = m_store->write([documentId](const QString &connection) {
        return OutsideRecordRepository(connection).retry(documentId);
    });
    Async::whenReady(future, this, [this](const StoreResult<bool> &) { m_fetcher->fetchDue(); });
}

void OutsideRecordsService::checkWebhooks()
{
    if (!m_client->isConfigured())
        return;
    MetriportCall *call = m_client->webhookStatus();
    connect(call, &Job::finished, this, [this, call] {
        if (call->error() != Job::Error::NoError) {
            Q_EMIT webhookHealthChecked(false, 0, false, call->errorString());
            return;
        }
        const auto status = MetriportJson::webhookStatusFromJson(call->object());
        if (status.failed <= 0) {
            Q_EMIT webhookHealthChecked(status.enabled, 0, false, {});
            return;
        }
        MetriportCall *retry = m_client->retryWebhooks();
        connect(retry, &Job::finished, this, [this, retry, status] {
            Q_EMIT webhookHealthChecked(status.enabled, status.failed,
                                        retry->error() == Job::Error::NoError,
                                        retry->errorString());
        });
        retry->start();
    });
    call->start();
}

void OutsideRecordsService::onDocumentsAnnounced(qint64 patientId)
{
    auto it = m_follows.find(patientId);
    if (it != m_follows.end())
        it->downloadsListed = true; // the webhook listed them
    Q_EMIT documentsChanged(patientId);
    m_fetcher->fetchDue();
}

void OutsideRecordsService::onConversionFinished(qint64 patientId)
{
    if (!m_follows.contains(patientId)) {
        // A desk that restarted (or another desk's query): ask once for the data anyway.
        auto future = link(patientId);
        Async::whenReady(future, this, [this, patientId](const StoreResult<std::optional<NetworkLink>> &found) {
            if (!found || !*found)
                return;
            Follow follow;
            follow.patientId = patientId;
            follow.metriportId = (*found)->metriportPatientId;
            follow.startedMs = m_clock.elapsed();
            follow.downloadsListed = true;
            m_follows.insert(patientId, follow);
            askConsolidated(patientId);
            m_pollTimer.start();
        });
        return;
    }
    askConsolidated(patientId);
}

void OutsideRecordsService::onConsolidatedAnnounced(qint64 patientId)
{
    Q_EMIT documentsChanged(patientId);
    m_fetcher->fetchDue();
}

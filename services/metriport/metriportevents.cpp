// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/metriport/metriportevents.h"

#include "services/common/async.h"
#include "services/live/livefeed.h"
#include "services/metriport/metriportjson.h"
#include "services/metriport/outsiderecordsservice.h"
#include "services/store/outsiderecordrepository.h"
#include "services/store/store.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace MetriportEvents {

namespace {

QString text(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}

//! The patients[] entries, or the network-query payload, as one list.
QList<QJsonObject> entries(const LiveEvent &event)
{
    QList<QJsonObject> out;
    for (const QJsonValue &value : event.payload.value(QStringLiteral("patients")).toArray())
        out.append(value.toObject());
    const QJsonObject payload = event.payload.value(QStringLiteral("payload")).toObject();
    if (!payload.isEmpty())
        out.append(payload);
    return out;
}

// URLs expire: 3 minutes for consolidated data, counted from the message's `when`.
QDateTime expiryOf(const LiveEvent &event)
{
    QDateTime when = QDateTime::fromString(
        text(event.payload.value(QStringLiteral("meta")).toObject(), "when"), Qt::ISODateWithMs);
    if (!when.isValid())
        when = event.receivedAt.isValid() ? event.receivedAt : QDateTime::currentDateTimeUtc();
    return when.toUTC().addSecs(180);
}

QString requestIdOf(const LiveEvent &event)
{
    return text(event.payload.value(QStringLiteral("meta")).toObject(), "requestId");
}

} // namespace

LiveApplyOutcome apply(const QString &connection, const LiveEvent &event)
{
    OutsideRecordRepository repository(connection);
    const QString type = event.eventType;
    QList<ClinicalDocument> rows;
    int known = 0;
    for (const QJsonObject &entry : entries(event)) {
        const auto link = repository.linkByMetriportId(text(entry, "patientId"));
        if (!link)
            return LiveApplyOutcome::failed(link.error());
        if (!*link)
            continue;
        ++known;
        const qint64 patientId = (*link)->patientId;
        if (type == QLatin1String("medical.document-download")) {
            for (const QJsonValue &value : entry.value(QStringLiteral("documents")).toArray()) {
                QString error;
                const auto document = MetriportJson::documentFromWebhook(value.toObject(), &error);
                if (!document)
                    return LiveApplyOutcome::failed(error);
                ClinicalDocument row;
                row.patientId = patientId;
                row.sourceId = document->id;
                row.fileName = document->fileName;
                row.title = document->description.isEmpty() ? document->typeDisplay
                                                            : document->description;
                row.mimeType = document->mimeType;
                row.typeCode = document->typeCode;
                row.typeDisplay = document->typeDisplay;
                row.documentDate = document->indexed;
                row.size = document->size;
                row.source = QStringLiteral("Metriport");
                rows.append(row);
            }
        } else if (type == QLatin1String("medical.consolidated-data")) {
            if (text(entry, "status") != QLatin1String("completed"))
                continue;
            const QJsonArray bundleEntries =
                entry.value(QStringLiteral("bundle")).toObject().value(QStringLiteral("entry")).toArray();
            for (const QJsonValue &value : bundleEntries) {
                const QJsonArray content = value.toObject().value(QStringLiteral("resource")).toObject()
                                               .value(QStringLiteral("content")).toArray();
                if (content.isEmpty())
                    continue;
                // The first attachment is the format asked for; only JSON is read as data.
                const QJsonObject attachment =
                    content.first().toObject().value(QStringLiteral("attachment")).toObject();
                if (text(attachment, "contentType") != QLatin1String("application/json"))
                    continue;
                ClinicalDocument row;
                row.patientId = patientId;
                row.kind = ClinicalDocumentKind::Consolidated;
                row.sourceId = QStringLiteral("consolidated:") + requestIdOf(event);
                row.title = QCoreApplication::translate("MetriportEvents", "Consolidated network data");
                row.mimeType = QStringLiteral("application/fhir+json");
                row.documentDate = expiryOf(event).addSecs(-180);
                row.source = QStringLiteral("Metriport");
                row.downloadUrl = text(attachment, "url");
                row.urlExpiresAt = expiryOf(event);
                rows.append(row);
            }
        } else if (type.startsWith(QLatin1String("network-query."))
                   && !type.endsWith(QLatin1String("first-data-ready"))) {
            const QString url = text(entry, "consolidatedDataUrl");
            const QJsonObject source = entry.value(QStringLiteral("source")).toObject();
            if (url.isEmpty() || text(source, "status") != QLatin1String("completed"))
                continue;
            ClinicalDocument row;
            row.patientId = patientId;
            row.kind = ClinicalDocumentKind::Consolidated;
            row.sourceId = QStringLiteral("network:%1:%2").arg(requestIdOf(event), text(source, "type"));
            row.title = QCoreApplication::translate("MetriportEvents", "Network data (%1)")
                            .arg(text(source, "type"));
            row.mimeType = QStringLiteral("application/fhir+json");
            row.documentDate = expiryOf(event).addSecs(-180);
            row.source = text(source, "source").isEmpty() ? text(source, "type") : text(source, "source");
            row.downloadUrl = url;
            row.urlExpiresAt = expiryOf(event);
            rows.append(row);
        }
    }
    if (known == 0)
        return LiveApplyOutcome::ignored(QCoreApplication::translate(
            "MetriportEvents", "about a patient not linked on this desk"));
    if (!rows.isEmpty()) {
        const auto announced = repository.announce(rows);
        if (!announced)
            return LiveApplyOutcome::failed(announced.error());
    }
    return LiveApplyOutcome::applied();
}

QList<qint64> patientsOf(const QString &connection, const LiveEvent &event)
{
    OutsideRecordRepository repository(connection);
    QList<qint64> patients;
    for (const QJsonObject &entry : entries(event)) {
        const auto link = repository.linkByMetriportId(text(entry, "patientId"));
        if (link && *link)
            patients.append((*link)->patientId);
    }
    return patients;
}

void connectToFeed(LiveFeed *feed, OutsideRecordsService *records, Store *store)
{
    auto applied = [records, store](const LiveEvent &event) {
        auto future = store->read([event](const QString &connection) {
            return patientsOf(connection, event);
        });
        const QString type = event.eventType;
        Async::whenReady(future, records, [records, type](const QList<qint64> &patients) {
            for (qint64 patientId : patients) {
                if (type == QLatin1String("medical.document-download"))
                    records->onDocumentsAnnounced(patientId);
                else if (type == QLatin1String("medical.document-conversion"))
                    records->onConversionFinished(patientId);
                else
                    records->onConsolidatedAnnounced(patientId);
            }
        });
    };
    for (const char *type : {"medical.document-download", "medical.document-conversion",
                             "medical.consolidated-data", "network-query.*"})
        feed->addHandler(QString::fromLatin1(type), &apply, applied);
}

} // namespace MetriportEvents

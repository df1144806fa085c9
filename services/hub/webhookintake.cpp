// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/hub/webhookintake.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QStringList>

#include <algorithm>

namespace {
using Outcome = WebhookIntake::Outcome;

Outcome invalid(const QString &error)
{
    Outcome outcome;
    outcome.error = error;
    return outcome;
}

std::optional<QJsonObject> parseObject(const QByteArray &body, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("the body is not JSON (%1 at offset %2)")
                     .arg(parseError.errorString())
                     .arg(parseError.offset);
        return std::nullopt;
    }
    if (!document.isObject()) {
        *error = QStringLiteral("the body is not a JSON object");
        return std::nullopt;
    }
    return document.object();
}

QString text(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 17);
    return {};
}

//! "patientId[doc1,doc2]" or "patientId{source}" for one entry of patients[] or payload.
QString patientPart(const QJsonObject &patient, const QString &type)
{
    QString part = text(patient.value(QStringLiteral("patientId")));
    if (type == QLatin1String("medical.document-download")
        || type.startsWith(QLatin1String("medical.document-bulk"))) {
        QStringList ids;
        for (const QJsonValue &document : patient.value(QStringLiteral("documents")).toArray())
            ids.append(text(document.toObject().value(QStringLiteral("id"))));
        std::sort(ids.begin(), ids.end());
        part += QLatin1Char('[') + ids.join(QLatin1Char(',')) + QLatin1Char(']');
    }
    const QJsonObject source = patient.value(QStringLiteral("source")).toObject();
    if (!source.isEmpty()) {
        part += QLatin1Char('{') + text(source.value(QStringLiteral("type"))) + QLatin1Char('/')
                + text(source.value(QStringLiteral("source"))) + QLatin1Char('/')
                + text(source.value(QStringLiteral("status"))) + QLatin1Char('}');
    }
    const QString status = text(patient.value(QStringLiteral("status")));
    if (!status.isEmpty())
        part += QLatin1Char(':') + status;
    for (const char *field : {"admitTimestamp", "dischargeTimestamp"}) {
        const QString at = text(patient.value(QLatin1String(field)));
        if (!at.isEmpty())
            part += QLatin1Char('@') + at;
    }
    return part;
}
} // namespace

QString WebhookIntake::metriportBusinessKey(const QJsonObject &body)
{
    const QJsonObject meta = body.value(QStringLiteral("meta")).toObject();
    const QString type = text(meta.value(QStringLiteral("type")));
    const QString requestId = text(meta.value(QStringLiteral("requestId")));

    QStringList patients;
    for (const QJsonValue &patient : body.value(QStringLiteral("patients")).toArray())
        patients.append(patientPart(patient.toObject(), type));
    const QJsonObject payload = body.value(QStringLiteral("payload")).toObject();
    if (!payload.isEmpty())
        patients.append(patientPart(payload, type));
    std::sort(patients.begin(), patients.end());

    // Without a request id, only ADT messages name their news (patient and times).
    const bool adt = type.startsWith(QLatin1String("patient."));
    if (requestId.isEmpty() && !(adt && !patients.isEmpty()))
        return {};
    return type + QLatin1Char('|') + requestId + QLatin1Char('|')
           + patients.join(QLatin1Char(';'));
}

Outcome WebhookIntake::metriport(const QByteArray &body, const QDateTime &receivedAt)
{
    QString error;
    const std::optional<QJsonObject> object = parseObject(body, &error);
    if (!object)
        return invalid(error);
    const QJsonValue metaValue = object->value(QStringLiteral("meta"));
    if (!metaValue.isObject())
        return invalid(QStringLiteral("meta is missing or not an object"));
    const QJsonObject meta = metaValue.toObject();
    const QString type = meta.value(QStringLiteral("type")).toString();
    if (type.isEmpty())
        return invalid(QStringLiteral("meta.type is missing or not a string"));

    if (type == QLatin1String("ping")) {
        const QJsonValue ping = object->value(QStringLiteral("ping"));
        if (!ping.isString())
            return invalid(QStringLiteral("ping is missing or not a string"));
        Outcome outcome;
        outcome.kind = Outcome::Kind::Ping;
        outcome.pongBody = QJsonDocument(QJsonObject{{QStringLiteral("pong"), ping}})
                               .toJson(QJsonDocument::Compact);
        return outcome;
    }
    const QString messageId = meta.value(QStringLiteral("messageId")).toString();
    if (messageId.isEmpty())
        return invalid(QStringLiteral("meta.messageId is missing or not a string"));
    if (messageId.size() > 255 || type.size() > 128)
        return invalid(QStringLiteral("meta.messageId or meta.type is too long"));

    Outcome outcome;
    outcome.kind = Outcome::Kind::Delivery;
    outcome.delivery.kind = EventKind::metriport;
    outcome.delivery.deliveryId = messageId;
    outcome.delivery.businessKey = metriportBusinessKey(*object);
    outcome.delivery.eventType = type;
    outcome.delivery.payload = body;
    outcome.delivery.receivedAt = receivedAt.toUTC();
    return outcome;
}

Outcome WebhookIntake::payor(const QByteArray &webhookId, const QByteArray &body,
                             const QDateTime &receivedAt)
{
    QString error;
    const std::optional<QJsonObject> object = parseObject(body, &error);
    if (!object)
        return invalid(error);
    const QString type = object->value(QStringLiteral("type")).toString();
    if (type.isEmpty())
        return invalid(QStringLiteral("type is missing or not a string"));
    if (type.size() > 128)
        return invalid(QStringLiteral("type is too long"));
    if (!object->value(QStringLiteral("data")).isObject())
        return invalid(QStringLiteral("data is missing or not an object"));

    Outcome outcome;
    outcome.kind = Outcome::Kind::Delivery;
    outcome.delivery.kind = EventKind::payor;
    outcome.delivery.deliveryId = QString::fromUtf8(webhookId);
    outcome.delivery.eventType = type;
    outcome.delivery.payload = body;
    outcome.delivery.receivedAt = receivedAt.toUTC();
    return outcome;
}

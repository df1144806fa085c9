// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/common/feedprotocol.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>

#include <cmath>

namespace FeedProtocol {
namespace {
// Seq travels as a JSON number: exact up to 2^53.
constexpr double maxExactInteger = 9007199254740992.0;
constexpr int maxFieldChars = 256;

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return QStringLiteral("a boolean");
    case QJsonValue::Double: return QStringLiteral("a number");
    case QJsonValue::String: return QStringLiteral("a string");
    case QJsonValue::Array: return QStringLiteral("an array");
    case QJsonValue::Object: return QStringLiteral("an object");
    case QJsonValue::Undefined: break;
    }
    return QStringLiteral("missing");
}

//! Reads typed fields from one message object and remembers the first problem.
class Fields
{
public:
    Fields(const QJsonObject &object, const QString &type)
        : m_object(object)
        , m_type(type)
    {
    }

    QString string(const QString &name, bool required = true, int maxChars = maxFieldChars)
    {
        const QJsonValue value = m_object.value(name);
        if (value.isUndefined() && !required)
            return {};
        if (!value.isString())
            return fail(name, QStringLiteral("a string"), value), QString();
        const QString text = value.toString();
        if (text.size() > maxChars)
            return fail(name, QStringLiteral("at most %1 characters").arg(maxChars), value),
                   QString();
        if (required && text.isEmpty())
            return fail(name, QStringLiteral("a non-empty string"), value), QString();
        return text;
    }

    qint64 seq(const QString &name)
    {
        const QJsonValue value = m_object.value(name);
        const double number = value.toDouble(-1);
        if (!value.isDouble() || number < 0 || number > maxExactInteger
            || std::floor(number) != number) {
            fail(name, QStringLiteral("a whole number ≥ 0"), value);
            return 0;
        }
        return qint64(number);
    }

    QJsonObject object(const QString &name)
    {
        const QJsonValue value = m_object.value(name);
        if (!value.isObject())
            return fail(name, QStringLiteral("an object"), value), QJsonObject();
        return value.toObject();
    }

    QDateTime time(const QString &name)
    {
        const QString text = string(name);
        if (!m_error.isEmpty())
            return {};
        QDateTime at = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!at.isValid()) {
            fail(name, QStringLiteral("an ISO-8601 time"), m_object.value(name));
            return {};
        }
        return at.toUTC();
    }

    const QString &error() const { return m_error; }

private:
    void fail(const QString &name, const QString &expected, const QJsonValue &value)
    {
        if (m_error.isEmpty()) {
            m_error = QStringLiteral("%1.%2: expected %3, got %4")
                          .arg(m_type, name, expected, typeName(value));
        }
    }

    QJsonObject m_object;
    QString m_type;
    QString m_error;
};

QString isoUtc(const QDateTime &at)
{
    return at.toUTC().toString(Qt::ISODateWithMs);
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

Decoded failed(const QString &error)
{
    return Decoded{std::nullopt, error};
}

template<typename T> Decoded done(const Fields &fields, T message)
{
    if (!fields.error().isEmpty())
        return failed(fields.error());
    return Decoded{Message(std::move(message)), {}};
}
} // namespace

QStringList clinicEventTypes()
{
    return {QStringLiteral("appointment.created"), QStringLiteral("appointment.updated"),
            QStringLiteral("appointment.cancelled"), QStringLiteral("patient.updated")};
}

Decoded decode(QByteArrayView frame)
{
    if (frame.size() > maxMessageBytes)
        return failed(QStringLiteral("message of %1 bytes is over the 1 MiB limit").arg(frame.size()));
    QJsonParseError parseError;
    const QJsonDocument document =
        QJsonDocument::fromJson(QByteArray::fromRawData(frame.data(), frame.size()), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return failed(QStringLiteral("not JSON: %1 at offset %2")
                          .arg(parseError.errorString())
                          .arg(parseError.offset));
    if (!document.isObject())
        return failed(QStringLiteral("not a JSON object"));
    const QJsonObject object = document.object();
    const QJsonValue typeValue = object.value(QStringLiteral("type"));
    if (!typeValue.isString())
        return failed(QStringLiteral("type: expected a string, got %1").arg(typeName(typeValue)));
    const QString type = typeValue.toString();
    Fields fields(object, type);

    if (type == QLatin1String("hello")) {
        Hello hello;
        hello.device = fields.string(QStringLiteral("device"));
        hello.token = fields.string(QStringLiteral("token"));
        hello.epoch = fields.string(QStringLiteral("epoch"), false);
        // A cursor that is not a whole number cannot be resumed: the hub answers with a reset
        // (fail closed) rather than guess, so it is marked -1 here, not refused.
        Fields cursor(object, type);
        hello.lastSeq = cursor.seq(QStringLiteral("lastSeq"));
        if (!cursor.error().isEmpty())
            hello.lastSeq = -1;
        return done(fields, hello);
    }
    if (type == QLatin1String("ack"))
        return done(fields, Ack{fields.seq(QStringLiteral("seq"))});
    if (type == QLatin1String("publish")) {
        Publish publish;
        publish.id = fields.string(QStringLiteral("id"));
        publish.eventType = fields.string(QStringLiteral("eventType"));
        publish.payload = fields.object(QStringLiteral("payload"));
        if (fields.error().isEmpty() && !clinicEventTypes().contains(publish.eventType))
            return failed(QStringLiteral("publish.eventType: %1 is not a clinic event type")
                              .arg(publish.eventType.left(64)));
        return done(fields, publish);
    }
    if (type == QLatin1String("event")) {
        Event event;
        event.seq = fields.seq(QStringLiteral("seq"));
        event.epoch = fields.string(QStringLiteral("epoch"));
        event.kind = fields.string(QStringLiteral("kind"));
        event.eventType = fields.string(QStringLiteral("eventType"));
        event.receivedAt = fields.time(QStringLiteral("receivedAt"));
        event.payload = fields.object(QStringLiteral("payload"));
        if (fields.error().isEmpty() && event.seq < 1)
            return failed(QStringLiteral("event.seq: expected a whole number ≥ 1, got 0"));
        return done(fields, event);
    }
    if (type == QLatin1String("reset")) {
        Reset reset;
        reset.epoch = fields.string(QStringLiteral("epoch"));
        reset.lastSeq = fields.seq(QStringLiteral("lastSeq"));
        return done(fields, reset);
    }
    if (type == QLatin1String("published")) {
        Published published;
        published.id = fields.string(QStringLiteral("id"));
        published.seq = fields.seq(QStringLiteral("seq"));
        return done(fields, published);
    }
    if (type == QLatin1String("error")) {
        Error error;
        error.code = fields.string(QStringLiteral("code"));
        error.message = fields.string(QStringLiteral("message"), false, 1000);
        return done(fields, error);
    }
    return failed(QStringLiteral("unknown message type %1").arg(type.left(64)));
}

QByteArray encode(const Message &message)
{
    return std::visit(
        [](const auto &m) -> QByteArray {
            using T = std::decay_t<decltype(m)>;
            if constexpr (std::is_same_v<T, Hello>) {
                return compact({{QStringLiteral("type"), QStringLiteral("hello")},
                                {QStringLiteral("device"), m.device},
                                {QStringLiteral("token"), m.token},
                                {QStringLiteral("epoch"), m.epoch},
                                {QStringLiteral("lastSeq"), double(m.lastSeq)}});
            } else if constexpr (std::is_same_v<T, Ack>) {
                return compact({{QStringLiteral("type"), QStringLiteral("ack")},
                                {QStringLiteral("seq"), double(m.seq)}});
            } else if constexpr (std::is_same_v<T, Publish>) {
                return compact({{QStringLiteral("type"), QStringLiteral("publish")},
                                {QStringLiteral("id"), m.id},
                                {QStringLiteral("eventType"), m.eventType},
                                {QStringLiteral("payload"), m.payload}});
            } else if constexpr (std::is_same_v<T, Event>) {
                return encodeEvent(m.seq, m.epoch, m.kind, m.eventType, m.receivedAt,
                                   compact(m.payload));
            } else if constexpr (std::is_same_v<T, Reset>) {
                return compact({{QStringLiteral("type"), QStringLiteral("reset")},
                                {QStringLiteral("epoch"), m.epoch},
                                {QStringLiteral("lastSeq"), double(m.lastSeq)}});
            } else if constexpr (std::is_same_v<T, Published>) {
                return compact({{QStringLiteral("type"), QStringLiteral("published")},
                                {QStringLiteral("id"), m.id},
                                {QStringLiteral("seq"), double(m.seq)}});
            } else {
                return compact({{QStringLiteral("type"), QStringLiteral("error")},
                                {QStringLiteral("code"), m.code},
                                {QStringLiteral("message"), m.message}});
            }
        },
        message);
}

QByteArray encodeEvent(qint64 seq, const QString &epoch, const QString &kind,
                       const QString &eventType, const QDateTime &receivedAt,
                       const QByteArray &payloadJson)
{
    // The fields before the payload go through QJsonDocument (escaping); the payload is spliced.
    QByteArray head = compact({{QStringLiteral("type"), QStringLiteral("event")},
                               {QStringLiteral("seq"), double(seq)},
                               {QStringLiteral("epoch"), epoch},
                               {QStringLiteral("kind"), kind},
                               {QStringLiteral("eventType"), eventType},
                               {QStringLiteral("receivedAt"), isoUtc(receivedAt)}});
    head.chop(1); // the closing brace
    head.reserve(head.size() + payloadJson.size() + 16);
    head += ",\"payload\":";
    head += payloadJson;
    head += '}';
    return head;
}

} // namespace FeedProtocol

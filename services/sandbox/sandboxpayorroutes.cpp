// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/sandbox/sandboxpayorroutes.h"

#include "services/common/webhooksignature.h"
#include "services/httpserver/httproutes.h"
#include "services/sandbox/sandboxpayor.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

#include <memory>

namespace {
using Method = QHttpServerRequest::Method;
using Status = QHttpServerResponder::StatusCode;

QByteArray header(const QHttpServerRequest &request, const QByteArray &name)
{
    for (const auto &[key, value] : request.headers()) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QJsonObject error(const QString &message)
{
    return {{QStringLiteral("error"), message}};
}

QHttpServerResponse response(const PayorReply &reply)
{
    const auto status = static_cast<Status>(reply.status);
    if (reply.body.isArray())
        return QHttpServerResponse(reply.body.toArray(), status);
    if (reply.body.isObject())
        return QHttpServerResponse(reply.body.toObject(), status);
    return QHttpServerResponse(status);
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

const QByteArray jsonType = QByteArrayLiteral("application/json");
constexpr int maxKeyLength = 255;

std::optional<double> share(const QJsonValue &value)
{
    if (!value.isDouble() || value.toDouble() < 0 || value.toDouble() > 1)
        return std::nullopt;
    return value.toDouble();
}
} // namespace

QJsonObject PayorFaults::toJson() const
{
    return {{QStringLiteral("unavailable_share"), unavailableShare},
            {QStringLiteral("in_flight_share"), inFlightShare},
            {QStringLiteral("lost_reply_share"), lostReplyShare},
            {QStringLiteral("delay_ms"), delayMs},
            {QStringLiteral("seed"), double(seed)}};
}

std::optional<PayorFaults> PayorFaults::fromJson(const QJsonObject &json, const PayorFaults &base,
                                                 QString *error)
{
    PayorFaults faults = base;
    for (auto it = json.begin(); it != json.end(); ++it) {
        const QString key = it.key();
        const QJsonValue value = it.value();
        if (key == QLatin1String("unavailable_share") || key == QLatin1String("in_flight_share") ||
            key == QLatin1String("lost_reply_share")) {
            const auto s = share(value);
            if (!s) {
                *error = QStringLiteral("%1 must be a number from 0 to 1").arg(key);
                return std::nullopt;
            }
            (key == QLatin1String("unavailable_share") ? faults.unavailableShare
             : key == QLatin1String("in_flight_share") ? faults.inFlightShare
                                                       : faults.lostReplyShare) = *s;
        } else if (key == QLatin1String("delay_ms")) {
            const double ms = value.toDouble(-1);
            if (!value.isDouble() || ms != double(qint64(ms)) || ms < 0 || ms > 600000) {
                *error = QStringLiteral("delay_ms must be a whole number from 0 to 600000");
                return std::nullopt;
            }
            faults.delayMs = int(ms);
        } else if (key == QLatin1String("seed")) {
            const double seed = value.toDouble(-1);
            if (!value.isDouble() || seed != double(qint64(seed)) || seed < 0 ||
                seed > 4294967295.0) {
                *error = QStringLiteral("seed must be a whole number from 0 to 4294967295");
                return std::nullopt;
            }
            faults.seed = quint32(seed);
        } else {
            *error = QStringLiteral("unknown field \"%1\"").arg(key);
            return std::nullopt;
        }
    }
    return faults;
}

SandboxPayorRoutes::SandboxPayorRoutes(SandboxPayor *payor, QByteArray apiKey, QObject *parent)
    : QObject(parent)
    , m_payor(payor)
    , m_apiKey(std::move(apiKey))
    , m_dice(m_faults.seed)
{
}

SandboxPayorRoutes::~SandboxPayorRoutes() = default;

void SandboxPayorRoutes::setFaults(const PayorFaults &faults)
{
    m_faults = faults;
    m_dice.seed(faults.seed);
}

QJsonObject SandboxPayorRoutes::stats() const
{
    return {{QStringLiteral("claims"), m_payor->claimsReceived()},
            {QStringLiteral("held"), m_payor->claimsHeld()},
            {QStringLiteral("duplicates"), m_payor->duplicateClaims()},
            {QStringLiteral("requests"), m_requests},
            {QStringLiteral("replays"), m_replays},
            {QStringLiteral("lost_replies"), m_lostReplies},
            {QStringLiteral("idempotency_keys"), m_keys.size()}};
}

bool SandboxPayorRoutes::authorized(const QHttpServerRequest &request) const
{
    const QByteArray given = header(request, QByteArrayLiteral("X-API-Key"));
    return !m_apiKey.isEmpty() && constantTimeEquals(given, m_apiKey);
}

void SandboxPayorRoutes::registerOn(HttpRoutes &routes)
{
    const auto unauthorized = [] {
        return QHttpServerResponse(error(QStringLiteral("Invalid or missing API key (X-API-Key)")),
                                   Status::Unauthorized);
    };

    routes.add(QStringLiteral("/api/route-claim/"), Method::Post,
               [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                   routeClaim(request, std::move(responder));
               });
    routes.add(QStringLiteral("/api/claims/<arg>/"), Method::Get,
               [this, unauthorized](const QString &claimId, const QHttpServerRequest &request) {
                   if (!authorized(request))
                       return unauthorized();
                   return response(m_payor->claimStatus(claimId));
               });
    routes.add(QStringLiteral("/api/provider/claim-updates/"), Method::Get,
               [this, unauthorized](const QHttpServerRequest &request) {
                   if (!authorized(request))
                       return unauthorized();
                   const QUrlQuery query = request.query();
                   return response(m_payor->claimUpdates(
                       query.queryItemValue(QStringLiteral("provider_id"), QUrl::FullyDecoded),
                       query.queryItemValue(QStringLiteral("last_sync_time"), QUrl::FullyDecoded)));
               });
    routes.add(QStringLiteral("/api/mappings/insurance-payor/"), Method::Get | Method::Post,
               [this, unauthorized](const QHttpServerRequest &request) {
                   if (!authorized(request))
                       return unauthorized();
                   if (request.method() == Method::Get)
                       return response(m_payor->mappings());
                   const QJsonDocument document = QJsonDocument::fromJson(request.body());
                   if (!document.isObject()) {
                       return QHttpServerResponse(
                           error(QStringLiteral("the body must be a JSON object "
                                                "{\"insurance_id\",\"payor_name\"}")),
                           Status::BadRequest);
                   }
                   return response(m_payor->addMapping(document.object()));
               });
    routes.add(QStringLiteral("/api/mappings/insurance-payor/<arg>/"), Method::Get | Method::Delete,
               [this, unauthorized](const QString &insuranceId, const QHttpServerRequest &request) {
                   if (!authorized(request))
                       return unauthorized();
                   if (request.method() == Method::Delete)
                       return response(m_payor->removeMapping(insuranceId));
                   return response(m_payor->mapping(insuranceId));
               });

    // ---- test and training controls (no key: they are the sandbox's, not the payor's) ----
    routes.add(QStringLiteral("/sandbox/payor/stats"), Method::Get,
               [this] { return QHttpServerResponse(stats()); });
    routes.add(QStringLiteral("/sandbox/payor/faults"), Method::Get | Method::Post,
               [this](const QHttpServerRequest &request) {
                   if (request.method() == Method::Post) {
                       const QJsonDocument document = QJsonDocument::fromJson(request.body());
                       QString problem = QStringLiteral("the body must be a JSON object");
                       const auto faults =
                           document.isObject()
                               ? PayorFaults::fromJson(document.object(), m_faults, &problem)
                               : std::nullopt;
                       if (!faults)
                           return QHttpServerResponse(error(problem), Status::BadRequest);
                       setFaults(*faults);
                   }
                   return QHttpServerResponse(m_faults.toJson());
               });
}

void SandboxPayorRoutes::routeClaim(const QHttpServerRequest &request,
                                    QHttpServerResponder &&responder)
{
    ++m_requests;
    auto answer = [&responder](Status status, const QJsonObject &body) {
        responder.write(compact(body), jsonType, status);
    };
    if (!authorized(request)) {
        answer(Status::Unauthorized, error(QStringLiteral("Invalid or missing API key "
                                                          "(X-API-Key)")));
        return;
    }
    const QByteArray key = header(request, QByteArrayLiteral("Idempotency-Key")).trimmed();
    if (key.isEmpty() || key.size() > maxKeyLength) {
        answer(Status::BadRequest,
               error(QStringLiteral("An Idempotency-Key header of 1 to %1 characters is required")
                         .arg(maxKeyLength)));
        return;
    }
    // Three throws for every request, so a seed gives the same faults for the same requests.
    const double unavailable = m_dice.generateDouble();
    const double inFlight = m_dice.generateDouble();
    const double lost = m_dice.generateDouble();
    if (unavailable < m_faults.unavailableShare) {
        answer(Status::ServiceUnavailable,
               error(QStringLiteral("The payor is temporarily unavailable; try again")));
        return;
    }
    if (inFlight < m_faults.inFlightShare) {
        answer(Status::Conflict, error(QStringLiteral("A request with this Idempotency-Key is "
                                                      "still being processed")));
        return;
    }

    // The payload's fingerprint: its canonical JSON (keys sorted), so that a retry that
    // serializes the same claim differently is still the same request.
    const QByteArray body = request.body();
    const QJsonDocument document = QJsonDocument::fromJson(body);
    const QByteArray fingerprint = QCryptographicHash::hash(
        document.isObject() ? compact(document.object()) : body, QCryptographicHash::Sha256);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const IdempotencyStore::Lookup lookup = m_keys.begin(key, fingerprint, now);
    switch (lookup.outcome) {
    case IdempotencyStore::Outcome::Mismatch:
        answer(Status::UnprocessableEntity,
               error(QStringLiteral("This Idempotency-Key was used with a different request")));
        return;
    case IdempotencyStore::Outcome::InFlight:
        answer(Status::Conflict, error(QStringLiteral("A request with this Idempotency-Key is "
                                                      "still being processed")));
        return;
    case IdempotencyStore::Outcome::Replay:
        ++m_replays;
        if (lost < m_faults.lostReplyShare) {
            ++m_lostReplies;
            responder.socket()->abort();
            return;
        }
        responder.write(lookup.response.body,
                        {{QByteArrayLiteral("Content-Type"), jsonType},
                         {QByteArrayLiteral("Idempotent-Replayed"), QByteArrayLiteral("true")}},
                        static_cast<Status>(lookup.response.status));
        return;
    case IdempotencyStore::Outcome::Started:
        break;
    }

    const bool loseReply = lost < m_faults.lostReplyShare;
    if (m_faults.delayMs <= 0) {
        process(key, fingerprint, body, loseReply, responder, responder.socket());
        return;
    }
    // Slow: the key stays in flight until the work is done; the work is done even when the
    // client has given up meanwhile, as a real server's would be.
    auto held = std::make_shared<QHttpServerResponder>(std::move(responder));
    QPointer<QTcpSocket> socket = held->socket();
    QTimer::singleShot(m_faults.delayMs, this,
                       [this, held, socket, key, fingerprint, body, loseReply] {
                           process(key, fingerprint, body, loseReply, *held, socket);
                       });
}

void SandboxPayorRoutes::process(const QByteArray &key, const QByteArray &fingerprint,
                                 const QByteArray &body, bool loseReply,
                                 QHttpServerResponder &responder,
                                 const QPointer<QTcpSocket> &socket)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    const PayorReply reply =
        document.isObject()
            ? m_payor->routeClaim(document.object())
            : PayorReply{400, error(QStringLiteral("the body must be a JSON object "
                                                   "{\"insurance_id\",\"claim_data\"}"))};
    const QByteArray bytes = compact(reply.body.toObject());
    m_keys.finish(key, fingerprint, {reply.status, bytes}, QDateTime::currentMSecsSinceEpoch());

    if (!socket || socket->state() != QAbstractSocket::ConnectedState)
        return; // the client has gone
    if (loseReply) {
        ++m_lostReplies;
        socket->abort(); // processed and recorded, but the client never hears of it
        return;
    }
    responder.write(bytes, jsonType, static_cast<Status>(reply.status));
}

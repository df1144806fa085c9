// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/hub/feedserver.h"

#include "services/common/webhooksignature.h"
#include "services/hub/hubstore.h"

#include <QJsonDocument>
#include <QUuid>

FeedServer::FeedServer(HubStore *store, Options options, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_options(std::move(options))
{
    connect(m_store, &HubStore::eventsAppended, this, &FeedServer::onEventsAppended);
}

FeedServer::~FeedServer()
{
    closeAll();
}

void FeedServer::accept(std::unique_ptr<QWebSocket> socket)
{
    auto *session = new FeedSession(this, std::move(socket));
    m_sessions.append(session);
    connect(session, &FeedSession::closed, this, &FeedServer::onSessionClosed);
}

int FeedServer::authenticatedCount() const
{
    return int(std::count_if(m_sessions.cbegin(), m_sessions.cend(),
                             [](const FeedSession *s) { return s->isAuthenticated(); }));
}

void FeedServer::closeAll()
{
    const QList<FeedSession *> sessions = m_sessions;
    for (FeedSession *session : sessions)
        session->close();
}

void FeedServer::onEventsAppended(const QList<HubEvent> &events)
{
    // A session may close (and leave m_sessions) while it sends.
    const QList<FeedSession *> sessions = m_sessions;
    for (FeedSession *session : sessions)
        session->offerLive(events);
}

void FeedServer::onSessionClosed(FeedSession *session)
{
    m_sessions.removeOne(session);
    if (session->isAuthenticated())
        Q_EMIT deskDisconnected(session->device());
    session->deleteLater();
}

// ---- FeedSession ------------------------------------------------------------------------------

FeedSession::FeedSession(FeedServer *server, std::unique_ptr<QWebSocket> socket)
    : QObject(server)
    , m_server(server)
    , m_socket(std::move(socket))
{
    m_socket->setParent(nullptr);
    m_socket->setMaxAllowedIncomingMessageSize(FeedProtocol::maxMessageBytes);
    m_socket->setMaxAllowedIncomingFrameSize(FeedProtocol::maxMessageBytes);
    m_lastHeard.start();

    connect(m_socket.get(), &QWebSocket::textMessageReceived, this, &FeedSession::onTextMessage);
    connect(m_socket.get(), &QWebSocket::binaryMessageReceived, this,
            [this] { close("bad-message", QStringLiteral("binary frames are not part of the feed")); });
    connect(m_socket.get(), &QWebSocket::pong, this, [this] { m_lastHeard.restart(); });
    connect(m_socket.get(), &QWebSocket::bytesWritten, this, &FeedSession::onBytesWritten);
    connect(m_socket.get(), &QWebSocket::disconnected, this, [this] { close(); });

    const FeedServer::Options &options = server->options();
    m_helloTimer.setSingleShot(true);
    connect(&m_helloTimer, &QTimer::timeout, this, [this] {
        Q_EMIT m_server->deskRefused(peer(), QStringLiteral("no hello in time"));
        close("unauthorized", QStringLiteral("no hello within the time allowed"));
    });
    m_helloTimer.start(options.helloTimeoutMs);
    connect(&m_pingTimer, &QTimer::timeout, this, [this] {
        if (m_socket)
            m_socket->ping();
    });
    m_pingTimer.start(options.pingIntervalMs);
    connect(&m_silenceTimer, &QTimer::timeout, this, &FeedSession::checkSilence);
    m_silenceTimer.start(std::max(100, options.silenceLimitMs / 5));
}

FeedSession::~FeedSession() = default;

QString FeedSession::peer() const
{
    return m_socket ? m_socket->peerAddress().toString() : QString();
}

void FeedSession::close(const QByteArray &errorCode, const QString &message)
{
    if (m_state == State::Closed)
        return;
    m_state = State::Closed;
    m_helloTimer.stop();
    m_pingTimer.stop();
    m_silenceTimer.stop();
    if (m_socket) {
        if (!errorCode.isEmpty() && m_socket->state() == QAbstractSocket::ConnectedState) {
            send(FeedProtocol::encode(
                FeedProtocol::Error{QString::fromLatin1(errorCode), message}));
        }
        m_socket->disconnect(this);
        m_socket->close(errorCode.isEmpty() ? QWebSocketProtocol::CloseCodeNormal
                                            : QWebSocketProtocol::CloseCodePolicyViolated);
        // The socket may still be flushing the close frame; delete it later, not under its own
        // signal.
        QWebSocket *socket = m_socket.release();
        socket->deleteLater();
    }
    if (!m_closedEmitted) {
        m_closedEmitted = true;
        Q_EMIT closed(this);
    }
}

void FeedSession::checkSilence()
{
    if (m_state != State::Closed && m_lastHeard.elapsed() > m_server->options().silenceLimitMs) {
        // No FIN came (a cable pulled, a laptop asleep): abort rather than wait on TCP.
        if (m_socket)
            m_socket->abort();
        close();
    }
}

void FeedSession::onTextMessage(const QString &text)
{
    m_lastHeard.restart();
    const QByteArray frame = text.toUtf8();
    const FeedProtocol::Decoded decoded = FeedProtocol::decode(frame);
    if (!decoded.message) {
        if (m_state == State::AwaitingHello)
            Q_EMIT m_server->deskRefused(peer(), QStringLiteral("malformed hello"));
        close("bad-message", decoded.error);
        return;
    }
    const FeedProtocol::Message &message = *decoded.message;
    if (m_state == State::AwaitingHello) {
        if (const auto *hello = std::get_if<FeedProtocol::Hello>(&message)) {
            onHello(*hello);
        } else {
            Q_EMIT m_server->deskRefused(peer(), QStringLiteral("message before hello"));
            close("unauthorized", QStringLiteral("the first message must be hello"));
        }
        return;
    }
    if (const auto *ack = std::get_if<FeedProtocol::Ack>(&message)) {
        if (ack->seq > m_sent) {
            close("bad-message", QStringLiteral("ack of seq %1, but only %2 was sent")
                                     .arg(ack->seq)
                                     .arg(m_sent));
            return;
        }
        if (ack->seq > m_acked) {
            m_acked = ack->seq;
            m_server->store()->recordAck(m_device, m_acked);
        }
        return;
    }
    if (const auto *publish = std::get_if<FeedProtocol::Publish>(&message)) {
        HubDelivery delivery;
        delivery.kind = EventKind::clinic;
        delivery.deliveryId = m_device + QLatin1Char(':') + publish->id;
        delivery.eventType = publish->eventType;
        QJsonObject payload = publish->payload;
        // Who published it, so desks can tell their own echo from another desk's change.
        payload.insert(QStringLiteral("origin"),
                       QJsonObject{{QStringLiteral("device"), m_device},
                                   {QStringLiteral("id"), publish->id}});
        delivery.payload = QJsonDocument(payload).toJson(QJsonDocument::Compact);
        delivery.receivedAt = QDateTime::currentDateTimeUtc();
        const QString id = publish->id;
        QPointer<FeedSession> self(this);
        m_server->store()->append(delivery, [self, id](const AppendResult &result) {
            if (!self || self->m_state == State::Closed)
                return;
            if (!result.ok) {
                self->close("internal", QStringLiteral("the hub could not store the event"));
                return;
            }
            self->send(FeedProtocol::encode(FeedProtocol::Published{id, result.seq}));
        });
        return;
    }
    close("bad-message", QStringLiteral("a desk may send ack and publish after hello"));
}

void FeedSession::onHello(const FeedProtocol::Hello &hello)
{
    m_helloTimer.stop();
    // A "*" entry (training's in-process hub) accepts its token from any device name.
    const QHash<QString, QByteArray> &tokens = m_server->options().deviceTokens;
    const QByteArray expected = tokens.value(hello.device, tokens.value(QStringLiteral("*")));
    if (expected.isEmpty() || !constantTimeEquals(expected, hello.token.toUtf8())) {
        Q_EMIT m_server->deskRefused(peer(), QStringLiteral("bad device token"));
        close("unauthorized", QStringLiteral("unknown device or wrong token"));
        return;
    }
    m_device = hello.device;
    HubStore *store = m_server->store();
    const bool sameEpoch = hello.lastSeq >= 0 && hello.epoch == store->epoch();
    const bool retained = hello.lastSeq >= store->firstRetainedSeq() - 1;
    const bool notAhead = hello.lastSeq <= store->lastSeq();
    if (sameEpoch && retained && notAhead) {
        m_sent = hello.lastSeq;
    } else {
        // A new desk, another database, a cursor past retention or from the future: the desk
        // cannot be brought up to date event by event; it starts from here and resyncs.
        m_sent = store->lastSeq();
        send(FeedProtocol::encode(FeedProtocol::Reset{store->epoch(), m_sent}));
    }
    m_acked = std::min(hello.lastSeq, m_sent);
    m_state = State::Replaying;
    Q_EMIT m_server->deskConnected(m_device);
    replayNext();
}

void FeedSession::replayNext()
{
    if (m_state != State::Replaying || m_readInFlight)
        return;
    HubStore *store = m_server->store();
    if (m_sent >= store->lastSeq()) {
        m_state = State::Live;
        return;
    }
    m_readInFlight = true;
    QPointer<FeedSession> self(this);
    store->readAfter(m_sent, m_server->options().replayPageSize,
                     [self](const QList<HubEvent> &events, const QString &error) {
                         if (!self)
                             return;
                         self->m_readInFlight = false;
                         if (self->m_state != State::Replaying)
                             return;
                         if (!error.isEmpty()) {
                             self->close("internal", QStringLiteral("the hub's log is unreadable"));
                             return;
                         }
                         for (const HubEvent &event : events) {
                             if (!self->sendEvent(event))
                                 return; // paused or closed
                         }
                         if (events.isEmpty() && self->m_sent < self->m_server->store()->lastSeq()) {
                             // Pruned under us: nothing to replay from here.
                             self->close("internal", QStringLiteral("events were pruned during replay"));
                             return;
                         }
                         self->replayNext();
                     });
}

bool FeedSession::sendEvent(const HubEvent &event)
{
    if (event.seq <= m_sent)
        return true;
    if (event.seq != m_sent + 1) {
        // A gap in what reached us live: read the missing ones from the store.
        m_state = State::Replaying;
        replayNext();
        return false;
    }
    QByteArray frame = FeedProtocol::encodeEvent(event.seq, m_server->store()->epoch(),
                                                 event.kind, event.eventType, event.receivedAt,
                                                 event.payload);
    if (frame.size() > FeedProtocol::maxMessageBytes) {
        // Stored in full, but no desk accepts a frame this large: say so in its place.
        const QByteArray marker = QJsonDocument(QJsonObject{
                                                    {QStringLiteral("tooLarge"), true},
                                                    {QStringLiteral("bytes"), double(event.payload.size())}})
                                      .toJson(QJsonDocument::Compact);
        frame = FeedProtocol::encodeEvent(event.seq, m_server->store()->epoch(), event.kind,
                                          event.eventType, event.receivedAt, marker);
    }
    send(frame);
    m_sent = event.seq;
    if (m_socket && m_socket->bytesToWrite() > m_server->options().highWaterBytes) {
        m_state = State::Paused;
        return false;
    }
    return m_state != State::Closed;
}

void FeedSession::offerLive(const QList<HubEvent> &events)
{
    if (m_state != State::Live)
        return; // replaying or paused: the store has them
    for (const HubEvent &event : events) {
        if (!sendEvent(event))
            return;
    }
}

void FeedSession::onBytesWritten()
{
    if (m_state == State::Paused && m_socket
        && m_socket->bytesToWrite() < m_server->options().lowWaterBytes) {
        m_state = State::Replaying;
        replayNext();
    }
}

void FeedSession::send(const QByteArray &frame)
{
    if (m_socket)
        m_socket->sendTextMessage(QString::fromUtf8(frame));
}

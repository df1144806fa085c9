// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/common/feedprotocol.h"
#include "services/hub/hubevent.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QWebSocket>

#include <memory>

class HubStore;
class FeedSession;

/*!
  The hub's side of the live feed (FeedProtocol): one FeedSession per connected desk. A desk
  says hello with its device token and cursor; the session replays the log from the store in
  pages, then follows eventsAppended live. A desk that reads slowly is never buffered without
  bound: past a high-water mark the session stops pushing and, once the socket drains, catches
  up from the store again. Clinic events a desk publishes are stored like webhooks (deduplicated
  per device and publish id) and reach every desk, the publisher included.
 */
class FeedServer : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QHash<QString, QByteArray> deviceTokens;
        int helloTimeoutMs = 10000;
        int pingIntervalMs = 15000;
        int silenceLimitMs = 25000;
        int replayPageSize = 500;
        qint64 highWaterBytes = 4 * 1024 * 1024; // stop pushing past this, resume below lowWater
        qint64 lowWaterBytes = 512 * 1024;
    };

    FeedServer(HubStore *store, Options options, QObject *parent = nullptr);
    ~FeedServer() override;

    //! Takes over an upgraded connection (the path was checked by the caller).
    void accept(std::unique_ptr<QWebSocket> socket);
    //! Sessions open now; those past hello.
    int sessionCount() const { return int(m_sessions.size()); }
    int authenticatedCount() const;
    //! Closes every session (shutdown).
    void closeAll();

    const Options &options() const { return m_options; }
    HubStore *store() const { return m_store; }

Q_SIGNALS:
    //! A desk was refused (bad token, malformed hello): for the hub's audit log.
    void deskRefused(const QString &peer, const QString &reason);
    void deskConnected(const QString &device);
    void deskDisconnected(const QString &device);

private:
    void onEventsAppended(const QList<HubEvent> &events);
    void onSessionClosed(FeedSession *session);

    HubStore *m_store;
    Options m_options;
    QList<FeedSession *> m_sessions;
};

//! One desk's connection (internal to FeedServer).
class FeedSession : public QObject
{
    Q_OBJECT
public:
    FeedSession(FeedServer *server, std::unique_ptr<QWebSocket> socket);
    ~FeedSession() override;

    bool isAuthenticated() const { return m_state != State::AwaitingHello; }
    const QString &device() const { return m_device; }
    void offerLive(const QList<HubEvent> &events);
    void close(const QByteArray &errorCode = {}, const QString &message = {});

Q_SIGNALS:
    void closed(FeedSession *session);

private:
    enum class State { AwaitingHello, Replaying, Live, Paused, Closed };

    void onTextMessage(const QString &text);
    void onHello(const FeedProtocol::Hello &hello);
    void replayNext();
    bool sendEvent(const HubEvent &event);
    void send(const QByteArray &frame);
    void checkSilence();
    void onBytesWritten();
    QString peer() const;

    FeedServer *m_server;
    std::unique_ptr<QWebSocket> m_socket;
    State m_state = State::AwaitingHello;
    QString m_device;
    qint64 m_sent = 0;  // highest seq sent
    qint64 m_acked = 0; // highest seq the desk acknowledged
    bool m_readInFlight = false;
    QTimer m_helloTimer;
    QTimer m_pingTimer;
    QTimer m_silenceTimer;
    QElapsedTimer m_lastHeard;
    bool m_closedEmitted = false;
};

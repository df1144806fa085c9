// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/common/feedprotocol.h"
#include "services/common/retrypolicy.h"
#include "services/domain/liveevent.h"
#include "services/store/storeerror.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFuture>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QSslCertificate>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <memory>

class QWebSocket;
class Store;

/*!
  The desk's end of the hub's feed (FeedProtocol over WebSocket).

  - Connects, says hello with the cursor stored in the database, and resumes where it stopped;
    reconnects with full-jitter backoff (first try at once — within 2 s when the hub closed the
    connection, since then every desk tries together — then up to 0.5 s, 1 s, … 20 s;
    the count starts over after 60 s connected); pings every 15 s and drops a connection silent
    for 25 s.
  - Applies events in seq order on the store's writer: each batch is one transaction that runs
    the handlers, records every event in the event log, and advances last_applied_seq. An event
    at or below the cursor is dropped, so a replay or a duplicate changes nothing; a gap makes it
    reconnect (the hub replays from the cursor). Acknowledges after the commit, at most once a
    second.
  - A handler that fails leaves the event "failed" (the cursor still moves: one bad event does
    not stop the feed); failed events are tried again automatically up to 5 times, and by hand
    from the event log.
  - After `reset` (another hub database, or offline past retention) it takes the hub's position
    and tells the services to resync (resetReceived).
  - Clinic events to publish are rows of live_outbox written by the services with the change they
    announce; they are sent while connected and removed once the hub has stored them.
 */
class LiveFeed : public QObject
{
    Q_OBJECT
public:
    enum class State { Stopped, Connecting, Connected, WaitingToReconnect };
    Q_ENUM(State)

    struct Options
    {
        QUrl url; // ws://host:port/feed or wss://…
        QByteArray token;
        //! For wss://: certificates to trust besides the system's CAs (a clinic's own CA, a
        //! hub's self-signed certificate). The hub's certificate is always verified.
        QList<QSslCertificate> trustedCertificates;
        QString device; // this desk's name at the hub; empty: the one generated in the database
        int pingIntervalMs = FeedProtocol::pingIntervalMs;
        int silenceLimitMs = FeedProtocol::silenceLimitMs;
        int backoffBaseMs = 500;
        int backoffCapMs = 20000;
        int stableAfterMs = 60000; // connected this long: the backoff starts over
        int ackIntervalMs = 1000;
        int maxAutomaticAttempts = 5;
        int retryFailedEveryMs = 30000;
        int batchSize = 200;
        // Received but not yet applied: past either bound the desk drops the connection and
        // resumes from its cursor once it has caught up (memory stays bounded).
        int maxQueuedEvents = 20000;
        qint64 maxQueuedBytes = 64 * 1024 * 1024;
    };

    //! Runs on the writer inside the applying transaction; must only touch the database.
    using ApplyFunction = std::function<LiveApplyOutcome(const QString &connection, const LiveEvent &)>;
    //! Runs on the feed's thread after the commit, for an event that was applied.
    using AppliedFunction = std::function<void(const LiveEvent &)>;

    LiveFeed(Store *store, Options options, QObject *parent = nullptr);
    ~LiveFeed() override;

    //! Handles events of `eventType` ("appointment.updated"), or of every type starting with a
    //! prefix ending in '*' ("claim.*"). Events nobody handles are logged as ignored.
    void addHandler(const QString &eventType, ApplyFunction apply, AppliedFunction applied = {});

    //! Reads the cursor and connects. Call once.
    void start();
    void stop();

    State state() const { return m_state; }
    //! When the connection was lost (invalid while connected or never connected).
    QDateTime offlineSince() const { return m_offlineSince; }
    //! When the next attempt is due (WaitingToReconnect).
    QDateTime nextAttemptAt() const { return m_nextAttemptAt; }
    QString lastError() const { return m_lastError; }
    const LiveCursor &cursor() const { return m_cursor; }
    QString device() const { return m_cursor.device; }
    QUrl url() const { return m_options.url; }

    //! Sends what live_outbox holds (call after a service wrote a row).
    void publishPending();
    //! Applies a failed event again (the event log's Retry); the result is the updated record.
    QFuture<StoreResult<LiveEventRecord>> retry(qint64 eventId);
    QFuture<StoreResult<QList<LiveEventRecord>>> recentEvents(int limit) const;
    QFuture<StoreResult<LiveEventCounts>> counts() const;

Q_SIGNALS:
    void stateChanged(LiveFeed::State state);
    //! An event was recorded (applied, failed or ignored), or retried; after the commit.
    void eventRecorded(const LiveEventRecord &record);
    //! The hub could not resume this desk: services should resync from their outside systems.
    void resetReceived(const QString &epoch, qint64 lastSeq);
    //! The database refused the feed's work (the feed stops applying until restarted).
    void storageFailed(const QString &error);

private:
    struct Handler
    {
        QString pattern;
        ApplyFunction apply;
        AppliedFunction applied;
    };
    struct BatchResult;

    void connectNow();
    void onConnected();
    void onDisconnected();
    void onTextMessage(const QString &text);
    void onEvent(const FeedProtocol::Event &event, qint64 frameBytes);
    void onReset(const FeedProtocol::Reset &reset);
    void onPublished(const FeedProtocol::Published &published);
    void applyQueued();
    void onBatchDone(const BatchResult &result);
    void scheduleAck();
    void sendAck();
    void scheduleReconnect(const QString &why, bool hubWentAway = false);
    void setState(State state);
    void dropConnection(const QString &why);
    void pauseForBacklog();
    enum class Release { Abort, Close, AlreadyClosed };
    //! Lets go of the socket (its signals first), deleted later.
    void releaseSocket(Release how);
    //! Runs `handler` in a savepoint of the caller's transaction (on the writer).
    static LiveApplyOutcome applyInSavepoint(const Handler &handler, const QString &connection,
                                             const LiveEvent &event);
    void retryFailed();
    void checkSilence();
    void send(const QByteArray &frame);
    const Handler *handlerFor(const QString &eventType) const;
    static const Handler *match(const QList<Handler> &handlers, const QString &eventType);

    Store *m_store;
    Options m_options;
    std::shared_ptr<QList<Handler>> m_handlers = std::make_shared<QList<Handler>>();
    QWebSocket *m_socket = nullptr;
    State m_state = State::Stopped;
    LiveCursor m_cursor;
    bool m_cursorLoaded = false;
    QString m_lastError;
    QDateTime m_offlineSince;
    QDateTime m_nextAttemptAt;
    int m_failedAttempts = 0;
    RetryPolicy m_backoff;
    QTimer m_reconnectTimer;
    QTimer m_pingTimer;
    QTimer m_silenceTimer;
    QTimer m_ackTimer;
    QTimer m_retryTimer;
    QElapsedTimer m_lastHeard;
    QElapsedTimer m_connectedFor;
    bool m_helloSent = false;
    qint64 m_received = 0;   // highest seq received on this connection
    qint64 m_acked = 0;      // highest seq acknowledged on this connection
    QList<FeedProtocol::Event> m_queue; // received, not yet committed
    QList<qint64> m_queueBytes;         // the frame size of each, for the bound
    qint64 m_queuedBytes = 0;
    bool m_backlogged = false; // stopped listening until the queue is applied
    bool m_applying = false;
    QSet<QString> m_publishing; // outbox ids sent on this connection
    bool m_outboxReadInFlight = false;
};

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/live/livefeed.h"

#include "services/common/async.h"
#include "services/store/database.h"
#include "services/store/liveeventrepository.h"
#include "services/store/sqlvalues.h"
#include "services/store/store.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QSslConfiguration>
#include <QWebSocket>

namespace {
LiveEvent toLiveEvent(const FeedProtocol::Event &event)
{
    return LiveEvent{event.epoch, event.seq, event.kind, event.eventType, event.receivedAt,
                     event.payload};
}

QString noHandler()
{
    return QCoreApplication::translate("LiveFeed", "Nothing on this desk uses this event yet.");
}

QString ownChange()
{
    return QCoreApplication::translate("LiveFeed", "This desk's own change.");
}
} // namespace

struct LiveFeed::BatchResult
{
    bool ok = true;
    QString error;
    LiveCursor cursor;
    QList<LiveEventRecord> records;
    bool gap = false;
    bool reset = false;
};

LiveFeed::LiveFeed(Store *store, Options options, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_options(std::move(options))
{
    m_backoff.baseDelay = RetryPolicy::Ms(m_options.backoffBaseMs);
    m_backoff.maxDelay = RetryPolicy::Ms(m_options.backoffCapMs);
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &LiveFeed::connectNow);
    connect(&m_pingTimer, &QTimer::timeout, this, [this] {
        if (m_socket && m_state == State::Connected)
            m_socket->ping();
    });
    connect(&m_silenceTimer, &QTimer::timeout, this, &LiveFeed::checkSilence);
    m_ackTimer.setSingleShot(true);
    connect(&m_ackTimer, &QTimer::timeout, this, &LiveFeed::sendAck);
    connect(&m_retryTimer, &QTimer::timeout, this, &LiveFeed::retryFailed);
}

LiveFeed::~LiveFeed()
{
    stop();
}

void LiveFeed::addHandler(const QString &eventType, ApplyFunction apply, AppliedFunction applied)
{
    // Copy on write: a batch running on the writer keeps the list it started with.
    auto handlers = std::make_shared<QList<Handler>>(*m_handlers);
    handlers->append({eventType, std::move(apply), std::move(applied)});
    m_handlers = handlers;
}

const LiveFeed::Handler *LiveFeed::handlerFor(const QString &eventType) const
{
    return match(*m_handlers, eventType);
}

const LiveFeed::Handler *LiveFeed::match(const QList<Handler> &handlers, const QString &eventType)
{
    for (const Handler &handler : handlers) {
        if (handler.pattern == eventType)
            return &handler;
        if (handler.pattern.endsWith(QLatin1Char('*'))
            && eventType.startsWith(QStringView(handler.pattern).chopped(1)))
            return &handler;
    }
    return nullptr;
}

void LiveFeed::start()
{
    if (m_state != State::Stopped)
        return;
    setState(State::Connecting);
    Async::whenReady(m_store->read([](const QString &connection) {
                         return LiveEventRepository(connection).cursor();
                     }),
                     this, [this](const StoreResult<LiveCursor> &cursor) {
                         if (!cursor) {
                             m_lastError = cursor.error();
                             Q_EMIT storageFailed(cursor.error());
                             setState(State::Stopped);
                             return;
                         }
                         m_cursor = *cursor;
                         if (!m_options.device.isEmpty())
                             m_cursor.device = m_options.device;
                         m_cursorLoaded = true;
                         if (m_state != State::Stopped)
                             connectNow();
                     });
    m_retryTimer.start(m_options.retryFailedEveryMs);
    m_silenceTimer.start(1000);
}

void LiveFeed::stop()
{
    m_reconnectTimer.stop();
    m_pingTimer.stop();
    m_silenceTimer.stop();
    m_retryTimer.stop();
    m_ackTimer.stop();
    releaseSocket(Release::Close);
    m_queue.clear();
    m_queueBytes.clear();
    m_queuedBytes = 0;
    m_backlogged = false;
    setState(State::Stopped);
}

void LiveFeed::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void LiveFeed::connectNow()
{
    if (!m_cursorLoaded)
        return;
    releaseSocket(Release::Abort);
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket->setMaxAllowedIncomingMessageSize(FeedProtocol::maxMessageBytes + 1024);
    m_socket->setMaxAllowedIncomingFrameSize(FeedProtocol::maxMessageBytes + 1024);
    if (!m_options.trustedCertificates.isEmpty()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(m_options.trustedCertificates);
        m_socket->setSslConfiguration(tls);
    }
    connect(m_socket, &QWebSocket::connected, this, &LiveFeed::onConnected);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &LiveFeed::onTextMessage);
    connect(m_socket, &QWebSocket::pong, this, [this] { m_lastHeard.restart(); });
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, [this] {
        if (m_socket)
            m_lastError = m_socket->errorString();
    });
    connect(m_socket, &QWebSocket::stateChanged, this, [this](QAbstractSocket::SocketState s) {
        if (s == QAbstractSocket::UnconnectedState)
            onDisconnected();
    });
    setState(State::Connecting);
    m_lastHeard.start();
    m_socket->open(m_options.url);
}

void LiveFeed::onConnected()
{
    m_connectedFor.start();
    m_lastHeard.restart();
    m_received = m_cursor.lastAppliedSeq;
    m_acked = m_cursor.lastAppliedSeq;
    m_publishing.clear();
    send(FeedProtocol::encode(FeedProtocol::Hello{m_cursor.device, QString::fromUtf8(m_options.token),
                                                  m_cursor.epoch, m_cursor.lastAppliedSeq}));
    m_helloSent = true;
    m_lastError.clear();
    m_offlineSince = {};
    m_nextAttemptAt = {};
    m_pingTimer.start(m_options.pingIntervalMs);
    setState(State::Connected);
    publishPending();
}

void LiveFeed::onDisconnected()
{
    if (m_state == State::Stopped || m_state == State::WaitingToReconnect)
        return;
    // A working connection closed from the hub's end: the hub stopped or restarted, and every
    // desk learnt it at the same moment.
    const bool hubWentAway = m_state == State::Connected;
    releaseSocket(Release::AlreadyClosed);
    scheduleReconnect(m_lastError, hubWentAway);
}

void LiveFeed::dropConnection(const QString &why)
{
    m_lastError = why;
    releaseSocket(Release::Abort);
    if (m_state != State::Stopped)
        scheduleReconnect(why);
}

void LiveFeed::releaseSocket(Release how)
{
    if (!m_socket)
        return;
    m_socket->disconnect(this);
    if (how == Release::Abort)
        m_socket->abort();
    else if (how == Release::Close)
        m_socket->close();
    // Not deleted under its own signal.
    m_socket->deleteLater();
    m_socket = nullptr;
}

LiveApplyOutcome LiveFeed::applyInSavepoint(const Handler &handler, const QString &connection,
                                            const LiveEvent &event)
{
    // A savepoint per event: a handler that fails leaves nothing half-written.
    TransactionGuard savepoint(Database::connection(connection));
    LiveApplyOutcome outcome = handler.apply(connection, event);
    if (outcome.status != LiveEventStatus::Failed && !savepoint.commit())
        outcome = LiveApplyOutcome::failed(savepoint.errorText());
    return outcome;
}

void LiveFeed::pauseForBacklog()
{
    m_lastError = tr("This desk is catching up with the hub.");
    releaseSocket(Release::Abort);
    m_pingTimer.stop();
    m_publishing.clear();
    m_backlogged = true;
    m_nextAttemptAt = {};
    setState(State::WaitingToReconnect);
}

void LiveFeed::scheduleReconnect(const QString &why, bool hubWentAway)
{
    m_pingTimer.stop();
    m_helloSent = false;
    // What arrived and was not committed comes again: the hub replays from the cursor.
    m_queue.clear();
    m_queueBytes.clear();
    m_queuedBytes = 0;
    m_backlogged = false;
    m_publishing.clear();
    if (!why.isEmpty())
        m_lastError = why;
    if (!m_offlineSince.isValid())
        m_offlineSince = QDateTime::currentDateTimeUtc();
    if (m_connectedFor.isValid() && m_connectedFor.elapsed() >= m_options.stableAfterMs)
        m_failedAttempts = 0;
    m_connectedFor.invalidate();
    // The first attempt is at once; then full jitter, so desks that lost the hub together do
    // not come back together. When the hub itself went away, all its desks are at their first
    // attempt together: that one is spread too, over four base delays (2 s: at most about a
    // fifth of fifty desks in any 100 ms; scripts/bench measures it).
    qint64 delay = 0;
    if (m_failedAttempts > 0)
        delay = qint64(m_backoff.delayBefore(m_failedAttempts + 1).count());
    else if (hubWentAway)
        delay = qint64(QRandomGenerator::global()->bounded(4.0 * m_options.backoffBaseMs + 1.0));
    ++m_failedAttempts;
    m_nextAttemptAt = QDateTime::currentDateTimeUtc().addMSecs(delay);
    setState(State::WaitingToReconnect);
    m_reconnectTimer.start(int(delay));
}

void LiveFeed::checkSilence()
{
    if (m_state == State::Connected && m_lastHeard.elapsed() > m_options.silenceLimitMs)
        dropConnection(tr("The hub stopped answering."));
}

void LiveFeed::send(const QByteArray &frame)
{
    if (m_socket)
        m_socket->sendTextMessage(QString::fromUtf8(frame));
}

void LiveFeed::onTextMessage(const QString &text)
{
    m_lastHeard.restart();
    const FeedProtocol::Decoded decoded = FeedProtocol::decode(text.toUtf8());
    if (!decoded.message) {
        dropConnection(tr("The hub sent a message this desk cannot read (%1).").arg(decoded.error));
        return;
    }
    const FeedProtocol::Message &message = *decoded.message;
    if (const auto *event = std::get_if<FeedProtocol::Event>(&message)) {
        onEvent(*event, text.size());
    } else if (const auto *reset = std::get_if<FeedProtocol::Reset>(&message)) {
        onReset(*reset);
    } else if (const auto *published = std::get_if<FeedProtocol::Published>(&message)) {
        onPublished(*published);
    } else if (const auto *error = std::get_if<FeedProtocol::Error>(&message)) {
        const QString why = error->code == QLatin1String("unauthorized")
                                ? tr("The hub refused this desk: check the device name and "
                                     "token in Settings.")
                                : tr("The hub closed the connection (%1).").arg(error->message);
        dropConnection(why);
    } else {
        dropConnection(tr("The hub sent a message meant for a hub."));
    }
}

void LiveFeed::onEvent(const FeedProtocol::Event &event, qint64 frameBytes)
{
    if (event.seq <= m_received)
        return; // sent twice: the first is queued or applied
    if (event.seq != m_received + 1) {
        // Something went missing on the way: reconnect, and the hub replays from the cursor.
        dropConnection(tr("Events %1 to %2 did not arrive; catching up.")
                           .arg(m_received + 1)
                           .arg(event.seq - 1));
        return;
    }
    if (m_queue.size() >= m_options.maxQueuedEvents
        || m_queuedBytes + frameBytes > m_options.maxQueuedBytes) {
        // The hub sends faster than this desk applies: stop listening, apply what is queued,
        // then come back for the rest from the cursor. Memory stays bounded; nothing is lost.
        pauseForBacklog();
        return;
    }
    m_received = event.seq;
    m_queue.append(event);
    m_queueBytes.append(frameBytes);
    m_queuedBytes += frameBytes;
    applyQueued();
}

void LiveFeed::onReset(const FeedProtocol::Reset &reset)
{
    // Whatever was queued belongs to the old position.
    m_queue.clear();
    m_queueBytes.clear();
    m_queuedBytes = 0;
    m_received = reset.lastSeq;
    m_acked = reset.lastSeq;
    FeedProtocol::Event marker;
    marker.seq = -1; // a reset in the queue
    marker.epoch = reset.epoch;
    marker.payload = QJsonObject{{QStringLiteral("lastSeq"), double(reset.lastSeq)}};
    m_queue.append(marker);
    m_queueBytes.append(0);
    applyQueued();
}

void LiveFeed::applyQueued()
{
    if (m_applying || m_queue.isEmpty())
        return;
    QList<FeedProtocol::Event> batch;
    while (!m_queue.isEmpty() && batch.size() < m_options.batchSize) {
        // A reset goes alone, ahead of the events that follow it.
        if (m_queue.constFirst().seq < 0 && !batch.isEmpty())
            break;
        batch.append(m_queue.takeFirst());
        m_queuedBytes -= m_queueBytes.takeFirst();
        if (batch.constLast().seq < 0)
            break;
    }
    m_applying = true;
    const std::shared_ptr<const QList<Handler>> handlers = m_handlers;
    const QString device = m_cursor.device;
    QFuture<BatchResult> done = m_store->write([batch, device, handlers](const QString &connection) {
        BatchResult result;
        QSqlDatabase db = Database::connection(connection);
        TransactionGuard transaction(db);
        if (!transaction.isActive()) {
            result.ok = false;
            result.error = transaction.describeError(
                QCoreApplication::translate("LiveFeed", "the live events"));
            return result;
        }
        LiveEventRepository repository(connection);
        const StoreResult<LiveCursor> cursor = repository.cursor();
        if (!cursor) {
            result.ok = false;
            result.error = cursor.error();
            return result;
        }
        result.cursor = *cursor;
        for (const FeedProtocol::Event &item : batch) {
            if (item.seq < 0) {
                const qint64 lastSeq = qint64(item.payload.value(QStringLiteral("lastSeq")).toDouble());
                if (const auto reset = repository.reset(item.epoch, lastSeq); !reset) {
                    result.ok = false;
                    result.error = reset.error();
                    return result;
                }
                result.cursor.epoch = item.epoch;
                result.cursor.lastAppliedSeq = lastSeq;
                result.reset = true;
                continue;
            }
            if (item.epoch != result.cursor.epoch || item.seq <= result.cursor.lastAppliedSeq)
                continue; // another epoch's, or applied already
            if (item.seq != result.cursor.lastAppliedSeq + 1) {
                result.gap = true;
                break;
            }
            LiveEventRecord record;
            record.event = toLiveEvent(item);
            record.appliedAt = SqlValues::nowUtc();
            LiveApplyOutcome outcome;
            if (!device.isEmpty() && record.event.originDevice() == device) {
                // Our own change, already in this database: applying the echo could undo a
                // later edit not yet echoed. It is published: the outbox row can go.
                outcome = LiveApplyOutcome::ignored(ownChange());
                repository.removeFromOutbox(record.event.originId());
            } else if (const Handler *handler = match(*handlers, item.eventType)) {
                outcome = applyInSavepoint(*handler, connection, record.event);
            } else {
                outcome = LiveApplyOutcome::ignored(noHandler());
            }
            record.status = outcome.status;
            record.error = outcome.error;
            const StoreResult<qint64> id = repository.record(record);
            if (!id) {
                result.ok = false;
                result.error = id.error();
                return result;
            }
            record.id = *id;
            result.cursor.lastAppliedSeq = item.seq;
            result.records.append(record);
        }
        if (const auto advanced =
                repository.advance(result.cursor.epoch, result.cursor.lastAppliedSeq);
            !advanced) {
            result.ok = false;
            result.error = advanced.error();
            return result;
        }
        if (!transaction.commit()) {
            result.ok = false;
            result.error = transaction.describeError(
                QCoreApplication::translate("LiveFeed", "the live events"));
        }
        return result;
    });
    Async::whenReady(done, this, [this](const BatchResult &result) { onBatchDone(result); });
}

void LiveFeed::onBatchDone(const BatchResult &result)
{
    m_applying = false;
    if (!result.ok) {
        m_lastError = result.error;
        Q_EMIT storageFailed(result.error);
        // Nothing of the batch was kept: start over from the stored cursor.
        dropConnection(result.error);
        return;
    }
    m_cursor.epoch = result.cursor.epoch;
    m_cursor.lastAppliedSeq = result.cursor.lastAppliedSeq;
    if (result.reset)
        Q_EMIT resetReceived(m_cursor.epoch, m_cursor.lastAppliedSeq);
    for (const LiveEventRecord &record : result.records) {
        if (record.status == LiveEventStatus::Applied) {
            if (const Handler *handler = handlerFor(record.event.eventType); handler && handler->applied)
                handler->applied(record.event);
        }
        Q_EMIT eventRecorded(record);
    }
    scheduleAck();
    if (result.gap) {
        dropConnection(tr("The events arrived out of order; catching up."));
        return;
    }
    applyQueued();
    if (m_backlogged && !m_applying && m_queue.isEmpty()) {
        m_backlogged = false;
        connectNow(); // caught up: resume from the cursor
    }
}

void LiveFeed::scheduleAck()
{
    if (!m_ackTimer.isActive())
        m_ackTimer.start(m_acked == 0 ? 0 : m_options.ackIntervalMs);
}

void LiveFeed::sendAck()
{
    const qint64 seq = std::min(m_cursor.lastAppliedSeq, m_received);
    if (m_state == State::Connected && seq > m_acked) {
        send(FeedProtocol::encode(FeedProtocol::Ack{seq}));
        m_acked = seq;
    }
}

void LiveFeed::publishPending()
{
    if (m_state != State::Connected || m_outboxReadInFlight)
        return;
    m_outboxReadInFlight = true;
    Async::whenReady(m_store->read([](const QString &connection) {
                         return LiveEventRepository(connection).outbox(200);
                     }),
                     this, [this](const StoreResult<QList<LiveOutboxItem>> &items) {
                         m_outboxReadInFlight = false;
                         if (!items || m_state != State::Connected)
                             return;
                         for (const LiveOutboxItem &item : *items) {
                             if (m_publishing.contains(item.id))
                                 continue;
                             m_publishing.insert(item.id);
                             send(FeedProtocol::encode(
                                 FeedProtocol::Publish{item.id, item.eventType, item.payload}));
                         }
                     });
}

void LiveFeed::onPublished(const FeedProtocol::Published &published)
{
    m_publishing.remove(published.id);
    const QString id = published.id;
    m_store->write([id](const QString &connection) {
        return LiveEventRepository(connection).removeFromOutbox(id);
    });
}

QFuture<StoreResult<LiveEventRecord>> LiveFeed::retry(qint64 eventId)
{
    const std::shared_ptr<const QList<Handler>> handlers = m_handlers;
    QFuture<StoreResult<LiveEventRecord>> done =
        m_store->write([eventId, handlers](const QString &connection) {
            using Result = StoreResult<LiveEventRecord>;
            QSqlDatabase db = Database::connection(connection);
            TransactionGuard transaction(db);
            if (!transaction.isActive())
                return Result::failure(transaction.describeError(
                    QCoreApplication::translate("LiveFeed", "the live events")));
            LiveEventRepository repository(connection);
            const StoreResult<std::optional<LiveEventRecord>> found = repository.find(eventId);
            if (!found)
                return Result::failure(found.error());
            if (!found->has_value())
                return Result::failure(
                    QCoreApplication::translate("LiveFeed", "This event is no longer in the log."));
            LiveEventRecord record = **found;
            if (record.status != LiveEventStatus::Failed)
                return Result(record);
            const Handler *handler = match(*handlers, record.event.eventType);
            LiveApplyOutcome outcome = LiveApplyOutcome::ignored(noHandler());
            if (handler)
                outcome = applyInSavepoint(*handler, connection, record.event);
            record.status = outcome.status;
            record.error = outcome.error;
            record.attempts += 1;
            record.appliedAt = SqlValues::nowUtc();
            if (const auto updated = repository.updateOutcome(record.id, record.status,
                                                              record.error, record.attempts);
                !updated)
                return Result::failure(updated.error());
            if (!transaction.commit())
                return Result::failure(transaction.describeError(
                    QCoreApplication::translate("LiveFeed", "the live events")));
            return Result(record);
        });
    Async::whenReady(done, this, [this](const StoreResult<LiveEventRecord> &result) {
        if (!result)
            return;
        if (result->status == LiveEventStatus::Applied) {
            if (const Handler *handler = handlerFor(result->event.eventType);
                handler && handler->applied)
                handler->applied(result->event);
        }
        Q_EMIT eventRecorded(*result);
    });
    return done;
}

void LiveFeed::retryFailed()
{
    const int maxAttempts = m_options.maxAutomaticAttempts;
    Async::whenReady(m_store->read([maxAttempts](const QString &connection) {
                         return LiveEventRepository(connection).retryable(maxAttempts, 50);
                     }),
                     this, [this](const StoreResult<QList<LiveEventRecord>> &records) {
                         if (!records)
                             return;
                         for (const LiveEventRecord &record : *records)
                             retry(record.id);
                     });
}

QFuture<StoreResult<QList<LiveEventRecord>>> LiveFeed::recentEvents(int limit) const
{
    return m_store->read(
        [limit](const QString &connection) { return LiveEventRepository(connection).recent(limit); });
}

QFuture<StoreResult<LiveEventCounts>> LiveFeed::counts() const
{
    return m_store->read(
        [](const QString &connection) { return LiveEventRepository(connection).counts(); });
}

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/hub/eventlogworker.h"

#include <QCoreApplication>
#include <QMetaObject>

#include <limits>

namespace {
constexpr int ackDelayMs = 1000;
constexpr int pollIntervalMs = 2000;
constexpr int readChunk = 1000;
constexpr qint64 noLimit = std::numeric_limits<qint64>::max();
} // namespace

EventLogWorker::EventLogWorker(std::unique_ptr<HubStoreBackend> backend, Sink sink)
    : m_backend(std::move(backend))
    , m_sink(std::move(sink))
    , m_ackTimer(this)
    , m_pollTimer(this)
{
    m_ackTimer.setSingleShot(true);
    m_ackTimer.setInterval(ackDelayMs);
    connect(&m_ackTimer, &QTimer::timeout, this, &EventLogWorker::flush);
    m_pollTimer.setInterval(pollIntervalMs);
    connect(&m_pollTimer, &QTimer::timeout, this, &EventLogWorker::poll);
}

EventLogWorker::~EventLogWorker() = default;

bool EventLogWorker::open(HubStoreBackend::Position *position, QString *error)
{
    if (!m_backend->open(position, error))
        return false;
    m_open = true;
    m_known = position->lastSeq;
    m_firstRetained = position->firstRetained;
    if (m_backend->isPostgres()) {
        QString listenError;
        const bool listening = m_backend->listen(
            [this](qint64 announced) {
                if (announced < 0 || announced > m_known)
                    scheduleCatchUp();
            },
            &listenError);
        if (!listening)
            qWarning("clinichub: cannot listen for other hubs' events (%s); polling instead",
                     qPrintable(listenError));
        m_pollTimer.start();
    }
    return true;
}

void EventLogWorker::append(const HubDelivery &delivery, AppendDone done)
{
    m_appends.append({delivery, std::move(done)});
    scheduleFlush();
}

void EventLogWorker::audit(const HubAuditEntry &entry)
{
    m_audits.append(entry);
    scheduleFlush();
}

void EventLogWorker::ack(const QString &device, qint64 seq)
{
    qint64 &acked = m_acks[device];
    acked = qMax(acked, seq);
    if (!m_ackTimer.isActive() && !m_flushPosted)
        m_ackTimer.start();
}

void EventLogWorker::scheduleFlush()
{
    if (m_flushPosted)
        return;
    // Queued behind everything already posted to this thread: the appends sent meanwhile join
    // this transaction.
    m_flushPosted = true;
    QMetaObject::invokeMethod(this, &EventLogWorker::flush, Qt::QueuedConnection);
}

void EventLogWorker::flush()
{
    m_flushPosted = false;
    m_ackTimer.stop();
    if (m_appends.isEmpty() && m_audits.isEmpty() && m_acks.isEmpty())
        return;

    HubStoreBackend::Batch batch;
    QList<PendingAppend> appends;
    if (m_appends.size() > maxBatch) {
        appends = m_appends.mid(0, maxBatch);
        m_appends.remove(0, maxBatch);
        scheduleFlush();
    } else {
        appends.swap(m_appends);
    }
    batch.deliveries.reserve(appends.size());
    for (const PendingAppend &pending : std::as_const(appends))
        batch.deliveries.append(pending.delivery);
    batch.audits.swap(m_audits);
    batch.acks.swap(m_acks);
    batch.now = QDateTime::currentDateTimeUtc();

    Report report;
    HubStoreBackend::Outcome outcome;
    if (m_open) {
        outcome = m_backend->write(batch);
    } else {
        outcome.error = QCoreApplication::translate("HubStore", "The hub's event log is not open.");
    }

    if (outcome.ok) {
        m_commits.fetch_add(1);
        m_failing = false;
        if (!outcome.added.isEmpty()) {
            // Another hub may have committed between what we knew and our first new seq: those
            // go out first, so the owner sees one contiguous run.
            QList<HubEvent> events;
            const qint64 first = outcome.added.constFirst().seq;
            if (first == m_known + 1 || readNew(first - 1, &events)) {
                events += outcome.added;
                m_known = outcome.added.constLast().seq;
                report.events = std::move(events);
            } else {
                // Could not fill the hole: the catch-up reads ours too, in order.
                report.events = std::move(events);
                if (!report.events.isEmpty())
                    m_known = report.events.constLast().seq;
                scheduleCatchUp();
            }
        }
        report.results = outcome.results;
    } else {
        AppendResult failed;
        failed.error = outcome.error;
        for (qsizetype i = 0; i < appends.size(); ++i)
            report.results.append(failed);
        if (m_open) {
            const QString message = QCoreApplication::translate(
                                        "HubStore", "Cannot write to the hub's event log %1: %2")
                                        .arg(m_backend->describe(), outcome.error);
            qWarning("clinichub: %s", qPrintable(message));
            if (!m_failing)
                report.storageError = message;
            m_failing = true;
            // Acks are best effort and audit rows would fail the next batch the same way; the
            // senders of the appends retry.
            m_backend->recover();
        }
    }
    for (PendingAppend &pending : appends)
        report.callbacks.append(std::move(pending.done));
    report.knownSeq = m_known;
    if (!report.events.isEmpty() || !report.callbacks.isEmpty() || !report.storageError.isEmpty())
        m_sink(std::move(report));
}

bool EventLogWorker::readNew(qint64 upTo, QList<HubEvent> *events)
{
    qint64 after = events->isEmpty() ? m_known : events->constLast().seq;
    const qint64 limit = upTo < 0 ? noLimit : upTo;
    while (after < limit) {
        QList<HubEvent> chunk;
        QString error;
        if (!m_backend->readAfter(after, limit, readChunk, &chunk, &error)) {
            qWarning("clinichub: cannot read other hubs' events: %s", qPrintable(error));
            return false;
        }
        for (const HubEvent &event : std::as_const(chunk)) {
            if (event.seq != after + 1) {
                // Every seq below a committed one is committed (the counter lock), so a hole
                // can only be events another hub pruned.
                HubStoreBackend::Position position;
                if (!m_backend->readPosition(&position, &error) ||
                    position.firstRetained <= after + 1) {
                    return false;
                }
            }
            events->append(event);
            after = event.seq;
        }
        if (chunk.size() < readChunk)
            return upTo < 0 || after >= upTo;
    }
    return true;
}

void EventLogWorker::scheduleCatchUp()
{
    if (m_catchUpPosted)
        return;
    m_catchUpPosted = true;
    QMetaObject::invokeMethod(this, &EventLogWorker::catchUp, Qt::QueuedConnection);
}

void EventLogWorker::catchUp()
{
    m_catchUpPosted = false;
    if (!m_open)
        return;
    QList<HubEvent> events;
    readNew(-1, &events);
    if (events.isEmpty())
        return;
    m_known = events.constLast().seq;
    Report report;
    report.events = std::move(events);
    report.knownSeq = m_known;
    m_sink(std::move(report));
}

void EventLogWorker::poll()
{
    HubStoreBackend::Position position;
    QString error;
    if (!m_backend->readPosition(&position, &error)) {
        m_backend->recover();
        return;
    }
    if (position.lastSeq > m_known)
        scheduleCatchUp();
    if (position.firstRetained != m_firstRetained) {
        m_firstRetained = position.firstRetained;
        Report report;
        report.knownSeq = m_known;
        report.firstRetained = m_firstRetained;
        m_sink(std::move(report));
    }
}

void EventLogWorker::readAfter(
    qint64 afterSeq, int limit,
    const std::function<void(const QList<HubEvent> &, const QString &)> &reply)
{
    QList<HubEvent> events;
    QString error;
    if (!m_open) {
        error = QCoreApplication::translate("HubStore", "The hub's event log is not open.");
    } else if (afterSeq < m_known) {
        m_backend->readAfter(qMax<qint64>(afterSeq, 0), m_known, limit, &events, &error);
    }
    reply(events, error);
}

void EventLogWorker::prune(const QDateTime &before, const std::function<void(int, qint64)> &reply)
{
    int removed = 0;
    qint64 firstRetained = m_firstRetained;
    QString error;
    if (m_open && !m_backend->prune(before, &removed, &firstRetained, &error))
        qWarning("clinichub: cannot prune the event log: %s", qPrintable(error));
    m_firstRetained = firstRetained;
    reply(removed, firstRetained);
}

void EventLogWorker::readAcks(
    const std::function<void(const QHash<QString, qint64> &, const QString &)> &reply)
{
    QHash<QString, qint64> acks;
    QString error;
    if (m_open)
        m_backend->readAcks(&acks, &error);
    reply(acks, error);
}

void EventLogWorker::readAudit(
    int limit, const std::function<void(const QList<HubAuditEntry> &, const QString &)> &reply)
{
    QList<HubAuditEntry> entries;
    QString error;
    if (m_open)
        m_backend->readAudit(limit, &entries, &error);
    reply(entries, error);
}

void EventLogWorker::flushNow()
{
    while (!m_appends.isEmpty() || !m_audits.isEmpty() || !m_acks.isEmpty())
        flush();
}

void EventLogWorker::shutdown()
{
    flushNow();
    m_pollTimer.stop();
    m_ackTimer.stop();
    if (m_open)
        m_backend->close();
    m_open = false;
}

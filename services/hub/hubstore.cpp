// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/hub/hubstore.h"

#include "services/hub/eventlogworker.h"
#include "services/store/hubstorebackend.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QMetaObject>
#include <QThread>

namespace {
//! Connection names of the stores in this process, distinct from each other.
QString uniqueConnectionName()
{
    static QAtomicInt counter;
    return QStringLiteral("clinichub-log-%1").arg(counter.fetchAndAddRelaxed(1) + 1);
}
} // namespace

//! The worker thread and the EventLogWorker living in it.
class HubStore::Worker
{
public:
    QThread thread;
    EventLogWorker *log = nullptr; // lives in `thread`; deleted when it finishes
    bool opened = false;

    //! Runs `task` on the worker thread, after what was queued before.
    template<typename Task> void post(Task &&task)
    {
        QMetaObject::invokeMethod(log, std::forward<Task>(task), Qt::QueuedConnection);
    }
    //! The same, waiting for it.
    template<typename Task> void call(Task &&task)
    {
        Q_ASSERT(QThread::currentThread() != &thread);
        QMetaObject::invokeMethod(log, std::forward<Task>(task), Qt::BlockingQueuedConnection);
    }
};

HubStore::HubStore(QString databaseSpec, QByteArray keyHex, QObject *parent)
    : QObject(parent)
    , m_spec(std::move(databaseSpec))
    , m_worker(std::make_unique<Worker>())
    , m_postgres(isPostgresSpec(m_spec))
{
    qRegisterMetaType<HubEvent>();
    const QString name = uniqueConnectionName();
    // The sink runs on the worker thread; the report is applied here, in the order it was made.
    // Reports still queued when this object is destroyed are dropped with it.
    auto sink = [this](EventLogWorker::Report report) {
        QMetaObject::invokeMethod(
            this,
            [this, report = std::move(report)] {
                m_lastSeq = qMax(m_lastSeq, report.knownSeq);
                if (report.firstRetained >= 0)
                    m_firstRetained = report.firstRetained;
                if (!report.events.isEmpty())
                    Q_EMIT eventsAppended(report.events);
                for (qsizetype i = 0; i < report.callbacks.size(); ++i) {
                    if (report.callbacks.at(i))
                        report.callbacks.at(i)(report.results.value(i));
                }
                if (!report.storageError.isEmpty())
                    Q_EMIT storageFailed(report.storageError);
            },
            Qt::QueuedConnection);
    };
    m_worker->log = new EventLogWorker(makeHubStoreBackend(m_spec, name, keyHex), std::move(sink));
    m_worker->thread.setObjectName(name);
    m_worker->log->moveToThread(&m_worker->thread);
    QObject::connect(&m_worker->thread, &QThread::finished, m_worker->log, &QObject::deleteLater);
    m_worker->thread.start();
}

HubStore::~HubStore()
{
    EventLogWorker *log = m_worker->log;
    // Pending writes commit and the connections close on the thread that opened them.
    m_worker->call([log] { log->shutdown(); });
    m_worker->thread.quit();
    m_worker->thread.wait();
}

bool HubStore::open(QString *error)
{
    if (m_worker->opened) {
        if (error)
            *error = tr("The hub's event log is already open.");
        return false;
    }
    EventLogWorker *log = m_worker->log;
    HubStoreBackend::Position position;
    QString failure;
    bool ok = false;
    m_worker->call([&] { ok = log->open(&position, &failure); });
    if (!ok) {
        if (error)
            *error = failure;
        return false;
    }
    m_worker->opened = true;
    m_epoch = position.epoch;
    m_lastSeq = position.lastSeq;
    m_firstRetained = position.firstRetained;
    return true;
}

bool HubStore::isPostgres() const
{
    return m_postgres;
}

QString HubStore::epoch() const
{
    return m_epoch;
}

qint64 HubStore::lastSeq() const
{
    return m_lastSeq;
}

qint64 HubStore::firstRetainedSeq() const
{
    return m_firstRetained;
}

qint64 HubStore::commitCount() const
{
    return m_worker->log->commitCount();
}

void HubStore::append(const HubDelivery &delivery, std::function<void(const AppendResult &)> done)
{
    EventLogWorker *log = m_worker->log;
    m_worker->post([log, delivery, done = std::move(done)]() mutable {
        log->append(delivery, std::move(done));
    });
}

void HubStore::readAfter(qint64 afterSeq, int limit,
                         std::function<void(const QList<HubEvent> &, const QString &)> done)
{
    EventLogWorker *log = m_worker->log;
    HubStore *self = this; // outlives the worker: ~HubStore waits for it
    m_worker->post([log, self, afterSeq, limit, done = std::move(done)] {
        log->readAfter(
            afterSeq, limit, [self, done](const QList<HubEvent> &events, const QString &error) {
                QMetaObject::invokeMethod(
                    self, [done, events, error] { done(events, error); }, Qt::QueuedConnection);
            });
    });
}

void HubStore::recordAck(const QString &device, qint64 seq)
{
    EventLogWorker *log = m_worker->log;
    m_worker->post([log, device, seq] { log->ack(device, seq); });
}

void HubStore::recordAudit(const QString &what, const QString &peer, const QString &detail)
{
    EventLogWorker *log = m_worker->log;
    const HubAuditEntry entry{QDateTime::currentDateTimeUtc(), what, peer, detail};
    m_worker->post([log, entry] { log->audit(entry); });
}

void HubStore::prune(const QDateTime &before, std::function<void(int)> done)
{
    EventLogWorker *log = m_worker->log;
    HubStore *self = this; // outlives the worker: ~HubStore waits for it
    m_worker->post([log, self, before, done = std::move(done)] {
        log->prune(before, [self, done](int removed, qint64 firstRetained) {
            QMetaObject::invokeMethod(
                self,
                [self, done, removed, firstRetained] {
                    self->m_firstRetained = firstRetained;
                    if (done)
                        done(removed);
                },
                Qt::QueuedConnection);
        });
    });
}

void HubStore::readAcks(std::function<void(const QHash<QString, qint64> &, const QString &)> done)
{
    EventLogWorker *log = m_worker->log;
    HubStore *self = this; // outlives the worker: ~HubStore waits for it
    m_worker->post([log, self, done = std::move(done)] {
        log->readAcks([self, done](const QHash<QString, qint64> &acks, const QString &error) {
            QMetaObject::invokeMethod(
                self, [done, acks, error] { done(acks, error); }, Qt::QueuedConnection);
        });
    });
}

void HubStore::readAudit(int limit,
                         std::function<void(const QList<HubAuditEntry> &, const QString &)> done)
{
    EventLogWorker *log = m_worker->log;
    HubStore *self = this; // outlives the worker: ~HubStore waits for it
    m_worker->post([log, self, limit, done = std::move(done)] {
        log->readAudit(
            limit, [self, done](const QList<HubAuditEntry> &entries, const QString &error) {
                QMetaObject::invokeMethod(
                    self, [done, entries, error] { done(entries, error); }, Qt::QueuedConnection);
            });
    });
}

void HubStore::drain()
{
    EventLogWorker *log = m_worker->log;
    m_worker->call([log] { log->flushNow(); });
    // Deliver what committed (callbacks, eventsAppended) before returning, as promised.
    if (QThread::currentThread() == thread())
        QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
}

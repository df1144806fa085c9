// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/store/store.h"

#include <QMetaObject>

//! A thread with an event loop and one connection; tasks run in the order they were posted.
struct Store::Worker
{
    QThread thread;
    QObject *context = nullptr; // lives in `thread`: queued calls to it run there
    QString connection;
    QAtomicInt pending;
};

Store::Store(Options options)
    : m_options(std::move(options))
{
    auto makeWorker = [](const QString &connection) {
        auto *worker = new Worker;
        worker->connection = connection;
        worker->thread.setObjectName(connection);
        worker->context = new QObject;
        worker->context->moveToThread(&worker->thread);
        QObject::connect(&worker->thread, &QThread::finished, worker->context,
                         &QObject::deleteLater);
        worker->thread.start();
        return worker;
    };
    m_writer = makeWorker(m_options.name + QStringLiteral("-writer"));
    for (int i = 0; i < qMax(1, m_options.readers); ++i)
        m_readers.append(makeWorker(m_options.name + QStringLiteral("-reader-%1").arg(i + 1)));
}

Store::~Store()
{
    QList<Worker *> workers = m_readers;
    workers.prepend(m_writer);
    for (Worker *worker : std::as_const(workers)) {
        // Connections are closed in the thread that opened them, after the work queued before.
        // The thread stops itself from there: quit() from here could end its event loop before
        // the close ran, leaving the connection open (and its WAL unmerged) for good.
        QMetaObject::invokeMethod(
            worker->context,
            [worker] {
                Database::close(worker->connection);
                worker->thread.quit();
            },
            Qt::QueuedConnection);
    }
    for (Worker *worker : std::as_const(workers)) {
        worker->thread.wait();
        delete worker;
    }
}

QFuture<Database::OpenResult> Store::open(int upToVersion)
{
    const QString path = m_options.path;
    const QByteArray key = m_options.keyHex;
    QFuture<Database::OpenResult> opened =
        write([path, upToVersion, key](const QString &connection) {
            return Database::open(path, connection, upToVersion, key);
        });
    // Readers open after the writer has created and migrated the file. A reader that cannot
    // open leaves its connection closed, and every read on it fails with a clear error.
    for (Worker *reader : std::as_const(m_readers)) {
        post(reader, [path, opened, key](const QString &connection) mutable {
            opened.waitForFinished(); // the writer's future: no work to steal, only waiting
            if (opened.result().ok)
                Database::openReader(path, connection, key);
        });
    }
    return opened;
}

void Store::post(Worker *worker, std::function<void(const QString &)> task)
{
    worker->pending.ref();
    QMetaObject::invokeMethod(
        worker->context,
        [worker, task = std::move(task)] {
            task(worker->connection);
            worker->pending.deref();
        },
        Qt::QueuedConnection);
}

Store::Worker *Store::leastBusyReader() const
{
    Worker *best = m_readers.constFirst();
    for (Worker *reader : m_readers) {
        if (reader->pending.loadRelaxed() < best->pending.loadRelaxed())
            best = reader;
    }
    return best;
}

void Store::drain()
{
    QList<Worker *> workers = m_readers;
    workers.prepend(m_writer);
    for (Worker *worker : std::as_const(workers)) {
        Q_ASSERT(QThread::currentThread() != &worker->thread);
        QMetaObject::invokeMethod(
            worker->context, [] {}, Qt::BlockingQueuedConnection);
    }
}

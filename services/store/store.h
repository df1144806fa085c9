// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/store/database.h"

#include <QAtomicInt>
#include <QFuture>
#include <QList>
#include <QObject>
#include <QPromise>
#include <QString>
#include <QThread>

#include <functional>
#include <memory>
#include <type_traits>

class StoreWorker;

/*!
  The database behind the services, off the UI thread: one writer thread and a few reader
  threads, each with its own named connection to the same SQLite file (WAL lets readers run
  beside the writer; Qt 6.4 cannot move a connection between threads). Work is a callable that
  receives the thread's connection name and builds its repositories on it; it comes back as a
  QFuture, finished on the worker, never run by a thread that waits for it.

  The writer runs every write in order, so a multi-step write is a plain transaction. Readers
  run on connections opened query_only: they cannot write by mistake.
 */
class Store
{
public:
    struct Options
    {
        QString path;                                // ":memory:" is not shareable; use a file
        int readers = 2;                             // reader threads
        QString name = QStringLiteral("clinicdesk"); // prefix of the connection names
        QByteArray keyHex; // the database key (64 hex digits); empty: a plaintext file
    };

    explicit Store(Options options);
    ~Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    //! Creates (if needed), checks the version of and migrates the database on the writer, then
    //! opens the readers. Work queued meanwhile runs after it.
    QFuture<Database::OpenResult> open(int upToVersion = -1);
    const QString &path() const { return m_options.path; }

    //! Runs `work(connectionName)` on the writer thread.
    template<typename Work> auto write(Work &&work)
    {
        return run(m_writer, std::forward<Work>(work));
    }
    //! Runs `work(connectionName)` on the least busy reader thread.
    template<typename Work> auto read(Work &&work)
    {
        return run(leastBusyReader(), std::forward<Work>(work));
    }
    //! Blocks until everything queued so far has run (shutdown, tests). Not from a worker.
    void drain();

    //! Runs a callable on a worker with its connection name (used by write() and read()).
    struct Worker;

private:
    template<typename Work> auto run(Worker *worker, Work &&work)
    {
        using R = std::invoke_result_t<Work &, const QString &>;
        auto promise = std::make_shared<QPromise<R>>();
        QFuture<R> future = promise->future();
        auto task = std::make_shared<std::decay_t<Work>>(std::forward<Work>(work));
        post(worker, [promise, task](const QString &connection) {
            promise->start();
            if constexpr (std::is_void_v<R>) {
                (*task)(connection);
            } else {
                promise->addResult((*task)(connection));
            }
            promise->finish();
        });
        return future;
    }
    void post(Worker *worker, std::function<void(const QString &)> task);
    Worker *leastBusyReader() const;

    Options m_options;
    Worker *m_writer = nullptr;
    QList<Worker *> m_readers;
};

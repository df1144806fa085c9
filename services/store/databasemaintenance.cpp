// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/store/databasemaintenance.h"

#include "services/common/async.h"
#include "services/store/database.h"
#include "services/store/store.h"

#include <QCoreApplication>

#include <atomic>

//! Shared with the reader thread: it writes progress, we read it; we ask it to stop.
struct DatabaseCheckJob::Progress
{
    std::atomic_int done = 0;
    std::atomic_int total = 0;
    std::atomic_bool cancelled = false;
};

DatabaseCheckJob::DatabaseCheckJob(Store *store, QObject *parent)
    : Job(parent)
    , m_store(store)
    , m_progress(std::make_shared<Progress>())
{
    // Progress crosses threads through atomics read here, never through calls into the job.
    m_poll.setInterval(100);
    connect(&m_poll, &QTimer::timeout, this, &DatabaseCheckJob::reportProgress);
}

DatabaseCheckJob::~DatabaseCheckJob()
{
    m_progress->cancelled = true;
}

void DatabaseCheckJob::doStart()
{
    const std::shared_ptr<Progress> progress = m_progress;
    QFuture<Database::CheckResult> checked = m_store->read([progress](const QString &connection) {
        return Database::check(connection, [progress](int done, int total) {
            progress->done = done;
            progress->total = total;
            return !progress->cancelled.load();
        });
    });
    m_poll.start();
    Async::whenReady(checked, this, [this](const Database::CheckResult &result) {
        m_poll.stop();
        reportProgress();
        if (isFinished())
            return;
        m_problems = result.problems;
        if (!result.error.isEmpty()) {
            finish(Error::StorageError,
                   QCoreApplication::translate("Store", "The database could not be checked: %1")
                       .arg(result.error));
        } else if (!result.problems.isEmpty()) {
            finish(Error::InvalidResponse,
                   QCoreApplication::translate("Store",
                                               "The database is damaged. Restore it from the "
                                               "latest backup, or ask your administrator for "
                                               "help. SQLite reports: %1")
                       .arg(result.problems.join(QStringLiteral("; "))));
        } else {
            finish();
        }
    });
}

void DatabaseCheckJob::doCancel()
{
    m_progress->cancelled = true;
    m_poll.stop();
}

void DatabaseCheckJob::reportProgress()
{
    const int done = m_progress->done;
    if (done == m_lastDone)
        return;
    m_lastDone = done;
    Q_EMIT progressChanged(done, m_progress->total);
}

DatabaseMaintenance::DatabaseMaintenance(Store *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
}

DatabaseCheckJob *DatabaseMaintenance::check()
{
    return new DatabaseCheckJob(m_store, this);
}

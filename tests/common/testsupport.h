// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFuture>
#include <QFutureWatcher>
#include <QString>
#include <QTimer>

namespace TestSupport {
//! Reads tests/data/<relativePath>; fails the calling test (empty result) when missing.
QByteArray readTestData(const QString &relativePath);
QString testDataPath(const QString &relativePath);

//! Waits for a future while the event loop runs (continuations, jobs and timers go on), as a
//! test's main thread must: it never runs the future's work itself. Returns the result; a
//! future still running after `timeoutMs` returns a default T.
template<typename T> T await(const QFuture<T> &future, int timeoutMs = 20000)
{
    if (!future.isFinished()) {
        QFutureWatcher<T> watcher;
        QEventLoop loop;
        QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        watcher.setFuture(future);
        if (!future.isFinished())
            loop.exec();
    }
    if constexpr (!std::is_void_v<T>) {
        if (!future.isFinished() || future.resultCount() == 0)
            return T{};
        return future.result();
    }
}
} // namespace TestSupport

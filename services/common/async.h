// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QEventLoop>
#include <QFuture>
#include <QFutureWatcher>
#include <QObject>
#include <QThread>

#include <utility>

//! Continuations for QFutures that are safe with Qt 6.4: the handler runs in the thread of a
//! context object, and never once that object is gone (a QFutureWatcher owned by it carries
//! the result). Futures from Store are never "stolen" by a waiting thread, so this is also the
//! way the UI learns that a read or write is done without blocking.
namespace Async {
template<typename T, typename Handler>
void whenReady(const QFuture<T> &future, QObject *context, Handler &&handler)
{
    Q_ASSERT(context && context->thread() == QThread::currentThread());
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                     [watcher, handler = std::forward<Handler>(handler)]() mutable {
                         watcher->deleteLater();
                         QFuture<T> done = watcher->future();
                         if constexpr (std::is_void_v<T>) {
                             handler();
                         } else {
                             if (done.resultCount() > 0)
                                 handler(done.result());
                         }
                     });
    watcher->setFuture(future);
}

//! Waits for a future with the event loop running (jobs, sockets and continuations go on): for
//! headless commands and benchmark programs, which have no window to keep responsive.
template<typename T> T await(const QFuture<T> &future)
{
    QFutureWatcher<T> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(future);
    if (!future.isFinished())
        loop.exec();
    return future.result();
}
} // namespace Async

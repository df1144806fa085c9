// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What every benchmark program needs: waiting for a service's future on the main thread (its
// event loop keeps running, as in the app) and percentiles of timings.

#include <QEventLoop>
#include <QFuture>
#include <QFutureWatcher>
#include <QList>

#include <algorithm>
#include <cmath>

namespace BenchSupport {

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

//! The value at fraction `p` (0.5 the median, 0.95 the p95) by nearest rank; 0 when empty.
inline double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype rank = qMax<qsizetype>(1, qsizetype(std::ceil(p * values.size())));
    return values.at(rank - 1);
}

} // namespace BenchSupport

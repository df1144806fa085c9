// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Pieces shared by clinichub_bench's measurements: a clinichub process, desks without windows,
// the clock, waiting without blocking the event loop, and percentiles.
#pragma once

#include "services/live/livefeed.h"
#include "services/store/store.h"

#include <QByteArray>
#include <QList>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QTextStream>
#include <QUrl>

#include <functional>
#include <memory>

class LiveEventModel;

namespace HubBench {

QTextStream &out();

//! Monotonic nanoseconds, the same clock in every thread.
qint64 nowNs();
inline double ms(qint64 ns)
{
    return double(ns) / 1e6;
}

//! Runs the event loop until `done()` is true (checked after events and every 2 ms) or
//! `timeoutMs` passes; false on timeout. Timers, sockets and futures keep running meanwhile.
bool waitFor(const std::function<bool()> &done, int timeoutMs);
void sleepMs(int ms); // the same, for a fixed time

template<typename T> T await(const QFuture<T> &future)
{
    waitFor([&] { return future.isFinished(); }, 60000);
    return future.result();
}

//! The p-th quantile (0..1) by nearest rank; 0 for no values.
double percentile(QList<double> values, double p);
double median(QList<double> values);

//! An environment size: a positive integer from `name`, else `fallback`.
int sizeFromEnvironment(const char *name, int fallback);

//! A loopback port nobody listens on now (the hub must come back on the same one).
quint16 freePort();

//! The payor's webhook key the benchmark signs with (also written into the hub's config).
QByteArray payorKey();
//! A signed payor delivery: id `id`, body a claim_status_update carrying `n` (for matching).
struct SignedWebhook
{
    QByteArray id;
    QByteArray timestamp;
    QByteArray signature;
    QByteArray body;
};
SignedWebhook signedWebhook(const QByteArray &id, qint64 n);
//! The `n` a benchmark webhook carried (-1 for anything else).
qint64 benchNumber(const QJsonObject &payload);

//! Writes a hub configuration: loopback `port`, `database` (a path or postgresql://…), the
//! benchmark's payor key, and tokens desk-1..desk-`desks` (token "T<i>").
QString writeHubConfig(const QString &path, quint16 port, const QString &database, int desks);

//! A clinichub process started from a config file.
class HubProcess
{
public:
    HubProcess(QString binary, QString config);
    ~HubProcess();
    //! Starts it and waits (running the event loop) for "clinichub listening on …".
    bool start(QString *error);
    //! SIGKILL, and waits for it to be gone.
    void kill();
    //! SIGTERM, and waits for it to finish its commits.
    void stop();
    qint64 pid() const { return m_process.processId(); }
    //! User + system CPU time the process has used (from /proc).
    double cpuSeconds() const;

private:
    QString m_binary;
    QString m_config;
    QProcess m_process;
};

//! CPU seconds (user + system) this process has used.
double ownCpuSeconds();
//! The same for process `pid` and its children (a PostgreSQL server and its backends).
double processTreeCpuSeconds(qint64 pid);

//! One desk without windows: its own Store on a SQLite file, a LiveFeed and, when asked, the
//! event log's model.
struct Desk
{
    Desk(const QString &path, const QUrl &feed, int number, bool withModel,
         const LiveFeed::Options &base = {});
    ~Desk();
    bool ok = false;
    Store store;
    std::unique_ptr<LiveFeed> feed;
    std::unique_ptr<LiveEventModel> model;
};

QUrl hubUrl(quint16 port, const QString &path);

//! Percentile line: "p50 X ms, p99 Y ms, max Z ms (N samples)".
QString describeLatencies(const QList<double> &millis);

} // namespace HubBench

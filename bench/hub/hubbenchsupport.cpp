// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "hubbenchsupport.h"

#include "models/liveeventmodel.h"
#include "services/common/webhooksignature.h"

#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonObject>
#include <QTcpServer>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <csignal>
#include <sys/resource.h>
#include <unistd.h>

namespace HubBench {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer poll;
    bool timedOut = false;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, [&] {
        timedOut = true;
        loop.quit();
    });
    poll.start(2);
    deadline.start(timeoutMs);
    loop.exec();
    return !timedOut || done();
}

void sleepMs(int ms)
{
    waitFor([] { return false; }, ms);
}

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype rank = std::max<qsizetype>(1, qsizetype(std::ceil(p * double(values.size()))));
    return values.at(std::min(rank, values.size()) - 1);
}

double median(QList<double> values)
{
    return percentile(std::move(values), 0.5);
}

int sizeFromEnvironment(const char *name, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok && value > 0 ? value : fallback;
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

QByteArray payorKey()
{
    return QByteArrayLiteral("bench-payor-key-0123456789abcdef");
}

SignedWebhook signedWebhook(const QByteArray &id, qint64 n)
{
    SignedWebhook webhook;
    webhook.id = id;
    const qint64 timestamp = QDateTime::currentSecsSinceEpoch();
    webhook.timestamp = QByteArray::number(timestamp);
    // About the size of a real claim update.
    webhook.body = R"({"type":"claim_status_update","n":)" + QByteArray::number(n)
                   + R"(,"data":{"claim_id":"CLM-)" + QByteArray::number(100000 + n)
                   + R"(","previous_status":"submitted","new_status":"paid","message":"Processed as primary",)"
                     R"("amount":"125.00","payment_details":{"paid_amount":"100.00","check_number":"EFT)"
                   + QByteArray::number(n) + R"("}}})";
    webhook.signature = StandardWebhooks::sign(payorKey(), webhook.id, timestamp, webhook.body);
    return webhook;
}

qint64 benchNumber(const QJsonObject &payload)
{
    const QJsonValue n = payload.value(QStringLiteral("n"));
    return n.isDouble() ? qint64(n.toDouble()) : -1;
}

QString writeHubConfig(const QString &path, quint16 port, const QString &database, int desks)
{
    QFile ini(path);
    if (!ini.open(QIODevice::WriteOnly))
        return {};
    QStringList tokens;
    for (int i = 1; i <= desks; ++i)
        tokens << QStringLiteral("desk-%1:T%1").arg(i);
    // Quoted: a PostgreSQL spec holds '?' and '&'.
    ini.write(QStringLiteral("[server]\nlisten=127.0.0.1:%1\ndatabase=\"%2\"\n"
                             "[payor]\nsecrets=whsec_%3\n[devices]\ntokens=\"%4\"\n")
                  .arg(port)
                  .arg(database, QString::fromLatin1(payorKey().toBase64()),
                       tokens.join(QLatin1Char(',')))
                  .toUtf8());
    return path;
}

HubProcess::HubProcess(QString binary, QString config)
    : m_binary(std::move(binary))
    , m_config(std::move(config))
{
}

HubProcess::~HubProcess()
{
    stop();
}

bool HubProcess::start(QString *error)
{
    m_process.setProgram(m_binary);
    m_process.setArguments({QStringLiteral("--config"), m_config});
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.start();
    // The event loop runs meanwhile: desks' reconnect timers must not be held up by the wait.
    const bool listening = waitFor(
        [&] { return m_process.canReadLine() || m_process.state() == QProcess::NotRunning; },
        30000);
    if (!listening || !m_process.canReadLine()) {
        *error = QStringLiteral("clinichub did not start: %1").arg(m_process.errorString());
        return false;
    }
    const QByteArray line = m_process.readLine();
    if (!line.startsWith("clinichub listening on")) {
        *error = QStringLiteral("clinichub said: %1").arg(QString::fromUtf8(line).trimmed());
        return false;
    }
    return true;
}

void HubProcess::kill()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    ::kill(pid_t(m_process.processId()), SIGKILL);
    waitFor([&] { return m_process.state() == QProcess::NotRunning; }, 10000);
}

void HubProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!waitFor([&] { return m_process.state() == QProcess::NotRunning; }, 10000))
        kill();
}

namespace {
//! The fields of /proc/PID/stat after the command name (which may hold spaces): [0] is the
//! state, [1] the parent, [11] utime, [12] stime, [13] cutime, [14] cstime (clock ticks).
QList<QByteArray> statFields(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray stat = file.readAll();
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0)
        return {};
    const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
    return fields.size() >= 15 ? fields : QList<QByteArray>{};
}

double ticksToSeconds(double ticks)
{
    return ticks / double(::sysconf(_SC_CLK_TCK));
}
} // namespace

double HubProcess::cpuSeconds() const
{
    const QList<QByteArray> fields = statFields(m_process.processId());
    return fields.isEmpty() ? 0 : ticksToSeconds(fields.at(11).toDouble() + fields.at(12).toDouble());
}

double processTreeCpuSeconds(qint64 pid)
{
    const QList<QByteArray> own = statFields(pid);
    if (own.isEmpty())
        return 0;
    // Its own time, its ended children's, and that of the children still running.
    double ticks = own.at(11).toDouble() + own.at(12).toDouble() + own.at(13).toDouble()
                   + own.at(14).toDouble();
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &entry : entries) {
        bool isPid = false;
        const qint64 child = entry.toLongLong(&isPid);
        if (!isPid || child == pid)
            continue;
        const QList<QByteArray> fields = statFields(child);
        if (!fields.isEmpty() && fields.at(1).toLongLong() == pid)
            ticks += fields.at(11).toDouble() + fields.at(12).toDouble();
    }
    return ticksToSeconds(ticks);
}

double ownCpuSeconds()
{
    struct rusage usage = {};
    ::getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
           + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

Desk::Desk(const QString &path, const QUrl &feedUrl, int number, bool withModel,
           const LiveFeed::Options &base)
    : store(Store::Options{path, 1, QStringLiteral("desk-%1").arg(number)})
{
    ok = await(store.open()).ok;
    LiveFeed::Options options = base;
    options.url = feedUrl;
    options.device = QStringLiteral("desk-%1").arg(number);
    options.token = "T" + QByteArray::number(number);
    feed = std::make_unique<LiveFeed>(&store, options);
    if (withModel)
        model = std::make_unique<LiveEventModel>(feed.get());
    feed->start();
}

Desk::~Desk()
{
    model.reset();
    feed.reset();
    store.drain();
}

QUrl hubUrl(quint16 port, const QString &path)
{
    return QUrl(QStringLiteral("%1://127.0.0.1:%2%3")
                    .arg(path == QLatin1String("/feed") ? QStringLiteral("ws") : QStringLiteral("http"))
                    .arg(port)
                    .arg(path));
}

QString describeLatencies(const QList<double> &millis)
{
    return QStringLiteral("p50 %1 ms, p99 %2 ms, max %3 ms (%4 samples)")
        .arg(percentile(millis, 0.5), 0, 'f', 1)
        .arg(percentile(millis, 0.99), 0, 'f', 1)
        .arg(millis.isEmpty() ? 0.0 : *std::max_element(millis.begin(), millis.end()), 0, 'f', 1)
        .arg(millis.size());
}

} // namespace HubBench

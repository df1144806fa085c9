// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The hub's sustained rate: a sender thread keeps many signed payor webhooks in flight for a
// while and counts the 200s per second, while three desks follow the feed; then how long the
// desks take to hold every event. SQLite, or a throw-away PostgreSQL cluster.
#include "hubbenches.h"
#include "hubbenchsupport.h"
#include "webhookclient.h"

#include "common/postgrescluster.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrlQuery>

namespace HubBench {

namespace {
//! The hub's last seq from GET /health (-1 when it does not answer).
qint64 hubLastSeq(quint16 port)
{
    QNetworkAccessManager network;
    QNetworkReply *reply = network.get(QNetworkRequest(hubUrl(port, QStringLiteral("/health"))));
    waitFor([reply] { return reply->isFinished(); }, 10000);
    const QJsonObject health = QJsonDocument::fromJson(reply->readAll()).object();
    delete reply;
    return health.contains(QStringLiteral("lastSeq"))
               ? qint64(health.value(QStringLiteral("lastSeq")).toDouble())
               : -1;
}

//! The PostgreSQL server's process (its postmaster.pid) for a spec with host=SOCKET_DIR.
qint64 postgresPid(const QString &spec)
{
    const QString dir = QUrlQuery(QUrl(spec)).queryItemValue(QStringLiteral("host"));
    QFile pidFile(dir + QStringLiteral("/data/postmaster.pid"));
    if (dir.isEmpty() || !pidFile.open(QIODevice::ReadOnly))
        return 0;
    return pidFile.readLine().trimmed().toLongLong();
}
} // namespace

int runThroughput(const QString &hubBinary, bool postgres)
{
    const int seconds = sizeFromEnvironment("HUB_BENCH_BLAST_SECONDS", 10);
    const int inFlight = sizeFromEnvironment("HUB_BENCH_IN_FLIGHT", 64);
    constexpr int deskCount = 3;
    const QString backend = postgres ? QStringLiteral("PostgreSQL") : QStringLiteral("SQLite");

    PostgresCluster cluster;
    QTemporaryDir dir;
    QString database = dir.filePath(QStringLiteral("hub.sqlite"));
    QString error;
    if (postgres) {
        if (!cluster.start(&error)) {
            out() << "throughput on PostgreSQL: " << error << Qt::endl;
            return 1;
        }
        database = cluster.spec();
    }
    const quint16 port = freePort();
    const QString config =
        writeHubConfig(dir.filePath(QStringLiteral("hub.ini")), port, database, deskCount);
    HubProcess hub(hubBinary, config);
    if (!hub.start(&error)) {
        out() << "throughput on " << backend << ": " << error << Qt::endl;
        return 1;
    }

    std::vector<std::unique_ptr<Desk>> desks;
    std::vector<qint64> received(deskCount, 0);
    bool blasting = false;
    for (int i = 0; i < deskCount; ++i) {
        desks.push_back(std::make_unique<Desk>(dir.filePath(QStringLiteral("desk%1.sqlite").arg(i + 1)),
                                               hubUrl(port, QStringLiteral("/feed")), i + 1, true));
        if (!desks.back()->ok) {
            out() << "throughput: cannot open a desk database" << Qt::endl;
            return 1;
        }
        QObject::connect(desks.back()->feed.get(), &LiveFeed::eventRecorded,
                         desks.back()->feed.get(), [&, i] {
                             if (blasting)
                                 ++received[size_t(i)];
                         });
    }
    for (auto &desk : desks) {
        if (!waitFor([&] { return !desk->feed->cursor().epoch.isEmpty(); }, 20000)) {
            out() << "throughput: a desk did not connect: " << desk->feed->lastError() << Qt::endl;
            return 1;
        }
    }

    WebhookClientThread sender(hubUrl(port, QStringLiteral("/webhooks/payor")),
                               postgres ? "pg-" : "sq-", 1);
    bool done = false;
    QObject::connect(sender.client(), &WebhookClient::finished, desks.front()->feed.get(),
                     [&] { done = true; });
    const qint64 postgresServer = postgres ? postgresPid(database) : 0;
    const double hubCpu = hub.cpuSeconds();
    const double ownCpu = ownCpuSeconds();
    const double postgresCpu = postgresServer ? processTreeCpuSeconds(postgresServer) : 0;
    blasting = true;
    const qint64 begin = nowNs();
    QMetaObject::invokeMethod(sender.client(),
                              [&] { sender.client()->blast(inFlight, seconds); });
    waitFor([&] { return done; }, (seconds + 120) * 1000);
    blasting = false;
    const qint64 end = nowNs();
    const double hubCpuUsed = hub.cpuSeconds() - hubCpu;
    const double ownCpuUsed = ownCpuSeconds() - ownCpu;
    const double postgresCpuUsed =
        postgresServer ? processTreeCpuSeconds(postgresServer) - postgresCpu : 0;
    const WebhookClient::BlastResult &result = sender.client()->blastResult();

    const qint64 lastSeq = hubLastSeq(port);
    std::vector<qint64> behind;
    for (auto &desk : desks)
        behind.push_back(lastSeq - desk->feed->cursor().lastAppliedSeq);
    const bool caughtUp = waitFor([&] {
        return std::all_of(desks.begin(), desks.end(), [&](const std::unique_ptr<Desk> &desk) {
            return desk->feed->cursor().lastAppliedSeq >= lastSeq;
        });
    }, 300000);
    const qint64 caughtUpAt = nowNs();

    QList<double> perSecond;
    for (int s = 0; s < std::min<int>(seconds, int(result.okPerSecond.size())); ++s)
        perSecond.append(result.okPerSecond.at(s));
    QStringList counts;
    for (double c : perSecond)
        counts << QString::number(int(c));
    out() << "hub throughput on " << backend << ": " << inFlight << " webhooks in flight (one per keep-alive "
             "connection) for " << seconds << " s, " << deskCount
          << " desks following" << Qt::endl;
    out() << "  sustained " << int(median(perSecond)) << " events/s (median of the seconds: "
          << counts.join(QLatin1Char(' ')) << "); target >= 2000 events/s" << Qt::endl;
    out() << "  " << result.ok << " stored in " << QString::number(result.seconds, 'f', 1)
          << " s (" << int(double(result.ok) / std::max(0.001, result.seconds))
          << "/s overall); non-2xx " << result.refused << ", no answer " << result.failed
          << "; acknowledgement " << describeLatencies(result.answerMs) << Qt::endl;
    QStringList got;
    for (int i = 0; i < deskCount; ++i)
        got << QStringLiteral("desk-%1 %2 (%3 behind at the end)")
                   .arg(i + 1)
                   .arg(received[size_t(i)])
                   .arg(behind[size_t(i)]);
    out() << "  desks applied during the blast: " << got.join(QStringLiteral(", ")) << Qt::endl;
    out() << "  all " << deskCount << " desks held all " << lastSeq << " events "
          << (caughtUp ? QStringLiteral("%1 s after the blast")
                             .arg(double(caughtUpAt - end) / 1e9, 0, 'f', 1)
                       : QStringLiteral("NOT within 300 s"))
          << Qt::endl;
    // The machine is shared (two cores here, with the sender and the desks on them too): what
    // the hub spends per event says what it could do with a core to itself.
    const double serverCpu = hubCpuUsed + postgresCpuUsed;
    out() << "  CPU during the blast (" << QString::number(double(end - begin) / 1e9, 'f', 1)
          << " s): clinichub " << QString::number(hubCpuUsed, 'f', 1) << " s"
          << (postgres ? QStringLiteral(", PostgreSQL server %1 s").arg(postgresCpuUsed, 0, 'f', 1)
                       : QString())
          << ", sender and desks " << QString::number(ownCpuUsed, 'f', 1) << " s; "
          << QString::number(result.ok > 0 ? 1e6 * serverCpu / double(result.ok) : 0.0, 'f', 0)
          << " us of " << (postgres ? "hub and server" : "hub") << " CPU per event (about "
          << int(serverCpu > 0 ? double(result.ok) / serverCpu : 0.0)
          << " events per CPU-second)" << Qt::endl;
    desks.clear();
    hub.stop();
    return 0;
}

} // namespace HubBench

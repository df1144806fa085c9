// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Webhook-to-desk latency: a clinichub process on SQLite, three desks (a Store, a LiveFeed and
// the event log's model each) in this process, signed payor webhooks at a steady rate from a
// sender thread. An event's latency at a desk runs from just before its POST was sent to the
// moment that desk's model inserted its row.
#include "hubbenches.h"
#include "hubbenchsupport.h"
#include "webhookclient.h"

#include "models/liveeventmodel.h"

#include <QSet>

namespace HubBench {

int runLatency(const QString &hubBinary)
{
    const int seconds = sizeFromEnvironment("HUB_BENCH_SECONDS", 30);
    const int rate = sizeFromEnvironment("HUB_BENCH_RATE", 200);
    const int total = seconds * rate;
    constexpr int deskCount = 3;

    QTemporaryDir dir;
    const quint16 port = freePort();
    const QString config = writeHubConfig(dir.filePath(QStringLiteral("hub.ini")), port,
                                          dir.filePath(QStringLiteral("hub.sqlite")), deskCount);
    HubProcess hub(hubBinary, config);
    QString error;
    if (!hub.start(&error)) {
        out() << "latency: " << error << Qt::endl;
        return 1;
    }

    PostLog log(total);
    std::vector<std::unique_ptr<Desk>> desks;
    std::vector<QList<double>> latencies(deskCount);
    std::vector<QSet<qint64>> seen(deskCount);
    qint64 duplicates = 0;
    for (int i = 0; i < deskCount; ++i) {
        desks.push_back(std::make_unique<Desk>(dir.filePath(QStringLiteral("desk%1.sqlite").arg(i + 1)),
                                               hubUrl(port, QStringLiteral("/feed")), i + 1, true));
        if (!desks.back()->ok) {
            out() << "latency: cannot open a desk database" << Qt::endl;
            return 1;
        }
        LiveEventModel *model = desks.back()->model.get();
        QObject::connect(model, &QAbstractItemModel::rowsInserted, model,
                         [&, i, model](const QModelIndex &, int first, int last) {
                             const qint64 now = nowNs();
                             for (int row = first; row <= last; ++row) {
                                 const qint64 n = benchNumber(model->recordAt(row).event.payload);
                                 if (n < 0 || n >= total)
                                     continue;
                                 const qint64 sent = log.sentNs[size_t(n)].load(std::memory_order_acquire);
                                 if (seen[size_t(i)].contains(n)) {
                                     ++duplicates;
                                     continue;
                                 }
                                 seen[size_t(i)].insert(n);
                                 latencies[size_t(i)].append(ms(now - sent));
                             }
                         });
    }
    // A new desk takes the hub's position at its first handshake: stream after that.
    for (auto &desk : desks) {
        if (!waitFor([&] { return !desk->feed->cursor().epoch.isEmpty(); }, 20000)) {
            out() << "latency: a desk did not connect: " << desk->feed->lastError() << Qt::endl;
            return 1;
        }
    }

    out() << "webhook to desk: " << total << " signed payor webhooks at " << rate << "/s for "
          << seconds << " s, " << deskCount << " desks (clinichub on SQLite)" << Qt::endl;
    WebhookClientThread sender(hubUrl(port, QStringLiteral("/webhooks/payor")), "lat-", 4);
    bool sent = false;
    QObject::connect(sender.client(), &WebhookClient::finished, desks.front()->feed.get(),
                     [&] { sent = true; });
    const double hubCpu = hub.cpuSeconds();
    const double ownCpu = ownCpuSeconds();
    const qint64 begin = nowNs();
    QMetaObject::invokeMethod(sender.client(), [&] { sender.client()->paced(&log, rate, total); });
    waitFor([&] { return sent; }, (seconds + 120) * 1000);
    const qint64 answered = nowNs();
    waitFor([&] {
        return std::all_of(seen.begin(), seen.end(),
                           [&](const QSet<qint64> &s) { return s.size() >= total; });
    }, 60000);
    const double wall = double(nowNs() - begin) / 1e9;

    QList<double> all;
    for (const QList<double> &desk : latencies)
        all += desk;
    QList<double> acks;
    qint64 non2xx = 0;
    qint64 noAnswer = 0;
    for (int n = 0; n < total; ++n) {
        const int status = log.status[size_t(n)].load();
        const qint64 sentAt = log.sentNs[size_t(n)].load();
        const qint64 answeredAt = log.answeredNs[size_t(n)].load();
        if (sentAt == 0 || answeredAt == 0 || status == -1)
            ++noAnswer;
        else if (status / 100 != 2)
            ++non2xx;
        if (sentAt && answeredAt)
            acks.append(ms(answeredAt - sentAt));
    }
    qint64 missing = 0;
    for (const QSet<qint64> &s : seen)
        missing += total - s.size();

    out() << "  webhook to desk model (every event at every desk): " << describeLatencies(all)
          << "; target p99 < 50 ms" << Qt::endl;
    for (int i = 0; i < deskCount; ++i)
        out() << "    desk-" << i + 1 << ": " << describeLatencies(latencies[size_t(i)]) << Qt::endl;
    out() << "  acknowledgement (POST sent to 200 received): " << describeLatencies(acks)
          << "; target p99 <= 250 ms" << Qt::endl;
    out() << "  non-2xx replies: " << non2xx << " (target 0); no answer: " << noAnswer
          << "; events missing at a desk: " << missing << "; shown twice: " << duplicates
          << Qt::endl;
    out() << "  sending took " << QString::number(double(answered - begin) / 1e9, 'f', 1)
          << " s; CPU over " << QString::number(wall, 'f', 1) << " s: clinichub "
          << QString::number(hub.cpuSeconds() - hubCpu, 'f', 1) << " s, desks and sender "
          << QString::number(ownCpuSeconds() - ownCpu, 'f', 1) << " s" << Qt::endl;
    desks.clear();
    hub.stop();
    return 0;
}

} // namespace HubBench

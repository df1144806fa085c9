// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Reconnect storm: many desks (a LiveFeed on a small Store each, production backoff) follow a
// clinichub process; it is SIGKILLed and started again at once. Every connection attempt after
// the kill is timed, to see how the full-jitter backoff spreads them, and the storm ends when
// every desk is connected again and has applied an event stored after the restart, resumed from
// its cursor (no reset).
#include "hubbenches.h"
#include "hubbenchsupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace HubBench {

namespace {
//! Posts webhook `n` until the hub stores it; its seq, or -1.
qint64 postUntilStored(QNetworkAccessManager &network, quint16 port, qint64 n)
{
    for (int attempt = 0; attempt < 200; ++attempt) {
        const SignedWebhook webhook = signedWebhook("storm-" + QByteArray::number(n), n);
        QNetworkRequest request(hubUrl(port, QStringLiteral("/webhooks/payor")));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setRawHeader("webhook-id", webhook.id);
        request.setRawHeader("webhook-timestamp", webhook.timestamp);
        request.setRawHeader("webhook-signature", webhook.signature);
        request.setTransferTimeout(5000);
        QNetworkReply *reply = network.post(request, webhook.body);
        waitFor([reply] { return reply->isFinished(); }, 10000);
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
        delete reply;
        if (status == 200)
            return qint64(answer.value(QStringLiteral("seq")).toDouble());
        sleepMs(50);
    }
    return -1;
}

//! The most of `times` (sorted) that fall within any window of `windowNs`, and where it starts.
std::pair<int, qint64> busiestWindow(const QList<qint64> &times, qint64 windowNs)
{
    int best = 0;
    qint64 at = 0;
    qsizetype last = 0;
    for (qsizetype first = 0; first < times.size(); ++first) {
        while (last < times.size() && times.at(last) < times.at(first) + windowNs)
            ++last;
        if (last - first > best) {
            best = int(last - first);
            at = times.at(first);
        }
    }
    return {best, at};
}
} // namespace

int runReconnectStorm(const QString &hubBinary)
{
    const int clients = sizeFromEnvironment("HUB_BENCH_CLIENTS", 50);
    const int before = 20; // events every desk applies before the kill

    QTemporaryDir dir;
    const quint16 port = freePort();
    const QString config = writeHubConfig(dir.filePath(QStringLiteral("hub.ini")), port,
                                          dir.filePath(QStringLiteral("hub.sqlite")), clients);
    HubProcess hub(hubBinary, config);
    QString error;
    if (!hub.start(&error)) {
        out() << "reconnect storm: " << error << Qt::endl;
        return 1;
    }

    // Production backoff (the defaults): 0.5 s base, 20 s cap, first try at once.
    std::vector<std::unique_ptr<Desk>> desks;
    bool recording = false;
    QList<qint64> attempts;
    QList<qint64> firstAttempts; // each desk's first after the kill
    std::vector<int> attemptsPerDesk(size_t(clients), 0);
    std::vector<qint64> connectedAt(size_t(clients), 0);
    int resets = 0;
    for (int i = 0; i < clients; ++i) {
        desks.push_back(std::make_unique<Desk>(dir.filePath(QStringLiteral("d%1.sqlite").arg(i + 1)),
                                               hubUrl(port, QStringLiteral("/feed")), i + 1, false));
        if (!desks.back()->ok) {
            out() << "reconnect storm: cannot open a desk database" << Qt::endl;
            return 1;
        }
        LiveFeed *feed = desks.back()->feed.get();
        QObject::connect(feed, &LiveFeed::stateChanged, feed, [&, i](LiveFeed::State state) {
            if (!recording)
                return;
            if (state == LiveFeed::State::Connecting) {
                attempts.append(nowNs());
                if (++attemptsPerDesk[size_t(i)] == 1)
                    firstAttempts.append(attempts.constLast());
            } else if (state == LiveFeed::State::Connected) {
                connectedAt[size_t(i)] = nowNs();
            }
        });
        QObject::connect(feed, &LiveFeed::resetReceived, feed, [&] {
            if (recording)
                ++resets;
        });
    }
    auto allApplied = [&](qint64 seq) {
        return std::all_of(desks.begin(), desks.end(), [seq](const std::unique_ptr<Desk> &desk) {
            return desk->feed->state() == LiveFeed::State::Connected
                   && desk->feed->cursor().lastAppliedSeq >= seq;
        });
    };
    if (!waitFor([&] { return allApplied(0) && std::all_of(desks.begin(), desks.end(), [](const auto &d) {
                                   return !d->feed->cursor().epoch.isEmpty();
                               }); }, 60000)) {
        out() << "reconnect storm: not every desk connected" << Qt::endl;
        return 1;
    }
    QNetworkAccessManager network;
    qint64 seq = 0;
    for (int n = 0; n < before; ++n)
        seq = postUntilStored(network, port, n);
    if (seq < 0 || !waitFor([&] { return allApplied(seq); }, 60000)) {
        out() << "reconnect storm: the desks did not apply the first events" << Qt::endl;
        return 1;
    }
    // Let the hub's sessions go quiet (acks sent) before the kill.
    sleepMs(1500);

    recording = true;
    const qint64 killedAt = nowNs();
    hub.kill();
    if (!hub.start(&error)) {
        out() << "reconnect storm: the hub did not come back: " << error << Qt::endl;
        return 1;
    }
    const qint64 upAt = nowNs();
    const qint64 after = postUntilStored(network, port, before);
    const bool resumed = after > 0 && waitFor([&] { return allApplied(after); }, 120000);
    const qint64 resumedAt = nowNs();
    recording = false;

    std::sort(attempts.begin(), attempts.end());
    const auto [busiest, busiestAt] = busiestWindow(attempts, 100 * 1000000LL);
    // Each desk's first attempt alone: how the backoff spreads desks that lost the hub together.
    std::sort(firstAttempts.begin(), firstAttempts.end());
    const auto [busiestFirst, busiestFirstAt] = busiestWindow(firstAttempts, 100 * 1000000LL);
    const qint64 allConnectedAt = *std::max_element(connectedAt.begin(), connectedAt.end());
    const int mostAttempts = *std::max_element(attemptsPerDesk.begin(), attemptsPerDesk.end());

    out() << "reconnect storm: " << clients << " desks, clinichub SIGKILLed and restarted at once"
          << " (back within " << QString::number(ms(upAt - killedAt), 'f', 0) << " ms)" << Qt::endl;
    out() << "  " << attempts.size() << " connection attempts (at most " << mostAttempts
          << " by one desk); the busiest 100 ms held " << busiest << " ("
          << QString::number(attempts.isEmpty() ? 0.0 : 100.0 * busiest / double(attempts.size()), 'f', 0)
          << " %, starting " << QString::number(ms(busiestAt - killedAt), 'f', 0)
          << " ms after the kill); target <= 20 %" << Qt::endl;
    if (!firstAttempts.isEmpty()) {
        out() << "    first attempts: " << firstAttempts.size() << " over "
              << QString::number(ms(firstAttempts.constLast() - firstAttempts.constFirst()), 'f', 0)
              << " ms, the busiest 100 ms held " << busiestFirst << " (starting "
              << QString::number(ms(busiestFirstAt - killedAt), 'f', 0) << " ms after the kill)"
              << Qt::endl;
    }
    // How the attempts fell over time, in 100 ms steps up to the last one.
    if (!attempts.isEmpty()) {
        QStringList histogram;
        const qint64 span = attempts.constLast() - killedAt;
        const int buckets = int(span / 100000000) + 1;
        QList<int> counts(std::min(buckets, 600), 0);
        for (qint64 at : attempts) {
            const qsizetype b = qsizetype((at - killedAt) / 100000000);
            if (b < counts.size())
                ++counts[b];
        }
        for (int c : counts)
            histogram << QString::number(c);
        out() << "    attempts per 100 ms after the kill: " << histogram.join(QLatin1Char(' '))
              << Qt::endl;
    }
    out() << "  all " << clients << " connected again "
          << QString::number(double(allConnectedAt - killedAt) / 1e9, 'f', 2)
          << " s after the kill; all resumed from their cursors (applied the first event stored "
             "after the restart, "
          << resets << " resets) "
          << (resumed ? QString::number(double(resumedAt - killedAt) / 1e9, 'f', 2) + QStringLiteral(" s")
                      : QStringLiteral("NOT within 120 s"))
          << " after the kill; target < 30 s" << Qt::endl;
    desks.clear();
    hub.stop();
    return 0;
}

} // namespace HubBench

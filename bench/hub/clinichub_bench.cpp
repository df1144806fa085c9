// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// clinichub benchmarks for scripts/bench. Prints figures beside their targets; asserts nothing.
//   clinichub_bench latency HUB              webhook to desk model and acknowledgement latency
//                                            (HUB_BENCH_RATE/s for HUB_BENCH_SECONDS, 3 desks)
//   clinichub_bench throughput HUB sqlite    sustained webhooks/s (HUB_BENCH_IN_FLIGHT in flight
//   clinichub_bench throughput HUB postgres  for HUB_BENCH_BLAST_SECONDS), desks catching up
//   clinichub_bench storm HUB                HUB_BENCH_CLIENTS desks reconnecting after SIGKILL
// HUB is the clinichub program to run.
#include "hubbenches.h"
#include "hubbenchsupport.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString what = args.value(1);
    const QString hub = args.value(2);
    if (hub.isEmpty()) {
        HubBench::out() << "usage: clinichub_bench latency|throughput|storm CLINICHUB [sqlite|postgres]"
                        << Qt::endl;
        return 2;
    }
    if (what == QLatin1String("latency"))
        return HubBench::runLatency(hub);
    if (what == QLatin1String("throughput"))
        return HubBench::runThroughput(hub, args.value(3) == QLatin1String("postgres"));
    if (what == QLatin1String("storm"))
        return HubBench::runReconnectStorm(hub);
    HubBench::out() << "clinichub_bench: unknown measurement " << what << Qt::endl;
    return 2;
}

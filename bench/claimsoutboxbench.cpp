// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The claims outbox's throughput for scripts/bench. Prints figures beside their targets.
//   claims_outbox_bench [CLAIMS] [FAULTY_CLAIMS]
// queues CLAIMS (10,000) claims with ClaimService::queue (each claim and its outbox row in one
// transaction, on a SQLite file as the desk keeps it), then sends them through ClaimSubmitter
// to the sandbox payor over loopback HTTP (its own thread, as in training mode): claims/s
// (target ≥ 200), duplicates at the payor (must be 0), peak memory. Then FAULTY_CLAIMS (1,000;
// 0 skips it) again against a payor answering 30 % 503s, 5 % 409s and losing 10 % of its
// replies, as the kill soak does.
#include "common/testsupport.h"
#include "services/claims/claimservice.h"
#include "services/claims/claimsubmitter.h"
#include "services/sandbox/sandboxhost.h"
#include "services/store/claimrepository.h"
#include "services/store/store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

using namespace std::chrono_literals;

namespace {
QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

//! The process's peak resident memory in MB (VmHWM).
qint64 peakMegabytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong() / 1024;
    }
    return -1;
}

Claim benchClaim(int index)
{
    Claim claim;
    claim.patientName = QStringLiteral("Smith, Jane");
    claim.patientDateOfBirth = QDate(1985, 3, 14);
    claim.patientGender = Gender::Female;
    claim.insuranceId = QStringLiteral("INS001");
    claim.memberId = QStringLiteral("ACT100001");
    claim.billingProvider = {QStringLiteral("Springfield Family Clinic"),
                             QStringLiteral("1234567893")};
    claim.dateOfService = QDate::currentDate().addDays(-2);
    claim.notes = QStringLiteral("bench-%1").arg(index);
    claim.diagnoses = {{QStringLiteral("J209"), QStringLiteral("Acute bronchitis")}};
    // Distinct content, all under the $2,000 auto-adjudication limit: paid in the reply.
    claim.lines = {{QStringLiteral("99213"), {}, 1, 10000 + index % 100000, {1},
                    QStringLiteral("Office visit")}};
    return claim;
}

QJsonObject payorStats(QNetworkAccessManager &network, const QUrl &base)
{
    QUrl url = base;
    url.setPath(QStringLiteral("/sandbox/payor/stats"));
    QNetworkReply *reply = network.get(QNetworkRequest(url));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    reply->deleteLater();
    return QJsonDocument::fromJson(reply->readAll()).object();
}

//! One run: `count` claims queued, then sent; false when a claim did not end paid.
bool run(int count, bool faulty)
{
    const QString label = faulty ? QStringLiteral("with 30 % 503s, 5 % 409s, 10 % lost replies")
                                 : QStringLiteral("no faults");
    SandboxServer::Options options;
    if (faulty) {
        options.payorFaults.unavailableShare = 0.30;
        options.payorFaults.inFlightShare = 0.05;
        options.payorFaults.lostReplyShare = 0.10;
        options.payorFaults.seed = 11;
    }
    SandboxHost payor(options);
    QString error;
    if (!payor.start(&error)) {
        out() << "   the sandbox payor did not start: " << error << Qt::endl;
        return false;
    }
    QTemporaryDir dir;
    Store store(Store::Options{dir.filePath(QStringLiteral("desk.sqlite")), 2,
                               QStringLiteral("bench")});
    if (!TestSupport::await(store.open()).ok) {
        out() << "   the database did not open" << Qt::endl;
        return false;
    }
    ClaimService claims(&store, QStringLiteral("biller.bench"));

    // Queue: every claim its own transaction, as a biller's Submit is.
    QElapsedTimer clock;
    clock.start();
    QList<QFuture<StoreResult<Claim>>> queued;
    queued.reserve(count);
    for (int i = 0; i < count; ++i)
        queued.append(claims.queue(benchClaim(i), {QStringLiteral("PRV-BENCH"), QStringLiteral("Bench Clinic")}));
    int queueErrors = 0;
    for (const auto &future : std::as_const(queued))
        queueErrors += TestSupport::await(future, 600000) ? 0 : 1;
    queued.clear();
    const qint64 queueMs = std::max<qint64>(1, clock.elapsed());

    QNetworkAccessManager network;
    ClaimSubmitter::Config config;
    config.baseUrl = payor.baseUrl();
    config.apiKey = QString::fromLatin1(payor.payorApiKey());
    config.timeoutMs = 30000;
    if (faulty) {
        config.policy.baseDelay = 10ms;
        config.policy.maxDelay = 80ms;
    }
    ClaimSubmitter submitter(&store, &claims, &network, config);
    int succeeded = 0;
    int tries = 0;
    int ended = 0; // rejected or in error: must stay 0
    QEventLoop loop;
    QObject::connect(&submitter, &ClaimSubmitter::attemptFinished, &loop,
                     [&](qint64, const QString &outcome, const QString &) {
                         ++tries;
                         if (outcome == QLatin1String("succeeded"))
                             ++succeeded;
                         else if (outcome != QLatin1String("retrying"))
                             ++ended;
                         if (succeeded + ended == count)
                             loop.quit();
                     });
    QTimer::singleShot(30min, &loop, &QEventLoop::quit);
    clock.restart();
    submitter.start();
    loop.exec();
    const qint64 sendMs = std::max<qint64>(1, clock.elapsed());
    submitter.stop();

    const auto left = TestSupport::await(store.read(
        [](const QString &connection) { return ClaimRepository(connection).nextOutboxAttempt(); }));
    const auto paid = TestSupport::await(store.read([count](const QString &connection) {
        return ClaimRepository(connection).withStatus({ClaimStatus::Paid}, count + 1);
    }));
    const QJsonObject stats = payorStats(network, payor.baseUrl());
    store.drain();

    const int atPayor = stats.value(QLatin1String("claims")).toInt();
    const int duplicates = stats.value(QLatin1String("duplicates")).toInt() + std::max(0, atPayor - count);
    const int paidCount = paid ? int(paid->size()) : -1;
    out() << "claims outbox (" << label << "): " << count << " claims queued in " << queueMs
          << " ms (" << qint64(count) * 1000 / queueMs << " claims/s), sent in " << sendMs
          << " ms: " << qint64(succeeded) * 1000 / sendMs
          << " claims/s (target >= 200); end to end " << qint64(count) * 1000 / (queueMs + sendMs)
          << " claims/s" << Qt::endl;
    out() << "   " << tries << " tries, " << succeeded << " paid locally (" << paidCount
          << " in the database), " << ended << " ended otherwise, " << queueErrors
          << " not queued; payor holds " << atPayor << ", duplicates " << duplicates
          << " (must be 0), replays " << stats.value(QLatin1String("replays")).toInt()
          << ", lost replies " << stats.value(QLatin1String("lost_replies")).toInt()
          << "; outbox " << (left && !left->isValid() ? "empty" : "NOT EMPTY")
          << "; peak memory " << peakMegabytes() << " MB" << Qt::endl;
    return succeeded == count && paidCount == count && duplicates == 0 && atPayor == count &&
           queueErrors == 0 && left && !left->isValid();
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    bool ok = true;
    const int count = args.size() > 1 ? args.at(1).toInt(&ok) : 10000;
    bool faultyOk = true;
    const int faulty = args.size() > 2 ? args.at(2).toInt(&faultyOk) : 1000;
    if (!ok || count <= 0 || !faultyOk || faulty < 0) {
        out() << "usage: claims_outbox_bench [CLAIMS (10000)] [CLAIMS WITH FAULTS (1000; 0 skips)]"
              << Qt::endl;
        return 2;
    }
    bool sound = run(count, false);
    if (faulty > 0)
        sound = run(faulty, true) && sound;
    return sound ? 0 : 1;
}

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Every claim reaches the payor exactly once, whatever dies: a desk process queues claims and
// sends them through the outbox to a payor that answers 30 % 503s, 5 % 409s and loses 10 % of
// its replies after processing; it is SIGKILLed again and again, while queueing and while
// sending, and restarted on the same database. After every kill SQLite's integrity_check must
// pass; at the end the payor holds each claim once, under its one key, and every local claim
// carries the payor's claim id and status. Sizes come from the environment so scripts/bench can
// run the full soak (CLINICDESK_SOAK_CLAIMS, CLINICDESK_SOAK_KILLS, CLINICDESK_SOAK_SEED); CI
// runs a size that still finds the bug.
#include "common/testsupport.h"
#include "services/claims/claimservice.h"
#include "services/claims/claimsubmitter.h"
#include "services/claims/claimvalidator.h"
#include "services/common/async.h"
#include "services/sandbox/sandboxhost.h"
#include "services/store/claimrepository.h"
#include "services/store/store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>

using namespace std::chrono_literals;

namespace {
const QString providerId = QStringLiteral("PRV-SOAK");

int sizeFromEnvironment(const char *name, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok && value > 0 ? value : fallback;
}

QString marker(int index)
{
    return QStringLiteral("soak-%1").arg(index);
}

//! Claim `index` of the soak: valid, paid on receipt ($100 and a cent per index, under the
//! $2,000 auto-adjudication limit), its notes and charge its own.
Claim soakClaim(int index)
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
    claim.notes = marker(index);
    claim.diagnoses = {{QStringLiteral("J209"), QStringLiteral("Acute bronchitis")}};
    claim.lines = {{QStringLiteral("99213"), {}, 1, 10000 + index, {1}, QStringLiteral("Office visit")}};
    return claim;
}

//! What SQLite says of the whole file through a plain read-only connection of its own (on a
//! thread of its own: tests never run SQL on the main thread): integrity_check's lines other
//! than "ok", and foreign keys pointing nowhere.
QStringList integrityProblems(const QString &path)
{
    QStringList problems;
    std::unique_ptr<QThread> checker(QThread::create([&] {
        const QString name = QStringLiteral("soak_integrity");
        {
            QSqlDatabase db = Database::addConnection(name, {});
            db.setDatabaseName(path);
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
            if (!db.open()) {
                problems << db.lastError().text();
            } else {
                QSqlQuery query(db);
                if (!query.exec(QStringLiteral("PRAGMA integrity_check")))
                    problems << query.lastError().text();
                bool answered = false;
                while (query.next()) {
                    answered = true;
                    if (query.value(0).toString() != QLatin1String("ok"))
                        problems << query.value(0).toString();
                }
                if (!answered)
                    problems << QStringLiteral("integrity_check gave no answer");
                if (!query.exec(QStringLiteral("PRAGMA foreign_key_check")))
                    problems << query.lastError().text();
                while (query.next()) {
                    problems << QStringLiteral("foreign key: %1 row %2 → %3")
                                    .arg(query.value(0).toString(), query.value(1).toString(),
                                         query.value(2).toString());
                }
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }));
    checker->start();
    checker->wait();
    return problems;
}

/*!
  The child mode: one desk without windows that queues the soak's claims it does not hold yet,
  one after another, and sends them through the outbox, until it is killed or all are queued and
  the outbox is empty. Prints "ready <held>", "queued <held>" and "attempt <outcome>" as it
  goes, and "done" at the end.
 */
int runChild(const QStringList &args)
{
    const QString path = args.at(0);
    const QUrl payor(args.at(1));
    const QString apiKey = args.at(2);
    const int total = args.at(3).toInt();
    QTextStream out(stdout);

    Store store(Store::Options{path, 1, QStringLiteral("soak-desk")});
    const Database::OpenResult opened = TestSupport::await(store.open());
    if (!opened.ok) {
        QTextStream(stderr) << "open: " << opened.error << Qt::endl;
        return 3;
    }
    ClaimService claims(&store, QStringLiteral("biller.soak"));
    QNetworkAccessManager network;
    ClaimSubmitter::Config config;
    config.baseUrl = payor;
    config.apiKey = apiKey;
    config.timeoutMs = 10000;
    config.policy = ClaimSubmitter::defaultPolicy();
    config.policy.baseDelay = 10ms;
    config.policy.maxDelay = 80ms;
    config.policy.timeBudget = 30min; // never in error: every claim must get through
    ClaimSubmitter submitter(&store, &claims, &network, config);

    // What an earlier process queued: the claim and its outbox row commit together, so a claim
    // in the table is in the outbox.
    const auto held = TestSupport::await(store.read([total](const QString &connection) {
        return ClaimRepository(connection).withStatus({}, total * 2 + 10);
    }));
    if (!held) {
        QTextStream(stderr) << "read: " << held.error() << Qt::endl;
        return 3;
    }
    QSet<QString> queuedMarkers;
    for (const Claim &claim : *held)
        queuedMarkers.insert(claim.notes);
    QList<int> missing;
    for (int i = 0; i < total; ++i) {
        if (!queuedMarkers.contains(marker(i)))
            missing.append(i);
    }
    int queued = int(queuedMarkers.size());
    out << "ready " << queued << Qt::endl;

    ClaimValidator::Context context;
    context.isInsuranceMapped = [](const QString &id) { return id == QLatin1String("INS001"); };
    context.coverage = ClaimValidator::Coverage::Active;
    const ClaimValidator validator(context);

    auto finishIfDone = [&] {
        if (queued < total)
            return;
        auto next = store.read(
            [](const QString &connection) { return ClaimRepository(connection).nextOutboxAttempt(); });
        Async::whenReady(next, &submitter, [&out](const StoreResult<QDateTime> &when) {
            if (when && !when->isValid()) {
                out << "done" << Qt::endl;
                QCoreApplication::exit(0);
            }
        });
    };
    QObject::connect(&submitter, &ClaimSubmitter::attemptFinished, &submitter,
                     [&out](qint64, const QString &outcome, const QString &) {
                         out << "attempt " << outcome << Qt::endl;
                     });
    QObject::connect(&submitter, &ClaimSubmitter::idle, &submitter, finishIfDone);

    // A few claims at a time, as billers submit them: queueing runs ahead of sending (which
    // retries a claim in three), so a kill finds claims being queued, being sent, and a
    // backlog waiting in the outbox.
    constexpr int chunk = 8;
    int outstanding = 0;
    std::function<void()> queueNext = [&] {
        if (missing.isEmpty()) {
            finishIfDone();
            return;
        }
        for (int n = 0; n < chunk && !missing.isEmpty(); ++n) {
            const Claim claim = soakClaim(missing.takeFirst());
            if (hasErrors(validator.validate(claim))) {
                QTextStream(stderr) << "invalid claim " << claim.notes << Qt::endl;
                QCoreApplication::exit(4);
                return;
            }
            ++outstanding;
            auto done = claims.queue(claim, {providerId, QStringLiteral("Soak Clinic")});
            Async::whenReady(done, &submitter, [&](const StoreResult<Claim> &result) {
                if (!result) {
                    QTextStream(stderr) << "queue: " << result.error() << Qt::endl;
                    QCoreApplication::exit(5);
                    return;
                }
                out << "queued " << ++queued << Qt::endl;
                submitter.wake();
                if (--outstanding == 0)
                    queueNext();
            });
        }
    };
    submitter.start();
    queueNext();
    const int status = QCoreApplication::exec();
    submitter.stop();
    store.drain();
    return status;
}
} // namespace

class TestClaimOutboxSoak : public QObject
{
    Q_OBJECT
private slots:
    void desksKilledWhileQueueingAndSending();

private:
    QJsonObject getJson(QNetworkAccessManager &network, const QUrl &base, const QString &path,
                        const QString &query = {});
};

QJsonObject TestClaimOutboxSoak::getJson(QNetworkAccessManager &network, const QUrl &base,
                                         const QString &path, const QString &query)
{
    QUrl url = base;
    url.setPath(path);
    url.setQuery(query);
    QNetworkRequest request(url);
    request.setRawHeader("X-API-Key", SandboxPayorRoutes::defaultApiKey());
    QNetworkReply *reply = network.get(request);
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 20000))
        reply->abort();
    reply->deleteLater();
    return QJsonDocument::fromJson(reply->readAll()).object();
}

void TestClaimOutboxSoak::desksKilledWhileQueueingAndSending()
{
    const int total = sizeFromEnvironment("CLINICDESK_SOAK_CLAIMS", 300);
    const int kills = sizeFromEnvironment("CLINICDESK_SOAK_KILLS", 20);
    const quint32 seed =
        quint32(sizeFromEnvironment("CLINICDESK_SOAK_SEED", int(QRandomGenerator::global()->bounded(1, 1 << 30))));
    qInfo("claims %d, kills %d, seed %u (CLINICDESK_SOAK_SEED repeats the dice)", total, kills,
          seed);

    SandboxServer::Options options;
    options.payorFaults.unavailableShare = 0.30;
    options.payorFaults.lostReplyShare = 0.10;
    options.payorFaults.inFlightShare = 0.05;
    options.payorFaults.seed = seed;
    SandboxHost payor(options);
    QString error;
    QVERIFY2(payor.start(&error), qPrintable(error));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("desk.sqlite"));
    QProcess desk;
    desk.setProgram(QCoreApplication::applicationFilePath());
    desk.setArguments({QStringLiteral("--outbox-child"), path, payor.baseUrl().toString(),
                       QString::fromLatin1(payor.payorApiKey()), QString::number(total)});
    desk.setProcessChannelMode(QProcess::ForwardedErrorChannel);

    // Lines the whole soak prints: a "queued" per claim and an "attempt" per try (about 1.8 a
    // claim with 30 % + 5 % + 10 % of tries failing). Each kill waits for a random number of
    // lines, on average half of an even share of what is left (or, in a quiet spell, a random
    // time), so the kills spread over queueing and sending and all of them land before the
    // work is done.
    qint64 linesLeft = qint64(total) * 28 / 10;
    QRandomGenerator dice(seed);
    int killed = 0;
    int killedWhileQueueing = 0;
    int killedWhileSending = 0;
    int queued = 0;
    bool done = false;
    QStringList where; // each kill: claims queued by then, lines of the killed run
    QElapsedTimer clock;
    clock.start();
    while (!done) {
        desk.start();
        QVERIFY(desk.waitForStarted(10000));
        const bool killThisOne = killed < kills;
        const qint64 budget = std::max<qint64>(2, linesLeft / (kills - killed + 1));
        const qint64 killAfterLines = killThisOne ? 1 + dice.bounded(budget) : -1;
        const int killAfterMs = 300 + int(dice.bounded(1500));
        qint64 lines = 0;
        bool ready = false;
        QElapsedTimer sinceReady;
        auto readLines = [&] {
            while (desk.canReadLine()) {
                const QByteArray line = desk.readLine().trimmed();
                if (line.startsWith("ready ")) {
                    ready = true;
                    queued = line.mid(6).toInt();
                    sinceReady.start();
                } else if (line.startsWith("queued ")) {
                    queued = line.mid(7).toInt();
                    ++lines;
                } else if (line.startsWith("attempt ")) {
                    ++lines;
                } else if (line == "done") {
                    done = true;
                }
            }
        };
        const bool ended = QTest::qWaitFor(
            [&] {
                readLines();
                if (desk.state() != QProcess::Running || done)
                    return true;
                return killThisOne && ready &&
                       (lines >= killAfterLines || sinceReady.elapsed() >= killAfterMs);
            },
            120000);
        QVERIFY2(ended, "the desk made no progress for two minutes");
        if (killThisOne && !done && desk.state() == QProcess::Running) {
            // Wherever it is: mid-request, mid-transaction, between the payor's answer and
            // our commit of it.
            QTest::qWait(int(dice.bounded(5)));
            ::kill(pid_t(desk.processId()), SIGKILL);
            QVERIFY(desk.waitForFinished(10000));
            readLines(); // what it printed before it died
            desk.readAllStandardOutput();
            ++killed;
            where << QStringLiteral("%1/%2").arg(queued).arg(lines);
            ++(queued < total ? killedWhileQueueing : killedWhileSending);
            linesLeft = std::max<qint64>(total / 10, linesLeft - lines);
            const QStringList problems = integrityProblems(path);
            QVERIFY2(problems.isEmpty(),
                     qPrintable(QStringLiteral("after kill %1: %2")
                                    .arg(killed)
                                    .arg(problems.join(QStringLiteral("; ")))));
            continue;
        }
        QVERIFY2(desk.waitForFinished(60000), "the desk did not exit");
        readLines();
        QVERIFY2(desk.exitStatus() == QProcess::NormalExit && desk.exitCode() == 0,
                 qPrintable(QStringLiteral("the desk exited with %1").arg(desk.exitCode())));
        QVERIFY(done);
    }
    const qint64 elapsedMs = clock.elapsed();
    qInfo("kills at (claims queued/lines printed by that run): %s",
          qPrintable(where.join(QLatin1Char(' '))));
    QCOMPARE(killed, kills);
    // The dice put kills in both phases: while claims were still being queued, and after.
    QVERIFY2(killedWhileQueueing > 0 && killedWhileSending > 0,
             qPrintable(QStringLiteral("%1 kills while queueing, %2 while sending")
                            .arg(killedWhileQueueing)
                            .arg(killedWhileSending)));
    QVERIFY2(integrityProblems(path).isEmpty(), "after the last run");

    // The desk's side: N claims, each once, paid, with the payor's claim id; no row left to send.
    Store store(Store::Options{path, 1, QStringLiteral("soak-check")});
    QVERIFY(TestSupport::await(store.open()).ok);
    struct Local
    {
        QList<Claim> claims;
        QHash<qint64, ClaimOutboxItem> outbox;
        QDateTime nextAttempt;
    };
    const auto local = TestSupport::await(store.read([total](const QString &connection) {
        ClaimRepository repository(connection);
        Local result;
        result.claims = repository.withStatus({}, total * 2 + 10).valueOr(QList<Claim>{});
        for (const Claim &claim : std::as_const(result.claims)) {
            const auto item = repository.outboxItem(claim.id);
            if (item && item->has_value())
                result.outbox.insert(claim.id, **item);
        }
        // A read that fails counts as a row left: the check must not pass on an error.
        const auto next = repository.nextOutboxAttempt();
        result.nextAttempt = next ? *next : QDateTime::currentDateTimeUtc();
        return result;
    }));
    store.drain();
    QCOMPARE(local.claims.size(), total);
    QVERIFY2(!local.nextAttempt.isValid(), "a row is still pending or inflight");
    QSet<QString> markers;
    QHash<QString, const Claim *> byNumber;
    QSet<QString> keys;
    for (const Claim &claim : local.claims) {
        markers.insert(claim.notes);
        byNumber.insert(claim.claimNumber, &claim);
        QCOMPARE(claim.status, ClaimStatus::Paid);
        QVERIFY2(!claim.payerClaimId.isEmpty(), qPrintable(claim.claimNumber));
        QVERIFY2(local.outbox.contains(claim.id), qPrintable(claim.claimNumber));
        const ClaimOutboxItem &item = local.outbox.value(claim.id);
        QCOMPARE(item.state, QStringLiteral("succeeded"));
        QVERIFY(item.attempts >= 1);
        keys.insert(item.idempotencyKey);
    }
    QCOMPARE(markers.size(), total);
    QCOMPARE(keys.size(), total);

    // The payor's side: exactly N claims, none twice (by our number or by content), each under
    // one key, each as the desk holds it.
    QNetworkAccessManager network;
    const QJsonObject stats = getJson(network, payor.baseUrl(), QStringLiteral("/sandbox/payor/stats"));
    const QByteArray statsText = QJsonDocument(stats).toJson(QJsonDocument::Compact);
    qInfo("soak: %d claims, %d kills (%d while queueing, %d while sending) in %.1f s; payor %s",
          total, killed, killedWhileQueueing, killedWhileSending, double(elapsedMs) / 1000.0,
          statsText.constData());
    QCOMPARE(stats.value(QLatin1String("claims")).toInt(), total);
    QCOMPARE(stats.value(QLatin1String("held")).toInt(), total);
    QCOMPARE(stats.value(QLatin1String("duplicates")).toInt(), 0);
    QCOMPARE(stats.value(QLatin1String("idempotency_keys")).toInt(), total);
    // Lost replies and killed requests were sent again and answered from the key.
    QVERIFY2(stats.value(QLatin1String("replays")).toInt() > 0, statsText.constData());
    const QJsonArray updates =
        getJson(network, payor.baseUrl(), QStringLiteral("/api/provider/claim-updates/"),
                QStringLiteral("provider_id=") + providerId)
            .value(QLatin1String("updates"))
            .toArray();
    QCOMPARE(updates.size(), total);
    QSet<QString> numbersAtPayor;
    QSet<QString> amountsAtPayor;
    for (const QJsonValue &value : updates) {
        const QJsonObject update = value.toObject();
        const QString number = update.value(QLatin1String("claim_number")).toString();
        numbersAtPayor.insert(number);
        amountsAtPayor.insert(update.value(QLatin1String("amount")).toVariant().toString());
        const Claim *claim = byNumber.value(number);
        QVERIFY2(claim, qPrintable(QStringLiteral("the payor holds %1, the desk does not").arg(number)));
        QCOMPARE(update.value(QLatin1String("claim_id")).toString(), claim->payerClaimId);
        QCOMPARE(update.value(QLatin1String("status")).toString(), claimStatusKey(claim->status));
        QCOMPARE(PayorJson::cents(update.value(QLatin1String("payment_details"))
                                      .toObject()
                                      .value(QLatin1String("approved_amount"))),
                 std::optional<qint64>(claim->paidCents));
    }
    QCOMPARE(numbersAtPayor.size(), total);
    QCOMPARE(amountsAtPayor.size(), total);
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 6 && args.at(1) == QLatin1String("--outbox-child"))
        return runChild(args.mid(2));
    TestClaimOutboxSoak test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_claimoutboxsoak.moc"

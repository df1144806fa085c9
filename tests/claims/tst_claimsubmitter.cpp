// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The outbox sender against the sandbox payor over loopback HTTP: a claim paid with its
// remittance, refusals not retried, 503s and lost replies retried under the same key (the
// payor ends with one claim), the budget ending in error and Retry, rows left inflight by a
// dead process sent again, and ClaimSync bringing a pended claim to its decision.
#include "common/claimfixture.h"
#include "common/trainingenvironment.h"
#include "services/claims/claimservice.h"
#include "services/claims/claimsubmitter.h"
#include "services/claims/claimsync.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

using namespace std::chrono_literals;

using ClaimFixture::forJane;

class TestClaimSubmitter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void claimIsPaidWithItsRemittance();
    void refusalIsNotRetried();
    void unknownInsuranceIsRejectedWithThePayorsWords();
    void unavailableThenDeliveredUnderOneKey();
    void lostRepliesLeaveOneClaimAtThePayor();
    void budgetEndsInErrorAndRetrySendsIt();
    void inflightRowsOfADeadProcessAreSentAgain();
    void syncBringsAPendedClaimToItsDecision();

private:
    QJsonObject payorStats();
    Claim queue(const Claim &claim);
    Claim waitForStatus(qint64 claimId, const QList<ClaimStatus> &statuses, int timeoutMs = 15000);
    std::unique_ptr<ClaimSubmitter> submitter(RetryPolicy policy = fastPolicy());
    static RetryPolicy fastPolicy()
    {
        RetryPolicy policy = ClaimSubmitter::defaultPolicy();
        policy.baseDelay = 20ms;
        policy.maxDelay = 100ms;
        return policy;
    }

    std::unique_ptr<TrainingEnvironment> m_env;
    std::unique_ptr<ClaimService> m_claims;
    qint64 m_jane = 0;
};

void TestClaimSubmitter::init()
{
    TrainingEnvironment::Options options;
    options.payorDecisionDelayMs = 300;
    m_env = std::make_unique<TrainingEnvironment>(options);
    QVERIFY2(m_env->isReady(), qPrintable(m_env->error()));
    m_claims = std::make_unique<ClaimService>(&m_env->store(), QStringLiteral("biller.bo"));
    m_jane = m_env->patientId(QStringLiteral("Jane"));
    QVERIFY(m_jane > 0);
}

void TestClaimSubmitter::cleanup()
{
    m_claims.reset();
    m_env.reset();
}

QJsonObject TestClaimSubmitter::payorStats()
{
    QUrl url = m_env->sandboxBaseUrl();
    url.setPath(QStringLiteral("/sandbox/payor/stats"));
    QNetworkReply *reply = m_env->network().get(QNetworkRequest(url));
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !done.wait(5000))
        return {};
    reply->deleteLater();
    return QJsonDocument::fromJson(reply->readAll()).object();
}

Claim TestClaimSubmitter::queue(const Claim &claim)
{
    const StoreResult<Claim> queued = TestSupport::await(
        m_claims->queue(claim, {QStringLiteral("PRV-1"), QStringLiteral("Springfield")}));
    if (!queued)
        qWarning("not queued: %s", qPrintable(queued.error()));
    return queued ? *queued : Claim{};
}

Claim TestClaimSubmitter::waitForStatus(qint64 claimId, const QList<ClaimStatus> &statuses,
                                        int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    Claim claim;
    while (clock.elapsed() < timeoutMs) {
        const auto found = TestSupport::await(m_claims->find(claimId));
        if (found && found->has_value()) {
            claim = **found;
            if (statuses.contains(claim.status))
                return claim;
        }
        QTest::qWait(20);
    }
    return claim;
}

std::unique_ptr<ClaimSubmitter> TestClaimSubmitter::submitter(RetryPolicy policy)
{
    ClaimSubmitter::Config config;
    config.baseUrl = m_env->sandboxBaseUrl();
    config.apiKey = QString::fromLatin1(m_env->sandbox().payorApiKey());
    config.timeoutMs = 2000;
    config.policy = policy;
    return std::make_unique<ClaimSubmitter>(&m_env->store(), m_claims.get(), &m_env->network(),
                                            config);
}

void TestClaimSubmitter::claimIsPaidWithItsRemittance()
{
    // $1,500: paid at once; Jane's $700 deductible left, then coinsurance and copay.
    const Claim claim = queue(forJane(m_jane, 150000));
    QVERIFY(claim.id > 0);
    auto sender = submitter();
    sender->start();
    const Claim paid = waitForStatus(claim.id, {ClaimStatus::Paid});
    QCOMPARE(paid.status, ClaimStatus::Paid);
    QVERIFY(!paid.payerClaimId.isEmpty());
    QVERIFY(paid.paidCents > 0);
    QVERIFY(paid.patientResponsibilityCents >= 70000);
    // What the payor paid, what the patient owes and the contractual write-off make the bill.
    QCOMPARE(paid.paidCents + paid.patientResponsibilityCents + (150000 - paid.allowedCents),
             qint64(150000));
    const auto remittances = TestSupport::await(m_claims->remittances(claim.id));
    QVERIFY(remittances);
    QCOMPARE(remittances->size(), 1);
    QVERIFY2(remittances->first().balanced, qPrintable(remittances->first().balanceError));
    const auto item = m_env->read(
        [id = claim.id](const QString &c) { return ClaimRepository(c).outboxItem(id); });
    QCOMPARE((*item)->state, QStringLiteral("succeeded"));
    QCOMPARE((*item)->attempts, 1);
    QCOMPARE(payorStats().value(QLatin1String("claims")).toInt(), 1);
}

void TestClaimSubmitter::refusalIsNotRetried()
{
    Claim bad = forJane(m_jane);
    bad.lines[0].chargeCents = 0; // the payor refuses it: 400 with the field
    const Claim claim = queue(bad);
    QVERIFY(claim.id > 0);
    auto sender = submitter();
    QSignalSpy attempts(sender.get(), &ClaimSubmitter::attemptFinished);
    sender->start();
    const Claim rejected = waitForStatus(claim.id, {ClaimStatus::Rejected});
    QCOMPARE(rejected.status, ClaimStatus::Rejected);
    QVERIFY2(rejected.payerMessage.contains(QLatin1String("charge")),
             qPrintable(rejected.payerMessage));
    QTest::qWait(300); // room for a retry that must not come
    QCOMPARE(attempts.count(), 1);
    const auto item = m_env->read(
        [id = claim.id](const QString &c) { return ClaimRepository(c).outboxItem(id); });
    QCOMPARE((*item)->state, QStringLiteral("rejected"));
    QCOMPARE((*item)->attempts, 1);
}

void TestClaimSubmitter::unknownInsuranceIsRejectedWithThePayorsWords()
{
    const Claim claim = queue(forJane(m_jane, 15000, QStringLiteral("INS999")));
    QVERIFY(claim.id > 0);
    auto sender = submitter();
    sender->start();
    const Claim rejected = waitForStatus(claim.id, {ClaimStatus::Rejected});
    QCOMPARE(rejected.status, ClaimStatus::Rejected);
    QVERIFY2(rejected.payerMessage.contains(QLatin1String("No payor mapping found")),
             qPrintable(rejected.payerMessage));
}

void TestClaimSubmitter::unavailableThenDeliveredUnderOneKey()
{
    PayorFaults faults;
    faults.unavailableShare = 1.0;
    m_env->sandbox().setPayorFaults(faults);
    const Claim claim = queue(forJane(m_jane));
    auto sender = submitter();
    QSignalSpy attempts(sender.get(), &ClaimSubmitter::attemptFinished);
    sender->start();
    QTRY_VERIFY_WITH_TIMEOUT(attempts.count() >= 3, 10000);
    for (const QList<QVariant> &attempt : attempts)
        QCOMPARE(attempt.at(1).toString(), QStringLiteral("retrying"));
    m_env->sandbox().setPayorFaults({});
    const Claim paid = waitForStatus(claim.id, {ClaimStatus::Paid});
    QCOMPARE(paid.status, ClaimStatus::Paid);
    QCOMPARE(payorStats().value(QLatin1String("claims")).toInt(), 1);
}

void TestClaimSubmitter::lostRepliesLeaveOneClaimAtThePayor()
{
    PayorFaults faults;
    faults.lostReplyShare = 0.7;
    faults.seed = 7;
    m_env->sandbox().setPayorFaults(faults);
    QList<qint64> ids;
    for (int i = 0; i < 12; ++i)
        ids.append(queue(forJane(m_jane, 10000 + i)).id);
    auto sender = submitter();
    sender->start();
    for (qint64 id : ids)
        QCOMPARE(waitForStatus(id, {ClaimStatus::Paid}, 30000).status, ClaimStatus::Paid);
    const QJsonObject stats = payorStats();
    QCOMPARE(stats.value(QLatin1String("claims")).toInt(), 12);
    QVERIFY2(stats.value(QLatin1String("replays")).toInt() > 0,
             qPrintable(QString::fromUtf8(QJsonDocument(stats).toJson())));
}

void TestClaimSubmitter::budgetEndsInErrorAndRetrySendsIt()
{
    PayorFaults faults;
    faults.unavailableShare = 1.0;
    m_env->sandbox().setPayorFaults(faults);
    const Claim claim = queue(forJane(m_jane));
    RetryPolicy policy = fastPolicy();
    policy.timeBudget = 300ms;
    auto sender = submitter(policy);
    sender->start();
    const Claim failed = waitForStatus(claim.id, {ClaimStatus::Error});
    QCOMPARE(failed.status, ClaimStatus::Error);
    QVERIFY2(failed.payerMessage.contains(QLatin1String("same key")),
             qPrintable(failed.payerMessage));
    const auto before = m_env->read(
        [id = claim.id](const QString &c) { return ClaimRepository(c).outboxItem(id); });
    QCOMPARE((*before)->state, QStringLiteral("unknown"));

    m_env->sandbox().setPayorFaults({});
    const auto retried = TestSupport::await(sender->retry(claim.id));
    QVERIFY2(retried, qPrintable(retried.error()));
    QCOMPARE(waitForStatus(claim.id, {ClaimStatus::Paid}).status, ClaimStatus::Paid);
    const auto after = m_env->read(
        [id = claim.id](const QString &c) { return ClaimRepository(c).outboxItem(id); });
    QCOMPARE((*after)->idempotencyKey, (*before)->idempotencyKey);
    // Only a claim in error can be retried.
    QVERIFY(!TestSupport::await(sender->retry(claim.id)));
}

void TestClaimSubmitter::inflightRowsOfADeadProcessAreSentAgain()
{
    const Claim claim = queue(forJane(m_jane));
    // As a killed process leaves it: inflight, its try counted, due only much later.
    const auto marked = m_env->write([id = claim.id](const QString &c) {
        ClaimRepository repository(c);
        ClaimOutboxItem item = *repository.outboxItem(id).value();
        item.state = QStringLiteral("inflight");
        item.attempts = 1;
        item.firstAttemptAt = QDateTime::currentDateTimeUtc();
        item.nextAttemptAt = QDateTime::currentDateTimeUtc().addSecs(3600);
        return repository.updateOutbox(item);
    });
    QVERIFY(marked && *marked);
    auto sender = submitter();
    sender->start();
    QCOMPARE(waitForStatus(claim.id, {ClaimStatus::Paid}).status, ClaimStatus::Paid);
    const auto item = m_env->read(
        [id = claim.id](const QString &c) { return ClaimRepository(c).outboxItem(id); });
    QCOMPARE((*item)->attempts, 2);
}

void TestClaimSubmitter::syncBringsAPendedClaimToItsDecision()
{
    // Over $2,000: pended, decided 300 ms later; no hub here, so only a sync can tell us.
    const Claim claim = queue(forJane(m_jane, 350000));
    auto sender = submitter();
    sender->start();
    const Claim pended = waitForStatus(claim.id, {ClaimStatus::Pended});
    QCOMPARE(pended.status, ClaimStatus::Pended);
    QTest::qWait(600);
    ClaimSync::Config config;
    config.baseUrl = m_env->sandboxBaseUrl();
    config.apiKey = QString::fromLatin1(m_env->sandbox().payorApiKey());
    config.providerId = QStringLiteral("PRV-1");
    config.intervalMs = 0;
    ClaimSync sync(&m_env->store(), m_claims.get(), &m_env->network(), config);
    QSignalSpy finished(&sync, &ClaimSync::syncFinished);
    sync.syncNow();
    QVERIFY(finished.wait(10000));
    const auto summary = finished.first().first().value<ClaimSync::Summary>();
    QVERIFY2(summary.errors.isEmpty(), qPrintable(summary.errors.join(QLatin1Char('\n'))));
    QVERIFY(summary.changed >= 1);
    const Claim decided = waitForStatus(
        claim.id, {ClaimStatus::Paid, ClaimStatus::PartiallyPaid, ClaimStatus::Denied}, 2000);
    QVERIFY2(claimStatusRank(decided.status) == claimStatusRank(ClaimStatus::Paid),
             qPrintable(claimStatusKey(decided.status)));
    // A second sync changes nothing.
    sync.syncNow();
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.last().first().value<ClaimSync::Summary>().changed, 0);
}

QTEST_GUILESS_MAIN(TestClaimSubmitter)
#include "tst_claimsubmitter.moc"

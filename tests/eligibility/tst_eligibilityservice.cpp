// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// EligibilityService against the real sandbox clearinghouse over loopback.
#include "common/trainingenvironment.h"
#include "services/eligibility/batchverification.h"
#include "services/sandbox/sandboxclearinghouse.h"
#include "services/store/auditlog.h"
#include "services/store/coveragerepository.h"
#include "services/store/database.h"
#include "services/store/verificationrepository.h"
#include "services/x12/eligibilityresponse.h"

#include <functional>

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

class TestEligibilityService : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyMember_data();
    void everyMember();
    void storesEverything();
    void dependentIsSentIn2000D();
    void automaticRetryThenSuccess();
    void manualRetry();
    void reuseWithin24Hours();
    void expiresWithAgeAndCoverageEnd();
    void verifiesEveryCoverageOfAPatient();
    void batchOfADayKeepsGoingAfterFailures();
    void batchCancel();
    void unreachableClearinghouse();
    void missingDataIsRefusedBeforeSending();
    void interruptedAttemptsAreClosedAtStart();
    void misbehavingClearinghouse_data();
    void misbehavingClearinghouse();
    void answerMustMatchTheRequest_data();
    void answerMustMatchTheRequest();
    void requestLevelRejectionIsAnAnswer();
    void failedAuditWriteIsAnError();
    void retryHonoursRetryAfter();
};

namespace {
//! A clearinghouse that misbehaves on purpose: answers every request with fixed bytes (or
//! hangs up), on 127.0.0.1.
class BadServer : public QTcpServer
{
public:
    explicit BadServer(QByteArray reply)
        : m_reply(std::move(reply))
    {
    }
    int requests = 0;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QTcpSocket(this);
        socket->setSocketDescriptor(descriptor);
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
            // Wait for the whole request (headers and the 270) before answering.
            m_buffer[socket] += socket->readAll();
            if (!m_buffer[socket].contains("IEA*"))
                return;
            ++requests;
            if (!m_reply.isEmpty())
                socket->write(m_reply);
            socket->disconnectFromHost();
        });
    }

private:
    QByteArray m_reply;
    QHash<QTcpSocket *, QByteArray> m_buffer;
};

QByteArray httpReply(int status, const QByteArray &body, const QByteArray &headers = {})
{
    return "HTTP/1.1 " + QByteArray::number(status) +
           " X\r\nContent-Type: text/plain\r\nContent-Length: " + QByteArray::number(body.size()) +
           "\r\n" + headers + "Connection: close\r\n\r\n" + body;
}

/*!
  A clearinghouse on 127.0.0.1 that reads each 270 and answers with a 271 it builds from what
  a script makes of the sandbox's own answer: for answers that do not match their request.
 */
class ScriptedClearinghouse : public QTcpServer
{
public:
    using Script = std::function<QList<EligibilityResult>(const EligibilityRequest &,
                                                          QList<EligibilityResult>)>;
    explicit ScriptedClearinghouse(Script script, QString submitterReference = {})
        : m_script(std::move(script))
        , m_reference(std::move(submitterReference))
    {
    }
    QList<EligibilityRequest> requests;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QTcpSocket(this);
        socket->setSocketDescriptor(descriptor);
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
            m_buffer[socket] += socket->readAll();
            const QByteArray &data = m_buffer[socket];
            const qsizetype body = data.indexOf("\r\n\r\n");
            if (body < 0 || !data.contains("IEA*"))
                return;
            const auto parsed = EligibilityRequestParser::parse(data.mid(body + 4));
            if (!parsed.request) {
                socket->write(httpReply(400, "not a 270"));
                socket->disconnectFromHost();
                return;
            }
            const EligibilityRequest &request = *parsed.request;
            requests.append(request);
            SandboxClearinghouse sandbox;
            const QList<EligibilityResult> results =
                m_script(request, sandbox.resultsFor(request, 3));
            EligibilityResponseEnvelope envelope;
            envelope.submitterReference =
                m_reference.isEmpty() ? request.submitterReference : m_reference;
            envelope.createdAt = QDateTime::currentDateTimeUtc();
            socket->write(
                httpReply(200, EligibilityResponseBuilder::buildBytes(results, envelope)));
            socket->disconnectFromHost();
        });
    }

private:
    Script m_script;
    QString m_reference;
    QHash<QTcpSocket *, QByteArray> m_buffer;
};

} // namespace

Q_DECLARE_METATYPE(ScriptedClearinghouse::Script)

namespace {
template<typename T> T await(const QFuture<T> &future)
{
    return TestSupport::await(future);
}

QList<Verification> historyOf(TrainingEnvironment &env, qint64 coverageId)
{
    return await(env.service().history(coverageId)).valueOr({});
}

std::optional<Verification> latestOf(TrainingEnvironment &env, qint64 coverageId)
{
    return await(env.service().latest(coverageId)).valueOr(std::nullopt);
}

std::optional<Coverage> coverageOf(TrainingEnvironment &env, qint64 coverageId)
{
    return env.read([coverageId](const QString &connection) {
        return CoverageRepository(connection).find(coverageId).valueOr(std::nullopt);
    });
}
} // namespace

void TestEligibilityService::everyMember_data()
{
    QTest::addColumn<QString>("memberId");
    QTest::addColumn<VerificationStatus>("status");
    QTest::addColumn<VerificationError>("error");
    QTest::addColumn<int>("attempts");
    QTest::addColumn<QStringList>("aaaCodes");
    QTest::addColumn<QString>("messageContains");

    using S = VerificationStatus;
    using E = VerificationError;
    QTest::newRow("active PPO") << "ACT100001" << S::Verified << E::None << 1 << QStringList()
                                << "";
    QTest::newRow("active HMO") << "ACT200002" << S::Verified << E::None << 1 << QStringList()
                                << "";
    QTest::newRow("dependent") << "DEP300003" << S::Verified << E::None << 1 << QStringList() << "";
    QTest::newRow("other payer primary")
        << "COB400004" << S::ManualReview << E::None << 1 << QStringList() << "MEDICARE PART B";
    QTest::newRow("inactive") << "INA500005" << S::Verified << E::None << 1 << QStringList() << "";
    QTest::newRow("invalid member id")
        << "BAD600006" << S::Failed << E::Rejected << 1 << QStringList{"72"} << "member ID";
    QTest::newRow("invalid name") << "NAM700007" << S::Failed << E::Rejected << 1
                                  << QStringList{"73"} << "name";
    QTest::newRow("not found") << "NOF800008" << S::Failed << E::Rejected << 1 << QStringList{"75"}
                               << "";
    QTest::newRow("busy twice") << "BSY900009" << S::Verified << E::None << 3 << QStringList()
                                << "";
    QTest::newRow("slow") << "SLOW00010" << S::Failed << E::Timeout << 3 << QStringList()
                          << "did not answer";
    QTest::newRow("503") << "ERR500011" << S::Failed << E::ServerError << 3 << QStringList()
                         << "503";
}

void TestEligibilityService::everyMember()
{
    QFETCH(QString, memberId);
    QFETCH(VerificationStatus, status);
    QFETCH(VerificationError, error);
    QFETCH(int, attempts);
    QFETCH(QStringList, aaaCodes);
    QFETCH(QString, messageContains);

    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    const qint64 coverageId = env.coverageId(memberId);
    QVERIFY(coverageId > 0);

    QSignalSpy started(&env.service(), &EligibilityService::verificationStarted);
    QSignalSpy finished(&env.service(), &EligibilityService::verificationFinished);
    const Verification v = env.verifyAndWait(coverageId);
    QCOMPARE(v.status, status);
    QCOMPARE(v.error, error);
    QCOMPARE(v.attempts, attempts);
    QCOMPARE(v.aaaCodes, aaaCodes);
    QCOMPARE(v.coverageId, coverageId);
    QVERIFY2(v.errorMessage.contains(messageContains, Qt::CaseInsensitive),
             qPrintable(v.errorMessage));
    QCOMPARE(started.size(), 1);
    QCOMPARE(finished.size(), 1);
    // What the service says is what it stored.
    const auto stored = env.storedVerification(v.id);
    QVERIFY(stored.has_value());
    QCOMPARE(stored->status, status);
    QCOMPARE(stored->attempts, attempts);

    if (memberId == QLatin1String("ACT100001")) {
        QVERIFY(v.result && v.result->isActive());
        QCOMPARE(v.result->copayCents(QStringLiteral("98")), std::optional<qint64>(2500));
        QCOMPARE(v.result->copayCents(QStringLiteral("98"), QStringLiteral("N")),
                 std::optional<qint64>(5000));
        QCOMPARE(v.result->planName, QStringLiteral("Gold PPO 1500"));
    } else if (memberId == QLatin1String("ACT200002")) {
        QVERIFY(v.result->requiresPriorAuthorization(QStringLiteral("62")));
        QCOMPARE(v.result->copayCents(QStringLiteral("86")), std::optional<qint64>(15000));
        QCOMPARE(v.result->copayCents(QStringLiteral("UC")), std::optional<qint64>(5000));
    } else if (memberId == QLatin1String("DEP300003")) {
        QVERIFY(v.result->dependent.has_value());
        QCOMPARE(v.result->dependent->firstName, QStringLiteral("LILY"));
        QCOMPARE(v.result->dependent->relationship, QStringLiteral("19"));
        QCOMPARE(v.result->subscriber.firstName, QStringLiteral("CHRIS"));
    } else if (memberId == QLatin1String("COB400004")) {
        QCOMPARE(v.result->otherPayers.size(), 1);
        QCOMPARE(v.result->otherPayers.first().entityCode, QStringLiteral("PRP"));
    } else if (memberId == QLatin1String("INA500005")) {
        QCOMPARE(v.result->status, EligibilityResult::Status::Inactive);
        QCOMPARE(v.result->coverageEnd(), QDate(2026, 6, 30));
    } else if (memberId == QLatin1String("ERR500011") || memberId == QLatin1String("SLOW00010")) {
        QVERIFY(v.isRetryable());
        QVERIFY(!v.result.has_value());
    }
}

void TestEligibilityService::storesEverything()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    const Verification v = env.verifyAndWait(env.coverageId(QStringLiteral("ACT100001")));
    const auto stored = env.storedVerification(v.id);
    QVERIFY(stored);
    QVERIFY(stored->request.startsWith("ISA*"));
    QVERIFY(stored->request.contains("EQ*30"));
    QVERIFY(stored->request.contains("NM1*IL*1*Smith*Jane****MI*ACT100001"));
    QVERIFY(stored->response.startsWith("ISA*"));
    QVERIFY(stored->response.contains(stored->traceNumber.toLatin1()));
    QVERIFY(!stored->traceNumber.isEmpty());
    QCOMPARE(stored->result->traceNumber, stored->traceNumber);
    QCOMPARE(stored->user, QStringLiteral("tester"));
    QVERIFY(stored->durationMs >= 0);
    QVERIFY(stored->requestedAt.isValid());
    QVERIFY(stored->completedAt >= stored->requestedAt);
    QCOMPARE(stored->serviceTypes, QStringLiteral("30"));
    QCOMPARE(stored->serviceDate, QDate::currentDate());
    QCOMPARE(stored->result, v.result);
    // Every run leaves an audit row with the user and no PHI.
    bool audited = false;
    for (const AuditEntry &entry : env.auditEntries()) {
        if (entry.action == QLatin1String("verification.run") && entry.entityId == v.id)
            audited = entry.user == QLatin1String("tester");
    }
    QVERIFY(audited);
}

void TestEligibilityService::dependentIsSentIn2000D()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    const Verification v = env.verifyAndWait(env.coverageId(QStringLiteral("DEP300003")));
    QVERIFY(v.request.contains("HL*4*3*23*0"));
    QVERIFY(v.request.contains("NM1*03*1*Smith*Lily"));
    QVERIFY(v.request.contains("NM1*IL*1*Smith*Chris****MI*DEP300003"));
    QCOMPARE(v.status, VerificationStatus::Verified);
}

void TestEligibilityService::automaticRetryThenSuccess()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    const Verification v = env.verifyAndWait(env.coverageId(QStringLiteral("BSY900009")));
    QCOMPARE(v.attempts, 3);
    QCOMPARE(v.status, VerificationStatus::Verified);
    QVERIFY(v.result->isActive());
    // One stored attempt row, not three: automatic retries belong to one verification.
    QCOMPARE(historyOf(env, v.coverageId).size(), 1);
}

void TestEligibilityService::manualRetry()
{
    TrainingEnvironment::Options options;
    options.maxTries = 1; // every try is its own verification, so manual retry has work to do
    TrainingEnvironment env(options);
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    const qint64 coverageId = env.coverageId(QStringLiteral("BSY900009"));
    const Verification first = env.verifyAndWait(coverageId);
    QCOMPARE(first.status, VerificationStatus::Failed);
    QCOMPARE(first.error, VerificationError::PayerBusy);
    QVERIFY(first.isRetryable());
    QCOMPARE(first.aaaCodes, QStringList{QStringLiteral("42")});

    auto retryAndWait = [&](qint64 id) {
        VerificationJob *job = env.service().retry(id);
        Verification out;
        QSignalSpy spy(job, &Job::finished);
        connect(job, &Job::finished, this, [&out, job] { out = job->verification(); });
        spy.wait(10000);
        return out;
    };
    const Verification second = retryAndWait(first.id);
    QCOMPARE(second.status, VerificationStatus::Failed);
    QCOMPARE(second.retryOf, first.id);
    QVERIFY(second.id != first.id);
    const Verification third = retryAndWait(second.id);
    QCOMPARE(third.status, VerificationStatus::Verified);
    QCOMPARE(third.retryOf, second.id);
    const QList<Verification> history = historyOf(env, coverageId);
    QCOMPARE(history.size(), 3);
    QCOMPARE(history.first().id, third.id); // newest first
    QCOMPARE(latestOf(env, coverageId)->status, VerificationStatus::Verified);
}

void TestEligibilityService::reuseWithin24Hours()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    const qint64 coverageId = env.coverageId(QStringLiteral("ACT100001"));
    bool reused = true;
    const Verification first = env.verifyAndWait(coverageId, {}, &reused);
    QVERIFY(!reused);
    const Verification second = env.verifyAndWait(coverageId, {}, &reused);
    QVERIFY(reused);
    QCOMPARE(second.id, first.id);

    VerifyOptions force;
    force.force = true;
    const Verification forced = env.verifyAndWait(coverageId, force, &reused);
    QVERIFY(!reused);
    QVERIFY(forced.id != first.id);

    // 25 hours later the answer is no longer reused.
    const QDateTime later = QDateTime::currentDateTimeUtc().addSecs(25 * 3600);
    env.service().setClock([later] { return later; });
    const Verification fresh = env.verifyAndWait(coverageId, {}, &reused);
    QVERIFY(!reused);
    QVERIFY(fresh.id != forced.id);

    // A corrected member ID is a new question: never answered from the old one.
    Coverage changed = *coverageOf(env, coverageId);
    changed.memberId = QStringLiteral("ACT100099");
    QVERIFY(await(env.patients().saveCoverage(changed)));
    const Verification corrected = env.verifyAndWait(coverageId, {}, &reused);
    QVERIFY(!reused);
    QVERIFY(corrected.request.contains("*MI*ACT100099"));
    // ... and the same question again is reused.
    const Verification same = env.verifyAndWait(coverageId, {}, &reused);
    QVERIFY(reused);
    QCOMPARE(same.id, corrected.id);
    // Another service type is another question too.
    VerifyOptions urgentCare;
    urgentCare.serviceTypes = {QStringLiteral("UC")};
    env.verifyAndWait(coverageId, urgentCare, &reused);
    QVERIFY(!reused);

    // A failure is never reused.
    const qint64 bad = env.coverageId(QStringLiteral("BAD600006"));
    const Verification failed = env.verifyAndWait(bad, {}, &reused);
    const Verification again = env.verifyAndWait(bad, {}, &reused);
    QVERIFY(!reused);
    QVERIFY(again.id != failed.id);
}

void TestEligibilityService::expiresWithAgeAndCoverageEnd()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    const qint64 coverageId = env.coverageId(QStringLiteral("ACT100001"));
    const Verification v = env.verifyAndWait(coverageId);
    QCOMPARE(env.service().effectiveStatus(v), VerificationStatus::Verified);

    // The dashboard's SQL applies the same rule: an active answer whose coverage ended
    // yesterday counts as expired, the fresh one as verified.
    Verification ended = v;
    ended.id = 0;
    ended.result->dates = {EligibilityDate{QStringLiteral("347"), QDate::currentDate().addDays(-1),
                                           QDate::currentDate().addDays(-1)}};
    QVERIFY(env.write([ended](const QString &connection) {
        return VerificationRepository(connection).save(ended).ok();
    }));
    const VerificationStats stats = await(env.service().statistics(StatsPeriod::Today)).valueOr({});
    QCOMPARE(stats.verdictCount(Verdict::Expired), 1);
    QCOMPARE(stats.verdictCount(Verdict::Active), 1);
    QCOMPARE(stats.succeeded, 2);

    const QDateTime now = QDateTime::currentDateTimeUtc();
    env.service().setClock([now] { return now.addDays(29); });
    QCOMPARE(env.service().effectiveStatus(v), VerificationStatus::Verified);
    env.service().setClock([now] { return now.addDays(31); });
    QCOMPARE(env.service().effectiveStatus(v), VerificationStatus::Expired);
    QCOMPARE(latestOf(env, coverageId)->status, VerificationStatus::Expired);
    const QList<CoverageStatus> statuses =
        await(env.service().coverageStatuses(v.patientId)).valueOr({});
    const auto listed = std::find_if(statuses.cbegin(), statuses.cend(),
                                     [&](const auto &s) { return s.coverage.id == coverageId; });
    QVERIFY(listed != statuses.cend() && listed->latest);
    QCOMPARE(listed->latest->status, VerificationStatus::Expired);
    QVERIFY(await(env.service().expireStale()).valueOr(0) >= 1);
    QCOMPARE(env.storedVerification(v.id)->status, VerificationStatus::Expired);

    // An active answer past its coverage end date has expired even when it is young.
    env.service().setClock([now] { return now; });
    Verification young = v;
    young.completedAt = now.addDays(-2);
    const QDate localToday = now.toLocalTime().date();
    young.result->dates = {
        EligibilityDate{QStringLiteral("346"), localToday.addYears(-1), localToday.addYears(-1)},
        EligibilityDate{QStringLiteral("347"), localToday.addDays(-1), localToday.addDays(-1)}};
    young.status = VerificationStatus::Verified;
    QCOMPARE(env.service().effectiveStatus(young), VerificationStatus::Expired);
    young.result->dates.last().from = young.result->dates.last().to = localToday.addDays(10);
    QCOMPARE(env.service().effectiveStatus(young), VerificationStatus::Verified);

    // An inactive answer is not "expired": it stays a valid answer about ended coverage.
    const Verification inactive = env.verifyAndWait(env.coverageId(QStringLiteral("INA500005")));
    QCOMPARE(inactive.result->status, EligibilityResult::Status::Inactive);
    QCOMPARE(env.service().effectiveStatus(inactive), VerificationStatus::Verified);
}

void TestEligibilityService::verifiesEveryCoverageOfAPatient()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    const qint64 robert = env.patientId(QStringLiteral("Robert"));
    QVERIFY(robert > 0);
    QSignalSpy finished(&env.service(), &EligibilityService::verificationFinished);
    BatchVerification *batch = env.service().verifyPatient(robert);
    batch->setAutoDelete(false);
    QVERIFY(env.runJob(batch));
    QCOMPARE(batch->total(), 3);
    QCOMPARE(finished.size(), 3);
    QMap<CoverageOrder, VerificationStatus> byOrder;
    for (const VerificationOutcome &outcome : batch->results())
        byOrder[outcome.coverage.order] = outcome.verification.status;
    delete batch;
    QCOMPARE(byOrder.value(CoverageOrder::Primary), VerificationStatus::Verified);
    QCOMPARE(byOrder.value(CoverageOrder::Secondary), VerificationStatus::Verified);
    QCOMPARE(byOrder.value(CoverageOrder::Tertiary), VerificationStatus::ManualReview);
}

void TestEligibilityService::batchOfADayKeepsGoingAfterFailures()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    const QDate tomorrow = QDate::currentDate().addDays(1);
    const QList<qint64> ids = await(env.service().coveragesForDay(tomorrow)).valueOr({});
    QVERIFY(ids.size() >= 10);
    std::unique_ptr<BatchVerification> batch(env.service().verifyDay(tomorrow));
    batch->setAutoDelete(false);
    QSignalSpy progress(batch.get(), &BatchVerification::progressChanged);
    QVERIFY(env.runJob(batch.get(), 30000));
    QCOMPARE(batch->total(), int(ids.size()));
    QCOMPARE(batch->done(), int(ids.size()));
    QCOMPARE(batch->results().size(), ids.size());
    QVERIFY(batch->countWithStatus(VerificationStatus::Failed) >= 4); // BAD, NAM, NOF, ERR
    QVERIFY(batch->countWithStatus(VerificationStatus::Verified) >= 5);
    QCOMPARE(progress.last().at(0).toInt(), int(ids.size()));
    QVERIFY(!batch->isRunning());
    // The day is the service date of every request.
    for (const VerificationOutcome &outcome : batch->results())
        QCOMPARE(outcome.verification.serviceDate, tomorrow);
}

void TestEligibilityService::batchCancel()
{
    TrainingEnvironment::Options options;
    options.seed = false;
    TrainingEnvironment env(options);
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    QList<qint64> ids;
    // Slow members keep requests in flight long enough to cancel them.
    for (int i = 0; i < 30; ++i)
        ids << env.addPatientWithCoverage(QStringLiteral("Pat"), QStringLiteral("Slow%1").arg(i),
                                          QStringLiteral("SLOW%1").arg(i, 5, 10, QLatin1Char('0')));
    QVERIFY(!ids.contains(0));
    std::unique_ptr<BatchVerification> batch(env.service().verifyCoverages(ids));
    batch->setAutoDelete(false);
    QSignalSpy finished(batch.get(), &Job::finished);
    QSignalSpy started(&env.service(), &EligibilityService::verificationStarted);
    batch->start();
    QTRY_VERIFY_WITH_TIMEOUT(started.size() >= 8, 5000);
    QVERIFY(batch->isRunning());
    batch->cancel();
    QCOMPARE(finished.size(), 1);
    QVERIFY(batch->wasCancelled());
    QCOMPARE(batch->results().size(), 0);
    QVERIFY(batch->notStarted() >= 22);
    // Nothing is left pending (the cancels are written behind the pending rows, so they are
    // read on the writer, after them), and cancelled attempts are not answers for the coverage.
    const int pending = env.write([](const QString &connection) {
        return VerificationRepository(connection).pending().valueOr({}).size();
    });
    QCOMPARE(pending, 0);
    const int cancelled = env.write([](const QString &connection) {
        int count = 0;
        for (const Verification &v : VerificationRepository(connection)
                                         .between(QDateTime::currentDateTimeUtc().addDays(-1),
                                                  QDateTime::currentDateTimeUtc().addDays(1))
                                         .valueOr({}))
            count += v.error == VerificationError::Cancelled ? 1 : 0;
        return count;
    });
    QVERIFY(cancelled >= 8);
    QVERIFY(!latestOf(env, ids.first()).has_value());
}

void TestEligibilityService::unreachableClearinghouse()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    // A port nobody listens on: bind one, note it, close it.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    EligibilitySettings settings = env.service().settings();
    settings.clearinghouseUrl =
        QUrl(QStringLiteral("http://127.0.0.1:%1/clearinghouse/x12/270").arg(port));
    env.service().setSettings(settings);
    const Verification v = env.verifyAndWait(env.coverageId(QStringLiteral("ACT100001")));
    QCOMPARE(v.status, VerificationStatus::Failed);
    QCOMPARE(v.error, VerificationError::NetworkError);
    QCOMPARE(v.attempts, 3);
    QVERIFY(v.errorMessage.contains(QStringLiteral("Could not reach")));
}

void TestEligibilityService::missingDataIsRefusedBeforeSending()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    EligibilitySettings settings = env.service().settings();
    settings.providerNpi.clear();
    env.service().setSettings(settings);
    const Verification v = env.verifyAndWait(env.coverageId(QStringLiteral("ACT100001")));
    QCOMPARE(v.status, VerificationStatus::Failed);
    QCOMPARE(v.error, VerificationError::InvalidRequest);
    QCOMPARE(v.attempts, 0);
    QVERIFY(v.errorMessage.contains(QStringLiteral("NPI")));
}

void TestEligibilityService::interruptedAttemptsAreClosedAtStart()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    // What a killed app leaves behind: a pending row with a request and no answer.
    Verification left;
    left.coverageId = env.coverageId(QStringLiteral("ACT100001"));
    left.patientId = coverageOf(env, left.coverageId)->patientId;
    left.status = VerificationStatus::Pending;
    left.user = QStringLiteral("tester");
    left.requestedAt = QDateTime::currentDateTimeUtc();
    left.request = QByteArrayLiteral("ISA*...");
    const qint64 id = env.write([left](const QString &connection) {
        return VerificationRepository(connection).save(left).value().id;
    });
    QCOMPARE(await(env.service().recoverInterrupted()).valueOr(-1), 1);
    const auto closed = env.storedVerification(id);
    QCOMPARE(closed->status, VerificationStatus::Failed);
    QVERIFY(closed->isRetryable());
    QCOMPARE(closed->request, left.request);
    QCOMPARE(await(env.service().recoverInterrupted()).valueOr(-1), 0);
}

void TestEligibilityService::misbehavingClearinghouse_data()
{
    QTest::addColumn<QByteArray>("reply");
    QTest::addColumn<VerificationError>("error");
    QTest::addColumn<int>("attempts");
    QTest::addColumn<QString>("messageContains");
    QTest::newRow("not X12") << httpReply(200, "hello, world") << VerificationError::InvalidResponse
                             << 1 << "could not be read";
    QTest::newRow("truncated 271")
        << httpReply(200, "ISA*00*          *00*          *ZZ*CLEARINGHOUSE  *ZZ*CLINICDESK     "
                          "*261124*0830*^*00501*000000001*0*T*:~GS*HB*X")
        << VerificationError::InvalidResponse << 1 << "truncated";
    QTest::newRow("400 not retried")
        << httpReply(400, "bad request") << VerificationError::HttpError << 1 << "HTTP 400";
    QTest::newRow("hang up") << QByteArray() << VerificationError::NetworkError << 3
                             << "Could not reach";
}

void TestEligibilityService::misbehavingClearinghouse()
{
    QFETCH(QByteArray, reply);
    QFETCH(VerificationError, error);
    QFETCH(int, attempts);
    QFETCH(QString, messageContains);
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    BadServer server(reply);
    QVERIFY(server.listen(QHostAddress::LocalHost));
    EligibilitySettings settings = env.service().settings();
    settings.clearinghouseUrl =
        QUrl(QStringLiteral("http://127.0.0.1:%1/x12/270").arg(server.serverPort()));
    env.service().setSettings(settings);
    const Verification v = env.verifyAndWait(env.coverageId(QStringLiteral("ACT100001")));
    QCOMPARE(v.status, VerificationStatus::Failed);
    QCOMPARE(v.error, error);
    QCOMPARE(v.attempts, attempts);
    // Qt itself resends once when a kept-alive connection is closed before any answer.
    QVERIFY(server.requests >= attempts && server.requests <= attempts + 1);
    QVERIFY2(v.errorMessage.contains(messageContains, Qt::CaseInsensitive),
             qPrintable(v.errorMessage));
    // What came back is kept with the attempt, so nothing is lost for a later look.
    const auto stored = env.storedVerification(v.id);
    QCOMPARE(stored->response, v.response);
    QVERIFY(stored->request.startsWith("ISA*"));
}

void TestEligibilityService::answerMustMatchTheRequest_data()
{
    using Script = ScriptedClearinghouse::Script;
    QTest::addColumn<Script>("script");
    QTest::addColumn<VerificationStatus>("status");
    QTest::addColumn<VerificationError>("error");
    QTest::addColumn<QString>("messageContains");
    using S = VerificationStatus;
    using E = VerificationError;
    QTest::newRow("another trace number")
        << Script([](const EligibilityRequest &, QList<EligibilityResult> results) {
               results.first().traceNumber = QStringLiteral("00000001-ABCDEF");
               return results;
           })
        << S::Failed << E::MismatchedAnswer << "00000001-ABCDEF";
    QTest::newRow("no trace number")
        << Script([](const EligibilityRequest &, QList<EligibilityResult> results) {
               results.first().traceNumber.clear();
               return results;
           })
        << S::Failed << E::MismatchedAnswer << "no trace number";
    QTest::newRow("another member")
        << Script([](const EligibilityRequest &, QList<EligibilityResult> results) {
               results.first().subscriber.memberId = QStringLiteral("ACT100777");
               return results;
           })
        << S::Failed << E::MismatchedAnswer << "ACT100777";
    QTest::newRow("another payer")
        << Script([](const EligibilityRequest &, QList<EligibilityResult> results) {
               results.first().payerId = QStringLiteral("INS003");
               return results;
           })
        << S::Failed << E::MismatchedAnswer << "INS003";
    QTest::newRow("another patient's answer first, ours second")
        << Script([](const EligibilityRequest &, QList<EligibilityResult> results) {
               EligibilityResult other = results.first();
               other.traceNumber = QStringLiteral("99999999-000000");
               other.subscriber.memberId = QStringLiteral("ACT100555");
               other.subscriber.lastName = QStringLiteral("OTHER");
               other.planName = QStringLiteral("SOMEONE ELSE'S PLAN");
               results.prepend(other);
               return results;
           })
        << S::Verified << E::None << "";
    QTest::newRow("member ID corrected (REF*Q4 is ours)")
        << Script([](const EligibilityRequest &request, QList<EligibilityResult> results) {
               results.first().subscriber.priorMemberId = request.memberId;
               results.first().subscriber.memberId = QStringLiteral("ACT100888");
               return results;
           })
        << S::ManualReview << E::None << "ACT100888";
}

void TestEligibilityService::answerMustMatchTheRequest()
{
    QFETCH(ScriptedClearinghouse::Script, script);
    QFETCH(VerificationStatus, status);
    QFETCH(VerificationError, error);
    QFETCH(QString, messageContains);
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    ScriptedClearinghouse server(script);
    QVERIFY(server.listen(QHostAddress::LocalHost));
    EligibilitySettings settings = env.service().settings();
    settings.clearinghouseUrl =
        QUrl(QStringLiteral("http://127.0.0.1:%1/x12/270").arg(server.serverPort()));
    env.service().setSettings(settings);
    const qint64 coverageId = env.coverageId(QStringLiteral("ACT100001"));

    const Verification v = env.verifyAndWait(coverageId);
    QCOMPARE(v.status, status);
    QCOMPARE(v.error, error);
    QCOMPARE(v.attempts, 1); // an answer to another request is not retried by itself
    QVERIFY2(v.errorMessage.contains(messageContains, Qt::CaseInsensitive),
             qPrintable(v.errorMessage));
    if (status == VerificationStatus::Failed) {
        // Never this patient's answer: no result stored, never reused.
        QVERIFY(!v.result.has_value());
        QVERIFY(!env.storedVerification(v.id)->result.has_value());
        bool reused = true;
        env.verifyAndWait(coverageId, {}, &reused);
        QVERIFY(!reused);
        QCOMPARE(server.requests.size(), 2);
    } else {
        QCOMPARE(v.result->traceNumber, v.traceNumber);
        QVERIFY(v.result->planName != QLatin1String("SOMEONE ELSE'S PLAN"));
    }
}

void TestEligibilityService::requestLevelRejectionIsAnAnswer()
{
    // AAA 42 at the payer loop names no patient and carries no trace: it is still the answer
    // to our request (BHT03 is ours), retried as "payer busy"; with another BHT03 it is not.
    for (const bool ours : {true, false}) {
        TrainingEnvironment env;
        QVERIFY2(env.isReady(), qPrintable(env.error()));
        ScriptedClearinghouse server(
            [](const EligibilityRequest &request, QList<EligibilityResult>) {
                EligibilityResult busy;
                busy.payerId = request.payerId;
                busy.status = EligibilityResult::Status::Rejected;
                busy.rejections = {AaaRejection{QStringLiteral("2100A"), true, QStringLiteral("42"),
                                                QStringLiteral("R")}};
                return QList<EligibilityResult>{busy};
            },
            ours ? QString() : QStringLiteral("999999"));
        QVERIFY(server.listen(QHostAddress::LocalHost));
        EligibilitySettings settings = env.service().settings();
        settings.clearinghouseUrl =
            QUrl(QStringLiteral("http://127.0.0.1:%1/x12/270").arg(server.serverPort()));
        env.service().setSettings(settings);
        const Verification v = env.verifyAndWait(env.coverageId(QStringLiteral("ACT100001")));
        QCOMPARE(v.status, VerificationStatus::Failed);
        if (ours) {
            QCOMPARE(v.error, VerificationError::PayerBusy);
            QCOMPARE(v.attempts, 3);
            QCOMPARE(v.aaaCodes, QStringList{QStringLiteral("42")});
        } else {
            QCOMPARE(v.error, VerificationError::MismatchedAnswer);
            QVERIFY2(v.errorMessage.contains(QStringLiteral("999999")), qPrintable(v.errorMessage));
        }
    }
}

void TestEligibilityService::failedAuditWriteIsAnError()
{
    TrainingEnvironment env;
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    // An audit trail that refuses rows (as a full disk or a damaged table would).
    const QString dropped = env.write([](const QString &connection) {
        QSqlQuery query(Database::connection(connection));
        return query.exec(QStringLiteral("DROP TABLE audit_log")) ? QString()
                                                                  : query.lastError().text();
    });
    QVERIFY2(dropped.isEmpty(), qPrintable(dropped));
    QSignalSpy started(&env.service(), &EligibilityService::verificationStarted);
    VerificationJob *job = env.service().verify(env.coverageId(QStringLiteral("ACT100001")));
    QSignalSpy finished(job, &Job::finished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(job->error(), Job::Error::StorageError);
    QVERIFY2(job->errorString().contains(QStringLiteral("audit trail")),
             qPrintable(job->errorString()));
    QCOMPARE(job->verification().error, VerificationError::StorageError);
    // Nothing was sent and no attempt row was left behind.
    QCOMPARE(started.size(), 0);
    const int rows = env.read([](const QString &connection) {
        QSqlQuery query(Database::connection(connection));
        return query.exec(QStringLiteral("SELECT count(*) FROM verifications")) && query.next()
                   ? query.value(0).toInt()
                   : -1;
    });
    QCOMPARE(rows, 0);
    // Opening a patient's record is refused the same way.
    const StoreResult<Patient> opened = await(env.patients().open(env.patientId("Jane")));
    QVERIFY(!opened);
    QVERIFY(opened.error().contains(QStringLiteral("audit trail")));
}

void TestEligibilityService::retryHonoursRetryAfter()
{
    // A busy clearinghouse that says when to come back: the next try is not sooner.
    TrainingEnvironment::Options options;
    options.backoffBaseMs = 1; // the jittered backoff alone would retry at once
    TrainingEnvironment env(options);
    QVERIFY2(env.isReady(), qPrintable(env.error()));
    BadServer server(httpReply(429, "slow down", "Retry-After: 1\r\n"));
    QVERIFY(server.listen(QHostAddress::LocalHost));
    EligibilitySettings settings = env.service().settings();
    settings.clearinghouseUrl =
        QUrl(QStringLiteral("http://127.0.0.1:%1/x12/270").arg(server.serverPort()));
    settings.maxTries = 2;
    env.service().setSettings(settings);
    QElapsedTimer clock;
    clock.start();
    const Verification v = env.verifyAndWait(env.coverageId(QStringLiteral("ACT100001")));
    QCOMPARE(v.attempts, 2);
    QCOMPARE(v.error, VerificationError::PayerBusy);
    QVERIFY2(clock.elapsed() >= 1000, qPrintable(QString::number(clock.elapsed())));
}

QTEST_GUILESS_MAIN(TestEligibilityService)
#include "tst_eligibilityservice.moc"

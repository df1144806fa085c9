// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/common/job.h"
#include "services/common/retrypolicy.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <cmath>

using Ms = RetryPolicy::Ms;

namespace {
//! A job that does nothing until told: for the base class's contract.
class ManualJob : public Job
{
public:
    using Job::Job;
    int starts = 0;
    int cancels = 0;
    void succeed() { finish(); }
    void failWith(Error error, const QString &text) { finish(error, text); }

protected:
    void doStart() override { ++starts; }
    void doCancel() override { ++cancels; }
};
} // namespace

class TestRetryPolicy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void ceilingsDoubleUpToTheCap();
    void fullJitterStaysWithinBoundsAndSpreads();
    void retryableErrorsOnly_data();
    void retryableErrorsOnly();
    void triesAndTimeAreBudgeted();
    void retryAfterIsHonoured();
    void parseRetryAfter_data();
    void parseRetryAfter();
    void jobFinishesOnce();
    void cancelledJobHasNoErrorText();
    void jobErrorTextFallsBackToTheCategory();
};

void TestRetryPolicy::ceilingsDoubleUpToTheCap()
{
    RetryPolicy policy;
    policy.baseDelay = Ms(500);
    policy.maxDelay = Ms(5000);
    QCOMPARE(policy.ceilingBefore(1), Ms(0));
    QCOMPARE(policy.ceilingBefore(2), Ms(500));
    QCOMPARE(policy.ceilingBefore(3), Ms(1000));
    QCOMPARE(policy.ceilingBefore(5), Ms(4000));
    QCOMPARE(policy.ceilingBefore(6), Ms(5000));
    QCOMPARE(policy.ceilingBefore(1000), Ms(5000)); // no overflow
}

void TestRetryPolicy::fullJitterStaysWithinBoundsAndSpreads()
{
    // Full jitter: uniform in [0, ceiling]. 1000 clients failing together must not come back
    // together: the delays spread (coefficient of variation above 0.3, as for a uniform
    // distribution's ~0.58).
    RetryPolicy policy;
    policy.baseDelay = Ms(1000);
    policy.maxDelay = Ms(300000);
    QRandomGenerator random(42);
    for (int tryNumber = 2; tryNumber <= 6; ++tryNumber) {
        const qint64 ceiling = policy.ceilingBefore(tryNumber).count();
        double sum = 0;
        double squares = 0;
        constexpr int clients = 1000;
        for (int i = 0; i < clients; ++i) {
            const qint64 delay = policy.delayBefore(tryNumber, std::nullopt, &random).count();
            QVERIFY(delay >= 0 && delay <= ceiling);
            sum += double(delay);
            squares += double(delay) * double(delay);
        }
        const double mean = sum / clients;
        const double deviation = std::sqrt(squares / clients - mean * mean);
        QVERIFY2(deviation / mean > 0.3, qPrintable(QString::number(deviation / mean)));
        QVERIFY(mean > ceiling * 0.4 && mean < ceiling * 0.6); // centred like a uniform draw
    }
}

void TestRetryPolicy::retryableErrorsOnly_data()
{
    QTest::addColumn<Job::Error>("error");
    QTest::addColumn<bool>("retried");
    using E = Job::Error;
    QTest::newRow("timeout") << E::Timeout << true;
    QTest::newRow("network") << E::NetworkError << true;
    QTest::newRow("5xx") << E::ServerError << true;
    QTest::newRow("busy (429, AAA 42)") << E::Busy << true;
    QTest::newRow("4xx") << E::HttpError << false;
    QTest::newRow("rejected") << E::Rejected << false;
    QTest::newRow("unreadable") << E::InvalidResponse << false;
    QTest::newRow("too large") << E::TooLarge << false;
    QTest::newRow("cancelled") << E::Cancelled << false;
}

void TestRetryPolicy::retryableErrorsOnly()
{
    QFETCH(Job::Error, error);
    QFETCH(bool, retried);
    RetryPolicy policy;
    QCOMPARE(policy.nextDelay(1, error, Ms(0)).has_value(), retried);
}

void TestRetryPolicy::triesAndTimeAreBudgeted()
{
    RetryPolicy policy;
    policy.maxTries = 3;
    policy.baseDelay = Ms(1000);
    QVERIFY(policy.nextDelay(1, Job::Error::Timeout, Ms(0)));
    QVERIFY(policy.nextDelay(2, Job::Error::Timeout, Ms(0)));
    QVERIFY(!policy.nextDelay(3, Job::Error::Timeout, Ms(0)));

    policy.maxTries = 100;
    policy.timeBudget = Ms(60000);
    QRandomGenerator random(7);
    // Already past the budget: no further try, whatever the jitter draws.
    QVERIFY(!policy.nextDelay(2, Job::Error::Timeout, Ms(60001), std::nullopt, &random));
    // A Retry-After that would land after the budget ends the retries too.
    QVERIFY(!policy.nextDelay(2, Job::Error::Busy, Ms(50000), Ms(20000), &random));
    QVERIFY(policy.nextDelay(2, Job::Error::Busy, Ms(30000), Ms(20000), &random));
}

void TestRetryPolicy::retryAfterIsHonoured()
{
    RetryPolicy policy;
    policy.baseDelay = Ms(10);
    policy.maxDelay = Ms(30000);
    QRandomGenerator random(1);
    for (int i = 0; i < 100; ++i) {
        const auto delay = policy.nextDelay(1, Job::Error::Busy, Ms(0), Ms(7000), &random);
        QVERIFY(delay);
        QCOMPARE(*delay, Ms(7000)); // never sooner; the jitter here is far smaller
    }
    // Longer than the policy waits at most: stop, and let a person try later.
    QVERIFY(!policy.nextDelay(1, Job::Error::Busy, Ms(0), Ms(31000), &random));
}

void TestRetryPolicy::parseRetryAfter_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<qint64>("expectedMs"); // -1: none
    QTest::newRow("seconds") << QByteArray("120") << qint64(120000);
    QTest::newRow("spaces") << QByteArray(" 5 ") << qint64(5000);
    QTest::newRow("zero") << QByteArray("0") << qint64(0);
    QTest::newRow("negative") << QByteArray("-3") << qint64(-1);
    QTest::newRow("http date") << QByteArray("Tue, 01 Dec 2026 10:00:30 GMT") << qint64(30000);
    QTest::newRow("date in the past") << QByteArray("Tue, 01 Dec 2026 09:00:00 GMT") << qint64(0);
    QTest::newRow("garbage") << QByteArray("soon") << qint64(-1);
    QTest::newRow("empty") << QByteArray() << qint64(-1);
}

void TestRetryPolicy::parseRetryAfter()
{
    QFETCH(QByteArray, value);
    QFETCH(qint64, expectedMs);
    const QDateTime now(QDate(2026, 12, 1), QTime(10, 0), Qt::UTC);
    const auto parsed = RetryPolicy::parseRetryAfter(value, now);
    QCOMPARE(parsed.has_value(), expectedMs >= 0);
    if (parsed)
        QCOMPARE(parsed->count(), expectedMs);
}

void TestRetryPolicy::jobFinishesOnce()
{
    ManualJob job;
    job.setAutoDelete(false);
    QSignalSpy finished(&job, &Job::finished);
    job.start();
    job.start(); // a second start does nothing
    QCOMPARE(job.starts, 1);
    QVERIFY(job.isStarted() && !job.isFinished());
    job.failWith(Job::Error::Timeout, QStringLiteral("no answer from host.example"));
    job.succeed();
    job.cancel(); // too late: nothing changes
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().value<Job *>(), &job);
    QCOMPARE(job.error(), Job::Error::Timeout);
    QCOMPARE(job.errorString(), QStringLiteral("no answer from host.example"));
    QCOMPARE(job.cancels, 0);
}

void TestRetryPolicy::cancelledJobHasNoErrorText()
{
    ManualJob job;
    job.setAutoDelete(false);
    QSignalSpy finished(&job, &Job::finished);
    job.start();
    job.cancel();
    QCOMPARE(job.cancels, 1);
    QCOMPARE(finished.size(), 1);
    QVERIFY(job.wasCancelled());
    QVERIFY(job.errorString().isEmpty()); // a cancelled job is never shown as an error

    // An auto-deleting job goes away after finishing.
    QPointer<ManualJob> transient = new ManualJob;
    transient->start();
    transient->succeed();
    QTRY_VERIFY(transient.isNull());
}

void TestRetryPolicy::jobErrorTextFallsBackToTheCategory()
{
    ManualJob job;
    job.setAutoDelete(false);
    job.start();
    job.failWith(Job::Error::StorageError, {});
    QVERIFY(job.errorString().contains(QStringLiteral("database")));
    for (int e = int(Job::Error::Timeout); e <= int(Job::Error::StorageError); ++e)
        QVERIFY(!Job::defaultErrorString(Job::Error(e)).isEmpty());
}

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"

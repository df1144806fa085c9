// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/testsupport.h"

#include "services/eligibility/verificationstats.h"
#include "services/x12/eligibilityresult.h"

#include <QTest>

#include <time.h>

namespace {
/*!
  Builds attempts from a compact spec, one per comma-separated item:
  "verified", "review", "expired", "pending", "cancelled", "failed:<error key>" or
  "failed:rejected:72/75" (AAA codes separated by '/'), "failed:payer_busy:42"; "inactive"
  (verified: the payer said the coverage is not active), "inactive-expired" (such an answer
  stored as expired), "inactive-review" (to review) and "active" (verified, with an answer that
  says so).
 */
QList<Verification> attempts(const QString &spec)
{
    QList<Verification> list;
    qint64 id = 0;
    for (const QString &item : spec.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QStringList parts = item.trimmed().split(QLatin1Char(':'));
        Verification v;
        v.id = ++id;
        v.durationMs = 100;
        const QString kind = parts.at(0);
        if (kind.startsWith(QLatin1String("inactive")) || kind == QLatin1String("active")) {
            EligibilityResult result;
            result.status = kind == QLatin1String("active") ? EligibilityResult::Status::Active
                                                            : EligibilityResult::Status::Inactive;
            v.result = result;
            v.status = kind == QLatin1String("inactive-expired")  ? VerificationStatus::Expired
                       : kind == QLatin1String("inactive-review") ? VerificationStatus::ManualReview
                                                                  : VerificationStatus::Verified;
        } else if (kind == QLatin1String("verified")) {
            v.status = VerificationStatus::Verified;
        } else if (kind == QLatin1String("review")) {
            v.status = VerificationStatus::ManualReview;
        } else if (kind == QLatin1String("expired")) {
            v.status = VerificationStatus::Expired;
        } else if (kind == QLatin1String("pending")) {
            v.status = VerificationStatus::Pending;
        } else if (kind == QLatin1String("cancelled")) {
            v.status = VerificationStatus::Failed;
            v.error = VerificationError::Cancelled;
        } else {
            v.status = VerificationStatus::Failed;
            v.error = verificationErrorFromKey(parts.value(1));
            if (parts.size() > 2)
                v.aaaCodes = parts.at(2).split(QLatin1Char('/'));
        }
        list.append(v);
    }
    return list;
}

QStringList reasonKeys(const QList<ReasonCount> &reasons)
{
    QStringList keys;
    for (const ReasonCount &r : reasons)
        keys << QStringLiteral("%1=%2").arg(r.key).arg(r.count);
    return keys;
}

QString aaaReason(const QString &code)
{
    AaaRejection rejection;
    rejection.code = code;
    return rejection.reason();
}

//! Switches the process time zone for one test and back.
class TimeZoneScope
{
public:
    explicit TimeZoneScope(const QByteArray &zone)
        : m_had(qEnvironmentVariableIsSet("TZ"))
        , m_old(qgetenv("TZ"))
    {
        qputenv("TZ", zone);
        tzset();
    }
    ~TimeZoneScope()
    {
        if (m_had)
            qputenv("TZ", m_old);
        else
            qunsetenv("TZ");
        tzset();
    }
    TimeZoneScope(const TimeZoneScope &) = delete;
    TimeZoneScope &operator=(const TimeZoneScope &) = delete;

private:
    bool m_had;
    QByteArray m_old;
};

QDateTime utc(const QString &iso)
{
    return QDateTime::fromString(iso, Qt::ISODate).toUTC();
}
} // namespace

class TestVerificationStats : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void emptyInput();
    void counts_data();
    void counts();
    void durations_data();
    void durations();
    void pendingAndCancelledDurationsIgnored();
    void statusBreakdownUsesEffectiveStatus();
    void statusBreakdownWithoutFunction();
    void inactiveIsItsOwnCategory();
    void reasons_data();
    void reasons();
    void aaaReasonTexts();
    void periodRange_data();
    void periodRange();
    void aggregatesGiveTheSameFigures_data();
    void aggregatesGiveTheSameFigures();
};

void TestVerificationStats::emptyInput()
{
    const VerificationStats stats = VerificationStats::compute({});
    QVERIFY(stats.isEmpty());
    QCOMPARE(stats.total, 0);
    QCOMPARE(stats.succeeded, 0);
    QCOMPARE(stats.failed, 0);
    QCOMPARE(stats.successRate, 0.0);
    QCOMPARE(stats.failureRate, 0.0);
    QCOMPARE(stats.averageMs, 0.0);
    QCOMPARE(stats.p95Ms, 0);
    QVERIFY(stats.verdictCounts.isEmpty());
    QCOMPARE(stats.inactive, 0);
    QCOMPARE(stats.inactiveRate, 0.0);
    QVERIFY(stats.topReasons.isEmpty());
    QCOMPARE(stats, VerificationStats());
}

void TestVerificationStats::counts_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<int>("total");
    QTest::addColumn<int>("succeeded");
    QTest::addColumn<int>("failed");
    QTest::addColumn<int>("inactive");
    QTest::addColumn<int>("pending");
    QTest::addColumn<int>("cancelled");
    QTest::addColumn<double>("successRate");
    QTest::addColumn<double>("failureRate");

    QTest::newRow("all verified") << "verified,verified" << 2 << 2 << 0 << 0 << 0 << 0 << 1.0
                                  << 0.0;
    QTest::newRow("review counts as success") << "verified,review,failed:timeout,failed:rejected:72"
                                              << 4 << 2 << 2 << 0 << 0 << 0 << 0.5 << 0.5;
    QTest::newRow("expired answer was a success")
        << "expired,failed:server_error,failed:network_error,failed:rejected:72" << 4 << 1 << 3 << 0
        << 0 << 0 << 0.25 << 0.75;
    QTest::newRow("pending and cancelled excluded")
        << "verified,pending,cancelled,failed:timeout,cancelled,pending,pending" << 2 << 1 << 1 << 0
        << 3 << 2 << 0.5 << 0.5;
    QTest::newRow("only pending and cancelled")
        << "pending,cancelled" << 0 << 0 << 0 << 0 << 1 << 1 << 0.0 << 0.0;
    QTest::newRow("one third") << "verified,failed:timeout,failed:timeout" << 3 << 1 << 2 << 0 << 0
                               << 0 << 1.0 / 3.0 << 2.0 / 3.0;
    QTest::newRow("all failed") << "failed:payer_busy:42,failed:invalid_response" << 2 << 0 << 2
                                << 0 << 0 << 0 << 0.0 << 1.0;
    // An answer that the coverage is not active is no success, whatever became of it since.
    QTest::newRow("inactive is no success") << "active,inactive,failed:rejected:72,inactive-expired"
                                            << 4 << 1 << 1 << 2 << 0 << 0 << 0.25 << 0.25;
    QTest::newRow("only inactive")
        << "inactive,inactive-review" << 2 << 0 << 0 << 2 << 0 << 0 << 0.0 << 0.0;
}

void TestVerificationStats::counts()
{
    QFETCH(QString, spec);
    const VerificationStats stats = VerificationStats::compute(attempts(spec));
    QTEST(stats.total, "total");
    QTEST(stats.succeeded, "succeeded");
    QTEST(stats.failed, "failed");
    QTEST(stats.inactive, "inactive");
    QTEST(stats.pending, "pending");
    QTEST(stats.cancelled, "cancelled");
    QTEST(stats.successRate, "successRate");
    QTEST(stats.failureRate, "failureRate");
    QCOMPARE(stats.succeeded + stats.inactive + stats.failed, stats.total);
    if (stats.total > 0) {
        QCOMPARE(stats.inactiveRate, double(stats.inactive) / stats.total);
        QCOMPARE(stats.successRate + stats.inactiveRate + stats.failureRate, 1.0);
    }
    QCOMPARE(stats.isEmpty(), stats.total == 0);
}

void TestVerificationStats::durations_data()
{
    QTest::addColumn<QList<int>>("durations");
    QTest::addColumn<double>("average");
    QTest::addColumn<int>("p95");

    QList<int> twenty;
    for (int i = 20; i >= 1; --i) // unsorted on purpose
        twenty << i * 100;
    // ceil(0.95 * 20) = 19: the 19th smallest
    QTest::newRow("20 values") << twenty << 1050.0 << 1900;
    QList<int> hundred;
    for (int i = 1; i <= 100; ++i)
        hundred << i;
    QTest::newRow("100 values") << hundred << 50.5 << 95;
    QList<int> twentyOne = twenty;
    twentyOne << 5000;
    // ceil(0.95 * 21) = 20: the 20th smallest of 100..2000, 5000
    QTest::newRow("21 values") << twentyOne << (21000.0 + 5000.0) / 21.0 << 2000;
    // ceil(0.95 * 10) = 10: with few values the slowest one is the 95th percentile
    QTest::newRow("10 values") << QList<int>{10, 20, 30, 40, 50, 60, 70, 80, 90, 1000} << 145.0
                               << 1000;
    QTest::newRow("one value") << QList<int>{1234} << 1234.0 << 1234;
    QTest::newRow("all equal") << QList<int>{300, 300, 300} << 300.0 << 300;
    QTest::newRow("zero durations") << QList<int>{0, 0} << 0.0 << 0;
}

void TestVerificationStats::durations()
{
    QFETCH(QList<int>, durations);
    QList<Verification> list;
    for (int i = 0; i < durations.size(); ++i) {
        Verification v;
        v.id = i + 1;
        // Outcomes alternate: response time counts for successes and failures alike.
        v.status = i % 2 ? VerificationStatus::Failed : VerificationStatus::Verified;
        v.error = i % 2 ? VerificationError::Timeout : VerificationError::None;
        v.durationMs = durations.at(i);
        list << v;
    }
    const VerificationStats stats = VerificationStats::compute(list);
    QTEST(stats.averageMs, "average");
    QTEST(stats.p95Ms, "p95");
}

void TestVerificationStats::pendingAndCancelledDurationsIgnored()
{
    QList<Verification> list =
        attempts(QStringLiteral("verified,failed:timeout,pending,cancelled"));
    list[0].durationMs = 400;
    list[1].durationMs = 600;
    list[2].durationMs = 90000; // still waiting: no response time yet
    list[3].durationMs = 80000; // stopped by the clerk
    const VerificationStats stats = VerificationStats::compute(list);
    QCOMPARE(stats.averageMs, 500.0);
    QCOMPARE(stats.p95Ms, 600);
}

void TestVerificationStats::statusBreakdownUsesEffectiveStatus()
{
    // verified (id 1, turned expired), verified, review, failed, failed, pending, cancelled
    const QList<Verification> list = attempts(
        QStringLiteral("verified,verified,review,failed:timeout,failed:rejected:72,pending,"
                       "cancelled"));
    const VerificationStats stats = VerificationStats::compute(list, [](const Verification &v) {
        return v.id == 1 ? VerificationStatus::Expired : v.status;
    });
    QCOMPARE(stats.verdictCount(Verdict::Active), 1);
    QCOMPARE(stats.verdictCount(Verdict::Expired), 1);
    QCOMPARE(stats.verdictCount(Verdict::NeedsReview), 1);
    // Named as everywhere: the timeout could not be verified, the AAA 72 was rejected.
    QCOMPARE(stats.verdictCount(Verdict::CouldNotVerify), 1);
    QCOMPARE(stats.verdictCount(Verdict::Rejected), 1);
    QCOMPARE(stats.verdictCount(Verdict::Pending), 0);
    QCOMPARE(stats.verdictCounts.size(), 5);
    // The effective status changes the breakdown, never whether the attempt succeeded.
    QCOMPARE(stats.succeeded, 3);
    QCOMPARE(stats.failed, 2);
    int sum = 0;
    for (int count : stats.verdictCounts)
        sum += count;
    QCOMPARE(sum, stats.total);
}

void TestVerificationStats::statusBreakdownWithoutFunction()
{
    const VerificationStats stats =
        VerificationStats::compute(attempts(QStringLiteral("verified,expired,expired,pending")));
    QCOMPARE(stats.verdictCount(Verdict::Active), 1);
    QCOMPARE(stats.verdictCount(Verdict::Expired), 2);
    QCOMPARE(stats.verdictCounts.size(), 2);
}

void TestVerificationStats::inactiveIsItsOwnCategory()
{
    // ids 1 active, 2 inactive, 3 inactive (turned expired by age), 4 inactive to review,
    // 5 inactive stored as expired, 6 verified without a parsed answer, 7 rejected.
    const QList<Verification> list =
        attempts(QStringLiteral("active,inactive,inactive,inactive-review,inactive-expired,"
                                "verified,failed:rejected:72"));
    const VerificationStats stats = VerificationStats::compute(list, [](const Verification &v) {
        return v.id == 3 ? VerificationStatus::Expired : v.status;
    });
    QCOMPARE(stats.total, 7);
    QCOMPARE(stats.succeeded, 2); // 1 and 6: never an inactive answer
    QCOMPARE(stats.inactive, 4);
    QCOMPARE(stats.failed, 1);
    QCOMPARE(stats.inactiveRate, 4.0 / 7.0);
    // Shown now: one INACTIVE (2); the aged ones are EXPIRED, the one to review NEEDS REVIEW;
    // never ACTIVE.
    QCOMPARE(stats.verdictCount(Verdict::Active), 2);
    QCOMPARE(stats.verdictCount(Verdict::Inactive), 1);
    QCOMPARE(stats.verdictCount(Verdict::Expired), 2);
    QCOMPARE(stats.verdictCount(Verdict::NeedsReview), 1);
    QCOMPARE(stats.verdictCount(Verdict::Rejected), 1);
    // Inactive answers are no failure reasons.
    QCOMPARE(reasonKeys(stats.topReasons), QStringList{QStringLiteral("aaa:72=1")});
    QCOMPARE(VerificationStats::breakdownVerdict(VerificationStatus::Verified, true),
             Verdict::Inactive);
    QCOMPARE(VerificationStats::breakdownVerdict(VerificationStatus::Verified, false),
             Verdict::Active);
}

void TestVerificationStats::reasons_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QStringList>("expected"); // key=count, in order

    QTest::newRow("none when all succeed") << "verified,review,expired" << QStringList();
    QTest::newRow("count descending")
        << "failed:timeout,failed:rejected:72,failed:rejected:72,failed:server_error,"
           "failed:rejected:72,failed:timeout"
        << QStringList{"aaa:72=3", "timeout=2", "server_error=1"};
    // Equal counts: by text. "Clearinghouse timeout" < "Clearinghouse unavailable (5xx)" <
    // "Clearinghouse unreachable" < "Payer busy (AAA 42)" < "Unreadable clearinghouse answer".
    QTest::newRow("ties by text, top five")
        << "failed:invalid_response,failed:payer_busy:42,failed:network_error,failed:server_error,"
           "failed:timeout,failed:rejected:72,failed:rejected:72,failed:server_error,"
           "failed:timeout,failed:rejected:72"
        << QStringList{"aaa:72=3", "timeout=2", "server_error=2", "network_error=1",
                       "payer_busy:42=1"};
    QTest::newRow("each distinct AAA code of an attempt")
        << "failed:rejected:72/73/72,failed:rejected:73" << QStringList{"aaa:73=2", "aaa:72=1"};
    QTest::newRow("rejection without codes") << "failed:rejected" << QStringList{"rejected=1"};
    QTest::newRow("pending and cancelled are no failures")
        << "pending,cancelled,cancelled,failed:timeout" << QStringList{"timeout=1"};
    QTest::newRow("payer busy by code")
        << "failed:payer_busy:42,failed:payer_busy:42/42,failed:payer_busy:80,failed:payer_busy"
        << QStringList{"payer_busy:42=2", "payer_busy=1", "payer_busy:80=1"};
    QTest::newRow("other errors") << "failed:http_error,failed:invalid_request,failed:none"
                                  << QStringList{"http_error=1", "invalid_request=1", "other=1"};
}

void TestVerificationStats::reasons()
{
    QFETCH(QString, spec);
    QFETCH(QStringList, expected);
    const VerificationStats stats = VerificationStats::compute(attempts(spec));
    QVERIFY(stats.topReasons.size() <= VerificationStats::TopReasonCount);
    QCOMPARE(reasonKeys(stats.topReasons), expected);
}

void TestVerificationStats::aaaReasonTexts()
{
    const VerificationStats stats = VerificationStats::compute(
        attempts(QStringLiteral("failed:rejected:72,failed:rejected:75,failed:timeout,"
                                "failed:server_error,failed:payer_busy:42")));
    QHash<QString, QString> texts;
    for (const ReasonCount &r : stats.topReasons)
        texts.insert(r.key, r.reason);
    QCOMPARE(texts.value(QStringLiteral("aaa:72")), aaaReason(QStringLiteral("72")));
    QCOMPARE(texts.value(QStringLiteral("aaa:75")), aaaReason(QStringLiteral("75")));
    QCOMPARE(texts.value(QStringLiteral("timeout")), QStringLiteral("Clearinghouse timeout"));
    QCOMPARE(texts.value(QStringLiteral("server_error")),
             QStringLiteral("Clearinghouse unavailable (5xx)"));
    QCOMPARE(texts.value(QStringLiteral("payer_busy:42")), QStringLiteral("Payer busy (AAA 42)"));
    QVERIFY(!texts.value(QStringLiteral("aaa:72")).isEmpty());

    // The per-attempt grouping the chart's tooltips rely on.
    Verification v = attempts(QStringLiteral("failed:rejected:72/72/75")).constFirst();
    const QList<ReasonCount> reasons = VerificationStats::failureReasons(v);
    QCOMPARE(reasons.size(), 2);
    QCOMPARE(reasons.at(0).key, QStringLiteral("aaa:72"));
    QCOMPARE(reasons.at(1).key, QStringLiteral("aaa:75"));
}

void TestVerificationStats::periodRange_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<StatsPeriod>("period");
    QTest::addColumn<QDateTime>("from");

    const QDateTime noonUtc = utc(QStringLiteral("2026-03-10T12:00:00.000Z"));
    QTest::newRow("UTC today") << QByteArray("UTC") << noonUtc << StatsPeriod::Today
                               << utc(QStringLiteral("2026-03-10T00:00:00Z"));
    QTest::newRow("UTC 7 days") << QByteArray("UTC") << noonUtc << StatsPeriod::Last7Days
                                << utc(QStringLiteral("2026-03-04T00:00:00Z"));
    QTest::newRow("UTC 30 days") << QByteArray("UTC") << noonUtc << StatsPeriod::Last30Days
                                 << utc(QStringLiteral("2026-02-09T00:00:00Z"));
    QTest::newRow("UTC at midnight")
        << QByteArray("UTC") << utc(QStringLiteral("2026-03-10T00:00:00Z")) << StatsPeriod::Today
        << utc(QStringLiteral("2026-03-10T00:00:00Z"));
    QTest::newRow("UTC just before midnight")
        << QByteArray("UTC") << utc(QStringLiteral("2026-03-09T23:59:59.999Z"))
        << StatsPeriod::Today << utc(QStringLiteral("2026-03-09T00:00:00Z"));

    // New York: EST (-5) until 2026-03-08 02:00, then EDT (-4).
    const QByteArray ny("America/New_York");
    const QDateTime morningNy = utc(QStringLiteral("2026-03-10T15:00:00Z")); // 11:00 EDT
    QTest::newRow("New York today (EDT)")
        << ny << morningNy << StatsPeriod::Today << utc(QStringLiteral("2026-03-10T04:00:00Z"));
    QTest::newRow("New York 7 days across DST")
        << ny << morningNy << StatsPeriod::Last7Days << utc(QStringLiteral("2026-03-04T05:00:00Z"));
    QTest::newRow("New York 30 days across DST") << ny << morningNy << StatsPeriod::Last30Days
                                                 << utc(QStringLiteral("2026-02-09T05:00:00Z"));
    // 02:30 UTC on the 10th is still the 9th in New York.
    QTest::newRow("New York late evening is the previous local day")
        << ny << utc(QStringLiteral("2026-03-10T02:30:00Z")) << StatsPeriod::Today
        << utc(QStringLiteral("2026-03-09T04:00:00Z"));
    QTest::newRow("New York on the DST day")
        << ny << utc(QStringLiteral("2026-03-08T20:00:00Z")) << StatsPeriod::Today
        << utc(QStringLiteral("2026-03-08T05:00:00Z"));
}

void TestVerificationStats::periodRange()
{
    QFETCH(QByteArray, zone);
    QFETCH(QDateTime, now);
    QFETCH(StatsPeriod, period);
    QFETCH(QDateTime, from);
    const TimeZoneScope scope(zone);
    const auto range = ::periodRange(period, now);
    QCOMPARE(range.first, from);
    QCOMPARE(range.first.timeSpec(), Qt::UTC);
    QCOMPARE(range.second, now);
    QCOMPARE(range.first.toLocalTime().time(), QTime(0, 0));
    QVERIFY(range.first <= range.second);
}

void TestVerificationStats::aggregatesGiveTheSameFigures_data()
{
    QTest::addColumn<QString>("spec");
    QTest::newRow("empty") << "";
    QTest::newRow("mixed") << "verified, review, expired, pending, cancelled, failed:timeout, "
                              "failed:rejected:72/75, failed:rejected:72, failed:payer_busy:42, "
                              "verified, verified";
    QTest::newRow("only failures") << "failed:server_error, failed:server_error, "
                                      "failed:mismatched_answer, failed:storage_error";
    QTest::newRow("inactive answers") << "active, inactive, inactive, verified, inactive-expired, "
                                         "expired, inactive-review, review, failed:timeout";
    QTest::newRow("only inactive") << "inactive, inactive";
}

void TestVerificationStats::aggregatesGiveTheSameFigures()
{
    // What SQL groups and counts (VerificationRepository::aggregates) must give the figures the
    // list of attempts gives.
    QFETCH(QString, spec);
    QList<Verification> list = attempts(spec);
    for (qsizetype i = 0; i < list.size(); ++i)
        list[i].durationMs = int(100 + 37 * i);
    const VerificationStats expected = VerificationStats::compute(list);

    VerificationAggregates aggregates;
    QList<VerificationGroup> inactive; // what inactiveAggregates() returns: a subset
    QList<int> durations;
    for (const Verification &v : std::as_const(list)) {
        if (v.result && v.result->status == EligibilityResult::Status::Inactive) {
            auto answer = std::find_if(inactive.begin(), inactive.end(), [&](const auto &g) {
                return g.status == v.status && g.error == v.error && g.aaaCodes == v.aaaCodes;
            });
            if (answer == inactive.end()) {
                inactive.append(VerificationGroup{v.status, v.status, v.error, v.aaaCodes, 0, 0});
                answer = inactive.end() - 1;
            }
            ++answer->count;
            answer->durationSumMs += v.durationMs;
        }
        auto group = std::find_if(
            aggregates.groups.begin(), aggregates.groups.end(), [&](const VerificationGroup &g) {
                return g.status == v.status && g.error == v.error && g.aaaCodes == v.aaaCodes;
            });
        if (group == aggregates.groups.end()) {
            aggregates.groups.append(
                VerificationGroup{v.status, v.status, v.error, v.aaaCodes, 0, 0});
            group = aggregates.groups.end() - 1;
        }
        ++group->count;
        group->durationSumMs += v.durationMs;
        if (v.status != VerificationStatus::Pending && v.error != VerificationError::Cancelled)
            durations.append(v.durationMs);
    }
    std::sort(durations.begin(), durations.end());
    if (!durations.isEmpty())
        aggregates.p95Ms = durations.at((95 * durations.size() + 99) / 100 - 1);

    const VerificationStats actual = VerificationStats::fromAggregates(aggregates, inactive);
    QCOMPARE(actual.total, expected.total);
    QCOMPARE(actual.succeeded, expected.succeeded);
    QCOMPARE(actual.failed, expected.failed);
    QCOMPARE(actual.inactive, expected.inactive);
    QCOMPARE(actual.pending, expected.pending);
    QCOMPARE(actual.cancelled, expected.cancelled);
    QCOMPARE(actual.averageMs, expected.averageMs);
    QCOMPARE(actual.p95Ms, expected.p95Ms);
    QCOMPARE(actual.verdictCounts, expected.verdictCounts);
    QCOMPARE(reasonKeys(actual.topReasons), reasonKeys(expected.topReasons));
    QCOMPARE(actual, expected);
}

QTEST_GUILESS_MAIN(TestVerificationStats)
#include "tst_verificationstats.moc"

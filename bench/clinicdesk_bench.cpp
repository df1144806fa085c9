// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmarks for scripts/bench. Prints figures; asserts nothing.
//   clinicdesk_bench parse [subscribers]   271 parse throughput (in process)
//   clinicdesk_bench batch [patients]      batch verification against the in-process sandbox
//   clinicdesk_bench search DB             search as you type on a large database: per keystroke
//                                          latency and the longest stall of the UI thread
//   clinicdesk_bench dashboard DB          the dashboard's figures and recent activity
#include "bench/benchsupport.h"
#include "models/patientsearchmodel.h"
#include "services/common/async.h"
#include "services/eligibility/batchverification.h"
#include "services/eligibility/eligibilityservice.h"
#include "services/patients/patientservice.h"
#include "services/sandbox/datagenerator.h"
#include "services/sandbox/sandboxclearinghouse.h"
#include "services/sandbox/sandboxhost.h"
#include "services/store/store.h"
#include "services/x12/eligibilityresponse.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QNetworkAccessManager>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace {
QTextStream out(stdout);

using BenchSupport::await;
using BenchSupport::percentile;

//! Measures how long the UI thread goes without running its event loop: a 1 ms timer that
//! notes the longest gap between two of its ticks.
class StallMonitor : public QObject
{
public:
    StallMonitor()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            if (m_last > 0)
                m_longestNs = qMax(m_longestNs, now - m_last);
            m_last = now;
        });
    }
    void start()
    {
        m_clock.start();
        m_last = 0;
        m_longestNs = 0;
        m_timer.start();
    }
    double longestMs() const { return m_longestNs / 1e6; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_longestNs = 0;
};

int benchParse(int subscribers)
{
    // A payer's answer for many members at once: the ACT100001 plan for each.
    SandboxClearinghouse sandbox;
    QList<EligibilityResult> results;
    results.reserve(subscribers);
    for (int i = 0; i < subscribers; ++i) {
        EligibilityRequest request;
        request.payerId = QStringLiteral("INS001");
        request.memberId = QStringLiteral("ACT1%1").arg(i, 5, 10, QLatin1Char('0'));
        request.subscriberFirstName = QStringLiteral("MEMBER");
        request.subscriberLastName = QStringLiteral("NUMBER%1").arg(i);
        request.subscriberDateOfBirth = QDate(1950, 1, 1).addDays(i);
        request.serviceDate = QDate(2026, 11, 24);
        request.traceNumber = QString::number(100000 + i);
        results.append(sandbox.resultsFor(request, 1).first());
    }
    EligibilityResponseEnvelope envelope;
    envelope.createdAt = QDateTime(QDate(2026, 11, 24), QTime(8, 0), Qt::UTC);
    const QByteArray x12 = EligibilityResponseBuilder::buildBytes(results, envelope);
    const qint64 segments = x12.count('~');

    // Warm up once, then time enough rounds for a stable figure.
    EligibilityResponseParseResult check = EligibilityResponseParser::parse(x12);
    if (!check.ok() || check.results.size() != subscribers) {
        out << "parse: FAILED: " << check.error << " (" << check.results.size() << " results)"
            << Qt::endl;
        return 1;
    }
    QList<double> seconds;
    for (int round = 0; round < 7; ++round) {
        QElapsedTimer clock;
        clock.start();
        const auto parsed = EligibilityResponseParser::parse(x12);
        seconds.append(clock.nsecsElapsed() / 1e9);
        if (parsed.results.size() != subscribers)
            return 1;
    }
    std::sort(seconds.begin(), seconds.end());
    const double median = seconds.at(seconds.size() / 2);
    out << QStringLiteral("271 parse: %1 subscribers, %2 MB, %3 segments; median %4 ms: %5 MB/s, "
                          "%6 segments/s (target >= 150 MB/s)")
               .arg(subscribers)
               .arg(x12.size() / 1e6, 0, 'f', 2)
               .arg(segments)
               .arg(median * 1000, 0, 'f', 1)
               .arg(x12.size() / 1e6 / median, 0, 'f', 0)
               .arg(segments / median, 0, 'f', 0)
        << Qt::endl;
    return 0;
}

QStringList keystrokes();

//! The same work on the same data, plaintext then encrypted (SQLite3 Multiple Ciphers,
//! ChaCha20-Poly1305, our driver): writing a clinic's patients and verifications, search as
//! the front desk types, the dashboard's figures, and a batch of verifications against the
//! sandbox. Each figure is the median of its runs; the ratio is encrypted / plaintext.
int benchEncryption(int patients)
{
    struct Figures
    {
        double generateMs = 0;
        double searchMs = 0;    // all keystrokes, median of 3 rounds
        double dashboardMs = 0; // statistics + recent activity for 30 days, median of 5
        double batchMs = 0;     // 200 coverages verified against the sandbox
        qint64 bytes = 0;
    };
    SandboxHost sandbox;
    QString error;
    if (!sandbox.start(&error)) {
        out << "encryption: " << error << Qt::endl;
        return 1;
    }
    QNetworkAccessManager network;
    const auto measure = [&](const QByteArray &key, Figures *figures) -> QString {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bench.sqlite"));
        {
            Store store(Store::Options{path, 2, QStringLiteral("bench"), key});
            const auto opened = await(store.open());
            if (!opened.ok)
                return opened.error;
            DataGenerator::Options generate;
            generate.patients = patients;
            generate.verifications = patients;
            generate.days = 30;
            generate.appointmentsPerDay = 200;
            QElapsedTimer clock;
            clock.start();
            const QString seeded = await(store.write([generate](const QString &connection) {
                return DataGenerator::generate(connection, generate);
            }));
            if (!seeded.isEmpty())
                return seeded;
            figures->generateMs = clock.nsecsElapsed() / 1e6;

            PatientService service(&store, QStringLiteral("bench"));
            QList<double> rounds;
            for (int round = 0; round < 3; ++round) {
                clock.restart();
                for (const QString &text : keystrokes()) {
                    const auto found = await(service.search(text, 50));
                    if (!found)
                        return found.error();
                }
                rounds.append(clock.nsecsElapsed() / 1e6);
            }
            figures->searchMs = BenchSupport::median(rounds);

            EligibilitySettings settings;
            settings.clearinghouseUrl = sandbox.clearinghouseUrl();
            settings.user = QStringLiteral("bench");
            EligibilityService eligibility(&store, &network, settings);
            QList<double> dashboard;
            for (int run = 0; run < 5; ++run) {
                clock.restart();
                const auto stats = await(eligibility.statistics(StatsPeriod::Last30Days));
                const auto activity = await(eligibility.recentActivity(StatsPeriod::Last30Days, 200));
                if (!stats || !activity)
                    return stats ? activity.error() : stats.error();
                dashboard.append(clock.nsecsElapsed() / 1e6);
            }
            figures->dashboardMs = BenchSupport::median(dashboard);

            QList<qint64> coverageIds =
                await(eligibility.coveragesForDay(QDate::currentDate())).value();
            coverageIds = coverageIds.mid(0, 200);
            clock.restart();
            BatchVerification *batch = eligibility.verifyCoverages(coverageIds);
            batch->setAutoDelete(false);
            QEventLoop loop;
            QObject::connect(batch, &Job::finished, &loop, &QEventLoop::quit);
            batch->start();
            loop.exec();
            figures->batchMs = clock.nsecsElapsed() / 1e6;
            delete batch;
        }
        figures->bytes = QFileInfo(path).size();
        return {};
    };
    Figures plain;
    Figures encrypted;
    for (const auto &[key, figures] : {std::pair{QByteArray(), &plain},
                                       std::pair{DatabaseKey::generate(), &encrypted}}) {
        const QString failed = measure(key, figures);
        if (!failed.isEmpty()) {
            out << "encryption: " << failed << Qt::endl;
            return 1;
        }
    }
    sandbox.stop();
    const auto line = [](const char *what, double a, double b) {
        out << QStringLiteral("   %1: plaintext %2 ms, encrypted %3 ms, ratio %4")
                   .arg(QLatin1String(what))
                   .arg(a, 0, 'f', 1)
                   .arg(b, 0, 'f', 1)
                   .arg(b / a, 0, 'f', 3)
            << Qt::endl;
    };
    out << QStringLiteral("encrypted store against plaintext, %1 patients and %1 verifications "
                          "(target: at most 15 % slower, ratio <= 1.15):")
               .arg(patients)
        << Qt::endl;
    line("writing the clinic (generate)", plain.generateMs, encrypted.generateMs);
    line("search as you type (all keystrokes)", plain.searchMs, encrypted.searchMs);
    line("dashboard, 30 days", plain.dashboardMs, encrypted.dashboardMs);
    line("batch verification of 200 coverages", plain.batchMs, encrypted.batchMs);
    out << QStringLiteral("   file: plaintext %1 MB, encrypted %2 MB")
               .arg(plain.bytes / 1e6, 0, 'f', 1)
               .arg(encrypted.bytes / 1e6, 0, 'f', 1)
        << Qt::endl;
    return 0;
}

int benchBatch(int patients)
{
    QTemporaryDir dir;
    Store store(
        Store::Options{dir.filePath(QStringLiteral("bench.sqlite")), 2, QStringLiteral("bench")});
    const auto opened = await(store.open());
    if (!opened.ok) {
        out << "batch: " << opened.error << Qt::endl;
        return 1;
    }
    DataGenerator::Options generate;
    generate.patients = patients;
    generate.days = 1;
    generate.appointmentsPerDay = patients; // every patient on today's schedule
    const QString seeded = await(store.write([generate](const QString &connection) {
        return DataGenerator::generate(connection, generate);
    }));
    if (!seeded.isEmpty()) {
        out << "batch: " << seeded << Qt::endl;
        return 1;
    }
    SandboxHost sandbox;
    QString error;
    if (!sandbox.start(&error)) {
        out << "batch: " << error << Qt::endl;
        return 1;
    }
    QNetworkAccessManager network;
    EligibilitySettings settings;
    settings.clearinghouseUrl = sandbox.clearinghouseUrl();
    settings.user = QStringLiteral("bench");
    EligibilityService service(&store, &network, settings);
    const QList<qint64> coverageIds = await(service.coveragesForDay(QDate::currentDate())).value();
    QElapsedTimer clock;
    clock.start();
    BatchVerification *batch = service.verifyCoverages(coverageIds);
    batch->setAutoDelete(false);
    QEventLoop loop;
    QObject::connect(batch, &Job::finished, &loop, &QEventLoop::quit);
    batch->start();
    loop.exec();
    const double wall = clock.elapsed() / 1000.0;
    out << QStringLiteral("batch verification: %1 coverages in %2 s (%3 verified, %4 need review, "
                          "%5 failed; %6/s; target < 10 s for 500)")
               .arg(coverageIds.size())
               .arg(wall, 0, 'f', 2)
               .arg(batch->countWithStatus(VerificationStatus::Verified))
               .arg(batch->countWithStatus(VerificationStatus::ManualReview))
               .arg(batch->countWithStatus(VerificationStatus::Failed))
               .arg(coverageIds.size() / wall, 0, 'f', 0)
        << Qt::endl;
    delete batch;
    sandbox.stop();
    return 0;
}

//! What a clerk types, one prefix per keystroke: names common and rare, with accents, a first
//! and last name, a date of birth, an MRN and member IDs.
QStringList keystrokes()
{
    const QStringList queries = {
        QStringLiteral("smith"),      QStringLiteral("smith jam"),   QStringLiteral("garcia m"),
        QStringLiteral("álvarez"),    QStringLiteral("nguyen"),      QStringLiteral("zelinski"),
        QStringLiteral("okafor chl"), QStringLiteral("1985-03-12"),  QStringLiteral("MRN0123456"),
        QStringLiteral("ACT1000777"), QStringLiteral("COB41000"),    QStringLiteral("mar"),
        QStringLiteral("jo"),         QStringLiteral("quintero luc")};
    QStringList prefixes;
    for (const QString &query : queries) {
        for (int length = 1; length <= query.size(); ++length)
            prefixes << query.left(length);
    }
    return prefixes;
}

int benchSearch(const QString &path, int rounds)
{
    Store store(Store::Options{path, 2, QStringLiteral("bench"), BenchSupport::deskKeyBeside(path)});
    const auto opened = await(store.open());
    if (!opened.ok) {
        out << "search: " << opened.error << Qt::endl;
        return 1;
    }
    PatientService patients(&store, QStringLiteral("bench"));
    PatientSearchModel model(&patients);
    QTableView view; // the search list as the front desk shows it
    view.setModel(&model);
    view.resize(1000, 600);
    view.show();
    StallMonitor stalls;

    QList<double> latencies;
    QList<std::pair<double, QString>> slowest; // for seeing which words cost most
    int rows = 0;
    const QStringList typed = keystrokes();
    stalls.start();
    for (int round = 0; round < rounds; ++round) {
        for (const QString &text : typed) {
            QElapsedTimer clock;
            clock.start();
            QEventLoop loop;
            const auto connection = QObject::connect(&model, &PatientSearchModel::searchFinished,
                                                     &loop, &QEventLoop::quit);
            model.setSearchText(text);
            loop.exec();
            QObject::disconnect(connection);
            QCoreApplication::processEvents(); // the view paints the new rows
            latencies.append(clock.nsecsElapsed() / 1e6);
            slowest.append({latencies.constLast(), QStringLiteral("%1 (round %2)").arg(text).arg(round + 1)});
            rows += model.rowCount();
            if (!model.errorString().isEmpty()) {
                out << "search: " << model.errorString() << Qt::endl;
                return 1;
            }
        }
    }
    const double longestStall = stalls.longestMs();
    out << QStringLiteral("search as you type on %1: %2 keystrokes; per keystroke p50 %3 ms, p99 "
                          "%4 ms, max %5 ms (target p99 < 100 ms); longest UI-thread stall %6 ms "
                          "(target < 50 ms); %7 rows shown on average")
               .arg(QFileInfo(path).fileName())
               .arg(latencies.size())
               .arg(percentile(latencies, 0.5), 0, 'f', 1)
               .arg(percentile(latencies, 0.99), 0, 'f', 1)
               .arg(percentile(latencies, 1.0), 0, 'f', 1)
               .arg(longestStall, 0, 'f', 1)
               .arg(latencies.isEmpty() ? 0 : rows / latencies.size())
        << Qt::endl;
    std::sort(slowest.begin(), slowest.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    QStringList worst;
    for (qsizetype i = 0; i < qMin<qsizetype>(5, slowest.size()); ++i)
        worst << QStringLiteral("\"%1\" %2 ms").arg(slowest.at(i).second).arg(slowest.at(i).first, 0, 'f', 1);
    out << "   slowest keystrokes: " << worst.join(QStringLiteral(", ")) << Qt::endl;
    return 0;
}

int benchDashboard(const QString &path)
{
    Store store(Store::Options{path, 2, QStringLiteral("bench"), BenchSupport::deskKeyBeside(path)});
    const auto opened = await(store.open());
    if (!opened.ok) {
        out << "dashboard: " << opened.error << Qt::endl;
        return 1;
    }
    QNetworkAccessManager network;
    EligibilitySettings settings;
    settings.user = QStringLiteral("bench");
    EligibilityService service(&store, &network, settings);
    for (const auto &[period, name] :
         {std::pair{StatsPeriod::Today, "today"}, std::pair{StatsPeriod::Last7Days, "7 days"},
          std::pair{StatsPeriod::Last30Days, "30 days"}}) {
        QList<double> statsMs;
        QList<double> activityMs;
        int total = 0;
        for (int run = 0; run < 5; ++run) {
            QElapsedTimer clock;
            clock.start();
            const auto stats = await(service.statistics(period));
            statsMs.append(clock.nsecsElapsed() / 1e6);
            clock.restart();
            const auto activity = await(service.recentActivity(period, 200));
            activityMs.append(clock.nsecsElapsed() / 1e6);
            if (!stats || !activity) {
                out << "dashboard: " << (stats ? activity.error() : stats.error()) << Qt::endl;
                return 1;
            }
            total = stats->total;
        }
        out << QStringLiteral("dashboard for %1 (%2 verifications): figures first %3 ms, median "
                              "%4 ms; recent activity median %5 ms (target < 500 ms in all)")
                   .arg(QLatin1String(name))
                   .arg(total)
                   .arg(statsMs.first(), 0, 'f', 1)
                   .arg(percentile(statsMs, 0.5), 0, 'f', 1)
                   .arg(percentile(activityMs, 0.5), 0, 'f', 1)
            << Qt::endl;
    }
    return 0;
}
} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    const QString command = args.value(0);
    if (command == QLatin1String("parse"))
        return benchParse(args.value(1, QStringLiteral("5000")).toInt());
    if (command == QLatin1String("batch"))
        return benchBatch(args.value(1, QStringLiteral("500")).toInt());
    if (command == QLatin1String("search") && args.size() >= 2)
        return benchSearch(args.at(1), args.value(2, QStringLiteral("3")).toInt());
    if (command == QLatin1String("dashboard") && args.size() >= 2)
        return benchDashboard(args.at(1));
    if (command == QLatin1String("encryption"))
        return benchEncryption(args.value(1, QStringLiteral("100000")).toInt());
    QTextStream(stderr) << "usage: clinicdesk_bench parse [N] | batch [N] | search DB [rounds] | "
                           "dashboard DB | encryption [N]"
                        << Qt::endl;
    return 2;
}

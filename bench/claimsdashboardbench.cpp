// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The billers' claims dashboard on a large database, for scripts/bench. Prints figures; asserts
// nothing.
//   claims_dashboard_bench generate DB N   a new database with N generated claims (and patients)
//   claims_dashboard_bench run DB          the dashboard model in a table view: first rows,
//                                          filters, sorts, search, deep pages, summary, CSV
#include "bench/benchsupport.h"
#include "models/claimdashboardmodel.h"
#include "services/claims/claimdashboardservice.h"
#include "services/sandbox/claimgenerator.h"
#include "services/store/store.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>

#include <sys/resource.h>

#include <algorithm>
#include <functional>
#include <limits>

namespace {
QTextStream out(stdout);

using BenchSupport::await;

//! Peak resident memory of this process so far, in MB (VmHWM).
long peakMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLong() / 1024;
    }
    return -1;
}

//! CPU time of the whole process (every thread) so far, in ms: beside the wall time, it says
//! what a measure would take on a machine with nothing else to do.
double cpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 +
           (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

int generate(const QString &path, int claims)
{
    if (QFile::exists(path)) {
        out << "generate: " << path << " exists already" << Qt::endl;
        return 1;
    }
    Store store(Store::Options{path, 1, QStringLiteral("generate")});
    const auto opened = await(store.open());
    if (!opened.ok) {
        out << "generate: " << opened.error << Qt::endl;
        return 1;
    }
    QElapsedTimer clock;
    clock.start();
    ClaimGenerator::Options options;
    options.claims = claims;
    options.patientsWhenNone = qMax(1000, claims / 10);
    const QString error = await(store.write([options](const QString &connection) {
        return ClaimGenerator::generate(connection, options);
    }));
    if (!error.isEmpty()) {
        out << "generate: " << error << Qt::endl;
        return 1;
    }
    out << QStringLiteral("generated %1 claims (and %2 patients) in %3 s")
               .arg(claims)
               .arg(options.patientsWhenNone)
               .arg(clock.elapsed() / 1000.0, 0, 'f', 1)
        << Qt::endl;
    return 0;
}

class Bench
{
public:
    explicit Bench(Store *store)
        : m_service(store, QStringLiteral("bench"))
        , m_model(&m_service)
    {
        m_view.setModel(&m_model);
        m_view.resize(1200, 700);
        m_view.show();
    }

    //! Sets `filter` (or sorts, when `column` >= 0) and waits for the first rows in the view.
    double time(const std::function<void()> &change)
    {
        QElapsedTimer clock;
        clock.start();
        const double cpuBefore = cpuMs();
        QEventLoop loop;
        const auto connection =
            QObject::connect(&m_model, &ClaimDashboardModel::rowsLoaded, &loop, &QEventLoop::quit);
        change();
        loop.exec();
        QObject::disconnect(connection);
        QCoreApplication::processEvents(); // the view paints them
        m_lastCpuMs = cpuMs() - cpuBefore;
        return clock.nsecsElapsed() / 1e6;
    }

    //! Three runs of the same change: the first (cold) and the median.
    QString measure(const QString &what, const std::function<void()> &change, double target)
    {
        QList<double> runs;
        QList<double> cpu;
        for (int i = 0; i < 3; ++i) {
            if (i > 0) // away and back, so the change is a change
                time([this] { m_model.setFilter(ClaimListFilter{}); });
            runs << time(change);
            cpu << m_lastCpuMs;
        }
        return QStringLiteral("%1: first %2 ms, median %3 ms (CPU median %7 ms), %4 rows shown%5 "
                              "(target < %6 ms)")
            .arg(what)
            .arg(runs.first(), 0, 'f', 1)
            .arg(median(runs), 0, 'f', 1)
            .arg(m_model.rowCount())
            .arg(m_model.errorString().isEmpty() ? QString()
                                                 : QStringLiteral(" ERROR ") + m_model.errorString())
            .arg(target)
            .arg(median(cpu), 0, 'f', 1);
    }

    ClaimDashboardService m_service;
    ClaimDashboardModel m_model;
    QTableView m_view;
    double m_lastCpuMs = 0;
};

int run(const QString &path)
{
    QElapsedTimer opening;
    opening.start();
    Store store(Store::Options{path, 2, QStringLiteral("bench")});
    const auto opened = await(store.open());
    if (!opened.ok) {
        out << "claims dashboard: " << opened.error << Qt::endl;
        return 1;
    }
    const qint64 openMs = opening.elapsed();
    Bench bench(&store);
    ClaimDashboardModel &model = bench.m_model;

    // First rows as the dashboard opens: the default list (all claims, last update first).
    const double first = bench.time([&] { model.setFilter(ClaimListFilter{}); });
    out << QStringLiteral("dashboard to first rows: %1 ms (CPU %3 ms) after the store opened in "
                          "%2 ms (target < 500 ms)")
               .arg(first, 0, 'f', 1)
               .arg(openMs)
               .arg(bench.m_lastCpuMs, 0, 'f', 1)
        << Qt::endl;

    auto statuses = [&](QSet<ClaimStatus> set) {
        ClaimListFilter f;
        f.statuses = set;
        return f;
    };
    out << bench.measure(QStringLiteral("status filter: denied"),
                         [&] { model.setFilter(statuses({ClaimStatus::Denied})); }, 300)
        << Qt::endl;
    out << bench.measure(QStringLiteral("status filter: voided (rare)"),
                         [&] { model.setFilter(statuses({ClaimStatus::Voided})); }, 300)
        << Qt::endl;
    QSet<ClaimStatus> open;
    for (ClaimStatus s : allClaimStatuses()) {
        if (claimStatusIsOpen(s))
            open.insert(s);
    }
    out << bench.measure(QStringLiteral("status filter: open claims, oldest update first"),
                         [&] {
                             ClaimListFilter f = statuses(open);
                             f.sortKey = ClaimListFilter::SortKey::UpdatedAt;
                             f.sortOrder = Qt::AscendingOrder;
                             model.setFilter(f);
                         },
                         300)
        << Qt::endl;
    out << bench.measure(QStringLiteral("sort by billed amount, largest first"),
                         [&] { model.sort(ClaimDashboardModel::BilledColumn, Qt::DescendingOrder); },
                         300)
        << Qt::endl;
    out << bench.measure(QStringLiteral("sort by paid, smallest first"),
                         [&] { model.sort(ClaimDashboardModel::PaidColumn, Qt::AscendingOrder); },
                         300)
        << Qt::endl;
    out << bench.measure(QStringLiteral("sort by patient"),
                         [&] { model.sort(ClaimDashboardModel::PatientColumn, Qt::AscendingOrder); },
                         300)
        << Qt::endl;
    for (const QString &text : {QStringLiteral("smith"), QStringLiteral("garcia m"),
                                QStringLiteral("s"), QStringLiteral("CLM"),
                                QStringLiteral("PCL-GEN-0005"), QStringLiteral("zzyzx")}) {
        out << bench.measure(QStringLiteral("text search \"%1\"").arg(text),
                             [&] {
                                 ClaimListFilter f;
                                 f.text = text;
                                 model.setFilter(f);
                             },
                             300)
            << Qt::endl;
    }
    out << bench.measure(QStringLiteral("payer INS003 + denied + last 90 days, by billed"),
                         [&] {
                             ClaimListFilter f = statuses({ClaimStatus::Denied});
                             f.insuranceIds = {QStringLiteral("INS003")};
                             f.serviceFrom = QDate::currentDate().addDays(-90);
                             f.sortKey = ClaimListFilter::SortKey::Billed;
                             model.setFilter(f);
                         },
                         300)
        << Qt::endl;

    // Scrolling: 30 pages one after the other, as a view fetches them; then one page at 90 %
    // of the way down (a seek: its cost does not grow with depth).
    bench.time([&] { model.setFilter(ClaimListFilter{}); });
    QList<double> pages;
    for (int i = 0; i < 30 && model.canFetchMore({}); ++i) {
        QElapsedTimer clock;
        clock.start();
        QEventLoop loop;
        const auto c = QObject::connect(&model, &ClaimDashboardModel::pageFetched, &loop,
                                        &QEventLoop::quit);
        model.fetchMore({});
        loop.exec();
        QObject::disconnect(c);
        pages << clock.nsecsElapsed() / 1e6;
    }
    bench.m_view.scrollToBottom();
    QCoreApplication::processEvents();
    ClaimListCursor deep;
    deep.keys = {QDate::currentDate().addDays(-657).startOfDay(Qt::UTC).toString(
        QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"))};
    deep.id = std::numeric_limits<qint64>::max();
    QList<double> deepMs;
    int deepRows = 0;
    for (int i = 0; i < 3; ++i) {
        QElapsedTimer clock;
        clock.start();
        const auto page = await(bench.m_service.page(ClaimListFilter{}, ClaimDashboardModel::pageSize, deep));
        deepMs << clock.nsecsElapsed() / 1e6;
        deepRows = page ? int(page->rows.size()) : -1;
    }
    out << QStringLiteral("scrolling: %1 pages of %2 one after another, median %3 ms, slowest %4 "
                          "ms (%5 rows in the model); a page 90 % down the list: %6 ms, %7 rows "
                          "(target < 300 ms)")
               .arg(pages.size())
               .arg(ClaimDashboardModel::pageSize)
               .arg(median(pages), 0, 'f', 1)
               .arg(pages.isEmpty() ? 0 : *std::max_element(pages.begin(), pages.end()), 0, 'f', 1)
               .arg(model.rowCount())
               .arg(median(deepMs), 0, 'f', 1)
               .arg(deepRows)
        << Qt::endl;

    // The figures of the set: count, totals, status breakdown and aging.
    for (const auto &[name, filter] :
         {std::pair{QStringLiteral("all claims"), ClaimListFilter{}},
          std::pair{QStringLiteral("open claims"), statuses(open)},
          std::pair{QStringLiteral("payer INS002"), [] {
                        ClaimListFilter f;
                        f.insuranceIds = {QStringLiteral("INS002")};
                        return f;
                    }()},
          std::pair{QStringLiteral("last 30 days"), [] {
                        ClaimListFilter f;
                        f.serviceFrom = QDate::currentDate().addDays(-30);
                        return f;
                    }()},
          std::pair{QStringLiteral("text \"smith\""), [] {
                        ClaimListFilter f;
                        f.text = QStringLiteral("smith");
                        return f;
                    }()}}) {
        QList<double> runs;
        QList<double> cpu;
        qint64 claims = 0;
        for (int i = 0; i < 3; ++i) {
            QElapsedTimer clock;
            clock.start();
            const double cpuBefore = cpuMs();
            const auto summary = await(bench.m_service.summary(filter));
            runs << clock.nsecsElapsed() / 1e6;
            cpu << cpuMs() - cpuBefore;
            claims = summary ? summary->totals.claims : -1;
        }
        out << QStringLiteral("summary (count, totals, breakdown, aging) of %1: %2 claims, first "
                              "%3 ms, median %4 ms (CPU median %5 ms)")
                   .arg(name)
                   .arg(claims)
                   .arg(runs.first(), 0, 'f', 1)
                   .arg(median(runs), 0, 'f', 1)
                   .arg(median(cpu), 0, 'f', 1)
            << Qt::endl;
    }

    QTemporaryDir dir;
    for (const auto &[name, filter] :
         {std::pair{QStringLiteral("denied claims"), statuses({ClaimStatus::Denied})},
          std::pair{QStringLiteral("all claims"), ClaimListFilter{}}}) {
        QElapsedTimer clock;
        clock.start();
        const QString file = dir.filePath(QStringLiteral("claims.csv"));
        const auto exported = await(bench.m_service.exportCsv(filter, file));
        out << QStringLiteral("CSV export of %1: %2 rows, %3 MB in %4 ms")
                   .arg(name)
                   .arg(exported ? *exported : -1)
                   .arg(QFileInfo(file).size() / 1e6, 0, 'f', 1)
                   .arg(clock.elapsed())
            << Qt::endl;
    }
    out << QStringLiteral("peak memory (resident): %1 MB (target < 300 MB)").arg(peakMb())
        << Qt::endl;
    store.drain();
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
    if (command == QLatin1String("generate") && args.size() >= 3)
        return generate(args.at(1), args.at(2).toInt());
    if (command == QLatin1String("run") && args.size() >= 2)
        return run(args.at(1));
    QTextStream(stderr) << "usage: claims_dashboard_bench generate DB N | run DB" << Qt::endl;
    return 2;
}

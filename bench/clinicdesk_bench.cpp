// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmarks for scripts/bench. Prints figures; asserts nothing.
//   clinicdesk_bench parse [subscribers]        271 parse throughput
//   clinicdesk_bench batch [patients]           batch verification against the in-process sandbox
//   clinicdesk_bench seed DIR [patients]        a training database with N patients, 120 visits
//   today
#include "services/eligibility/batchverification.h"
#include "services/eligibility/eligibilityservice.h"
#include "services/sandbox/demoseeder.h"
#include "services/sandbox/sandboxclearinghouse.h"
#include "services/sandbox/sandboxhost.h"
#include "services/store/database.h"
#include "services/x12/eligibilityresponse.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>

namespace {
QTextStream out(stdout);

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

int benchBatch(int patients)
{
    QTemporaryDir dir;
    const QString connection = QStringLiteral("bench");
    const auto opened = Database::open(dir.filePath(QStringLiteral("bench.sqlite")), connection);
    if (!opened.ok) {
        out << "batch: " << opened.error << Qt::endl;
        return 1;
    }
    const QString seeded = DemoSeeder(connection).addGeneratedPatients(patients);
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
    EligibilityService service(&network, connection, settings);
    QList<qint64> coverageIds;
    for (const Patient &p : service.patients().all()) {
        for (const Coverage &c : service.coverages().forPatient(p.id))
            coverageIds.append(c.id);
    }
    QElapsedTimer clock;
    clock.start();
    BatchVerification batch(&service, coverageIds, {}, 8);
    QEventLoop loop;
    QObject::connect(&batch, &BatchVerification::finished, &loop, &QEventLoop::quit);
    batch.start();
    loop.exec();
    const double wall = clock.elapsed() / 1000.0;
    out << QStringLiteral("batch verification: %1 patients in %2 s (%3 verified, %4 failed; %5/s; "
                          "target < 10 s)")
               .arg(coverageIds.size())
               .arg(wall, 0, 'f', 2)
               .arg(batch.countWithStatus(VerificationStatus::Verified))
               .arg(batch.countWithStatus(VerificationStatus::Failed))
               .arg(coverageIds.size() / wall, 0, 'f', 0)
        << Qt::endl;
    sandbox.stop();
    Database::close(connection);
    return batch.countWithStatus(VerificationStatus::Verified) == coverageIds.size() ? 0 : 1;
}

int benchSeed(const QString &folder, int patients)
{
    const QString connection = QStringLiteral("seed");
    const auto opened =
        Database::open(folder + QStringLiteral("/clinicdesk-training.sqlite"), connection);
    if (!opened.ok) {
        out << "seed: " << opened.error << Qt::endl;
        return 1;
    }
    // A busy day: 120 of the patients have a visit today.
    const QString error =
        DemoSeeder(connection).addGeneratedPatients(patients, QDate::currentDate(), 120);
    Database::close(connection);
    if (!error.isEmpty()) {
        out << "seed: " << error << Qt::endl;
        return 1;
    }
    return 0;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    const QString command = args.value(0);
    if (command == QLatin1String("parse"))
        return benchParse(args.value(1, QStringLiteral("5000")).toInt());
    if (command == QLatin1String("batch"))
        return benchBatch(args.value(1, QStringLiteral("500")).toInt());
    if (command == QLatin1String("seed") && args.size() >= 2)
        return benchSeed(args.at(1), args.value(2, QStringLiteral("10000")).toInt());
    QTextStream(stderr) << "usage: clinicdesk_bench parse [N] | batch [N] | seed DIR [N]"
                        << Qt::endl;
    return 2;
}

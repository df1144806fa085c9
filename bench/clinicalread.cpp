// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// C-CDA and FHIR reading for scripts/bench-clinical.sh, as a program of its own that links
// only the clinical library and Qt Core, as a headless reading command would: the script times
// it as a whole process beside node running @medplum/ccda or JSON.parse. Prints figures;
// asserts nothing.
//   clinical_read read ccda|fhir FILE...          each file read and parsed once (the script
//                                                 times the whole process)
//   clinical_read reader ccda|fhir ROUNDS FILE... the reader alone, in process, over files
//                                                 already in memory: best of ROUNDS passes
#include "bench/benchsupport.h"
#include "services/clinical/ccdareader.h"
#include "services/clinical/fhirbundlereader.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>

#include <algorithm>

namespace {
QTextStream out(stdout);

using BenchSupport::fixed;
using BenchSupport::loadFiles;
using BenchSupport::median;

ClinicalReadResult readAs(const QString &format, const QByteArray &bytes)
{
    return format == QLatin1String("fhir") ? FhirBundleReader::read(bytes) : CcdaReader::read(bytes);
}

struct ReadCounts
{
    int entries = 0;
    int unreadable = 0;
    int refused = 0;
    int sections = 0;
};

ReadCounts count(const ClinicalReadResult &read, ReadCounts counts)
{
    if (!read.ok()) {
        ++counts.refused;
        return counts;
    }
    counts.entries += int(read.record.entries().size());
    counts.unreadable += read.record.unreadableCount();
    counts.sections += int(read.record.sections.size());
    return counts;
}

QString describe(const ReadCounts &counts)
{
    return QStringLiteral("%1 sections, %2 entries (%3 unreadable), %4 refused")
        .arg(counts.sections)
        .arg(counts.entries)
        .arg(counts.unreadable)
        .arg(counts.refused);
}

//! One pass, each file read from disk and parsed: what the script times as a whole process.
int benchRead(const QString &format, const QStringList &paths)
{
    qint64 bytes = 0;
    ReadCounts counts;
    for (const QString &path : paths) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        // Mapped, not copied: the file is read as the kernel already holds it (node's
        // readFileSync copies it, which costs it that much more).
        const qint64 size = file.size();
        uchar *mapped = size > 0 ? file.map(0, size) : nullptr;
        const QByteArray content = mapped
            ? QByteArray::fromRawData(reinterpret_cast<const char *>(mapped), size)
            : file.readAll();
        bytes += content.size();
        counts = count(readAs(format, content), counts);
    }
    out << QStringLiteral("%1 files, %2 MB: %3").arg(paths.size()).arg(fixed(bytes / 1e6, 2),
                                                                      describe(counts))
        << Qt::endl;
    return 0;
}

//! The reader alone over files already in memory: a warm-up pass, then the best of `rounds`.
int benchReader(const QString &format, int rounds, const QStringList &paths)
{
    qint64 bytes = 0;
    const QList<QByteArray> files = loadFiles(paths, &bytes);
    ReadCounts counts;
    for (const QByteArray &file : files)
        counts = count(readAs(format, file), counts);
    QList<double> passes;
    for (int round = 0; round < rounds; ++round) {
        QElapsedTimer clock;
        clock.start();
        int entries = 0;
        for (const QByteArray &file : files) {
            const ClinicalReadResult read = readAs(format, file);
            entries += int(read.record.entries().size());
        }
        passes.append(clock.nsecsElapsed() / 1e6);
        if (entries != counts.entries)
            return 1; // the same bytes must read the same way every time
    }
    const double best = *std::min_element(passes.cbegin(), passes.cend());
    out << QStringLiteral("reader only, in process (%1 files, %2 MB; %3): best %4 ms of %5 "
                          "passes (median %6 ms) = %7 MB/s")
               .arg(files.size())
               .arg(fixed(bytes / 1e6, 2), describe(counts), fixed(best))
               .arg(rounds)
               .arg(fixed(median(passes)), fixed(bytes / 1e6 / (best / 1e3)))
        << Qt::endl;
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments().mid(1);
    const QString command = args.value(0);
    const QString format = args.value(1);
    const bool knownFormat = format == QLatin1String("ccda") || format == QLatin1String("fhir");
    if (command == QLatin1String("read") && knownFormat && args.size() >= 3)
        return benchRead(format, args.mid(2));
    if (command == QLatin1String("reader") && knownFormat && args.size() >= 4)
        return benchReader(format, args.at(2).toInt(), args.mid(3));
    QTextStream(stderr) << "usage: clinical_read read ccda|fhir FILE... | reader ccda|fhir ROUNDS "
                           "FILE..."
                        << Qt::endl;
    return 2;
}

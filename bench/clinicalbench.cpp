// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The medical-history benchmarks for scripts/bench (scripts/bench-clinical.sh). Prints figures;
// asserts nothing. The readers' own figures come from clinical_read (clinicalread.cpp).
//   clinical_bench viewer FILE RUNS                the real DocumentViewerDialog opening FILE,
//                                                  stored as a patient's outside document:
//                                                  open to shown and first paint, median
//   clinical_bench duplicates CSV SAMPLE           the registry of bench/gen-registry.py loaded
//                                                  into a Store; PatientService::findDuplicates
//                                                  for every planted duplicate and twin and
//                                                  SAMPLE originals: ms per lookup, precision
//                                                  and recall, a table by variant
#include "bench/benchsupport.h"
#include "models/clinicalrecordhtml.h"
#include "services/clinical/ccdareader.h"
#include "services/clinical/fhirbundlereader.h"
#include "services/metriport/documentfetcher.h"
#include "services/metriport/medicalrecordservice.h"
#include "services/metriport/metriportclient.h"
#include "services/metriport/outsiderecordsservice.h"
#include "services/patients/patientservice.h"
#include "services/store/coveragerepository.h"
#include "services/store/database.h"
#include "services/store/outsiderecordrepository.h"
#include "services/store/patientrepository.h"
#include "services/store/store.h"
#include "ui/documentviewerdialog.h"

#include <QAbstractScrollArea>
#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QListWidget>
#include <QMap>
#include <QNetworkAccessManager>
#include <QScopeGuard>
#include <QSettings>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <memory>

namespace {
QTextStream out(stdout);

using BenchSupport::await;
using BenchSupport::fixed;
using BenchSupport::loadFiles;
using BenchSupport::median;
using BenchSupport::percentile;

//! How a paint of a widget is noticed: the viewer counts as shown once its text has painted.
class PaintWatch : public QObject
{
public:
    bool painted = false;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            painted = true;
        return QObject::eventFilter(watched, event);
    }
};

int benchViewer(const QString &path, int runs)
{
    qint64 size = 0;
    const QList<QByteArray> loaded = loadFiles({path}, &size);
    if (loaded.isEmpty())
        return 1;
    const QByteArray bytes = loaded.first();
    QTemporaryDir dir;
    // The viewer remembers section order in QSettings: never in the user's own settings.
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir.path());
    Store store(Store::Options{dir.filePath(QStringLiteral("viewer.sqlite")), 2,
                               QStringLiteral("viewer")});
    const auto opened = await(store.open());
    if (!opened.ok) {
        out << "viewer: " << opened.error << Qt::endl;
        return 1;
    }

    // The desk's path: a registered patient, and the document as DocumentFetcher stores it
    // (announced, then its bytes and what the reader found).
    PatientService patients(&store, QStringLiteral("bench"));
    Patient kyla;
    kyla.firstName = QStringLiteral("Kyla");
    kyla.lastName = QStringLiteral("Brown");
    kyla.dateOfBirth = QDate(1980, 4, 12);
    kyla.gender = Gender::Female;
    const auto registered = await(patients.registerPatient(kyla));
    if (!registered) {
        out << "viewer: " << registered.error() << Qt::endl;
        return 1;
    }
    ClinicalDocument document;
    document.patientId = registered->id;
    document.sourceId = QStringLiteral("bench-ccd");
    document.fileName = QFileInfo(path).fileName();
    document.title = QStringLiteral("Continuity of Care Document");
    document.mimeType = QStringLiteral("application/xml");
    document.typeCode = QStringLiteral("34133-9");
    document.documentDate = QDateTime::currentDateTimeUtc();
    document.source = QStringLiteral("Metriport");
    document.size = bytes.size();
    const QString parsed = MedicalRecordService::describe(document, bytes);
    const auto stored = await(store.write([document, bytes, parsed](const QString &connection) {
        OutsideRecordRepository repository(connection);
        const auto ids = repository.announce({document});
        if (!ids || ids->isEmpty())
            return StoreResult<qint64>::failure(ids ? QStringLiteral("not announced") : ids.error());
        const auto saved = repository.store(ids->first(), bytes, parsed);
        if (!saved)
            return StoreResult<qint64>::failure(saved.error());
        return StoreResult<qint64>(ids->first());
    }));
    if (!stored) {
        out << "viewer: " << stored.error() << Qt::endl;
        return 1;
    }
    const qint64 documentId = *stored;

    // The services as the desk makes them; the client has no address, so nothing goes out.
    QNetworkAccessManager network;
    MetriportClient client(&network, MetriportClient::Config{});
    DocumentFetcher fetcher(&store, &client);
    OutsideRecordsService outside(&store, &client, &fetcher, QStringLiteral("bench"), {});
    MedicalRecordService records(&store, &outside);

    // The parts, for where the time goes: the service's open (store read, audit, parse off the
    // UI thread) and the HTML the viewer renders.
    QList<double> openMs;
    QList<double> htmlMs;
    int sections = 0;
    int entries = 0;
    qsizetype htmlChars = 0;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer clock;
        clock.start();
        const OpenedDocument document = await(records.open(documentId));
        openMs.append(clock.nsecsElapsed() / 1e6);
        if (!document.ok() || !document.read.ok()) {
            out << "viewer: " << document.error << document.read.error.message << Qt::endl;
            return 1;
        }
        sections = int(document.read.record.sections.size());
        entries = int(document.read.record.entries().size());
        clock.restart();
        htmlChars = ClinicalRecordHtml::render(document.read.record, {}).size();
        htmlMs.append(clock.nsecsElapsed() / 1e6);
    }

    QList<double> loadedMs;
    QList<double> paintedMs;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer clock;
        clock.start();
        auto viewer = std::make_unique<DocumentViewerDialog>(&records, documentId,
                                                             QStringLiteral("Bench CCD"));
        PaintWatch watch;
        viewer->textView()->viewport()->installEventFilter(&watch);
        viewer->show();
        QEventLoop loop;
        QObject::connect(viewer.get(), &DocumentViewerDialog::loaded, &loop, &QEventLoop::quit);
        if (!viewer->isLoaded())
            loop.exec();
        loadedMs.append(clock.nsecsElapsed() / 1e6);
        // The first paint of the document's text once it is loaded.
        watch.painted = false;
        viewer->textView()->viewport()->update();
        while (!watch.painted)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QCoreApplication::processEvents();
        paintedMs.append(clock.nsecsElapsed() / 1e6);
        if (viewer->outline()->count() != sections) {
            out << "viewer: the outline shows " << viewer->outline()->count() << " of " << sections
                << " sections" << Qt::endl;
            return 1;
        }
    }
    QStringList runsText;
    for (double ms : std::as_const(paintedMs))
        runsText.append(fixed(ms, 0));
    out << QStringLiteral("viewer: %1 (%2 MB, %3 sections, %4 entries) opened in the real "
                          "DocumentViewerDialog, from the open to the dialog shown and its "
                          "text painted: median %5 ms (runs: %6; target < 1000 ms)")
               .arg(QFileInfo(path).fileName(), fixed(bytes.size() / 1e6, 1))
               .arg(sections)
               .arg(entries)
               .arg(fixed(median(paintedMs), 0), runsText.join(QLatin1Char(' ')))
        << Qt::endl;
    out << QStringLiteral("   of which: loaded (store read, audit, parse, HTML set) median %1 ms; "
                          "MedicalRecordService::open alone median %2 ms; the viewer's HTML "
                          "(%3 million characters) built in median %4 ms")
               .arg(fixed(median(loadedMs), 0), fixed(median(openMs), 0),
                    fixed(htmlChars / 1e6, 1), fixed(median(htmlMs), 0))
        << Qt::endl;
    return 0;
}

//! One row of bench/gen-registry.py's CSV.
struct RegistryRow
{
    int row = 0;
    Patient patient;
    QString memberId;
    QString kind; // original, duplicate, twin
    int duplicateOf = 0;
    QString variant;
    int person = 0; // the row of the person this row is (a duplicate is its original)
};

//! RFC 4180 fields of one line (the generator quotes only when a field needs it).
QStringList csvFields(const QString &line)
{
    QStringList fields;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < line.size() && line.at(i + 1) == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            fields.append(field);
            field.clear();
        } else {
            field += c;
        }
    }
    fields.append(field);
    return fields;
}

QList<RegistryRow> readRegistry(const QString &path)
{
    QList<RegistryRow> rows;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return rows;
    QTextStream in(&file);
    const QStringList header = csvFields(in.readLine());
    auto column = [&header](const char *name) { return int(header.indexOf(QLatin1String(name))); };
    const int row = column("row"), mrn = column("mrn"), first = column("first_name"),
              middle = column("middle_name"), last = column("last_name"),
              dob = column("date_of_birth"), gender = column("gender"),
              line1 = column("address_line1"), city = column("city"), state = column("state"),
              zip = column("zip"), phone = column("phone"), email = column("email"),
              member = column("member_id"), kind = column("kind"),
              duplicateOf = column("duplicate_of"), variant = column("variant");
    while (!in.atEnd()) {
        const QStringList f = csvFields(in.readLine());
        if (f.size() < header.size())
            continue;
        RegistryRow r;
        r.row = f.at(row).toInt();
        r.patient.mrn = f.at(mrn);
        r.patient.firstName = f.at(first);
        r.patient.middleName = f.at(middle);
        r.patient.lastName = f.at(last);
        r.patient.dateOfBirth = QDate::fromString(f.at(dob), Qt::ISODate);
        r.patient.gender = genderFromCode(f.at(gender));
        r.patient.address.line1 = f.at(line1);
        r.patient.address.city = f.at(city);
        r.patient.address.state = f.at(state);
        r.patient.address.zip = f.at(zip);
        r.patient.phone = f.at(phone);
        r.patient.email = f.at(email);
        r.memberId = f.at(member);
        r.kind = f.at(kind);
        r.duplicateOf = f.at(duplicateOf).toInt();
        r.variant = f.at(variant);
        r.person = r.duplicateOf > 0 ? r.duplicateOf : r.row;
        rows.append(r);
    }
    return rows;
}

//! Loads the registry through the repositories in one Store job: patients, then a coverage
//! for each member ID (the scorer compares member IDs). Returns the patient id of each row.
StoreResult<QList<qint64>> loadRegistry(Store &store, const QList<RegistryRow> &rows)
{
    return await(store.write([rows](const QString &connection) -> StoreResult<QList<qint64>> {
        Database::setBulkLoading(connection, true);
        const auto restore =
            qScopeGuard([&connection] { Database::setBulkLoading(connection, false); });
        static const char *const payers[] = {"INS001", "INS002", "INS003", "HI12345"};
        PatientRepository patients(connection);
        CoverageRepository coverages(connection);
        QList<qint64> ids;
        ids.reserve(rows.size());
        constexpr int batchSize = 10000;
        for (qsizetype from = 0; from < rows.size(); from += batchSize) {
            QList<Patient> batch;
            const qsizetype to = qMin(rows.size(), from + batchSize);
            for (qsizetype i = from; i < to; ++i)
                batch.append(rows.at(i).patient);
            const auto stored = patients.insertMany(batch);
            if (!stored)
                return StoreResult<QList<qint64>>::failure(stored.error());
            QList<Coverage> cards;
            for (qsizetype i = from; i < to; ++i) {
                ids.append(stored->at(i - from).id);
                if (rows.at(i).memberId.isEmpty())
                    continue;
                Coverage c;
                c.patientId = ids.last();
                c.payerId = QLatin1String(payers[i % 4]);
                c.memberId = rows.at(i).memberId;
                cards.append(c);
            }
            const auto saved = coverages.insertMany(cards);
            if (!saved)
                return StoreResult<QList<qint64>>::failure(saved.error());
        }
        return ids;
    }));
}

//! What the lookups of one kind of row found.
struct VariantFigures
{
    int lookups = 0;
    int found = 0;       // duplicates: the original was among the candidates
    int missed = 0;      // duplicates: it was not
    int truePairs = 0;   // candidates who are the same person
    int falsePairs = 0;  // candidates who are someone else
    int likelyFalse = 0; // of those, at the "likely" score
    QStringList examples;
};

int benchDuplicates(const QString &csv, int sample)
{
    QElapsedTimer clock;
    clock.start();
    const QList<RegistryRow> rows = readRegistry(csv);
    if (rows.isEmpty()) {
        out << "duplicates: no rows in " << csv << Qt::endl;
        return 1;
    }
    QTemporaryDir dir;
    Store store(Store::Options{dir.filePath(QStringLiteral("registry.sqlite")), 2,
                               QStringLiteral("registry")});
    const auto opened = await(store.open());
    if (!opened.ok) {
        out << "duplicates: " << opened.error << Qt::endl;
        return 1;
    }
    const auto ids = loadRegistry(store, rows);
    if (!ids) {
        out << "duplicates: " << ids.error() << Qt::endl;
        return 1;
    }
    QHash<int, int> indexOfRow; // the CSV's row number → index in rows
    for (qsizetype i = 0; i < rows.size(); ++i)
        indexOfRow.insert(rows.at(i).row, int(i));
    QHash<qint64, int> rowOfId;
    for (qsizetype i = 0; i < ids->size(); ++i)
        rowOfId.insert(ids->at(i), int(i));
    int duplicates = 0;
    int twins = 0;
    QList<int> lookups; // indexes in rows
    QList<int> originals;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const QString &kind = rows.at(i).kind;
        if (kind == QLatin1String("duplicate")) {
            ++duplicates;
            lookups.append(int(i));
        } else if (kind == QLatin1String("twin")) {
            ++twins;
            lookups.append(int(i));
        } else {
            originals.append(int(i));
        }
    }
    // A sample of originals, spread over the registry (seen from the other side of a pair).
    const int step = qMax(1, int(originals.size() / qMax(1, sample)));
    for (int i = 0; i < originals.size() && (i / step) < sample; i += step)
        lookups.append(originals.at(i));
    out << QStringLiteral("duplicates: %1 patients (%2 planted duplicates, %3 twins) loaded into "
                          "a Store on SQLite in %4 s; %5 lookups with "
                          "PatientService::findDuplicates, as when a record is edited (itself "
                          "left out)")
               .arg(rows.size())
               .arg(duplicates)
               .arg(twins)
               .arg(fixed(clock.elapsed() / 1000.0))
               .arg(lookups.size())
        << Qt::endl;

    PatientService service(&store, QStringLiteral("bench"));
    QList<double> ms;
    QMap<QString, VariantFigures> byVariant;
    int lookupsFailed = 0;
    for (int index : std::as_const(lookups)) {
        const RegistryRow &row = rows.at(index);
        Patient patient = row.patient;
        patient.id = ids->at(index);
        QElapsedTimer lookup;
        lookup.start();
        const auto found = await(service.findDuplicates(patient));
        ms.append(lookup.nsecsElapsed() / 1e6);
        if (!found) {
            ++lookupsFailed;
            continue;
        }
        const QString variant = row.kind == QLatin1String("duplicate") ? row.variant
            : row.kind == QLatin1String("twin")                      ? QStringLiteral("twin")
                                                                     : QStringLiteral("original");
        VariantFigures &figures = byVariant[variant];
        ++figures.lookups;
        bool originalFound = false;
        // Every candidate the service returns is at or above DuplicateScorer::possibleThreshold,
        // the score at which the register dialog lists it and warns.
        for (const DuplicateCandidate &candidate : *found) {
            const int other = rowOfId.value(candidate.patient.id, -1);
            if (other < 0 || candidate.match.score < DuplicateScorer::possibleThreshold)
                continue;
            if (rows.at(other).person == row.person) {
                ++figures.truePairs;
                if (rows.at(other).row == row.duplicateOf)
                    originalFound = true;
            } else {
                ++figures.falsePairs;
                if (candidate.match.verdict == DuplicateVerdict::Likely)
                    ++figures.likelyFalse;
                if (figures.examples.size() < 2)
                    figures.examples.append(QStringLiteral("%1 %2 ~ %3 %4 (%5)")
                                                .arg(row.patient.firstName, row.patient.lastName,
                                                     candidate.patient.firstName,
                                                     candidate.patient.lastName)
                                                .arg(candidate.match.score));
            }
        }
        if (row.kind == QLatin1String("duplicate")) {
            ++(originalFound ? figures.found : figures.missed);
            const int original = indexOfRow.value(row.duplicateOf, -1);
            if (!originalFound && original >= 0 && figures.examples.size() < 2)
                figures.examples.append(QStringLiteral("missed %1 %2 ~ %3 %4")
                                            .arg(row.patient.firstName, row.patient.lastName,
                                                 rows.at(original).patient.firstName,
                                                 rows.at(original).patient.lastName));
        }
    }

    int truePairs = 0, falsePairs = 0, found = 0, missed = 0;
    for (const VariantFigures &figures : std::as_const(byVariant)) {
        truePairs += figures.truePairs;
        falsePairs += figures.falsePairs;
        found += figures.found;
        missed += figures.missed;
    }
    const double precision = truePairs + falsePairs > 0
        ? double(truePairs) / (truePairs + falsePairs) : 1.0;
    const double recall = found + missed > 0 ? double(found) / (found + missed) : 1.0;
    out << QStringLiteral("duplicate lookup: median %1 ms, p95 %2 ms, max %3 ms over %4 lookups "
                          "(target < 50 ms)%5")
               .arg(fixed(median(ms), 2), fixed(percentile(ms, 0.95), 2),
                    fixed(percentile(ms, 1.0), 2))
               .arg(ms.size())
               .arg(lookupsFailed > 0 ? QStringLiteral("; %1 FAILED").arg(lookupsFailed) : QString())
        << Qt::endl;
    out << QStringLiteral("duplicate precision %1 (%2 candidates at score >= %3 that are the same "
                          "person, %4 that are not; target >= 0.99); recall %5 (%6 of %7 "
                          "planted duplicates found their original; target >= 0.95)")
               .arg(fixed(precision, 3))
               .arg(truePairs)
               .arg(DuplicateScorer::possibleThreshold)
               .arg(falsePairs)
               .arg(fixed(recall, 3))
               .arg(found)
               .arg(found + missed)
        << Qt::endl;
    out << QStringLiteral("   %1 %2 %3 %4 %5 %6  %7")
               .arg(QStringLiteral("variant"), -16)
               .arg(QStringLiteral("lookups"), 8)
               .arg(QStringLiteral("recall"), 7)
               .arg(QStringLiteral("same"), 6)
               .arg(QStringLiteral("other"), 6)
               .arg(QStringLiteral("likely"), 6)
               .arg(QStringLiteral("e.g. a false candidate (score), a duplicate missed"))
        << Qt::endl;
    for (auto it = byVariant.cbegin(); it != byVariant.cend(); ++it) {
        const VariantFigures &f = it.value();
        const QString recallText = f.found + f.missed > 0
            ? fixed(double(f.found) / (f.found + f.missed), 3) : QStringLiteral("-");
        out << QStringLiteral("   %1 %2 %3 %4 %5 %6  %7")
                   .arg(it.key(), -16)
                   .arg(f.lookups, 8)
                   .arg(recallText, 7)
                   .arg(f.truePairs, 6)
                   .arg(f.falsePairs, 6)
                   .arg(f.likelyFalse, 6)
                   .arg(f.examples.join(QStringLiteral("; ")))
            << Qt::endl;
    }
    out << QStringLiteral("   (same: candidates who are the person looked up; other: someone else, "
                          "counted against precision; likely: of those, at score >= %1, where "
                          "Register asks to confirm)")
               .arg(DuplicateScorer::likelyThreshold)
        << Qt::endl;
    return 0;
}
} // namespace

int main(int argc, char *argv[])
{
    // Only the viewer needs a GUI: the duplicate search runs as a headless command would.
    const bool gui = argc > 1 && qstrcmp(argv[1], "viewer") == 0;
    if (gui && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> app = gui ? std::make_unique<QApplication>(argc, argv)
                                                : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("ClinicDeskBench"));
    QCoreApplication::setApplicationName(QStringLiteral("clinical_bench"));
    const QStringList args = QCoreApplication::arguments().mid(1);
    const QString command = args.value(0);
    if (command == QLatin1String("viewer") && args.size() >= 2)
        return benchViewer(args.at(1), qMax(1, args.value(2, QStringLiteral("5")).toInt()));
    if (command == QLatin1String("duplicates") && args.size() >= 2)
        return benchDuplicates(args.at(1), args.value(2, QStringLiteral("1000")).toInt());
    QTextStream(stderr) << "usage: clinical_bench viewer FILE [RUNS] | duplicates CSV [SAMPLE]"
                        << Qt::endl;
    return 2;
}

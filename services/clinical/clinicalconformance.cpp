// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/clinical/clinicalconformance.h"

#include "services/clinical/ccdareader.h"
#include "services/clinical/fhirbundlereader.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>

#include <exception>

namespace ClinicalConformance {

namespace {

QString counts(const ClinicalRecord &record)
{
    QStringList parts;
    for (ClinicalKind kind : {ClinicalKind::Allergy, ClinicalKind::Medication, ClinicalKind::Problem,
                              ClinicalKind::Immunization, ClinicalKind::Result,
                              ClinicalKind::VitalSign, ClinicalKind::Encounter,
                              ClinicalKind::Procedure}) {
        parts.append(QStringLiteral("%1 %2").arg(clinicalKindKey(kind)).arg(record.count(kind)));
    }
    int noKnown = 0;
    for (const ClinicalEntry *entry : record.entries()) {
        if (entry->noKnown)
            ++noKnown;
    }
    parts.append(QStringLiteral("no-known %1").arg(noKnown));
    parts.append(QStringLiteral("unreadable %1").arg(record.unreadableCount()));
    parts.append(QStringLiteral("sections %1").arg(record.sections.size()));
    parts.append(QStringLiteral("attachments %1").arg(record.attachments.size()));
    return parts.join(QStringLiteral(", "));
}

void runFolder(const QDir &root, const QString &folder, bool fhir, QTextStream &out, Summary &summary)
{
    const QDir dir(root.absoluteFilePath(folder));
    if (!dir.exists())
        return;
    QStringList files;
    QDirIterator it(dir.path(), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString relative = dir.relativeFilePath(it.next());
        if (relative != QLatin1String("README.md"))
            files.append(relative);
    }
    files.sort();
    for (const QString &name : files) {
        QString label = QStringLiteral("FAIL ");
        QString text;
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly)) {
            text = file.errorString();
        } else {
            const QByteArray bytes = file.readAll();
            QElapsedTimer clock;
            clock.start();
            try {
                const ClinicalReadResult result =
                    fhir ? FhirBundleReader::read(bytes) : CcdaReader::read(bytes);
                const qint64 ms = clock.elapsed();
                using Code = ClinicalReadError::Code;
                if (result.ok() && result.record.hasContent()) {
                    label = QStringLiteral("ok   ");
                    text = counts(result.record);
                } else if (result.ok()) {
                    text = QStringLiteral("read, but nothing would be shown");
                } else if (result.error.code == Code::NotClinical || result.error.message.isEmpty()) {
                    text = result.error.message.isEmpty() ? QStringLiteral("refused without a reason")
                                                          : result.error.message;
                } else {
                    label = QStringLiteral("error");
                    text = result.error.message;
                }
                text += QStringLiteral(" (%1 ms)").arg(ms);
            } catch (const std::exception &e) {
                text = QStringLiteral("internal error: exception: %1").arg(QString::fromLocal8Bit(e.what()));
            } catch (...) {
                text = QStringLiteral("internal error: unknown exception");
            }
        }
        out << label << ' ' << folder << '/' << name << ": " << text << '\n';
        if (label == QLatin1String("FAIL "))
            ++summary.failed;
        else
            ++summary.passed;
        out.flush();
    }
}

} // namespace

Summary run(const QString &dir, QTextStream &out)
{
    Summary summary;
    const QDir root(dir);
    runFolder(root, QStringLiteral("ccda"), false, out, summary);
    runFolder(root, QStringLiteral("fhir"), true, out, summary);
    return summary;
}

} // namespace ClinicalConformance

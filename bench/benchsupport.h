// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/access/databasekey.h"

#include <QDir>
#include <QFileInfo>

// What every benchmark program needs: waiting for a service's future on the main thread (its
// event loop keeps running, as in the app), percentiles of timings, figures as text, and the
// input files read into memory.

#include "services/common/async.h"

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <algorithm>
#include <cmath>

namespace BenchSupport {

using Async::await;

//! The value at fraction `p` (0.5 the median, 0.95 the p95) by nearest rank; 0 when empty.
inline double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype rank = qMax<qsizetype>(1, qsizetype(std::ceil(p * values.size())));
    return values.at(rank - 1);
}

inline double median(const QList<double> &values)
{
    return percentile(values, 0.5);
}

//! A figure with `decimals` digits after the point: "61.9".
inline QString fixed(double value, int decimals = 1)
{
    return QString::number(value, 'f', decimals);
}

//! Each readable file's bytes (one that cannot be read is said on stderr and left out); their
//! total size in `total`.
inline QList<QByteArray> loadFiles(const QStringList &paths, qint64 *total)
{
    QList<QByteArray> files;
    *total = 0;
    for (const QString &path : paths) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            QTextStream(stderr) << "cannot read " << path << Qt::endl;
            continue;
        }
        files.append(file.readAll());
        *total += files.last().size();
    }
    return files;
}

//! The key a desk keeps beside its database (`clinicdesk generate` and training write it as
//! database.key in the same folder); empty when there is none (a plaintext database).
inline QByteArray deskKeyBeside(const QString &databasePath)
{
    const QString keyFile = QFileInfo(databasePath).dir().filePath(QStringLiteral("database.key"));
    return QFileInfo::exists(keyFile) ? DatabaseKey::readKeyFile(keyFile).keyHex : QByteArray();
}

} // namespace BenchSupport

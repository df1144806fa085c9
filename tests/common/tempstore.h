// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/store/store.h"

#include <QTemporaryDir>

namespace TestSupport {

//! Options for a Store on a new database file in `dir`, with one reader; file and connection
//! names start with `prefix` and are new at every call, so stores in one test never share
//! either. Open it with `await(store.open())`.
inline Store::Options tempStoreOptions(const QTemporaryDir &dir, const QString &prefix)
{
    static int counter = 0;
    const QString name = QStringLiteral("%1-%2").arg(prefix).arg(++counter);
    Store::Options options;
    options.path = dir.filePath(name + QStringLiteral(".sqlite"));
    options.readers = 1;
    options.name = name;
    return options;
}

} // namespace TestSupport

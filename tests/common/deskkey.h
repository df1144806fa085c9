// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/access/databasekey.h"

#include <QByteArray>
#include <QDir>

namespace TestSupport {

//! The key a training desk with data folder `dataDir` keeps beside its database, so a test can
//! read what the desk wrote after the process ended. Empty when there is none.
inline QByteArray trainingDeskKey(const QString &dataDir)
{
    return DatabaseKey::readKeyFile(QDir(dataDir).filePath(QStringLiteral("database.key"))).keyHex;
}

} // namespace TestSupport

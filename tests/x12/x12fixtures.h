// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/testsupport.h"

#include <QByteArray>
#include <QtGlobal>

//! tests/data/x12/<name>; a missing fixture stops the test run rather than testing nothing.
inline QByteArray fixture(const char *name)
{
    const QByteArray data = TestSupport::readTestData(QStringLiteral("x12/") + QLatin1String(name));
    if (data.isEmpty())
        qFatal("missing test fixture %s", name);
    return data;
}

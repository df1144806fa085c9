// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/testsupport.h"

#include <QFile>

namespace TestSupport {
QString testDataPath(const QString &relativePath)
{
    return QStringLiteral(CLINICDESK_TEST_DATA "/") + relativePath;
}

QByteArray readTestData(const QString &relativePath)
{
    QFile file(testDataPath(relativePath));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}
} // namespace TestSupport

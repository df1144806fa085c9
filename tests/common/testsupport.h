// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace TestSupport {
//! Reads tests/data/<relativePath>; fails the calling test (empty result) when missing.
QByteArray readTestData(const QString &relativePath);
QString testDataPath(const QString &relativePath);
} // namespace TestSupport

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

//! The clinic as printed on reports and sent as the information receiver (2100B).
struct ClinicInfo
{
    QString name = QStringLiteral("Springfield Family Clinic");
    QString addressLine = QStringLiteral("400 Main Street");
    QString cityStateZip = QStringLiteral("Springfield, OR 97477");
    QString phone = QStringLiteral("(541) 555-0100");
    QString npi = QStringLiteral("1234567893");
    bool operator==(const ClinicInfo &) const = default;
};

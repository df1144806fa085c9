// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

//! One emergency access: who opened which patient's records, why, and until when.
struct BreakGlassGrant
{
    qint64 id = 0;
    QString userName;
    qint64 patientId = 0;
    QString reason;
    QDateTime openedAt;  // UTC
    QDateTime expiresAt; // UTC
    QString reviewedBy;  // empty until an administrator reviewed it
};

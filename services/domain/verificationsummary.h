// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/verification.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

//! One attempt with the names a list shows beside it (recent activity, batch results).
struct VerificationActivity
{
    Verification verification; // without the raw X12
    QString patientName;       // "Last, First M"; empty when the patient is gone
    QString payerName;         // empty when the coverage was removed
    QString memberId;
    bool coverageRemoved = false;
};

//! Attempts of a period grouped by what the dashboard counts (computed in SQL).
struct VerificationGroup
{
    VerificationStatus status = VerificationStatus::Pending;          // as stored
    VerificationStatus effectiveStatus = VerificationStatus::Pending; // expiry applied
    VerificationError error = VerificationError::None;
    QStringList aaaCodes;
    int count = 0;
    qint64 durationSumMs = 0;
};

struct VerificationAggregates
{
    QList<VerificationGroup> groups;
    int p95Ms = 0; //!< nearest-rank 95th percentile of the finished, not cancelled attempts
};

//! When an answer stops being current: answered before `answeredBefore`, or an active
//! coverage whose end date is before `today`.
struct ExpiryRule
{
    QDateTime answeredBefore;
    QDate today;
};

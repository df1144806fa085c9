// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/verification.h"
#include "services/domain/verificationsummary.h"

#include <QDateTime>

//! When an answer stops being current: older than maxAgeDays, or active coverage past its end.
namespace Expiry {
//! The status to show now for a stored attempt (verified/manual_review may have expired).
VerificationStatus effectiveStatus(const Verification &verification, int maxAgeDays,
                                   const QDateTime &nowUtc);
//! The same rule for SQL (the dashboard, expireStale()).
ExpiryRule rule(int maxAgeDays, const QDateTime &nowUtc);
} // namespace Expiry

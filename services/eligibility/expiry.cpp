// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/eligibility/expiry.h"

namespace Expiry {
VerificationStatus effectiveStatus(const Verification &verification, int maxAgeDays,
                                   const QDateTime &nowUtc)
{
    const bool answered = verification.status == VerificationStatus::Verified ||
                          verification.status == VerificationStatus::ManualReview;
    if (!answered)
        return verification.status;
    if (verification.completedAt.isValid() &&
        verification.completedAt < nowUtc.addDays(-maxAgeDays))
        return VerificationStatus::Expired;
    // An inactive answer stays a valid answer; only active coverage can run out.
    if (verification.result && verification.result->isActive()) {
        const QDate end = verification.result->coverageEnd();
        if (end.isValid() && end < nowUtc.toLocalTime().date())
            return VerificationStatus::Expired;
    }
    return verification.status;
}

ExpiryRule rule(int maxAgeDays, const QDateTime &nowUtc)
{
    return {nowUtc.addDays(-maxAgeDays), nowUtc.toLocalTime().date()};
}
} // namespace Expiry

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/claim.h"

namespace ClaimFixture {

//! A valid one-line claim for Jane Smith (the demo's ACT100001 at BlueCross, INS001): an
//! office visit two days ago for acute bronchitis, `chargeCents` billed.
inline Claim forJane(qint64 patientId, qint64 chargeCents = 15000,
                     const QString &insuranceId = QStringLiteral("INS001"))
{
    Claim claim;
    claim.patientId = patientId;
    claim.patientName = QStringLiteral("Smith, Jane");
    claim.patientDateOfBirth = QDate(1985, 3, 14);
    claim.patientGender = Gender::Female;
    claim.insuranceId = insuranceId;
    claim.payerName = QStringLiteral("BlueCross BlueShield");
    claim.memberId = QStringLiteral("ACT100001");
    claim.billingProvider = {QStringLiteral("Springfield Family Clinic"),
                             QStringLiteral("1234567893")};
    claim.renderingProvider = claim.billingProvider;
    claim.dateOfService = QDate::currentDate().addDays(-2);
    claim.diagnoses = {{QStringLiteral("J209"), QStringLiteral("Acute bronchitis")}};
    claim.lines = {
        {QStringLiteral("99213"), {}, 1, chargeCents, {1}, QStringLiteral("Office visit")}};
    return claim;
}

} // namespace ClaimFixture

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

//! Plain-language, translated names for the X12 270/271 codes shown to clerks. Each returns
//! the code itself for a code it does not know (payers send non-standard ones) and an empty
//! string for an empty code.
class EligibilityCodes
{
public:
    static QString serviceTypeName(const QString &code);   // EB03 / EQ01: "98" -> "Office visit"
    static QString benefitCodeName(const QString &code);   // EB01: "B" -> "Co-payment"
    static QString coverageLevelName(const QString &code); // EB02: "FAM" -> "Family"
    static QString insuranceTypeName(const QString &code); // EB04: "HM" -> "HMO"
    static QString timePeriodName(const QString &code);    // EB06: "29" -> "Remaining"
    static QString quantityQualifierName(const QString &code); // EB09: "VS" -> "Visits"
    static QString authorizationName(const QString &code);     // EB11: Y/N/U
    static QString networkName(const QString &code);           // EB12: Y/N/W/U
    static QString dateQualifierName(const QString &code);     // DTP01: "346" -> "Plan begin"
    static QString relationshipName(const QString &code);      // INS02: "19" -> "Child"
    static QString entityName(const QString &code); // NM101: "P3" -> "Primary care provider"

    //! EB01 1 to 5: some form of active coverage.
    static bool isActiveCoverage(const QString &benefitCode);
    //! EB01 6 to 8: inactive, possibly pending.
    static bool isInactiveCoverage(const QString &benefitCode);
};

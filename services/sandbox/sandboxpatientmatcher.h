// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/metriport/metriportjson.h"

/*!
  Metriport's rule for "the same patient" (metriport-api.md §3), as the simulated Metriport
  applies it on create and /patient/match: normalize (lower case, first token of each name,
  address, ZIP, phone digits, e-mail), block on exactly equal date of birth and gender at birth,
  then the mean Jaro-Winkler similarity over first and last name, the first address's line 1,
  line 2 (when both have one), city, state and ZIP, and the first contact's phone and e-mail
  (each when both have it). A mean of at least 0.96 is a match.
 */
namespace SandboxPatientMatcher {

constexpr double threshold = 0.96;

//! The mean similarity, or a negative number when the block (dob, gender) differs.
double similarity(const MetriportJson::Demographics &a, const MetriportJson::Demographics &b);
bool matches(const MetriportJson::Demographics &a, const MetriportJson::Demographics &b);

} // namespace SandboxPatientMatcher

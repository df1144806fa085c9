// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/claim.h"

#include <optional>

/*!
  A service line written on one word, as `claim submit --line` takes it:
  `CODE[:MOD…]:UNITS:CHARGE[:PTRS]`, e.g. `99213:1:125.00`, `99213:25:1:125:1`,
  `J1100:JW:2:40.50:1,2`. Modifiers are two letters or digits; pointers are diagnosis
  positions (1–12) joined by `,` or `+`; without them the line points at the first diagnoses
  (up to four). Reading from the right settles `25` as a modifier or a unit count.
 */
namespace ServiceLineSpec {
std::optional<ServiceLine> parse(const QString &spec, int diagnosisCount, QString *error);
}

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/x12/conformancerunner.h"

#include <memory>
#include <vector>

//! The claims readers as checks of the conformance run: every 835 is read into remittances
//! (counted and balanced, not kept) and every 837 into claims (counted, totals checked).
namespace ClaimsConformance {

std::vector<std::unique_ptr<ConformanceRunner::ContentCheck>> checks();

} // namespace ClaimsConformance

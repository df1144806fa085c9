// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/patient.h"
#include "services/patients/duplicatescorer.h"

//! A stored patient who may be the person being registered or edited, with why.
struct DuplicateCandidate
{
    Patient patient;
    DuplicateScore match; //!< score, verdict and reasons
    bool operator==(const DuplicateCandidate &) const = default;
};

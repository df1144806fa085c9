// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/clinic.h"

#include <QString>

class EligibilityService;

//! What the widgets are handed by the composition root (no singletons).
struct DeskEnvironment
{
    EligibilityService *eligibility = nullptr;
    ClinicInfo clinic;
    bool training = true;
    QString user;
};

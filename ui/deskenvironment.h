// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/clinic.h"

#include <QString>

class AppointmentService;
class DatabaseMaintenance;
class EligibilityService;
class PatientService;
class ReportService;

//! What the widgets are handed by the composition root (no singletons): the services they talk
//! to, never a repository or the database. The live feed, claims and medical-history services
//! will be added here by the issues that bring them.
struct DeskEnvironment
{
    PatientService *patients = nullptr;
    AppointmentService *appointments = nullptr;
    EligibilityService *eligibility = nullptr;
    ReportService *reports = nullptr;
    DatabaseMaintenance *maintenance = nullptr;
    ClinicInfo clinic;
    bool training = true;
    QString user;
};

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/clinic.h"

#include <QString>

class AppointmentService;
class DatabaseMaintenance;
class EligibilityService;
class LiveFeed;
class PatientService;
class ReportService;
class SampleEvents;

//! What the widgets are handed by the composition root (no singletons): the services they talk
//! to, never a repository or the database. Claims and medical-history services will be added
//! here by the issues that bring them.
struct DeskEnvironment
{
    PatientService *patients = nullptr;
    AppointmentService *appointments = nullptr;
    EligibilityService *eligibility = nullptr;
    ReportService *reports = nullptr;
    DatabaseMaintenance *maintenance = nullptr;
    LiveFeed *live = nullptr; // null when no hub is set up
    SampleEvents *sampleEvents = nullptr; // training only: the sandbox's sample webhooks
    ClinicInfo clinic;
    bool training = true;
    QString user;
};

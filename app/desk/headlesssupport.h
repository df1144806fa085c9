// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/common/async.h"
#include "services/domain/patient.h"

#include <QTextStream>

#include <optional>

class PatientService;

namespace Headless {

//! Waits for a future while the event loop runs (jobs and continuations keep working).
using Async::await;

/*!
  The patient a command names, by ID or by name, opened (so the audit trail sees it). When the
  name matches several or none, says so on `err` and sets `exitCode` (2: bad argument, 1: the
  database failed).
 */
std::optional<Patient> findPatient(PatientService &patients, const QString &patientArg,
                                   QTextStream &err, int *exitCode);

} // namespace Headless

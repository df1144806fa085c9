// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/patient.h"

#include <QEventLoop>
#include <QFuture>
#include <QFutureWatcher>
#include <QTextStream>

#include <optional>

class PatientService;

namespace Headless {

//! Waits for a future while the event loop runs (jobs and continuations keep working).
template<typename T> T await(const QFuture<T> &future)
{
    QFutureWatcher<T> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(future);
    if (!future.isFinished())
        loop.exec();
    return future.result();
}

/*!
  The patient a command names, by ID or by name, opened (so the audit trail sees it). When the
  name matches several or none, says so on `err` and sets `exitCode` (2: bad argument, 1: the
  database failed).
 */
std::optional<Patient> findPatient(PatientService &patients, const QString &patientArg,
                                   QTextStream &err, int *exitCode);

} // namespace Headless

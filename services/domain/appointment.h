// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

enum class AppointmentStatus { Scheduled, CheckedIn, Completed, Cancelled, NoShow };

QString appointmentStatusKey(AppointmentStatus status); // stable storage key: "scheduled", ...
AppointmentStatus appointmentStatusFromKey(const QString &key);

struct Appointment
{
    qint64 id = 0;
    qint64 patientId = 0;
    QDateTime start; // UTC
    int durationMinutes = 15;
    QString provider;
    QString visitType;
    AppointmentStatus status = AppointmentStatus::Scheduled;
    bool operator==(const Appointment &) const = default;
};

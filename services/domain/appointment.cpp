// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/domain/appointment.h"

QString appointmentStatusKey(AppointmentStatus status)
{
    switch (status) {
    case AppointmentStatus::Scheduled:
        return QStringLiteral("scheduled");
    case AppointmentStatus::CheckedIn:
        return QStringLiteral("checked_in");
    case AppointmentStatus::Completed:
        return QStringLiteral("completed");
    case AppointmentStatus::Cancelled:
        return QStringLiteral("cancelled");
    case AppointmentStatus::NoShow:
        return QStringLiteral("no_show");
    }
    return QStringLiteral("scheduled");
}

AppointmentStatus appointmentStatusFromKey(const QString &key)
{
    for (auto s :
         {AppointmentStatus::Scheduled, AppointmentStatus::CheckedIn, AppointmentStatus::Completed,
          AppointmentStatus::Cancelled, AppointmentStatus::NoShow}) {
        if (appointmentStatusKey(s) == key)
            return s;
    }
    return AppointmentStatus::Scheduled;
}

QString Appointment::derivedUid(const QString &mrn, const QDateTime &startUtc)
{
    return QStringLiteral("appt-") + mrn + QLatin1Char('-')
           + startUtc.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmm'Z'"));
}

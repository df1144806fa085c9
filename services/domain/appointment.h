// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

enum class AppointmentStatus { Scheduled, CheckedIn, Completed, Cancelled, NoShow };

//! Whether a list of visits includes the cancelled ones (shown struck through or greyed).
enum class CancelledVisits { Exclude, Include };

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
    QString notes;        // free text for the desk ("bring the referral")
    QString cancelReason; // why it was cancelled; empty unless status is Cancelled
    QDateTime updatedAt;  // UTC; when the desk last booked, changed or cancelled it (or invalid)
    QString uid;          // the same visit on every desk (the hub's events name it so); set when
                          // it is first stored

    //! The uid of a visit booked before uids existed, or by the demo data: every desk derives
    //! the same one from the patient's MRN and the start (migration 006 does it in SQL).
    static QString derivedUid(const QString &mrn, const QDateTime &startUtc);

    //! When the visit ends (start + duration).
    QDateTime end() const { return start.addSecs(qint64(durationMinutes) * 60); }
    bool isCancelled() const { return status == AppointmentStatus::Cancelled; }
    bool operator==(const Appointment &) const = default;
};

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/appointment.h"
#include "services/domain/liveevent.h"
#include "services/domain/patient.h"

#include <QJsonObject>
#include <QString>

class AppointmentService;
class LiveFeed;
class PatientService;

/*!
  The clinic events desks publish to each other through the hub, and how a desk applies one it
  receives. Desks keep their own databases, so events name things by what every desk shares:
  a patient by MRN, a visit by its uid.

    appointment.created|updated|cancelled  {uid, mrn, start, durationMinutes, provider,
                                            visitType, status, notes, cancelReason, updatedAt}
    patient.updated                        {mrn, firstName, middleName, lastName, dateOfBirth,
                                            gender, address{…}, phone, email, updatedAt}
 */
namespace ClinicEvents {
QString appointmentEventType(const QString &auditAction); // appointment.create → .created …
QJsonObject appointmentPayload(const Appointment &appointment, const QString &mrn);
QJsonObject patientPayload(const Patient &patient);

QString appointmentUid(const LiveEvent &event);
QString patientMrn(const LiveEvent &event);

//! Run on the writer inside the feed's transaction. The appointment must name a patient this
//! desk has (else failed: retried later, after the patient's own event).
LiveApplyOutcome applyAppointment(const QString &connection, const LiveEvent &event);
//! Creates or updates the patient with that MRN.
LiveApplyOutcome applyPatient(const QString &connection, const LiveEvent &event);

//! Makes `feed` apply the clinic events through these services' rules, and publish what they
//! queue as soon as it is committed.
void connectToFeed(LiveFeed *feed, AppointmentService *appointments, PatientService *patients);
} // namespace ClinicEvents

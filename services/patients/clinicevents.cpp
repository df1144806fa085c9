// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/patients/clinicevents.h"

#include "services/live/livefeed.h"
#include "services/patients/appointmentservice.h"
#include "services/patients/patientservice.h"
#include "services/store/appointmentrepository.h"
#include "services/store/auditlog.h"
#include "services/store/audittrail.h"
#include "services/store/patientrepository.h"

#include <QCoreApplication>

namespace {
QString isoUtc(const QDateTime &at)
{
    return at.isValid() ? at.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime fromIso(const QJsonValue &value)
{
    const QDateTime at = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return at.isValid() ? at.toUTC() : QDateTime();
}

//! Who made a change that arrived from another desk, for the audit log.
QString remoteUser(const LiveEvent &event)
{
    const QString device = event.originDevice();
    return QStringLiteral("live:") + (device.isEmpty() ? QStringLiteral("hub") : device);
}
} // namespace

namespace ClinicEvents {

QString appointmentEventType(const QString &auditAction)
{
    if (auditAction.endsWith(QLatin1String(".create")))
        return QStringLiteral("appointment.created");
    if (auditAction.endsWith(QLatin1String(".cancel")))
        return QStringLiteral("appointment.cancelled");
    return QStringLiteral("appointment.updated");
}

QJsonObject appointmentPayload(const Appointment &a, const QString &mrn)
{
    return QJsonObject{{QStringLiteral("uid"), a.uid},
                       {QStringLiteral("mrn"), mrn},
                       {QStringLiteral("start"), isoUtc(a.start)},
                       {QStringLiteral("durationMinutes"), a.durationMinutes},
                       {QStringLiteral("provider"), a.provider},
                       {QStringLiteral("visitType"), a.visitType},
                       {QStringLiteral("status"), appointmentStatusKey(a.status)},
                       {QStringLiteral("notes"), a.notes},
                       {QStringLiteral("cancelReason"), a.cancelReason},
                       {QStringLiteral("updatedAt"), isoUtc(a.updatedAt)}};
}

QJsonObject patientPayload(const Patient &p)
{
    return QJsonObject{
        {QStringLiteral("mrn"), p.mrn},
        {QStringLiteral("firstName"), p.firstName},
        {QStringLiteral("middleName"), p.middleName},
        {QStringLiteral("lastName"), p.lastName},
        {QStringLiteral("dateOfBirth"), p.dateOfBirth.toString(Qt::ISODate)},
        {QStringLiteral("gender"), genderCode(p.gender)},
        {QStringLiteral("address"),
         QJsonObject{{QStringLiteral("line1"), p.address.line1},
                     {QStringLiteral("line2"), p.address.line2},
                     {QStringLiteral("city"), p.address.city},
                     {QStringLiteral("state"), p.address.state},
                     {QStringLiteral("zip"), p.address.zip}}},
        {QStringLiteral("phone"), p.phone},
        {QStringLiteral("email"), p.email},
        {QStringLiteral("updatedAt"), isoUtc(p.updatedAt)}};
}

QString appointmentUid(const LiveEvent &event)
{
    return event.payload.value(QStringLiteral("uid")).toString();
}

QString patientMrn(const LiveEvent &event)
{
    return event.payload.value(QStringLiteral("mrn")).toString();
}

LiveApplyOutcome applyAppointment(const QString &connection, const LiveEvent &event)
{
    const QJsonObject &p = event.payload;
    const QString uid = p.value(QStringLiteral("uid")).toString();
    const QString mrn = p.value(QStringLiteral("mrn")).toString();
    const QDateTime start = fromIso(p.value(QStringLiteral("start")));
    if (uid.isEmpty() || mrn.isEmpty() || !start.isValid())
        return LiveApplyOutcome::failed(QCoreApplication::translate("ClinicEvents", "The event lacks the visit's id, MRN or start."));

    const StoreResult<std::optional<Patient>> patient = PatientRepository(connection).findByMrn(mrn);
    if (!patient)
        return LiveApplyOutcome::failed(patient.error());
    if (!patient->has_value()) {
        return LiveApplyOutcome::failed(
            QCoreApplication::translate("ClinicEvents", "No patient with MRN %1 on this desk yet; it is tried again when the patient "
               "arrives.")
                .arg(mrn));
    }
    AppointmentRepository appointments(connection);
    const StoreResult<std::optional<Appointment>> existing = appointments.findByUid(uid);
    if (!existing)
        return LiveApplyOutcome::failed(existing.error());

    Appointment a = existing->value_or(Appointment{});
    const bool created = !existing->has_value();
    a.uid = uid;
    a.patientId = (*patient)->id;
    a.start = start;
    a.durationMinutes = p.value(QStringLiteral("durationMinutes")).toInt(a.durationMinutes);
    a.provider = p.value(QStringLiteral("provider")).toString();
    a.visitType = p.value(QStringLiteral("visitType")).toString();
    a.status = appointmentStatusFromKey(p.value(QStringLiteral("status")).toString());
    a.notes = p.value(QStringLiteral("notes")).toString();
    a.cancelReason = p.value(QStringLiteral("cancelReason")).toString();
    a.updatedAt = fromIso(p.value(QStringLiteral("updatedAt")));
    const StoreResult<Appointment> saved = appointments.save(a);
    if (!saved)
        return LiveApplyOutcome::failed(saved.error());
    const auto recorded = AuditTrail::recordIn(
        connection, remoteUser(event),
        {created ? QStringLiteral("appointment.create") : QStringLiteral("appointment.edit"),
         QStringLiteral("appointment"), saved->id});
    if (!recorded)
        return LiveApplyOutcome::failed(AuditTrail::notRecorded(recorded.error()));
    return LiveApplyOutcome::applied();
}

LiveApplyOutcome applyPatient(const QString &connection, const LiveEvent &event)
{
    const QJsonObject &p = event.payload;
    const QString mrn = p.value(QStringLiteral("mrn")).toString();
    if (mrn.isEmpty())
        return LiveApplyOutcome::failed(QCoreApplication::translate("ClinicEvents", "The event lacks the patient's MRN."));
    PatientRepository patients(connection);
    const StoreResult<std::optional<Patient>> existing = patients.findByMrn(mrn);
    if (!existing)
        return LiveApplyOutcome::failed(existing.error());
    Patient patient = existing->value_or(Patient{});
    const bool created = !existing->has_value();
    const QDate dateOfBirth =
        QDate::fromString(p.value(QStringLiteral("dateOfBirth")).toString(), Qt::ISODate);
    // Each desk numbers its own new charts: the same MRN on a different person here must not
    // be overwritten. A person decides (the event stays failed in the event log).
    if (!created && patient.dateOfBirth.isValid() && dateOfBirth.isValid()
        && patient.dateOfBirth != dateOfBirth) {
        return LiveApplyOutcome::failed(QCoreApplication::translate(
            "ClinicEvents", "MRN %1 belongs to another patient on this desk (a different date "
                            "of birth); check both charts before changing either.")
                                            .arg(mrn));
    }
    patient.mrn = mrn;
    patient.firstName = p.value(QStringLiteral("firstName")).toString();
    patient.middleName = p.value(QStringLiteral("middleName")).toString();
    patient.lastName = p.value(QStringLiteral("lastName")).toString();
    patient.dateOfBirth =
        QDate::fromString(p.value(QStringLiteral("dateOfBirth")).toString(), Qt::ISODate);
    patient.gender = genderFromCode(p.value(QStringLiteral("gender")).toString());
    const QJsonObject address = p.value(QStringLiteral("address")).toObject();
    patient.address.line1 = address.value(QStringLiteral("line1")).toString();
    patient.address.line2 = address.value(QStringLiteral("line2")).toString();
    patient.address.city = address.value(QStringLiteral("city")).toString();
    patient.address.state = address.value(QStringLiteral("state")).toString();
    patient.address.zip = address.value(QStringLiteral("zip")).toString();
    patient.phone = p.value(QStringLiteral("phone")).toString();
    patient.email = p.value(QStringLiteral("email")).toString();
    const StoreResult<Patient> saved = patients.save(patient);
    if (!saved)
        return LiveApplyOutcome::failed(saved.error());
    const auto recorded = AuditTrail::recordIn(
        connection, remoteUser(event),
        {created ? QStringLiteral("patient.register") : QStringLiteral("patient.edit"),
         QStringLiteral("patient"), saved->id});
    if (!recorded)
        return LiveApplyOutcome::failed(AuditTrail::notRecorded(recorded.error()));
    return LiveApplyOutcome::applied();
}

void connectToFeed(LiveFeed *feed, AppointmentService *appointments, PatientService *patients)
{
    feed->addHandler(QStringLiteral("appointment.*"), &applyAppointment,
                     [appointments](const LiveEvent &event) {
                         appointments->showRemoteChange(appointmentUid(event), event.originDevice());
                     });
    feed->addHandler(QStringLiteral("patient.updated"), &applyPatient,
                     [patients](const LiveEvent &event) {
                         patients->showRemoteChange(patientMrn(event), event.originDevice());
                     });
    QObject::connect(appointments, &AppointmentService::appointmentSaved, feed,
                     &LiveFeed::publishPending);
    QObject::connect(appointments, &AppointmentService::appointmentCancelled, feed,
                     &LiveFeed::publishPending);
    QObject::connect(patients, &PatientService::patientSaved, feed, &LiveFeed::publishPending);
}

} // namespace ClinicEvents

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/appointment.h"
#include "services/store/storeerror.h"

#include <QDateTime>
#include <QFuture>
#include <QList>
#include <QObject>
#include <QStringList>

#include <functional>

class Store;

//! Another visit of the same provider at an overlapping time, with the name of its patient.
struct AppointmentConflict
{
    Appointment appointment;
    QString patientName; // "Last, First M": PHI, for the desk's own screens only
    bool operator==(const AppointmentConflict &) const = default;
};

/*!
  The appointments of the front desk: book, reschedule, edit and cancel visits, a patient's
  upcoming visits, the overlap warning and the lists the appointment form offers. Everything
  runs on the store's worker threads and comes back as a QFuture. Every write is audited in
  the same transaction as the change (appointment.create, appointment.edit,
  appointment.cancel; entity "appointment" and its id), so a change whose record cannot be
  written is not made; reads of a patient's visits are audited as appointment.view.
 */
class AppointmentService : public QObject
{
    Q_OBJECT
public:
    AppointmentService(Store *store, QString user, QObject *parent = nullptr);

    const QString &user() const { return m_user; }

    /*!
      Books a new visit (its id and status are ignored: it is stored as scheduled). The
      patient, a start, a duration (1 to AppointmentRepository::maxDurationMinutes) and a
      provider are required. Overlapping visits are allowed: see conflicts().
     */
    QFuture<StoreResult<Appointment>> add(const Appointment &appointment);
    //! Moves a visit to `startUtc` and sets its length; a cancelled visit cannot be moved.
    QFuture<StoreResult<Appointment>> reschedule(qint64 appointmentId, const QDateTime &startUtc,
                                                 int durationMinutes);
    /*!
      Saves changes to a visit (time, length, provider, visit type, notes, status other than
      cancelled). Its patient cannot change, a cancelled visit cannot be edited, and a visit
      is cancelled with cancel() only, so that its reason is kept.
     */
    QFuture<StoreResult<Appointment>> update(const Appointment &appointment);
    //! Cancels a visit, keeping `reason`; an error when it is already cancelled.
    QFuture<StoreResult<Appointment>> cancel(qint64 appointmentId, const QString &reason);

    /*!
      The patient's visits from the start of today (local time) on, in order of start;
      cancelled ones only with CancelledVisits::Include. Audited as appointment.view of the
      patient.
     */
    QFuture<StoreResult<QList<Appointment>>>
    upcoming(qint64 patientId, CancelledVisits cancelled = CancelledVisits::Exclude) const;
    //! Where upcoming() begins: the start of the local day of `now`, in UTC.
    static QDateTime upcomingFrom(const QDateTime &now = QDateTime::currentDateTime());
    //! True when upcoming(…, `cancelled`) called now would list `appointment` (for live lists).
    static bool isUpcoming(const Appointment &appointment, CancelledVisits cancelled,
                           const QDateTime &now = QDateTime::currentDateTime());

    /*!
      The provider's other visits that overlap `appointment` (see
      AppointmentRepository::overlapping), with their patients' names: a warning for the
      clerk, never a reason to refuse a booking. Each conflicting visit found is audited as
      appointment.view (its patient's name is shown); a check that finds none records nothing.
     */
    QFuture<StoreResult<QList<AppointmentConflict>>>
    conflicts(const Appointment &appointment) const;
    //! The providers named on appointments, in alphabetical order (for an editable list).
    QFuture<StoreResult<QStringList>> providers() const;
    //! The visit types named on appointments, in alphabetical order (for an editable list).
    QFuture<StoreResult<QStringList>> visitTypes() const;

    //! Another desk changed the visit `uid` (the live feed applied it): reads it and tells the
    //! screens, as if it had been changed here.
    void showRemoteChange(const QString &uid, const QString &device);

Q_SIGNALS:
    //! A visit was booked, rescheduled or edited (emitted in the service's thread).
    void appointmentSaved(const Appointment &appointment);
    //! A visit was cancelled (emitted in the service's thread).
    void appointmentCancelled(const Appointment &appointment);
    //! Another desk booked, moved or cancelled this visit (after appointmentSaved/Cancelled).
    void appointmentChangedElsewhere(const Appointment &appointment, const QString &device);

private:
    using Change = std::function<StoreResult<Appointment>(const QString &connection)>;
    //! Runs `change` on the writer with its audit record (`action`) in one transaction, and
    //! announces the result.
    QFuture<StoreResult<Appointment>> write(const QString &action, Change change);

    Store *m_store;
    QString m_user;
};

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/patients/appointmentservice.h"

#include "services/common/async.h"
#include "services/patients/clinicevents.h"
#include "services/store/appointmentrepository.h"
#include "services/store/liveeventrepository.h"
#include "services/store/audittrail.h"
#include "services/store/database.h"
#include "services/store/patientrepository.h"
#include "services/store/sqlvalues.h"
#include "services/store/store.h"

#include <QCoreApplication>

namespace {
const QString createAction = QStringLiteral("appointment.create");
const QString editAction = QStringLiteral("appointment.edit");
const QString cancelAction = QStringLiteral("appointment.cancel");
const QString viewAction = QStringLiteral("appointment.view");
const QString appointmentEntity = QStringLiteral("appointment");

QString what()
{
    return QCoreApplication::translate("Store", "the appointment");
}

template<typename T> QFuture<StoreResult<T>> refused(const QString &error)
{
    return QtFuture::makeReadyFuture(StoreResult<T>::failure(error));
}

//! The stored visit `id`, or an error saying it is gone.
StoreResult<Appointment> existing(const AppointmentRepository &repository, qint64 id)
{
    const StoreResult<std::optional<Appointment>> found = repository.find(id);
    if (!found)
        return StoreResult<Appointment>::failure(found.error());
    if (!found->has_value()) {
        return StoreResult<Appointment>::failure(QCoreApplication::translate(
            "Store", "This appointment no longer exists; someone may have removed it."));
    }
    return **found;
}
} // namespace

AppointmentService::AppointmentService(Store *store, QString user, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_user(std::move(user))
{
}

QFuture<StoreResult<Appointment>> AppointmentService::write(const QString &action, Change change)
{
    const QString user = m_user;
    QFuture<StoreResult<Appointment>> saved =
        m_store->write([user, action, change](const QString &connection) {
            TransactionGuard transaction(Database::connection(connection));
            if (!transaction.isActive())
                return StoreResult<Appointment>::failure(transaction.describeError(what()));
            StoreResult<Appointment> written = change(connection);
            if (!written)
                return written;
            const auto recorded =
                AuditTrail::recordIn(connection, user, {action, appointmentEntity, written->id});
            if (!recorded)
                return StoreResult<Appointment>::failure(AuditTrail::notRecorded(recorded.error()));
            // Other desks learn of it through the hub: the event is queued with the change.
            const auto patient = PatientRepository(connection).find(written->patientId);
            if (!patient || !patient->has_value())
                return StoreResult<Appointment>::failure(
                    patient ? tr("The patient of this appointment no longer exists.")
                            : patient.error());
            const auto queued = LiveEventRepository(connection).enqueue(
                {{}, ClinicEvents::appointmentEventType(action),
                 ClinicEvents::appointmentPayload(*written, (*patient)->mrn), {}});
            if (!queued)
                return StoreResult<Appointment>::failure(queued.error());
            if (!transaction.commit())
                return StoreResult<Appointment>::failure(transaction.describeError(what()));
            return written;
        });
    Async::whenReady(saved, this, [this, action](const StoreResult<Appointment> &result) {
        if (!result)
            return;
        if (action == cancelAction)
            Q_EMIT appointmentCancelled(*result);
        else
            Q_EMIT appointmentSaved(*result);
    });
    return saved;
}

QFuture<StoreResult<Appointment>> AppointmentService::add(const Appointment &appointment)
{
    if (appointment.provider.trimmed().isEmpty())
        return refused<Appointment>(tr("Choose the provider for the appointment."));
    Appointment fresh = appointment;
    fresh.id = 0;
    fresh.status = AppointmentStatus::Scheduled;
    fresh.cancelReason.clear();
    return write(createAction, [fresh](const QString &connection) mutable {
        fresh.updatedAt = SqlValues::nowUtc();
        return AppointmentRepository(connection).save(fresh);
    });
}

QFuture<StoreResult<Appointment>>
AppointmentService::reschedule(qint64 appointmentId, const QDateTime &startUtc, int durationMinutes)
{
    return write(editAction, [appointmentId, startUtc, durationMinutes](const QString &connection) {
        AppointmentRepository repository(connection);
        StoreResult<Appointment> stored = existing(repository, appointmentId);
        if (!stored)
            return stored;
        if (stored->isCancelled()) {
            return StoreResult<Appointment>::failure(
                tr("This appointment was cancelled; book a new one instead of moving it."));
        }
        Appointment moved = *stored;
        moved.start = startUtc;
        moved.durationMinutes = durationMinutes;
        moved.updatedAt = SqlValues::nowUtc();
        return repository.save(moved);
    });
}

QFuture<StoreResult<Appointment>> AppointmentService::update(const Appointment &appointment)
{
    if (appointment.id == 0)
        return refused<Appointment>(tr("Book the appointment before changing it."));
    if (appointment.provider.trimmed().isEmpty())
        return refused<Appointment>(tr("Choose the provider for the appointment."));
    return write(editAction, [appointment](const QString &connection) {
        AppointmentRepository repository(connection);
        const StoreResult<Appointment> stored = existing(repository, appointment.id);
        if (!stored)
            return stored;
        if (stored->isCancelled()) {
            return StoreResult<Appointment>::failure(
                tr("This appointment was cancelled; it can no longer be changed."));
        }
        if (appointment.isCancelled()) {
            return StoreResult<Appointment>::failure(
                tr("Cancel the appointment rather than editing it, so that the reason is kept."));
        }
        if (appointment.patientId != 0 && appointment.patientId != stored->patientId) {
            return StoreResult<Appointment>::failure(
                tr("An appointment cannot move to another patient; book one for them instead."));
        }
        Appointment changed = appointment;
        changed.patientId = stored->patientId;
        changed.cancelReason = stored->cancelReason;
        changed.updatedAt = SqlValues::nowUtc();
        return repository.save(changed);
    });
}

QFuture<StoreResult<Appointment>> AppointmentService::cancel(qint64 appointmentId,
                                                             const QString &reason)
{
    return write(cancelAction, [appointmentId, reason](const QString &connection) {
        return AppointmentRepository(connection).cancel(appointmentId, reason, SqlValues::nowUtc());
    });
}

QFuture<StoreResult<QList<Appointment>>>
AppointmentService::upcoming(qint64 patientId, CancelledVisits cancelled) const
{
    const QDateTime from = upcomingFrom();
    return AuditTrail(m_store, m_user)
        .read({viewAction, QStringLiteral("patient"), patientId}, [patientId, from, cancelled](
                                                                      const QString &connection) {
            return AppointmentRepository(connection).upcomingForPatient(patientId, from, cancelled);
        });
}

QDateTime AppointmentService::upcomingFrom(const QDateTime &now)
{
    // From the start of today: a visit booked for 9:00 is still the clerk's business at 9:10.
    return now.toLocalTime().date().startOfDay(Qt::LocalTime).toUTC();
}

bool AppointmentService::isUpcoming(const Appointment &appointment, CancelledVisits cancelled,
                                    const QDateTime &now)
{
    if (appointment.isCancelled() && cancelled == CancelledVisits::Exclude)
        return false;
    return appointment.start.isValid() && appointment.start >= upcomingFrom(now);
}

QFuture<StoreResult<QList<AppointmentConflict>>>
AppointmentService::conflicts(const Appointment &appointment) const
{
    using Result = StoreResult<QList<AppointmentConflict>>;
    const QString user = m_user;
    // On the writer: the names read and the record that they were shown are one transaction,
    // and a check that finds nothing (the usual case) records nothing.
    return m_store->write([appointment, user](const QString &connection) -> Result {
        TransactionGuard transaction(Database::connection(connection));
        if (!transaction.isActive())
            return Result::failure(transaction.describeError(what()));
        const StoreResult<QList<Appointment>> found =
            AppointmentRepository(connection)
                .overlapping(appointment.provider, appointment.start, appointment.durationMinutes,
                             appointment.id);
        if (!found)
            return Result::failure(found.error());
        QList<AppointmentConflict> conflicts;
        const PatientRepository patients(connection);
        for (const Appointment &other : *found) {
            const StoreResult<std::optional<Patient>> patient = patients.find(other.patientId);
            if (!patient)
                return Result::failure(patient.error());
            conflicts.append({other, patient->has_value() ? (*patient)->displayName() : QString()});
            const auto recorded =
                AuditTrail::recordIn(connection, user, {viewAction, appointmentEntity, other.id});
            if (!recorded)
                return Result::failure(AuditTrail::notRecorded(recorded.error()));
        }
        if (!transaction.commit())
            return Result::failure(transaction.describeError(what()));
        return conflicts;
    });
}

QFuture<StoreResult<QStringList>> AppointmentService::providers() const
{
    return m_store->read(
        [](const QString &connection) { return AppointmentRepository(connection).providers(); });
}

QFuture<StoreResult<QStringList>> AppointmentService::visitTypes() const
{
    return m_store->read(
        [](const QString &connection) { return AppointmentRepository(connection).visitTypes(); });
}

void AppointmentService::showRemoteChange(const QString &uid, const QString &device)
{
    Async::whenReady(m_store->read([uid](const QString &connection) {
                         return AppointmentRepository(connection).findByUid(uid);
                     }),
                     this, [this, device](const StoreResult<std::optional<Appointment>> &found) {
                         if (!found || !found->has_value())
                             return;
                         const Appointment &appointment = **found;
                         if (appointment.isCancelled())
                             Q_EMIT appointmentCancelled(appointment);
                         else
                             Q_EMIT appointmentSaved(appointment);
                         Q_EMIT appointmentChangedElsewhere(appointment, device);
                     });
}

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/store/appointmentrepository.h"

#include "services/store/database.h"
#include "services/store/sqlvalues.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace {
const QString appointmentColumns =
    QStringLiteral("id, patient_id, start_at, duration_minutes, provider, visit_type, status, "
                   "notes, cancel_reason, updated_at, uid");

Appointment readAppointment(const QSqlQuery &query)
{
    Appointment appointment;
    appointment.id = query.value(0).toLongLong();
    appointment.patientId = query.value(1).toLongLong();
    appointment.start = SqlValues::toTimestamp(query.value(2));
    appointment.durationMinutes = query.value(3).toInt();
    appointment.provider = query.value(4).toString();
    appointment.visitType = query.value(5).toString();
    appointment.status = appointmentStatusFromKey(query.value(6).toString());
    appointment.notes = query.value(7).toString();
    appointment.cancelReason = query.value(8).toString();
    appointment.updatedAt = SqlValues::toTimestamp(query.value(9));
    appointment.uid = query.value(10).toString();
    return appointment;
}

QList<Appointment> readAppointments(QSqlQuery &query)
{
    QList<Appointment> appointments;
    while (query.next())
        appointments.append(readAppointment(query));
    return appointments;
}

QString readFailed(const QSqlQuery &query)
{
    return StoreErrors::describe(query.lastError(),
                                 QCoreApplication::translate("Store", "the appointments"));
}

QString saveFailed(const QString &detail)
{
    return QCoreApplication::translate("Store", "Cannot save the appointment: %1").arg(detail);
}

//! A write the database itself refused (busy, unreadable, disk full) is worded for the person
//! at the screen; a refused row keeps SQLite's text.
QString saveFailed(const QSqlError &error)
{
    if (StoreErrors::isDatabaseProblem(error))
        return StoreErrors::describe(error,
                                     QCoreApplication::translate("Store", "the appointment"));
    return saveFailed(error.text());
}

QString tooLong(const QString &what, int maxLength)
{
    //: %1 is a field ("The provider's name"), %2 a number of characters.
    return QCoreApplication::translate("Store", "%1 can be at most %2 characters.")
        .arg(what)
        .arg(maxLength);
}

QString tooLongVisit()
{
    return QCoreApplication::translate("Store", "The appointment can last at most %1 minutes.")
        .arg(AppointmentRepository::maxDurationMinutes);
}

//! What save() refuses before asking the database, in the words of the field at fault.
QString invalidField(const Appointment &appointment)
{
    if (appointment.patientId == 0)
        return QCoreApplication::translate("Store", "Choose the patient for the appointment.");
    if (!appointment.start.isValid())
        return QCoreApplication::translate("Store", "Enter the date and time of the appointment.");
    if (appointment.durationMinutes <= 0)
        return QCoreApplication::translate("Store",
                                           "The appointment must last at least one minute.");
    if (appointment.durationMinutes > AppointmentRepository::maxDurationMinutes)
        return tooLongVisit();
    if (appointment.provider.size() > AppointmentRepository::maxNameLength) {
        return tooLong(QCoreApplication::translate("Store", "The provider's name"),
                       AppointmentRepository::maxNameLength);
    }
    if (appointment.visitType.size() > AppointmentRepository::maxNameLength) {
        return tooLong(QCoreApplication::translate("Store", "The visit type"),
                       AppointmentRepository::maxNameLength);
    }
    if (appointment.notes.size() > AppointmentRepository::maxNotesLength) {
        return tooLong(QCoreApplication::translate("Store", "The notes"),
                       AppointmentRepository::maxNotesLength);
    }
    if (appointment.cancelReason.size() > AppointmentRepository::maxReasonLength) {
        return tooLong(QCoreApplication::translate("Store", "The reason for cancelling"),
                       AppointmentRepository::maxReasonLength);
    }
    return {};
}

QString noLongerExists()
{
    return QCoreApplication::translate(
        "Store", "This appointment no longer exists; someone may have removed it.");
}

//! A new visit gets its uid here unless the caller (the demo data, another desk's event) chose it.
QString uidFor(const Appointment &a)
{
    return a.uid.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : a.uid;
}

//! Binds the columns after the id, in appointmentColumns' order.
void bindFields(QSqlQuery &query, const Appointment &a)
{
    query.addBindValue(a.patientId);
    query.addBindValue(SqlValues::fromTimestamp(a.start));
    query.addBindValue(a.durationMinutes);
    query.addBindValue(SqlValues::fromText(a.provider.trimmed()));
    query.addBindValue(SqlValues::fromText(a.visitType.trimmed()));
    query.addBindValue(appointmentStatusKey(a.status));
    query.addBindValue(SqlValues::fromText(a.notes));
    query.addBindValue(SqlValues::fromText(a.cancelReason));
    query.addBindValue(SqlValues::fromTimestamp(a.updatedAt));
    query.addBindValue(uidFor(a));
}


const QString insertStatement = QStringLiteral(
    "INSERT INTO appointments (patient_id, start_at, duration_minutes, provider, visit_type, "
    "status, notes, cancel_reason, updated_at, uid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
} // namespace

StoreResult<Appointment> AppointmentRepository::save(const Appointment &input)
{
    Appointment appointment = input;
    appointment.provider = appointment.provider.trimmed();
    appointment.visitType = appointment.visitType.trimmed();
    if (const QString invalid = invalidField(appointment); !invalid.isEmpty())
        return StoreResult<Appointment>::failure(invalid);

    QSqlDatabase db = Database::connection(m_connection);
    {
        TransactionGuard transaction(db);
        if (!transaction.isActive())
            return StoreResult<Appointment>::failure(saveFailed(transaction.lastError()));
        QSqlQuery query(db);
        query.prepare(QStringLiteral("SELECT 1 FROM patients WHERE id = ?"));
        query.addBindValue(appointment.patientId);
        if (!query.exec())
            return StoreResult<Appointment>::failure(saveFailed(query.lastError()));
        if (!query.next()) {
            return StoreResult<Appointment>::failure(QCoreApplication::translate(
                "Store", "The patient of this appointment no longer exists."));
        }
        query.finish();

        if (appointment.id == 0) {
            query.prepare(insertStatement);
        } else {
            query.prepare(QStringLiteral(
                "UPDATE appointments SET patient_id = ?, start_at = ?, duration_minutes = ?, "
                "provider = ?, visit_type = ?, status = ?, notes = ?, cancel_reason = ?, "
                "updated_at = ?, uid = coalesce(uid, ?) WHERE id = ?"));
        }
        bindFields(query, appointment);
        if (appointment.id != 0)
            query.addBindValue(appointment.id);
        if (!query.exec())
            return StoreResult<Appointment>::failure(saveFailed(query.lastError()));
        if (appointment.id == 0) {
            appointment.id = query.lastInsertId().toLongLong();
        } else if (query.numRowsAffected() == 0) {
            return StoreResult<Appointment>::failure(noLongerExists());
        }
        if (!transaction.commit())
            return StoreResult<Appointment>::failure(saveFailed(transaction.lastError()));
    }
    const StoreResult<std::optional<Appointment>> stored = find(appointment.id);
    if (!stored)
        return StoreResult<Appointment>::failure(stored.error());
    if (!stored->has_value())
        return StoreResult<Appointment>::failure(saveFailed(db.lastError().text()));
    return **stored;
}

StoreResult<int> AppointmentRepository::insertMany(const QList<Appointment> &appointments)
{
    QSqlDatabase db = Database::connection(m_connection);
    TransactionGuard transaction(db);
    if (!transaction.isActive())
        return StoreResult<int>::failure(saveFailed(transaction.lastError()));
    QSqlQuery query(db);
    query.prepare(insertStatement);
    for (const Appointment &a : appointments) {
        // The conflict check relies on no visit lasting longer (see overlapping()).
        if (a.durationMinutes > maxDurationMinutes)
            return StoreResult<int>::failure(saveFailed(tooLongVisit()));
        bindFields(query, a);
        if (!query.exec())
            return StoreResult<int>::failure(saveFailed(query.lastError()));
    }
    if (!transaction.commit())
        return StoreResult<int>::failure(saveFailed(transaction.lastError()));
    return int(appointments.size());
}

StoreResult<std::optional<Appointment>> AppointmentRepository::find(qint64 id) const
{
    QSqlQuery query(Database::connection(m_connection));
    query.prepare(
        QStringLiteral("SELECT %1 FROM appointments WHERE id = ?").arg(appointmentColumns));
    query.addBindValue(id);
    if (!query.exec())
        return StoreResult<std::optional<Appointment>>::failure(readFailed(query));
    if (!query.next())
        return std::optional<Appointment>();
    return std::optional<Appointment>(readAppointment(query));
}

StoreResult<QList<Appointment>> AppointmentRepository::forDay(const QDate &day) const
{
    if (!day.isValid())
        return QList<Appointment>();
    // startOfDay() copes with days that do not begin at 00:00 or last 23 or 25 hours (DST).
    const QDateTime from = day.startOfDay(Qt::LocalTime);
    const QDateTime to = day.addDays(1).startOfDay(Qt::LocalTime);
    QSqlQuery query(Database::connection(m_connection));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM appointments WHERE start_at >= ? AND "
                                 "start_at < ? ORDER BY start_at, id")
                      .arg(appointmentColumns));
    query.addBindValue(SqlValues::fromTimestamp(from));
    query.addBindValue(SqlValues::fromTimestamp(to));
    if (!query.exec())
        return StoreResult<QList<Appointment>>::failure(readFailed(query));
    QList<Appointment> appointments = readAppointments(query);
    if (query.lastError().isValid()) // a row that could not be read ends the list early
        return StoreResult<QList<Appointment>>::failure(readFailed(query));
    return appointments;
}

StoreResult<QList<Appointment>> AppointmentRepository::forPatient(qint64 patientId) const
{
    QSqlQuery query(Database::connection(m_connection));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM appointments WHERE patient_id = ? "
                                 "ORDER BY start_at, id")
                      .arg(appointmentColumns));
    query.addBindValue(patientId);
    if (!query.exec())
        return StoreResult<QList<Appointment>>::failure(readFailed(query));
    QList<Appointment> appointments = readAppointments(query);
    if (query.lastError().isValid()) // a row that could not be read ends the list early
        return StoreResult<QList<Appointment>>::failure(readFailed(query));
    return appointments;
}

StoreResult<QList<Appointment>> AppointmentRepository::overlapping(const QString &provider,
                                                                   const QDateTime &start,
                                                                   int durationMinutes,
                                                                   qint64 exceptId) const
{
    const QString name = provider.trimmed();
    if (name.isEmpty() || !start.isValid() || durationMinutes <= 0)
        return QList<Appointment>();
    const QDateTime end = start.addSecs(qint64(durationMinutes) * 60);
    // No visit lasts longer than maxDurationMinutes (save() and insertMany() refuse it), so
    // one that starts earlier than that before `start` has ended by then: the read is a short
    // range of the provider's index, whatever the length of their history.
    const QDateTime earliest = start.addSecs(-qint64(maxDurationMinutes) * 60);
    QSqlQuery query(Database::connection(m_connection));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM appointments WHERE provider = ? COLLATE NOCASE "
                                 "AND start_at > ? AND start_at < ? AND status <> 'cancelled' "
                                 "AND id <> ? ORDER BY start_at, id")
                      .arg(appointmentColumns));
    query.addBindValue(name);
    query.addBindValue(SqlValues::fromTimestamp(earliest));
    query.addBindValue(SqlValues::fromTimestamp(end));
    query.addBindValue(exceptId);
    if (!query.exec())
        return StoreResult<QList<Appointment>>::failure(readFailed(query));
    QList<Appointment> found;
    while (query.next()) {
        Appointment other = readAppointment(query);
        if (other.end() > start) // one that ends as this one starts does not overlap
            found.append(other);
    }
    if (query.lastError().isValid())
        return StoreResult<QList<Appointment>>::failure(readFailed(query));
    return found;
}

StoreResult<QList<Appointment>>
AppointmentRepository::upcomingForPatient(qint64 patientId, const QDateTime &fromUtc,
                                          CancelledVisits cancelled) const
{
    QSqlQuery query(Database::connection(m_connection));
    query.setForwardOnly(true);
    const QString statusFilter = cancelled == CancelledVisits::Include
                                     ? QString()
                                     : QStringLiteral(" AND status <> 'cancelled'");
    query.prepare(QStringLiteral("SELECT %1 FROM appointments WHERE patient_id = ? AND "
                                 "start_at >= ?%2 ORDER BY start_at, id")
                      .arg(appointmentColumns, statusFilter));
    query.addBindValue(patientId);
    // No lower bound: '' sorts before every timestamp.
    query.addBindValue(fromUtc.isValid() ? SqlValues::fromTimestamp(fromUtc)
                                         : QVariant(QLatin1String("")));
    if (!query.exec())
        return StoreResult<QList<Appointment>>::failure(readFailed(query));
    QList<Appointment> appointments = readAppointments(query);
    if (query.lastError().isValid())
        return StoreResult<QList<Appointment>>::failure(readFailed(query));
    return appointments;
}

StoreResult<Appointment> AppointmentRepository::cancel(qint64 id, const QString &reason,
                                                       const QDateTime &nowUtc)
{
    const QString why = reason.trimmed();
    if (why.size() > maxReasonLength) {
        return StoreResult<Appointment>::failure(tooLong(
            QCoreApplication::translate("Store", "The reason for cancelling"), maxReasonLength));
    }
    QSqlDatabase db = Database::connection(m_connection);
    {
        TransactionGuard transaction(db);
        if (!transaction.isActive())
            return StoreResult<Appointment>::failure(saveFailed(transaction.lastError()));
        const StoreResult<std::optional<Appointment>> stored = find(id);
        if (!stored)
            return StoreResult<Appointment>::failure(stored.error());
        if (!stored->has_value())
            return StoreResult<Appointment>::failure(noLongerExists());
        switch ((*stored)->status) {
        case AppointmentStatus::Cancelled:
            return StoreResult<Appointment>::failure(
                QCoreApplication::translate("Store", "This appointment was already cancelled."));
        case AppointmentStatus::Completed:
            return StoreResult<Appointment>::failure(QCoreApplication::translate(
                "Store", "This visit has taken place; it cannot be cancelled."));
        default:
            break;
        }
        QSqlQuery query(db);
        query.prepare(QStringLiteral("UPDATE appointments SET status = 'cancelled', "
                                     "cancel_reason = ?, updated_at = ? WHERE id = ?"));
        query.addBindValue(SqlValues::fromText(why));
        query.addBindValue(SqlValues::fromTimestamp(nowUtc));
        query.addBindValue(id);
        if (!query.exec())
            return StoreResult<Appointment>::failure(saveFailed(query.lastError()));
        if (!transaction.commit())
            return StoreResult<Appointment>::failure(saveFailed(transaction.lastError()));
    }
    const StoreResult<std::optional<Appointment>> cancelled = find(id);
    if (!cancelled)
        return StoreResult<Appointment>::failure(cancelled.error());
    if (!cancelled->has_value())
        return StoreResult<Appointment>::failure(noLongerExists());
    return **cancelled;
}

StoreResult<QStringList> AppointmentRepository::providers() const
{
    return distinctValues(QStringLiteral("provider"));
}

StoreResult<QStringList> AppointmentRepository::visitTypes() const
{
    return distinctValues(QStringLiteral("visit_type"));
}

StoreResult<QStringList> AppointmentRepository::distinctValues(const QString &column) const
{
    // A loose index scan over the column's NOCASE index: each step seeks the first value after
    // the last one found, so the cost is one seek per distinct value, not a pass over every
    // appointment. '' (no value) sorts first and is never found.
    QSqlQuery query(Database::connection(m_connection));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM appointments WHERE %1 > ? COLLATE NOCASE "
                                 "ORDER BY %1 COLLATE NOCASE LIMIT 1")
                      .arg(column));
    QStringList values;
    QString last = QLatin1String("");
    while (values.size() < maxDistinctValues) {
        query.addBindValue(last);
        if (!query.exec())
            return StoreResult<QStringList>::failure(readFailed(query));
        if (!query.next()) {
            if (query.lastError().isValid())
                return StoreResult<QStringList>::failure(readFailed(query));
            break;
        }
        last = query.value(0).toString();
        values.append(last);
        query.finish();
    }
    return values;
}

StoreResult<std::optional<Appointment>> AppointmentRepository::findByUid(const QString &uid) const
{
    QSqlQuery query(Database::connection(m_connection));
    query.prepare(QStringLiteral("SELECT ") + appointmentColumns
                  + QStringLiteral(" FROM appointments WHERE uid = ?"));
    query.addBindValue(uid);
    if (!query.exec())
        return StoreResult<std::optional<Appointment>>::failure(readFailed(query));
    if (!query.next())
        return std::optional<Appointment>();
    return std::optional<Appointment>(readAppointment(query));
}

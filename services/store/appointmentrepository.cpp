// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/store/appointmentrepository.h"

#include "services/store/database.h"
#include "services/store/sqlvalues.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace {
const QString appointmentColumns =
    QStringLiteral("id, patient_id, start_at, duration_minutes, provider, visit_type, status");

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
} // namespace

StoreResult<Appointment> AppointmentRepository::save(const Appointment &input)
{
    Appointment appointment = input;
    appointment.provider = appointment.provider.trimmed();
    appointment.visitType = appointment.visitType.trimmed();
    if (appointment.patientId == 0) {
        return StoreResult<Appointment>::failure(
            QCoreApplication::translate("Store", "Choose the patient for the appointment."));
    }
    if (!appointment.start.isValid()) {
        return StoreResult<Appointment>::failure(
            QCoreApplication::translate("Store", "Enter the date and time of the appointment."));
    }
    if (appointment.durationMinutes <= 0) {
        return StoreResult<Appointment>::failure(
            QCoreApplication::translate("Store", "The appointment must last at least one minute."));
    }

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
            query.prepare(QStringLiteral(
                "INSERT INTO appointments (patient_id, start_at, duration_minutes, provider, "
                "visit_type, status) VALUES (?, ?, ?, ?, ?, ?)"));
        } else {
            query.prepare(QStringLiteral(
                "UPDATE appointments SET patient_id = ?, start_at = ?, duration_minutes = ?, "
                "provider = ?, visit_type = ?, status = ? WHERE id = ?"));
        }
        query.addBindValue(appointment.patientId);
        query.addBindValue(SqlValues::fromTimestamp(appointment.start));
        query.addBindValue(appointment.durationMinutes);
        query.addBindValue(SqlValues::fromText(appointment.provider));
        query.addBindValue(SqlValues::fromText(appointment.visitType));
        query.addBindValue(appointmentStatusKey(appointment.status));
        if (appointment.id != 0)
            query.addBindValue(appointment.id);
        if (!query.exec())
            return StoreResult<Appointment>::failure(saveFailed(query.lastError()));
        if (appointment.id == 0) {
            appointment.id = query.lastInsertId().toLongLong();
        } else if (query.numRowsAffected() == 0) {
            return StoreResult<Appointment>::failure(QCoreApplication::translate(
                "Store", "This appointment no longer exists; someone may have removed it."));
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
    query.prepare(
        QStringLiteral("INSERT INTO appointments (patient_id, start_at, duration_minutes, "
                       "provider, visit_type, status) VALUES (?, ?, ?, ?, ?, ?)"));
    for (const Appointment &a : appointments) {
        query.bindValue(0, a.patientId);
        query.bindValue(1, SqlValues::fromTimestamp(a.start));
        query.bindValue(2, a.durationMinutes);
        query.bindValue(3, SqlValues::fromText(a.provider.trimmed()));
        query.bindValue(4, SqlValues::fromText(a.visitType.trimmed()));
        query.bindValue(5, appointmentStatusKey(a.status));
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

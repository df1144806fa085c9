// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/appointment.h"
#include "services/store/storeerror.h"

#include <QDate>
#include <QList>

#include <optional>

class AppointmentRepository
{
public:
    explicit AppointmentRepository(QString connectionName)
        : m_connection(std::move(connectionName))
    {
    }

    StoreResult<Appointment> save(const Appointment &appointment);
    StoreResult<std::optional<Appointment>> find(qint64 id) const;
    //! Appointments whose start falls on `day` in local time, ordered by start.
    StoreResult<QList<Appointment>> forDay(const QDate &day) const;
    StoreResult<QList<Appointment>> forPatient(qint64 patientId) const; // ordered by start
    //! Inserts many appointments in one transaction (seeding, imports); all or nothing.
    StoreResult<int> insertMany(const QList<Appointment> &appointments);

private:
    QString m_connection;
};

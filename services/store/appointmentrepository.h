// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/appointment.h"
#include "services/store/storeerror.h"

#include <QDate>
#include <QList>
#include <QStringList>

#include <optional>

class AppointmentRepository
{
public:
    //! Longest visit save() accepts; also bounds the index range the conflict check reads.
    static constexpr int maxDurationMinutes = 8 * 60;
    static constexpr int maxNameLength = 100; // provider, visit type
    static constexpr int maxNotesLength = 2000;
    static constexpr int maxReasonLength = 500;

    explicit AppointmentRepository(QString connectionName)
        : m_connection(std::move(connectionName))
    {
    }

    //! Inserts (id 0) or updates every field as given, `updatedAt` included; provider and
    //! visit type are trimmed. Errors name the field ("Enter the date and time…").
    StoreResult<Appointment> save(const Appointment &appointment);
    StoreResult<std::optional<Appointment>> find(qint64 id) const;
    //! The visit with this uid (the same visit on every desk).
    StoreResult<std::optional<Appointment>> findByUid(const QString &uid) const;
    //! Appointments whose start falls on `day` in local time, ordered by start (cancelled too).
    StoreResult<QList<Appointment>> forDay(const QDate &day) const;
    StoreResult<QList<Appointment>> forPatient(qint64 patientId) const; // ordered by start
    //! Inserts many appointments in one transaction (seeding, imports); all or nothing.
    StoreResult<int> insertMany(const QList<Appointment> &appointments);

    /*!
      The provider's visits that overlap [start, start + durationMinutes), other than
      `exceptId` (the visit being edited), ordered by start. Cancelled visits never overlap;
      visits that only touch (one ends as the other starts) do not either. The provider is
      compared trimmed and without regard to case; an empty provider, an invalid start or a
      non-positive duration overlaps nothing. One range of the provider's index, however long
      the provider's history.
     */
    StoreResult<QList<Appointment>> overlapping(const QString &provider, const QDateTime &start,
                                                int durationMinutes, qint64 exceptId = 0) const;
    /*!
      A patient's visits starting at or after `fromUtc`, ordered by start (then id). Cancelled
      visits are left out unless `cancelled` is CancelledVisits::Include.
     */
    StoreResult<QList<Appointment>>
    upcomingForPatient(qint64 patientId, const QDateTime &fromUtc,
                       CancelledVisits cancelled = CancelledVisits::Exclude) const;
    /*!
      Cancels a visit: status cancelled, `reason` (trimmed) kept, updated_at set to `nowUtc`.
      An error when the visit does not exist, is already cancelled or was completed. Returns
      the cancelled visit as stored.
     */
    StoreResult<Appointment> cancel(qint64 id, const QString &reason, const QDateTime &nowUtc);
    //! The providers in use (non-empty), one per name regardless of case, in NOCASE order.
    StoreResult<QStringList> providers() const;
    //! The visit types in use (non-empty), one per name regardless of case, in NOCASE order.
    StoreResult<QStringList> visitTypes() const;

    //! Longest list providers() and visitTypes() return (they fill combo boxes).
    static constexpr int maxDistinctValues = 500;

private:
    StoreResult<QStringList> distinctValues(const QString &column) const;

    QString m_connection;
};

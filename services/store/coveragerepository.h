// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/coverage.h"
#include "services/store/storeerror.h"

#include <QList>

#include <optional>
#include <utility>

class CoverageRepository
{
public:
    explicit CoverageRepository(QString connectionName)
        : m_connection(std::move(connectionName))
    {
    }

    StoreResult<Coverage> save(const Coverage &coverage); // insert when id == 0
    //! Inserts many coverages (ids 0) in one transaction, all or nothing: seeding and imports.
    //! Each is checked as save() checks it; returns them with their ids.
    StoreResult<QList<Coverage>> insertMany(const QList<Coverage> &coverages);
    StoreResult<std::optional<Coverage>> find(qint64 id) const;
    //! A patient's coverages, active first, then by order (primary, secondary, tertiary).
    StoreResult<QList<Coverage>> forPatient(qint64 patientId) const;
    //! The coverages of many patients at once, in the same order per patient.
    StoreResult<QList<Coverage>> forPatients(const QList<qint64> &patientIds) const;
    //! Sets each coverage's order (primary, secondary, tertiary); false in the result when one
    //! of them no longer exists (nothing is changed then, with the caller's transaction).
    StoreResult<bool> setOrders(const QList<std::pair<qint64, CoverageOrder>> &orders);
    //! True when a coverage was removed.
    StoreResult<bool> remove(qint64 id);

    StoreResult<QList<Payer>> payers() const; // ordered by name
    StoreResult<std::optional<Payer>> payer(const QString &payerId) const;
    StoreResult<Payer> savePayer(const Payer &payer);

private:
    QString m_connection;
};

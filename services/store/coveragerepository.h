// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/coverage.h"
#include "services/store/storeerror.h"

#include <QList>

#include <optional>

class CoverageRepository
{
public:
    explicit CoverageRepository(QString connectionName)
        : m_connection(std::move(connectionName))
    {
    }

    StoreResult<Coverage> save(const Coverage &coverage); // insert when id == 0
    std::optional<Coverage> find(qint64 id) const;
    //! A patient's coverages, active first, then by order (primary, secondary, tertiary).
    QList<Coverage> forPatient(qint64 patientId) const;
    bool remove(qint64 id);

    QList<Payer> payers() const; // ordered by name
    std::optional<Payer> payer(const QString &payerId) const;
    StoreResult<Payer> savePayer(const Payer &payer);

private:
    QString m_connection;
};

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/patient.h"
#include "services/store/storeerror.h"

#include <QList>
#include <QString>

#include <optional>

class PatientRepository
{
public:
    explicit PatientRepository(QString connectionName)
        : m_connection(std::move(connectionName))
    {
    }

    //! Inserts (id == 0) or updates; returns the stored patient with id and timestamps set.
    //! An empty MRN gets a generated one ("MRN" + 6 digits).
    StoreResult<Patient> save(const Patient &patient);
    std::optional<Patient> find(qint64 id) const;
    std::optional<Patient> findByMrn(const QString &mrn) const;
    //! As-you-type search: each word matches the start of first/last name, MRN, a member ID of
    //! the patient's coverages, or a date of birth (YYYY-MM-DD or MM/DD/YYYY). Ordered by name.
    QList<Patient> search(const QString &text, int limit = 200) const;
    QList<Patient> all() const; // ordered by last, first name
    int count() const;

    //! Inserts every patient (ids must be 0) in one transaction: all or nothing. For seeding
    //! training data and imports; 10,000 patients take well under a second on a local disk.
    //! The error names the first rejected patient by its position.
    StoreResult<QList<Patient>> insertMany(const QList<Patient> &patients);

private:
    QString m_connection;
};

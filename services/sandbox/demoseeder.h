// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QString>

/*!
  Seeds the training database: demo patients (the Metriport sandbox personas Jane, Chris,
  Ollie, Andreas and Kyla, and a few more), coverages that exercise every sandbox member, and
  a schedule for `today` and the day after. Patients are added only to an empty database; the
  schedule whenever `today` has no appointments (a training database outlives its first day).
 */
class DemoSeeder
{
public:
    explicit DemoSeeder(QString connectionName)
        : m_connection(std::move(connectionName))
    {
    }

    //! Returns an empty string on success, else what went wrong.
    QString seedIfEmpty(const QDate &today);

private:
    QString m_connection;
};

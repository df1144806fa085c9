// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QString>

#include <functional>

/*!
  Claims in bulk for benchmarks and training: patients drawn from the database's own (a
  generated clinic's, made here when there are none), payers in realistic shares, dates of
  service over `days` days, one to three service lines from common codes (a few large ones that
  the sandbox payor would pend), and statuses that follow age as a billing office sees them:
  recent claims still with the payor, older ones paid, partially paid, denied, corrected or
  closed, a few stuck. Amounts follow the status (allowed, paid, patient responsibility).
  Deterministic for a seed. Runs on the caller's connection (the store's writer) in batches of
  one transaction each, without waiting for the disk at each commit: for new databases.
 */
class ClaimGenerator
{
public:
    struct Options
    {
        int claims = 10000;
        int days = 730;              //!< dates of service over this many days up to `today`
        QDate today;                 //!< today when invalid
        int patientsWhenNone = 50000; //!< patients generated first when the database has none
        quint32 seed = 837;
    };

    //! progress(message) after each batch. Returns an empty string, or what went wrong.
    static QString generate(const QString &connection, const Options &options,
                            const std::function<void(const QString &)> &progress = {});
};

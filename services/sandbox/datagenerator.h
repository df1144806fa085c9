// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QString>

#include <functional>

/*!
  Realistic large data for benchmarks and training (`clinicdesk generate`): patients with
  names as common as real ones (a few surnames are very common, accents included), dates of
  birth, addresses and one or two coverages that exercise every sandbox member; a schedule
  across `days` days ending at `lastDay`; and verification attempts spread over those days with
  the raw 270 and 271 the sandbox would exchange, and outcomes in realistic shares (mostly
  active, some inactive, coordination of benefits, rejections, timeouts). Deterministic for a
  seed. Runs on the caller's connection (the store's writer), in batches of one transaction,
  without waiting for the disk at each commit (Database::setBulkLoading): for new databases.
 */
class DataGenerator
{
public:
    struct Options
    {
        int patients = 1000;
        int verifications = 0;
        int days = 30;                // the schedule and the verifications span these days
        QDate lastDay;                // today when invalid
        int appointmentsPerDay = 150; // capped by the number of patients
        quint32 seed = 271;
    };

    //! progress(message) after each batch. Returns an empty string, or what went wrong.
    static QString generate(const QString &connection, const Options &options,
                            const std::function<void(const QString &)> &progress = {});
};

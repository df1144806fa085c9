// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/patientmerge.h"
#include "services/store/storeerror.h"

#include <QList>
#include <QString>
#include <QStringList>

/*!
  Merges the chart of one patient into another's: every row keyed on the merged patient moves
  to the kept one, the merged patient is marked merged (hidden from search and duplicate
  checks, kept for the record), and the merge is written to patient_merges. Only ever called
  for a person's explicit decision (PatientService::mergePatients).
 */
class PatientMergeRepository
{
public:
    explicit PatientMergeRepository(QString connectionName)
        : m_connection(std::move(connectionName))
    {
    }

    //! The tables whose rows follow a merged patient (each has a patient_id column).
    static QStringList movedTables();

    //! What merge() would move, without changing anything; an error when the two cannot be
    //! merged (the same patient, one missing, one already merged).
    StoreResult<PatientMerge> preview(qint64 keptId, qint64 mergedId) const;
    //! Moves everything in one transaction (a savepoint inside the caller's); all or nothing.
    StoreResult<PatientMerge> merge(qint64 keptId, qint64 mergedId, const QString &user,
                                    const QString &reason);
    //! The merges into `keptId`, oldest first.
    StoreResult<QList<PatientMerge>> mergesInto(qint64 keptId) const;

private:
    QString m_connection;
};

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QMap>
#include <QString>

/*!
  Two charts of one person made one: the merged patient's rows moved to the kept one, and the
  merged patient is hidden from search. Also what a merge would move, before it is made.
 */
struct PatientMerge
{
    qint64 id = 0; // the patient_merges row; 0 for a preview
    qint64 keptId = 0;
    qint64 mergedId = 0;
    QString user;
    QDateTime at; // UTC
    QString reason;
    //! Rows moved (or to move) per table: "coverages", "verifications", "appointments",
    //! "claims"; tables added later (documents) appear under their own names.
    QMap<QString, int> moved;
    //! Moved coverages that repeat one the kept patient has (same payer and member ID): they
    //! are moved inactive, so the payer is not asked twice.
    int coveragesDeactivated = 0;

    int movedFrom(const QString &table) const { return moved.value(table); }
};

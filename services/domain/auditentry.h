// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

//! Append-only audit trail: who did what to which entity, when. Identifiers only, never PHI
//! values. UPDATE and DELETE on the table are refused by triggers.
struct AuditEntry
{
    qint64 id = 0;
    QDateTime at; // UTC
    QString user;
    QString action; // "patient.view", "patient.create", "verification.run", "report.print" ...
    QString entity; // "patient", "coverage", "verification", "report"
    qint64 entityId = 0;
    bool operator==(const AuditEntry &) const = default;
};

//! Which audit rows to list: every field empty (or 0, or invalid) means any.
struct AuditFilter
{
    QString user;         // exactly this user name
    QString action;       // this action ("patient.view"), or a family ending in "." ("patient.")
    qint64 patientId = 0; // rows about this patient (entity "patient")
    QDateTime from;       // UTC, inclusive
    QDateTime to;         // UTC, exclusive
};

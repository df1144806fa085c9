// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/store/storeerror.h"

#include <QDateTime>
#include <QList>
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

class AuditLog
{
public:
    explicit AuditLog(QString connectionName)
        : m_connection(std::move(connectionName))
    {
    }

    //! Appends a row; the new row's id, or an error (nothing written) when the user or action
    //! is empty or the database refuses the row.
    StoreResult<qint64> record(const QString &user, const QString &action, const QString &entity,
                               qint64 entityId);
    StoreResult<QList<AuditEntry>> entries(int limit = 1000) const; // newest first; <= 0: all
    //! The rows `filter` selects, newest first, at most `limit`.
    StoreResult<QList<AuditEntry>> search(const AuditFilter &filter, int limit) const;

private:
    QString m_connection;
};

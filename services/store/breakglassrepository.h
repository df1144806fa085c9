// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/breakglass.h"
#include "services/store/storeerror.h"

#include <QDateTime>
#include <QList>
#include <QString>

//! The break_glass table (migration 013). Opening one is audited in the same transaction
//! ("break_glass.open", flagged by its own action name for the administrator's review).
class BreakGlassRepository
{
public:
    explicit BreakGlassRepository(QString connectionName)
        : m_connection(std::move(connectionName))
    {
    }

    StoreResult<BreakGlassGrant> open(const QString &userName, qint64 patientId,
                                      const QString &reason, int minutes);
    //! The user's grants still running at `now`.
    StoreResult<QList<BreakGlassGrant>> active(const QString &userName, const QDateTime &now) const;
    //! Every grant not yet reviewed, newest first (the administrator's list).
    StoreResult<QList<BreakGlassGrant>> unreviewed() const;

private:
    QString m_connection;
};

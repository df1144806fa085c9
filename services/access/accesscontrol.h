// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/access.h"
#include "services/domain/breakglass.h"
#include "services/store/storeerror.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFuture>
#include <QHash>
#include <QMutex>

class Store;

/*!
  Who is signed in at this desk, and what they may do now: the role's permissions (Access), plus
  the patients this person opened by break-glass in the last hour. The services ask it before
  they touch PHI and refuse with refusal()'s words; the UI asks the same to hide or disable.

  Thread-safe: services ask from the UI thread and from their continuations on the pool.
 */
class AccessControl
{
    Q_DECLARE_TR_FUNCTIONS(AccessControl)
public:
    static constexpr int breakGlassMinutes = 60;

    explicit AccessControl(Store *store);

    void setSession(const Session &session);
    Session session() const;

    //! Empty when the signed-in person may do `permission` (for `patientId`, when it is one
    //! patient's: a break-glass grant for that patient counts); else a sentence saying who may
    //! and, for a patient's records, that break-glass is there for an emergency.
    QString refusal(Permission permission, qint64 patientId = 0) const;
    bool can(Permission permission, qint64 patientId = 0) const
    {
        return refusal(permission, patientId).isEmpty();
    }

    //! Emergency access to one patient's records for breakGlassMinutes: the reason is required,
    //! the grant is stored and audited ("break_glass.open") for the administrator's review.
    QFuture<StoreResult<BreakGlassGrant>> breakGlass(qint64 patientId, const QString &reason);
    //! Loads the signed-in person's running grants (after sign-in, so a restart keeps them).
    QFuture<StoreResult<QList<BreakGlassGrant>>> loadGrants();

    //! The refusal as a StoreResult, for services that answer with one.
    template<typename T> static QFuture<StoreResult<T>> refused(const QString &why)
    {
        return QtFuture::makeReadyFuture(StoreResult<T>::failure(why));
    }

private:
    Store *m_store;
    mutable QMutex m_mutex;
    Session m_session;
    QHash<qint64, QDateTime> m_grants; // patient → when the grant ends (UTC)
};

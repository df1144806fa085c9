// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/access/accesscontrol.h"

#include "services/store/breakglassrepository.h"
#include "services/store/store.h"

#include <QMutexLocker>

AccessControl::AccessControl(Store *store)
    : m_store(store)
{
}

void AccessControl::setSession(const Session &session)
{
    QMutexLocker lock(&m_mutex);
    if (session.userName != m_session.userName)
        m_grants.clear(); // another person: the last one's emergency access is not theirs
    m_session = session;
}

Session AccessControl::session() const
{
    QMutexLocker lock(&m_mutex);
    return m_session;
}

QString AccessControl::refusal(Permission permission, qint64 patientId) const
{
    QMutexLocker lock(&m_mutex);
    if (!m_session.isValid())
        return tr("No one is signed in at this desk.");
    if (Access::allows(m_session.role, permission))
        return {};
    if (patientId > 0 && Access::breakGlassGrants(permission)) {
        const QDateTime until = m_grants.value(patientId);
        if (until.isValid() && until > QDateTime::currentDateTimeUtc())
            return {};
        return tr("Your role, %1, may not open a patient's medical records. In an emergency, use "
                  "Emergency Access (break the glass): give the reason, and it is recorded for "
                  "the administrator.")
            .arg(roleTitle(m_session.role));
    }
    QStringList allowed;
    for (Role role : Access::roles()) {
        if (Access::allows(role, permission))
            allowed.append(roleTitle(role));
    }
    return tr("Your role, %1, may not do this; it is for: %2.")
        .arg(roleTitle(m_session.role), allowed.join(QLatin1String(", ")));
}

QFuture<StoreResult<BreakGlassGrant>> AccessControl::breakGlass(qint64 patientId,
                                                                const QString &reason)
{
    const Session session = this->session();
    if (!session.isValid())
        return refused<BreakGlassGrant>(tr("No one is signed in at this desk."));
    if (reason.trimmed().size() < 10) {
        return refused<BreakGlassGrant>(
            tr("Say why you need this patient's records now (at least 10 characters): the "
               "administrator reviews every emergency access."));
    }
    if (patientId <= 0)
        return refused<BreakGlassGrant>(tr("Choose a patient first."));
    return m_store
        ->write([user = session.userName, patientId, reason](const QString &connection) {
            return BreakGlassRepository(connection).open(user, patientId, reason,
                                                         breakGlassMinutes);
        })
        .then([this](const StoreResult<BreakGlassGrant> &grant) {
            if (grant) {
                QMutexLocker lock(&m_mutex);
                if (grant->userName == m_session.userName)
                    m_grants.insert(grant->patientId, grant->expiresAt);
            }
            return grant;
        });
}

QFuture<StoreResult<QList<BreakGlassGrant>>> AccessControl::loadGrants()
{
    const QString user = session().userName;
    return m_store
        ->read([user](const QString &connection) {
            return BreakGlassRepository(connection).active(user, QDateTime::currentDateTimeUtc());
        })
        .then([this](const StoreResult<QList<BreakGlassGrant>> &grants) {
            if (grants) {
                QMutexLocker lock(&m_mutex);
                for (const BreakGlassGrant &grant : *grants) {
                    if (grant.userName == m_session.userName)
                        m_grants.insert(grant.patientId, grant.expiresAt);
                }
            }
            return grants;
        });
}

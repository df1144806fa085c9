// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/useraccount.h"
#include "services/store/storeerror.h"

#include <QList>

#include <optional>

//! The users of migration 013: accounts, their password hashes, failed sign-ins and lockouts.
class UserRepository
{
public:
    explicit UserRepository(QString connectionName)
        : m_connection(std::move(connectionName))
    {
    }

    //! By user name, whatever its case.
    StoreResult<std::optional<UserAccount>> find(const QString &userName) const;
    //! Every account, by user name.
    StoreResult<QList<UserAccount>> all() const;
    StoreResult<int> count() const;
    //! Adds the account (created at now); its id. A name already taken is refused by name.
    StoreResult<qint64> create(const UserAccount &account);

    //! Counts a failed sign-in; at `lockAfter` failures in a row the account is locked until
    //! `lockedUntil`. The account as it now is.
    StoreResult<UserAccount> recordFailure(qint64 id, int lockAfter, const QDateTime &lockedUntil);
    //! A sign-in that succeeded: the failures are forgotten and any lock lifted.
    StoreResult<bool> recordSuccess(qint64 id);
    StoreResult<bool> setPasswordHash(qint64 id, const QByteArray &hash);
    StoreResult<bool> setRole(qint64 id, Role role);
    StoreResult<bool> setActive(qint64 id, bool active);
    StoreResult<bool> unlock(qint64 id);

private:
    QString m_connection;
};

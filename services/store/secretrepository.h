// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/store/storeerror.h"

#include <QHash>
#include <QString>

//! The secrets table (migration 014): the desk's API keys and tokens by name, inside the
//! encrypted database.
class SecretRepository
{
public:
    explicit SecretRepository(QString connectionName)
        : m_connection(std::move(connectionName))
    {
    }

    //! Every secret kept, by name.
    StoreResult<QHash<QString, QString>> all() const;
    //! Sets each named secret (an empty value removes it); in the caller's transaction.
    StoreResult<bool> set(const QHash<QString, QString> &secrets, const QString &userName);

private:
    QString m_connection;
};

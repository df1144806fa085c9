// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/access.h"
#include "services/store/storeerror.h"

#include <QCoreApplication>
#include <QFuture>
#include <QHash>

class QSettings;
class Store;

/*!
  The desk's secrets (the payor's API key and webhook secret, Metriport's API key, the hub
  device token), kept in the encrypted database by their settings names (DeskSettings::
  secretKeys()), never in the INI file. Changing them needs Permission::Settings and is audited
  (settings.secrets_change, without the values).
 */
class SecretService
{
    Q_DECLARE_TR_FUNCTIONS(SecretService)
public:
    using Secrets = QHash<QString, QString>;

    explicit SecretService(Store *store);

    QFuture<StoreResult<Secrets>> load() const;
    //! Sets every secret named in `secrets` (empty removes it).
    QFuture<StoreResult<bool>> save(const Session &actor, const Secrets &secrets);
    /*!
      Moves secrets an earlier version wrote into the INI file into the database, then removes
      them from the file. A secret the database already holds wins. Waits (start-up only, on
      the store's writer); an error, or nothing.
     */
    QString moveOutOf(QSettings &settings);

private:
    Store *m_store;
};

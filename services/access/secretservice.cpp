// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/access/secretservice.h"

#include "services/domain/desksettings.h"
#include "services/store/auditlog.h"
#include "services/store/database.h"
#include "services/store/secretrepository.h"
#include "services/store/store.h"

#include <QSettings>

namespace {
//! Sets the secrets and records `action` (never the values) in one transaction.
StoreResult<bool> setAudited(const QString &connection, const SecretService::Secrets &secrets,
                             const QString &user, const QString &action)
{
    TransactionGuard transaction(Database::connection(connection));
    const auto set = SecretRepository(connection).set(secrets, user);
    if (!set)
        return set;
    const auto audited =
        AuditLog(connection).record(user, action, QStringLiteral("settings"), 0);
    if (!audited)
        return StoreResult<bool>::failure(audited.error());
    if (!transaction.commit())
        return StoreResult<bool>::failure(transaction.errorText());
    return StoreResult<bool>(true);
}
} // namespace

SecretService::SecretService(Store *store)
    : m_store(store)
{
}

QFuture<StoreResult<SecretService::Secrets>> SecretService::load() const
{
    return m_store->read([](const QString &connection) { return SecretRepository(connection).all(); });
}

QFuture<StoreResult<bool>> SecretService::save(const Session &actor, const Secrets &secrets)
{
    return m_store->write([actor, secrets](const QString &connection) {
        if (!actor.can(Permission::Settings))
            return StoreResult<bool>::failure(
                tr("Your role does not allow changing the desk's connections and keys."));
        SecretRepository repository(connection);
        const auto before = repository.all();
        if (!before)
            return StoreResult<bool>::failure(before.error());
        Secrets changed;
        for (auto it = secrets.cbegin(); it != secrets.cend(); ++it) {
            if (before->value(it.key()) != it.value())
                changed.insert(it.key(), it.value());
        }
        if (changed.isEmpty())
            return StoreResult<bool>(false);
        return setAudited(connection, changed, actor.userName,
                          QStringLiteral("settings.secrets_change"));
    });
}

QString SecretService::moveOutOf(QSettings &settings)
{
    Secrets found;
    for (const QString &key : DeskSettings::secretKeys()) {
        const QString value = settings.value(key).toString();
        if (!value.isEmpty())
            found.insert(key, value);
    }
    if (found.isEmpty())
        return {};
    QFuture<StoreResult<bool>> moved = m_store->write([found](const QString &connection) {
        SecretRepository repository(connection);
        const auto kept = repository.all();
        if (!kept)
            return StoreResult<bool>::failure(kept.error());
        Secrets missing;
        for (auto it = found.cbegin(); it != found.cend(); ++it) {
            if (!kept->contains(it.key()))
                missing.insert(it.key(), it.value());
        }
        return setAudited(connection, missing, QStringLiteral("(settings file)"),
                          QStringLiteral("settings.secrets_moved"));
    });
    moved.waitForFinished();
    if (!moved.result())
        return tr("The keys in the settings file could not be moved into the encrypted database: "
                  "%1").arg(moved.result().error());
    // Only once they are safely in the database.
    for (const QString &key : found.keys())
        settings.remove(key);
    settings.sync();
    return {};
}

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/access/userservice.h"

#include "services/access/passwordhasher.h"
#include "services/access/passwordpolicy.h"
#include "services/store/auditlog.h"
#include "services/store/store.h"
#include "services/store/database.h"
#include "services/store/userrepository.h"
#include "services/store/sqlvalues.h"

#include <QLocale>

#include <algorithm>
#include <functional>

namespace {
QString wrongNameOrPassword()
{
    return UserService::tr("The user name or password is not right.");
}

QString notAllowed()
{
    return UserService::tr("Your role does not allow managing users.");
}

//! The name as typed, for the audit row: never empty, never long.
QString auditName(const QString &typed)
{
    const QString name = typed.trimmed().left(64);
    return name.isEmpty() ? QStringLiteral("(no name)") : name;
}

Session sessionOf(const UserAccount &account)
{
    Session session;
    session.userName = account.userName;
    session.fullName = account.fullName;
    session.role = account.role;
    return session;
}
//! Changes one account as an administrator, in one transaction with its audit row (`action`,
//! the account's id). `change` answers false when there was nothing to change: then nothing is
//! audited either.
StoreResult<bool>
changeUser(const QString &connection, const Session &actor, const QString &userName,
           const QString &action,
           const std::function<StoreResult<bool>(UserRepository &, const UserAccount &)> &change)
{
    if (!actor.can(Permission::Users))
        return StoreResult<bool>::failure(notAllowed());
    UserRepository users(connection);
    TransactionGuard transaction(Database::connection(connection));
    const auto found = users.find(userName);
    if (!found)
        return StoreResult<bool>::failure(found.error());
    if (!*found)
        return StoreResult<bool>::failure(UserService::tr("There is no user named %1.").arg(userName));
    const auto changed = change(users, **found);
    if (!changed || !*changed)
        return changed;
    const auto audited =
        AuditLog(connection).record(actor.userName, action, QStringLiteral("user"), (*found)->id);
    if (!audited)
        return StoreResult<bool>::failure(audited.error());
    if (!transaction.commit())
        return StoreResult<bool>::failure(transaction.errorText());
    return StoreResult<bool>(true);
}

//! Why `account` must stay an active administrator (no other one is left); empty when another
//! is. A desk without one could never again add users or read its audit trail.
QString lastAdministrator(UserRepository &users, const UserAccount &account)
{
    const auto all = users.all();
    if (!all)
        return all.error();
    const bool another = std::any_of(all->cbegin(), all->cend(), [&](const UserAccount &other) {
        return other.id != account.id && other.active && other.role == Role::Administrator;
    });
    return another ? QString()
                   : UserService::tr("%1 is the only active administrator: make someone else an "
                                     "administrator first.")
                         .arg(account.userName);
}
} // namespace

UserService::UserService(Store *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
}

QFuture<SignInResult> UserService::signIn(const QString &userName, const QString &password,
                                          const QString &successAction)
{
    return m_store->write([userName, password, successAction](const QString &connection) {
        SignInResult result;
        UserRepository users(connection);
        AuditLog audit(connection);
        const auto found = users.find(userName);
        if (!found) {
            result.error = found.error();
            return result;
        }
        const QDateTime now = SqlValues::nowUtc();
        if (!*found || !(*found)->active) {
            // The same work and the same words as a wrong password: no telling who exists.
            PasswordHasher::verify(PasswordHasher::decoy(), password);
            audit.record(auditName(userName), QStringLiteral("session.sign_in_failed"),
                         QStringLiteral("user"), *found ? (*found)->id : 0);
            result.error = wrongNameOrPassword();
            return result;
        }
        const UserAccount &account = **found;
        if (account.isLockedAt(now)) {
            audit.record(account.userName, QStringLiteral("session.sign_in_locked"),
                         QStringLiteral("user"), account.id);
            result.locked = true;
            result.error = UserService::tr("This account is locked after too many failed sign-ins. Try again "
                              "after %1, or ask an administrator to unlock it.")
                               .arg(QLocale().toString(account.lockedUntil.toLocalTime().time(),
                                                       QLocale::ShortFormat));
            return result;
        }
        if (!PasswordHasher::verify(account.passwordHash, password)) {
            const auto counted = users.recordFailure(account.id, UserService::lockAfterFailures,
                                                     now.addSecs(UserService::lockMinutes * 60));
            audit.record(account.userName, QStringLiteral("session.sign_in_failed"),
                         QStringLiteral("user"), account.id);
            if (counted && counted->isLockedAt(now)) {
                audit.record(account.userName, QStringLiteral("session.account_locked"),
                             QStringLiteral("user"), account.id);
                result.locked = true;
                result.error = UserService::tr("Too many failed sign-ins: this account is locked for %n "
                                  "minutes. An administrator can unlock it sooner.",
                                  nullptr, UserService::lockMinutes);
                return result;
            }
            result.error = wrongNameOrPassword();
            return result;
        }
        TransactionGuard transaction(Database::connection(connection));
        users.recordSuccess(account.id);
        if (PasswordHasher::needsRehash(account.passwordHash)) {
            const QByteArray stronger = PasswordHasher::hash(password);
            if (!stronger.isEmpty())
                users.setPasswordHash(account.id, stronger);
        }
        const auto audited = audit.record(account.userName, successAction,
                                          QStringLiteral("user"), account.id);
        if (!audited || !transaction.commit()) {
            // No sign-in that the audit trail does not show.
            result.error = audited ? transaction.errorText() : audited.error();
            return result;
        }
        result.session = sessionOf(account);
        return result;
    });
}

QFuture<StoreResult<qint64>> UserService::recordSessionEvent(const Session &session,
                                                             const QString &action)
{
    return m_store->write([session, action](const QString &connection) {
        return AuditLog(connection).record(session.userName, action, QStringLiteral("user"), 0);
    });
}

QFuture<StoreResult<qint64>> UserService::createUser(const Session &actor,
                                                     const UserAccount &account,
                                                     const QString &password)
{
    return m_store->write([actor, account, password](const QString &connection) {
        if (!actor.can(Permission::Users))
            return StoreResult<qint64>::failure(notAllowed());
        const QString name = account.userName.trimmed();
        if (name.isEmpty() || name.size() > 64 || name.contains(u' '))
            return StoreResult<qint64>::failure(
                UserService::tr("A user name is one word of at most 64 characters."));
        const QString weak = PasswordPolicy::check(password, name);
        if (!weak.isEmpty())
            return StoreResult<qint64>::failure(weak);
        UserAccount created = account;
        created.userName = name;
        created.createdBy = actor.userName;
        created.passwordHash = PasswordHasher::hash(password);
        if (created.passwordHash.isEmpty())
            return StoreResult<qint64>::failure(UserService::tr("The password could not be protected (not "
                                                   "enough memory). Nothing was saved."));
        TransactionGuard transaction(Database::connection(connection));
        const auto id = UserRepository(connection).create(created);
        if (!id)
            return id;
        const auto audited = AuditLog(connection).record(actor.userName,
                                                         QStringLiteral("user.create"),
                                                         QStringLiteral("user"), *id);
        if (!audited)
            return StoreResult<qint64>::failure(audited.error());
        if (!transaction.commit())
            return StoreResult<qint64>::failure(transaction.errorText());
        return id;
    });
}

QFuture<SignInResult> UserService::createFirstAdministrator(const UserAccount &account,
                                                           const QString &password)
{
    return m_store->write([account, password](const QString &connection) {
        SignInResult result;
        const QString name = account.userName.trimmed();
        if (name.isEmpty() || name.size() > 64 || name.contains(u' ')) {
            result.error = UserService::tr("A user name is one word of at most 64 characters.");
            return result;
        }
        const QString weak = PasswordPolicy::check(password, name);
        if (!weak.isEmpty()) {
            result.error = weak;
            return result;
        }
        UserRepository users(connection);
        TransactionGuard transaction(Database::connection(connection));
        const auto count = users.count();
        if (!count) {
            result.error = count.error();
            return result;
        }
        if (*count > 0) {
            result.error = UserService::tr("This desk already has users: sign in, and ask an "
                                           "administrator for an account.");
            return result;
        }
        UserAccount first = account;
        first.userName = name;
        first.role = Role::Administrator;
        first.createdBy = name;
        first.passwordHash = PasswordHasher::hash(password);
        if (first.passwordHash.isEmpty()) {
            result.error = UserService::tr("The password could not be protected (not enough "
                                           "memory). Nothing was saved.");
            return result;
        }
        const auto id = users.create(first);
        if (!id) {
            result.error = id.error();
            return result;
        }
        AuditLog audit(connection);
        const auto created = audit.record(name, QStringLiteral("user.create_first"),
                                          QStringLiteral("user"), *id);
        const auto signedIn = audit.record(name, QStringLiteral("session.sign_in"),
                                           QStringLiteral("user"), *id);
        if (!created || !signedIn || !transaction.commit()) {
            result.error = !created ? created.error()
                         : !signedIn ? signedIn.error()
                                     : transaction.errorText();
            return result;
        }
        first.id = *id;
        result.session = sessionOf(first);
        return result;
    });
}

QFuture<SignInResult> UserService::signInForTraining(const QString &userName)
{
    Session session;
    for (const TrainingUser &demo : trainingUsers()) {
        if (demo.userName.compare(userName.trimmed(), Qt::CaseInsensitive) == 0) {
            session.userName = demo.userName;
            session.role = demo.role;
        }
    }
    return m_store->write([session](const QString &connection) {
        SignInResult result;
        if (!session.isValid()) {
            // Only the demo users: the screen they lock must be theirs to unlock.
            result.error = UserService::tr("The user name or password is not right.");
            return result;
        }
        const auto audited = AuditLog(connection).record(
            session.userName, QStringLiteral("session.sign_in_training"), QStringLiteral("user"), 0);
        if (!audited) {
            result.error = audited.error();
            return result;
        }
        result.session = session;
        return result;
    });
}

QFuture<StoreResult<bool>> UserService::changePassword(const Session &actor,
                                                       const QString &current,
                                                       const QString &next)
{
    return m_store->write([actor, current, next](const QString &connection) {
        UserRepository users(connection);
        const auto found = users.find(actor.userName);
        if (!found)
            return StoreResult<bool>::failure(found.error());
        if (!*found || !PasswordHasher::verify((*found)->passwordHash, current))
            return StoreResult<bool>::failure(UserService::tr("The current password is not right."));
        if (next == current)
            return StoreResult<bool>::failure(UserService::tr("The new password is the current one."));
        const QString weak = PasswordPolicy::check(next, actor.userName);
        if (!weak.isEmpty())
            return StoreResult<bool>::failure(weak);
        const QByteArray hash = PasswordHasher::hash(next);
        if (hash.isEmpty())
            return StoreResult<bool>::failure(UserService::tr("The password could not be protected (not "
                                                 "enough memory). Nothing was saved."));
        TransactionGuard transaction(Database::connection(connection));
        const auto set = users.setPasswordHash((*found)->id, hash);
        if (!set)
            return set;
        const auto audited = AuditLog(connection).record(
            actor.userName, QStringLiteral("user.password_change"), QStringLiteral("user"),
            (*found)->id);
        if (!audited)
            return StoreResult<bool>::failure(audited.error());
        if (!transaction.commit())
            return StoreResult<bool>::failure(transaction.errorText());
        return StoreResult<bool>(true);
    });
}

QFuture<StoreResult<bool>> UserService::unlockUser(const Session &actor, const QString &userName)
{
    return m_store->write([actor, userName](const QString &connection) {
        return changeUser(connection, actor, userName, QStringLiteral("user.unlock"),
                          [](UserRepository &users, const UserAccount &account) {
                              return users.unlock(account.id);
                          });
    });
}

QFuture<StoreResult<bool>> UserService::setRole(const Session &actor, const QString &userName,
                                                Role role)
{
    return m_store->write([actor, userName, role](const QString &connection) {
        return changeUser(connection, actor, userName, QStringLiteral("user.role_change"),
                          [role](UserRepository &users, const UserAccount &account) {
                              if (account.role == role)
                                  return StoreResult<bool>(false);
                              if (account.role == Role::Administrator) {
                                  const QString last = lastAdministrator(users, account);
                                  if (!last.isEmpty())
                                      return StoreResult<bool>::failure(last);
                              }
                              return users.setRole(account.id, role);
                          });
    });
}

QFuture<StoreResult<bool>> UserService::setActive(const Session &actor, const QString &userName,
                                                  bool active)
{
    const QString action = active ? QStringLiteral("user.reactivate")
                                  : QStringLiteral("user.deactivate");
    return m_store->write([actor, userName, active, action](const QString &connection) {
        return changeUser(
            connection, actor, userName, action,
            [&actor, active](UserRepository &users, const UserAccount &account) {
                if (account.active == active)
                    return StoreResult<bool>(false);
                if (!active && account.userName == actor.userName)
                    return StoreResult<bool>::failure(UserService::tr(
                        "You cannot deactivate your own account: ask another administrator."));
                if (!active && account.role == Role::Administrator) {
                    const QString last = lastAdministrator(users, account);
                    if (!last.isEmpty())
                        return StoreResult<bool>::failure(last);
                }
                return users.setActive(account.id, active);
            });
    });
}

QFuture<StoreResult<bool>> UserService::resetPassword(const Session &actor,
                                                      const QString &userName,
                                                      const QString &password)
{
    return m_store->write([actor, userName, password](const QString &connection) {
        return changeUser(
            connection, actor, userName, QStringLiteral("user.password_reset"),
            [&password](UserRepository &users, const UserAccount &account) {
                const QString weak = PasswordPolicy::check(password, account.userName);
                if (!weak.isEmpty())
                    return StoreResult<bool>::failure(weak);
                const QByteArray hash = PasswordHasher::hash(password);
                if (hash.isEmpty())
                    return StoreResult<bool>::failure(UserService::tr(
                        "The password could not be protected (not enough memory). Nothing was "
                        "saved."));
                const auto set = users.setPasswordHash(account.id, hash);
                if (!set)
                    return set;
                return users.unlock(account.id); // a new password also ends a lockout
            });
    });
}

QFuture<StoreResult<QList<UserAccount>>> UserService::users(const Session &actor) const
{
    return m_store->read([actor](const QString &connection) {
        if (!actor.can(Permission::Users))
            return StoreResult<QList<UserAccount>>::failure(notAllowed());
        const auto stored = UserRepository(connection).all();
        if (!stored)
            return stored;
        QList<UserAccount> accounts = *stored;
        for (UserAccount &account : accounts)
            account.passwordHash.clear(); // the list never carries hashes out
        return StoreResult<QList<UserAccount>>(accounts);
    });
}

QFuture<StoreResult<int>> UserService::userCount() const
{
    return m_store->read([](const QString &connection) { return UserRepository(connection).count(); });
}

QList<TrainingUser> UserService::trainingUsers()
{
    return {{QStringLiteral("frontdesk1"), QStringLiteral("training front desk"), Role::FrontDesk},
            {QStringLiteral("biller1"), QStringLiteral("training biller"), Role::Biller},
            {QStringLiteral("nurse1"), QStringLiteral("training nurse"), Role::Clinical},
            {QStringLiteral("admin1"), QStringLiteral("training admin"), Role::Administrator}};
}

QFuture<QString> UserService::seedTrainingUsers()
{
    return m_store->write([](const QString &connection) {
        UserRepository users(connection);
        const auto count = users.count();
        if (!count)
            return count.error();
        if (*count > 0)
            return QString();
        const QStringList names = {UserService::tr("Front Desk Trainee"), UserService::tr("Biller Trainee"),
                                   UserService::tr("Nurse Trainee"), UserService::tr("Administrator Trainee")};
        int i = 0;
        TransactionGuard transaction(Database::connection(connection));
        for (const TrainingUser &demo : trainingUsers()) {
            UserAccount account;
            account.userName = demo.userName;
            account.fullName = names.value(i++);
            account.role = demo.role;
            account.createdBy = QStringLiteral("training");
            account.passwordHash = PasswordHasher::hash(demo.password);
            const auto created = users.create(account);
            if (!created)
                return created.error();
        }
        return transaction.commit() ? QString() : transaction.errorText();
    });
}

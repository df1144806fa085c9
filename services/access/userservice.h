// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/access.h"
#include "services/domain/useraccount.h"
#include "services/store/storeerror.h"

#include <QCoreApplication>
#include <QFuture>
#include <QList>
#include <QObject>

#include <optional>

class Store;

//! What a sign-in gave: a session, or why not (translated).
struct SignInResult
{
    std::optional<Session> session;
    QString error;
    bool locked = false; // the account is locked (too many failures)
};

//! A demo user of training mode, printed on the sign-in screen.
struct TrainingUser
{
    QString userName;
    QString password;
    Role role;
};

/*!
  Named users and signing in (HIPAA 164.312(a)(2)(i) and (d)). Passwords are checked with
  Argon2id on the writer thread (never the UI's); five failures in a row lock the account for 15
  minutes; a wrong name and a wrong password get the same answer in the same time. Every
  sign-in, failure, lock and sign-out is audited. Managing users needs Permission::Users, which
  this service checks itself: hiding a menu is not enough.
 */
class UserService : public QObject
{
    Q_OBJECT
public:
    static constexpr int lockAfterFailures = 5;
    static constexpr int lockMinutes = 15;

    explicit UserService(Store *store, QObject *parent = nullptr);

    //! `successAction` is what the audit trail calls a success ("session.unlock" when the
    //! same person unlocks the locked screen); failures count towards the lockout either way.
    QFuture<SignInResult> signIn(const QString &userName, const QString &password,
                                 const QString &successAction = QStringLiteral("session.sign_in"));
    //! Audits the sign-out (or `reason`: "session.lock" when the screen locked).
    QFuture<StoreResult<qint64>> recordSessionEvent(const Session &session, const QString &action);

    QFuture<StoreResult<qint64>> createUser(const Session &actor, const UserAccount &account,
                                            const QString &password);
    //! The first start of a clinic's desk: the administrator who then creates everyone else.
    //! Refused once any user exists. Signs them in.
    QFuture<SignInResult> createFirstAdministrator(const UserAccount &account,
                                                   const QString &password);
    QFuture<StoreResult<bool>> changePassword(const Session &actor, const QString &current,
                                              const QString &next);
    //! Ends a lockout. The administrator's changes below answer false when nothing changed (and
    //! audit nothing then); each is audited as user.* with the account's id.
    QFuture<StoreResult<bool>> unlockUser(const Session &actor, const QString &userName);
    //! Refused when it would leave the desk without an active administrator.
    QFuture<StoreResult<bool>> setRole(const Session &actor, const QString &userName, Role role);
    //! A deactivated account cannot sign in (its history stays). Refused for oneself and for
    //! the last active administrator.
    QFuture<StoreResult<bool>> setActive(const Session &actor, const QString &userName,
                                         bool active);
    //! An administrator sets a new password for someone who forgot theirs (the password rules
    //! apply; a lockout ends).
    QFuture<StoreResult<bool>> resetPassword(const Session &actor, const QString &userName,
                                             const QString &password);
    QFuture<StoreResult<QList<UserAccount>>> users(const Session &actor) const;
    QFuture<StoreResult<int>> userCount() const;

    //! Training mode's demo users, one per role (their passwords are printed: the data is fake).
    static QList<TrainingUser> trainingUsers();
    //! Training's sign-in without a password (`--user NAME`: the data is fake), for the demo
    //! users only. Audited as session.sign_in_training.
    QFuture<SignInResult> signInForTraining(const QString &userName);
    //! Adds the demo users when there are no users at all; an error, or an empty string.
    QFuture<QString> seedTrainingUsers();

private:
    Store *m_store;
};

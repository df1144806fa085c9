// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Users and signing in on a real Store: the right password signs in (audited), a wrong one or an
// unknown name gets the same words, five failures lock the account (audited) until an
// administrator unlocks it, only administrators manage users (the service refuses others, not
// only the menus), weak passwords are refused, hashes never leave the store, and training has one
// demo user per role. The main thread only queues work (CLINICDESK_SQL_GUARD=fatal).
#include "common/tempstore.h"
#include "common/testsupport.h"
#include "services/access/userservice.h"
#include "services/store/auditlog.h"
#include "services/store/store.h"
#include "services/store/userrepository.h"

#include <QTemporaryDir>
#include <QTest>

using TestSupport::await;

namespace {
Session administrator()
{
    Session session;
    session.userName = QStringLiteral("admin1");
    session.role = Role::Administrator;
    return session;
}

UserAccount account(const QString &name, Role role)
{
    UserAccount a;
    a.userName = name;
    a.fullName = QStringLiteral("Test ") + name;
    a.role = role;
    return a;
}
} // namespace

class TestUserService : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void rightPasswordSignsIn();
    void wrongPasswordAndUnknownNameSayTheSame();
    void fiveFailuresLockUntilUnlocked();
    void onlyAdministratorsManageUsers();
    void weakPasswordsAndTakenNamesAreRefused();
    void changePasswordNeedsTheCurrentOne();
    void trainingHasADemoUserPerRole();
    void administratorsChangeRolesButKeepOneAdministrator();
    void deactivatedAccountsCannotSignIn();
    void resetPasswordFollowsTheRulesAndEndsALockout();

private:
    QStringList auditActions();
    //! A real administrator account, "root", as a session; invalid if it could not be made.
    Session addRootAdministrator();

    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<UserService> m_users;
};

void TestUserService::init()
{
    const Store::Options options = TestSupport::tempStoreOptions(m_dir, QStringLiteral("users"));
    m_store = std::make_unique<Store>(options);
    const Database::OpenResult opened = await(m_store->open());
    QVERIFY2(opened.ok, qPrintable(opened.error));
    m_users = std::make_unique<UserService>(m_store.get());
    const auto created = await(m_users->createUser(
        administrator(), account(QStringLiteral("ana"), Role::FrontDesk),
        QStringLiteral("quiet harbor lights")));
    QVERIFY2(created.ok(), qPrintable(created.error()));
}

void TestUserService::cleanup()
{
    m_users.reset();
    m_store.reset();
}

QStringList TestUserService::auditActions()
{
    const auto entries = await(m_store->read(
        [](const QString &connection) { return AuditLog(connection).entries(0); }));
    QStringList actions;
    if (entries) {
        for (const AuditEntry &entry : *entries)
            actions.prepend(entry.user + QLatin1Char(' ') + entry.action);
    }
    return actions;
}

void TestUserService::rightPasswordSignsIn()
{
    const SignInResult result =
        await(m_users->signIn(QStringLiteral("ANA"), QStringLiteral("quiet harbor lights")));
    QVERIFY2(result.session.has_value(), qPrintable(result.error));
    QCOMPARE(result.session->userName, QStringLiteral("ana")); // as stored, whatever was typed
    QCOMPARE(result.session->role, Role::FrontDesk);
    QVERIFY(result.session->can(Permission::EligibilityRun));
    QVERIFY(!result.session->can(Permission::MedicalHistory));
    QVERIFY(auditActions().contains(QStringLiteral("ana session.sign_in")));

    // The hash is Argon2id, and the password itself is nowhere.
    const auto stored = await(m_store->read([](const QString &connection) {
        return UserRepository(connection).find(QStringLiteral("ana"));
    }));
    QVERIFY(stored.ok() && stored->has_value());
    QVERIFY((*stored)->passwordHash.startsWith("$argon2id$"));
    QVERIFY(!(*stored)->passwordHash.contains("harbor"));

    QVERIFY(await(m_users->recordSessionEvent(*result.session, QStringLiteral("session.sign_out"))).ok());
    QVERIFY(auditActions().contains(QStringLiteral("ana session.sign_out")));
}

void TestUserService::wrongPasswordAndUnknownNameSayTheSame()
{
    const SignInResult wrong =
        await(m_users->signIn(QStringLiteral("ana"), QStringLiteral("quiet harbor light")));
    const SignInResult unknown =
        await(m_users->signIn(QStringLiteral("bob"), QStringLiteral("quiet harbor lights")));
    const SignInResult empty = await(m_users->signIn(QString(), QString()));
    QVERIFY(!wrong.session && !unknown.session && !empty.session);
    QVERIFY(!wrong.error.isEmpty());
    QCOMPARE(unknown.error, wrong.error);
    QCOMPARE(empty.error, wrong.error);
    QVERIFY(!wrong.locked);
    const QStringList actions = auditActions();
    QVERIFY(actions.contains(QStringLiteral("ana session.sign_in_failed")));
    QVERIFY(actions.contains(QStringLiteral("bob session.sign_in_failed")));
    QVERIFY(actions.contains(QStringLiteral("(no name) session.sign_in_failed")));
    QVERIFY(!actions.contains(QStringLiteral("ana session.sign_in")));
}

void TestUserService::fiveFailuresLockUntilUnlocked()
{
    SignInResult last;
    for (int i = 0; i < UserService::lockAfterFailures; ++i) {
        QVERIFY(!last.locked);
        last = await(m_users->signIn(QStringLiteral("ana"), QStringLiteral("guess number %1").arg(i)));
    }
    QVERIFY(last.locked);
    QVERIFY2(last.error.contains(QLatin1String("locked")), qPrintable(last.error));
    QVERIFY(auditActions().contains(QStringLiteral("ana session.account_locked")));

    // Locked: even the right password does not sign in, and says why.
    const SignInResult right =
        await(m_users->signIn(QStringLiteral("ana"), QStringLiteral("quiet harbor lights")));
    QVERIFY(!right.session);
    QVERIFY(right.locked);
    QVERIFY2(right.error.contains(QLatin1String("administrator")), qPrintable(right.error));
    QVERIFY(auditActions().contains(QStringLiteral("ana session.sign_in_locked")));

    // Only an administrator unlocks; then the right password works and the count starts over.
    Session clerk;
    clerk.userName = QStringLiteral("ana");
    clerk.role = Role::FrontDesk;
    QVERIFY(!await(m_users->unlockUser(clerk, QStringLiteral("ana"))).ok());
    const auto unlocked = await(m_users->unlockUser(administrator(), QStringLiteral("ana")));
    QVERIFY2(unlocked.ok(), qPrintable(unlocked.error()));
    QVERIFY(auditActions().contains(QStringLiteral("admin1 user.unlock")));
    const SignInResult again =
        await(m_users->signIn(QStringLiteral("ana"), QStringLiteral("quiet harbor lights")));
    QVERIFY2(again.session.has_value(), qPrintable(again.error));
    const auto stored = await(m_store->read([](const QString &connection) {
        return UserRepository(connection).find(QStringLiteral("ana"));
    }));
    QCOMPARE((*stored)->failedAttempts, 0);
    QVERIFY(!(*stored)->lockedUntil.isValid());
}

void TestUserService::onlyAdministratorsManageUsers()
{
    for (Role role : {Role::FrontDesk, Role::Biller, Role::Clinical}) {
        Session actor;
        actor.userName = QStringLiteral("someone");
        actor.role = role;
        const auto created = await(m_users->createUser(
            actor, account(QStringLiteral("eve"), Role::Administrator),
            QStringLiteral("quiet harbor lights")));
        QVERIFY(!created.ok());
        QVERIFY2(created.error().contains(QLatin1String("does not allow")), qPrintable(created.error()));
        QVERIFY(!await(m_users->users(actor)).ok());
    }
    QVERIFY(!await(m_users->createUser(Session(), account(QStringLiteral("eve"), Role::Biller),
                                       QStringLiteral("quiet harbor lights")))
                 .ok());
    const auto listed = await(m_users->users(administrator()));
    QVERIFY2(listed.ok(), qPrintable(listed.error()));
    QCOMPARE(listed->size(), 1);
    QCOMPARE(listed->first().userName, QStringLiteral("ana"));
    QVERIFY(listed->first().passwordHash.isEmpty()); // hashes never leave the store
    QCOMPARE(listed->first().createdBy, QStringLiteral("admin1"));
    QVERIFY(auditActions().contains(QStringLiteral("admin1 user.create")));
}

void TestUserService::weakPasswordsAndTakenNamesAreRefused()
{
    const auto weak = await(m_users->createUser(
        administrator(), account(QStringLiteral("carl"), Role::Biller), QStringLiteral("Password1")));
    QVERIFY(!weak.ok());
    QVERIFY2(weak.error().contains(QLatin1String("common")), qPrintable(weak.error()));
    const auto taken = await(m_users->createUser(
        administrator(), account(QStringLiteral("Ana"), Role::Biller),
        QStringLiteral("another quiet harbor")));
    QVERIFY(!taken.ok());
    QVERIFY2(taken.error().contains(QLatin1String("already a user named Ana")), qPrintable(taken.error()));
    const auto spaced = await(m_users->createUser(
        administrator(), account(QStringLiteral("carl jones"), Role::Biller),
        QStringLiteral("another quiet harbor")));
    QVERIFY(!spaced.ok());
    QCOMPARE(await(m_users->userCount()).valueOr(-1), 1);
}

void TestUserService::changePasswordNeedsTheCurrentOne()
{
    Session ana;
    ana.userName = QStringLiteral("ana");
    ana.role = Role::FrontDesk;
    QVERIFY(!await(m_users->changePassword(ana, QStringLiteral("not it"),
                                           QStringLiteral("silver maple road")))
                 .ok());
    QVERIFY(!await(m_users->changePassword(ana, QStringLiteral("quiet harbor lights"),
                                           QStringLiteral("letmein123")))
                 .ok());
    const auto changed = await(m_users->changePassword(ana, QStringLiteral("quiet harbor lights"),
                                                       QStringLiteral("silver maple road")));
    QVERIFY2(changed.ok(), qPrintable(changed.error()));
    QVERIFY(!await(m_users->signIn(QStringLiteral("ana"), QStringLiteral("quiet harbor lights")))
                 .session);
    QVERIFY(await(m_users->signIn(QStringLiteral("ana"), QStringLiteral("silver maple road")))
                .session);
    QVERIFY(auditActions().contains(QStringLiteral("ana user.password_change")));
}

void TestUserService::trainingHasADemoUserPerRole()
{
    // Not over existing users.
    QVERIFY(await(m_users->seedTrainingUsers()).isEmpty());
    QCOMPARE(await(m_users->userCount()).valueOr(-1), 1);

    const Store::Options options = TestSupport::tempStoreOptions(m_dir, QStringLiteral("training"));
    Store training(options);
    QVERIFY(await(training.open()).ok);
    UserService users(&training);
    QVERIFY(await(users.seedTrainingUsers()).isEmpty());
    QList<Role> roles;
    for (const TrainingUser &demo : UserService::trainingUsers()) {
        const SignInResult signedIn = await(users.signIn(demo.userName, demo.password));
        QVERIFY2(signedIn.session.has_value(), qPrintable(demo.userName + signedIn.error));
        QCOMPARE(signedIn.session->role, demo.role);
        roles.append(demo.role);
    }
    for (Role role : Access::roles())
        QVERIFY(roles.contains(role));
    QVERIFY(await(users.seedTrainingUsers()).isEmpty()); // twice: still four
    QCOMPARE(await(users.userCount()).valueOr(-1), 4);
}

Session TestUserService::addRootAdministrator()
{
    const auto created = await(m_users->createUser(
        administrator(), account(QStringLiteral("root"), Role::Administrator),
        QStringLiteral("quiet harbor lights")));
    if (!created.ok())
        return {};
    Session root = administrator();
    root.userName = QStringLiteral("root");
    return root;
}

void TestUserService::administratorsChangeRolesButKeepOneAdministrator()
{
    const Session root = addRootAdministrator();
    QVERIFY(root.isValid());

    // Others may not, whatever they ask.
    Session clerk;
    clerk.userName = QStringLiteral("ana");
    clerk.role = Role::FrontDesk;
    QVERIFY(!await(m_users->setRole(clerk, QStringLiteral("ana"), Role::Administrator)).ok());
    QVERIFY(!await(m_users->setActive(clerk, QStringLiteral("root"), false)).ok());
    QVERIFY(!await(m_users->resetPassword(clerk, QStringLiteral("root"),
                                          QStringLiteral("a brand new passphrase")))
                 .ok());

    const auto changed = await(m_users->setRole(root, QStringLiteral("ana"), Role::Biller));
    QVERIFY2(changed.ok(), qPrintable(changed.error()));
    QVERIFY(*changed);
    const SignInResult ana =
        await(m_users->signIn(QStringLiteral("ana"), QStringLiteral("quiet harbor lights")));
    QVERIFY(ana.session);
    QCOMPARE(ana.session->role, Role::Biller);
    QVERIFY(auditActions().contains(QStringLiteral("root user.role_change")));
    // Nothing to change: false, and not audited again.
    const int audited = auditActions().count(QStringLiteral("root user.role_change"));
    QCOMPARE(*await(m_users->setRole(root, QStringLiteral("ana"), Role::Biller)), false);
    QCOMPARE(auditActions().count(QStringLiteral("root user.role_change")), audited);
    QVERIFY(!await(m_users->setRole(root, QStringLiteral("nobody"), Role::Biller)).ok());

    // The only administrator stays one; with a second, the first may step down.
    const auto alone = await(m_users->setRole(root, QStringLiteral("root"), Role::FrontDesk));
    QVERIFY(!alone.ok());
    QVERIFY2(alone.error().contains(QLatin1String("only active administrator")),
             qPrintable(alone.error()));
    QVERIFY(await(m_users->setRole(root, QStringLiteral("ana"), Role::Administrator)).ok());
    QVERIFY(await(m_users->setRole(root, QStringLiteral("root"), Role::FrontDesk)).ok());
}

void TestUserService::deactivatedAccountsCannotSignIn()
{
    const Session root = addRootAdministrator();
    QVERIFY(root.isValid());
    const auto self = await(m_users->setActive(root, QStringLiteral("root"), false));
    QVERIFY(!self.ok());
    QVERIFY2(self.error().contains(QLatin1String("your own")), qPrintable(self.error()));

    QVERIFY(await(m_users->setActive(root, QStringLiteral("ana"), false)).ok());
    const SignInResult refused =
        await(m_users->signIn(QStringLiteral("ana"), QStringLiteral("quiet harbor lights")));
    QVERIFY(!refused.session);
    QVERIFY(auditActions().contains(QStringLiteral("root user.deactivate")));
    const auto listed = await(m_users->users(root));
    QVERIFY(listed.ok());
    QVERIFY(std::any_of(listed->cbegin(), listed->cend(), [](const UserAccount &a) {
        return a.userName == QLatin1String("ana") && !a.active; // kept, with its history
    }));

    QVERIFY(await(m_users->setActive(root, QStringLiteral("ana"), true)).ok());
    QVERIFY(await(m_users->signIn(QStringLiteral("ana"), QStringLiteral("quiet harbor lights")))
                .session);
    QVERIFY(auditActions().contains(QStringLiteral("root user.reactivate")));
}

void TestUserService::resetPasswordFollowsTheRulesAndEndsALockout()
{
    for (int i = 0; i < UserService::lockAfterFailures; ++i)
        await(m_users->signIn(QStringLiteral("ana"), QStringLiteral("not the password")));
    QVERIFY(await(m_users->signIn(QStringLiteral("ana"), QStringLiteral("quiet harbor lights")))
                .locked);

    const auto weak = await(m_users->resetPassword(administrator(), QStringLiteral("ana"),
                                                   QStringLiteral("short")));
    QVERIFY(!weak.ok());
    const auto reset = await(m_users->resetPassword(administrator(), QStringLiteral("ana"),
                                                    QStringLiteral("lanterns over the bay")));
    QVERIFY2(reset.ok(), qPrintable(reset.error()));
    QVERIFY(!await(m_users->signIn(QStringLiteral("ana"), QStringLiteral("quiet harbor lights")))
                 .session);
    const SignInResult signedIn =
        await(m_users->signIn(QStringLiteral("ana"), QStringLiteral("lanterns over the bay")));
    QVERIFY2(signedIn.session, qPrintable(signedIn.error));
    QVERIFY(auditActions().contains(QStringLiteral("admin1 user.password_reset")));
}

QTEST_GUILESS_MAIN(TestUserService)
#include "tst_userservice.moc"

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// File › Users… on a real Store: an administrator adds a user (the password rules and a typo in
// the second password are said in the form, which stays open), changes a role, deactivates and
// reactivates someone (never themselves), ends a lockout and resets a forgotten password; each
// change shows in the list and decides the next sign-in. Anyone else gets the service's refusal.
// Change My Password needs the current one.
#include "common/tempstore.h"
#include "common/testsupport.h"
#include "services/access/userservice.h"
#include "services/store/store.h"
#include "ui/userformdialog.h"
#include "ui/usersdialog.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using TestSupport::await;

class TestUsersDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void administratorAddsAUser();
    void rolesAndDeactivationDecideTheNextSignIn();
    void lockoutsEndAndPasswordsReset();
    void othersAreRefused();
    void changeMyPasswordNeedsTheCurrentOne();

private:
    Session signIn(const QString &user, const QString &password);
    bool canSignIn(const QString &user, const QString &password);
    //! The dialog's row for a user: its cells.
    static QStringList rowOf(const UsersDialog &dialog, const QString &userName);

    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<UserService> m_users;
    Session m_admin;
};

void TestUsersDialog::init()
{
    const Store::Options options = TestSupport::tempStoreOptions(m_dir, QStringLiteral("users"));
    m_store = std::make_unique<Store>(options);
    QVERIFY(await(m_store->open()).ok);
    m_users = std::make_unique<UserService>(m_store.get());
    QVERIFY(await(m_users->seedTrainingUsers()).isEmpty());
    m_admin = signIn(QStringLiteral("admin1"), QStringLiteral("training admin"));
    QVERIFY(m_admin.isValid());
}

void TestUsersDialog::cleanup()
{
    m_users.reset();
    m_store.reset();
}

Session TestUsersDialog::signIn(const QString &user, const QString &password)
{
    const SignInResult result = await(m_users->signIn(user, password));
    return result.session.value_or(Session());
}

bool TestUsersDialog::canSignIn(const QString &user, const QString &password)
{
    return signIn(user, password).isValid();
}

QStringList TestUsersDialog::rowOf(const UsersDialog &dialog, const QString &userName)
{
    auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("users"));
    for (int row = 0; table && row < table->rowCount(); ++row) {
        if (table->item(row, 0)->text() == userName) {
            QStringList cells;
            for (int column = 0; column < table->columnCount(); ++column)
                cells.append(table->item(row, column)->text());
            return cells;
        }
    }
    return {};
}

void TestUsersDialog::administratorAddsAUser()
{
    UsersDialog dialog(m_users.get(), m_admin);
    QSignalSpy loaded(&dialog, &UsersDialog::usersLoaded);
    QVERIFY(loaded.wait(10000));
    QCOMPARE(dialog.accounts().size(), 4);

    UserFormDialog form(m_users.get(), m_admin, UserFormDialog::Mode::AddUser);
    QSignalSpy failed(&form, &UserFormDialog::saveFailed);
    QSignalSpy accepted(&form, &QDialog::accepted);
    form.findChild<QLineEdit *>(QStringLiteral("userName"))->setText(QStringLiteral("mlopez"));
    form.findChild<QLineEdit *>(QStringLiteral("fullName"))->setText(QStringLiteral("Marisol Lopez"));
    auto *role = form.findChild<QComboBox *>(QStringLiteral("role"));
    role->setCurrentIndex(role->findData(int(Role::Biller)));
    auto *password = form.findChild<QLineEdit *>(QStringLiteral("password"));
    auto *confirm = form.findChild<QLineEdit *>(QStringLiteral("confirm"));
    auto *error = form.findChild<QLabel *>(QStringLiteral("userFormError"));

    // A typo in the second password: said at once, nothing sent.
    password->setText(QStringLiteral("copper kettle morning"));
    confirm->setText(QStringLiteral("copper kettle mornign"));
    form.accept();
    QCOMPARE(failed.size(), 1);
    QVERIFY(error->text().contains(QLatin1String("differ")));
    QCOMPARE(accepted.size(), 0);

    // A common password: the service's rule, in the form, which stays open.
    password->setText(QStringLiteral("password123"));
    confirm->setText(QStringLiteral("password123"));
    form.accept();
    QVERIFY(failed.wait(10000));
    QVERIFY(!error->isHidden());
    QVERIFY2(!error->text().contains(QLatin1String("differ")), qPrintable(error->text()));
    QCOMPARE(accepted.size(), 0);
    QVERIFY(!canSignIn(QStringLiteral("mlopez"), QStringLiteral("password123")));

    password->setText(QStringLiteral("copper kettle morning"));
    confirm->setText(QStringLiteral("copper kettle morning"));
    form.accept();
    QVERIFY(accepted.wait(10000));
    QCOMPARE(form.savedUserName(), QStringLiteral("mlopez"));
    const Session added = signIn(QStringLiteral("mlopez"), QStringLiteral("copper kettle morning"));
    QVERIFY(added.isValid());
    QCOMPARE(added.role, Role::Biller);
    QCOMPARE(added.fullName, QStringLiteral("Marisol Lopez"));

    dialog.reload();
    QVERIFY(loaded.wait(10000));
    QCOMPARE(dialog.accounts().size(), 5);
    const QStringList row = rowOf(dialog, QStringLiteral("mlopez"));
    QCOMPARE(row.value(1), QStringLiteral("Marisol Lopez"));
    QCOMPARE(row.value(2), roleTitle(Role::Biller));
    QCOMPARE(row.value(3), QStringLiteral("Active"));
}

void TestUsersDialog::rolesAndDeactivationDecideTheNextSignIn()
{
    UsersDialog dialog(m_users.get(), m_admin);
    QSignalSpy loaded(&dialog, &UsersDialog::usersLoaded);
    QVERIFY(loaded.wait(10000));
    auto *active = dialog.findChild<QPushButton *>(QStringLiteral("activeButton"));

    // Nobody deactivates themselves from here.
    dialog.selectUser(QStringLiteral("admin1"));
    QCOMPARE(dialog.selectedUserName(), QStringLiteral("admin1"));
    QVERIFY(!active->isEnabled());

    dialog.selectUser(QStringLiteral("biller1"));
    dialog.setRoleOfSelected(Role::Clinical);
    QVERIFY(loaded.wait(10000));
    QCOMPARE(rowOf(dialog, QStringLiteral("biller1")).value(2), roleTitle(Role::Clinical));
    QVERIFY2(dialog.statusText().contains(roleTitle(Role::Clinical)), qPrintable(dialog.statusText()));
    QCOMPARE(signIn(QStringLiteral("biller1"), QStringLiteral("training biller")).role,
             Role::Clinical);
    QCOMPARE(dialog.selectedUserName(), QStringLiteral("biller1")); // kept across the reload

    // The only administrator cannot give the role away: said, nothing changed.
    QSignalSpy refused(&dialog, &UsersDialog::changeFailed);
    dialog.selectUser(QStringLiteral("admin1"));
    dialog.setRoleOfSelected(Role::FrontDesk);
    QVERIFY(refused.wait(10000));
    QVERIFY2(dialog.statusText().contains(QLatin1String("only active administrator")),
             qPrintable(dialog.statusText()));
    QCOMPARE(signIn(QStringLiteral("admin1"), QStringLiteral("training admin")).role,
             Role::Administrator);

    dialog.selectUser(QStringLiteral("nurse1"));
    QVERIFY(active->isEnabled());
    QCOMPARE(active->text(), QStringLiteral("&Deactivate"));
    QTest::mouseClick(active, Qt::LeftButton);
    QVERIFY(loaded.wait(10000));
    QCOMPARE(rowOf(dialog, QStringLiteral("nurse1")).value(3), QStringLiteral("Deactivated"));
    QVERIFY(!canSignIn(QStringLiteral("nurse1"), QStringLiteral("training nurse")));
    QCOMPARE(active->text(), QStringLiteral("Reacti&vate"));
    QTest::mouseClick(active, Qt::LeftButton);
    QVERIFY(loaded.wait(10000));
    QCOMPARE(rowOf(dialog, QStringLiteral("nurse1")).value(3), QStringLiteral("Active"));
    QVERIFY(canSignIn(QStringLiteral("nurse1"), QStringLiteral("training nurse")));
}

void TestUsersDialog::lockoutsEndAndPasswordsReset()
{
    for (int i = 0; i < UserService::lockAfterFailures; ++i)
        QVERIFY(!canSignIn(QStringLiteral("frontdesk1"), QStringLiteral("wrong guess")));
    QVERIFY(!canSignIn(QStringLiteral("frontdesk1"), QStringLiteral("training front desk")));

    UsersDialog dialog(m_users.get(), m_admin);
    QSignalSpy loaded(&dialog, &UsersDialog::usersLoaded);
    QVERIFY(loaded.wait(10000));
    QVERIFY(rowOf(dialog, QStringLiteral("frontdesk1")).value(3).startsWith(QLatin1String("Locked until")));
    auto *unlock = dialog.findChild<QPushButton *>(QStringLiteral("unlockUserButton"));
    dialog.selectUser(QStringLiteral("biller1"));
    QVERIFY(!unlock->isEnabled()); // nothing to unlock
    dialog.selectUser(QStringLiteral("frontdesk1"));
    QVERIFY(unlock->isEnabled());
    QTest::mouseClick(unlock, Qt::LeftButton);
    QVERIFY(loaded.wait(10000));
    QCOMPARE(rowOf(dialog, QStringLiteral("frontdesk1")).value(3), QStringLiteral("Active"));
    QVERIFY(canSignIn(QStringLiteral("frontdesk1"), QStringLiteral("training front desk")));

    // A forgotten password: the administrator sets a new one.
    UserFormDialog form(m_users.get(), m_admin, UserFormDialog::Mode::ResetPassword,
                        QStringLiteral("frontdesk1"));
    QSignalSpy accepted(&form, &QDialog::accepted);
    QVERIFY(!form.findChild<QLineEdit *>(QStringLiteral("userName"))); // whose is given
    form.findChild<QLineEdit *>(QStringLiteral("password"))->setText(QStringLiteral("seven blue herons"));
    form.findChild<QLineEdit *>(QStringLiteral("confirm"))->setText(QStringLiteral("seven blue herons"));
    form.accept();
    QVERIFY(accepted.wait(10000));
    QVERIFY(!canSignIn(QStringLiteral("frontdesk1"), QStringLiteral("training front desk")));
    QVERIFY(canSignIn(QStringLiteral("frontdesk1"), QStringLiteral("seven blue herons")));
}

void TestUsersDialog::othersAreRefused()
{
    const Session clerk = signIn(QStringLiteral("frontdesk1"), QStringLiteral("training front desk"));
    QVERIFY(clerk.isValid());
    UsersDialog dialog(m_users.get(), clerk);
    auto *error = dialog.findChild<QLabel *>(QStringLiteral("usersError"));
    QVERIFY(QTest::qWaitFor([&] { return !error->isHidden(); }, 10000));
    QVERIFY2(error->text().contains(QLatin1String("does not allow")), qPrintable(error->text()));
    QVERIFY(dialog.accounts().isEmpty());
}

void TestUsersDialog::changeMyPasswordNeedsTheCurrentOne()
{
    const Session nurse = signIn(QStringLiteral("nurse1"), QStringLiteral("training nurse"));
    UserFormDialog form(m_users.get(), nurse, UserFormDialog::Mode::ChangeOwnPassword);
    QSignalSpy failed(&form, &UserFormDialog::saveFailed);
    QSignalSpy accepted(&form, &QDialog::accepted);
    auto *current = form.findChild<QLineEdit *>(QStringLiteral("currentPassword"));
    QVERIFY(current);
    current->setText(QStringLiteral("not my password"));
    form.findChild<QLineEdit *>(QStringLiteral("password"))->setText(QStringLiteral("harbor seal sunrise"));
    form.findChild<QLineEdit *>(QStringLiteral("confirm"))->setText(QStringLiteral("harbor seal sunrise"));
    form.accept();
    QVERIFY(failed.wait(10000));
    QVERIFY(form.findChild<QLabel *>(QStringLiteral("userFormError"))->text().contains(
        QLatin1String("current password")));
    current->setText(QStringLiteral("training nurse"));
    form.accept();
    QVERIFY(accepted.wait(10000));
    QVERIFY(canSignIn(QStringLiteral("nurse1"), QStringLiteral("harbor seal sunrise")));
    QVERIFY(!canSignIn(QStringLiteral("nurse1"), QStringLiteral("training nurse")));
}

QTEST_MAIN(TestUsersDialog)
#include "tst_usersdialog.moc"

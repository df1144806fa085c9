// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The sign-in screen on a real Store: training prints its demo users; a wrong password is said
// and cleared, the right one signs in with the user's role; a clinic's first start creates the
// administrator, refusing a weak or mistyped password.
#include "common/tempstore.h"
#include "common/testsupport.h"
#include "services/access/userservice.h"
#include "services/store/store.h"
#include "ui/signindialog.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using TestSupport::await;

class TestSignInDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void trainingListsTheDemoUsers();
    void wrongPasswordIsSaidRightOneSignsIn();
    void firstStartCreatesTheAdministrator();

private:
    void type(SignInDialog &dialog, const char *field, const QString &text);
    QString error(SignInDialog &dialog);

    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<UserService> m_users;
};

void TestSignInDialog::init()
{
    const Store::Options options = TestSupport::tempStoreOptions(m_dir, QStringLiteral("signin"));
    m_store = std::make_unique<Store>(options);
    QVERIFY(await(m_store->open()).ok);
    m_users = std::make_unique<UserService>(m_store.get());
}

void TestSignInDialog::cleanup()
{
    m_users.reset();
    m_store.reset();
}

void TestSignInDialog::type(SignInDialog &dialog, const char *field, const QString &text)
{
    auto *edit = dialog.findChild<QLineEdit *>(QLatin1String(field));
    QVERIFY(edit);
    edit->clear();
    QTest::keyClicks(edit, text);
}

QString TestSignInDialog::error(SignInDialog &dialog)
{
    auto *label = dialog.findChild<QLabel *>(QStringLiteral("errorLabel"));
    return label && label->isVisibleTo(&dialog) ? label->text() : QString();
}

void TestSignInDialog::trainingListsTheDemoUsers()
{
    SignInDialog training(m_users.get(), SignInDialog::Mode::SignIn, true, QStringLiteral("Clinic"));
    auto *demo = training.findChild<QLabel *>(QStringLiteral("trainingUsersLabel"));
    QVERIFY(demo);
    for (const TrainingUser &user : UserService::trainingUsers()) {
        QVERIFY2(demo->text().contains(user.userName) && demo->text().contains(user.password),
                 qPrintable(demo->text()));
        QVERIFY(demo->text().contains(roleTitle(user.role)));
    }
    SignInDialog real(m_users.get(), SignInDialog::Mode::SignIn, false, QStringLiteral("Clinic"));
    QVERIFY(!real.findChild<QLabel *>(QStringLiteral("trainingUsersLabel")));
    QVERIFY(!real.findChild<QLineEdit *>(QStringLiteral("confirmEdit")));
    QCOMPARE(real.findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->echoMode(),
             QLineEdit::Password);
}

void TestSignInDialog::wrongPasswordIsSaidRightOneSignsIn()
{
    QVERIFY(await(m_users->seedTrainingUsers()).isEmpty());
    SignInDialog dialog(m_users.get(), SignInDialog::Mode::SignIn, true, QString());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    QTest::keyClick(&dialog, Qt::Key_Return); // nothing typed
    QVERIFY2(error(dialog).contains(QLatin1String("user name")), qPrintable(error(dialog)));

    type(dialog, "userNameEdit", QStringLiteral("nurse1"));
    type(dialog, "passwordEdit", QStringLiteral("not the password"));
    QTest::keyClick(dialog.findChild<QLineEdit *>(QStringLiteral("passwordEdit")), Qt::Key_Return);
    QVERIFY(QTest::qWaitFor([&] { return !error(dialog).isEmpty() && !error(dialog).contains(QLatin1String("Type")); }, 10000));
    QVERIFY2(error(dialog).contains(QLatin1String("not right")), qPrintable(error(dialog)));
    QVERIFY(dialog.findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->text().isEmpty());
    QVERIFY(dialog.isVisible());

    type(dialog, "passwordEdit", QStringLiteral("training nurse"));
    QTest::keyClick(dialog.findChild<QLineEdit *>(QStringLiteral("passwordEdit")), Qt::Key_Return);
    QVERIFY(QTest::qWaitFor([&] { return dialog.result() == QDialog::Accepted; }, 10000));
    QCOMPARE(dialog.session().userName, QStringLiteral("nurse1"));
    QCOMPARE(dialog.session().role, Role::Clinical);
}

void TestSignInDialog::firstStartCreatesTheAdministrator()
{
    SignInDialog dialog(m_users.get(), SignInDialog::Mode::FirstAdministrator, false,
                        QStringLiteral("Springfield Family Clinic"));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    type(dialog, "userNameEdit", QStringLiteral("mgarcia"));
    type(dialog, "fullNameEdit", QStringLiteral("Maria Garcia"));
    type(dialog, "passwordEdit", QStringLiteral("password1"));
    type(dialog, "confirmEdit", QStringLiteral("password1"));
    dialog.accept();
    QVERIFY2(error(dialog).contains(QLatin1String("common")), qPrintable(error(dialog)));

    type(dialog, "passwordEdit", QStringLiteral("blue heron at dawn"));
    type(dialog, "confirmEdit", QStringLiteral("blue heron at dusk"));
    dialog.accept();
    QVERIFY2(error(dialog).contains(QLatin1String("not the same")), qPrintable(error(dialog)));
    QCOMPARE(await(m_users->userCount()).valueOr(-1), 0);

    type(dialog, "passwordEdit", QStringLiteral("blue heron at dawn"));
    type(dialog, "confirmEdit", QStringLiteral("blue heron at dawn"));
    dialog.accept();
    QVERIFY(QTest::qWaitFor([&] { return dialog.result() == QDialog::Accepted; }, 10000));
    QCOMPARE(dialog.session().userName, QStringLiteral("mgarcia"));
    QCOMPARE(dialog.session().role, Role::Administrator);
    QCOMPARE(await(m_users->userCount()).valueOr(-1), 1);

    // Once someone exists, nobody else becomes "the first administrator".
    UserAccount second;
    second.userName = QStringLiteral("mallory");
    const SignInResult refused =
        await(m_users->createFirstAdministrator(second, QStringLiteral("another strong phrase")));
    QVERIFY(!refused.session);
    QVERIFY2(refused.error.contains(QLatin1String("already has users")), qPrintable(refused.error));
}

QTEST_MAIN(TestSignInDialog)
#include "tst_signindialog.moc"

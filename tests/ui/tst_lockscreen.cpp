// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Automatic lock: after the idle time every window is covered (checked on a grab of the window:
// where a patient's name was, only the cover's colour), titles are replaced, no shortcut gets
// through, and a window that opens meanwhile is covered too; the wrong password keeps it locked,
// the signed-in user's unlocks it, typed on the cover of the modal dialog left open, with the
// dialog and its unsaved text as they were; lock and unlock are audited.
#include "common/tempstore.h"
#include "common/testsupport.h"
#include "services/access/userservice.h"
#include "services/store/auditlog.h"
#include "services/store/store.h"
#include "ui/lockscreen.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QVBoxLayout>

#include <algorithm>

using TestSupport::await;

class TestLockScreen : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void idleLocksCoversAndUnlocks();
    void inputPostponesTheLock();
    void someoneElseTakesTheDesk();

private:
    QStringList auditActions();

    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<UserService> m_users;
    Session m_nurse;
};

void TestLockScreen::init()
{
    const Store::Options options = TestSupport::tempStoreOptions(m_dir, QStringLiteral("lock"));
    m_store = std::make_unique<Store>(options);
    QVERIFY(await(m_store->open()).ok);
    m_users = std::make_unique<UserService>(m_store.get());
    QVERIFY(await(m_users->seedTrainingUsers()).isEmpty());
    const SignInResult signedIn =
        await(m_users->signIn(QStringLiteral("nurse1"), QStringLiteral("training nurse")));
    QVERIFY(signedIn.session);
    m_nurse = *signedIn.session;
}

void TestLockScreen::cleanup()
{
    m_users.reset();
    m_store.reset();
}

QStringList TestLockScreen::auditActions()
{
    const auto entries = await(m_store->read(
        [](const QString &connection) { return AuditLog(connection).entries(0); }));
    QStringList actions;
    for (const AuditEntry &entry : entries.valueOr({}))
        actions.append(entry.action);
    return actions;
}

void TestLockScreen::idleLocksCoversAndUnlocks()
{
    QMainWindow window;
    window.setWindowTitle(QStringLiteral("Brown, Kyla — ClinicDesk"));
    auto *central = new QWidget(&window);
    auto *layout = new QVBoxLayout(central);
    auto *phi = new QLabel(QStringLiteral("Kyla Brown, born 05/23/1927, MRN000004"), central);
    phi->setAutoFillBackground(true);
    phi->setStyleSheet(QStringLiteral("background: white; color: black;"));
    layout->addWidget(phi);
    layout->addStretch();
    window.setCentralWidget(central);
    int registered = 0;
    auto *action = new QAction(QStringLiteral("Register"), &window);
    action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
    window.addAction(action);
    connect(action, &QAction::triggered, this, [&registered] { ++registered; });
    window.resize(640, 420);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QDialog dialog(&window);
    dialog.setWindowTitle(QStringLiteral("Edit Patient — Kyla Brown"));
    auto *unsaved = new QLineEdit(&dialog);
    unsaved->setText(QStringLiteral("new phone 541-555-0199"));
    // Left open, modal, as a clerk leaves a form when called away: it takes the input from the
    // window under it, so the lock must be undone from the dialog's own cover.
    dialog.setWindowModality(Qt::ApplicationModal);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    LockScreen lock(m_users.get(), m_nurse, &window);
    QSignalSpy locked(&lock, &LockScreen::screenLocked);
    QSignalSpy unlocked(&lock, &LockScreen::screenUnlocked);
    lock.setIdleTimeout(300);
    QVERIFY(locked.wait(5000));
    QVERIFY(lock.isLocked());

    // Covered: titles gone, and on a grab, only the cover where the name was.
    QCOMPARE(window.windowTitle(), QStringLiteral("ClinicDesk — Locked"));
    QCOMPARE(dialog.windowTitle(), QStringLiteral("ClinicDesk — Locked"));
    QTest::qWait(50);
    const QImage shot = window.grab().toImage();
    // A point of the label clear of its text: white when shown, the cover when locked.
    const QPoint where = phi->mapTo(&window, QPoint(phi->width() - 4, 2));
    QCOMPARE(shot.pixelColor(where), QColor(0x26, 0x32, 0x38));
    const QImage dialogShot = dialog.grab().toImage();
    QCOMPARE(dialogShot.pixelColor(unsaved->mapTo(&dialog, QPoint(4, 4))), QColor(0x26, 0x32, 0x38));

    // A window that opens while locked (work still running says something) is covered too.
    QDialog late(&window);
    late.setWindowTitle(QStringLiteral("Verification finished — Kyla Brown"));
    auto *lateText = new QLabel(QStringLiteral("Kyla Brown: ACTIVE"), &late);
    late.resize(300, 120);
    late.show();
    QVERIFY(QTest::qWaitForWindowExposed(&late));
    QCOMPARE(late.windowTitle(), QStringLiteral("ClinicDesk — Locked"));
    QTest::qWait(50);
    QCOMPARE(late.grab().toImage().pixelColor(lateText->mapTo(&late, QPoint(2, 2))),
             QColor(0x26, 0x32, 0x38));

    // The password field with the focus is the modal dialog's.
    auto *password = qobject_cast<QLineEdit *>(QApplication::focusWidget());
    QVERIFY(password);
    QCOMPARE(password->objectName(), QStringLiteral("lockPasswordEdit"));
    QCOMPARE(password->window(), &dialog);

    // No shortcut gets through to the window underneath.
    QTest::keyClick(password, Qt::Key_N, Qt::ControlModifier);
    QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
    QCOMPARE(registered, 0);

    // The wrong password: still locked, said.
    QTest::keyClicks(password, QStringLiteral("training nurses"));
    QTest::keyClick(password, Qt::Key_Return);
    auto *error = password->parentWidget()->findChild<QLabel *>(QStringLiteral("lockErrorLabel"));
    QVERIFY(QTest::qWaitFor([&] { return error && error->isVisibleTo(&dialog); }, 10000));
    QVERIFY2(error->text().contains(QLatin1String("not right")), qPrintable(error->text()));
    QVERIFY(lock.isLocked());

    // The signed-in user's password, typed as a person does: the keys reach the window first,
    // which hands them to the password field. Everything is as it was.
    QVERIFY(password->hasFocus());
    for (const QChar c : QStringLiteral("training nurse"))
        QTest::keyClick(dialog.windowHandle(), c.toLatin1());
    QCOMPARE(password->text(), QStringLiteral("training nurse"));
    QTest::keyClick(dialog.windowHandle(), Qt::Key_Return);
    QVERIFY(unlocked.wait(10000));
    QVERIFY(!lock.isLocked());
    QCOMPARE(window.windowTitle(), QStringLiteral("Brown, Kyla — ClinicDesk"));
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Edit Patient — Kyla Brown"));
    QCOMPARE(late.windowTitle(), QStringLiteral("Verification finished — Kyla Brown"));
    QVERIFY(dialog.isVisible());
    QCOMPARE(unsaved->text(), QStringLiteral("new phone 541-555-0199"));
    QTest::qWait(50);
    QCOMPARE(window.grab().toImage().pixelColor(where), QColor(Qt::white));
    dialog.accept(); // the form done and the message read, the window takes shortcuts again
    late.close();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
    QCOMPARE(registered, 1);

    const QStringList actions = auditActions();
    QVERIFY(actions.contains(QStringLiteral("session.lock")));
    QVERIFY(actions.contains(QStringLiteral("session.unlock")));
    QVERIFY(actions.contains(QStringLiteral("session.sign_in_failed")));
}

void TestLockScreen::inputPostponesTheLock()
{
    QMainWindow window;
    window.resize(300, 200);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    LockScreen lock(m_users.get(), m_nurse, &window);
    lock.setIdleTimeout(400);
    // Input every 100 ms for a second: no lock.
    for (int i = 0; i < 10; ++i) {
        QTest::qWait(100);
        QTest::keyClick(&window, Qt::Key_Shift);
    }
    QVERIFY(!lock.isLocked());
    QVERIFY(QTest::qWaitFor([&] { return lock.isLocked(); }, 5000));
}

void TestLockScreen::someoneElseTakesTheDesk()
{
    // Not offered unless the app can start again for another person.
    {
        QMainWindow bare;
        bare.resize(300, 200);
        bare.show();
        LockScreen plain(m_users.get(), m_nurse, &bare);
        plain.lock();
        QVERIFY(plain.isLocked());
        QVERIFY(bare.findChild<QLineEdit *>(QStringLiteral("lockPasswordEdit")));
        QVERIFY(!bare.findChild<QPushButton *>(QStringLiteral("switchUserButton")));
    }

    QMainWindow window;
    window.resize(500, 360);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    LockScreen lock(m_users.get(), m_nurse, &window);
    lock.setAllowsSwitching(true);
    QSignalSpy switching(&lock, &LockScreen::switchUserRequested);
    lock.lock();
    auto *other = window.findChild<QPushButton *>(QStringLiteral("switchUserButton"));
    QVERIFY(other);
    QVERIFY(other->isVisibleTo(&window));
    // What it costs is said before the click: the first person's open patients close.
    const QList<QLabel *> labels = other->parentWidget()->findChildren<QLabel *>();
    QVERIFY(std::any_of(labels.cbegin(), labels.cend(), [&](const QLabel *label) {
        return label->text().contains(m_nurse.fullName) &&
               label->text().contains(QLatin1String("not saved"));
    }));

    QTest::mouseClick(other, Qt::LeftButton);
    QVERIFY(switching.wait(10000) || switching.size() == 1);
    QCOMPARE(switching.size(), 1);
    // Still covered until the app closes the window; the password no longer unlocks it here.
    QVERIFY(lock.isLocked());
    auto *password = window.findChild<QLineEdit *>(QStringLiteral("lockPasswordEdit"));
    QVERIFY(password && !password->isEnabled());
    QTest::mouseClick(other, Qt::LeftButton); // a second click asks nothing more
    QTest::qWait(100);
    QCOMPARE(switching.size(), 1);
    const QStringList actions = auditActions();
    QCOMPARE(actions.count(QStringLiteral("session.switch_user")), 1);
}

QTEST_MAIN(TestLockScreen)
#include "tst_lockscreen.moc"

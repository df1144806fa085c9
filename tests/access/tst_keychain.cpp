// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The OS keychain through qtkeychain, against a real Secret Service (GNOME Keyring on a private
// D-Bus session bus, started here): a key is stored, read back exactly, replaced and removed;
// entries are separate; a missing entry is "not found", not an error. Without a session bus, or
// with CLINICDESK_KEYCHAIN=off, nothing is asked and the answer is "unavailable", at once.
#include "common/keyringsession.h"
#include "services/access/databasekey.h"
#include "services/access/keychain.h"

#include <QElapsedTimer>
#include <QTest>

class TestKeychain : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void storesReadsReplacesAndRemoves();
    void entriesAreSeparate();
    void offSwitchAndNoBusAskNothing();

private:
    std::unique_ptr<TestSupport::KeyringSession> m_keyring;
};

void TestKeychain::initTestCase()
{
    m_keyring = std::make_unique<TestSupport::KeyringSession>();
    QVERIFY2(m_keyring->isStarted(), qPrintable(m_keyring->error()));
    const QString notReady = m_keyring->useInThisProcess();
    QVERIFY2(notReady.isEmpty(), qPrintable(notReady));
    QVERIFY(Keychain::isEnabled());
    QCOMPARE(Keychain::read(QStringLiteral("probe")).status, Keychain::Status::NotFound);
}

void TestKeychain::storesReadsReplacesAndRemoves()
{
    const QString entry = QStringLiteral("database-key:/clinic/clinicdesk.sqlite");
    const QByteArray key = DatabaseKey::generate();
    const Keychain::Result written = Keychain::write(entry, key);
    QVERIFY2(written.ok(), qPrintable(written.error));
    Keychain::Result read = Keychain::read(entry);
    QVERIFY2(read.ok(), qPrintable(read.error));
    QCOMPARE(read.value, key);

    const QByteArray next = DatabaseKey::generate();
    QVERIFY(next != key);
    QVERIFY(Keychain::write(entry, next).ok());
    QCOMPARE(Keychain::read(entry).value, next);

    QVERIFY(Keychain::remove(entry).ok());
    QCOMPARE(Keychain::read(entry).status, Keychain::Status::NotFound);
    QVERIFY(Keychain::remove(entry).ok()); // already gone: fine
}

void TestKeychain::entriesAreSeparate()
{
    const QByteArray first = DatabaseKey::generate();
    const QByteArray second = DatabaseKey::generate();
    QVERIFY(Keychain::write(QStringLiteral("database-key:/a.sqlite"), first).ok());
    QVERIFY(Keychain::write(QStringLiteral("database-key:/b.sqlite"), second).ok());
    QCOMPARE(Keychain::read(QStringLiteral("database-key:/a.sqlite")).value, first);
    QCOMPARE(Keychain::read(QStringLiteral("database-key:/b.sqlite")).value, second);
    QVERIFY(Keychain::remove(QStringLiteral("database-key:/a.sqlite")).ok());
    QCOMPARE(Keychain::read(QStringLiteral("database-key:/b.sqlite")).value, second);
}

void TestKeychain::offSwitchAndNoBusAskNothing()
{
    const QString entry = QStringLiteral("database-key:/kept.sqlite");
    QVERIFY(Keychain::write(entry, DatabaseKey::generate()).ok());

    qputenv("CLINICDESK_KEYCHAIN", "off");
    QVERIFY(!Keychain::isEnabled());
    QElapsedTimer timer;
    timer.start();
    const Keychain::Result off = Keychain::read(entry);
    QCOMPARE(off.status, Keychain::Status::Unavailable);
    QVERIFY(off.value.isEmpty());
    QVERIFY(!off.error.isEmpty());
    QCOMPARE(Keychain::write(entry, "x").status, Keychain::Status::Unavailable);
    qunsetenv("CLINICDESK_KEYCHAIN");

    qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    QVERIFY(!Keychain::isEnabled());
    QCOMPARE(Keychain::read(entry).status, Keychain::Status::Unavailable);
    QVERIFY(timer.elapsed() < Keychain::timeoutMs); // answered, not timed out
    qputenv("DBUS_SESSION_BUS_ADDRESS", m_keyring->address().toUtf8());
    // Still there, untouched by the refused write.
    QVERIFY(DatabaseKey::isKeyHex(Keychain::read(entry).value));
}

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"

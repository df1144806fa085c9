// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/access/keychain.h"

#include <QDir>
#include <QElapsedTimer>
#include <QTest>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>

namespace TestSupport {

/*!
  A private keychain for one test: its own D-Bus session bus (dbus-daemon) and a GNOME Keyring
  Secret Service on it, unlocked, in a temporary home, stopped with the object. Nothing touches
  the user's own session or keyring. The keychain is used by pointing DBUS_SESSION_BUS_ADDRESS at
  address() (in this process before its first keychain call, or in a child's environment).
 */
class KeyringSession
{
public:
    KeyringSession()
    {
        if (!m_home.isValid()) {
            m_error = QStringLiteral("no temporary folder");
            return;
        }
        QDir(m_home.path()).mkpath(QStringLiteral("run"));
        QFile::setPermissions(m_home.filePath(QStringLiteral("run")),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                  QFileDevice::ExeOwner);
        m_bus.setProgram(QStringLiteral("dbus-daemon"));
        m_bus.setArguments({QStringLiteral("--session"), QStringLiteral("--nofork"),
                            QStringLiteral("--print-address=1")});
        m_bus.start();
        if (!m_bus.waitForStarted(10000) || !m_bus.waitForReadyRead(10000)) {
            m_error = QStringLiteral("dbus-daemon did not start: ") + m_bus.errorString();
            return;
        }
        m_address = QString::fromUtf8(m_bus.readLine().trimmed());
        if (m_address.isEmpty()) {
            m_error = QStringLiteral("dbus-daemon printed no address");
            return;
        }
        QProcessEnvironment env = environment();
        m_keyring.setProcessEnvironment(env);
        m_keyring.setProgram(QStringLiteral("gnome-keyring-daemon"));
        m_keyring.setArguments({QStringLiteral("--foreground"), QStringLiteral("--unlock"),
                                QStringLiteral("--components=secrets")});
        m_keyring.start();
        if (!m_keyring.waitForStarted(10000)) {
            m_error = QStringLiteral("gnome-keyring-daemon did not start: ") +
                      m_keyring.errorString();
            return;
        }
        m_keyring.write("test keyring password");
        m_keyring.closeWriteChannel();
    }

    ~KeyringSession()
    {
        for (QProcess *process : {&m_keyring, &m_bus}) {
            if (process->state() != QProcess::NotRunning) {
                process->terminate();
                if (!process->waitForFinished(5000)) {
                    process->kill();
                    process->waitForFinished(5000);
                }
            }
        }
    }

    bool isStarted() const { return m_error.isEmpty(); }

    /*!
      Points this process at the keyring and waits until it stores and removes an entry (it
      answers reads a moment before its collection takes writes). Call before this process's
      first keychain call: GLib keeps the first bus it connects to. The last error, or empty.
     */
    QString useInThisProcess(int timeoutMs = 20000)
    {
        qputenv("DBUS_SESSION_BUS_ADDRESS", m_address.toUtf8());
        qunsetenv("CLINICDESK_KEYCHAIN");
        QElapsedTimer waited;
        waited.start();
        Keychain::Result probe;
        while (true) {
            probe = Keychain::write(QStringLiteral("probe"), "ready");
            if (probe.ok() && Keychain::remove(QStringLiteral("probe")).ok())
                return {};
            if (waited.elapsed() > timeoutMs)
                break;
            QTest::qWait(200);
        }
        return probe.error.isEmpty() ? QStringLiteral("the keyring never took an entry")
                                     : probe.error;
    }
    QString error() const { return m_error; }
    QString address() const { return m_address; }
    //! The environment of a program that should use this keychain (and nothing of the user's).
    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), m_address);
        env.insert(QStringLiteral("HOME"), m_home.path());
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_home.filePath(QStringLiteral("run")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        env.remove(QStringLiteral("CLINICDESK_KEYCHAIN"));
        env.remove(QStringLiteral("DISPLAY")); // no prompt can ever appear
        return env;
    }

private:
    QTemporaryDir m_home;
    QProcess m_bus;
    QProcess m_keyring;
    QString m_address;
    QString m_error;
};

} // namespace TestSupport

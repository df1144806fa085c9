// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

/*!
  The operating system's keychain (qtkeychain: the Secret Service of GNOME Keyring or KWallet on
  Linux, the Keychain on macOS, the Credential Store on Windows), under the service name
  "ClinicDesk". Nothing ever falls back to a plaintext file: where no keychain service runs, each
  call says so (Status::Unavailable) and the caller uses its own fallback (the clinic's
  passphrase).

  Calls wait for the answer (at most timeoutMs, in a local event loop): they run at start-up,
  before any window, and in a few administrator actions. On Linux a keychain is only tried when
  the session has a D-Bus bus, so a server or CI run without one is never left waiting for a
  keyring daemon to start or prompt. CLINICDESK_KEYCHAIN=off turns it off.
 */
class Keychain
{
    Q_DECLARE_TR_FUNCTIONS(Keychain)
public:
    enum class Status { Ok, NotFound, Unavailable, Failed };
    struct Result
    {
        Status status = Status::Unavailable;
        QByteArray value; // Ok: the stored bytes
        QString error;    // Failed (and Unavailable): what the keychain said
        bool ok() const { return status == Status::Ok; }
    };

    static constexpr int timeoutMs = 10000;

    //! Whether a keychain may be asked at all here (see above).
    static bool isEnabled();
    static Result read(const QString &entry);
    //! Status Ok once stored.
    static Result write(const QString &entry, const QByteArray &value);
    //! Ok when removed or already absent.
    static Result remove(const QString &entry);
};

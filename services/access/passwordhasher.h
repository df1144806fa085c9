// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

/*!
  Password hashes with Argon2id through libsodium (`crypto_pwhash_str`), at the OWASP Password
  Storage Cheat Sheet's parameters: 19 MiB of memory, 2 passes, 1 lane. The string keeps the
  algorithm, parameters and salt, so stronger parameters later still verify old hashes (and
  `needsRehash` says when to replace one at the next sign-in). Slow on purpose (tens of ms):
  never on the UI thread.
 */
class PasswordHasher
{
public:
    static constexpr unsigned long long opsLimit = 2;
    static constexpr std::size_t memLimit = 19 * 1024 * 1024;

    //! The "$argon2id$…" string; empty only when libsodium cannot run (out of memory).
    static QByteArray hash(const QString &password);
    static bool verify(const QByteArray &hash, const QString &password);
    static bool needsRehash(const QByteArray &hash);
    //! A hash of nothing anyone knows: verified against when the user does not exist, so that a
    //! wrong name takes as long as a wrong password.
    static const QByteArray &decoy();
};

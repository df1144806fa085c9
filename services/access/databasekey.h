// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

/*!
  Where a database's 256-bit key is kept, and how it is read back.

  - A **key file** (training, and a hub told to use one): the key as 64 hex digits in an
    owner-only file. The training data is fake; this keeps it encrypted like a clinic's without
    asking anyone for anything.
  - A **wrapped key** (a clinic's desk or hub; where a keychain service runs the desk also keeps
    the key there, and the wrapped file is the way back when the keychain is lost): a random key,
    encrypted (XChaCha20-Poly1305) with a key derived from the clinic's passphrase by Argon2id.
    The file says which parameters were used, so they can grow without breaking old files.
    Changing the passphrase rewraps the same key; the database is not rewritten.

  Keys travel as 64 hex digits (what SqliteDriver takes). Every failure is a translated
  sentence naming the file and what is wrong with it.
 */
class DatabaseKey
{
public:
    struct Result
    {
        QByteArray keyHex; // 64 hex digits; empty on failure
        QString error;
        bool created = false; // a new key was made (and the file written)
        bool fromKeychain = false; // read from the OS keychain, not unwrapped
        bool ok() const { return error.isEmpty() && !keyHex.isEmpty(); }
    };

    //! A fresh random key, 64 hex digits.
    static QByteArray generate();
    //! Whether `text` is a key as keys travel: 64 hexadecimal digits.
    static bool isKeyHex(const QByteArray &text);

    //! Reads the key file at `path`; when it does not exist, makes a new key and writes it
    //! (owner-only). A file others may read is refused, as is one that is not a key.
    static Result loadOrCreateKeyFile(const QString &path);
    //! Reads an existing key file (a hub's); never creates one.
    static Result readKeyFile(const QString &path);

    //! Unwraps the key in `path` with `passphrase`; when the file does not exist, makes a new key
    //! and wraps it with the passphrase (which must then be at least minimumPassphraseLength).
    static Result loadOrCreateWrapped(const QString &path, const QString &passphrase);
    //! Unwraps only. A wrong passphrase is told apart from a damaged file.
    static Result unwrap(const QString &path, const QString &passphrase);
    //! Wraps `keyHex` with `passphrase` into `path`, replacing it atomically. Empty on success.
    static QString wrap(const QString &path, const QByteArray &keyHex, const QString &passphrase);

    //! The shortest passphrase accepted for a new wrapped key.
    static constexpr int minimumPassphraseLength = 12;
};

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <functional>

/*!
  Turns a plaintext database (one written before ClinicDesk encrypted its store) into an
  encrypted one in place, and re-encrypts one under a new key.

  encryptInPlace():
   1. quick_check and the row count of every table, on the plaintext file;
   2. leaves WAL mode (SQLite3 Multiple Ciphers cannot encrypt a WAL database) after folding the
      WAL into the file;
   3. a backup copy beside it, compared byte for byte with the original;
   4. PRAGMA rekey: one transaction, so a crash leaves the plaintext file as it was;
   5. reopens with the key: quick_check, and every table must hold the rows it held;
   6. back to WAL; the backup is overwritten and removed. When any step fails the backup is put
      back, and the error says which step.
  Runs on a worker thread (it is SQL), with connections of its own; nothing else may have the
  file open.
 */
class DatabaseEncryption
{
public:
    enum class FileState { Missing, Plaintext, Encrypted };
    //! From the file's first bytes: a plaintext SQLite file starts "SQLite format 3"; an empty
    //! or absent file is Missing.
    static FileState stateOf(const QString &path);

    struct Result
    {
        QString error; // translated; empty on success
        int tables = 0;
        qint64 rows = 0; // rows in every table, the same before and after
        bool ok() const { return error.isEmpty(); }
    };
    using Progress = std::function<void(int done, int total)>;

    static Result encryptInPlace(const QString &path, const QByteArray &keyHex,
                                 const Progress &progress = {});
    //! Re-encrypts the database under `newKeyHex`; the rows are counted before and after.
    static Result changeKey(const QString &path, const QByteArray &oldKeyHex,
                            const QByteArray &newKeyHex);
    //! The backup copy encryptInPlace() keeps while it works.
    static QString backupPath(const QString &path);
    //! Overwrites and removes that copy (left behind when encryption was interrupted after the
    //! database itself was encrypted).
    static void removeBackup(const QString &path);
};

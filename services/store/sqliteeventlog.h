// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/store/hubstorebackend.h"

//! The hub's event log in one SQLite file: WAL, synchronous=FULL (a commit is on disk before the
//! webhook is answered), owner-only permissions. Its own schema, told apart from a desk's
//! database by PRAGMA application_id.
class SqliteEventLog final : public HubStoreBackend
{
public:
    //! `keyHex` (64 hex digits) encrypts the file; an existing unencrypted one is encrypted in
    //! place first (DatabaseEncryption). Empty: plaintext (tests of the log alone).
    SqliteEventLog(QString path, QString connectionName, QByteArray keyHex = {});
    QString describe() const override;
    bool isPostgres() const override { return false; }

protected:
    bool connectDatabase(QString *error) override;
    bool checkSchema(QSqlDatabase &db, QString *error) override;
    QStringList schemaStatements() const override;
    bool finishSchema(QSqlDatabase &db, QString *error) override;
    bool begin(QSqlDatabase &db, QString *error) override;
    QString lockCounterStatement() const override;
    QString greatestFunction() const override { return QStringLiteral("max"); }

private:
    void restrictFiles() const;

    QString m_path;
    QByteArray m_keyHex;
};

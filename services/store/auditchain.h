// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/store/storeerror.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QSqlDatabase>
#include <QString>

//! What checking the audit trail found: how many rows hold, and the first that does not.
struct AuditCheck
{
    qint64 rows = 0;        // rows checked (up to the first broken one)
    qint64 brokenRow = 0;   // 0: the whole chain holds
    QString problem;        // translated: what is wrong with that row
    QByteArray lastHash;    // the chain's head (hex): what a later check must still find
    QDateTime firstAt;      // UTC, the oldest row
    QDateTime lastAt;       // UTC, the newest row
    bool ok() const { return brokenRow == 0; }
};

/*!
  The audit trail as a hash chain: every row carries the SHA-256 of the row before it
  (`prev_hash`, 64 zeros for the first) and of itself (`row_hash`: the previous hash with the
  row's id, time, user, action, entity and entity id, each length-prefixed so that no two rows
  read alike). Editing a row by hand breaks its own hash; deleting or moving one breaks the
  next row's link; a row added with made-up hashes breaks at that row.

  Deleting the newest rows leaves a shorter chain that still holds: compare the head
  (`lastHash`, printed by `clinicdesk audit verify`) with one noted earlier.
 */
class AuditChain
{
    Q_DECLARE_TR_FUNCTIONS(AuditChain)
public:
    static QByteArray genesis(); // the first row's prev_hash
    //! The row's hash (hex), from the previous row's hash and the row as stored.
    static QByteArray rowHash(const QByteArray &prevHash, qint64 id, const QString &at,
                              const QString &user, const QString &action, const QString &entity,
                              qint64 entityId);

    explicit AuditChain(QString connectionName)
        : m_connection(std::move(connectionName))
    {
    }

    //! Walks the whole trail in id order; an error only when it cannot be read at all.
    StoreResult<AuditCheck> verify() const;

    //! For the upgrade to the chain (migration 12, in its transaction): hashes the rows written
    //! before it, oldest first. An empty string on success, else SQLite's words.
    static QString chainUnhashedRows(QSqlDatabase &db);

private:
    QString m_connection;
};

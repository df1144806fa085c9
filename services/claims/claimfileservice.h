// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/claim.h"
#include "services/store/storeerror.h"

#include <QDate>
#include <QFuture>
#include <QObject>
#include <QStringList>

class Store;

//! What importing an 835 did, claim by claim.
struct RemittanceImportResult
{
    int read = 0;       // remittances (CLP loops) read from the file
    int applied = 0;    // matched to one of our claims and stored with it
    int unmatched = 0;  // no claim of ours: kept unattached, so nothing is lost
    int unbalanced = 0; // billed − paid ≠ the adjustments (stored, flagged)
    QStringList lines;  // one per remittance, for the biller or the terminal
    QStringList warnings; // the file's own problems (counts, unknown segments), in words
    QList<Claim> changed; // our claims whose status or figures changed
};

//! What an 837P export wrote.
struct Claim837ExportResult
{
    QString path;
    int claims = 0;
    int segments = 0;
    QStringList claimNumbers;
};

/*!
  The files billers exchange with payers and clearinghouses: 835 remittance advice read in
  (each remittance matched to our claim by our claim number or the payor's, applied through the
  same status rules as the payor's own replies, and kept even when it matches nothing), and
  claims written out as an 005010X222A1 837P. Both are audited; files written hold PHI and are
  owner-only.
 */
class ClaimFileService : public QObject
{
    Q_OBJECT
public:
    ClaimFileService(Store *store, QString user, bool production, QObject *parent = nullptr);

    //! Largest 835 read (payers' daily files are far smaller; a larger file is refused).
    static constexpr qint64 maxRemittanceFileBytes = qint64(256) * 1024 * 1024;

    QFuture<StoreResult<RemittanceImportResult>> importRemittance(const QString &path);
    //! The claims with `ids`, or when none are given those with a date of service in
    //! [from, to], as one 837P interchange at `path`.
    QFuture<StoreResult<Claim837ExportResult>> export837(const QList<qint64> &ids,
                                                          const QDate &from, const QDate &to,
                                                          const QString &path);

Q_SIGNALS:
    //! An import changed this claim (emitted once per claim, in this object's thread).
    void claimChanged(const Claim &claim);

private:
    Store *m_store;
    QString m_user;
    bool m_production;
};

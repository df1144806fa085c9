// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QString>
#include <QStringList>
#include <QTextStream>

class DeskContext;
struct Claim;

/*!
  The headless claim commands: `claim submit`, `claims list|sync|export-837`, `remit import`.
  The same services as the window; one line per claim (number, patient, payer, date of
  service, amounts, status). Exit status 1 when any claim ended rejected, denied or in error
  (or the database or a file failed), 2 on bad arguments.
 */
class ClaimCommands
{
public:
    ClaimCommands(DeskContext *context, QTextStream &out, QTextStream &err)
        : m_context(context)
        , m_out(out)
        , m_err(err)
    {
    }

    struct SubmitArguments
    {
        QString patient;
        QStringList diagnoses;
        QStringList lines;
        QDate dateOfService; // today when null
        bool wait = false;   // until the payor decides (paid, denied, …), not only answers
        int waitSeconds = 300;
        QString overrideReason; // coverage not verified active, sent anyway because…
    };
    int submit(const SubmitArguments &arguments);
    /*!
      The claims with a status in `statuses` (keys, "open" for every open one; all when empty)
      and a date of service on or after `since` (any when null), most recently updated first;
      with `csvPath`, also the same list as CSV.
     */
    int list(const QStringList &statuses, const QDate &since, const QString &csvPath);
    int sync();
    int export837(const QDate &since, const QString &path);
    int importRemittance(const QString &path);

    //! "CLM…  Smith, Jane  BlueCross BlueShield  2026-11-24  billed $125.00  paid $80.00
    //! patient $20.00  Paid"
    static QString claimLine(const Claim &claim);

private:
    //! Waits until the claim is answered (or, with `decided`, no longer open); its last state.
    std::optional<Claim> waitFor(qint64 claimId, bool decided, int seconds);
    void printRemittance(qint64 claimId);

    DeskContext *m_context;
    QTextStream &m_out;
    QTextStream &m_err;
};

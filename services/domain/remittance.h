// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

/*!
  Why a dollar was not paid: a group (CO contractual obligation, PR patient responsibility,
  OA other adjustment, PI payer initiated) and a Claim Adjustment Reason Code, as an 835's CAS
  segment or the payor's remittance JSON gives them.
 */
struct RemittanceAdjustment
{
    QString group;  // "CO", "PR", "OA", "PI"
    QString reason; // CARC, e.g. "45"
    qint64 amountCents = 0;
    bool operator==(const RemittanceAdjustment &) const = default;
};

struct RemittanceLine
{
    QString procedureCode;
    QStringList modifiers;
    int units = 1;
    qint64 billedCents = 0;
    qint64 allowedCents = 0; // AMT*B6 when sent; billed − CO/PI/OA adjustments otherwise
    qint64 paidCents = 0;
    QList<RemittanceAdjustment> adjustments;
    QStringList remarks; // RARCs, e.g. "N130"
    bool operator==(const RemittanceLine &) const = default;
};

/*!
  The payor's answer about the money of one claim: from its JSON (payment_details and lines)
  or from one CLP loop of an 835.
 */
struct Remittance
{
    QString claimNumber;  // ours: CLP01
    QString payerClaimId; // the payor's: CLP07
    QString statusCode;   // CLP02: 1 processed as primary, 4 denied, 22 reversal, …
    qint64 billedCents = 0;
    qint64 paidCents = 0;
    qint64 patientResponsibilityCents = 0;
    QList<RemittanceAdjustment> claimAdjustments; // CAS at claim level
    QList<RemittanceLine> lines;
    QStringList remarks; // claim-level RARCs (MOA/MIA)
    QDate paymentDate;   // BPR16
    QString checkNumber; // TRN02
    QString payerName;   // N1*PR
    QString source;      // "payor", or the 835 file's name

    /*!
      Checks the arithmetic a remittance must satisfy: for each line billed − paid = Σ its
      adjustments, and for the claim billed − paid = Σ claim and line adjustments. On failure
      `why` names the line and the amounts.
     */
    bool balances(QString *why = nullptr) const;
    //! Σ PR adjustments (what the patient owes), claim and lines.
    qint64 patientAdjustmentsCents() const;
    bool operator==(const Remittance &) const = default;
};

//! A remittance as stored, with the check of its arithmetic.
struct StoredRemittance
{
    qint64 id = 0;
    qint64 claimId = 0; // 0 when no claim of ours matched
    Remittance remittance;
    bool balanced = true;
    QString balanceError;
    QDateTime receivedAt;
};

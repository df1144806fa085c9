// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/claim.h"
#include "services/domain/patient.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

//! Who sends the 837P to whom, and the numbers that identify it. Control numbers are the
//! caller's to keep unique (a clearinghouse refuses a repeated ISA13).
struct Claim837Options
{
    QString senderId = QStringLiteral("CLINICDESK");      // ISA06, GS02
    QString receiverId = QStringLiteral("CLEARINGHOUSE"); // ISA08, GS03
    int interchangeControlNumber = 1;                     // ISA13 / IEA02
    int groupControlNumber = 1;                           // GS06 / GE02
    int transactionControlNumber = 1;                     // ST02 / SE02
    bool production = false;                              // ISA15 P or T
    QDateTime createdAt;                                  // now when invalid
    QString reference; // BHT03; the transaction control number when empty

    // 1000A submitter and 1000B receiver.
    QString submitterName = QStringLiteral("ClinicDesk");
    QString submitterId = QStringLiteral("CLINICDESK"); // NM109 (46, ETIN)
    QString contactName = QStringLiteral("Billing Office");
    QString contactPhone = QStringLiteral("5415550100"); // PER04, digits
    QString receiverName = QStringLiteral("Clearinghouse");
    QString receiverEtin = QStringLiteral("CLEARINGHOUSE"); // NM109 of 1000B

    // 2010AA: the billing provider's address and tax id (its name and NPI come with each
    // claim). The TR3 needs a street address with a nine-digit ZIP and REF*EI.
    Address billingAddress{QStringLiteral("400 Main Street"),
                           {},
                           QStringLiteral("Springfield"),
                           QStringLiteral("OR"),
                           QStringLiteral("974770000")};
    QString billingTaxId = QStringLiteral("931234567");
    QString billingTaxonomy; // PRV*BI when set

    //! Payer ids (2010BB NM109) by insurance ID; the insurance ID itself when not listed.
    QHash<QString, QString> payerIds;
    //! Subscribers' addresses (2010BA N3/N4) by patient id, when known.
    QHash<qint64, Address> patientAddresses;
    QString claimFilingCode = QStringLiteral("CI"); // SBR09: commercial insurance
    QString acceptAssignment = QStringLiteral("A"); // CLM07
    QString benefitsAssigned = QStringLiteral("Y"); // CLM08
};

struct Claim837WriteResult
{
    QByteArray data;  // the interchange; empty on error
    QString error;    // names the claim and what is missing
    int segments = 0; // in the transaction, ST and SE included (SE01)
    bool ok() const { return error.isEmpty(); }
};

/*!
  Writes claims as one X12 005010X222A1 837P interchange: ISA/GS/ST, BHT, submitter (1000A)
  and receiver (1000B); per billing provider a 2000A/2010AA; per claim a subscriber level
  2000B/2010BA (the patient is the subscriber) with the payer 2010BB, the claim 2300 (CLM with
  place of service and frequency, REF*F8 with the payer's claim number for a replacement or
  void, HI with ABK then ABF), the rendering provider 2310B when it is not the billing one, and
  2400 lines (LX, SV1, DTP*472, REF*6R). Trailer counts and control numbers are computed.
 */
class Claim837Writer
{
public:
    static constexpr int maxDiagnoses = 12;
    static constexpr int maxLines = 50;
    static constexpr int maxModifiers = 4;
    static constexpr int maxPointers = 4;

    static Claim837WriteResult write(const QList<Claim> &claims, const Claim837Options &options);
    //! REF*6R of a line: the claim number and the line's 1-based number, so that an 835's
    //! service line can be traced to it.
    static QString lineControlNumber(const Claim &claim, int line);
};

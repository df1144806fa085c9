// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/patient.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

/*!
  Where a claim stands. Kept this fine because a biller acts differently on each: a rejected
  claim is fixed and sent again as a new claim (there is nothing to appeal), a denied one is
  corrected, appealed or written off, a pended one is waited on.
 */
enum class ClaimStatus {
    Draft,         //!< being written; nothing checked or sent
    Queued,        //!< valid and in the local outbox, not yet sent
    Submitted,     //!< sent; the payor has not answered yet
    Accepted,      //!< the payor acknowledged it and gave its own claim number
    Rejected,      //!< refused before adjudication (bad data); fix and send a new claim
    Pended,        //!< the payor needs time or information
    Paid,          //!< paid in full (patient responsibility may remain)
    PartiallyPaid, //!< some lines paid, some denied or reduced
    Denied,        //!< adjudicated, nothing paid
    Corrected,     //!< replaced by a corrected claim (frequency 7)
    Voided,        //!< cancelled at the payor (frequency 8)
    Appealed,      //!< a denial being appealed
    Closed,        //!< written off or the patient balance settled
    Error,         //!< could not be delivered; needs a person (Retry)
};

//! "draft", "queued", …, "partially_paid" (the payor's and the database's spelling).
QString claimStatusKey(ClaimStatus status);
std::optional<ClaimStatus> claimStatusFromKey(const QString &key);
//! Translated, for screens: "Partially paid".
QString claimStatusName(ClaimStatus status);
QList<ClaimStatus> allClaimStatuses();
/*!
  How far along the payor's answer is, so that a late or repeated update never moves a claim
  backwards: submitted < accepted/pended < paid/partially paid/denied. Our own follow-ups
  (corrected, voided, appealed, closed) rank above them all. Draft, queued, error and rejected
  rank by where they can happen.
 */
int claimStatusRank(ClaimStatus status);
//! True for claims still waiting on the payor (what Sync asks about).
bool claimStatusIsOpen(ClaimStatus status);

enum class ClaimPriority { Low, Medium, High, Urgent };
QString claimPriorityKey(ClaimPriority priority); // "low" … "urgent"
std::optional<ClaimPriority> claimPriorityFromKey(const QString &key);
QString claimPriorityName(ClaimPriority priority); // translated

//! CLM05-3: an original claim, its replacement, or a void of an earlier one.
enum class ClaimFrequency { Original = 1, Replacement = 7, Void = 8 };

//! Where a change of a claim came from (each timeline entry names one).
enum class ClaimEventSource { Submission, PayorReply, Webhook, Sync, Remittance, Person };
QString claimEventSourceKey(ClaimEventSource source); // "submission", "payor", "webhook", …
std::optional<ClaimEventSource> claimEventSourceFromKey(const QString &key);
QString claimEventSourceName(ClaimEventSource source); // translated

struct ClaimProvider
{
    QString name;
    QString npi;
    bool operator==(const ClaimProvider &) const = default;
};

//! One ICD-10-CM diagnosis; lines point at it by its 1-based position in the claim.
struct ClaimDiagnosis
{
    QString code; // stored without the dot, e.g. "J209"; shown as "J20.9"
    QString description;
    bool operator==(const ClaimDiagnosis &) const = default;
};

struct ServiceLine
{
    QString procedureCode; // CPT (99213, 0001F) or HCPCS Level II (J1100)
    QStringList modifiers; // up to four, two characters each
    int units = 1;
    qint64 chargeCents = 0; // for all the units together
    QList<int> diagnosisPointers; // 1-based, up to four
    QString description;
    bool operator==(const ServiceLine &) const = default;
};

/*!
  A professional claim (what an 837P carries). Money is in integer cents everywhere.
  `claimNumber` is ours (CLM01, which comes back in an 835's CLP01); `payerClaimId` is the
  payor's (its claim_id, CLP07, REF*F8 of a replacement or void).
 */
struct Claim
{
    qint64 id = 0;
    QString claimNumber;
    qint64 patientId = 0;
    QString patientName; // "Last, First", as on the claim
    QDate patientDateOfBirth;
    Gender patientGender = Gender::Unknown;
    qint64 coverageId = 0;
    QString insuranceId; // routes the claim to a payor ("INS001")
    QString payerName;
    QString memberId;
    ClaimProvider billingProvider;
    ClaimProvider renderingProvider;
    QString placeOfService = QStringLiteral("11"); // CMS place-of-service code (11 office)
    QDate dateOfService;
    ClaimPriority priority = ClaimPriority::Medium;
    QString notes;
    QList<ClaimDiagnosis> diagnoses; // 1–12
    QList<ServiceLine> lines;        // 1–50

    ClaimStatus status = ClaimStatus::Draft;
    ClaimFrequency frequency = ClaimFrequency::Original;
    qint64 replacesClaimId = 0; // our claim this one corrects or voids
    QString payerClaimId;
    QString payerMessage;             // the payor's latest words about it
    qint64 allowedCents = 0;          // known once adjudicated
    qint64 paidCents = 0;
    qint64 patientResponsibilityCents = 0;
    QDate expectedPaymentDate;
    //! Coverage not verified active for the date of service, submitted anyway: who and why.
    QString coverageOverrideBy;
    QString coverageOverrideReason;
    qint64 appointmentId = 0; // the visit it was made from, when it was
    QDateTime createdAt;
    QDateTime statusChangedAt;
    QDateTime updatedAt;

    qint64 totalChargeCents() const;
    bool operator==(const Claim &) const = default;
};

//! One change in a claim's life, as the detail screen lists it.
struct ClaimTimelineEntry
{
    QDateTime at; // when it happened at its source (the payor's time for payor updates)
    ClaimStatus status = ClaimStatus::Draft;
    ClaimEventSource source = ClaimEventSource::Person;
    QString message;
    QString actor; // a user, "payor", a device
    bool operator==(const ClaimTimelineEntry &) const = default;
};

//! "$1,234.56" from cents (US format whatever the locale: amounts are dollars).
QString formatCents(qint64 cents);
//! "1234.56", "1,234.56", "$12", "12.5" → cents; nothing when it is not an amount.
std::optional<qint64> parseCents(const QString &text);
//! "J209" → "J20.9"; codes of three characters or fewer are returned as they are.
QString icd10Display(const QString &code);
//! "J20.9" → "J209" (upper case, no dot or spaces).
QString icd10Stored(const QString &code);

//! What a biller may do with a claim; the detail screen offers the ones that fit its status.
enum class ClaimAction {
    Edit,       //!< a draft: open it in the form
    Submit,     //!< a draft: validate and queue it
    Retry,      //!< in error: back to the outbox with its key
    Correct,    //!< a new claim replacing it (frequency 7), or, when rejected, sent again as new
    Void,       //!< cancel it at the payor (frequency 8)
    Appeal,     //!< a denial or reduction disputed, with a note
    WriteOff,   //!< close it: written off or the patient balance settled
};
QList<ClaimAction> claimActions(const Claim &claim);
/*!
  The starting point of a replacement (frequency 7) or void (frequency 8) of `original`: the
  same content, a new draft pointing at the original. A rejected claim never reached
  adjudication, so its correction goes out as a new original claim.
 */
Claim claimFollowing(const Claim &original, ClaimFrequency frequency);

//! An insurance ID and the payor it routes to.
struct PayorMapping
{
    QString insuranceId;
    QString payorName;
    QString source; // default, local (an administrator), payor (synced)
    bool operator==(const PayorMapping &) const = default;
};

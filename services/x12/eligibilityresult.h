// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

//! A DTP segment of a 271: qualifier (346 plan begin, 347 plan end, 356/357 eligibility
//! begin/end, 291 plan period, 307 eligibility, 290 COB, ...) with a date or a range (RD8).
struct EligibilityDate
{
    QString qualifier;
    QDate from;
    QDate to; // equals from for a single date (D8)
    bool operator==(const EligibilityDate &) const = default;
};

//! One AAA segment: a request validation failure at some loop.
struct AaaRejection
{
    QString loop;              // "2000A", "2100A", "2100B", "2100C", "2110C", "2100D", "2110D"
    bool validRequest = false; // AAA01
    QString code;              // AAA03 reject reason, e.g. "72"
    QString followUp;          // AAA04 follow-up action, e.g. "C"

    //! Plain-language reason for a clerk ("The member ID is invalid or missing.").
    QString reason() const;
    //! What the clerk should do about it ("Check the member ID on the card ...").
    QString whatToFix() const;
    //! Plain-language AAA04 ("Correct and resubmit.").
    QString followUpText() const;
    //! True when resending the same request later may succeed (AAA 42, 80).
    bool isTransient() const;
    bool operator==(const AaaRejection &) const = default;
};

//! A 2120C/2120D related entity (LS*2120 ... LE*2120): other payer, PCP, plan sponsor.
struct RelatedEntity
{
    QString
        entityCode; // NM101: PR payer, PRP primary payer, SEP secondary, TTP tertiary, P3 PCP ...
    QString name;   // NM103 (organisation or last name) [+ NM104 first name]
    QString firstName;            // NM104
    QString idQualifier;          // NM108: PI, XV, XX, FI ...
    QString id;                   // NM109
    QString benefitCode;          // EB01 of the owning benefit (R other payer, L PCP ...)
    QStringList serviceTypes;     // EB03 of the owning benefit
    QString phone;                // PER ... TE
    QString address;              // N3/N4 joined on one line
    QString policyNumber;         // REF*IG (insurance policy) or REF*18 / 1L
    QString groupNumber;          // REF*6P
    QList<EligibilityDate> dates; // DTP 290 COB begin, ...

    //! "Another payer is primary" style description for the status panel.
    QString roleText() const;
    bool operator==(const RelatedEntity &) const = default;
};

//! One EB segment (2110C/2110D) with what follows it: DTP, MSG, AAA, 2120 entities.
struct BenefitInfo
{
    QString code;          // EB01: 1 active, 6 inactive, A coins, B copay, C deductible, G OOP ...
    QString coverageLevel; // EB02: IND, FAM, ...
    QStringList serviceTypes;             // EB03 repetitions, e.g. {"30"} or {"98","UC"}
    QString insuranceType;                // EB04: PR, HM, C1 ...
    QString planDescription;              // EB05
    QString timePeriod;                   // EB06: 23 calendar year, 29 remaining, 27 visit ...
    std::optional<qint64> amountCents;    // EB07 in cents
    std::optional<double> percent;        // EB08 as a fraction: 0.2 == 20 %
    QString quantityQualifier;            // EB09
    std::optional<double> quantity;       // EB10
    QString authorizationRequired;        // EB11: Y, N, U or empty
    QString network;                      // EB12: Y in, N out, W both, U unknown, empty
    QString procedure;                    // EB13 as sent, components joined by ':' e.g. "HC:70551"
    QList<EligibilityDate> dates;         // DTP in 2110
    QStringList messages;                 // MSG01 texts
    QList<RelatedEntity> relatedEntities; // 2120 loops under this EB

    bool isInNetwork() const { return network == QLatin1String("Y"); }
    bool isOutOfNetwork() const { return network == QLatin1String("N"); }
    bool appliesTo(const QString &serviceType) const { return serviceTypes.contains(serviceType); }
    bool operator==(const BenefitInfo &) const = default;
};

//! Demographics as the payer returned them (2100C / 2100D).
struct PersonInfo
{
    QString lastName;     // NM103
    QString firstName;    // NM104
    QString middleName;   // NM105
    QString suffix;       // NM107
    QString memberId;     // NM109 (MI)
    QDate dateOfBirth;    // DMG02
    QString gender;       // DMG03: F, M, U
    QString addressLine;  // N301
    QString city;         // N401
    QString state;        // N402
    QString zip;          // N403
    QString relationship; // INS02 in 2100D (19 child, 01 spouse ...), "18" for the subscriber
    //! REF*Q4 (prior identifier): the member ID we sent, when the payer answers with a corrected
    //! one in NM109. Lets an answer be matched to its question. Last, so that brace
    //! initialisers written before it still compile.
    QString priorMemberId;
    bool isEmpty() const { return lastName.isEmpty() && firstName.isEmpty() && memberId.isEmpty(); }
    bool operator==(const PersonInfo &) const = default;
};

//! The coverage answer for one subscriber (or dependent) of a 271.
struct EligibilityResult
{
    enum class Status { Unknown, Active, Inactive, Rejected };

    QString traceNumber;                 // TRN02 echoed from the 270 (the TRN with TRN01 = 2)
    QString payerName;                   // 2100A NM103
    QString payerId;                     // 2100A NM109
    QString providerName;                // 2100B NM103
    QString providerNpi;                 // 2100B NM109 (XX)
    PersonInfo subscriber;               // 2100C
    std::optional<PersonInfo> dependent; // 2100D when the patient is a dependent

    Status status = Status::Unknown; // from the EB01 1-5 / 6-8, or Rejected when AAA and no EB
    QString planName;                // EB05 of the active EB, else REF*18 REF03
    QString planNumber;              // REF*18 REF02
    QString groupNumber;             // REF*6P (or 1L) REF02
    QString groupName;               // REF*6P REF03
    QString insuranceType;           // EB04 of the active EB (PR, HM ...)
    QList<EligibilityDate> dates;    // 2100C/2100D DTP

    QList<BenefitInfo> benefits;
    QList<AaaRejection> rejections;   // every AAA at every loop, in order
    QList<RelatedEntity> otherPayers; // 2120 entities that are payers (EB*R, NM1 PR/PRP/SEP/TTP)
    QStringList messages;             // every MSG text, in order

    // ---- derived views (no extra state) --------------------------------------------------
    bool isActive() const { return status == Status::Active; }
    bool isRejected() const { return status == Status::Rejected; }
    //! Coverage begin: DTP 346, else 356, else the start of 291/307.
    QDate coverageBegin() const;
    //! Coverage end: DTP 347, else 357, else the end of 291/307 when it is a range.
    QDate coverageEnd() const;
    //! The benefits with the given EB01 code, in document order.
    QList<BenefitInfo> benefitsWithCode(const QString &code) const;
    //! Copay for a service type ("98" office visit, "UC" urgent care ...) and network
    //! ("Y" in, "N" out; in-network also matches W and empty).
    std::optional<qint64> copayCents(const QString &serviceType,
                                     const QString &network = QStringLiteral("Y")) const;
    //! True when any EB names the service type (or EB13 procedure) with EB11 = Y.
    bool requiresPriorAuthorization(const QString &serviceType) const;
    //! True when the payer says another payer is primary (coordination of benefits).
    bool hasOtherPayers() const { return !otherPayers.isEmpty(); }

    QJsonObject toJson() const;
    static EligibilityResult fromJson(const QJsonObject &json);
    bool operator==(const EligibilityResult &) const = default;
};

QString eligibilityStatusKey(EligibilityResult::Status status);         // "active", "inactive", ...
EligibilityResult::Status eligibilityStatusFromKey(const QString &key); // Unknown if not a key
QString eligibilityStatusText(EligibilityResult::Status status);        // translated for display

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/claim.h"

#include <QDate>
#include <QList>
#include <QString>

#include <functional>

//! One thing wrong with a claim, placed on the field it is about.
struct ClaimIssue
{
    enum class Severity {
        Error,   //!< the claim cannot be queued until it is fixed
        Warning, //!< the biller may queue it anyway
    };

    /*!
      Where the form shows it. One of: `patient`, `insuranceId`, `memberId`,
      `billingProvider.npi`, `renderingProvider.npi`, `placeOfService`, `dateOfService`,
      `coverage`, `diagnoses` (the list as a whole), `diagnoses[i]` (a diagnosis no line points
      at), `diagnoses[i].code`, `lines` (the list as a whole), `lines[i].procedureCode`,
      `lines[i].modifiers`, `lines[i].units`, `lines[i].charge`, `lines[i].diagnosisPointers`,
      `totalCharge`. Indexes are 0-based positions in Claim::diagnoses and Claim::lines (the
      messages count from 1, as billers and pointers do).
     */
    QString field;
    QString message; //!< translated: what is wrong and what is expected
    Severity severity = Severity::Error;
    //! Queueing anyway needs a reason from the biller, which the caller records with the claim.
    bool needsOverrideReason = false;

    bool operator==(const ClaimIssue &) const = default;
};

//! True when any issue blocks queueing.
bool hasErrors(const QList<ClaimIssue> &issues);

/*!
  The checks a claim passes before it may be queued for the payor: codes of the right shape,
  amounts and pointers that add up, a date of service the payor still accepts, an insurance ID
  that routes somewhere, and coverage verified for the date of service. Pure: everything it
  needs from elsewhere (today, the mappings, the eligibility answer) comes in the Context, so
  the form, the service and the headless command validate the same way.
 */
class ClaimValidator
{
public:
    static constexpr int MaxDiagnoses = 12;
    static constexpr int MaxLines = 50;
    static constexpr int MaxPointersPerLine = 4;
    static constexpr int MaxUnits = 999;
    //! A line or claim above this is a typing slip (a missing dot), not a charge.
    static constexpr qint64 MaxChargeCents = qint64(1'000'000) * 100;

    //! What the last eligibility check said about the date of service.
    enum class Coverage { Active, Inactive, NotVerified };

    struct Context
    {
        QDate today; //!< null: QDate::currentDate()
        //! Claims older than this many days (after the date of service) are past timely filing.
        int timelyFilingDays = 365;
        //! Whether an insurance ID is mapped to a payor; unset means none is.
        std::function<bool(const QString &insuranceId)> isInsuranceMapped;
        Coverage coverage = Coverage::NotVerified;
        QString coverageDetail; //!< the eligibility answer in words, quoted in the warning
    };

    explicit ClaimValidator(Context context);

    //! Every issue found, in the order of the form's fields; empty when the claim is clean.
    QList<ClaimIssue> validate(const Claim &claim) const;

    //! The earliest date of service still within timely filing today.
    QDate oldestFileableDate() const;

private:
    void checkHeader(const Claim &claim, QList<ClaimIssue> &issues) const;
    void checkDateOfService(const Claim &claim, QList<ClaimIssue> &issues) const;
    void checkCoverage(QList<ClaimIssue> &issues) const;
    void checkDiagnoses(const Claim &claim, QList<ClaimIssue> &issues) const;
    void checkLines(const Claim &claim, QList<ClaimIssue> &issues) const;

    Context m_context;
};

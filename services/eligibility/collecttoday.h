// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/visitfee.h"
#include "services/x12/eligibilityresult.h"

#include <QList>
#include <QString>

#include <optional>

//! What to ask the patient for at check-in, and how it was worked out.
struct CollectToday
{
    enum class Basis {
        Unknown,        // nothing can be worked out: see the explanation
        Copay,          // the plan's copay for the visit's service type
        Deductible,     // the expected charge goes (at least partly) toward the deductible
        Coinsurance,    // deductible met (or none): the patient's share of the charge
        OutOfPocketMet, // the out-of-pocket maximum is reached: nothing to collect
    };

    Basis basis = Basis::Unknown;
    std::optional<qint64> amountCents; // none when Unknown
    QString visitType;                 // the visit type it was worked out for (may be empty)
    QString serviceType;               // the X12 service type its benefits were read under
    QString explanation;               // how it was worked out, or why it cannot be

    bool isKnown() const { return amountCents.has_value(); }
    //! "$25.00", or "Unknown" when it cannot be worked out.
    QString amountText() const;
    //! "Copay", "Deductible estimate" ... for a short label.
    QString basisText() const;
    bool operator==(const CollectToday &) const = default;
};

/*!
  Works out what to collect at check-in from a 271 and the visit type:

  - the in-network copay for the visit type's service type (else the plan-wide one);
  - with no copay, an estimate from the visit type's expected charge: the patient pays
    min(charge, remaining deductible) plus the coinsurance on the rest of the charge;
  - either capped by what is left of the out-of-pocket maximum, and zero once it is reached;
  - no amount, with the reason, when the 271 does not say enough.

  Visit types are matched to the clinic's fee list without regard to case; one that is not
  listed, or none at all, counts as an office visit (service type 98) at the office visit
  charge. Pure: no database, no clock, no settings of its own.
 */
class CollectTodayCalculator
{
public:
    CollectTodayCalculator(QList<VisitFee> fees = VisitFees::defaults(),
                           qint64 officeVisitCents = VisitFees::defaultOfficeVisitCents);

    //! The fee row for a visit type, or the office visit when not listed.
    VisitFee feeFor(const QString &visitType) const;
    //! True when the visit type has its own row in the fee list.
    bool isListed(const QString &visitType) const;

    CollectToday calculate(const std::optional<EligibilityResult> &result,
                           const QString &visitType) const;

private:
    QList<VisitFee> m_fees;
    qint64 m_officeVisitCents;
};

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

/*!
  What the clinic expects to charge for a visit type, and the X12 service type (EB03) whose
  benefits apply to it: the basis of the "collect today" estimate when the deductible applies.
 */
struct VisitFee
{
    QString visitType;      // as booked on appointments; matched without regard to case
    QString serviceType;    // X12 service type code: "98" office visit, "81" routine physical ...
    qint64 chargeCents = 0; // the expected charge, in cents

    bool operator==(const VisitFee &) const = default;
};

namespace VisitFees {
//! Service type for visits that are not listed, and when the patient has no visit today.
inline QString officeVisitServiceType()
{
    return QStringLiteral("98");
}
//! The fees a new clinic starts with (the visit types the appointment form offers, and more).
QList<VisitFee> defaults();
//! Default expected charge of an office visit (visits not listed), in cents.
constexpr qint64 defaultOfficeVisitCents = 15000;
//! Highest expected charge Settings accepts ($100,000.00).
constexpr qint64 maxChargeCents = 10'000'000;
} // namespace VisitFees

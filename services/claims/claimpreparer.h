// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/claims/claimvalidator.h"
#include "services/domain/claim.h"
#include "services/domain/clinic.h"
#include "services/domain/coverage.h"
#include "services/store/storeerror.h"

#include <QFuture>
#include <QSet>

class Store;

//! What a new claim starts from: the claim filled in from the patient (and the visit), the
//! coverages to choose among, and what the validator needs to know about them.
struct ClaimStart
{
    Claim claim;
    QList<Coverage> coverages; // the patient's active coverages, primary first
};

//! What the validator needs from the database for one claim.
struct ClaimCheckData
{
    QSet<QString> mappedInsuranceIds;
    ClaimValidator::Coverage coverage = ClaimValidator::Coverage::NotVerified;
    QString coverageDetail; // the eligibility answer in words
};

/*!
  Fills in a new claim the way a biller would: the patient's name, birth date and gender, the
  primary coverage (its insurance ID routes the claim), the clinic as billing and rendering
  provider, the visit's date of service; and reads what validating it needs — which insurance
  IDs route to a payor and what the last eligibility answer said about the date of service.
  The form, New Claim from Visit and the headless command all start here.
 */
class ClaimPreparer
{
public:
    ClaimPreparer(Store *store, ClinicInfo clinic);
    //! Who bills: the clinic's name and NPI.
    const ClinicInfo &clinic() const { return m_clinic; }

    QFuture<StoreResult<ClaimStart>> forPatient(qint64 patientId, const QDate &dateOfService) const;
    QFuture<StoreResult<ClaimStart>> forVisit(qint64 appointmentId) const;
    QFuture<StoreResult<ClaimCheckData>> checkData(const Claim &claim) const;

    //! The claim's coverage fields from `coverage` (insurance ID, payer, member ID).
    static void useCoverage(Claim *claim, const Coverage &coverage);
    //! The validator's context from what was read, for `today` and the timely filing limit.
    static ClaimValidator::Context context(const ClaimCheckData &data, int timelyFilingDays,
                                           const QDate &today = {});

private:
    Store *m_store;
    ClinicInfo m_clinic;
};

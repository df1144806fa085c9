// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/claims/claimpreparer.h"

#include "services/store/appointmentrepository.h"
#include "services/store/claimrepository.h"
#include "services/store/coveragerepository.h"
#include "services/store/patientrepository.h"
#include "services/store/store.h"
#include "services/store/verificationrepository.h"

#include <QCoreApplication>

namespace {
StoreResult<ClaimStart> startFor(const QString &connection, const ClinicInfo &clinic,
                                 qint64 patientId, const QDate &dateOfService)
{
    using Result = StoreResult<ClaimStart>;
    const auto patient = PatientRepository(connection).find(patientId);
    if (!patient)
        return Result::failure(patient.error());
    if (!patient->has_value())
        return Result::failure(
            QCoreApplication::translate("ClaimPreparer", "The patient no longer exists."));
    const auto coverages = CoverageRepository(connection).forPatient(patientId);
    if (!coverages)
        return Result::failure(coverages.error());
    ClaimStart start;
    for (const Coverage &coverage : *coverages) {
        if (coverage.active)
            start.coverages.append(coverage);
    }
    std::stable_sort(start.coverages.begin(), start.coverages.end(),
                     [](const Coverage &a, const Coverage &b) { return a.order < b.order; });
    Claim &claim = start.claim;
    const Patient &p = **patient;
    claim.patientId = p.id;
    claim.patientName = p.displayName();
    claim.patientDateOfBirth = p.dateOfBirth;
    claim.patientGender = p.gender;
    if (!start.coverages.isEmpty())
        ClaimPreparer::useCoverage(&claim, start.coverages.first());
    claim.billingProvider = {clinic.name, clinic.npi};
    claim.renderingProvider = {clinic.name, clinic.npi};
    claim.dateOfService = dateOfService;
    return start;
}
} // namespace

ClaimPreparer::ClaimPreparer(Store *store, ClinicInfo clinic)
    : m_store(store)
    , m_clinic(std::move(clinic))
{
}

void ClaimPreparer::useCoverage(Claim *claim, const Coverage &coverage)
{
    claim->coverageId = coverage.id;
    claim->insuranceId = coverage.payerId;
    claim->payerName = coverage.payerName;
    claim->memberId = coverage.memberId;
}

QFuture<StoreResult<ClaimStart>> ClaimPreparer::forPatient(qint64 patientId,
                                                           const QDate &dateOfService) const
{
    const ClinicInfo clinic = m_clinic;
    return m_store->read([=](const QString &connection) {
        return startFor(connection, clinic, patientId, dateOfService);
    });
}

QFuture<StoreResult<ClaimStart>> ClaimPreparer::forVisit(qint64 appointmentId) const
{
    const ClinicInfo clinic = m_clinic;
    return m_store->read([=](const QString &connection) -> StoreResult<ClaimStart> {
        const auto visit = AppointmentRepository(connection).find(appointmentId);
        if (!visit)
            return StoreResult<ClaimStart>::failure(visit.error());
        if (!visit->has_value())
            return StoreResult<ClaimStart>::failure(
                QCoreApplication::translate("ClaimPreparer", "The visit no longer exists."));
        const Appointment &a = **visit;
        const StoreResult<ClaimStart> found =
            startFor(connection, clinic, a.patientId, a.start.toLocalTime().date());
        if (!found)
            return found;
        ClaimStart start = *found;
        start.claim.appointmentId = a.id;
        if (!a.visitType.isEmpty())
            start.claim.notes = a.visitType;
        return start;
    });
}

QFuture<StoreResult<ClaimCheckData>> ClaimPreparer::checkData(const Claim &claim) const
{
    const qint64 coverageId = claim.coverageId;
    const QDate dateOfService = claim.dateOfService;
    return m_store->read([=](const QString &connection) -> StoreResult<ClaimCheckData> {
        using Result = StoreResult<ClaimCheckData>;
        ClaimCheckData data;
        const auto mappings = ClaimRepository(connection).mappings();
        if (!mappings)
            return Result::failure(mappings.error());
        for (const PayorMapping &mapping : *mappings)
            data.mappedInsuranceIds.insert(mapping.insuranceId.trimmed().toUpper());
        if (coverageId <= 0) {
            data.coverageDetail =
                QCoreApplication::translate("ClaimPreparer", "no coverage on file was chosen");
            return data;
        }
        const auto latest = VerificationRepository(connection).latestForCoverage(coverageId);
        if (!latest)
            return Result::failure(latest.error());
        if (!latest->has_value() || !(*latest)->result) {
            data.coverageDetail =
                QCoreApplication::translate("ClaimPreparer", "never verified with the payer");
            return data;
        }
        const Verification &v = **latest;
        const QDate checkedFor = v.serviceDate.isValid()
                                     ? v.serviceDate
                                     : v.completedAt.toLocalTime().date();
        const QString when = checkedFor.toString(Qt::ISODate);
        if (!v.result->isActive()) {
            data.coverage = ClaimValidator::Coverage::Inactive;
            data.coverageDetail =
                QCoreApplication::translate("ClaimPreparer", "inactive when verified for %1")
                    .arg(when);
        } else if (checkedFor == dateOfService) {
            data.coverage = ClaimValidator::Coverage::Active;
            data.coverageDetail =
                QCoreApplication::translate("ClaimPreparer", "active when verified for %1")
                    .arg(when);
        } else {
            data.coverageDetail =
                QCoreApplication::translate("ClaimPreparer",
                                            "last verified for %1, not for the date of service")
                    .arg(when);
        }
        return data;
    });
}

ClaimValidator::Context ClaimPreparer::context(const ClaimCheckData &data, int timelyFilingDays,
                                               const QDate &today)
{
    ClaimValidator::Context context;
    context.today = today;
    context.timelyFilingDays = timelyFilingDays;
    const QSet<QString> mapped = data.mappedInsuranceIds;
    context.isInsuranceMapped = [mapped](const QString &insuranceId) {
        return mapped.contains(insuranceId.trimmed().toUpper());
    };
    context.coverage = data.coverage;
    context.coverageDetail = data.coverageDetail;
    return context;
}

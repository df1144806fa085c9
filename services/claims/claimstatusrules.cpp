// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/claims/claimstatusrules.h"

#include "services/store/sqlvalues.h"

#include <QCoreApplication>

namespace ClaimStatusRules {

QString sentence(const PayorJson::ClaimStatusReport &report)
{
    QString text = report.message;
    if (!report.coverageMessage.isEmpty() && !text.contains(report.coverageMessage))
        text = text.isEmpty() ? report.coverageMessage
                              : text + QStringLiteral(" — ") + report.coverageMessage;
    return text;
}

StoreResult<ClaimStatusOutcome> apply(ClaimRepository &repository,
                                      const PayorJson::ClaimStatusReport &report,
                                      ClaimEventSource source, qint64 claimId)
{
    using Result = StoreResult<ClaimStatusOutcome>;
    if (!report.status) {
        return Result::failure(
            QCoreApplication::translate("ClaimService",
                                        "The payor sent a status this version does not know: "
                                        "\"%1\".")
                .arg(report.statusText));
    }
    StoreResult<std::optional<Claim>> found = std::optional<Claim>();
    if (!report.payerClaimId.isEmpty())
        found = repository.findByPayerClaimId(report.payerClaimId);
    if (found && !found->has_value() && !report.claimNumber.isEmpty()) {
        found = repository.findByNumber(report.claimNumber);
        // Our number with another payor claim id is not our claim (another desk's, or a
        // payor that numbered it twice): nothing is applied to the wrong claim.
        if (found && found->has_value() && !(*found)->payerClaimId.isEmpty() &&
            !report.payerClaimId.isEmpty() && (*found)->payerClaimId != report.payerClaimId)
            found = std::optional<Claim>();
    }
    if (found && !found->has_value() && claimId > 0)
        found = repository.find(claimId);
    if (!found)
        return Result::failure(found.error());
    if (!found->has_value()) {
        return Result::failure(
            QCoreApplication::translate("ClaimService", "The payor's claim %1 is not one of this desk's claims.")
                .arg(report.payerClaimId));
    }
    Claim claim = **found;
    ClaimStatusOutcome outcome;
    outcome.claim = claim;
    const auto heldTime = repository.payorTime(claim.id);
    if (!heldTime)
        return Result::failure(heldTime.error());
    const ClaimStatus next = *report.status;
    if (report.updatedAt.isValid() && heldTime->isValid() &&
        report.updatedAt <= *heldTime) {
        outcome.ignoredWhy = QCoreApplication::translate("ClaimService", "older than the status already held");
        return outcome;
    }
    // An appeal is answered with a new decision (paid, partly paid, denied again).
    const bool appealDecided = claim.status == ClaimStatus::Appealed &&
                               (next == ClaimStatus::Paid || next == ClaimStatus::PartiallyPaid ||
                                next == ClaimStatus::Denied);
    if (claimStatusRank(next) < claimStatusRank(claim.status) && !appealDecided) {
        outcome.ignoredWhy = QCoreApplication::translate("ClaimService", "it would move the claim back from %1 to %2")
                                 .arg(claimStatusName(claim.status),
                                      claimStatusName(next));
        return outcome;
    }
    const QString message = sentence(report);
    const bool sameStatus = next == claim.status;
    Claim updated = claim;
    updated.status = next;
    if (!report.payerClaimId.isEmpty())
        updated.payerClaimId = report.payerClaimId;
    if (!message.isEmpty())
        updated.payerMessage = message;
    if (report.remittance || report.approvedCents || report.patientResponsibilityCents) {
        updated.allowedCents = report.approvedCents + report.patientResponsibilityCents;
        updated.paidCents = report.approvedCents;
        updated.patientResponsibilityCents = report.patientResponsibilityCents;
    }
    if (report.remittance) {
        const qint64 lineAllowed = [&] {
            qint64 sum = 0;
            for (const RemittanceLine &line : report.remittance->lines)
                sum += line.allowedCents;
            return sum;
        }();
        if (lineAllowed > 0)
            updated.allowedCents = lineAllowed;
        updated.paidCents = report.remittance->paidCents;
        updated.patientResponsibilityCents =
            report.remittance->patientResponsibilityCents;
    }
    if (report.expectedPaymentDate.isValid())
        updated.expectedPaymentDate = report.expectedPaymentDate;
    const bool sameFigures = updated.paidCents == claim.paidCents &&
                             updated.allowedCents == claim.allowedCents &&
                             updated.payerClaimId == claim.payerClaimId;
    if (sameStatus && sameFigures && updated.payerMessage == claim.payerMessage &&
        !report.remittance) {
        outcome.ignoredWhy = QCoreApplication::translate("ClaimService", "nothing new");
        return outcome;
    }
    StoreResult<Claim> saved = repository.saveStatus(updated, report.updatedAt);
    if (!saved)
        return Result::failure(saved.error());
    if (report.remittance) {
        Remittance remittance = *report.remittance;
        if (remittance.claimNumber.isEmpty())
            remittance.claimNumber = claim.claimNumber;
        if (remittance.payerClaimId.isEmpty())
            remittance.payerClaimId = updated.payerClaimId;
        QString why;
        const bool balanced = remittance.balances(&why);
        const auto stored = repository.addRemittance(claim.id, remittance, balanced, why);
        if (!stored)
            return Result::failure(stored.error());
    }
    const auto logged = repository.addTimeline(
        claim.id, {report.updatedAt.isValid() ? report.updatedAt : SqlValues::nowUtc(),
                   next, source, message, QStringLiteral("payor")});
    if (!logged)
        return Result::failure(logged.error());
    outcome.claim = *saved;
    outcome.changed = true;
    return outcome;
}

} // namespace ClaimStatusRules

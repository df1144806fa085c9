// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/claims/claimevents.h"

#include "services/claims/claimservice.h"
#include "services/claims/claimstatusrules.h"
#include "services/domain/payorjson.h"
#include "services/live/livefeed.h"
#include "services/store/audittrail.h"

#include <QCoreApplication>

namespace ClaimEvents {

QString payerClaimId(const LiveEvent &event)
{
    return event.payload.value(QLatin1String("data"))
        .toObject()
        .value(QLatin1String("claim_id"))
        .toString();
}

LiveApplyOutcome applyStatusUpdate(const QString &connection, const LiveEvent &event)
{
    QString error;
    const auto report =
        PayorJson::parseStatus(event.payload.value(QLatin1String("data")).toObject(), &error);
    if (!report)
        return LiveApplyOutcome::failed(error);
    ClaimRepository repository(connection);
    // Only a claim of this desk: found by the payor's id or by our number.
    const auto byPayor = repository.findByPayerClaimId(report->payerClaimId);
    if (!byPayor)
        return LiveApplyOutcome::failed(byPayor.error());
    if (!byPayor->has_value()) {
        const auto byNumber = report->claimNumber.isEmpty()
                                  ? StoreResult<std::optional<Claim>>(std::nullopt)
                                  : repository.findByNumber(report->claimNumber);
        if (!byNumber)
            return LiveApplyOutcome::failed(byNumber.error());
        const bool numberedElsewhere = byNumber->has_value() &&
                                       !(*byNumber)->payerClaimId.isEmpty() &&
                                       (*byNumber)->payerClaimId != report->payerClaimId;
        if (!byNumber->has_value() || numberedElsewhere) {
            return LiveApplyOutcome::ignored(
                QCoreApplication::translate("ClaimEvents", "Claim %1 is not one of this desk's "
                                                           "claims.")
                    .arg(report->payerClaimId));
        }
    }
    const auto applied = ClaimStatusRules::apply(repository, *report, ClaimEventSource::Webhook);
    if (!applied)
        return LiveApplyOutcome::failed(applied.error());
    if (!applied->changed) {
        return LiveApplyOutcome::ignored(
            QCoreApplication::translate("ClaimEvents", "Claim %1 unchanged: %2")
                .arg(applied->claim.claimNumber, applied->ignoredWhy));
    }
    const auto recorded = AuditTrail::recordIn(
        connection, QStringLiteral("live:payor"),
        {QStringLiteral("claim.status"), QStringLiteral("claim"), applied->claim.id});
    if (!recorded)
        return LiveApplyOutcome::failed(AuditTrail::notRecorded(recorded.error()));
    return LiveApplyOutcome::applied();
}

void connectToFeed(LiveFeed *feed, ClaimService *claims)
{
    feed->addHandler(QStringLiteral("claim_status_update"), &applyStatusUpdate,
                     [claims](const LiveEvent &event) {
                         claims->showPayorUpdate(payerClaimId(event));
                     });
}

} // namespace ClaimEvents

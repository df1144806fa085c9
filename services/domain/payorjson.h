// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/claim.h"
#include "services/domain/remittance.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>

/*!
  The payor's JSON, both ways: what `POST /api/route-claim/` carries, and the claim status the
  payor answers with (its reply, `GET /api/claims/{id}/`, the claim-updates feed and the
  `claim_status_update` webhook's `data` all share it). The desk writes claims and reads
  statuses; the sandbox payor reads claims and writes statuses, with these same functions, so
  the two cannot disagree about a field.

  Money is dollars on the wire (JSON numbers, or strings from some payors) and cents here.
 */
namespace PayorJson {

//! The provider the claims are sent for (Settings › Payor).
struct Provider
{
    QString id;   // provider_id
    QString name; // provider_name
};

//! What the payor says about one claim.
struct ClaimStatusReport
{
    QString payerClaimId; // claim_id
    QString claimNumber;  // ours, echoed back
    QString statusText;   // as sent: "paid", "partially_paid", …
    std::optional<ClaimStatus> status; // statusText understood
    QString previousStatus;            // webhooks only
    QString message;
    bool autoApproved = false;
    bool coverageValidated = false;
    QString coverageMessage;
    std::optional<qint64> billedCents; // amount
    qint64 approvedCents = 0;
    qint64 patientResponsibilityCents = 0;
    QDate expectedPaymentDate;
    std::optional<Remittance> remittance;
    QDateTime updatedAt; // the payor's time of this status; may be null
};

//! Dollars for the wire: 12345 → 123.45.
QJsonValue dollars(qint64 cents);
//! A JSON number or numeric string of dollars → cents; nothing when absent or not an amount.
std::optional<qint64> cents(const QJsonValue &value);

//! `{"insurance_id": …, "claim_data": {…}}`: the seed fields and the full claim.
QJsonObject routeClaimBody(const Claim &claim, const Provider &provider);
/*!
  The claim in a route-claim body's `claim_data` (the sandbox reads it). Structural problems
  (a field of the wrong type, a line that is not an object) go to `errors` as "field: problem";
  the values themselves are checked by ClaimValidator.
 */
Claim claimFromClaimData(const QJsonObject &claimData, QStringList *errors);

QJsonObject statusJson(const ClaimStatusReport &report);
//! Reads a status object; `error` says what is missing when it cannot be believed.
std::optional<ClaimStatusReport> parseStatus(const QJsonObject &object, QString *error);

QJsonObject remittanceJson(const Remittance &remittance);
std::optional<Remittance> parseRemittance(const QJsonObject &object, QString *error);

} // namespace PayorJson

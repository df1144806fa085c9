// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/domain/remittance.h"

#include "services/domain/claim.h"

#include <QCoreApplication>

namespace {
qint64 sumOf(const QList<RemittanceAdjustment> &adjustments)
{
    qint64 sum = 0;
    for (const RemittanceAdjustment &adjustment : adjustments)
        sum += adjustment.amountCents;
    return sum;
}
} // namespace

bool Remittance::balances(QString *why) const
{
    qint64 adjusted = sumOf(claimAdjustments);
    for (int i = 0; i < lines.size(); ++i) {
        const RemittanceLine &line = lines.at(i);
        const qint64 lineAdjusted = sumOf(line.adjustments);
        adjusted += lineAdjusted;
        if (line.billedCents - line.paidCents != lineAdjusted) {
            if (why) {
                *why = QCoreApplication::translate(
                           "Remittance", "Line %1 (%2) does not balance: billed %3 − paid %4 is "
                                         "%5, but its adjustments add up to %6.")
                           .arg(i + 1)
                           .arg(line.procedureCode, formatCents(line.billedCents),
                                formatCents(line.paidCents),
                                formatCents(line.billedCents - line.paidCents),
                                formatCents(lineAdjusted));
            }
            return false;
        }
    }
    if (billedCents - paidCents != adjusted) {
        if (why) {
            *why = QCoreApplication::translate("Remittance",
                                               "Claim %1 does not balance: billed %2 − paid %3 "
                                               "is %4, but its adjustments add up to %5.")
                       .arg(claimNumber, formatCents(billedCents), formatCents(paidCents),
                            formatCents(billedCents - paidCents), formatCents(adjusted));
        }
        return false;
    }
    return true;
}

qint64 Remittance::patientAdjustmentsCents() const
{
    qint64 sum = 0;
    auto add = [&](const QList<RemittanceAdjustment> &adjustments) {
        for (const RemittanceAdjustment &adjustment : adjustments) {
            if (adjustment.group == QLatin1String("PR"))
                sum += adjustment.amountCents;
        }
    };
    add(claimAdjustments);
    for (const RemittanceLine &line : lines)
        add(line.adjustments);
    return sum;
}

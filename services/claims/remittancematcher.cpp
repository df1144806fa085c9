// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/claims/remittancematcher.h"

namespace {

QString normalized(const QString &text)
{
    return text.trimmed().toUpper();
}

QStringList modifierSet(const QStringList &modifiers)
{
    QStringList out;
    for (const QString &modifier : modifiers) {
        if (!modifier.trimmed().isEmpty())
            out.append(normalized(modifier));
    }
    out.sort();
    return out;
}

} // namespace

bool RemittanceMatcher::isForClaim(const Claim &claim, const Remittance &remittance)
{
    const QString number = normalized(remittance.claimNumber);
    if (!number.isEmpty() && number == normalized(claim.claimNumber))
        return true;
    const QString payerNumber = normalized(remittance.payerClaimId);
    return !payerNumber.isEmpty() && payerNumber == normalized(claim.payerClaimId);
}

QList<RemittanceLineMatch> RemittanceMatcher::matchLines(const QList<ServiceLine> &ours,
                                                         const Remittance &remittance)
{
    const qsizetype count = remittance.lines.size();
    QList<RemittanceLineMatch> matches(count);
    QList<bool> taken(ours.size(), false);
    for (qsizetype i = 0; i < count; ++i)
        matches[i].remittanceLine = int(i);

    auto pass = [&](RemittanceLineMatch::How how, auto &&fits) {
        for (qsizetype i = 0; i < count; ++i) {
            if (matches.at(i).how != RemittanceLineMatch::How::None)
                continue;
            for (qsizetype j = 0; j < ours.size(); ++j) {
                if (!taken.at(j) && fits(remittance.lines.at(i), ours.at(j), i, j)) {
                    taken[j] = true;
                    matches[i].claimLine = int(j);
                    matches[i].how = how;
                    break;
                }
            }
        }
    };
    pass(RemittanceLineMatch::How::Exact,
         [](const RemittanceLine &theirs, const ServiceLine &line, qsizetype, qsizetype) {
             return normalized(theirs.procedureCode) == normalized(line.procedureCode) &&
                    modifierSet(theirs.modifiers) == modifierSet(line.modifiers);
         });
    pass(RemittanceLineMatch::How::CodeOnly,
         [](const RemittanceLine &theirs, const ServiceLine &line, qsizetype, qsizetype) {
             return normalized(theirs.procedureCode) == normalized(line.procedureCode);
         });
    pass(RemittanceLineMatch::How::Position, [](const RemittanceLine &, const ServiceLine &,
                                                qsizetype i, qsizetype j) { return i == j; });
    return matches;
}

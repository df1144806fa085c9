// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/claims/claimvalidator.h"

#include "services/claims/claimcodes.h"
#include "services/domain/dateformats.h"
#include "services/domain/fieldvalidation.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <utility>

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ClaimValidator)
};

void addError(QList<ClaimIssue> &issues, QString field, QString message)
{
    issues.append({std::move(field), std::move(message), ClaimIssue::Severity::Error, false});
}

void addWarning(QList<ClaimIssue> &issues, QString field, QString message,
                bool needsOverrideReason = false)
{
    issues.append(
        {std::move(field), std::move(message), ClaimIssue::Severity::Warning, needsOverrideReason});
}

QString indexed(const char *list, qsizetype index, const char *member = nullptr)
{
    QString path = QStringLiteral("%1[%2]").arg(QLatin1String(list)).arg(index);
    if (member)
        path += QLatin1Char('.') + QLatin1String(member);
    return path;
}

QString npiIssue(const QString &npi)
{
    return Tr::tr("“%1” is not a valid NPI: %2.").arg(npi, ClaimCodes::npiProblem(npi));
}
} // namespace

bool hasErrors(const QList<ClaimIssue> &issues)
{
    return std::any_of(issues.cbegin(), issues.cend(), [](const ClaimIssue &issue) {
        return issue.severity == ClaimIssue::Severity::Error;
    });
}

ClaimValidator::ClaimValidator(Context context)
    : m_context(std::move(context))
{
    if (!m_context.today.isValid())
        m_context.today = QDate::currentDate();
}

QDate ClaimValidator::oldestFileableDate() const
{
    return m_context.today.addDays(-m_context.timelyFilingDays);
}

QList<ClaimIssue> ClaimValidator::validate(const Claim &claim) const
{
    QList<ClaimIssue> issues;
    checkHeader(claim, issues);
    checkDateOfService(claim, issues);
    checkCoverage(issues);
    checkDiagnoses(claim, issues);
    checkLines(claim, issues);
    return issues;
}

void ClaimValidator::checkHeader(const Claim &claim, QList<ClaimIssue> &issues) const
{
    if (claim.patientId <= 0 && claim.patientName.trimmed().isEmpty())
        addError(issues, QStringLiteral("patient"), Tr::tr("Choose the patient the claim is for."));

    const QString insuranceId = claim.insuranceId.trimmed();
    if (insuranceId.isEmpty()) {
        addError(
            issues, QStringLiteral("insuranceId"),
            Tr::tr("Enter the insurance ID that routes the claim to a payor, such as INS001."));
    } else if (!m_context.isInsuranceMapped || !m_context.isInsuranceMapped(insuranceId)) {
        addError(issues, QStringLiteral("insuranceId"),
                 Tr::tr("No payor is mapped to insurance ID “%1”: check the ID on the card, or "
                        "ask an administrator to map it to a payor.")
                     .arg(insuranceId));
    }

    if (const QString problem = FieldValidation::memberId(claim.memberId); !problem.isEmpty())
        addError(issues, QStringLiteral("memberId"), problem);

    if (claim.billingProvider.npi.isEmpty()) {
        addError(issues, QStringLiteral("billingProvider.npi"),
                 Tr::tr("Enter the billing provider's NPI (10 digits)."));
    } else if (!ClaimCodes::isNpi(claim.billingProvider.npi)) {
        addError(issues, QStringLiteral("billingProvider.npi"),
                 npiIssue(claim.billingProvider.npi));
    }
    // The rendering provider is optional: without one the billing provider rendered the service.
    if (!claim.renderingProvider.npi.isEmpty() && !ClaimCodes::isNpi(claim.renderingProvider.npi))
        addError(issues, QStringLiteral("renderingProvider.npi"),
                 npiIssue(claim.renderingProvider.npi));

    const QString pos = claim.placeOfService;
    if (pos.isEmpty()) {
        addError(issues, QStringLiteral("placeOfService"),
                 Tr::tr("Enter the place of service: two digits, such as 11 for an office."));
    } else if (const QString problem = ClaimCodes::placeOfServiceProblem(pos); !problem.isEmpty()) {
        addError(issues, QStringLiteral("placeOfService"),
                 Tr::tr("“%1” is not a place of service: %2.").arg(pos, problem));
    } else if (!ClaimCodes::isKnownPlaceOfService(pos)) {
        addWarning(issues, QStringLiteral("placeOfService"),
                   Tr::tr("Place of service %1 is not one this desk knows; check it against the "
                          "CMS list (11 is an office).")
                       .arg(pos));
    }
}

void ClaimValidator::checkDateOfService(const Claim &claim, QList<ClaimIssue> &issues) const
{
    const QString field = QStringLiteral("dateOfService");
    const QDate dos = claim.dateOfService;
    if (!dos.isValid()) {
        addError(issues, field, Tr::tr("Enter the date of service."));
    } else if (dos > m_context.today) {
        addError(issues, field,
                 Tr::tr("The date of service %1 is in the future; bill a service once it has been "
                        "given.")
                     .arg(DateFormats::format(dos)));
    } else if (dos < oldestFileableDate()) {
        addError(issues, field,
                 Tr::tr("The date of service %1 is past timely filing: the payor had to receive "
                        "the claim by %2 (%n days after the service).",
                        nullptr, m_context.timelyFilingDays)
                     .arg(DateFormats::format(dos),
                          DateFormats::format(dos.addDays(m_context.timelyFilingDays))));
    }
}

void ClaimValidator::checkCoverage(QList<ClaimIssue> &issues) const
{
    const QString field = QStringLiteral("coverage");
    const QString detail = m_context.coverageDetail.trimmed();
    switch (m_context.coverage) {
    case Coverage::Active:
        return;
    case Coverage::Inactive:
        addWarning(issues, field,
                   detail.isEmpty()
                       ? Tr::tr("The coverage was not active on the date of service; the payor "
                                "will likely deny the claim. Give a reason to submit it anyway.")
                       : Tr::tr("The coverage was not active on the date of service (%1); the "
                                "payor will likely deny the claim. Give a reason to submit it "
                                "anyway.")
                             .arg(detail),
                   true);
        return;
    case Coverage::NotVerified:
        addWarning(issues, field,
                   detail.isEmpty()
                       ? Tr::tr("The coverage has not been verified active for the date of "
                                "service. Verify eligibility first, or give a reason to submit "
                                "the claim anyway.")
                       : Tr::tr("The coverage has not been verified active for the date of "
                                "service (%1). Verify eligibility first, or give a reason to "
                                "submit the claim anyway.")
                             .arg(detail),
                   true);
        return;
    }
}

void ClaimValidator::checkDiagnoses(const Claim &claim, QList<ClaimIssue> &issues) const
{
    const QList<ClaimDiagnosis> &diagnoses = claim.diagnoses;
    if (diagnoses.isEmpty()) {
        addError(issues, QStringLiteral("diagnoses"),
                 Tr::tr("Add at least one diagnosis (ICD-10-CM), such as J20.9."));
        return;
    }
    if (diagnoses.size() > MaxDiagnoses)
        addError(issues, QStringLiteral("diagnoses"),
                 Tr::tr("A claim carries at most %1 diagnoses; this one has %2.")
                     .arg(MaxDiagnoses)
                     .arg(diagnoses.size()));

    QSet<int> pointedAt;
    for (const ServiceLine &line : claim.lines)
        pointedAt.unite(QSet<int>(line.diagnosisPointers.cbegin(), line.diagnosisPointers.cend()));

    QHash<QString, qsizetype> firstAt; // stored code → 0-based index
    for (qsizetype i = 0; i < diagnoses.size(); ++i) {
        const QString &code = diagnoses.at(i).code;
        const QString field = indexed("diagnoses", i, "code");
        if (code.trimmed().isEmpty()) {
            addError(issues, field, Tr::tr("Enter the ICD-10-CM code of diagnosis %1.").arg(i + 1));
            continue;
        }
        if (const QString problem = ClaimCodes::icd10Problem(code); !problem.isEmpty()) {
            addError(issues, field,
                     Tr::tr("“%1” is not an ICD-10-CM code: %2.").arg(code.trimmed(), problem));
            continue;
        }
        const QString stored = icd10Stored(code);
        if (const auto earlier = firstAt.constFind(stored); earlier != firstAt.cend()) {
            addError(issues, field,
                     Tr::tr("%1 is already diagnosis %2; list each diagnosis once.")
                         .arg(icd10Display(stored))
                         .arg(*earlier + 1));
            continue;
        }
        firstAt.insert(stored, i);
        // A diagnosis no line points at is sent but supports nothing; often a forgotten pointer.
        if (!claim.lines.isEmpty() && !pointedAt.contains(int(i) + 1))
            addWarning(issues, indexed("diagnoses", i),
                       Tr::tr("No service line points at diagnosis %1 (%2); point a line at it "
                              "or remove it.")
                           .arg(i + 1)
                           .arg(icd10Display(stored)));
    }
}

void ClaimValidator::checkLines(const Claim &claim, QList<ClaimIssue> &issues) const
{
    const QList<ServiceLine> &lines = claim.lines;
    if (lines.isEmpty()) {
        addError(issues, QStringLiteral("lines"), Tr::tr("Add at least one service line."));
        return;
    }
    if (lines.size() > MaxLines)
        addError(issues, QStringLiteral("lines"),
                 Tr::tr("A claim carries at most %1 service lines; this one has %2. Split it "
                        "into two claims.")
                     .arg(MaxLines)
                     .arg(lines.size()));

    const qsizetype diagnosisCount = claim.diagnoses.size();
    bool chargesValid = true;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const ServiceLine &line = lines.at(i);
        const qsizetype n = i + 1; // as the biller counts

        const QString code = line.procedureCode;
        if (code.trimmed().isEmpty()) {
            addError(issues, indexed("lines", i, "procedureCode"),
                     Tr::tr("Enter the procedure code (CPT or HCPCS) of line %1.").arg(n));
        } else if (const QString problem = ClaimCodes::procedureCodeProblem(code);
                   !problem.isEmpty()) {
            addError(issues, indexed("lines", i, "procedureCode"),
                     Tr::tr("“%1” is not a CPT or HCPCS code: %2.").arg(code, problem));
        }

        if (const QString problem = ClaimCodes::modifiersProblem(line.modifiers);
            !problem.isEmpty())
            addError(issues, indexed("lines", i, "modifiers"),
                     Tr::tr("Modifiers of line %1: %2.").arg(n).arg(problem));

        if (line.units < 1)
            addError(issues, indexed("lines", i, "units"),
                     Tr::tr("Line %1 needs at least 1 unit.").arg(n));
        else if (line.units > MaxUnits)
            addError(issues, indexed("lines", i, "units"),
                     Tr::tr("Line %1 has %2 units; more than %3 is surely a typing slip.")
                         .arg(n)
                         .arg(line.units)
                         .arg(MaxUnits));

        if (line.chargeCents <= 0) {
            chargesValid = false;
            addError(
                issues, indexed("lines", i, "charge"),
                Tr::tr("Enter the charge of line %1: more than %2.").arg(n).arg(formatCents(0)));
        } else if (line.chargeCents > MaxChargeCents) {
            chargesValid = false;
            addError(issues, indexed("lines", i, "charge"),
                     Tr::tr("The charge of line %1, %2, is over %3; check for a missing decimal "
                            "point.")
                         .arg(n)
                         .arg(formatCents(line.chargeCents), formatCents(MaxChargeCents)));
        }

        const QString pointersField = indexed("lines", i, "diagnosisPointers");
        const QList<int> &pointers = line.diagnosisPointers;
        if (pointers.isEmpty()) {
            addError(issues, pointersField,
                     Tr::tr("Point line %1 at the diagnoses it treats (1 to %2).")
                         .arg(n)
                         .arg(MaxPointersPerLine));
        } else if (pointers.size() > MaxPointersPerLine) {
            addError(issues, pointersField,
                     Tr::tr("Line %1 points at %2 diagnoses; a line points at %3 at most.")
                         .arg(n)
                         .arg(pointers.size())
                         .arg(MaxPointersPerLine));
        }
        QSet<int> seen;
        for (const int pointer : pointers) {
            // With no diagnoses at all, the diagnoses error says it once, not once per pointer.
            if (diagnosisCount > 0 && (pointer < 1 || pointer > diagnosisCount))
                addError(issues, pointersField,
                         Tr::tr("Line %1 points at diagnosis %2, but the claim lists %n "
                                "diagnoses.",
                                nullptr, int(diagnosisCount))
                             .arg(n)
                             .arg(pointer));
            else if (seen.contains(pointer))
                addError(issues, pointersField,
                         Tr::tr("Line %1 points at diagnosis %2 twice.").arg(n).arg(pointer));
            seen.insert(pointer);
        }
    }

    // Each line is capped, so even thousands of lines cannot overflow the sum; and a total is
    // only worth a message of its own when every line's charge is right.
    if (chargesValid && claim.totalChargeCents() > MaxChargeCents)
        addError(issues, QStringLiteral("totalCharge"),
                 Tr::tr("The claim's total, %1, is over %2; check the charges.")
                     .arg(formatCents(claim.totalChargeCents()), formatCents(MaxChargeCents)));
}

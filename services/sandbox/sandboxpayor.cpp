// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/sandbox/sandboxpayor.h"

#include "services/sandbox/sandboxclearinghouse.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QRegularExpression>
#include <QTimer>

#include <algorithm>
#include <array>
#include <cmath>

// The payor's answers are an API's, in English like the rest of the sandbox's.
namespace {
struct PriorAuthorization
{
    const char *code;
    int unitsAbove; // needs authorization above this many units (0: always)
};

// Procedures the payor pays only with a prior authorization (none is ever on file here).
constexpr std::array<PriorAuthorization, 4> priorAuthorizations{{
    {"70553", 0},  // MRI brain with and without contrast
    {"27447", 0},  // total knee arthroplasty
    {"29881", 0},  // knee arthroscopy with meniscectomy
    {"97110", 12}, // therapeutic exercise beyond 12 units
}};

struct NotNecessary
{
    const char *code;
    const char *diagnosisPrefix; // ICD-10-CM, stored without the dot
};

// Procedures the payor does not find medically necessary for a diagnosis.
constexpr std::array<NotNecessary, 4> notNecessary{{
    {"93000", "J06"}, // ECG for an upper respiratory infection
    {"71046", "Z00"}, // chest X-ray for a routine examination
    {"80061", "J20"}, // lipid panel for acute bronchitis
    {"72148", "J20"}, // lumbar MRI for acute bronchitis
}};

// Included in an E/M visit's payment when billed beside one.
constexpr std::array<const char *, 3> bundledWithVisit{{"36415", "94760", "99070"}};

bool isVisit(const QString &code)
{
    // Evaluation and management: 99202–99499.
    bool ok = false;
    const int number = code.toInt(&ok);
    return ok && code.size() == 5 && number >= 99202 && number <= 99499;
}

QString isoDate(const QDate &date)
{
    return date.toString(Qt::ISODate);
}

QJsonObject error(const QString &message)
{
    return {{QStringLiteral("error"), message}};
}

QJsonObject mappingJson(const QString &insuranceId, const QString &payorName)
{
    return {{QStringLiteral("insurance_id"), insuranceId},
            {QStringLiteral("payor_name"), payorName}};
}

QString noMapping(const QString &insuranceId)
{
    return QStringLiteral("No payor mapping found for insurance_id %1").arg(insuranceId);
}

//! Every line denied with `group`-`reason` for its whole charge.
Remittance deniedRemittance(const Claim &claim, const char *group, const char *reason)
{
    Remittance r;
    r.statusCode = QStringLiteral("4");
    for (const ServiceLine &line : claim.lines) {
        RemittanceLine out;
        out.procedureCode = line.procedureCode;
        out.modifiers = line.modifiers;
        out.units = line.units;
        out.billedCents = line.chargeCents;
        out.adjustments = {{QLatin1String(group), QLatin1String(reason), line.chargeCents}};
        r.lines.append(out);
    }
    return r;
}

/*!
  The paid remittance: 80 % allowed (CO-45), then deductible (PR-1), coinsurance (PR-2) and the
  copay on the first E/M line (PR-3). Lines in `bundled` are denied CO-97 instead.
 */
Remittance paidRemittance(const Claim &claim, const SandboxPayor::MemberTerms &member,
                          const QSet<int> &bundled = {})
{
    Remittance r;
    r.statusCode = QStringLiteral("1");
    qint64 deductibleLeft = member.deductibleRemainingCents;
    bool copayTaken = false;
    for (int i = 0; i < claim.lines.size(); ++i) {
        const ServiceLine &line = claim.lines.at(i);
        RemittanceLine out;
        out.procedureCode = line.procedureCode;
        out.modifiers = line.modifiers;
        out.units = line.units;
        out.billedCents = line.chargeCents;
        if (bundled.contains(i)) {
            out.adjustments = {{QStringLiteral("CO"), QStringLiteral("97"), line.chargeCents}};
            out.remarks = {QStringLiteral("M15")}; // separately billed services bundled
            r.lines.append(out);
            continue;
        }
        out.allowedCents = (line.chargeCents * 4 + 2) / 5; // 80 %, rounded to the cent
        const qint64 contractual = line.chargeCents - out.allowedCents;
        const qint64 deductible = std::min(deductibleLeft, out.allowedCents);
        deductibleLeft -= deductible;
        const qint64 coinsurance =
            std::llround(double(out.allowedCents - deductible) * member.coinsurance);
        qint64 copay = 0;
        if (!copayTaken && isVisit(line.procedureCode)) {
            copayTaken = true;
            copay = std::min(member.copayCents, out.allowedCents - deductible - coinsurance);
        }
        out.paidCents = out.allowedCents - deductible - coinsurance - copay;
        const RemittanceAdjustment parts[] = {
            {QStringLiteral("CO"), QStringLiteral("45"), contractual},
            {QStringLiteral("PR"), QStringLiteral("1"), deductible},
            {QStringLiteral("PR"), QStringLiteral("2"), coinsurance},
            {QStringLiteral("PR"), QStringLiteral("3"), copay}};
        for (const RemittanceAdjustment &part : parts) {
            if (part.amountCents > 0)
                out.adjustments.append(part);
        }
        r.lines.append(out);
    }
    return r;
}

//! Fills the claim totals of a remittance from its lines.
void total(Remittance &r)
{
    r.billedCents = r.paidCents = 0;
    for (const RemittanceLine &line : std::as_const(r.lines)) {
        r.billedCents += line.billedCents;
        r.paidCents += line.paidCents;
    }
    r.patientResponsibilityCents = r.patientAdjustmentsCents();
}

//! Why a pended claim is denied, if it is; `reason` gets the CARC.
QString denialOf(const Claim &claim, const char **reason)
{
    for (const ServiceLine &line : claim.lines) {
        for (const PriorAuthorization &rule : priorAuthorizations) {
            if (line.procedureCode == QLatin1String(rule.code) && line.units > rule.unitsAbove) {
                *reason = "197";
                return QStringLiteral("Denied: %1 needs a prior authorization and none is on "
                                      "file (CARC 197).")
                    .arg(line.procedureCode);
            }
        }
    }
    for (const ServiceLine &line : claim.lines) {
        QList<int> pointers = line.diagnosisPointers;
        if (pointers.isEmpty()) {
            for (int i = 1; i <= claim.diagnoses.size(); ++i)
                pointers.append(i);
        }
        for (const NotNecessary &rule : notNecessary) {
            if (line.procedureCode != QLatin1String(rule.code))
                continue;
            for (int pointer : std::as_const(pointers)) {
                const QString diagnosis = claim.diagnoses.value(pointer - 1).code;
                if (diagnosis.startsWith(QLatin1String(rule.diagnosisPrefix))) {
                    *reason = "50";
                    return QStringLiteral("Denied: %1 is not medically necessary for %2 "
                                          "(CARC 50).")
                        .arg(line.procedureCode, icd10Display(diagnosis));
                }
            }
        }
    }
    return {};
}

//! The lines (after the first) billed beside an E/M visit that the visit pays for.
QSet<int> bundledLines(const Claim &claim)
{
    const bool visit = std::any_of(claim.lines.cbegin(), claim.lines.cend(),
                                   [](const ServiceLine &l) { return isVisit(l.procedureCode); });
    QSet<int> lines;
    if (!visit)
        return lines;
    for (int i = 1; i < claim.lines.size(); ++i) {
        for (const char *code : bundledWithVisit) {
            if (claim.lines.at(i).procedureCode == QLatin1String(code))
                lines.insert(i);
        }
    }
    return lines;
}
} // namespace

SandboxPayor::SandboxPayor(Options options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{
    for (const QString &id : {QStringLiteral("INS001"), QStringLiteral("INS002"),
                              QStringLiteral("INS003"), QStringLiteral("HI12345")}) {
        m_mappings.insert(id, SandboxClearinghouse::payerName(id));
    }
    if (!m_options.statePath.isEmpty()) {
        m_saveTimer = new QTimer(this);
        m_saveTimer->setSingleShot(true);
        m_saveTimer->setInterval(200);
        connect(m_saveTimer, &QTimer::timeout, this, &SandboxPayor::saveState);
        loadState();
    }
}

SandboxPayor::~SandboxPayor()
{
    if (m_saveTimer && m_saveTimer->isActive())
        saveState();
}

void SandboxPayor::scheduleSave()
{
    if (m_saveTimer && !m_saveTimer->isActive())
        m_saveTimer->start();
}

void SandboxPayor::saveState()
{
    QJsonArray claims;
    for (const QString &id : m_order) {
        const auto it = m_claims.constFind(id);
        if (it == m_claims.cend())
            continue;
        const QJsonObject body = PayorJson::routeClaimBody(it->claim, {it->providerId, {}});
        claims.append(QJsonObject{{QStringLiteral("claim_data"), body.value(QLatin1String("claim_data"))},
                                  {QStringLiteral("status"), PayorJson::statusJson(it->report)}});
    }
    QJsonObject mappings;
    for (auto it = m_mappings.cbegin(); it != m_mappings.cend(); ++it)
        mappings.insert(it.key(), it.value());
    QSaveFile file(m_options.statePath);
    if (!file.open(QIODevice::WriteOnly))
        return; // a training convenience: the payor still works from memory
    file.write(QJsonDocument(QJsonObject{{QStringLiteral("version"), 1},
                                         {QStringLiteral("claims"), claims},
                                         {QStringLiteral("mappings"), mappings}})
                   .toJson(QJsonDocument::Compact));
    if (file.commit())
        QFile::setPermissions(m_options.statePath, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

void SandboxPayor::loadState()
{
    QFile file(m_options.statePath);
    if (!file.open(QIODevice::ReadOnly))
        return;
    const QJsonObject state = QJsonDocument::fromJson(file.readAll()).object();
    if (state.value(QLatin1String("version")).toInt() != 1)
        return;
    const QJsonObject mappings = state.value(QLatin1String("mappings")).toObject();
    if (!mappings.isEmpty()) {
        m_mappings.clear();
        for (auto it = mappings.begin(); it != mappings.end(); ++it)
            m_mappings.insert(it.key(), it.value().toString());
    }
    for (const QJsonValue &value : state.value(QLatin1String("claims")).toArray()) {
        const QJsonObject object = value.toObject();
        QStringList errors;
        Stored stored;
        const QJsonObject data = object.value(QLatin1String("claim_data")).toObject();
        stored.claim = PayorJson::claimFromClaimData(data, &errors);
        stored.providerId = data.value(QLatin1String("provider_id")).toString();
        QString error;
        const auto report = PayorJson::parseStatus(object.value(QLatin1String("status")).toObject(), &error);
        if (!report || report->payerClaimId.isEmpty() || !errors.isEmpty())
            continue; // a damaged entry is dropped, the rest are kept
        stored.report = *report;
        const QString id = report->payerClaimId;
        const bool pended = report->status == ClaimStatus::Pended;
        store(std::move(stored));
        if (pended)
            QTimer::singleShot(m_options.decisionDelayMs, this, [this, id] { decide(id); });
    }
}

SandboxPayor::MemberTerms SandboxPayor::memberTerms(const QString &memberId,
                                                    const QString &insuranceId,
                                                    const QDate &dateOfService)
{
    EligibilityRequest request;
    request.memberId = memberId.trimmed().toUpper();
    // ERR5… makes the clearinghouse fail, a transport fault: the payor knows the member like
    // any PPO member.
    if (request.memberId.startsWith(QLatin1String("ERR5")))
        request.memberId = QStringLiteral("ACT1") + request.memberId.mid(4);
    request.payerId = insuranceId;
    request.serviceDate = dateOfService;
    // Attempt 3: the busy member's answer once the clearinghouse answers at all.
    const EligibilityResult result = SandboxClearinghouse().resultsFor(request, 3).value(0);

    MemberTerms terms;
    const QString date = isoDate(dateOfService);
    if (result.isRejected() || result.status == EligibilityResult::Status::Unknown) {
        terms.coverageMessage =
            QStringLiteral("Member %1 is not known to this payor.").arg(memberId.trimmed());
        return terms;
    }
    terms.known = true;
    terms.planName = result.planName;
    const QDate begin = result.coverageBegin();
    const QDate end = result.coverageEnd();
    terms.active = result.isActive() && (!begin.isValid() || dateOfService >= begin) &&
                   (!end.isValid() || dateOfService <= end);
    if (!terms.active) {
        terms.coverageMessage = QStringLiteral("Coverage not active on %1").arg(date);
        if (!result.messages.isEmpty())
            terms.coverageMessage += QStringLiteral(" (%1)").arg(result.messages.join(u"; "));
        terms.coverageMessage += QLatin1Char('.');
        return terms;
    }
    terms.coverageMessage = QStringLiteral("Coverage active on %1: %2.").arg(date, result.planName);
    // The remaining in-network deductible, the member's own before the family's.
    bool haveDeductible = false;
    for (const char *level : {"IND", "FAM"}) {
        for (const BenefitInfo &b : result.benefits) {
            if (!haveDeductible && b.code == QLatin1String("C") &&
                b.coverageLevel == QLatin1String(level) && b.timePeriod == QLatin1String("29") &&
                !b.isOutOfNetwork() && b.amountCents) {
                terms.deductibleRemainingCents = *b.amountCents;
                haveDeductible = true;
            }
        }
    }
    for (const BenefitInfo &b : result.benefits) {
        if (b.code == QLatin1String("A") && b.percent && !b.isOutOfNetwork()) {
            terms.coinsurance = *b.percent;
            break;
        }
    }
    terms.copayCents = result.copayCents(QStringLiteral("98")).value_or(0);
    return terms;
}

QJsonObject SandboxPayor::fieldErrors(const Claim &claim, const QStringList &structuralErrors)
{
    static const QRegularExpression icd10(QStringLiteral("^[A-Z][0-9][0-9A-Z]{1,5}$"));
    static const QRegularExpression procedure(QStringLiteral("^([0-9]{4}[0-9FTU]|[A-V][0-9]{4})$"));
    QJsonObject errors;
    auto add = [&errors](const QString &field, const QString &problem) {
        const QString key = QStringLiteral("claim_data.") + field;
        if (!errors.contains(key)) // the first problem of a field says the most
            errors.insert(key, problem);
    };
    for (const QString &problem : structuralErrors) {
        const qsizetype colon = problem.indexOf(QLatin1String(": "));
        add(colon < 0 ? QStringLiteral("claim") : problem.left(colon), problem.mid(colon + 2));
    }
    if (claim.memberId.isEmpty())
        add(QStringLiteral("member_id"), QStringLiteral("required"));
    if (claim.diagnoses.isEmpty())
        add(QStringLiteral("diagnoses"), QStringLiteral("at least one diagnosis is required"));
    if (claim.diagnoses.size() > 12)
        add(QStringLiteral("diagnoses"), QStringLiteral("at most 12 diagnoses"));
    for (int i = 0; i < claim.diagnoses.size(); ++i) {
        if (!icd10.match(claim.diagnoses.at(i).code).hasMatch())
            add(QStringLiteral("diagnoses[%1].code").arg(i),
                QStringLiteral("not an ICD-10-CM code"));
    }
    if (claim.lines.isEmpty())
        add(QStringLiteral("lines"), QStringLiteral("at least one service line is required"));
    if (claim.lines.size() > 50)
        add(QStringLiteral("lines"), QStringLiteral("at most 50 service lines"));
    for (int i = 0; i < claim.lines.size(); ++i) {
        const ServiceLine &line = claim.lines.at(i);
        const QString where = QStringLiteral("lines[%1].").arg(i);
        if (!procedure.match(line.procedureCode).hasMatch())
            add(where + QStringLiteral("procedure_code"),
                QStringLiteral("not a CPT or HCPCS code"));
        if (line.units < 1)
            add(where + QStringLiteral("units"), QStringLiteral("must be at least 1"));
        if (line.chargeCents <= 0)
            add(where + QStringLiteral("charge"), QStringLiteral("must be more than 0"));
        for (int pointer : line.diagnosisPointers) {
            if (pointer < 1 || pointer > claim.diagnoses.size())
                add(where + QStringLiteral("diagnosis_pointers"),
                    QStringLiteral("points at no diagnosis"));
        }
    }
    return errors;
}

PayorReply SandboxPayor::routeClaim(const QJsonObject &body)
{
    const QJsonValue dataValue = body.value(QLatin1String("claim_data"));
    if (!dataValue.isObject()) {
        return {400, QJsonObject{{QStringLiteral("error"), QStringLiteral("Invalid claim")},
                                 {QStringLiteral("field_errors"),
                                  QJsonObject{{QStringLiteral("claim_data"),
                                               QStringLiteral("required, an object")}}}}};
    }
    const QJsonObject data = dataValue.toObject();
    QString insuranceId = body.value(QLatin1String("insurance_id")).toString().trimmed();
    if (insuranceId.isEmpty())
        insuranceId = data.value(QLatin1String("insurance_id")).toString().trimmed();
    if (insuranceId.isEmpty()) {
        return {400, QJsonObject{{QStringLiteral("error"), QStringLiteral("Invalid claim")},
                                 {QStringLiteral("field_errors"),
                                  QJsonObject{{QStringLiteral("insurance_id"),
                                               QStringLiteral("required")}}}}};
    }
    if (!m_mappings.contains(insuranceId))
        return {404, error(noMapping(insuranceId))};

    QStringList structural;
    Claim claim = PayorJson::claimFromClaimData(data, &structural);
    claim.insuranceId = insuranceId;
    claim.payerName = m_mappings.value(insuranceId);
    QJsonObject problems = fieldErrors(claim, structural);

    Stored *original = nullptr;
    if (claim.frequency != ClaimFrequency::Original) {
        const QString field = QStringLiteral("claim_data.original_claim_id");
        if (claim.payerClaimId.isEmpty()) {
            problems.insert(
                field, QStringLiteral("required for frequency code %1").arg(int(claim.frequency)));
        } else if (!m_claims.contains(claim.payerClaimId)) {
            problems.insert(field,
                            QStringLiteral("no claim %1 at this payor").arg(claim.payerClaimId));
        } else {
            original = &m_claims[claim.payerClaimId];
            const ClaimStatus status = original->report.status.value_or(ClaimStatus::Submitted);
            if (status == ClaimStatus::Voided || status == ClaimStatus::Corrected) {
                problems.insert(field, QStringLiteral("claim %1 is already %2")
                                           .arg(claim.payerClaimId, claimStatusKey(status)));
            }
        }
    }
    if (!problems.isEmpty()) {
        return {400, QJsonObject{{QStringLiteral("error"), QStringLiteral("Invalid claim")},
                                 {QStringLiteral("field_errors"), problems}}};
    }

    const QString providerId = data.value(QLatin1String("provider_id")).toString().trimmed();
    if (claim.frequency == ClaimFrequency::Void) {
        changeStatus(*original, ClaimStatus::Voided,
                     QStringLiteral("Voided at the provider's request."));
        return {201, PayorJson::statusJson(original->report)};
    }
    if (original) {
        const QString originalId = claim.payerClaimId;
        PayorReply reply = adjudicateNew(claim, providerId);
        // `original` may have moved when the new claim was stored.
        auto it = m_claims.find(originalId);
        if (it != m_claims.end()) {
            changeStatus(
                *it, ClaimStatus::Corrected,
                QStringLiteral("Replaced by %1.")
                    .arg(reply.body.toObject().value(QLatin1String("claim_id")).toString()));
        }
        return reply;
    }
    return adjudicateNew(claim, providerId);
}

PayorReply SandboxPayor::adjudicateNew(const Claim &claim, const QString &providerId)
{
    Stored stored;
    stored.claim = claim;
    stored.providerId = providerId;
    PayorJson::ClaimStatusReport &report = stored.report;
    report.payerClaimId = nextClaimId();
    report.claimNumber = claim.claimNumber;
    report.billedCents = claim.totalChargeCents();
    report.updatedAt = QDateTime::currentDateTimeUtc();

    const MemberTerms member = memberTerms(claim.memberId, claim.insuranceId, claim.dateOfService);
    report.coverageValidated = member.active;
    report.coverageMessage = member.coverageMessage;
    std::optional<Remittance> remittance;
    ClaimStatus status = ClaimStatus::Paid;
    if (!member.active) {
        status = ClaimStatus::Denied;
        remittance = deniedRemittance(claim, "CO", member.known ? "27" : "31");
        report.message = member.known ? QStringLiteral("Denied: no coverage on the date of "
                                                       "service (CARC 27).")
                                      : QStringLiteral("Denied: the patient cannot be identified "
                                                       "as our insured (CARC 31).");
    } else if (*report.billedCents <= m_options.autoAdjudicationLimitCents) {
        report.autoApproved = true;
        remittance = paidRemittance(claim, member);
        report.message = QStringLiteral("Paid on receipt (auto-adjudicated).");
    } else {
        status = ClaimStatus::Pended;
        report.message = QStringLiteral("Pended for review: claims over %1 are adjudicated by "
                                        "an examiner.")
                             .arg(formatCents(m_options.autoAdjudicationLimitCents));
    }
    report.statusText = claimStatusKey(status);
    report.status = status;
    if (remittance) {
        remittance->claimNumber = claim.claimNumber;
        remittance->payerClaimId = report.payerClaimId;
        remittance->payerName = claim.payerName;
        remittance->source = QStringLiteral("payor");
        remittance->paymentDate = report.updatedAt.date().addDays(14);
        remittance->checkNumber = QStringLiteral("EFT%1").arg(report.payerClaimId.mid(4));
        total(*remittance);
        report.approvedCents = remittance->paidCents;
        report.patientResponsibilityCents = remittance->patientResponsibilityCents;
        if (remittance->paidCents > 0 || status == ClaimStatus::Paid)
            report.expectedPaymentDate = remittance->paymentDate;
        report.remittance = remittance;
    }
    ++m_received;
    if (claim.frequency == ClaimFrequency::Original && !claim.claimNumber.isEmpty() &&
        m_claimNumbers.contains(claim.claimNumber)) {
        ++m_duplicates;
    }
    const QString claimId = report.payerClaimId;
    const QJsonObject answer = PayorJson::statusJson(report);
    store(std::move(stored));
    if (status == ClaimStatus::Pended) {
        QTimer::singleShot(m_options.decisionDelayMs, this, [this, claimId] { decide(claimId); });
    }
    return {201, answer};
}

void SandboxPayor::decide(const QString &claimId)
{
    const auto it = m_claims.find(claimId);
    // Forgotten, corrected or voided meanwhile: nothing left to decide.
    if (it == m_claims.end() || it->report.status != ClaimStatus::Pended)
        return;
    Stored &stored = *it;
    const Claim &claim = stored.claim;
    const MemberTerms member = memberTerms(claim.memberId, claim.insuranceId, claim.dateOfService);
    const char *reason = nullptr;
    const QString denial = denialOf(claim, &reason);
    Remittance remittance;
    ClaimStatus status = ClaimStatus::Paid;
    QString message;
    if (!denial.isEmpty()) {
        status = ClaimStatus::Denied;
        remittance = deniedRemittance(claim, "CO", reason);
        message = denial;
    } else {
        const QSet<int> bundled = bundledLines(claim);
        remittance = paidRemittance(claim, member, bundled);
        if (bundled.isEmpty()) {
            message = QStringLiteral("Paid after review.");
        } else {
            status = ClaimStatus::PartiallyPaid;
            QStringList codes;
            for (int line : bundled)
                codes << claim.lines.at(line).procedureCode;
            codes.sort();
            message = QStringLiteral("Partially paid: %1 is included in the visit's payment "
                                     "(CARC 97).")
                          .arg(codes.join(QStringLiteral(", ")));
        }
    }
    PayorJson::ClaimStatusReport &report = stored.report;
    const QDate today = QDateTime::currentDateTimeUtc().date();
    remittance.claimNumber = claim.claimNumber;
    remittance.payerClaimId = report.payerClaimId;
    remittance.payerName = claim.payerName;
    remittance.source = QStringLiteral("payor");
    remittance.paymentDate = today.addDays(14);
    remittance.checkNumber = QStringLiteral("EFT%1").arg(report.payerClaimId.mid(4));
    total(remittance);
    report.approvedCents = remittance.paidCents;
    report.patientResponsibilityCents = remittance.patientResponsibilityCents;
    report.expectedPaymentDate = status == ClaimStatus::Denied ? QDate() : remittance.paymentDate;
    report.remittance = remittance;
    changeStatus(stored, status, message);
}

void SandboxPayor::changeStatus(Stored &stored, ClaimStatus status, const QString &message)
{
    PayorJson::ClaimStatusReport &report = stored.report;
    const QString previous = report.statusText;
    report.status = status;
    report.statusText = claimStatusKey(status);
    report.message = message;
    report.autoApproved = false;
    report.updatedAt = QDateTime::currentDateTimeUtc();
    PayorJson::ClaimStatusReport announced = report;
    announced.previousStatus = previous;
    scheduleSave();
    Q_EMIT claimStatusChanged(announced);
}

void SandboxPayor::store(Stored stored)
{
    const QString id = stored.report.payerClaimId;
    scheduleSave();
    if (stored.claim.frequency == ClaimFrequency::Original && !stored.claim.claimNumber.isEmpty())
        ++m_claimNumbers[stored.claim.claimNumber];
    m_claims.insert(id, std::move(stored));
    m_order.push_back(id);
    while (int(m_order.size()) > std::max(1, m_options.maxClaims)) {
        const auto old = m_claims.constFind(m_order.front());
        m_order.pop_front();
        if (old == m_claims.cend())
            continue;
        const QString number = old->claim.claimNumber;
        if (old->claim.frequency == ClaimFrequency::Original && m_claimNumbers.contains(number) &&
            --m_claimNumbers[number] <= 0) {
            m_claimNumbers.remove(number);
        }
        m_claims.erase(old);
    }
}

QString SandboxPayor::nextClaimId()
{
    // The run's start in the id: a desk keeps the payor's claim ids across sandbox restarts,
    // so numbers that began at 1 again would name two claims.
    return QStringLiteral("PCL-%1-%2").arg(m_run).arg(m_nextNumber++, 6, 10, QLatin1Char('0'));
}

PayorReply SandboxPayor::claimStatus(const QString &claimId) const
{
    const auto it = m_claims.constFind(claimId);
    if (it == m_claims.cend())
        return {404, error(QStringLiteral("No claim %1 at this payor").arg(claimId))};
    return {200, PayorJson::statusJson(it->report)};
}

PayorReply SandboxPayor::claimUpdates(const QString &providerId, const QString &since) const
{
    if (providerId.trimmed().isEmpty())
        return {400, error(QStringLiteral("provider_id is required"))};
    QDateTime from;
    if (!since.trimmed().isEmpty()) {
        from = QDateTime::fromString(since.trimmed(), Qt::ISODateWithMs);
        if (!from.isValid()) {
            return {
                400,
                error(QStringLiteral("last_sync_time \"%1\" is not an ISO 8601 time").arg(since))};
        }
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<const Stored *> changed;
    for (const Stored &stored : m_claims) {
        if (stored.providerId == providerId.trimmed() &&
            (!from.isValid() || stored.report.updatedAt >= from))
            changed.append(&stored);
    }
    std::sort(changed.begin(), changed.end(), [](const Stored *a, const Stored *b) {
        return std::pair(a->report.updatedAt, a->report.payerClaimId) <
               std::pair(b->report.updatedAt, b->report.payerClaimId);
    });
    QJsonArray updates;
    for (const Stored *stored : std::as_const(changed))
        updates.append(PayorJson::statusJson(stored->report));
    return {200, QJsonObject{{QStringLiteral("updates"), updates},
                             {QStringLiteral("sync_time"), now.toString(Qt::ISODateWithMs)}}};
}

PayorReply SandboxPayor::mappings() const
{
    QJsonArray list;
    for (auto it = m_mappings.cbegin(); it != m_mappings.cend(); ++it)
        list.append(mappingJson(it.key(), it.value()));
    return {200, list};
}

PayorReply SandboxPayor::mapping(const QString &insuranceId) const
{
    if (!m_mappings.contains(insuranceId))
        return {404, error(noMapping(insuranceId))};
    return {200, mappingJson(insuranceId, m_mappings.value(insuranceId))};
}

PayorReply SandboxPayor::addMapping(const QJsonObject &body)
{
    static const QRegularExpression idShape(QStringLiteral("^[A-Za-z0-9_-]{1,50}$"));
    const QString insuranceId = body.value(QLatin1String("insurance_id")).toString().trimmed();
    const QString payorName = body.value(QLatin1String("payor_name")).toString().trimmed();
    QJsonObject problems;
    if (!idShape.match(insuranceId).hasMatch())
        problems.insert(QStringLiteral("insurance_id"),
                        QStringLiteral("required: 1 to 50 letters, digits, '-' or '_'"));
    if (payorName.isEmpty() || payorName.size() > 200)
        problems.insert(QStringLiteral("payor_name"),
                        QStringLiteral("required, up to 200 characters"));
    if (!problems.isEmpty()) {
        return {400, QJsonObject{{QStringLiteral("error"), QStringLiteral("Invalid mapping")},
                                 {QStringLiteral("field_errors"), problems}}};
    }
    const bool existed = m_mappings.contains(insuranceId);
    m_mappings.insert(insuranceId, payorName);
    scheduleSave();
    return {existed ? 200 : 201, mappingJson(insuranceId, payorName)};
}

PayorReply SandboxPayor::removeMapping(const QString &insuranceId)
{
    scheduleSave();
    if (m_mappings.remove(insuranceId) == 0)
        return {404, error(noMapping(insuranceId))};
    return {204, QJsonValue()};
}

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/sandbox/sandboxclearinghouse.h"

#include "services/x12/eligibilityresponse.h"

#include <QDateTime>

namespace {
BenefitInfo benefit(const char *code, const char *level, QStringList serviceTypes,
                    const char *insuranceType, const char *timePeriod = "",
                    std::optional<qint64> amountCents = std::nullopt, const char *network = "")
{
    BenefitInfo b;
    b.code = QLatin1String(code);
    b.coverageLevel = QLatin1String(level);
    b.serviceTypes = std::move(serviceTypes);
    b.insuranceType = QLatin1String(insuranceType);
    b.timePeriod = QLatin1String(timePeriod);
    b.amountCents = amountCents;
    b.network = QLatin1String(network);
    return b;
}

QStringList types(std::initializer_list<const char *> codes)
{
    QStringList list;
    for (const char *c : codes)
        list << QLatin1String(c);
    return list;
}

EligibilityDate date(const char *qualifier, QDate from, QDate to = {})
{
    return EligibilityDate{QLatin1String(qualifier), from, to.isValid() ? to : from};
}

//! The common head of an active answer: plan, group, calendar-year dates, and the EB*1 line
//! naming the plan (returned for the caller to put first among the benefits).
BenefitInfo startActivePlan(EligibilityResult &r, const char *plan, const char *insuranceType,
                            const char *group, const char *groupName, int year,
                            const char *level = "IND")
{
    r.status = EligibilityResult::Status::Active;
    r.planName = QLatin1String(plan);
    r.insuranceType = QLatin1String(insuranceType);
    r.groupNumber = QLatin1String(group);
    r.groupName = QLatin1String(groupName);
    r.dates = {date("346", QDate(year, 1, 1)), date("347", QDate(year, 12, 31))};
    BenefitInfo active = benefit("1", level, types({"30"}), insuranceType);
    active.planDescription = r.planName;
    return active;
}

// The active answer ACT100001 gives (and the busy and slow members once they answer).
void addPpoPlan(EligibilityResult &r, int year)
{
    const BenefitInfo active =
        startActivePlan(r, "Gold PPO 1500", "PR", "GRP10001", "SPRINGFIELD EMPLOYERS", year);
    r.benefits = {
        active,
        benefit("B", "IND", types({"98"}), "PR", "27", 2500, "Y"),
        benefit("B", "IND", types({"98"}), "PR", "27", 5000, "N"),
        benefit("C", "IND", types({"30"}), "PR", "23", 150000, "Y"),
        benefit("C", "IND", types({"30"}), "PR", "29", 70000, "Y"),
        benefit("C", "FAM", types({"30"}), "PR", "23", 300000, "Y"),
        benefit("G", "IND", types({"30"}), "PR", "23", 500000, "Y"),
        benefit("G", "IND", types({"30"}), "PR", "29", 320000, "Y"),
    };
    BenefitInfo coinsurance = benefit("A", "IND", types({"30"}), "PR", "", std::nullopt, "Y");
    coinsurance.percent = 0.2;
    r.benefits.insert(6, coinsurance);
}

void addHmoPlan(EligibilityResult &r, int year)
{
    const BenefitInfo active =
        startActivePlan(r, "Aetna HMO Select", "HM", "GRP20002", "CITY OF SPRINGFIELD", year);
    BenefitInfo pcp = benefit("B", "IND", types({"98"}), "HM", "27", 1500, "Y");
    pcp.messages = {QStringLiteral("PRIMARY CARE PHYSICIAN VISIT")};
    BenefitInfo specialist = benefit("B", "IND", types({"98"}), "HM", "27", 4000, "Y");
    specialist.messages = {QStringLiteral("SPECIALIST OFFICE VISIT")};
    BenefitInfo mri = benefit("1", "IND", types({"62"}), "HM");
    mri.authorizationRequired = QStringLiteral("Y");
    mri.messages = {QStringLiteral("PRIOR AUTHORIZATION REQUIRED FOR MRI")};
    r.benefits = {
        active,
        pcp,
        specialist,
        benefit("B", "IND", types({"86"}), "HM", "27", 15000, "Y"),
        benefit("B", "IND", types({"UC"}), "HM", "27", 5000, "Y"),
        mri,
    };
}

AaaRejection rejection(const char *loop, bool valid, const char *code, const char *followUp)
{
    return AaaRejection{QLatin1String(loop), valid, QLatin1String(code), QLatin1String(followUp)};
}
} // namespace

QString SandboxClearinghouse::payerName(const QString &payerId)
{
    static const QHash<QString, QString> names{
        {QStringLiteral("INS001"), QStringLiteral("BlueCross BlueShield")},
        {QStringLiteral("INS002"), QStringLiteral("Aetna Health")},
        {QStringLiteral("INS003"), QStringLiteral("United Healthcare")},
        {QStringLiteral("HI12345"), QStringLiteral("Health Insurance Premium")},
    };
    return names.value(payerId);
}

QList<EligibilityResult> SandboxClearinghouse::resultsFor(const EligibilityRequest &request,
                                                          int attempt) const
{
    const int year =
        request.serviceDate.isValid() ? request.serviceDate.year() : QDate::currentDate().year();
    const QString profile = request.memberId.trimmed().toUpper().left(4);

    EligibilityResult r;
    r.payerId = request.payerId;
    r.payerName = payerName(request.payerId);
    if (r.payerName.isEmpty())
        r.payerName = request.payerName.toUpper();
    if (profile == QLatin1String("BSY9") && attempt % 3 != 0) {
        // The payer's system is down: the answer stops at the payer loop.
        r.status = EligibilityResult::Status::Rejected;
        r.rejections = {rejection("2100A", true, "42", "R")};
        return {r};
    }

    r.traceNumber = request.traceNumber;
    r.providerName = request.providerName;
    r.providerNpi = request.providerNpi;
    r.subscriber.lastName = request.subscriberLastName.toUpper();
    r.subscriber.firstName = request.subscriberFirstName.toUpper();
    r.subscriber.memberId = request.memberId.trimmed().toUpper();
    r.subscriber.dateOfBirth = request.subscriberDateOfBirth;
    r.subscriber.gender = request.subscriberGender;

    if (profile == QLatin1String("ACT1") || profile == QLatin1String("BSY9") ||
        profile == QLatin1String("SLOW")) {
        addPpoPlan(r, year);
    } else if (profile == QLatin1String("ACT2")) {
        addHmoPlan(r, year);
    } else if (profile == QLatin1String("DEP3")) {
        // The patient is the subscriber's child: the payer answers in the 2000D loop.
        PersonInfo child;
        if (request.patientIsDependent) {
            child.lastName = request.dependentLastName.toUpper();
            child.firstName = request.dependentFirstName.toUpper();
            child.dateOfBirth = request.dependentDateOfBirth;
            child.gender = request.dependentGender;
        } else {
            // Sent as if the child were the subscriber: the payer names the real subscriber.
            child = r.subscriber;
            child.memberId.clear();
            r.subscriber.lastName = QStringLiteral("SMITH");
            r.subscriber.firstName = QStringLiteral("CHRIS");
            r.subscriber.dateOfBirth = QDate(1995, 1, 1);
            r.subscriber.gender = QStringLiteral("M");
        }
        child.relationship = QStringLiteral("19");
        r.dependent = child;
        const BenefitInfo active = startActivePlan(r, "Family Choice PPO", "PR", "GRP30003",
                                                   "SPRINGFIELD SCHOOLS", year, "FAM");
        BenefitInfo coinsurance = benefit("A", "IND", types({"30"}), "PR", "", std::nullopt, "Y");
        coinsurance.percent = 0.1;
        r.benefits = {
            active,
            benefit("B", "IND", types({"98"}), "PR", "27", 3000, "Y"),
            benefit("C", "FAM", types({"30"}), "PR", "23", 300000, "Y"),
            benefit("C", "FAM", types({"30"}), "PR", "29", 240000, "Y"),
            coinsurance,
        };
    } else if (profile == QLatin1String("COB4")) {
        const BenefitInfo active =
            startActivePlan(r, "Choice Plus", "C1", "GRP40004", "RETIREE PLAN", year);
        RelatedEntity medicare;
        medicare.entityCode = QStringLiteral("PRP");
        medicare.name = QStringLiteral("MEDICARE PART B");
        medicare.idQualifier = QStringLiteral("PI");
        medicare.id = QStringLiteral("00435");
        medicare.benefitCode = QStringLiteral("R");
        medicare.serviceTypes = types({"30"});
        medicare.policyNumber = QStringLiteral("1EG4TE5MK73");
        medicare.dates = {date("290", QDate(year, 1, 1))};
        BenefitInfo other = benefit("R", "IND", types({"30"}), "MB");
        other.messages = {QStringLiteral("MEDICARE PART B IS PRIMARY")};
        other.relatedEntities = {medicare};
        r.benefits = {active, benefit("B", "IND", types({"98"}), "C1", "27", 2000, "Y"), other};
        r.otherPayers = {medicare};
    } else if (profile == QLatin1String("INA5")) {
        r.status = EligibilityResult::Status::Inactive;
        r.groupNumber = QStringLiteral("GRP50005");
        r.groupName = QStringLiteral("FORMER EMPLOYER INC");
        r.dates = {date("346", QDate(2025, 7, 1)), date("347", QDate(2026, 6, 30))};
        BenefitInfo inactive = benefit("6", "IND", types({"30"}), "");
        inactive.messages = {QStringLiteral("COVERAGE TERMINATED 06/30/2026")};
        r.benefits = {inactive};
    } else if (profile == QLatin1String("BAD6")) {
        r.status = EligibilityResult::Status::Rejected;
        r.rejections = {rejection("2100C", false, "72", "C")};
    } else if (profile == QLatin1String("NAM7")) {
        r.status = EligibilityResult::Status::Rejected;
        r.rejections = {rejection("2100C", false, "73", "C")};
    } else {
        r.status = EligibilityResult::Status::Rejected;
        r.rejections = {rejection("2100C", false, "75", "C")};
    }
    // A 271 reader also lists every MSG at the result level, in document order.
    for (const BenefitInfo &b : std::as_const(r.benefits))
        r.messages += b.messages;
    return {r};
}

SandboxClearinghouse::Answer SandboxClearinghouse::answer(const QByteArray &request270)
{
    Answer answer;
    const EligibilityRequestParseResult parsed = EligibilityRequestParser::parse(request270);
    if (!parsed.request) {
        answer.httpStatus = 400;
        answer.contentType = QByteArrayLiteral("text/plain; charset=utf-8");
        answer.body = QStringLiteral("Not a valid 270: %1\n").arg(parsed.error).toUtf8();
        return answer;
    }
    const EligibilityRequest &request = *parsed.request;
    const QString memberId = request.memberId.trimmed().toUpper();
    const QString profile = memberId.left(4);
    if (profile == QLatin1String("ERR5")) {
        answer.httpStatus = 503;
        answer.contentType = QByteArrayLiteral("text/plain; charset=utf-8");
        answer.body = QByteArrayLiteral("Service Unavailable\n");
        return answer;
    }
    if (profile == QLatin1String("SLOW"))
        answer.delayMs = slowDelayMs;

    const int attempt = ++m_attempts[memberId];
    answer.results = resultsFor(request, attempt);

    EligibilityResponseEnvelope envelope;
    envelope.senderId = request.receiverId;
    envelope.receiverId = request.senderId;
    envelope.controlNumber = ++m_controlNumber;
    envelope.production = request.production;
    envelope.createdAt = QDateTime::currentDateTimeUtc();
    envelope.submitterReference = request.submitterReference;
    answer.body = EligibilityResponseBuilder::buildBytes(answer.results, envelope);
    return answer;
}

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/x12/eligibilityresponse.h"

#include "services/x12/x12values.h"

#include <QCoreApplication>

#include <array>
#include <cstring>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("X12", text);
}

QByteArrayView element(const X12Segment &segment, int n)
{
    const QList<QByteArray> &elements = segment.elements();
    if (n < 1 || n > elements.size())
        return {};
    return elements.at(n - 1);
}

// Codes repeat thousands of times in a large 271 ("IND", "30", "Y" ...); sharing one QString
// per distinct code saves an allocation each time.
class CodeCache
{
public:
    QString get(QByteArrayView text)
    {
        if (text.isEmpty())
            return {};
        if (text.size() > 8)
            return QString::fromLatin1(text);
        quint64 key = quint64(text.size()) << 56;
        std::memcpy(&key, text.data(), size_t(text.size())); // at most 7 bytes reach the length
        if (text.size() == 8)
            key = qHash(text) | (quint64(1) << 63);
        std::size_t slot = std::size_t((key * 0x9E3779B97F4A7C15ULL) >> 55) & (m_slots.size() - 1);
        for (std::size_t probe = 0; probe < 16; ++probe) {
            Slot &entry = m_slots[(slot + probe) & (m_slots.size() - 1)];
            if (entry.used && entry.key == key && entry.value.size() == text.size())
                return entry.value;
            if (!entry.used) {
                entry = {key, QString::fromLatin1(text), true};
                return entry.value;
            }
        }
        return QString::fromLatin1(text); // a crowded neighbourhood: not worth more probing
    }

private:
    struct Slot
    {
        quint64 key = 0;
        QString value;
        bool used = false;
    };
    std::array<Slot, 512> m_slots;
};

// Joins N3/N4 parts into one line: "445 Great Circle Road, Nashville, TN 37228".
QString joinAddress(const QStringList &parts)
{
    QString line;
    for (const QString &part : parts) {
        if (part.isEmpty())
            continue;
        if (!line.isEmpty())
            line += QLatin1String(", ");
        line += part;
    }
    return line;
}

bool isActiveCode(const QString &code)
{
    return code.size() == 1 && code.at(0) >= QLatin1Char('1') && code.at(0) <= QLatin1Char('5');
}

bool isInactiveCode(const QString &code)
{
    return code.size() == 1 && code.at(0) >= QLatin1Char('6') && code.at(0) <= QLatin1Char('8');
}

bool isPayerEntity(const RelatedEntity &entity)
{
    return entity.benefitCode == QLatin1String("R") || entity.entityCode == QLatin1String("PR") ||
           entity.entityCode == QLatin1String("PRP") || entity.entityCode == QLatin1String("SEP") ||
           entity.entityCode == QLatin1String("TTP");
}

// What one 2000C or 2000D loop said about its person.
struct PatientLoop
{
    PersonInfo person;
    QString trace;       // TRN01 = 2: our trace echoed
    QString payerTrace;  // TRN01 = 1: accepted when there is no echo
    QString planNumber;  // REF*18
    QString planRefName; // REF*18 REF03
    QString groupNumber; // REF*6P, else 1L
    QString groupName;
    bool groupFrom6P = false;
    QList<EligibilityDate> dates;
    QList<AaaRejection> rejections;
    QList<BenefitInfo> benefits;
    QStringList messages;
};

class TransactionParser
{
public:
    TransactionParser(const X12Transaction &transaction, const X12Delimiters &delimiters,
                      int firstNumber, CodeCache &codes, QList<EligibilityResult> &results,
                      QList<X12Issue> &issues)
        : m_transaction(transaction)
        , m_delimiters(delimiters)
        , m_firstNumber(firstNumber)
        , m_codes(codes)
        , m_results(results)
        , m_issues(issues)
    {
    }

    void run();

private:
    enum class Level {
        None,
        Source,
        SourceName,
        Receiver,
        ReceiverName,
        Subscriber,
        SubscriberBenefit,
        Dependent,
        DependentBenefit
    };

    void segment(const X12Segment &s, int number);
    void hierarchy(const X12Segment &s);
    void patientSegment(const X12Segment &s, int number);
    void benefitSegment(const X12Segment &s, int number);
    void entitySegment(const X12Segment &s, int number);
    void rejection(const X12Segment &s);
    void benefit(const X12Segment &s, int number);
    std::optional<EligibilityDate> date(const X12Segment &s, int number);
    void finishDependent();
    void finishSubscriber();
    void finishReceiver();
    void finishSource();
    void requestLevelResult();
    EligibilityResult result(const PatientLoop &patient, const PatientLoop *dependent) const;
    void warn(int number, const QByteArray &id, const QString &message)
    {
        m_issues.append({X12Issue::Severity::Warning, number, id, message});
    }
    QString text(const X12Segment &s, int n) const { return QString::fromLatin1(element(s, n)); }
    QString code(const X12Segment &s, int n) { return m_codes.get(element(s, n)); }
    PatientLoop &patient() { return m_inDependent ? m_dependent : m_subscriber; }
    bool inBenefit() const
    {
        return m_level == Level::SubscriberBenefit || m_level == Level::DependentBenefit;
    }

    const X12Transaction &m_transaction;
    X12Delimiters m_delimiters;
    int m_firstNumber;
    CodeCache &m_codes;
    QList<EligibilityResult> &m_results;
    QList<X12Issue> &m_issues;

    Level m_level = Level::None;
    QString m_payerName;
    QString m_payerId;
    QString m_providerName;
    QString m_providerNpi;
    QList<AaaRejection> m_sourceRejections;   // 2000A, 2100A
    QList<AaaRejection> m_receiverRejections; // 2100B
    bool m_inReceiver = false;
    bool m_sourceHadReceiver = false;
    qsizetype m_resultsAtReceiverStart = 0;

    bool m_inSubscriber = false;
    bool m_inDependent = false;
    PatientLoop m_subscriber;
    PatientLoop m_dependent;
    QList<PatientLoop> m_dependents;

    // The EB being read and its 2120 loops.
    bool m_inEntity = false;
    RelatedEntity *m_entity = nullptr;
    QStringList m_entityStreet;   // N301, N302
    QStringList m_entityLocality; // N401, "N402 N403"
    QString m_benefitPolicy;      // 2110 REF*IG/18/1L for the benefit's entities
    QString m_benefitGroup;       // 2110 REF*6P
};

void TransactionParser::run()
{
    const QList<X12Segment> &segments = m_transaction.segments;
    for (qsizetype i = 0; i < segments.size(); ++i)
        segment(segments.at(i), m_firstNumber + 1 + int(i));
    finishSource();
}

void TransactionParser::segment(const X12Segment &s, int number)
{
    const QByteArray &id = s.id();
    if (id == "HL") {
        hierarchy(s);
        return;
    }
    switch (m_level) {
    case Level::None:
    case Level::Source:
    case Level::SourceName:
        if (id == "NM1") {
            m_payerName = text(s, 3);
            m_payerId = text(s, 9);
            m_level = Level::SourceName;
        } else if (id == "AAA") {
            rejection(s);
        }
        return;
    case Level::Receiver:
    case Level::ReceiverName:
        if (id == "NM1") {
            m_providerName = text(s, 3);
            m_providerNpi = element(s, 8) == "XX" ? text(s, 9) : QString();
            m_level = Level::ReceiverName;
        } else if (id == "AAA") {
            rejection(s);
        }
        return;
    case Level::Subscriber:
    case Level::Dependent:
        patientSegment(s, number);
        return;
    case Level::SubscriberBenefit:
    case Level::DependentBenefit:
        benefitSegment(s, number);
        return;
    }
}

void TransactionParser::hierarchy(const X12Segment &s)
{
    const QByteArrayView level = element(s, 3);
    if (level == "20") {
        finishSource();
        m_level = Level::Source;
    } else if (level == "21") {
        finishReceiver();
        m_level = Level::Receiver;
        m_inReceiver = true;
        m_sourceHadReceiver = true;
        m_resultsAtReceiverStart = m_results.size();
    } else if (level == "22") {
        finishSubscriber();
        m_inSubscriber = true;
        m_subscriber = PatientLoop();
        m_level = Level::Subscriber;
    } else if (level == "23") {
        finishDependent();
        if (!m_inSubscriber) { // a dependent needs its subscriber; start an empty one
            m_inSubscriber = true;
            m_subscriber = PatientLoop();
        }
        m_inDependent = true;
        m_dependent = PatientLoop();
        m_level = Level::Dependent;
    }
    m_inEntity = false;
    m_entity = nullptr;
}

void TransactionParser::patientSegment(const X12Segment &s, int number)
{
    PatientLoop &p = patient();
    const QByteArray &id = s.id();
    if (id == "EB") {
        benefit(s, number);
    } else if (id == "NM1") {
        p.person.lastName = text(s, 3);
        p.person.firstName = text(s, 4);
        p.person.middleName = text(s, 5);
        p.person.suffix = text(s, 7);
        p.person.memberId = text(s, 9);
    } else if (id == "TRN") {
        const QByteArrayView type = element(s, 1);
        if (type == "2" && p.trace.isEmpty())
            p.trace = text(s, 2);
        else if (type == "1" && p.payerTrace.isEmpty())
            p.payerTrace = text(s, 2);
    } else if (id == "AAA") {
        rejection(s);
    } else if (id == "DMG") {
        if (element(s, 1) == "D8" || element(s, 1).isEmpty()) {
            p.person.dateOfBirth = X12Values::parseD8(element(s, 2));
            if (!element(s, 2).isEmpty() && !p.person.dateOfBirth.isValid())
                warn(number, s.id(),
                     tr("DMG02 \"%1\" is not a valid date of birth; it was ignored.")
                         .arg(X12Values::describeBytes(element(s, 2))));
        }
        p.person.gender = code(s, 3);
    } else if (id == "DTP") {
        if (const auto d = date(s, number))
            p.dates.append(*d);
    } else if (id == "REF") {
        const QByteArrayView qualifier = element(s, 1);
        if (qualifier == "18") {
            p.planNumber = text(s, 2);
            p.planRefName = text(s, 3);
        } else if (qualifier == "6P" || (qualifier == "1L" && !p.groupFrom6P)) {
            p.groupNumber = text(s, 2);
            p.groupName = text(s, 3);
            p.groupFrom6P = qualifier == "6P";
        }
    } else if (id == "N3") {
        p.person.addressLine = joinAddress({text(s, 1), text(s, 2)});
    } else if (id == "N4") {
        p.person.city = text(s, 1);
        p.person.state = code(s, 2);
        p.person.zip = text(s, 3);
    } else if (id == "INS") {
        p.person.relationship = code(s, 2);
    } else if (id == "MSG") {
        p.messages.append(text(s, 1));
    }
}

void TransactionParser::benefitSegment(const X12Segment &s, int number)
{
    PatientLoop &p = patient();
    BenefitInfo &b = p.benefits.last();
    const QByteArray &id = s.id();
    if (id == "EB") {
        benefit(s, number);
    } else if (id == "LS") {
        m_inEntity = true;
        m_entity = nullptr;
    } else if (id == "LE") {
        m_inEntity = false;
        m_entity = nullptr;
    } else if (id == "NM1" || (m_inEntity && m_entity &&
                               (id == "N3" || id == "N4" || id == "PER" || id == "PRV" ||
                                id == "REF" || id == "DTP"))) {
        // NM1 opens a 2120 loop (also when a payer forgot the LS around it).
        entitySegment(s, number);
    } else if (id == "DTP") {
        if (const auto d = date(s, number))
            b.dates.append(*d);
    } else if (id == "MSG") {
        const QString message = text(s, 1);
        b.messages.append(message);
        p.messages.append(message);
    } else if (id == "AAA") {
        rejection(s);
    } else if (id == "REF") {
        // A 2110 REF under EB*R describes the other coverage that its 2120 loops name.
        const QByteArrayView qualifier = element(s, 1);
        if (qualifier == "IG" ||
            ((qualifier == "18" || qualifier == "1L") && m_benefitPolicy.isEmpty()))
            m_benefitPolicy = text(s, 2);
        else if (qualifier == "6P")
            m_benefitGroup = text(s, 2);
    }
}

void TransactionParser::entitySegment(const X12Segment &s, int number)
{
    BenefitInfo &b = patient().benefits.last();
    const QByteArray &id = s.id();
    if (id == "NM1") {
        RelatedEntity entity;
        entity.entityCode = code(s, 1);
        entity.name = text(s, 3);
        entity.firstName = text(s, 4);
        entity.idQualifier = code(s, 8);
        entity.id = text(s, 9);
        entity.benefitCode = b.code;
        entity.serviceTypes = b.serviceTypes;
        entity.policyNumber = m_benefitPolicy;
        entity.groupNumber = m_benefitGroup;
        b.relatedEntities.append(entity);
        m_entity = &b.relatedEntities.last();
        m_inEntity = true;
        m_entityStreet.clear();
        m_entityLocality.clear();
        return;
    }
    RelatedEntity &e = *m_entity;
    if (id == "N3") {
        m_entityStreet = {text(s, 1), text(s, 2)};
        e.address = joinAddress(m_entityStreet + m_entityLocality);
    } else if (id == "N4") {
        m_entityLocality = {text(s, 1), (text(s, 2) + QLatin1Char(' ') + text(s, 3)).trimmed()};
        e.address = joinAddress(m_entityStreet + m_entityLocality);
    } else if (id == "PER") {
        for (int n = 3; n <= 7 && e.phone.isEmpty(); n += 2) {
            const QByteArrayView qualifier = element(s, n);
            if (qualifier == "TE" || qualifier == "WP" || qualifier == "HP")
                e.phone = text(s, n + 1);
        }
    } else if (id == "REF") {
        const QByteArrayView qualifier = element(s, 1);
        if (qualifier == "IG" || qualifier == "18" || qualifier == "1L")
            e.policyNumber = text(s, 2);
        else if (qualifier == "6P")
            e.groupNumber = text(s, 2);
    } else if (id == "DTP") {
        if (const auto d = date(s, number))
            e.dates.append(*d);
    }
}

void TransactionParser::rejection(const X12Segment &s)
{
    AaaRejection r;
    r.validRequest = element(s, 1) == "Y";
    r.code = code(s, 3);
    r.followUp = code(s, 4);
    switch (m_level) {
    case Level::None:
    case Level::Source:
        r.loop = QStringLiteral("2000A");
        m_sourceRejections.append(r);
        return;
    case Level::SourceName:
        r.loop = QStringLiteral("2100A");
        m_sourceRejections.append(r);
        return;
    case Level::Receiver:
    case Level::ReceiverName:
        r.loop = QStringLiteral("2100B");
        m_receiverRejections.append(r);
        return;
    case Level::Subscriber:
        r.loop = QStringLiteral("2100C");
        break;
    case Level::SubscriberBenefit:
        r.loop = QStringLiteral("2110C");
        break;
    case Level::Dependent:
        r.loop = QStringLiteral("2100D");
        break;
    case Level::DependentBenefit:
        r.loop = QStringLiteral("2110D");
        break;
    }
    patient().rejections.append(r);
}

void TransactionParser::benefit(const X12Segment &s, int number)
{
    BenefitInfo b;
    b.code = code(s, 1);
    b.coverageLevel = code(s, 2);
    const QByteArrayView types = element(s, 3);
    if (!types.isEmpty()) {
        const char separator = m_delimiters.repetition;
        qsizetype start = 0;
        for (qsizetype i = 0; i <= types.size(); ++i) {
            if (i == types.size() || (separator != '\0' && types[i] == separator)) {
                b.serviceTypes.append(m_codes.get(types.sliced(start, i - start)));
                start = i + 1;
            }
        }
    }
    b.insuranceType = code(s, 4);
    b.planDescription = text(s, 5);
    b.timePeriod = code(s, 6);
    if (const QByteArrayView amount = element(s, 7); !amount.isEmpty()) {
        b.amountCents = X12Values::parseMoneyCents(amount);
        if (!b.amountCents)
            warn(number, s.id(),
                 tr("EB07 \"%1\" is not an amount; the benefit was kept without it.")
                     .arg(X12Values::describeBytes(amount)));
    }
    if (const QByteArrayView percent = element(s, 8); !percent.isEmpty()) {
        b.percent = X12Values::parseDecimal(percent);
        if (!b.percent)
            warn(number, s.id(),
                 tr("EB08 \"%1\" is not a percentage; the benefit was kept without it.")
                     .arg(X12Values::describeBytes(percent)));
    }
    b.quantityQualifier = code(s, 9);
    if (const QByteArrayView quantity = element(s, 10); !quantity.isEmpty()) {
        b.quantity = X12Values::parseDecimal(quantity);
        if (!b.quantity)
            warn(number, s.id(),
                 tr("EB10 \"%1\" is not a quantity; the benefit was kept without it.")
                     .arg(X12Values::describeBytes(quantity)));
    }
    b.authorizationRequired = code(s, 11);
    b.network = code(s, 12);
    if (const QByteArrayView procedure = element(s, 13); !procedure.isEmpty()) {
        // Components are shown with ':' whatever separator the payer used.
        QByteArray joined = procedure.toByteArray();
        if (m_delimiters.component != ':')
            joined.replace(m_delimiters.component, ':');
        b.procedure = QString::fromLatin1(joined);
    }
    PatientLoop &p = patient();
    p.benefits.append(std::move(b));
    m_level = m_inDependent ? Level::DependentBenefit : Level::SubscriberBenefit;
    m_inEntity = false;
    m_entity = nullptr;
    m_benefitPolicy.clear();
    m_benefitGroup.clear();
}

std::optional<EligibilityDate> TransactionParser::date(const X12Segment &s, int number)
{
    EligibilityDate d;
    d.qualifier = code(s, 1);
    const QByteArrayView format = element(s, 2);
    const QByteArrayView value = element(s, 3);
    if (format == "RD8" && value.size() == 17 && value[8] == '-') {
        d.from = X12Values::parseD8(value.first(8));
        d.to = X12Values::parseD8(value.sliced(9));
    } else if (format == "D8" || (format == "DT" && value.size() >= 8)) {
        d.from = X12Values::parseD8(format == "DT" ? value.first(8) : value);
        d.to = d.from;
    }
    if (!d.from.isValid() || !d.to.isValid()) {
        warn(number, s.id(),
             tr("DTP %1 date \"%2\" (format %3) is not a valid date; it was ignored.")
                 .arg(d.qualifier, X12Values::describeBytes(value),
                      X12Values::describeBytes(format)));
        return std::nullopt;
    }
    return d;
}

void TransactionParser::finishDependent()
{
    if (!m_inDependent)
        return;
    m_inDependent = false;
    m_dependents.append(std::move(m_dependent));
    m_dependent = PatientLoop();
}

void TransactionParser::finishSubscriber()
{
    finishDependent();
    if (!m_inSubscriber)
        return;
    m_inSubscriber = false;
    // A subscriber loop that only leads to dependents is not an answer of its own.
    if (m_dependents.isEmpty() || !m_subscriber.benefits.isEmpty())
        m_results.append(result(m_subscriber, nullptr));
    for (const PatientLoop &dependent : std::as_const(m_dependents))
        m_results.append(result(m_subscriber, &dependent));
    m_dependents.clear();
}

void TransactionParser::finishReceiver()
{
    finishSubscriber();
    if (m_inReceiver && m_results.size() == m_resultsAtReceiverStart)
        requestLevelResult();
    m_inReceiver = false;
    m_providerName.clear();
    m_providerNpi.clear();
    m_receiverRejections.clear();
}

void TransactionParser::finishSource()
{
    finishReceiver();
    if (!m_sourceHadReceiver)
        requestLevelResult();
    m_sourceHadReceiver = false;
    m_payerName.clear();
    m_payerId.clear();
    m_sourceRejections.clear();
}

// A request refused before any subscriber loop still gets an answer: one result.
void TransactionParser::requestLevelResult()
{
    if (!m_sourceRejections.isEmpty() || !m_receiverRejections.isEmpty()) {
        EligibilityResult r;
        r.payerName = m_payerName;
        r.payerId = m_payerId;
        r.providerName = m_providerName;
        r.providerNpi = m_providerNpi;
        r.rejections = m_sourceRejections + m_receiverRejections;
        r.status = EligibilityResult::Status::Rejected;
        m_results.append(r);
    }
}

EligibilityResult TransactionParser::result(const PatientLoop &subscriber,
                                            const PatientLoop *dependent) const
{
    const PatientLoop &patient = dependent ? *dependent : subscriber;
    EligibilityResult r;
    r.payerName = m_payerName;
    r.payerId = m_payerId;
    r.providerName = m_providerName;
    r.providerNpi = m_providerNpi;
    r.subscriber = subscriber.person;
    if (dependent)
        r.dependent = dependent->person;

    for (const QString *trace :
         {&patient.trace, &patient.payerTrace, &subscriber.trace, &subscriber.payerTrace}) {
        if (!trace->isEmpty()) {
            r.traceNumber = *trace;
            break;
        }
    }
    // Plan, group and dates of the subscriber apply to a dependent that does not say otherwise.
    const PatientLoop &refs = patient.planNumber.isEmpty() && patient.planRefName.isEmpty() &&
                                      patient.groupNumber.isEmpty() && patient.groupName.isEmpty()
                                  ? subscriber
                                  : patient;
    r.planNumber = refs.planNumber;
    r.groupNumber = refs.groupNumber;
    r.groupName = refs.groupName;
    r.dates = patient.dates.isEmpty() ? subscriber.dates : patient.dates;

    r.benefits = patient.benefits;
    r.messages = patient.messages;
    r.rejections = m_sourceRejections + m_receiverRejections;
    if (dependent) {
        for (const AaaRejection &rejection : subscriber.rejections) {
            if (rejection.loop == QLatin1String("2100C"))
                r.rejections.append(rejection);
        }
    }
    r.rejections += patient.rejections;

    bool active = false;
    bool inactive = false;
    for (const BenefitInfo &benefit : std::as_const(r.benefits)) {
        if (isActiveCode(benefit.code)) {
            if (r.planName.isEmpty())
                r.planName = benefit.planDescription;
            if (r.insuranceType.isEmpty())
                r.insuranceType = benefit.insuranceType;
            active = true;
        } else if (isInactiveCode(benefit.code)) {
            inactive = true;
        }
        for (const RelatedEntity &entity : benefit.relatedEntities) {
            if (isPayerEntity(entity))
                r.otherPayers.append(entity);
        }
    }
    if (r.planName.isEmpty())
        r.planName = refs.planRefName;
    if (active)
        r.status = EligibilityResult::Status::Active;
    else if (inactive)
        r.status = EligibilityResult::Status::Inactive;
    else if (!r.rejections.isEmpty())
        r.status = EligibilityResult::Status::Rejected;
    return r;
}

} // namespace

EligibilityResponseParseResult EligibilityResponseParser::parse(const X12Interchange &interchange)
{
    EligibilityResponseParseResult out;
    CodeCache codes;
    QStringList otherTypes;
    bool any271 = false;
    int number = 1; // ISA
    for (const X12FunctionalGroup &group : interchange.groups) {
        ++number; // GS
        for (const X12Transaction &transaction : group.transactions) {
            const int first = ++number; // ST
            number += int(transaction.segments.size()) + 1;
            if (transaction.header.element(1) != "271") {
                otherTypes.append(transaction.header.text(1));
                continue;
            }
            any271 = true;
            TransactionParser(transaction, interchange.delimiters, first, codes, out.results,
                              out.issues)
                .run();
        }
        ++number; // GE
    }
    if (!any271) {
        otherTypes.removeDuplicates();
        out.error =
            otherTypes.isEmpty()
                ? tr("The interchange holds no transaction, so no 271 eligibility response.")
                : tr("The interchange holds no 271 eligibility response (found: %1).")
                      .arg(otherTypes.join(QLatin1String(", ")));
    }
    return out;
}

EligibilityResponseParseResult EligibilityResponseParser::parse(const QByteArray &bytes,
                                                                X12Reader::Options options)
{
    X12ReadResult read = X12Reader(options).read(bytes);
    if (!read.ok()) {
        EligibilityResponseParseResult out;
        out.error = read.errorString();
        out.issues = read.issues;
        return out;
    }
    EligibilityResponseParseResult out = parse(*read.interchange);
    out.issues = read.issues + out.issues;
    return out;
}

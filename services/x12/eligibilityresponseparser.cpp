// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/x12/eligibilityresponse.h"

#include "services/x12/eligibilitycodes.h"
#include "services/x12/x12streamreader.h"
#include "services/x12/x12values.h"

#include <QCoreApplication>
#include <QHash>

#include <array>
#include <cstring>

namespace {

// Codes repeat thousands of times in a large 271 ("IND", "30", "Y" ...). This per-parse
// cache in front of X12Values::internedCode() hands out strings that copy without reference
// counting and without taking the intern pool's lock.
class CodeCache
{
public:
    QString get(QByteArrayView text)
    {
        if (text.isEmpty())
            return {};
        if (text.size() > 7)
            return X12Values::internedCode(text);
        quint64 key = quint64(text.size()) << 56; // the length keeps "1" and "1\0" apart
        std::memcpy(&key, text.data(), size_t(text.size()));
        const std::size_t mask = m_slots.size() - 1;
        const std::size_t slot = std::size_t((key * 0x9E3779B97F4A7C15ULL) >> 40) & mask;
        for (std::size_t probe = 0; probe < 8; ++probe) {
            Slot &entry = m_slots[(slot + probe) & mask];
            if (entry.key == key)
                return entry.value;
            if (entry.key == 0) {
                entry = {key, X12Values::internedCode(text)};
                return entry.value;
            }
        }
        return X12Values::internedCode(text);
    }

private:
    struct Slot
    {
        quint64 key = 0; // 0: free (a real key always has its length in the top byte)
        QString value;
    };
    std::array<Slot, 1024> m_slots;
};

// The segments the parser looks at, so that each id is compared once.
enum class Tag { Other, HL, NM1, AAA, EB, TRN, DMG, DTP, REF, N3, N4, INS, MSG, LS, LE, PER, PRV };

constexpr quint32 tagKey(const char *id)
{
    quint32 key = 0;
    for (int i = 0; id[i]; ++i)
        key |= quint32(uchar(id[i])) << (8 * i);
    return key;
}

Tag tagOf(QByteArrayView id)
{
    if (id.size() > 3)
        return Tag::Other;
    quint32 key = 0;
    for (qsizetype i = 0; i < id.size(); ++i)
        key |= quint32(uchar(id[i])) << (8 * i);
    switch (key) {
    case tagKey("HL"):
        return Tag::HL;
    case tagKey("NM1"):
        return Tag::NM1;
    case tagKey("AAA"):
        return Tag::AAA;
    case tagKey("EB"):
        return Tag::EB;
    case tagKey("TRN"):
        return Tag::TRN;
    case tagKey("DMG"):
        return Tag::DMG;
    case tagKey("DTP"):
        return Tag::DTP;
    case tagKey("REF"):
        return Tag::REF;
    case tagKey("N3"):
        return Tag::N3;
    case tagKey("N4"):
        return Tag::N4;
    case tagKey("INS"):
        return Tag::INS;
    case tagKey("MSG"):
        return Tag::MSG;
    case tagKey("LS"):
        return Tag::LS;
    case tagKey("LE"):
        return Tag::LE;
    case tagKey("PER"):
        return Tag::PER;
    case tagKey("PRV"):
        return Tag::PRV;
    default:
        return Tag::Other;
    }
}

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
    TransactionParser(const X12Delimiters &delimiters, CodeCache &codes,
                      QList<EligibilityResult> &results, QList<X12Issue> &issues)
        : m_delimiters(delimiters)
        , m_codes(codes)
        , m_results(results)
        , m_issues(issues)
    {
    }

    //! One segment between ST and SE.
    void segment(const X12SegmentView &s, int number);
    //! SE: what is still open becomes results.
    void finish() { finishSource(); }

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

    void hierarchy(const X12SegmentView &s);
    void patientSegment(const X12SegmentView &s, Tag tag, int number);
    void benefitSegment(const X12SegmentView &s, Tag tag, int number);
    void entitySegment(const X12SegmentView &s, Tag tag, int number);
    void rejection(const X12SegmentView &s);
    void benefit(const X12SegmentView &s, int number);
    std::optional<EligibilityDate> date(const X12SegmentView &s, int number);
    QStringList serviceTypes(QByteArrayView types);
    void finishDependent();
    void finishSubscriber();
    void finishReceiver();
    void finishSource();
    void requestLevelResult();
    EligibilityResult result(PatientLoop &patient, const PatientLoop *subscriber) const;
    void warn(int number, const QByteArray &id, const QString &message)
    {
        m_issues.append({X12Issue::Severity::Warning, number, id, message});
    }
    QString text(const X12SegmentView &s, int n) const { return QString::fromLatin1(s.element(n)); }
    QString code(const X12SegmentView &s, int n) { return m_codes.get(s.element(n)); }
    PatientLoop &patient() { return m_inDependent ? m_dependent : m_subscriber; }

    X12Delimiters m_delimiters;
    CodeCache &m_codes;
    QHash<QByteArrayView, QStringList> m_serviceTypes;
    int m_benefitsHint = 0;
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

void TransactionParser::segment(const X12SegmentView &s, int number)
{
    const Tag tag = tagOf(s.id);
    if (tag == Tag::HL) {
        hierarchy(s);
        return;
    }
    switch (m_level) {
    case Level::None:
    case Level::Source:
    case Level::SourceName:
        if (tag == Tag::NM1) {
            m_payerName = text(s, 3);
            m_payerId = text(s, 9);
            m_level = Level::SourceName;
        } else if (tag == Tag::AAA) {
            rejection(s);
        }
        return;
    case Level::Receiver:
    case Level::ReceiverName:
        if (tag == Tag::NM1) {
            m_providerName = text(s, 3);
            m_providerNpi = s.element(8) == "XX" ? text(s, 9) : QString();
            m_level = Level::ReceiverName;
        } else if (tag == Tag::AAA) {
            rejection(s);
        }
        return;
    case Level::Subscriber:
    case Level::Dependent:
        patientSegment(s, tag, number);
        return;
    case Level::SubscriberBenefit:
    case Level::DependentBenefit:
        benefitSegment(s, tag, number);
        return;
    }
}

void TransactionParser::hierarchy(const X12SegmentView &s)
{
    const QByteArrayView level = s.element(3);
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

void TransactionParser::patientSegment(const X12SegmentView &s, Tag tag, int number)
{
    PatientLoop &p = patient();
    if (tag == Tag::EB) {
        benefit(s, number);
    } else if (tag == Tag::NM1) {
        p.person.lastName = text(s, 3);
        p.person.firstName = text(s, 4);
        p.person.middleName = text(s, 5);
        p.person.suffix = text(s, 7);
        p.person.memberId = text(s, 9);
    } else if (tag == Tag::TRN) {
        const QByteArrayView type = s.element(1);
        if (type == "2" && p.trace.isEmpty())
            p.trace = text(s, 2);
        else if (type == "1" && p.payerTrace.isEmpty())
            p.payerTrace = text(s, 2);
    } else if (tag == Tag::AAA) {
        rejection(s);
    } else if (tag == Tag::DMG) {
        if (s.element(1) == "D8" || s.element(1).isEmpty()) {
            p.person.dateOfBirth = X12Values::parseD8(s.element(2));
            if (!s.element(2).isEmpty() && !p.person.dateOfBirth.isValid())
                warn(number, s.id.toByteArray(),
                     QCoreApplication::translate(
                         "X12", "DMG02 \"%1\" is not a valid date of birth; it was ignored.")
                         .arg(X12Values::describeBytes(s.element(2))));
        }
        p.person.gender = code(s, 3);
    } else if (tag == Tag::DTP) {
        if (const auto d = date(s, number))
            p.dates.append(*d);
    } else if (tag == Tag::REF) {
        const QByteArrayView qualifier = s.element(1);
        if (qualifier == "18") {
            p.planNumber = text(s, 2);
            p.planRefName = text(s, 3);
        } else if (qualifier == "6P" || (qualifier == "1L" && !p.groupFrom6P)) {
            p.groupNumber = text(s, 2);
            p.groupName = text(s, 3);
            p.groupFrom6P = qualifier == "6P";
        }
    } else if (tag == Tag::N3) {
        p.person.addressLine = joinAddress({text(s, 1), text(s, 2)});
    } else if (tag == Tag::N4) {
        p.person.city = text(s, 1);
        p.person.state = code(s, 2);
        p.person.zip = text(s, 3);
    } else if (tag == Tag::INS) {
        p.person.relationship = code(s, 2);
    } else if (tag == Tag::MSG) {
        p.messages.append(text(s, 1));
    }
}

void TransactionParser::benefitSegment(const X12SegmentView &s, Tag tag, int number)
{
    PatientLoop &p = patient();
    BenefitInfo &b = p.benefits.last();
    if (tag == Tag::EB) {
        benefit(s, number);
    } else if (tag == Tag::LS) {
        m_inEntity = true;
        m_entity = nullptr;
    } else if (tag == Tag::LE) {
        m_inEntity = false;
        m_entity = nullptr;
    } else if (tag == Tag::NM1 || (m_inEntity && m_entity &&
                                   (tag == Tag::N3 || tag == Tag::N4 || tag == Tag::PER ||
                                    tag == Tag::PRV || tag == Tag::REF || tag == Tag::DTP))) {
        // NM1 opens a 2120 loop (also when a payer forgot the LS around it).
        entitySegment(s, tag, number);
    } else if (tag == Tag::DTP) {
        if (const auto d = date(s, number))
            b.dates.append(*d);
    } else if (tag == Tag::MSG) {
        const QString message = text(s, 1);
        b.messages.append(message);
        p.messages.append(message);
    } else if (tag == Tag::AAA) {
        rejection(s);
    } else if (tag == Tag::REF) {
        // A 2110 REF under EB*R describes the other coverage that its 2120 loops name.
        const QByteArrayView qualifier = s.element(1);
        if (qualifier == "IG" ||
            ((qualifier == "18" || qualifier == "1L") && m_benefitPolicy.isEmpty()))
            m_benefitPolicy = text(s, 2);
        else if (qualifier == "6P")
            m_benefitGroup = text(s, 2);
    }
}

void TransactionParser::entitySegment(const X12SegmentView &s, Tag tag, int number)
{
    BenefitInfo &b = patient().benefits.last();
    if (tag == Tag::NM1) {
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
    if (tag == Tag::N3) {
        m_entityStreet = {text(s, 1), text(s, 2)};
        e.address = joinAddress(m_entityStreet + m_entityLocality);
    } else if (tag == Tag::N4) {
        m_entityLocality = {text(s, 1), (text(s, 2) + QLatin1Char(' ') + text(s, 3)).trimmed()};
        e.address = joinAddress(m_entityStreet + m_entityLocality);
    } else if (tag == Tag::PER) {
        for (int n = 3; n <= 7 && e.phone.isEmpty(); n += 2) {
            const QByteArrayView qualifier = s.element(n);
            if (qualifier == "TE" || qualifier == "WP" || qualifier == "HP")
                e.phone = text(s, n + 1);
        }
    } else if (tag == Tag::REF) {
        const QByteArrayView qualifier = s.element(1);
        if (qualifier == "IG" || qualifier == "18" || qualifier == "1L")
            e.policyNumber = text(s, 2);
        else if (qualifier == "6P")
            e.groupNumber = text(s, 2);
    } else if (tag == Tag::DTP) {
        if (const auto d = date(s, number))
            e.dates.append(*d);
    }
}

void TransactionParser::rejection(const X12SegmentView &s)
{
    AaaRejection r;
    r.validRequest = s.element(1) == "Y";
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

void TransactionParser::benefit(const X12SegmentView &s, int number)
{
    BenefitInfo b;
    b.code = code(s, 1);
    b.coverageLevel = code(s, 2);
    b.serviceTypes = serviceTypes(s.element(3));
    b.insuranceType = code(s, 4);
    b.planDescription = text(s, 5);
    b.timePeriod = code(s, 6);
    if (const QByteArrayView amount = s.element(7); !amount.isEmpty()) {
        b.amountCents = X12Values::parseMoneyCents(amount);
        if (!b.amountCents)
            warn(number, s.id.toByteArray(),
                 QCoreApplication::translate(
                     "X12", "EB07 \"%1\" is not an amount; the benefit was kept without it.")
                     .arg(X12Values::describeBytes(amount)));
    }
    if (const QByteArrayView percent = s.element(8); !percent.isEmpty()) {
        b.percent = X12Values::parseDecimal(percent);
        if (!b.percent)
            warn(number, s.id.toByteArray(),
                 QCoreApplication::translate(
                     "X12", "EB08 \"%1\" is not a percentage; the benefit was kept without it.")
                     .arg(X12Values::describeBytes(percent)));
    }
    b.quantityQualifier = code(s, 9);
    if (const QByteArrayView quantity = s.element(10); !quantity.isEmpty()) {
        b.quantity = X12Values::parseDecimal(quantity);
        if (!b.quantity)
            warn(number, s.id.toByteArray(),
                 QCoreApplication::translate(
                     "X12", "EB10 \"%1\" is not a quantity; the benefit was kept without it.")
                     .arg(X12Values::describeBytes(quantity)));
    }
    b.authorizationRequired = code(s, 11);
    b.network = code(s, 12);
    if (const QByteArrayView procedure = s.element(13); !procedure.isEmpty()) {
        // Components are shown with ':' whatever separator the payer used.
        QByteArray joined = procedure.toByteArray();
        if (m_delimiters.component != ':')
            joined.replace(m_delimiters.component, ':');
        b.procedure = QString::fromLatin1(joined);
    }
    PatientLoop &p = patient();
    // Answers in one file tend to have as many EBs as the last one: spare the regrowth.
    if (p.benefits.isEmpty())
        p.benefits.reserve(qBound(4, m_benefitsHint, 64));
    p.benefits.append(std::move(b));
    m_benefitsHint = qMax(m_benefitsHint, int(p.benefits.size()));
    m_level = m_inDependent ? Level::DependentBenefit : Level::SubscriberBenefit;
    m_inEntity = false;
    m_entity = nullptr;
    m_benefitPolicy.clear();
    m_benefitGroup.clear();
}

QStringList TransactionParser::serviceTypes(QByteArrayView types)
{
    if (types.isEmpty())
        return {};
    // "30" or "1^33^35^47^86^88^98^AL^MH^UC" repeat from EB to EB: share the list.
    const auto cached = m_serviceTypes.constFind(types);
    if (cached != m_serviceTypes.constEnd())
        return *cached;
    QStringList list;
    const char separator = m_delimiters.repetition;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= types.size(); ++i) {
        if (i == types.size() || (separator != '\0' && types[i] == separator)) {
            list.append(m_codes.get(types.sliced(start, i - start)));
            start = i + 1;
        }
    }
    if (m_serviceTypes.size() < 256)
        m_serviceTypes.insert(types, list); // the key views the input, which outlives the parse
    return list;
}

std::optional<EligibilityDate> TransactionParser::date(const X12SegmentView &s, int number)
{
    EligibilityDate d;
    d.qualifier = code(s, 1);
    const QByteArrayView format = s.element(2);
    const QByteArrayView value = s.element(3);
    if (format == "RD8" && value.size() == 17 && value[8] == '-') {
        d.from = X12Values::parseD8(value.first(8));
        d.to = X12Values::parseD8(value.sliced(9));
    } else if (format == "D8" || (format == "DT" && value.size() >= 8)) {
        d.from = X12Values::parseD8(format == "DT" ? value.first(8) : value);
        d.to = d.from;
    }
    if (!d.from.isValid() || !d.to.isValid()) {
        warn(number, s.id.toByteArray(),
             QCoreApplication::translate(
                 "X12", "DTP %1 date \"%2\" (format %3) is not a valid date; it was ignored.")
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
    if (m_dependents.isEmpty()) {
        m_results.append(result(m_subscriber, nullptr));
    } else {
        if (!m_subscriber.benefits.isEmpty()) {
            PatientLoop own = m_subscriber; // the dependents still need the subscriber
            m_results.append(result(own, nullptr));
        }
        for (PatientLoop &dependent : m_dependents)
            m_results.append(result(dependent, &m_subscriber));
        m_dependents.clear();
    }
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

// patient is the loop answered and is consumed; subscriber is its 2000C when it is a 2000D.
EligibilityResult TransactionParser::result(PatientLoop &patient,
                                            const PatientLoop *subscriber) const
{
    EligibilityResult r;
    r.payerName = m_payerName;
    r.payerId = m_payerId;
    r.providerName = m_providerName;
    r.providerNpi = m_providerNpi;
    if (subscriber) {
        r.subscriber = subscriber->person;
        r.dependent = std::move(patient.person);
    } else {
        r.subscriber = std::move(patient.person);
    }
    for (const QString *trace : {&patient.trace, &patient.payerTrace}) {
        if (!trace->isEmpty()) {
            r.traceNumber = *trace;
            break;
        }
    }
    if (r.traceNumber.isEmpty() && subscriber)
        r.traceNumber = subscriber->trace.isEmpty() ? subscriber->payerTrace : subscriber->trace;

    // Plan, group and dates of the subscriber apply to a dependent that does not say otherwise.
    const bool ownRefs = !(patient.planNumber.isEmpty() && patient.planRefName.isEmpty() &&
                           patient.groupNumber.isEmpty() && patient.groupName.isEmpty());
    const PatientLoop &refs = ownRefs || !subscriber ? patient : *subscriber;
    r.planNumber = refs.planNumber;
    r.groupNumber = refs.groupNumber;
    r.groupName = refs.groupName;
    const QString planRefName = refs.planRefName;
    if (!patient.dates.isEmpty() || !subscriber)
        r.dates = std::move(patient.dates);
    else
        r.dates = subscriber->dates;

    r.benefits = std::move(patient.benefits);
    r.messages = std::move(patient.messages);
    r.rejections = m_sourceRejections + m_receiverRejections;
    if (subscriber) {
        for (const AaaRejection &rejection : subscriber->rejections) {
            if (rejection.loop == QLatin1String("2100C"))
                r.rejections.append(rejection);
        }
    }
    r.rejections += patient.rejections;

    bool active = false;
    bool inactive = false;
    for (const BenefitInfo &benefit : std::as_const(r.benefits)) {
        if (EligibilityCodes::isActiveCoverage(benefit.code)) {
            if (r.planName.isEmpty())
                r.planName = benefit.planDescription;
            if (r.insuranceType.isEmpty())
                r.insuranceType = benefit.insuranceType;
            active = true;
        } else if (EligibilityCodes::isInactiveCoverage(benefit.code)) {
            inactive = true;
        }
        for (const RelatedEntity &entity : benefit.relatedEntities) {
            if (isPayerEntity(entity))
                r.otherPayers.append(entity);
        }
    }
    if (r.planName.isEmpty())
        r.planName = planRefName;
    if (active)
        r.status = EligibilityResult::Status::Active;
    else if (inactive)
        r.status = EligibilityResult::Status::Inactive;
    else if (!r.rejections.isEmpty())
        r.status = EligibilityResult::Status::Rejected;
    return r;
}

QString noResponseError(QStringList otherTypes)
{
    otherTypes.removeDuplicates();
    return otherTypes.isEmpty()
               ? QCoreApplication::translate(
                     "X12", "The interchange holds no transaction, so no 271 eligibility response.")
               : QCoreApplication::translate(
                     "X12", "The interchange holds no 271 eligibility response (found: %1).")
                     .arg(otherTypes.join(QLatin1String(", ")));
}

} // namespace

EligibilityResponseParseResult EligibilityResponseParser::parse(const X12Interchange &interchange)
{
    EligibilityResponseParseResult out;
    CodeCache codes;
    QStringList otherTypes;
    bool any271 = false;
    X12SegmentView view;
    int number = 1; // ISA
    for (const X12FunctionalGroup &group : interchange.groups) {
        ++number; // GS
        for (const X12Transaction &transaction : group.transactions) {
            ++number; // ST
            if (transaction.header.element(1) != "271") {
                otherTypes.append(transaction.header.text(1));
                number += int(transaction.segments.size()) + 1;
                continue;
            }
            any271 = true;
            TransactionParser parser(interchange.delimiters, codes, out.results, out.issues);
            for (const X12Segment &segment : transaction.segments) {
                view.id = segment.id();
                view.elements.clear();
                for (const QByteArray &element : segment.elements())
                    view.elements.append(element);
                parser.segment(view, ++number);
            }
            parser.finish();
            ++number; // SE
        }
        ++number; // GE
    }
    if (!any271)
        out.error = noResponseError(otherTypes);
    return out;
}

namespace {
// Feeds 271 transactions to TransactionParser straight from the reader: a large 271 never
// exists as an X12Interchange.
class StreamingParser : public X12StreamReader::Handler
{
public:
    explicit StreamingParser(EligibilityResponseParseResult &out)
        : m_out(out)
    {
    }

    void started(const X12Delimiters &delimiters) override { m_delimiters = delimiters; }

    void segment(const X12SegmentView &segment, X12StreamReader::Kind kind, int number) override
    {
        switch (kind) {
        case X12StreamReader::Kind::St:
            if (segment.element(1) == "271") {
                m_any271 = true;
                m_parser.emplace(m_delimiters, m_codes, m_out.results, m_issues);
            } else {
                m_otherTypes.append(QString::fromLatin1(segment.element(1)));
            }
            return;
        case X12StreamReader::Kind::Other:
            if (m_parser)
                m_parser->segment(segment, number);
            return;
        case X12StreamReader::Kind::Se:
            if (m_parser)
                m_parser->finish();
            m_parser.reset();
            return;
        default:
            return;
        }
    }

    bool any271() const { return m_any271; }
    const QStringList &otherTypes() const { return m_otherTypes; }
    QList<X12Issue> &issues() { return m_issues; }

private:
    EligibilityResponseParseResult &m_out;
    X12Delimiters m_delimiters;
    CodeCache m_codes;
    QList<X12Issue> m_issues;
    std::optional<TransactionParser> m_parser;
    bool m_any271 = false;
    QStringList m_otherTypes;
};
} // namespace

EligibilityResponseParseResult EligibilityResponseParser::parse(const QByteArray &bytes,
                                                                X12Reader::Options options)
{
    EligibilityResponseParseResult out;
    StreamingParser parser(out);
    X12StreamReader::Result read = X12StreamReader::read(bytes, options, parser);
    out.issues = std::move(read.issues);
    if (!read.ok) {
        out.results.clear(); // whatever was read before the error is not an answer
        out.error = X12ReadResult{std::nullopt, out.issues}.errorString();
        return out;
    }
    out.issues += parser.issues();
    if (!parser.any271())
        out.error = noResponseError(parser.otherTypes());
    return out;
}

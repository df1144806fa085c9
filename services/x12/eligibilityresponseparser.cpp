// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/x12/eligibilityresponse.h"

#include "services/x12/eligibilitycodes.h"
#include "services/x12/x12streamreader.h"
#include "services/x12/x12values.h"

#include <QCoreApplication>
#include <QHash>

#include <cstring>

namespace {

// The segments the parser looks at, so that each id is compared once.
enum class Tag {
    Other,
    BHT,
    HL,
    NM1,
    AAA,
    EB,
    TRN,
    DMG,
    DTP,
    REF,
    N3,
    N4,
    INS,
    MSG,
    LS,
    LE,
    PER,
    PRV
};

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
    case tagKey("BHT"):
        return Tag::BHT;
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
    int start = 0;   // segment number of its HL
    int entries = 0; // dates, messages, rejections and related entities, for the limit
};

using ResultHandler = EligibilityResponseParser::ResultHandler;

// Entries a result holds, for the limit on what parse() collects into its list.
qint64 entryCount(const EligibilityResult &r)
{
    qint64 count = 4 + r.dates.size() + r.rejections.size() + r.otherPayers.size() +
                   r.messages.size() + r.benefits.size(); // a result weighs about four entries
    for (const BenefitInfo &b : r.benefits)
        count += b.dates.size() + b.messages.size() + b.relatedEntities.size();
    return count;
}

class TransactionParser
{
public:
    TransactionParser(const X12Delimiters &delimiters, const ResultHandler &onResult,
                      X12IssueLog &issues)
        : m_delimiters(delimiters)
        , m_emit(onResult)
        , m_issues(issues)
    {
    }

    //! One segment between ST and SE.
    void segment(const X12SegmentView &s, int number);
    //! SE: what is still open becomes results.
    void finish()
    {
        if (!m_error)
            finishSource();
    }
    //! Set when a limit was exceeded: nothing more is read.
    const std::optional<X12Issue> &error() const { return m_error; }
    const QString &submitterReference() const { return m_submitterReference; }

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

    bool hierarchy(const X12SegmentView &s, int number);
    void patientSegment(const X12SegmentView &s, Tag tag, int number);
    void benefitSegment(const X12SegmentView &s, Tag tag, int number);
    void entitySegment(const X12SegmentView &s, Tag tag, int number);
    void rejection(const X12SegmentView &s, int number);
    void benefit(const X12SegmentView &s, int number);
    std::optional<EligibilityDate> date(const X12SegmentView &s, int number);
    QStringList serviceTypes(QByteArrayView types);
    bool countEntry(const X12SegmentView &s, int number);
    void fail(const X12SegmentView &s, int number, const QString &message)
    {
        if (!m_error)
            m_error = X12Issue{X12Issue::Severity::Error, number, s.id.toByteArray(), message};
    }
    void finishDependent();
    void finishSubscriber();
    void finishReceiver();
    void finishSource();
    void requestLevelResult();
    void emitResult(EligibilityResult &&result)
    {
        ++m_emitted;
        m_emit(std::move(result));
    }
    EligibilityResult result(PatientLoop &patient, const PatientLoop *subscriber) const;
    void warn(int number, const QByteArray &id, const QString &message)
    {
        m_issues.add(X12Issue::Severity::Warning, number, id, message);
    }
    QString text(const X12SegmentView &s, int n) const { return QString::fromLatin1(s.element(n)); }
    QString code(const X12SegmentView &s, int n) { return X12Values::codeText(s.element(n)); }
    PatientLoop &patient() { return m_inDependent ? m_dependent : m_subscriber; }

    X12Delimiters m_delimiters;
    const ResultHandler &m_emit;
    QHash<QByteArray, QStringList> m_serviceTypes;
    int m_benefitsHint = 0;
    X12IssueLog &m_issues;
    std::optional<X12Issue> m_error;
    QString m_submitterReference;
    bool m_sawBht = false;
    QList<QByteArray> m_hierarchy; // HL01 of the open HL loops, outermost first
    qint64 m_emitted = 0;

    Level m_level = Level::None;
    QString m_payerName;
    QString m_payerId;
    QString m_providerName;
    QString m_providerNpi;
    QList<AaaRejection> m_sourceRejections;   // 2000A, 2100A
    QList<AaaRejection> m_receiverRejections; // 2100B
    bool m_inReceiver = false;
    bool m_sourceHadReceiver = false;
    qint64 m_emittedAtReceiverStart = 0;

    bool m_inSubscriber = false;
    bool m_subscriberHasDependents = false;
    bool m_inDependent = false;
    PatientLoop m_subscriber;
    PatientLoop m_dependent;

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
    if (m_error)
        return;
    const Tag tag = tagOf(s.id);
    if (tag == Tag::HL) {
        hierarchy(s, number);
        return;
    }
    switch (m_level) {
    case Level::None:
        if (tag == Tag::BHT && !m_sawBht) {
            m_sawBht = true;
            m_submitterReference = text(s, 3);
            return;
        }
        Q_FALLTHROUGH();
    case Level::Source:
    case Level::SourceName:
        if (tag == Tag::NM1) {
            m_payerName = text(s, 3);
            m_payerId = text(s, 9);
            m_level = Level::SourceName;
        } else if (tag == Tag::AAA) {
            rejection(s, number);
        }
        return;
    case Level::Receiver:
    case Level::ReceiverName:
        if (tag == Tag::NM1) {
            m_providerName = text(s, 3);
            m_providerNpi = s.element(8) == "XX" ? text(s, 9) : QString();
            m_level = Level::ReceiverName;
        } else if (tag == Tag::AAA) {
            rejection(s, number);
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

bool TransactionParser::hierarchy(const X12SegmentView &s, int number)
{
    // HL02 names the parent: close the loops down to it. A parent that is not open (or none)
    // starts a new tree rather than failing: some senders fill HL02 carelessly.
    const QByteArrayView parent = s.element(2);
    while (!m_hierarchy.isEmpty() && m_hierarchy.last() != parent)
        m_hierarchy.removeLast();
    if (m_hierarchy.size() >= EligibilityResponseParser::maxHierarchyDepth) {
        fail(s, number,
             QCoreApplication::translate(
                 "X12",
                 "HL %1 is nested more than %n levels deep (its parent is HL %2); a 271 needs "
                 "4 levels, so the data was not read further.",
                 nullptr, EligibilityResponseParser::maxHierarchyDepth)
                 .arg(X12Values::describeBytes(s.element(1)), X12Values::describeBytes(parent)));
        return false;
    }
    m_hierarchy.append(s.element(1).toByteArray());

    const QByteArrayView level = s.element(3);
    if (level == "20") {
        finishSource();
        m_level = Level::Source;
    } else if (level == "21") {
        finishReceiver();
        m_level = Level::Receiver;
        m_inReceiver = true;
        m_sourceHadReceiver = true;
        m_emittedAtReceiverStart = m_emitted;
    } else if (level == "22") {
        finishSubscriber();
        m_inSubscriber = true;
        m_subscriberHasDependents = false;
        m_subscriber = PatientLoop();
        m_subscriber.start = number;
        m_level = Level::Subscriber;
    } else if (level == "23") {
        finishDependent();
        if (!m_inSubscriber) { // a dependent needs its subscriber; start an empty one
            m_inSubscriber = true;
            m_subscriber = PatientLoop();
            m_subscriber.start = number;
            m_subscriberHasDependents = true;
        } else if (!m_subscriberHasDependents) {
            // The subscriber's own loop is complete (its segments come before its dependents):
            // its answer, if it has one of its own, goes out now, before theirs.
            m_subscriberHasDependents = true;
            if (!m_subscriber.benefits.isEmpty()) {
                PatientLoop own = m_subscriber; // the dependents still need the subscriber
                emitResult(result(own, nullptr));
            }
        }
        m_inDependent = true;
        m_dependent = PatientLoop();
        m_dependent.start = number;
        m_level = Level::Dependent;
    }
    m_inEntity = false;
    m_entity = nullptr;
    return true;
}

// Dates, messages, rejections and related entities of the patient loop: within the limit?
bool TransactionParser::countEntry(const X12SegmentView &s, int number)
{
    PatientLoop &p = patient();
    if (++p.entries <= EligibilityResponseParser::maxEntries)
        return true;
    fail(s, number,
         QCoreApplication::translate(
             "X12",
             "The patient loop that begins at segment %1 (HL) has more than %n dates, messages, "
             "rejections and related entities in all; no 271 needs that many, so the data was "
             "not read further.",
             nullptr, EligibilityResponseParser::maxEntries)
             .arg(p.start));
    return false;
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
        rejection(s, number);
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
        if (!countEntry(s, number))
            return;
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
        } else if (qualifier == "Q4") {
            p.person.priorMemberId = text(s, 2);
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
        if (countEntry(s, number))
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
        if (!countEntry(s, number))
            return;
        if (const auto d = date(s, number))
            b.dates.append(*d);
    } else if (tag == Tag::MSG) {
        if (!countEntry(s, number))
            return;
        const QString message = text(s, 1);
        b.messages.append(message);
        p.messages.append(message);
    } else if (tag == Tag::AAA) {
        rejection(s, number);
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
        if (!countEntry(s, number))
            return;
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
        b.relatedEntities.append(std::move(entity));
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
        if (!countEntry(s, number))
            return;
        if (const auto d = date(s, number))
            e.dates.append(*d);
    }
}

void TransactionParser::rejection(const X12SegmentView &s, int number)
{
    AaaRejection r;
    r.validRequest = s.element(1) == "Y";
    r.code = code(s, 3);
    r.followUp = code(s, 4);
    const auto requestLevel = [&](QList<AaaRejection> &list) {
        // Every result carries these: a long list would be copied into each one.
        if (m_sourceRejections.size() + m_receiverRejections.size() >=
            EligibilityResponseParser::maxRequestRejections) {
            fail(s, number,
                 QCoreApplication::translate(
                     "X12",
                     "The information source and receiver loops (2000A to 2100B) have more than "
                     "%n AAA segments; no 271 needs that many, so the data was not read further.",
                     nullptr, EligibilityResponseParser::maxRequestRejections));
            return;
        }
        list.append(std::move(r));
    };
    switch (m_level) {
    case Level::None:
    case Level::Source:
        r.loop = QStringLiteral("2000A");
        requestLevel(m_sourceRejections);
        return;
    case Level::SourceName:
        r.loop = QStringLiteral("2100A");
        requestLevel(m_sourceRejections);
        return;
    case Level::Receiver:
    case Level::ReceiverName:
        r.loop = QStringLiteral("2100B");
        requestLevel(m_receiverRejections);
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
    if (countEntry(s, number))
        patient().rejections.append(std::move(r));
}

void TransactionParser::benefit(const X12SegmentView &s, int number)
{
    PatientLoop &p = patient();
    if (p.benefits.size() >= EligibilityResponseParser::maxBenefits) {
        fail(s, number,
             QCoreApplication::translate(
                 "X12",
                 "The patient loop that begins at segment %1 (HL) has more than %n benefits (EB "
                 "segments); no 271 needs that many, so the data was not read further.",
                 nullptr, EligibilityResponseParser::maxBenefits)
                 .arg(p.start));
        return;
    }
    // Answers in one file tend to have as many EBs as the last one: spare the regrowth.
    if (p.benefits.isEmpty())
        p.benefits.reserve(qBound(4, m_benefitsHint, 64));
    BenefitInfo &b = p.benefits.emplace_back(); // filled in place: no move of the whole EB
    m_benefitsHint = qMax(m_benefitsHint, int(p.benefits.size()));
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
    // "30" or "1^33^35^47^86^88^98^AL^MH^UC" repeat from EB to EB: share the list. The lookup
    // key borrows the segment's bytes; a stored key is a copy (the input may be a chunk).
    const QByteArray lookup = QByteArray::fromRawData(types.data(), types.size());
    const auto cached = m_serviceTypes.constFind(lookup);
    if (cached != m_serviceTypes.constEnd())
        return *cached;
    QStringList list;
    const char separator = m_delimiters.repetition;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= types.size(); ++i) {
        if (i == types.size() || (separator != '\0' && types[i] == separator)) {
            list.append(X12Values::codeText(types.sliced(start, i - start)));
            start = i + 1;
        }
    }
    if (m_serviceTypes.size() < 256)
        m_serviceTypes.insert(types.toByteArray(), list);
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
    emitResult(result(m_dependent, &m_subscriber));
    m_dependent = PatientLoop();
}

void TransactionParser::finishSubscriber()
{
    finishDependent();
    if (!m_inSubscriber)
        return;
    m_inSubscriber = false;
    // A subscriber loop that only leads to dependents is not an answer of its own; one with
    // benefits of its own was answered when its first dependent began.
    if (!m_subscriberHasDependents)
        emitResult(result(m_subscriber, nullptr));
    m_subscriberHasDependents = false;
    m_subscriber = PatientLoop();
}

void TransactionParser::finishReceiver()
{
    finishSubscriber();
    if (m_inReceiver && m_emitted == m_emittedAtReceiverStart)
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
        emitResult(std::move(r));
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

// Collects what parse() returns as a list, within maxListEntries.
class ListCollector
{
public:
    explicit ListCollector(QList<EligibilityResult> &results)
        : m_results(results)
    {
    }
    ResultHandler handler()
    {
        return [this](EligibilityResult &&result) {
            m_entries += entryCount(result);
            if (m_entries > EligibilityResponseParser::maxListEntries) {
                m_full = true;
                return;
            }
            m_results.append(std::move(result));
        };
    }
    bool full() const { return m_full; }
    static QString message()
    {
        return QCoreApplication::translate(
            "X12",
            "The 271 holds more than %n results, benefits, dates and other entries in all, too "
            "many to hold at once; it was not read further.",
            nullptr, EligibilityResponseParser::maxListEntries);
    }

private:
    QList<EligibilityResult> &m_results;
    qint64 m_entries = 0;
    bool m_full = false;
};

} // namespace

EligibilityResponseParseResult EligibilityResponseParser::parse(const X12Interchange &interchange)
{
    EligibilityResponseParseResult out;
    X12IssueLog issues(X12StreamReader::maxIssues);
    ListCollector collector(out.results);
    const ResultHandler onResult = collector.handler();
    QStringList otherTypes;
    X12SegmentView view;
    int number = 1; // ISA
    std::optional<X12Issue> error;
    for (const X12FunctionalGroup &group : interchange.groups) {
        ++number; // GS
        for (const X12Transaction &transaction : group.transactions) {
            ++number; // ST
            if (transaction.header.element(1) != "271") {
                otherTypes.append(transaction.header.text(1));
                number += int(transaction.segments.size()) + 1;
                continue;
            }
            ++out.transactions;
            TransactionParser parser(interchange.delimiters, onResult, issues);
            for (const X12Segment &segment : transaction.segments) {
                view.id = segment.id();
                view.elements.clear();
                for (const QByteArray &element : segment.elements())
                    view.elements.append(element);
                parser.segment(view, ++number);
                if (parser.error() || collector.full())
                    break;
            }
            parser.finish();
            if (out.transactions == 1)
                out.submitterReference = parser.submitterReference();
            if (collector.full() && !parser.error())
                error = X12Issue{X12Issue::Severity::Error, number, {}, ListCollector::message()};
            else
                error = parser.error();
            if (error)
                break;
            ++number; // SE
        }
        if (error)
            break;
        ++number; // GE
    }
    out.issues = issues.take();
    if (error) {
        out.results.clear();
        out.issues.append(*error);
        out.error = error->toString();
    } else if (out.transactions == 0) {
        out.error = noResponseError(otherTypes);
    }
    return out;
}

class EligibilityResponseHandler::Private
{
public:
    explicit Private(ResultHandler onResult)
        : m_onResult(std::move(onResult))
    {
    }

    X12Delimiters m_delimiters;
    ResultHandler m_onResult;
    X12IssueLog m_issues{X12StreamReader::maxIssues};
    std::optional<TransactionParser> m_parser;
    int m_transactions = 0;
    QString m_submitterReference;
    QStringList m_otherTypes;
};

EligibilityResponseHandler::EligibilityResponseHandler(ResultHandler onResult)
    : d(std::make_unique<Private>(std::move(onResult)))
{
}

EligibilityResponseHandler::~EligibilityResponseHandler() = default;

void EligibilityResponseHandler::started(const X12Delimiters &delimiters)
{
    d->m_delimiters = delimiters;
}

void EligibilityResponseHandler::segment(const X12SegmentView &segment, X12StreamReader::Kind kind,
                                         int number)
{
    switch (kind) {
    case X12StreamReader::Kind::Other:
        if (d->m_parser) {
            d->m_parser->segment(segment, number);
            if (Q_UNLIKELY(d->m_parser->error().has_value()))
                stop(*d->m_parser->error());
        }
        return;
    case X12StreamReader::Kind::St:
        if (segment.element(1) == "271") {
            ++d->m_transactions;
            d->m_parser.emplace(d->m_delimiters, d->m_onResult, d->m_issues);
        } else if (d->m_otherTypes.size() < 16) {
            d->m_otherTypes.append(QString::fromLatin1(segment.element(1)));
            d->m_otherTypes.removeDuplicates();
        }
        return;
    case X12StreamReader::Kind::Se:
        if (d->m_parser) {
            d->m_parser->finish();
            if (d->m_transactions == 1)
                d->m_submitterReference = d->m_parser->submitterReference();
        }
        d->m_parser.reset();
        return;
    default:
        return;
    }
}

EligibilityResponseParseResult EligibilityResponseHandler::finish(X12StreamReader::Result read)
{
    EligibilityResponseParseResult out;
    out.issues = std::move(read.issues);
    out.transactions = d->m_transactions;
    out.submitterReference = d->m_submitterReference;
    if (!read.ok) {
        out.error = X12ReadResult{std::nullopt, {}, out.issues}.errorString();
        return out;
    }
    out.issues += d->m_issues.take();
    if (d->m_transactions == 0)
        out.error = noResponseError(d->m_otherTypes);
    return out;
}

namespace {
// The list form over the streaming one: stops the reader once the list is full.
class ListHandler : public X12StreamReader::Handler
{
public:
    explicit ListHandler(EligibilityResponseParseResult &out)
        : m_collector(out.results)
        , m_inner(m_collector.handler())
    {
    }

    void started(const X12Delimiters &delimiters) override { m_inner.started(delimiters); }
    void segment(const X12SegmentView &segment, X12StreamReader::Kind kind, int number) override
    {
        m_inner.segment(segment, kind, number);
        if (Q_UNLIKELY(m_inner.stopError().has_value()))
            stop(*m_inner.stopError());
        else if (Q_UNLIKELY(m_collector.full()))
            stop({X12Issue::Severity::Error, number, segment.id.toByteArray(),
                  ListCollector::message()});
    }
    EligibilityResponseParseResult finish(X12StreamReader::Result read)
    {
        return m_inner.finish(std::move(read));
    }

private:
    ListCollector m_collector;
    EligibilityResponseHandler m_inner;
};
} // namespace

EligibilityResponseParseResult EligibilityResponseParser::parse(const QByteArray &bytes,
                                                                X12Reader::Options options)
{
    EligibilityResponseParseResult staging;
    ListHandler handler(staging);
    EligibilityResponseParseResult out =
        handler.finish(X12StreamReader::read(bytes, options, handler));
    if (out.ok())
        out.results = std::move(staging.results); // whatever was read before an error is dropped
    return out;
}

EligibilityResponseParseResult EligibilityResponseParser::parse(const QByteArray &bytes,
                                                                const X12Reader::Options &options,
                                                                const ResultHandler &onResult)
{
    EligibilityResponseHandler handler(onResult);
    return handler.finish(X12StreamReader::read(bytes, options, handler));
}

EligibilityResponseParseResult EligibilityResponseParser::parse(QIODevice &device,
                                                                const X12Reader::Options &options,
                                                                const ResultHandler &onResult)
{
    EligibilityResponseHandler handler(onResult);
    return handler.finish(X12StreamReader::read(device, options, handler));
}

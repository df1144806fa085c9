// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/x12/eligibilityrequest.h"

#include "services/x12/x12values.h"

#include <QCoreApplication>

namespace {

using RequestHandler = EligibilityRequestParser::RequestHandler;

QString issueText(int number, const QByteArray &id, const QString &message)
{
    return X12Issue{X12Issue::Severity::Error, number, id, message}.toString();
}

// GS04/GS05, else the ISA's YYMMDD and HHMM.
QDateTime creationTime(QByteArrayView gs04, QByteArrayView gs05, QByteArrayView isa09,
                       QByteArrayView isa10)
{
    QDate date = X12Values::parseD8(gs04);
    QTime time = X12Values::parseTime(gs05);
    if (!date.isValid()) {
        date = X12Values::parseD8("20" + isa09.toByteArray());
        time = X12Values::parseTime(isa10);
    }
    if (!date.isValid())
        return {};
    return QDateTime(date, time.isValid() ? time : QTime(0, 0), Qt::UTC);
}

// What the ISA says that every request of the interchange shares.
EligibilityRequest interchangeCommon(const X12SegmentView &isa)
{
    EligibilityRequest common;
    common.senderId = QString::fromLatin1(isa.element(6)).trimmed();
    common.receiverId = QString::fromLatin1(isa.element(8)).trimmed();
    common.controlNumber = int(X12Values::parseCount(isa.element(13).trimmed()).value_or(0));
    common.production = isa.element(15) == "P";
    common.serviceTypes.clear();
    return common;
}

QString noRequestError(QStringList typesFound)
{
    typesFound.removeDuplicates();
    return typesFound.isEmpty()
               ? QCoreApplication::translate(
                     "X12", "The interchange holds no transaction, so no 270 eligibility request.")
               : QCoreApplication::translate(
                     "X12", "The interchange holds no 270 eligibility request (found: %1).")
                     .arg(typesFound.join(QLatin1String(", ")));
}

// Walks one 270 transaction segment by segment and hands out one request per patient as soon
// as the patient's loop ends.
class TransactionReader
{
public:
    TransactionReader(const EligibilityRequest &common, const X12Delimiters &delimiters,
                      int firstNumber, const RequestHandler &onRequest)
        : m_common(common)
        , m_delimiters(delimiters)
        , m_firstNumber(firstNumber)
        , m_emit(onRequest)
    {
    }

    void segment(const X12SegmentView &segment, int number);
    //! SE: the last patient, or an error when there was none.
    void finish();
    //! Set when a limit was exceeded: nothing more is read.
    const std::optional<X12Issue> &error() const { return m_error; }

private:
    enum class Loop { None, Source, Receiver, Subscriber, Dependent };

    struct Patient
    {
        EligibilityRequest request;
        QString error;
        int hlNumber = 0;
        bool hasName = false;
    };

    void finishSubscriber();
    void finishDependent();
    void emitPatient(Patient &patient);
    QString commonError() const;
    void fail(Patient &patient, int number, const QByteArray &id, const QString &message)
    {
        if (patient.error.isEmpty())
            patient.error = issueText(number, id, message);
    }
    Patient &current() { return m_loop == Loop::Dependent ? m_dependent : m_subscriber; }

    EligibilityRequest m_common;
    X12Delimiters m_delimiters;
    int m_firstNumber = 0;
    const RequestHandler &m_emit;
    std::optional<X12Issue> m_error;

    Loop m_loop = Loop::None;
    bool m_hasPayer = false;
    QString m_commonError;
    Patient m_subscriber;
    Patient m_dependent;
    bool m_inSubscriber = false;
    bool m_subscriberHasDependents = false;
    int m_patients = 0;
};

// A missing payer is only known for sure at SE; patients handed out before then have seen
// the 2100A, which comes first in a 270.
QString TransactionReader::commonError() const
{
    if (!m_commonError.isEmpty() || m_hasPayer)
        return m_commonError;
    return issueText(m_firstNumber, QByteArrayLiteral("ST"),
                     QCoreApplication::translate(
                         "X12", "The 270 has no payer: NM1*PR is missing from loop 2100A."));
}

void TransactionReader::emitPatient(Patient &patient)
{
    ++m_patients;
    const QString common = commonError();
    const QString error = common.isEmpty() ? patient.error : common;
    if (error.isEmpty())
        m_emit({std::move(patient.request), {}});
    else
        m_emit({std::nullopt, error});
}

void TransactionReader::finish()
{
    if (m_error)
        return;
    finishDependent();
    finishSubscriber();
    if (m_patients == 0) {
        const QString common = commonError();
        m_emit({std::nullopt,
                common.isEmpty()
                    ? issueText(m_firstNumber, QByteArrayLiteral("ST"),
                                QCoreApplication::translate(
                                    "X12", "The 270 has no subscriber loop (HL with HL03 = 22)."))
                    : common});
    }
}

void TransactionReader::finishSubscriber()
{
    if (!m_inSubscriber)
        return;
    m_inSubscriber = false;
    // A subscriber with dependents was only the way to reach them.
    if (!m_subscriberHasDependents)
        emitPatient(m_subscriber);
}

void TransactionReader::finishDependent()
{
    if (m_loop != Loop::Dependent)
        return;
    if (!m_dependent.hasName)
        fail(m_dependent, m_dependent.hlNumber, QByteArrayLiteral("HL"),
             QCoreApplication::translate("X12",
                                         "The dependent loop (2000D) has no NM1*03 segment."));
    emitPatient(m_dependent);
    m_loop = Loop::Subscriber;
}

void TransactionReader::segment(const X12SegmentView &s, int number)
{
    if (m_error)
        return;
    const QByteArrayView id = s.id;
    if (id == "BHT") {
        m_common.submitterReference = QString::fromLatin1(s.element(3));
        return;
    }
    const auto text = [&s](int n) {
        return QString::fromLatin1(s.element(n));
    };
    if (id == "HL") {
        const QByteArrayView level = s.element(3);
        if (level == "20" || level == "21") {
            finishDependent();
            finishSubscriber();
            m_loop = level == "20" ? Loop::Source : Loop::Receiver;
        } else if (level == "22") {
            finishDependent();
            finishSubscriber();
            m_loop = Loop::Subscriber;
            m_inSubscriber = true;
            m_subscriberHasDependents = false;
            m_subscriber = Patient{m_common, {}, number, false};
        } else if (level == "23" && m_inSubscriber) {
            finishDependent();
            m_loop = Loop::Dependent;
            m_subscriberHasDependents = true;
            if (!m_subscriber.hasName)
                fail(m_subscriber, m_subscriber.hlNumber, QByteArrayLiteral("HL"),
                     QCoreApplication::translate(
                         "X12", "The subscriber loop (2000C) has no NM1*IL segment."));
            m_dependent = Patient{m_subscriber.request, m_subscriber.error, number, false};
            m_dependent.request.patientIsDependent = true;
            // The dependent's own loop says what is asked and for when.
            m_dependent.request.serviceTypes.clear();
            m_dependent.request.serviceDate = QDate();
        }
        return;
    }
    switch (m_loop) {
    case Loop::None:
        return;
    case Loop::Source:
        if (id == "NM1") {
            m_hasPayer = true;
            m_common.payerName = text(3);
            m_common.payerId = text(9);
            if (m_common.payerId.isEmpty() && m_commonError.isEmpty())
                m_commonError = issueText(number, QByteArrayLiteral("NM1"),
                                          QCoreApplication::translate(
                                              "X12", "The payer NM1*PR has no payer ID (NM109)."));
        }
        return;
    case Loop::Receiver:
        if (id == "NM1") {
            // A person provider (NM102 = 1) is "first last"; an organisation is NM103.
            m_common.providerName = s.element(2) == "1" && !s.element(4).isEmpty()
                                        ? text(4) + QLatin1Char(' ') + text(3)
                                        : text(3);
            m_common.providerNpi = s.element(8) == "XX" ? text(9) : QString();
        }
        return;
    case Loop::Subscriber:
    case Loop::Dependent:
        break;
    }

    Patient &patient = current();
    EligibilityRequest &r = patient.request;
    const bool dependent = m_loop == Loop::Dependent;
    const QByteArray segmentId = id.toByteArray();
    if (id == "TRN") {
        r.traceNumber = text(2);
        if (!s.element(3).isEmpty())
            r.traceOriginator = text(3);
    } else if (id == "NM1") {
        patient.hasName = true;
        if (dependent) {
            r.dependentLastName = text(3);
            r.dependentFirstName = text(4);
        } else {
            r.subscriberLastName = text(3);
            r.subscriberFirstName = text(4);
            r.memberId = text(9);
            if (r.memberId.isEmpty())
                fail(patient, number, segmentId,
                     QCoreApplication::translate(
                         "X12", "The subscriber NM1*IL has no member ID (NM109)."));
        }
    } else if (id == "REF" && !dependent) {
        if (s.element(1) == "6P" || (s.element(1) == "1L" && r.groupNumber.isEmpty()))
            r.groupNumber = text(2);
    } else if (id == "DMG") {
        const QDate date = X12Values::parseD8(s.element(2));
        if (!s.element(2).isEmpty() && !date.isValid())
            fail(patient, number, segmentId,
                 QCoreApplication::translate(
                     "X12", "DMG02 \"%1\" is not a valid date of birth (CCYYMMDD).")
                     .arg(X12Values::describeBytes(s.element(2))));
        (dependent ? r.dependentDateOfBirth : r.subscriberDateOfBirth) = date;
        (dependent ? r.dependentGender : r.subscriberGender) = text(3);
    } else if (id == "INS" && dependent) {
        r.dependentRelationship = text(2);
    } else if (id == "DTP" && s.element(1) == "291") {
        // D8, or the first day of an RD8 range
        const QByteArrayView value = s.element(3);
        const QDate date = X12Values::parseD8(value.first(qMin<qsizetype>(8, value.size())));
        if (!date.isValid())
            fail(patient, number, segmentId,
                 QCoreApplication::translate("X12", "DTP03 \"%1\" is not a valid date of service.")
                     .arg(X12Values::describeBytes(s.element(3))));
        r.serviceDate = date;
    } else if (id == "EQ") {
        const QByteArrayView types = s.element(1);
        const char separator = m_delimiters.repetition;
        qsizetype start = 0;
        for (qsizetype i = 0; i <= types.size() && !types.isEmpty(); ++i) {
            if (i < types.size() && (separator == '\0' || types[i] != separator))
                continue;
            if (r.serviceTypes.size() >= EligibilityRequestParser::maxServiceTypes) {
                m_error = X12Issue{
                    X12Issue::Severity::Error, number, segmentId,
                    QCoreApplication::translate(
                        "X12",
                        "The patient loop that begins at segment %1 (HL) asks about more than %n "
                        "service types (EQ01); no 270 needs that many, so the data was not read "
                        "further.",
                        nullptr, EligibilityRequestParser::maxServiceTypes)
                        .arg(patient.hlNumber)};
                return;
            }
            r.serviceTypes.append(QString::fromLatin1(types.sliced(start, i - start)));
            start = i + 1;
        }
    }
}

// Feeds the segments of a read interchange to TransactionReader, as the reader would.
X12SegmentView viewOf(const X12Segment &segment)
{
    X12SegmentView view;
    view.id = segment.id();
    for (const QByteArray &element : segment.elements())
        view.elements.append(element);
    return view;
}

} // namespace

QList<EligibilityRequestParseResult>
EligibilityRequestParser::parseAll(const X12Interchange &interchange)
{
    QList<EligibilityRequestParseResult> results;
    const RequestHandler collect = [&results](EligibilityRequestParseResult &&result) {
        results.append(std::move(result));
    };
    QStringList typesFound;
    const X12SegmentView isa = viewOf(interchange.header);
    int number = 1; // ISA
    for (const X12FunctionalGroup &group : interchange.groups) {
        ++number; // GS
        EligibilityRequest common = interchangeCommon(isa);
        common.createdAt = creationTime(group.header.element(4), group.header.element(5),
                                        isa.element(9), isa.element(10));
        for (const X12Transaction &transaction : group.transactions) {
            const int first = ++number; // ST
            if (transaction.header.element(1) != "270") {
                typesFound.append(transaction.header.text(1));
                number += int(transaction.segments.size()) + 1;
                continue;
            }
            TransactionReader reader(common, interchange.delimiters, first, collect);
            for (const X12Segment &segment : transaction.segments)
                reader.segment(viewOf(segment), ++number);
            reader.finish();
            if (reader.error()) { // a limit: what was read is not the 270's content
                return {{std::nullopt, reader.error()->toString()}};
            }
            ++number; // SE
        }
        ++number; // GE
    }
    if (results.isEmpty())
        results.append({std::nullopt, noRequestError(typesFound)});
    return results;
}

EligibilityRequestParseResult EligibilityRequestParser::parse(const X12Interchange &interchange)
{
    return parseAll(interchange).first();
}

class EligibilityRequestHandler::Private
{
public:
    explicit Private(RequestHandler onRequest)
        : m_onRequest(std::move(onRequest))
    {
    }

    RequestHandler m_onRequest;
    X12Delimiters m_delimiters;
    EligibilityRequest m_interchangeCommon;
    QByteArray m_isa09;
    QByteArray m_isa10;
    EligibilityRequest m_groupCommon;
    std::optional<TransactionReader> m_reader;
    int m_transactions = 0;
    QStringList m_typesFound;
};

EligibilityRequestHandler::EligibilityRequestHandler(RequestHandler onRequest)
    : d(std::make_unique<Private>(std::move(onRequest)))
{
}

EligibilityRequestHandler::~EligibilityRequestHandler() = default;

void EligibilityRequestHandler::segment(const X12SegmentView &segment, X12StreamReader::Kind kind,
                                        int number)
{
    using Kind = X12StreamReader::Kind;
    switch (kind) {
    case Kind::Other:
        if (d->m_reader) {
            d->m_reader->segment(segment, number);
            if (Q_UNLIKELY(d->m_reader->error().has_value()))
                stop(*d->m_reader->error());
        }
        return;
    case Kind::Isa:
        d->m_interchangeCommon = interchangeCommon(segment);
        d->m_isa09 = segment.element(9).toByteArray();
        d->m_isa10 = segment.element(10).toByteArray();
        return;
    case Kind::Gs:
        d->m_groupCommon = d->m_interchangeCommon;
        d->m_groupCommon.createdAt =
            creationTime(segment.element(4), segment.element(5), d->m_isa09, d->m_isa10);
        return;
    case Kind::St:
        if (segment.element(1) == "270") {
            ++d->m_transactions;
            d->m_reader.emplace(d->m_groupCommon, d->m_delimiters, number, d->m_onRequest);
        } else if (d->m_typesFound.size() < 16) {
            d->m_typesFound.append(QString::fromLatin1(segment.element(1)));
            d->m_typesFound.removeDuplicates();
        }
        return;
    case Kind::Se:
        if (d->m_reader)
            d->m_reader->finish();
        d->m_reader.reset();
        return;
    case Kind::Ge:
    case Kind::Iea:
        return;
    }
}

void EligibilityRequestHandler::started(const X12Delimiters &delimiters)
{
    d->m_delimiters = delimiters;
}

int EligibilityRequestHandler::transactions() const
{
    return d->m_transactions;
}

QString EligibilityRequestHandler::finish(const X12StreamReader::Result &read) const
{
    if (!read.ok)
        return X12ReadResult{std::nullopt, {}, read.issues}.errorString();
    if (d->m_transactions == 0)
        return noRequestError(d->m_typesFound);
    return {};
}

EligibilityRequestParseResult EligibilityRequestParser::parse(const QByteArray &bytes)
{
    std::optional<EligibilityRequestParseResult> first;
    EligibilityRequestHandler handler([&first](EligibilityRequestParseResult &&result) {
        if (!first)
            first = std::move(result); // the others are read (and checked) but not kept
    });
    const QString error =
        handler.finish(X12StreamReader::read(bytes, X12Reader::Options(), handler));
    if (!error.isEmpty() || !first)
        return {std::nullopt, error.isEmpty() ? noRequestError({}) : error};
    return std::move(*first);
}

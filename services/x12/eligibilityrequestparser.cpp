// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/x12/eligibilityrequest.h"

#include "services/x12/x12values.h"

#include <QCoreApplication>

namespace {

QString issueText(int number, const QByteArray &id, const QString &message)
{
    return X12Issue{X12Issue::Severity::Error, number, id, message}.toString();
}

QDateTime creationTime(const X12Interchange &interchange, const X12FunctionalGroup &group)
{
    QDate date = X12Values::parseD8(group.header.element(4));
    QTime time = X12Values::parseTime(group.header.element(5));
    if (!date.isValid()) { // fall back to the ISA's YYMMDD
        date = X12Values::parseD8("20" + interchange.header.element(9));
        time = X12Values::parseTime(interchange.header.element(10));
    }
    if (!date.isValid())
        return {};
    return QDateTime(date, time.isValid() ? time : QTime(0, 0), Qt::UTC);
}

// Walks one 270 transaction and collects one request per patient.
class TransactionReader
{
public:
    TransactionReader(const EligibilityRequest &common, const X12Transaction &transaction,
                      const X12Delimiters &delimiters, int firstNumber)
        : m_common(common)
        , m_transaction(transaction)
        , m_delimiters(delimiters)
        , m_firstNumber(firstNumber)
    {
    }

    QList<EligibilityRequestParseResult> read();

private:
    enum class Loop { None, Source, Receiver, Subscriber, Dependent };

    struct Patient
    {
        EligibilityRequest request;
        QString error;
        int hlNumber = 0;
        bool hasName = false;
    };

    void segment(const X12Segment &segment, int number);
    void finishSubscriber();
    void finishDependent();
    void fail(Patient &patient, int number, const QByteArray &id, const QString &message)
    {
        if (patient.error.isEmpty())
            patient.error = issueText(number, id, message);
    }
    Patient &current() { return m_loop == Loop::Dependent ? m_dependent : m_subscriber; }

    EligibilityRequest m_common;
    const X12Transaction &m_transaction;
    X12Delimiters m_delimiters;
    int m_firstNumber = 0;

    Loop m_loop = Loop::None;
    bool m_hasPayer = false;
    QString m_commonError;
    Patient m_subscriber;
    Patient m_dependent;
    bool m_inSubscriber = false;
    bool m_subscriberHasDependents = false;
    QList<Patient> m_patients;
};

QList<EligibilityRequestParseResult> TransactionReader::read()
{
    for (qsizetype i = 0; i < m_transaction.segments.size(); ++i)
        segment(m_transaction.segments.at(i), m_firstNumber + 1 + int(i));
    finishDependent();
    finishSubscriber();

    const QByteArray st = m_transaction.header.id();
    if (m_commonError.isEmpty() && !m_hasPayer) {
        m_commonError =
            issueText(m_firstNumber, st,
                      QCoreApplication::translate(
                          "X12", "The 270 has no payer: NM1*PR is missing from loop 2100A."));
    }
    QList<EligibilityRequestParseResult> results;
    if (m_patients.isEmpty()) {
        results.append(
            {std::nullopt,
             m_commonError.isEmpty()
                 ? issueText(m_firstNumber, st,
                             QCoreApplication::translate(
                                 "X12", "The 270 has no subscriber loop (HL with HL03 = 22)."))
                 : m_commonError});
        return results;
    }
    for (Patient &patient : m_patients) {
        const QString error = m_commonError.isEmpty() ? patient.error : m_commonError;
        if (error.isEmpty())
            results.append({std::move(patient.request), {}});
        else
            results.append({std::nullopt, error});
    }
    return results;
}

void TransactionReader::finishSubscriber()
{
    if (!m_inSubscriber)
        return;
    m_inSubscriber = false;
    // A subscriber with dependents was only the way to reach them.
    if (!m_subscriberHasDependents)
        m_patients.append(m_subscriber);
}

void TransactionReader::finishDependent()
{
    if (m_loop != Loop::Dependent)
        return;
    if (!m_dependent.hasName)
        fail(m_dependent, m_dependent.hlNumber, QByteArrayLiteral("HL"),
             QCoreApplication::translate("X12",
                                         "The dependent loop (2000D) has no NM1*03 segment."));
    m_patients.append(m_dependent);
    m_loop = Loop::Subscriber;
}

void TransactionReader::segment(const X12Segment &s, int number)
{
    const QByteArray &id = s.id();
    if (id == "BHT") {
        m_common.submitterReference = s.text(3);
        return;
    }
    if (id == "HL") {
        const QByteArray level = s.element(3);
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
                fail(m_subscriber, m_subscriber.hlNumber, id,
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
            m_common.payerName = s.text(3);
            m_common.payerId = s.text(9);
            if (m_common.payerId.isEmpty() && m_commonError.isEmpty())
                m_commonError = issueText(number, id,
                                          QCoreApplication::translate(
                                              "X12", "The payer NM1*PR has no payer ID (NM109)."));
        }
        return;
    case Loop::Receiver:
        if (id == "NM1") {
            // A person provider (NM102 = 1) is "first last"; an organisation is NM103.
            m_common.providerName = s.element(2) == "1" && !s.element(4).isEmpty()
                                        ? s.text(4) + QLatin1Char(' ') + s.text(3)
                                        : s.text(3);
            m_common.providerNpi = s.element(8) == "XX" ? s.text(9) : QString();
        }
        return;
    case Loop::Subscriber:
    case Loop::Dependent:
        break;
    }

    Patient &patient = current();
    EligibilityRequest &r = patient.request;
    const bool dependent = m_loop == Loop::Dependent;
    if (id == "TRN") {
        r.traceNumber = s.text(2);
        if (!s.element(3).isEmpty())
            r.traceOriginator = s.text(3);
    } else if (id == "NM1") {
        patient.hasName = true;
        if (dependent) {
            r.dependentLastName = s.text(3);
            r.dependentFirstName = s.text(4);
        } else {
            r.subscriberLastName = s.text(3);
            r.subscriberFirstName = s.text(4);
            r.memberId = s.text(9);
            if (r.memberId.isEmpty())
                fail(patient, number, id,
                     QCoreApplication::translate(
                         "X12", "The subscriber NM1*IL has no member ID (NM109)."));
        }
    } else if (id == "REF" && !dependent) {
        if (s.element(1) == "6P" || (s.element(1) == "1L" && r.groupNumber.isEmpty()))
            r.groupNumber = s.text(2);
    } else if (id == "DMG") {
        const QDate date = X12Values::parseD8(s.element(2));
        if (!s.element(2).isEmpty() && !date.isValid())
            fail(patient, number, id,
                 QCoreApplication::translate(
                     "X12", "DMG02 \"%1\" is not a valid date of birth (CCYYMMDD).")
                     .arg(X12Values::describeBytes(s.element(2))));
        (dependent ? r.dependentDateOfBirth : r.subscriberDateOfBirth) = date;
        (dependent ? r.dependentGender : r.subscriberGender) = s.text(3);
    } else if (id == "INS" && dependent) {
        r.dependentRelationship = s.text(2);
    } else if (id == "DTP" && s.element(1) == "291") {
        // D8, or the first day of an RD8 range
        const QDate date = X12Values::parseD8(s.element(3).left(8));
        if (!date.isValid())
            fail(patient, number, id,
                 QCoreApplication::translate("X12", "DTP03 \"%1\" is not a valid date of service.")
                     .arg(X12Values::describeBytes(s.element(3))));
        r.serviceDate = date;
    } else if (id == "EQ") {
        for (const QByteArray &type : s.repetitions(1, m_delimiters.repetition))
            r.serviceTypes.append(QString::fromLatin1(type));
    }
}

} // namespace

QList<EligibilityRequestParseResult>
EligibilityRequestParser::parseAll(const X12Interchange &interchange)
{
    QList<EligibilityRequestParseResult> results;
    QStringList typesFound;
    int number = 1; // ISA
    for (const X12FunctionalGroup &group : interchange.groups) {
        ++number; // GS
        EligibilityRequest common;
        common.senderId = interchange.header.text(6).trimmed();
        common.receiverId = interchange.header.text(8).trimmed();
        common.controlNumber =
            int(X12Values::parseCount(interchange.header.element(13).trimmed()).value_or(0));
        common.production = interchange.header.element(15) == "P";
        common.createdAt = creationTime(interchange, group);
        common.serviceTypes.clear();
        for (const X12Transaction &transaction : group.transactions) {
            const int first = ++number; // ST
            number += int(transaction.segments.size()) + 1;
            if (transaction.header.element(1) != "270") {
                typesFound.append(transaction.header.text(1));
                continue;
            }
            results += TransactionReader(common, transaction, interchange.delimiters, first).read();
        }
        ++number; // GE
    }
    if (results.isEmpty()) {
        typesFound.removeDuplicates();
        results.append(
            {std::nullopt,
             typesFound.isEmpty()
                 ? QCoreApplication::translate(
                       "X12", "The interchange holds no transaction, so no 270 eligibility "
                              "request.")
                 : QCoreApplication::translate(
                       "X12", "The interchange holds no 270 eligibility request (found: %1).")
                       .arg(typesFound.join(QLatin1String(", ")))});
    }
    return results;
}

EligibilityRequestParseResult EligibilityRequestParser::parse(const X12Interchange &interchange)
{
    return parseAll(interchange).first();
}

EligibilityRequestParseResult EligibilityRequestParser::parse(const QByteArray &bytes)
{
    const X12ReadResult read = X12Reader().read(bytes);
    if (!read.ok())
        return {std::nullopt, read.errorString()};
    return parse(*read.interchange);
}

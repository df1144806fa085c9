// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/x12/eligibilityrequest.h"

#include "services/x12/x12envelope.h"
#include "services/x12/x12values.h"
#include "services/x12/x12writer.h"

namespace {

class RequestWriter : public X12Envelope::SegmentWriter
{
public:
    using SegmentWriter::SegmentWriter;

    void trace(const EligibilityRequest &request)
    {
        if (!request.traceNumber.isEmpty())
            add("TRN", {"1", text(request.traceNumber), text(request.traceOriginator)});
    }

    void demographics(QDate dateOfBirth, const QString &gender)
    {
        // DMG01 qualifies DMG02, so without a date there is nothing to send.
        if (dateOfBirth.isValid())
            add("DMG", {"D8", X12Values::formatD8(dateOfBirth), text(gender)});
    }

    void inquiry(const EligibilityRequest &request)
    {
        if (request.serviceDate.isValid())
            add("DTP", {"291", "D8", X12Values::formatD8(request.serviceDate)});
        QByteArray serviceTypes;
        int count = 0;
        for (const QString &type : request.serviceTypes) {
            const QByteArray code = text(type);
            if (code.isEmpty())
                continue;
            if (count++ == 99) // EQ01 repeats at most 99 times
                break;
            if (!serviceTypes.isEmpty())
                serviceTypes += delimiters().repetition;
            serviceTypes += code;
        }
        add("EQ", {serviceTypes.isEmpty() ? QByteArrayLiteral("30") : serviceTypes});
    }
};

} // namespace

X12Interchange EligibilityRequestBuilder::build(const EligibilityRequest &request)
{
    X12Interchange interchange = X12Envelope::create(
        {request.senderId, request.receiverId, request.controlNumber, request.production,
         request.createdAt, QByteArrayLiteral("HS"), QByteArrayLiteral("270")});
    X12Transaction &transaction = interchange.groups.first().transactions.first();
    const QDateTime time = X12Envelope::effectiveTime(request.createdAt);

    RequestWriter w(interchange.delimiters);
    const QByteArray reference =
        request.submitterReference.isEmpty()
            ? transaction.header.element(2) // BHT03 is required; the ST02 identifies the request
            : w.text(request.submitterReference);
    w.add("BHT", {"0022", "13", reference, X12Values::formatD8(time.date()),
                  time.toString(QStringLiteral("HHmm")).toLatin1()});

    // 2000A/2100A information source, 2000B/2100B information receiver
    w.add("HL", {"1", "", "20", "1"});
    w.add("NM1", {"PR", "2", w.text(request.payerName), "", "", "", "",
                  w.qualifier("PI", request.payerId), w.text(request.payerId)});
    w.add("HL", {"2", "1", "21", "1"});
    w.add("NM1", {"1P", "2", w.text(request.providerName), "", "", "", "",
                  w.qualifier("XX", request.providerNpi), w.text(request.providerNpi)});

    // 2000C/2100C subscriber: the patient unless a 2000D dependent loop follows
    w.add("HL", {"3", "2", "22", request.patientIsDependent ? "1" : "0"});
    if (!request.patientIsDependent)
        w.trace(request);
    w.add("NM1",
          {"IL", "1", w.text(request.subscriberLastName), w.text(request.subscriberFirstName), "",
           "", "", w.qualifier("MI", request.memberId), w.text(request.memberId)});
    if (!request.groupNumber.isEmpty())
        w.add("REF", {"6P", w.text(request.groupNumber)});
    w.demographics(request.subscriberDateOfBirth, request.subscriberGender);

    if (request.patientIsDependent) {
        // 2000D/2100D/2110D: the patient is a dependent without a member ID of their own
        w.add("HL", {"4", "3", "23", "0"});
        w.trace(request);
        w.add("NM1",
              {"03", "1", w.text(request.dependentLastName), w.text(request.dependentFirstName)});
        w.demographics(request.dependentDateOfBirth, request.dependentGender);
        if (!request.dependentRelationship.isEmpty())
            w.add("INS", {"N", w.text(request.dependentRelationship)});
    }
    w.inquiry(request);

    transaction.segments = w.take();
    return interchange;
}

QByteArray EligibilityRequestBuilder::buildBytes(const EligibilityRequest &request)
{
    X12Interchange interchange = build(request);
    X12Writer::finalize(interchange);
    return X12Writer().write(interchange);
}

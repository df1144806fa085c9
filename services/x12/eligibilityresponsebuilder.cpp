// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/x12/eligibilityresponse.h"

#include "services/x12/eligibilitycodes.h"
#include "services/x12/x12envelope.h"
#include "services/x12/x12values.h"
#include "services/x12/x12writer.h"

#include <QRegularExpression>

namespace {

bool isRequestLevel(const AaaRejection &rejection)
{
    return rejection.loop == QLatin1String("2000A") || rejection.loop == QLatin1String("2100A") ||
           rejection.loop == QLatin1String("2100B");
}

QList<AaaRejection> requestRejections(const EligibilityResult &result)
{
    QList<AaaRejection> out;
    for (const AaaRejection &rejection : result.rejections) {
        if (isRequestLevel(rejection))
            out.append(rejection);
    }
    return out;
}

// A result that only says the request was refused before any subscriber was looked at.
bool isRequestOnly(const EligibilityResult &r)
{
    if (!r.subscriber.isEmpty() || r.dependent || !r.benefits.isEmpty() || !r.dates.isEmpty() ||
        !r.traceNumber.isEmpty() || !r.planNumber.isEmpty() || !r.groupNumber.isEmpty() ||
        !r.groupName.isEmpty() || r.rejections.isEmpty()) {
        return false;
    }
    for (const AaaRejection &rejection : r.rejections) {
        if (!isRequestLevel(rejection))
            return false;
    }
    return true;
}

// What the parser will take as the plan name from the EBs alone.
QString planNameFromBenefits(const EligibilityResult &r)
{
    for (const BenefitInfo &benefit : r.benefits) {
        if (EligibilityCodes::isActiveCoverage(benefit.code) && !benefit.planDescription.isEmpty())
            return benefit.planDescription;
    }
    return {};
}

class ResponseWriter : public X12Envelope::SegmentWriter
{
public:
    ResponseWriter(const X12Delimiters &delimiters, const EligibilityResponseEnvelope &envelope)
        : SegmentWriter(delimiters)
        , m_envelope(envelope)
    {
    }

    void rejections(const QList<AaaRejection> &rejections, const char *loop)
    {
        for (const AaaRejection &r : rejections) {
            if (r.loop == QLatin1String(loop))
                add("AAA", {r.validRequest ? "Y" : "N", "", text(r.code), text(r.followUp)});
        }
    }

    void dates(const QList<EligibilityDate> &dates)
    {
        for (const EligibilityDate &d : dates) {
            if (!d.from.isValid())
                continue;
            if (d.to.isValid() && d.to != d.from)
                add("DTP", {text(d.qualifier), "RD8",
                            X12Values::formatD8(d.from) + '-' + X12Values::formatD8(d.to)});
            else
                add("DTP", {text(d.qualifier), "D8", X12Values::formatD8(d.from)});
        }
    }

    void trace(const QString &trace)
    {
        if (!trace.isEmpty())
            add("TRN", {"2", text(trace), text(m_envelope.traceOriginator)});
    }

    void person(const char *entity, const PersonInfo &p)
    {
        add("NM1", {entity, "1", text(p.lastName), text(p.firstName), text(p.middleName), "",
                    text(p.suffix), qualifier("MI", p.memberId), text(p.memberId)});
    }

    // REF*Q4: the member ID the question was asked with, when NM109 is a corrected one.
    void priorId(const PersonInfo &p)
    {
        if (!p.priorMemberId.isEmpty())
            add("REF", {"Q4", text(p.priorMemberId)});
    }

    void address(const PersonInfo &p)
    {
        if (!p.addressLine.isEmpty())
            add("N3", {text(p.addressLine)});
        if (!p.city.isEmpty() || !p.state.isEmpty() || !p.zip.isEmpty())
            add("N4", {text(p.city), text(p.state), text(p.zip)});
    }

    void demographics(const PersonInfo &p, const char *insured)
    {
        if (p.dateOfBirth.isValid() || !p.gender.isEmpty())
            add("DMG", {"D8", X12Values::formatD8(p.dateOfBirth), text(p.gender)});
        if (!p.relationship.isEmpty())
            add("INS", {insured, text(p.relationship)});
    }

    void references(const EligibilityResult &r)
    {
        const bool planNameNeedsRef = !r.planName.isEmpty() && planNameFromBenefits(r).isEmpty();
        if (!r.planNumber.isEmpty() || planNameNeedsRef)
            add("REF", {"18", text(r.planNumber), planNameNeedsRef ? text(r.planName) : ""});
        if (!r.groupNumber.isEmpty() || !r.groupName.isEmpty())
            add("REF", {"6P", text(r.groupNumber), text(r.groupName)});
    }

    void benefits(const EligibilityResult &r, const char *benefitLoop)
    {
        bool first = true;
        for (const BenefitInfo &b : r.benefits) {
            benefit(b);
            dates(b.dates);
            if (first) // AAA of the 2110 loop: the parser keeps them in order, not per EB
                rejections(r.rejections, benefitLoop);
            first = false;
            for (const QString &message : b.messages)
                add("MSG", {text(message)});
            if (!b.relatedEntities.isEmpty()) {
                add("LS", {"2120"});
                for (const RelatedEntity &e : b.relatedEntities)
                    entity(e);
                add("LE", {"2120"});
            }
        }
    }

private:
    void benefit(const BenefitInfo &b)
    {
        QByteArray types;
        for (const QString &type : b.serviceTypes) {
            if (!types.isEmpty())
                types += delimiters().repetition;
            types += text(type);
        }
        // EB13 is kept as "HC:70551"; write it with this interchange's component separator.
        QByteArray procedure;
        if (!b.procedure.isEmpty()) {
            const QStringList parts = b.procedure.split(QLatin1Char(':'));
            for (qsizetype i = 0; i < parts.size(); ++i) {
                if (i > 0)
                    procedure += delimiters().component;
                procedure += text(parts.at(i));
            }
        }
        add("EB", {text(b.code), text(b.coverageLevel), types, text(b.insuranceType),
                   text(b.planDescription), text(b.timePeriod),
                   b.amountCents ? X12Values::formatMoneyCents(*b.amountCents) : QByteArray(),
                   b.percent ? X12Values::formatDecimal(*b.percent) : QByteArray(),
                   text(b.quantityQualifier),
                   b.quantity ? X12Values::formatDecimal(*b.quantity) : QByteArray(),
                   text(b.authorizationRequired), text(b.network), procedure});
    }

    void entity(const RelatedEntity &e)
    {
        add("NM1", {text(e.entityCode), e.firstName.isEmpty() ? "2" : "1", text(e.name),
                    text(e.firstName), "", "", "", text(e.idQualifier), text(e.id)});
        entityAddress(e.address);
        if (!e.phone.isEmpty())
            add("PER", {"IC", "", "TE", text(e.phone)});
        if (!e.policyNumber.isEmpty())
            add("REF", {"IG", text(e.policyNumber)});
        if (!e.groupNumber.isEmpty())
            add("REF", {"6P", text(e.groupNumber)});
        dates(e.dates);
    }

    // The parser joins N301, N302, N401 and "N402 N403" with ", "; split the same way back.
    void entityAddress(const QString &address)
    {
        if (address.isEmpty())
            return;
        static const QRegularExpression stateZip(QStringLiteral("^[A-Z]{2}( [0-9A-Z-]+)?$"));
        const QStringList parts = address.split(QLatin1String(", "));
        const bool structured = parts.size() >= 3 && stateZip.match(parts.last()).hasMatch() &&
                                !parts.contains(QString());
        if (!structured) {
            add("N3", {text(address)});
            return;
        }
        const QStringList street = parts.mid(0, parts.size() - 2);
        if (street.size() == 1)
            add("N3", {text(street.first())});
        else
            add("N3", {text(street.mid(0, street.size() - 1).join(QLatin1String(", "))),
                       text(street.last())});
        const QString last = parts.last();
        add("N4", {text(parts.at(parts.size() - 2)), text(last.left(2)), text(last.mid(3))});
    }

    const EligibilityResponseEnvelope &m_envelope;
};

void writeResult(ResponseWriter &w, const EligibilityResult &r, int &hl)
{
    const int subscriberHl = hl++;
    const bool dependent = r.dependent.has_value();
    w.add("HL", {QByteArray::number(subscriberHl), "2", "22", dependent ? "1" : "0"});
    if (!dependent)
        w.trace(r.traceNumber);
    w.person("IL", r.subscriber);
    w.references(r);
    w.priorId(r.subscriber);
    w.address(r.subscriber);
    w.rejections(r.rejections, "2100C");
    w.demographics(r.subscriber, "Y");
    if (!dependent) {
        w.dates(r.dates);
        w.benefits(r, "2110C");
        return;
    }
    w.add("HL", {QByteArray::number(hl++), QByteArray::number(subscriberHl), "23", "0"});
    w.trace(r.traceNumber);
    w.person("03", *r.dependent);
    w.priorId(*r.dependent);
    w.address(*r.dependent);
    w.rejections(r.rejections, "2100D");
    w.demographics(*r.dependent, "N");
    w.dates(r.dates);
    w.benefits(r, "2110D");
}

} // namespace

X12Interchange EligibilityResponseBuilder::build(const QList<EligibilityResult> &results,
                                                 const EligibilityResponseEnvelope &envelope)
{
    X12Interchange interchange = X12Envelope::create(
        {envelope.senderId, envelope.receiverId, envelope.controlNumber, envelope.production,
         envelope.createdAt, QByteArrayLiteral("HB"), QByteArrayLiteral("271")});
    X12FunctionalGroup &group = interchange.groups.first();
    const X12Transaction frame = group.transactions.takeFirst();
    const QDateTime time = X12Envelope::effectiveTime(envelope.createdAt);
    ResponseWriter w(interchange.delimiters, envelope);

    // One transaction per run of results with the same payer, provider and request-level AAA;
    // a refused request gets a transaction of its own. No results: one transaction saying so.
    const EligibilityResult nothing;
    qsizetype start = 0;
    do {
        const EligibilityResult &head = results.isEmpty() ? nothing : results.at(start);
        const QList<AaaRejection> requestLevel = requestRejections(head);
        qsizetype end = qMin(start + 1, results.size());
        if (!isRequestOnly(head)) {
            while (end < results.size()) {
                const EligibilityResult &next = results.at(end);
                if (isRequestOnly(next) || next.payerName != head.payerName ||
                    next.payerId != head.payerId || next.providerName != head.providerName ||
                    next.providerNpi != head.providerNpi ||
                    requestRejections(next) != requestLevel) {
                    break;
                }
                ++end;
            }
        }

        X12Transaction transaction = frame;
        transaction.header.setElement(
            2, X12Envelope::transactionControlNumber(envelope.controlNumber,
                                                     int(group.transactions.size())));
        const QByteArray reference = envelope.submitterReference.isEmpty()
                                         ? transaction.header.element(2)
                                         : w.text(envelope.submitterReference);
        w.add("BHT", {"0022", "11", reference, X12Values::formatD8(time.date()),
                      time.toString(QStringLiteral("HHmm")).toLatin1()});
        w.add("HL", {"1", "", "20", "1"});
        w.rejections(requestLevel, "2000A");
        w.add("NM1", {"PR", "2", w.text(head.payerName), "", "", "", "",
                      w.qualifier("PI", head.payerId), w.text(head.payerId)});
        w.rejections(requestLevel, "2100A");
        const bool subscribers = !isRequestOnly(head) && end > start;
        w.add("HL", {"2", "1", "21", subscribers ? "1" : "0"});
        w.add("NM1", {"1P", "2", w.text(head.providerName), "", "", "", "",
                      w.qualifier("XX", head.providerNpi), w.text(head.providerNpi)});
        w.rejections(requestLevel, "2100B");
        int hl = 3;
        if (subscribers) {
            for (qsizetype i = start; i < end; ++i)
                writeResult(w, results.at(i), hl);
        }
        transaction.segments = w.take();
        group.transactions.append(std::move(transaction));
        start = end;
    } while (start < results.size());
    return interchange;
}

QByteArray EligibilityResponseBuilder::buildBytes(const QList<EligibilityResult> &results,
                                                  const EligibilityResponseEnvelope &envelope)
{
    X12Interchange interchange = build(results, envelope);
    X12Writer::finalize(interchange);
    return X12Writer().write(interchange);
}

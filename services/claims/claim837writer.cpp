// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/claims/claim837writer.h"

#include "services/x12/x12envelope.h"
#include "services/x12/x12values.h"
#include "services/x12/x12writer.h"

#include <QCoreApplication>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Claim837Writer)
};

const QByteArray implementation = QByteArrayLiteral("005010X222A1");

struct PersonName
{
    QString last;
    QString first;
};

//! "Smith, Jane" or "Jane Smith" → last and first.
PersonName splitName(const QString &name)
{
    const QString trimmed = name.trimmed();
    const qsizetype comma = trimmed.indexOf(QLatin1Char(','));
    if (comma >= 0)
        return {trimmed.left(comma).trimmed(), trimmed.mid(comma + 1).trimmed()};
    const qsizetype space = trimmed.lastIndexOf(QLatin1Char(' '));
    if (space < 0)
        return {trimmed, {}};
    return {trimmed.mid(space + 1), trimmed.left(space).trimmed()};
}

QString missing(const Claim &claim, const QString &what)
{
    return Tr::tr("Claim %1 cannot be written as an 837P: %2")
        .arg(claim.claimNumber.isEmpty() ? Tr::tr("(no number)") : claim.claimNumber, what);
}

//! What the 837P needs that the claim lacks; empty when it can be written.
QString checkClaim(const Claim &claim)
{
    if (claim.claimNumber.trimmed().isEmpty())
        return missing(claim, Tr::tr("it has no claim number."));
    if (claim.memberId.trimmed().isEmpty())
        return missing(claim, Tr::tr("it has no member ID."));
    if (claim.billingProvider.npi.trimmed().isEmpty())
        return missing(claim, Tr::tr("the billing provider has no NPI."));
    if (!claim.dateOfService.isValid())
        return missing(claim, Tr::tr("it has no date of service."));
    if (claim.diagnoses.isEmpty() || claim.diagnoses.size() > Claim837Writer::maxDiagnoses)
        return missing(claim, Tr::tr("it needs 1 to %1 diagnoses, it has %2.")
                                  .arg(Claim837Writer::maxDiagnoses)
                                  .arg(claim.diagnoses.size()));
    if (claim.lines.isEmpty() || claim.lines.size() > Claim837Writer::maxLines)
        return missing(claim, Tr::tr("it needs 1 to %1 service lines, it has %2.")
                                  .arg(Claim837Writer::maxLines)
                                  .arg(claim.lines.size()));
    if (claim.frequency != ClaimFrequency::Original && claim.payerClaimId.trimmed().isEmpty())
        return missing(claim, Tr::tr("a replacement or void needs the payer's claim number "
                                     "(REF*F8)."));
    for (qsizetype i = 0; i < claim.lines.size(); ++i) {
        const ServiceLine &line = claim.lines.at(i);
        const int number = int(i) + 1;
        if (line.procedureCode.trimmed().isEmpty())
            return missing(claim, Tr::tr("line %1 has no procedure code.").arg(number));
        if (line.units <= 0)
            return missing(claim, Tr::tr("line %1 has no units.").arg(number));
        if (line.modifiers.size() > Claim837Writer::maxModifiers)
            return missing(claim, Tr::tr("line %1 has more than %2 modifiers.")
                                      .arg(number)
                                      .arg(Claim837Writer::maxModifiers));
        if (line.diagnosisPointers.isEmpty() ||
            line.diagnosisPointers.size() > Claim837Writer::maxPointers)
            return missing(claim, Tr::tr("line %1 needs 1 to %2 diagnosis pointers.")
                                      .arg(number)
                                      .arg(Claim837Writer::maxPointers));
        for (int pointer : line.diagnosisPointers) {
            if (pointer < 1 || pointer > claim.diagnoses.size())
                return missing(claim, Tr::tr("line %1 points at diagnosis %2, which the claim "
                                             "does not have.")
                                          .arg(number)
                                          .arg(pointer));
        }
    }
    return {};
}

class TransactionWriter
{
public:
    TransactionWriter(const Claim837Options &options, const X12Delimiters &delimiters)
        : m_options(options)
        , m_out(delimiters)
        , m_component(delimiters.component)
    {
    }

    QByteArray text(const QString &value) const { return m_out.text(value); }
    //! Components joined with the component separator, trailing empty ones dropped.
    QByteArray composite(QList<QByteArray> parts) const
    {
        while (!parts.isEmpty() && parts.last().isEmpty())
            parts.removeLast();
        return parts.join(m_component);
    }

    void header(const QByteArray &reference, const QDateTime &time)
    {
        m_out.add("BHT", {"0019", "00", reference, X12Values::formatD8(time.date()),
                          time.toString(QStringLiteral("HHmm")).toLatin1(), "CH"});
        m_out.add("NM1", {"41",
                          "2",
                          text(m_options.submitterName),
                          {},
                          {},
                          {},
                          {},
                          "46",
                          text(m_options.submitterId)});
        m_out.add("PER", {"IC", text(m_options.contactName), "TE", text(m_options.contactPhone)});
        m_out.add("NM1", {"40",
                          "2",
                          text(m_options.receiverName),
                          {},
                          {},
                          {},
                          {},
                          "46",
                          text(m_options.receiverEtin)});
    }

    void address(const Address &address)
    {
        m_out.add("N3", {text(address.line1), text(address.line2)});
        m_out.add("N4", {text(address.city), text(address.state), text(address.zip)});
    }

    int billingProvider(const ClaimProvider &provider)
    {
        const int id = ++m_hl;
        m_out.add("HL", {QByteArray::number(id), {}, "20", "1"});
        if (!m_options.billingTaxonomy.isEmpty())
            m_out.add("PRV", {"BI", "PXC", text(m_options.billingTaxonomy)});
        m_out.add("NM1",
                  {"85", "2", text(provider.name), {}, {}, {}, {}, "XX", text(provider.npi)});
        address(m_options.billingAddress);
        m_out.add("REF", {"EI", text(m_options.billingTaxId)});
        return id;
    }

    void claim(const Claim &claim, int parent)
    {
        // 2000B: the patient is the subscriber (SBR02 18), so no 2000C follows (HL04 0).
        m_out.add("HL", {QByteArray::number(++m_hl), QByteArray::number(parent), "22", "0"});
        m_out.add("SBR", {"P", "18", {}, {}, {}, {}, {}, {}, text(m_options.claimFilingCode)});
        const PersonName patient = splitName(claim.patientName);
        m_out.add("NM1", {"IL",
                          "1",
                          text(patient.last),
                          text(patient.first),
                          {},
                          {},
                          {},
                          "MI",
                          text(claim.memberId)});
        if (const auto it = m_options.patientAddresses.constFind(claim.patientId);
            it != m_options.patientAddresses.cend())
            address(*it);
        if (claim.patientDateOfBirth.isValid())
            m_out.add("DMG", {"D8", X12Values::formatD8(claim.patientDateOfBirth),
                              text(genderCode(claim.patientGender))});
        const QString payerId = m_options.payerIds.value(claim.insuranceId, claim.insuranceId);
        m_out.add("NM1", {"PR", "2", text(claim.payerName), {}, {}, {}, {}, "PI", text(payerId)});

        // 2300
        m_out.add("CLM", {text(claim.claimNumber),
                          X12Values::formatMoneyCents(claim.totalChargeCents()),
                          {},
                          {},
                          composite({text(claim.placeOfService), "B",
                                     QByteArray::number(int(claim.frequency))}),
                          "Y",
                          text(m_options.acceptAssignment),
                          text(m_options.benefitsAssigned),
                          "Y"});
        if (claim.frequency != ClaimFrequency::Original)
            m_out.add("REF", {"F8", text(claim.payerClaimId)});
        QList<QByteArray> diagnoses;
        for (qsizetype i = 0; i < claim.diagnoses.size(); ++i)
            diagnoses.append(
                composite({i == 0 ? "ABK" : "ABF", text(icd10Stored(claim.diagnoses.at(i).code))}));
        m_out.add("HI", diagnoses);
        const ClaimProvider &rendering = claim.renderingProvider;
        if (!rendering.npi.trimmed().isEmpty() &&
            rendering.npi.trimmed() != claim.billingProvider.npi.trimmed()) {
            const PersonName name = splitName(rendering.name);
            m_out.add("NM1", {"82",
                              "1",
                              text(name.last),
                              text(name.first),
                              {},
                              {},
                              {},
                              "XX",
                              text(rendering.npi)});
        }

        // 2400
        for (qsizetype i = 0; i < claim.lines.size(); ++i) {
            const ServiceLine &line = claim.lines.at(i);
            m_out.add("LX", {QByteArray::number(i + 1)});
            QList<QByteArray> procedure{"HC", text(line.procedureCode.toUpper())};
            for (const QString &modifier : line.modifiers)
                procedure.append(text(modifier.toUpper()));
            QList<QByteArray> pointers;
            for (int pointer : line.diagnosisPointers)
                pointers.append(QByteArray::number(pointer));
            m_out.add("SV1", {composite(procedure),
                              X12Values::formatMoneyCents(line.chargeCents),
                              "UN",
                              QByteArray::number(line.units),
                              {},
                              {},
                              composite(pointers)});
            m_out.add("DTP", {"472", "D8", X12Values::formatD8(claim.dateOfService)});
            m_out.add("REF", {"6R", text(Claim837Writer::lineControlNumber(claim, int(i) + 1))});
        }
    }

    QList<X12Segment> take() { return m_out.take(); }

private:
    const Claim837Options &m_options;
    X12Envelope::SegmentWriter m_out;
    char m_component;
    int m_hl = 0;
};

} // namespace

QString Claim837Writer::lineControlNumber(const Claim &claim, int line)
{
    return claim.claimNumber.trimmed() + QLatin1Char('-') + QString::number(line);
}

Claim837WriteResult Claim837Writer::write(const QList<Claim> &claims,
                                          const Claim837Options &options)
{
    Claim837WriteResult result;
    if (claims.isEmpty()) {
        result.error = Tr::tr("No claims were selected to write.");
        return result;
    }
    for (const Claim &claim : claims) {
        result.error = checkClaim(claim);
        if (!result.error.isEmpty())
            return result;
    }

    X12Envelope::Parameters parameters;
    parameters.senderId = options.senderId;
    parameters.receiverId = options.receiverId;
    parameters.controlNumber = options.interchangeControlNumber;
    parameters.production = options.production;
    parameters.createdAt = options.createdAt;
    parameters.functionalId = "HC";
    parameters.transactionType = "837";
    X12Interchange interchange = X12Envelope::create(parameters);
    // The shared frame is the 270's; this is an 837P with its own group and set numbers.
    X12FunctionalGroup &group = interchange.groups.first();
    group.header.setElement(
        6, QByteArray::number(X12Envelope::normalizedControlNumber(options.groupControlNumber)));
    group.header.setElement(8, implementation);
    X12Transaction &transaction = group.transactions.first();
    const QByteArray st02 = X12Envelope::transactionControlNumber(options.transactionControlNumber);
    transaction.header.setElement(2, st02);
    transaction.header.setElement(3, implementation);

    TransactionWriter writer(options, interchange.delimiters);
    const QDateTime time = X12Envelope::effectiveTime(options.createdAt);
    writer.header(options.reference.isEmpty() ? st02 : writer.text(options.reference), time);
    // One 2000A per billing provider, in the order they first appear; its claims under it.
    QList<ClaimProvider> providers;
    for (const Claim &claim : claims) {
        if (!providers.contains(claim.billingProvider))
            providers.append(claim.billingProvider);
    }
    for (const ClaimProvider &provider : providers) {
        const int parent = writer.billingProvider(provider);
        for (const Claim &claim : claims) {
            if (claim.billingProvider == provider)
                writer.claim(claim, parent);
        }
    }
    transaction.segments = writer.take();
    X12Writer::finalize(interchange);
    X12Writer x12;
    x12.lineBreaks = true;
    result.data = x12.write(interchange);
    result.segments = int(transaction.segments.size()) + 2;
    return result;
}

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/claims/claim837reader.h"

#include "services/x12/x12values.h"

#include <QCoreApplication>

#include <cmath>
#include <optional>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Claim837Reader)
};

QString text(QByteArrayView bytes)
{
    return QString::fromLatin1(bytes).trimmed();
}

//! NM103 and NM104 as "Last, First" (or the organisation's name).
QString nameOf(const X12SegmentView &s)
{
    const QString last = text(s.element(3));
    const QString first = text(s.element(4));
    return first.isEmpty() ? last : last + QStringLiteral(", ") + first;
}

} // namespace

class Claim837Handler::Private
{
public:
    explicit Private(Claim837Handler &handler, bool keep)
        : q(handler)
        , m_keep(keep)
    {
    }

    void segment(const X12SegmentView &s, int number);
    void finishClaim();
    QList<QByteArray> components(QByteArrayView element) const
    {
        return X12Values::split(element.toByteArray(), m_delimiters.component);
    }
    void warning(int number, QByteArrayView id, const QString &message)
    {
        m_issues.add(X12Issue::Severity::Warning, number, id.toByteArray(), message);
    }

    Claim837Handler &q;
    bool m_keep = true;
    X12Delimiters m_delimiters;
    X12IssueLog m_issues{X12StreamReader::maxIssues};
    Claim837ReadResult m_out;
    bool m_in837 = false;

    // What the hierarchy above the claim says, carried into each of its claims.
    ClaimProvider m_billing;
    Claim m_subscriber; // patient, member and payer fields only
    enum class Entity { Other, Subscriber, Patient } m_lastEntity = Entity::Other;

    std::optional<Claim> m_claim;
    int m_claimSegment = 0;
    qint64 m_claimTotal = 0;
};

void Claim837Handler::Private::finishClaim()
{
    if (!m_claim)
        return;
    Claim claim = std::move(*m_claim);
    m_claim.reset();
    if (claim.totalChargeCents() != m_claimTotal) {
        ++m_out.totalMismatches;
        warning(m_claimSegment, "CLM",
                Tr::tr("Claim %1: CLM02 says %2, its lines add up to %3.")
                    .arg(claim.claimNumber, formatCents(m_claimTotal),
                         formatCents(claim.totalChargeCents())));
    }
    if (m_keep)
        m_out.claims.append(std::move(claim));
}

void Claim837Handler::Private::segment(const X12SegmentView &s, int number)
{
    if (s.is("HL")) {
        finishClaim();
        const QByteArrayView level = s.element(3);
        if (level == "22") {
            m_subscriber = {};
            m_lastEntity = Entity::Other;
        }
        return;
    }
    if (s.is("NM1")) {
        const QByteArrayView entity = s.element(1);
        m_lastEntity = Entity::Other;
        if (entity == "85") {
            m_billing = {text(s.element(3)), text(s.element(9))};
        } else if (entity == "82" && m_claim) {
            m_claim->renderingProvider = {text(s.element(4)).isEmpty()
                                              ? text(s.element(3))
                                              : text(s.element(4)) + QLatin1Char(' ') +
                                                    text(s.element(3)),
                                          text(s.element(9))};
        } else if (m_claim) {
            return; // 2310/2330 loops: other parties of this claim
        } else if (entity == "IL") {
            m_subscriber.patientName = nameOf(s);
            m_subscriber.memberId = text(s.element(9));
            m_lastEntity = Entity::Subscriber;
        } else if (entity == "QC") {
            m_subscriber.patientName = nameOf(s);
            m_lastEntity = Entity::Patient;
        } else if (entity == "PR") {
            m_subscriber.payerName = text(s.element(3));
            m_subscriber.insuranceId = text(s.element(9));
        }
        return;
    }
    if (s.is("DMG")) {
        if (!m_claim && m_lastEntity != Entity::Other) {
            m_subscriber.patientDateOfBirth = X12Values::parseD8(s.element(2));
            m_subscriber.patientGender = genderFromCode(text(s.element(3)));
        }
        return;
    }
    if (s.is("CLM")) {
        finishClaim();
        ++m_out.claimCount;
        if (m_keep && m_out.claims.size() >= maxKeptClaims) {
            q.stop({X12Issue::Severity::Error, number, "CLM",
                    Tr::tr("The file holds more than %1 claims, too many to read at once.")
                        .arg(maxKeptClaims)});
            return;
        }
        Claim claim = m_subscriber;
        claim.billingProvider = m_billing;
        claim.claimNumber = text(s.element(1));
        claim.placeOfService.clear();
        m_claimTotal = X12Values::parseMoneyCents(s.element(2).trimmed()).value_or(0);
        const QList<QByteArray> facility = components(s.element(5));
        if (!facility.isEmpty())
            claim.placeOfService = text(facility.at(0));
        const QString frequency = facility.size() >= 3 ? text(facility.at(2)) : QString();
        claim.frequency = frequency == QLatin1String("7")   ? ClaimFrequency::Replacement
                          : frequency == QLatin1String("8") ? ClaimFrequency::Void
                                                            : ClaimFrequency::Original;
        m_claim = std::move(claim);
        m_claimSegment = number;
        return;
    }
    if (!m_claim)
        return;
    if (s.is("REF") && s.element(1) == "F8" && m_claim->lines.isEmpty()) {
        m_claim->payerClaimId = text(s.element(2));
        return;
    }
    if (s.is("HI")) {
        for (int element = 1; element <= s.elements.size(); ++element) {
            const QList<QByteArray> parts = components(s.element(element));
            if (parts.size() < 2)
                continue;
            const QByteArray &qualifier = parts.at(0);
            if (qualifier == "ABK" || qualifier == "ABF" || qualifier == "BK" || qualifier == "BF")
                m_claim->diagnoses.append({text(parts.at(1)), {}});
        }
        return;
    }
    if (s.is("SV1") || s.is("SV2") || s.is("SV3") || s.is("SV5")) {
        if (m_claim->lines.size() >= maxLinesPerClaim) {
            q.stop({X12Issue::Severity::Error, number, s.id.toByteArray(),
                    Tr::tr("Claim %1 has more than %2 service lines; the file was not read "
                           "further.")
                        .arg(m_claim->claimNumber)
                        .arg(maxLinesPerClaim)});
            return;
        }
        ++m_out.lineCount;
        ServiceLine line;
        // SV2 (institutional) carries the procedure in SV202; the others in element 1.
        const int procedureElement = s.is("SV2") ? 2 : 1;
        const QList<QByteArray> procedure = components(s.element(procedureElement));
        if (procedure.size() >= 2)
            line.procedureCode = text(procedure.at(1));
        for (qsizetype i = 2; i < qMin<qsizetype>(procedure.size(), 6); ++i) {
            if (!text(procedure.at(i)).isEmpty())
                line.modifiers.append(text(procedure.at(i)));
        }
        const int chargeElement = procedureElement + 1;
        const std::optional<qint64> charge =
            X12Values::parseMoneyCents(s.element(chargeElement).trimmed());
        if (!charge)
            warning(number, s.id,
                    Tr::tr("The line charge is not an amount: \"%1\".")
                        .arg(X12Values::describeBytes(s.element(chargeElement))));
        line.chargeCents = charge.value_or(0);
        if (s.is("SV1")) {
            const std::optional<double> units = X12Values::parseDecimal(s.element(4).trimmed());
            line.units = units && std::abs(*units) < 1e6 ? int(std::lround(*units)) : 1;
            for (const QByteArray &pointer : components(s.element(7))) {
                if (const auto value = X12Values::parseCount(pointer); value && *value < 100)
                    line.diagnosisPointers.append(int(*value));
            }
        }
        m_claim->lines.append(std::move(line));
        return;
    }
    if (s.is("DTP") && s.element(1) == "472" && !m_claim->dateOfService.isValid()) {
        // D8, or the first day of an RD8 range.
        const QByteArrayView date = s.element(3);
        m_claim->dateOfService = X12Values::parseD8(date.size() > 8 ? date.first(8) : date);
        return;
    }
}

Claim837Handler::Claim837Handler(bool keepClaims)
    : d(std::make_unique<Private>(*this, keepClaims))
{
}

Claim837Handler::~Claim837Handler() = default;

void Claim837Handler::started(const X12Delimiters &delimiters)
{
    d->m_delimiters = delimiters;
}

void Claim837Handler::segment(const X12SegmentView &segment, X12StreamReader::Kind kind, int number)
{
    switch (kind) {
    case X12StreamReader::Kind::Other:
        if (d->m_in837)
            d->segment(segment, number);
        return;
    case X12StreamReader::Kind::St:
        d->finishClaim();
        d->m_in837 = segment.element(1) == "837";
        if (d->m_in837) {
            ++d->m_out.transactions;
            d->m_billing = {};
            d->m_subscriber = {};
        }
        return;
    case X12StreamReader::Kind::Se:
        d->finishClaim();
        d->m_in837 = false;
        return;
    default:
        return;
    }
}

int Claim837Handler::transactions() const
{
    return d->m_out.transactions;
}

Claim837ReadResult Claim837Handler::finish(X12StreamReader::Result read)
{
    if (read.ok)
        d->finishClaim();
    Claim837ReadResult out = std::exchange(d->m_out, {});
    out.issues = std::move(read.issues);
    if (!read.ok) {
        // What was read before the error is not to be trusted.
        out.claims.clear();
        out.error = X12ReadResult{std::nullopt, {}, out.issues}.errorString();
        return out;
    }
    out.issues += d->m_issues.take();
    if (out.transactions == 0)
        out.error = Tr::tr("The file holds no 837 claim transaction.");
    return out;
}

Claim837ReadResult Claim837Handler::read(const QByteArray &bytes, X12Reader::Options options)
{
    Claim837Handler handler;
    return handler.finish(X12StreamReader::read(bytes, options, handler));
}

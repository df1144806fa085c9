// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/claims/remittance835reader.h"

#include "services/x12/x12values.h"

#include <QBuffer>
#include <QCoreApplication>

#include <cmath>
#include <optional>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Remittance835)
};

QString text(QByteArrayView bytes)
{
    return QString::fromLatin1(bytes).trimmed();
}

//! "CLP03" for messages.
QString position(QByteArrayView id, int element)
{
    return QString::fromLatin1(id) + QString::number(element).rightJustified(2, QLatin1Char('0'));
}

qint64 sumOf(const QList<RemittanceAdjustment> &adjustments)
{
    qint64 sum = 0;
    for (const RemittanceAdjustment &adjustment : adjustments)
        sum += adjustment.amountCents;
    return sum;
}

//! Without AMT*B6 the payer allowed what it did not take away for its own reasons: the
//! billed amount less every adjustment that is not the patient's (CO, PI, OA, and the older
//! CR).
qint64 allowedWithout(const RemittanceLine &line)
{
    qint64 allowed = line.billedCents;
    for (const RemittanceAdjustment &adjustment : line.adjustments) {
        if (adjustment.group != QLatin1String("PR"))
            allowed -= adjustment.amountCents;
    }
    return allowed;
}

//! Where a claim stops balancing, naming the claim in every case (Remittance::balances names
//! only the line when a line is wrong).
QString balanceError(const Remittance &remittance)
{
    QString why;
    if (remittance.balances(&why))
        return {};
    for (const RemittanceLine &line : remittance.lines) {
        if (line.billedCents - line.paidCents != sumOf(line.adjustments))
            return Tr::tr("Claim %1: %2").arg(remittance.claimNumber, why);
    }
    return why;
}

} // namespace

bool Remittance835Result::hasClaimErrors() const
{
    for (const X12Issue &issue : issues) {
        if (issue.severity == X12Issue::Severity::Error)
            return true;
    }
    return false;
}

QStringList Remittance835Result::errorStrings() const
{
    QStringList out;
    for (const X12Issue &issue : issues) {
        if (issue.severity == X12Issue::Severity::Error)
            out.append(issue.toString());
    }
    return out;
}

class Remittance835Handler::Private
{
public:
    Private(Remittance835Handler &handler, QString source,
            Remittance835Reader::RemittanceHandler onRemittance)
        : q(handler)
        , m_source(std::move(source))
        , m_onRemittance(std::move(onRemittance))
    {
    }

    void segment(const X12SegmentView &s, int number);
    void startTransaction();
    void finishClaim();
    void finishLine();

    // Problems with the claim being read: an error leaves the claim out.
    void claimError(int number, QByteArrayView id, const QString &message)
    {
        m_issues.add(X12Issue::Severity::Error, number, id.toByteArray(), message);
        m_claimBroken = true;
    }
    void warning(int number, QByteArrayView id, const QString &message)
    {
        m_issues.add(X12Issue::Severity::Warning, number, id.toByteArray(), message);
    }
    //! A required amount; nothing (and the claim marked broken) when it is missing or wrong.
    std::optional<qint64> requiredAmount(const X12SegmentView &s, int element, int number,
                                         const QString &what);
    std::optional<qint64> optionalAmount(const X12SegmentView &s, int element, int number,
                                         const QString &what);
    void readAdjustments(const X12SegmentView &s, int number, QList<RemittanceAdjustment> &to);
    void addRemark(QStringList &to, QByteArrayView code, int number, QByteArrayView id);
    void refuse(int number, QByteArrayView id, const QString &message)
    {
        q.stop({X12Issue::Severity::Error, number, id.toByteArray(), message});
    }

    Remittance835Handler &q;
    QString m_source;
    Remittance835Reader::RemittanceHandler m_onRemittance;
    X12Delimiters m_delimiters;
    X12IssueLog m_issues{X12StreamReader::maxIssues};
    QList<Remittance> m_collected;
    QList<qsizetype> m_unbalanced;
    qsizetype m_delivered = 0;
    int m_transactions = 0;
    int m_claims = 0;
    QStringList m_otherTypes;

    bool m_in835 = false;
    // The transaction's header, copied into each of its claims.
    QDate m_paymentDate;
    QString m_checkNumber;
    QString m_payerName;
    bool m_claimSeen = false;
    // The claim (CLP loop) and line (SVC loop) being read.
    std::optional<Remittance> m_claim;
    int m_claimSegment = 0;
    bool m_claimBroken = false;
    bool m_inLine = false;
    bool m_lineHasAllowed = false;
};

std::optional<qint64> Remittance835Handler::Private::requiredAmount(const X12SegmentView &s,
                                                                    int element, int number,
                                                                    const QString &what)
{
    const QByteArrayView value = s.element(element);
    if (value.trimmed().isEmpty()) {
        claimError(number, s.id, Tr::tr("%1 (%2) is missing.").arg(position(s.id, element), what));
        return std::nullopt;
    }
    return optionalAmount(s, element, number, what);
}

std::optional<qint64> Remittance835Handler::Private::optionalAmount(const X12SegmentView &s,
                                                                    int element, int number,
                                                                    const QString &what)
{
    const QByteArrayView value = s.element(element).trimmed();
    if (value.isEmpty())
        return qint64(0);
    const std::optional<qint64> cents = X12Values::parseMoneyCents(value);
    if (!cents) {
        claimError(number, s.id,
                   Tr::tr("%1 (%2) is not an amount: \"%3\".")
                       .arg(position(s.id, element), what, X12Values::describeBytes(value)));
    }
    return cents;
}

void Remittance835Handler::Private::addRemark(QStringList &to, QByteArrayView code, int number,
                                              QByteArrayView id)
{
    const QString remark = text(code);
    if (remark.isEmpty())
        return;
    if (to.size() >= Remittance835Reader::maxRemarksPerLoop) {
        refuse(number, id,
               Tr::tr("More than %1 remark codes in one loop; no 835 needs "
                      "that many, so the file was not read further.")
                   .arg(Remittance835Reader::maxRemarksPerLoop));
        return;
    }
    to.append(remark);
}

void Remittance835Handler::Private::readAdjustments(const X12SegmentView &s, int number,
                                                    QList<RemittanceAdjustment> &to)
{
    const QString group = text(s.element(1));
    if (group.isEmpty()) {
        claimError(number, s.id,
                   Tr::tr("CAS01 (the adjustment group: CO, PR, OA or PI) is missing."));
        return;
    }
    int read = 0;
    // Up to six reason, amount, quantity triples: CAS02-04, CAS05-07, … CAS17-19.
    for (int triple = 0; triple < 6; ++triple) {
        const int reasonElement = 2 + 3 * triple;
        const QString reason = text(s.element(reasonElement));
        const QByteArrayView amount = s.element(reasonElement + 1).trimmed();
        if (reason.isEmpty() && amount.isEmpty())
            continue;
        if (reason.isEmpty()) {
            claimError(number, s.id,
                       Tr::tr("%1 has an amount but %2 (its reason code) is "
                              "missing.")
                           .arg(position(s.id, reasonElement + 1), position(s.id, reasonElement)));
            return;
        }
        const std::optional<qint64> cents = requiredAmount(
            s, reasonElement + 1, number, Tr::tr("the amount of reason %1").arg(reason));
        if (!cents)
            return;
        if (to.size() >= Remittance835Reader::maxAdjustmentsPerLoop) {
            refuse(number, s.id,
                   Tr::tr("More than %1 adjustments in one loop; no 835 "
                          "needs that many, so the file was not read "
                          "further.")
                       .arg(Remittance835Reader::maxAdjustmentsPerLoop));
            return;
        }
        to.append({group, reason, *cents});
        ++read;
    }
    if (read == 0)
        claimError(number, s.id, Tr::tr("CAS02 (the adjustment reason code) is missing."));
}

void Remittance835Handler::Private::startTransaction()
{
    m_in835 = true;
    ++m_transactions;
    m_paymentDate = {};
    m_checkNumber.clear();
    m_payerName.clear();
    m_claimSeen = false;
    m_claim.reset();
}

void Remittance835Handler::Private::finishLine()
{
    if (!m_inLine || !m_claim)
        return;
    RemittanceLine &line = m_claim->lines.last();
    if (!m_lineHasAllowed)
        line.allowedCents = allowedWithout(line);
    m_inLine = false;
}

void Remittance835Handler::Private::finishClaim()
{
    if (!m_claim)
        return;
    finishLine();
    Remittance remittance = std::move(*m_claim);
    m_claim.reset();
    if (m_claimBroken)
        return; // its error is in the issues already
    const QString unbalanced = balanceError(remittance);
    if (!unbalanced.isEmpty()) {
        m_issues.add(X12Issue::Severity::Error, m_claimSegment, QByteArrayLiteral("CLP"),
                     unbalanced);
        m_unbalanced.append(m_delivered);
    }
    ++m_delivered;
    if (m_onRemittance)
        m_onRemittance(std::move(remittance), unbalanced);
    else
        m_collected.append(std::move(remittance));
}

void Remittance835Handler::Private::segment(const X12SegmentView &s, int number)
{
    if (s.is("CLP")) {
        finishClaim();
        if (!m_onRemittance && m_collected.size() >= Remittance835Reader::maxCollected) {
            refuse(number, s.id,
                   Tr::tr("The file holds more than %1 claims, too many to read at once.")
                       .arg(Remittance835Reader::maxCollected));
            return;
        }
        ++m_claims;
        m_claimSeen = true;
        m_claimBroken = false;
        m_claimSegment = number;
        Remittance remittance;
        remittance.claimNumber = text(s.element(1));
        remittance.statusCode = text(s.element(2));
        remittance.payerClaimId = text(s.element(7));
        remittance.paymentDate = m_paymentDate;
        remittance.checkNumber = m_checkNumber;
        remittance.payerName = m_payerName;
        remittance.source = m_source;
        m_claim = std::move(remittance);
        m_inLine = false;
        if (m_claim->claimNumber.isEmpty())
            claimError(number, s.id, Tr::tr("CLP01 (the claim number) is missing."));
        if (m_claim->statusCode.isEmpty())
            claimError(number, s.id, Tr::tr("CLP02 (the claim status) is missing."));
        if (const auto billed = requiredAmount(s, 3, number, Tr::tr("the amount billed")))
            m_claim->billedCents = *billed;
        if (const auto paid = requiredAmount(s, 4, number, Tr::tr("the amount paid")))
            m_claim->paidCents = *paid;
        if (const auto patient = optionalAmount(s, 5, number, Tr::tr("the patient responsibility")))
            m_claim->patientResponsibilityCents = *patient;
        return;
    }
    if (s.is("SVC")) {
        if (!m_claim) {
            warning(number, s.id,
                    Tr::tr("A service line (SVC) outside a claim (CLP) was ignored."));
            return;
        }
        finishLine();
        if (m_claim->lines.size() >= Remittance835Reader::maxLinesPerClaim) {
            refuse(number, s.id,
                   Tr::tr("Claim %1 has more than %2 service lines; no 835 "
                          "needs that many, so the file was not read "
                          "further.")
                       .arg(m_claim->claimNumber)
                       .arg(Remittance835Reader::maxLinesPerClaim));
            return;
        }
        RemittanceLine line;
        // SVC01: qualifier:code:modifier…:description, e.g. HC:99213:25.
        const QList<QByteArray> procedure =
            X12Values::split(s.element(1).toByteArray(), m_delimiters.component);
        line.procedureCode = procedure.size() >= 2 ? text(procedure.at(1)) : QString();
        for (qsizetype i = 2; i < qMin<qsizetype>(procedure.size(), 6); ++i) {
            const QString modifier = text(procedure.at(i));
            if (!modifier.isEmpty())
                line.modifiers.append(modifier);
        }
        if (line.procedureCode.isEmpty())
            claimError(number, s.id,
                       Tr::tr("SVC01 has no procedure code (it should be a qualifier and a code, "
                              "as in HC:99213): \"%1\".")
                           .arg(X12Values::describeBytes(s.element(1))));
        if (const auto billed = requiredAmount(s, 2, number, Tr::tr("the line's amount billed")))
            line.billedCents = *billed;
        if (const auto paid = requiredAmount(s, 3, number, Tr::tr("the line's amount paid")))
            line.paidCents = *paid;
        const QByteArrayView units = s.element(5).trimmed();
        if (!units.isEmpty()) {
            const std::optional<double> value = X12Values::parseDecimal(units);
            if (value && std::abs(*value) < 1e6)
                line.units = int(std::lround(*value));
            else
                warning(number, s.id,
                        Tr::tr("SVC05 (units) is not a number: \"%1\"; 1 "
                               "unit is assumed.")
                            .arg(X12Values::describeBytes(units)));
        }
        m_claim->lines.append(std::move(line));
        m_inLine = true;
        m_lineHasAllowed = false;
        return;
    }
    if (s.is("CAS")) {
        if (!m_claim) {
            warning(number, s.id, Tr::tr("An adjustment (CAS) outside a claim (CLP) was ignored."));
            return;
        }
        readAdjustments(s, number,
                        m_inLine ? m_claim->lines.last().adjustments : m_claim->claimAdjustments);
        return;
    }
    if (s.is("AMT")) {
        // AMT*B6 (allowed) belongs to a line; claim-level amounts (AU, D8, …) are not kept.
        if (m_inLine && s.element(1) == "B6") {
            if (const auto allowed = requiredAmount(s, 2, number, Tr::tr("the amount allowed"))) {
                m_claim->lines.last().allowedCents = *allowed;
                m_lineHasAllowed = true;
            }
        }
        return;
    }
    if (s.is("LQ")) {
        // LQ*HE: a remittance advice remark code (RARC) for the line.
        if (m_inLine && s.element(1) == "HE")
            addRemark(m_claim->lines.last().remarks, s.element(2), number, s.id);
        return;
    }
    if (s.is("MOA") || s.is("MIA")) {
        if (!m_claim)
            return;
        // MOA03-07 and MIA05, MIA20-24 are claim remark codes.
        const QList<int> elements =
            s.is("MOA") ? QList<int>{3, 4, 5, 6, 7} : QList<int>{5, 20, 21, 22, 23, 24};
        for (int element : elements)
            addRemark(m_claim->remarks, s.element(element), number, s.id);
        return;
    }
    if (s.is("LX") || s.is("PLB")) {
        // A new header number, or the provider adjustments after the last claim.
        finishClaim();
        return;
    }
    if (s.is("BPR")) {
        const QByteArrayView amount = s.element(2).trimmed();
        if (!amount.isEmpty() && !X12Values::parseMoneyCents(amount))
            warning(number, s.id,
                    Tr::tr("BPR02 (the total paid) is not an amount: \"%1\".")
                        .arg(X12Values::describeBytes(amount)));
        const QByteArrayView date = s.element(16).trimmed();
        if (!date.isEmpty()) {
            m_paymentDate = X12Values::parseD8(date);
            if (!m_paymentDate.isValid())
                warning(number, s.id,
                        Tr::tr("BPR16 (the payment date) is not a date "
                               "(CCYYMMDD): \"%1\".")
                            .arg(X12Values::describeBytes(date)));
        }
        return;
    }
    if (s.is("TRN")) {
        m_checkNumber = text(s.element(2));
        return;
    }
    if (s.is("N1") && !m_claimSeen && s.element(1) == "PR") {
        m_payerName = text(s.element(2));
        return;
    }
}

Remittance835Handler::Remittance835Handler(QString source,
                                           Remittance835Reader::RemittanceHandler onRemittance)
    : d(std::make_unique<Private>(*this, std::move(source), std::move(onRemittance)))
{
}

Remittance835Handler::~Remittance835Handler() = default;

void Remittance835Handler::started(const X12Delimiters &delimiters)
{
    d->m_delimiters = delimiters;
}

void Remittance835Handler::segment(const X12SegmentView &segment, X12StreamReader::Kind kind,
                                   int number)
{
    switch (kind) {
    case X12StreamReader::Kind::Other:
        if (d->m_in835)
            d->segment(segment, number);
        return;
    case X12StreamReader::Kind::St:
        d->finishClaim();
        if (segment.element(1) == "835") {
            d->startTransaction();
        } else {
            d->m_in835 = false;
            if (d->m_otherTypes.size() < 16 && !d->m_otherTypes.contains(text(segment.element(1))))
                d->m_otherTypes.append(text(segment.element(1)));
        }
        return;
    case X12StreamReader::Kind::Se:
        if (d->m_in835)
            d->finishClaim();
        d->m_in835 = false;
        return;
    default:
        return;
    }
}

int Remittance835Handler::transactions() const
{
    return d->m_transactions;
}

Remittance835Result Remittance835Handler::finish(X12StreamReader::Result read)
{
    Remittance835Result out;
    out.issues = std::move(read.issues);
    out.transactions = d->m_transactions;
    out.claims = d->m_claims;
    if (!read.ok) {
        // What was read before the error is not to be trusted.
        out.error = X12ReadResult{std::nullopt, {}, out.issues}.errorString();
        return out;
    }
    d->finishClaim();
    out.issues += d->m_issues.take();
    out.remittances = std::move(d->m_collected);
    out.unbalanced = std::move(d->m_unbalanced);
    if (d->m_transactions == 0) {
        out.error = d->m_otherTypes.isEmpty()
                        ? Tr::tr("The file holds no transaction: it is not an 835 remittance.")
                        : Tr::tr("The file holds %1, not an 835 remittance.")
                              .arg(d->m_otherTypes.join(QLatin1Char('/')));
        out.remittances.clear();
        out.unbalanced.clear();
    }
    return out;
}

X12Reader::Options Remittance835Reader::lenientOptions()
{
    X12Reader::Options options;
    options.strictEnvelope = false;
    return options;
}

Remittance835Result Remittance835Reader::read(const QByteArray &bytes, const QString &source,
                                              X12Reader::Options options)
{
    Remittance835Handler handler(source);
    return handler.finish(X12StreamReader::read(bytes, options, handler));
}

Remittance835Result Remittance835Reader::read(QIODevice &device, const QString &source,
                                              X12Reader::Options options)
{
    Remittance835Handler handler(source);
    return handler.finish(X12StreamReader::read(device, options, handler));
}

Remittance835Result Remittance835Reader::read(QIODevice &device, const QString &source,
                                              const X12Reader::Options &options,
                                              const RemittanceHandler &onRemittance)
{
    Remittance835Handler handler(source, onRemittance);
    return handler.finish(X12StreamReader::read(device, options, handler));
}

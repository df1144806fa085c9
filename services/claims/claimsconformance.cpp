// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/claims/claimsconformance.h"

#include "services/claims/claim837reader.h"
#include "services/claims/remittance835reader.h"

#include <QCoreApplication>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ClaimsConformance)
};

//! A finished read with nothing to add: the runner reports the envelope's own issues.
X12StreamReader::Result readOk()
{
    X12StreamReader::Result read;
    read.ok = true;
    return read;
}

class RemittanceCheck final : public ConformanceRunner::ContentCheck
{
public:
    RemittanceCheck()
        : m_handler({}, [this](Remittance &&remittance, const QString &balanceError) {
            ++m_read;
            m_lines += int(remittance.lines.size());
            if (balanceError.isEmpty())
                ++m_balanced;
        })
    {
    }

    void started(const X12Delimiters &delimiters) override { m_handler.started(delimiters); }
    void segment(const X12SegmentView &segment, X12StreamReader::Kind kind, int number) override
    {
        m_handler.segment(segment, kind, number);
        if (Q_UNLIKELY(m_handler.stopError().has_value()))
            stop(*m_handler.stopError());
    }

    void report(QString &text, QStringList &failures) override
    {
        if (m_handler.transactions() == 0)
            return;
        const Remittance835Result result = m_handler.finish(readOk());
        text += Tr::tr("; 835 claims: %1 of %2 read, %3 balance, %4 service lines")
                    .arg(m_read)
                    .arg(result.claims)
                    .arg(m_balanced)
                    .arg(m_lines);
        const QStringList errors = result.errorStrings();
        if (!errors.isEmpty())
            text +=
                Tr::tr(" (%1 errors, the first: %2)").arg(errors.size()).arg(errors.first());
        if (m_read < result.claims && errors.isEmpty())
            failures.append(Tr::tr("the 835 reader left out %1 claims without saying why")
                                .arg(result.claims - m_read));
    }

private:
    Remittance835Handler m_handler;
    int m_read = 0;
    int m_balanced = 0;
    int m_lines = 0;
};

class ClaimCheck final : public ConformanceRunner::ContentCheck
{
public:
    ClaimCheck()
        : m_handler(false)
    {
    }

    void started(const X12Delimiters &delimiters) override { m_handler.started(delimiters); }
    void segment(const X12SegmentView &segment, X12StreamReader::Kind kind, int number) override
    {
        m_handler.segment(segment, kind, number);
        if (Q_UNLIKELY(m_handler.stopError().has_value()))
            stop(*m_handler.stopError());
    }

    void report(QString &text, QStringList &failures) override
    {
        if (m_handler.transactions() == 0)
            return;
        const Claim837ReadResult result = m_handler.finish(readOk());
        text += Tr::tr("; 837 claims: %1, %2 service lines")
                    .arg(result.claimCount)
                    .arg(result.lineCount);
        if (result.totalMismatches > 0)
            text += Tr::tr(" (%1 with a total that is not the sum of their lines)")
                        .arg(result.totalMismatches);
        // Every 837 bills at least one claim: none read means the reader fell short.
        if (result.claimCount == 0)
            failures.append(Tr::tr("the 837 reader found no claim (CLM) in it"));
    }

private:
    Claim837Handler m_handler;
};

} // namespace

namespace ClaimsConformance {

std::vector<std::unique_ptr<ConformanceRunner::ContentCheck>> checks()
{
    std::vector<std::unique_ptr<ConformanceRunner::ContentCheck>> out;
    out.push_back(std::make_unique<RemittanceCheck>());
    out.push_back(std::make_unique<ClaimCheck>());
    return out;
}

} // namespace ClaimsConformance

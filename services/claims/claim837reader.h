// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/claim.h"
#include "services/x12/x12reader.h"
#include "services/x12/x12streamreader.h"

#include <QList>
#include <QString>

#include <memory>

//! What reading an 837P gave.
struct Claim837ReadResult
{
    //! One per CLM, in file order; empty in the counting form.
    QList<Claim> claims;
    QList<X12Issue> issues; // the reader's, then this parser's warnings
    int transactions = 0;   // 837 transactions read
    int claimCount = 0;     // CLM segments read
    int lineCount = 0;      // SV1 (and SV2/SV3/SV5) service lines read
    //! Claims whose CLM02 total is not the sum of their lines (a warning each in issues).
    int totalMismatches = 0;
    QString error; // set when the file could not be read; claims is then empty
    bool ok() const { return error.isEmpty(); }
};

/*!
  Reads professional claims back out of an 837 (005010X222A1): per CLM the claim number, total,
  place of service and frequency, REF*F8, HI diagnoses, the billing provider (2010AA), the
  subscriber (2010BA, or the patient of 2010CA), payer (2010BB), rendering provider (2310B) and
  SV1 lines with their date. What ClinicDesk writes reads back to the same claims; other
  submitters' files read as far as these fields go. Streams: nothing but the current claim is
  held in the counting form.
 */
class Claim837Handler : public X12StreamReader::Handler
{
public:
    //! keepClaims false: claims are counted and checked, not kept (the conformance check).
    explicit Claim837Handler(bool keepClaims = true);
    ~Claim837Handler() override;

    void started(const X12Delimiters &delimiters) override;
    void segment(const X12SegmentView &segment, X12StreamReader::Kind kind, int number) override;
    Claim837ReadResult finish(X12StreamReader::Result read);
    int transactions() const;

    //! The kept claims are capped so that a hostile file cannot fill memory.
    static constexpr int maxKeptClaims = 100000;
    static constexpr int maxLinesPerClaim = 1000;

    static Claim837ReadResult read(const QByteArray &bytes, X12Reader::Options options = {});

private:
    class Private;
    std::unique_ptr<Private> d;
};

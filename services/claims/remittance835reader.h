// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/remittance.h"
#include "services/x12/x12reader.h"
#include "services/x12/x12streamreader.h"

#include <QList>
#include <QString>

#include <functional>
#include <memory>

class QIODevice;

//! What reading an 835 file gave.
struct Remittance835Result
{
    //! One per CLP loop, in file order, across every interchange, group and transaction.
    //! Empty from the streaming forms, which hand remittances out one by one.
    QList<Remittance> remittances;
    //! Indexes into remittances of the claims whose money does not add up (billed − paid is
    //! not the sum of the adjustments). They are returned all the same, for a person to check.
    QList<qsizetype> unbalanced;
    //! Everything noticed, in order: the reader's envelope warnings, claims that could not be
    //! read (errors, the claim is left out), claims that do not balance (errors, the claim is
    //! kept), and values that were ignored (warnings). Each names its segment and position.
    QList<X12Issue> issues;
    int transactions = 0; // 835 transactions read
    int claims = 0;       // CLP loops seen, read or not
    //! Set when the file could not be read at all (not X12, broken envelope, no 835 in it):
    //! then remittances is empty.
    QString error;

    bool ok() const { return error.isEmpty(); }
    //! True when some claim was left out or does not balance.
    bool hasClaimErrors() const;
    //! The issues of severity Error, formatted ("segment 14 (CLP): …").
    QStringList errorStrings() const;
};

/*!
  Reads 835 remittance advice (005010X221A1) into Remittance records: BPR payment date, TRN
  check or EFT number, the N1*PR payer, and for each CLP its amounts, claim-level CAS, MOA/MIA
  remarks and SVC lines (procedure and modifiers, billed, paid, units, line CAS, AMT*B6
  allowed, LQ*HE remarks). Every claim is checked with Remittance::balances().

  Segments come from X12StreamReader as it reads (the file is never held whole), and a
  hostile claim cannot grow without bound: past the limits below it is refused with an error.
 */
class Remittance835Reader
{
public:
    //! Receives each remittance once its CLP loop has ended; balanceError is empty when it
    //! balances.
    using RemittanceHandler =
        std::function<void(Remittance &&remittance, const QString &balanceError)>;

    static constexpr int maxLinesPerClaim = 5000;
    static constexpr int maxAdjustmentsPerLoop = 1000;
    static constexpr int maxRemarksPerLoop = 1000;
    //! What the list forms collect; the streaming form hands remittances out and has no limit.
    static constexpr int maxCollected = 200000;

    static Remittance835Result read(const QByteArray &bytes, const QString &source = {},
                                    X12Reader::Options options = lenientOptions());
    static Remittance835Result read(QIODevice &device, const QString &source = {},
                                    X12Reader::Options options = lenientOptions());
    //! Streaming: remittances go to onRemittance and are not kept in the result.
    static Remittance835Result read(QIODevice &device, const QString &source,
                                    const X12Reader::Options &options,
                                    const RemittanceHandler &onRemittance);

    //! Payers' files often have wrong counts in their trailers: those are warnings here, as
    //! long as the claims themselves can be read.
    static X12Reader::Options lenientOptions();
};

//! The 835 reader as an X12StreamReader handler, for callers that drive the reader themselves
//! (the conformance check reads each file once for every parser). Segments of transactions
//! other than 835 are skipped.
class Remittance835Handler : public X12StreamReader::Handler
{
public:
    //! Without onRemittance the remittances are collected in the result.
    explicit Remittance835Handler(QString source = {},
                                  Remittance835Reader::RemittanceHandler onRemittance = {});
    ~Remittance835Handler() override;

    void started(const X12Delimiters &delimiters) override;
    void segment(const X12SegmentView &segment, X12StreamReader::Kind kind, int number) override;
    //! Once the reader has finished: the remittances, the issues, and the error if any.
    Remittance835Result finish(X12StreamReader::Result read);
    //! 835 transactions seen so far.
    int transactions() const;

private:
    class Private;
    std::unique_ptr<Private> d;
};

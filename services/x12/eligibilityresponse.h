// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/x12/eligibilityresult.h"
#include "services/x12/x12document.h"
#include "services/x12/x12reader.h"
#include "services/x12/x12streamreader.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>
#include <memory>

struct EligibilityResponseParseResult
{
    //! One per subscriber (2000C) or dependent (2000D) answered, in every 271 transaction of
    //! every interchange. Request-level AAA (2000A/2100A/2100B) that refused the whole request
    //! is copied into every result's rejections; when no 2000C follows, one result carries it.
    //! Empty from the streaming forms, which hand results out one by one.
    QList<EligibilityResult> results;
    //! BHT03 of the first 271 transaction: the submitter reference of the 270 it answers.
    QString submitterReference;
    int transactions = 0;   // 271 transactions read
    QString error;          // non-empty when the bytes are not a readable 271
    QList<X12Issue> issues; // reader warnings/errors, then the parser's warnings
    bool ok() const { return error.isEmpty(); }
};

//! Parses a 271 (005010X279A1) into EligibilityResults. From bytes or a device, segments go
//! from X12StreamReader straight to the parser (no X12Interchange is built); all forms give
//! the same results. Amounts, percentages and dates that cannot be read are left out with a
//! warning in issues.
//!
//! Memory stays bounded whatever arrives: a 271 that goes past one of the limits below is
//! refused with an error that names the limit and the segment.
class EligibilityResponseParser
{
public:
    //! Receives each result as soon as its loop is complete; it is the caller's to keep.
    using ResultHandler = std::function<void(EligibilityResult &&result)>;

    //! Benefits (EB) in one subscriber or dependent loop.
    static constexpr int maxBenefits = 1000;
    //! Dates, messages, rejections and related entities in one subscriber or dependent loop.
    static constexpr int maxEntries = 5000;
    //! AAA in the information source and receiver loops (each result carries a copy).
    static constexpr int maxRequestRejections = 100;
    //! HL nesting through HL02 (a 271 needs 4 levels: source, receiver, subscriber, dependent).
    static constexpr int maxHierarchyDepth = 8;
    //! What parse() may collect into its list: results, benefits and their entries in all.
    //! The streaming forms have no such limit (they keep nothing).
    static constexpr int maxListEntries = 400000;

    static EligibilityResponseParseResult parse(const X12Interchange &interchange);
    static EligibilityResponseParseResult parse(const QByteArray &bytes,
                                                X12Reader::Options options = {});
    //! Streaming: each result goes to onResult (moved) and is not kept; the returned result's
    //! list is empty. When it is not ok, what onResult received should be discarded.
    static EligibilityResponseParseResult parse(const QByteArray &bytes,
                                                const X12Reader::Options &options,
                                                const ResultHandler &onResult);
    //! Streaming from an open device, read in blocks.
    static EligibilityResponseParseResult
    parse(QIODevice &device, const X12Reader::Options &options, const ResultHandler &onResult);
};

//! The streaming 271 parser as an X12StreamReader handler, for callers that drive the reader
//! themselves (the conformance check reads each file once for every parser). Segments of
//! transactions other than 271 are skipped.
class EligibilityResponseHandler : public X12StreamReader::Handler
{
public:
    explicit EligibilityResponseHandler(EligibilityResponseParser::ResultHandler onResult);
    ~EligibilityResponseHandler() override;

    void started(const X12Delimiters &delimiters) override;
    void segment(const X12SegmentView &segment, X12StreamReader::Kind kind, int number) override;
    //! Once the reader has finished: its issues and this parser's, the error if any.
    EligibilityResponseParseResult finish(X12StreamReader::Result read);

private:
    class Private;
    std::unique_ptr<Private> d;
};

//! Envelope data for a 271 answer.
struct EligibilityResponseEnvelope
{
    QString senderId = QStringLiteral("CLEARINGHOUSE");
    QString receiverId = QStringLiteral("CLINICDESK");
    int controlNumber = 1;
    bool production = false;
    QDateTime createdAt;
    QString submitterReference;                             // BHT03 echoed from the 270
    QString traceOriginator = QStringLiteral("9CLINICDSK"); // TRN03 of the echoed TRN*2
};

//! Builds a 271 from results (one 2000C, and 2000D when result.dependent is set, per result);
//! EligibilityResponseParser::parse(build(x)) yields x again.
class EligibilityResponseBuilder
{
public:
    static X12Interchange build(const QList<EligibilityResult> &results,
                                const EligibilityResponseEnvelope &envelope);
    static QByteArray buildBytes(const QList<EligibilityResult> &results,
                                 const EligibilityResponseEnvelope &envelope);
};

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/x12/x12document.h"
#include "services/x12/x12reader.h"
#include "services/x12/x12streamreader.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

//! Everything a 270 (005010X279A1) carries for one patient.
struct EligibilityRequest
{
    // envelope
    QString senderId = QStringLiteral("CLINICDESK");      // ISA06 / GS02
    QString receiverId = QStringLiteral("CLEARINGHOUSE"); // ISA08 / GS03
    int controlNumber = 1;                                // ISA13, GS06, ST02 all derive from it
    bool production = false;                              // ISA15 P or T
    QDateTime createdAt;                                  // ISA09/10, GS04/05, BHT04/05 (UTC)
    QString submitterReference;                           // BHT03

    // 2100A payer
    QString payerId;
    QString payerName;
    // 2100B provider
    QString providerName; // organisation name
    QString providerNpi;  // 10 digits
    // 2000C/2100C subscriber
    QString traceNumber;                                    // TRN02 (in the patient's loop)
    QString traceOriginator = QStringLiteral("9CLINICDSK"); // TRN03, 10 chars
    QString memberId;
    QString groupNumber; // REF*6P when known
    QString subscriberFirstName;
    QString subscriberLastName;
    QDate subscriberDateOfBirth;
    QString subscriberGender; // F, M, U or empty
    // 2000D/2100D dependent, when the patient is not the subscriber
    bool patientIsDependent = false;
    QString dependentFirstName;
    QString dependentLastName;
    QDate dependentDateOfBirth;
    QString dependentGender;
    QString dependentRelationship; // INS02: 01 spouse, 19 child, G8 other

    QDate serviceDate;                              // DTP*291 D8
    QStringList serviceTypes{QStringLiteral("30")}; // EQ01 repetitions

    bool operator==(const EligibilityRequest &) const = default;
};

//! Builds the 270 for a request; parses a 270 back (the sandbox clearinghouse reads them).
class EligibilityRequestBuilder
{
public:
    static X12Interchange build(const EligibilityRequest &request);
    static QByteArray buildBytes(const EligibilityRequest &request); // build + finalize + write
};

struct EligibilityRequestParseResult
{
    std::optional<EligibilityRequest> request;
    //! Names what is wrong, e.g. "segment 9 (NM1): The subscriber NM1*IL has no member ID
    //! (NM109)."
    QString error;
};

//! Reads the first patient of the first 270 transaction; parseAll() reads every patient
//! (each 2000C without a dependent loop, and each 2000D) of every 270 transaction. From bytes,
//! segments go from X12StreamReader straight to the parser (no X12Interchange is built).
class EligibilityRequestParser
{
public:
    //! Receives each patient's request (or why it cannot be read) as soon as its loop ends.
    using RequestHandler = std::function<void(EligibilityRequestParseResult &&result)>;

    //! Service types (EQ01 repetitions over all EQ segments) one patient may ask about; a real
    //! 270 asks about a few. Past it, reading stops with an error naming the limit.
    static constexpr int maxServiceTypes = 1000;

    static EligibilityRequestParseResult parse(const X12Interchange &interchange);
    static EligibilityRequestParseResult parse(const QByteArray &bytes);
    static QList<EligibilityRequestParseResult> parseAll(const X12Interchange &interchange);
};

//! The streaming 270 parser as an X12StreamReader handler: every patient of every 270
//! transaction goes to a callback as soon as its loop ends; nothing is kept. Segments of other
//! transactions are skipped.
class EligibilityRequestHandler : public X12StreamReader::Handler
{
public:
    explicit EligibilityRequestHandler(EligibilityRequestParser::RequestHandler onRequest);
    ~EligibilityRequestHandler() override;

    void started(const X12Delimiters &delimiters) override;
    void segment(const X12SegmentView &segment, X12StreamReader::Kind kind, int number) override;
    //! 270 transactions read.
    int transactions() const;
    //! Once the reader has finished: why there is no request at all (the reader's error, or
    //! no 270 in the input); empty when requests were handed out.
    QString finish(const X12StreamReader::Result &read) const;

private:
    class Private;
    std::unique_ptr<Private> d;
};

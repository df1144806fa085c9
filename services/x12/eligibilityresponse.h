// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/x12/eligibilityresult.h"
#include "services/x12/x12document.h"
#include "services/x12/x12reader.h"

#include <QDateTime>
#include <QList>
#include <QString>

struct EligibilityResponseParseResult
{
    QList<EligibilityResult> results; // one per subscriber (2000C) or dependent (2000D) answered
    //! Request-level AAA (2000A/2100A/2100B) that refused the whole request; also copied into
    //! every result's rejections. When no 2000C follows, one result carries them.
    QString error;          // non-empty when the bytes are not a readable 271
    QList<X12Issue> issues; // reader warnings/errors
    bool ok() const { return error.isEmpty(); }
};

//! Parses a 271 (005010X279A1) into EligibilityResults. From bytes, segments go from the
//! reader straight to the parser (no X12Interchange is built); both give the same results.
//! Amounts, percentages and dates that cannot be read are left out with a warning in issues.
class EligibilityResponseParser
{
public:
    static EligibilityResponseParseResult parse(const X12Interchange &interchange);
    static EligibilityResponseParseResult parse(const QByteArray &bytes,
                                                X12Reader::Options options = {});
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

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The 271 parser on any bytes: the list and the streaming forms agree, and every result it
// gives survives the JSON the desk stores it as.

#include "fuzz/fuzzsupport.h"

#include "services/x12/eligibilityresponse.h"

namespace {

void checkResult(const EligibilityResult &result)
{
    // Derived views must cope with whatever was parsed.
    const QDate begin = result.coverageBegin();
    const QDate end = result.coverageEnd();
    Q_UNUSED(begin)
    Q_UNUSED(end)
    (void)result.copayCents(QStringLiteral("98"));
    (void)result.requiresPriorAuthorization(QStringLiteral("MH"));
    for (const AaaRejection &rejection : result.rejections) {
        (void)rejection.reason();
        (void)rejection.whatToFix();
        (void)rejection.followUpText();
    }
    for (const RelatedEntity &entity : result.otherPayers)
        (void)entity.roleText();
    if (result.isRejected())
        FUZZ_CHECK(!result.isActive());
    // What the verification history keeps is the JSON: reading it back gives the same answer.
    FUZZ_CHECK(EligibilityResult::fromJson(result.toJson()) == result);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = Fuzz::bytes(data, size);
    // Lenient envelopes on an odd last byte, so that the parser sees more of what payers send.
    X12Reader::Options options;
    options.strictEnvelope = size == 0 || data[size - 1] % 2 == 0;

    const EligibilityResponseParseResult listed = EligibilityResponseParser::parse(input, options);
    if (listed.ok()) {
        FUZZ_CHECK(listed.error.isEmpty());
        for (const EligibilityResult &result : listed.results)
            checkResult(result);
    } else {
        FUZZ_CHECK(!listed.error.isEmpty());
    }

    qsizetype streamed = 0;
    const EligibilityResponseParseResult stream = EligibilityResponseParser::parse(
        input, options, [&streamed](EligibilityResult &&) { ++streamed; });
    FUZZ_CHECK(stream.results.isEmpty());
    FUZZ_CHECK(stream.error == listed.error);
    FUZZ_CHECK(stream.transactions == listed.transactions);
    if (listed.ok())
        FUZZ_CHECK(streamed == listed.results.size());
    return 0;
}

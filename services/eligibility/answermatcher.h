// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/x12/eligibilityrequest.h"
#include "services/x12/eligibilityresponse.h"

#include <QStringList>

#include <optional>

/*!
  Finds the answer to one 270 in a 271, as the 271 TR3 links them, before anything in it is
  believed: the subscriber (2000C) or dependent (2000D) loop must echo our trace number
  (TRN*2), name the payer we asked (2100A) and the member we asked about (2100C NM109, or our
  ID returned in REF*Q4 when the payer corrects it) and, for a dependent, be about the
  dependent. A 271 refused as a whole (AAA at 2000A/2100A/2100B) names no patient and carries
  no trace: it is accepted when its BHT03 is ours or absent.
 */
namespace AnswerMatcher {
struct Match
{
    std::optional<EligibilityResult> result; //!< the answer to our question; none: no match
    QString problem;                         //!< why nothing matched, translated
    QStringList corrections; //!< what the payer corrected (member ID), for manual review
};

Match match(const EligibilityRequest &request, EligibilityResponseParseResult &&parsed);
} // namespace AnswerMatcher

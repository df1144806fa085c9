// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/x12/eligibilityrequest.h"
#include "services/x12/eligibilityresult.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

/*!
  The simulated clearinghouse: answers a 270 for the documented test members with a 271 built
  by our writer. Deterministic: the answer depends only on the request and, for the busy member,
  on how many times it has been asked.

  A member ID is matched on its first four characters, so ACT1xxxxx all answer like ACT100001
  (handy for registering many training patients). Unknown members get AAA 75.
 */
class SandboxClearinghouse
{
public:
    //! What to send back for one 270.
    struct Answer
    {
        int httpStatus = 200;
        QByteArray body; // the 271, or an error text
        QByteArray contentType = QByteArrayLiteral("application/edi-x12");
        int delayMs = 0;                  // answer this late (the slow member)
        QList<EligibilityResult> results; // what the 271 says (for tests and logs)
    };

    //! How late the slow member (SLOW…) answers; 45 s by default, past the 30 s timeout.
    int slowDelayMs = 45000;

    Answer answer(const QByteArray &request270);

    //! The results the sandbox answers for a request (before X12 encoding).
    QList<EligibilityResult> resultsFor(const EligibilityRequest &request, int attempt) const;

    //! The payer names of the documented payer IDs.
    static QString payerName(const QString &payerId);

private:
    QHash<QString, int> m_attempts; // busy member: tries so far, by member ID
    int m_controlNumber = 0;
};

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/common/job.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>

#include <chrono>
#include <optional>

class QRandomGenerator;

/*!
  When to try a failed request again, and how long to wait first: full-jitter exponential
  backoff (a uniform wait in [0, min(cap, base * 2^(n-2))] before try n, so many clients that
  failed together do not come back together), never sooner than the server's Retry-After, and
  within a budget of tries and of time. Which errors are worth another try is part of the policy:
  by default timeouts, network errors, 5xx and "busy"; never a refusal (other 4xx).
 */
class RetryPolicy
{
public:
    using Ms = std::chrono::milliseconds;

    int maxTries = 3;   //!< tries in all, the first one included
    Ms baseDelay{1000}; //!< the ceiling of the wait before the second try
    Ms maxDelay{30000}; //!< no single wait is longer (a longer Retry-After ends the retries)
    Ms timeBudget{0};   //!< no try starts later than this after the first; 0: no limit
    QList<Job::Error> retryable{Job::Error::Timeout, Job::Error::NetworkError,
                                Job::Error::ServerError, Job::Error::Busy};

    bool isRetryable(Job::Error error) const { return retryable.contains(error); }
    //! The longest wait before try `tryNumber` (2 for the first retry): min(maxDelay,
    //! base·2^(n-2)).
    Ms ceilingBefore(int tryNumber) const;
    //! A full-jitter wait before try `tryNumber`, at least `retryAfter`. `random` defaults to
    //! QRandomGenerator::global() (tests pass a seeded one).
    Ms delayBefore(int tryNumber, std::optional<Ms> retryAfter = std::nullopt,
                   QRandomGenerator *random = nullptr) const;
    /*!
      After try number `triesMade` failed with `error`, `elapsed` after the first try began:
      how long to wait before the next try, or nothing when the policy says stop (error not
      retryable, tries or time used up, or a Retry-After longer than the policy will wait).
     */
    std::optional<Ms> nextDelay(int triesMade, Job::Error error, Ms elapsed,
                                std::optional<Ms> retryAfter = std::nullopt,
                                QRandomGenerator *random = nullptr) const;

    //! A Retry-After header value: delay-seconds or an HTTP date (RFC 9110 §10.2.3) relative
    //! to `now`; nothing when absent or unreadable. A date in the past means 0.
    static std::optional<Ms> parseRetryAfter(const QByteArray &value, const QDateTime &now);
};

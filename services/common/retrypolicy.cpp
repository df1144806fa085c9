// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/common/retrypolicy.h"

#include <QLocale>
#include <QRandomGenerator>

#include <algorithm>

RetryPolicy::Ms RetryPolicy::ceilingBefore(int tryNumber) const
{
    if (tryNumber < 2)
        return Ms(0);
    // Doubling stops once past the cap, so large try numbers cannot overflow.
    qint64 ceiling = qMax<qint64>(0, baseDelay.count());
    for (int n = 2; n < tryNumber && ceiling < maxDelay.count(); ++n)
        ceiling *= 2;
    return Ms(std::min<qint64>(ceiling, maxDelay.count()));
}

RetryPolicy::Ms RetryPolicy::delayBefore(int tryNumber, std::optional<Ms> retryAfter,
                                         QRandomGenerator *random) const
{
    QRandomGenerator *rng = random ? random : QRandomGenerator::global();
    const qint64 ceiling = ceilingBefore(tryNumber).count();
    const Ms jittered(ceiling > 0 ? qint64(rng->bounded(double(ceiling) + 1.0)) : 0);
    return retryAfter ? std::max(jittered, *retryAfter) : jittered;
}

std::optional<RetryPolicy::Ms> RetryPolicy::nextDelay(int triesMade, Job::Error error, Ms elapsed,
                                                      std::optional<Ms> retryAfter,
                                                      QRandomGenerator *random) const
{
    if (!isRetryable(error) || triesMade >= maxTries)
        return std::nullopt;
    // A server that wants more time than we will wait: stop and let a person try later.
    if (retryAfter && *retryAfter > maxDelay)
        return std::nullopt;
    const Ms delay = delayBefore(triesMade + 1, retryAfter, random);
    if (timeBudget.count() > 0 && elapsed + delay > timeBudget)
        return std::nullopt;
    return delay;
}

std::optional<RetryPolicy::Ms> RetryPolicy::parseRetryAfter(const QByteArray &value,
                                                            const QDateTime &now)
{
    const QByteArray text = value.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    bool isNumber = false;
    const qlonglong seconds = text.toLongLong(&isNumber);
    if (isNumber)
        return seconds < 0 ? std::nullopt : std::optional<Ms>(Ms(seconds * 1000));
    // IMF-fixdate, e.g. "Wed, 21 Oct 2015 07:28:00 GMT" (always English, always GMT).
    const QDateTime when = QLocale::c().toDateTime(
        QString::fromLatin1(text), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!when.isValid())
        return std::nullopt;
    QDateTime utc = when;
    utc.setTimeSpec(Qt::UTC);
    return Ms(std::max<qint64>(0, now.msecsTo(utc)));
}

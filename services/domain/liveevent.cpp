// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/domain/liveevent.h"

QString liveEventStatusKey(LiveEventStatus status)
{
    switch (status) {
    case LiveEventStatus::Applied: return QStringLiteral("applied");
    case LiveEventStatus::Failed: return QStringLiteral("failed");
    case LiveEventStatus::Ignored: return QStringLiteral("ignored");
    }
    return QStringLiteral("failed");
}

LiveEventStatus liveEventStatusFromKey(const QString &key)
{
    if (key == QLatin1String("applied"))
        return LiveEventStatus::Applied;
    if (key == QLatin1String("ignored"))
        return LiveEventStatus::Ignored;
    return LiveEventStatus::Failed;
}

QString LiveEvent::originDevice() const
{
    return payload.value(QStringLiteral("origin")).toObject().value(QStringLiteral("device")).toString();
}

QString LiveEvent::originId() const
{
    return payload.value(QStringLiteral("origin")).toObject().value(QStringLiteral("id")).toString();
}

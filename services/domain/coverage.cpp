// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/domain/coverage.h"

#include <QCoreApplication>

QString relationshipCode(SubscriberRelationship relationship)
{
    switch (relationship) {
    case SubscriberRelationship::Self:
        return QStringLiteral("18");
    case SubscriberRelationship::Spouse:
        return QStringLiteral("01");
    case SubscriberRelationship::Child:
        return QStringLiteral("19");
    case SubscriberRelationship::Other:
        break;
    }
    return QStringLiteral("G8");
}

SubscriberRelationship relationshipFromCode(const QString &code)
{
    if (code == QLatin1String("18"))
        return SubscriberRelationship::Self;
    if (code == QLatin1String("01"))
        return SubscriberRelationship::Spouse;
    if (code == QLatin1String("19"))
        return SubscriberRelationship::Child;
    return SubscriberRelationship::Other;
}

QString coverageOrderName(CoverageOrder order)
{
    switch (order) {
    case CoverageOrder::Primary:
        return QCoreApplication::translate("Coverage", "Primary");
    case CoverageOrder::Secondary:
        return QCoreApplication::translate("Coverage", "Secondary");
    case CoverageOrder::Tertiary:
        return QCoreApplication::translate("Coverage", "Tertiary");
    }
    return {};
}

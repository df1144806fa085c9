// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/domain/networklink.h"

#include <QCoreApplication>

QString networkSyncStatusCode(NetworkSyncStatus status)
{
    switch (status) {
    case NetworkSyncStatus::Pending:
        return QStringLiteral("pending");
    case NetworkSyncStatus::InProgress:
        return QStringLiteral("in_progress");
    case NetworkSyncStatus::Completed:
        return QStringLiteral("completed");
    case NetworkSyncStatus::Failed:
        return QStringLiteral("failed");
    }
    return QStringLiteral("pending");
}

NetworkSyncStatus networkSyncStatusFromCode(const QString &code)
{
    if (code == QLatin1String("in_progress"))
        return NetworkSyncStatus::InProgress;
    if (code == QLatin1String("completed"))
        return NetworkSyncStatus::Completed;
    if (code == QLatin1String("failed"))
        return NetworkSyncStatus::Failed;
    return NetworkSyncStatus::Pending;
}

QString networkSyncStatusText(NetworkSyncStatus status)
{
    switch (status) {
    case NetworkSyncStatus::Pending:
        return QCoreApplication::translate("NetworkLink", "Linked, no records asked for yet");
    case NetworkSyncStatus::InProgress:
        return QCoreApplication::translate("NetworkLink", "Searching the network");
    case NetworkSyncStatus::Completed:
        return QCoreApplication::translate("NetworkLink", "Outside records up to date");
    case NetworkSyncStatus::Failed:
        return QCoreApplication::translate("NetworkLink", "Getting outside records failed");
    }
    return {};
}

QString clinicalDocumentStatusCode(ClinicalDocumentStatus status)
{
    switch (status) {
    case ClinicalDocumentStatus::Announced:
        return QStringLiteral("announced");
    case ClinicalDocumentStatus::Stored:
        return QStringLiteral("stored");
    case ClinicalDocumentStatus::Failed:
        return QStringLiteral("failed");
    }
    return QStringLiteral("announced");
}

ClinicalDocumentStatus clinicalDocumentStatusFromCode(const QString &code)
{
    if (code == QLatin1String("stored"))
        return ClinicalDocumentStatus::Stored;
    if (code == QLatin1String("failed"))
        return ClinicalDocumentStatus::Failed;
    return ClinicalDocumentStatus::Announced;
}

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/domain/claim.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <array>
#include <utility>

namespace {
struct StatusInfo
{
    ClaimStatus status;
    const char *key;
    const char *name;
    int rank;
    bool open;
};

// One table, so the key, the name, the rank and "open" of a status cannot drift apart.
const std::array<StatusInfo, 14> statusTable{{
    {ClaimStatus::Draft, "draft", QT_TRANSLATE_NOOP("Claim", "Draft"), 0, false},
    {ClaimStatus::Queued, "queued", QT_TRANSLATE_NOOP("Claim", "Queued"), 1, true},
    {ClaimStatus::Error, "error", QT_TRANSLATE_NOOP("Claim", "Error"), 1, false},
    {ClaimStatus::Submitted, "submitted", QT_TRANSLATE_NOOP("Claim", "Submitted"), 2, true},
    {ClaimStatus::Rejected, "rejected", QT_TRANSLATE_NOOP("Claim", "Rejected"), 3, false},
    {ClaimStatus::Accepted, "accepted", QT_TRANSLATE_NOOP("Claim", "Accepted"), 3, true},
    {ClaimStatus::Pended, "pended", QT_TRANSLATE_NOOP("Claim", "Pended"), 4, true},
    {ClaimStatus::Paid, "paid", QT_TRANSLATE_NOOP("Claim", "Paid"), 5, false},
    {ClaimStatus::PartiallyPaid, "partially_paid", QT_TRANSLATE_NOOP("Claim", "Partially paid"),
     5, false},
    {ClaimStatus::Denied, "denied", QT_TRANSLATE_NOOP("Claim", "Denied"), 5, false},
    {ClaimStatus::Appealed, "appealed", QT_TRANSLATE_NOOP("Claim", "Appealed"), 6, true},
    {ClaimStatus::Corrected, "corrected", QT_TRANSLATE_NOOP("Claim", "Corrected"), 7, false},
    {ClaimStatus::Voided, "voided", QT_TRANSLATE_NOOP("Claim", "Voided"), 7, false},
    {ClaimStatus::Closed, "closed", QT_TRANSLATE_NOOP("Claim", "Closed"), 8, false},
}};

const StatusInfo &infoOf(ClaimStatus status)
{
    for (const StatusInfo &info : statusTable) {
        if (info.status == status)
            return info;
    }
    return statusTable.front();
}

template <typename Enum, std::size_t N>
std::optional<Enum> fromKey(const std::array<std::pair<Enum, const char *>, N> &keys,
                            const QString &key)
{
    const QString wanted = key.trimmed().toLower();
    for (const auto &[value, name] : keys) {
        if (wanted == QLatin1String(name))
            return value;
    }
    return std::nullopt;
}

template <typename Enum, std::size_t N>
QString keyOf(const std::array<std::pair<Enum, const char *>, N> &keys, Enum value)
{
    for (const auto &[candidate, name] : keys) {
        if (candidate == value)
            return QLatin1String(name);
    }
    return {};
}

const std::array<std::pair<ClaimPriority, const char *>, 4> priorityKeys{{
    {ClaimPriority::Low, "low"},
    {ClaimPriority::Medium, "medium"},
    {ClaimPriority::High, "high"},
    {ClaimPriority::Urgent, "urgent"},
}};

const std::array<std::pair<ClaimEventSource, const char *>, 6> sourceKeys{{
    {ClaimEventSource::Submission, "submission"},
    {ClaimEventSource::PayorReply, "payor"},
    {ClaimEventSource::Webhook, "webhook"},
    {ClaimEventSource::Sync, "sync"},
    {ClaimEventSource::Remittance, "remittance"},
    {ClaimEventSource::Person, "person"},
}};
} // namespace

QString claimStatusKey(ClaimStatus status)
{
    return QLatin1String(infoOf(status).key);
}

std::optional<ClaimStatus> claimStatusFromKey(const QString &key)
{
    const QString wanted = key.trimmed().toLower();
    for (const StatusInfo &info : statusTable) {
        if (wanted == QLatin1String(info.key))
            return info.status;
    }
    return std::nullopt;
}

QString claimStatusName(ClaimStatus status)
{
    return QCoreApplication::translate("Claim", infoOf(status).name);
}

QList<ClaimStatus> allClaimStatuses()
{
    QList<ClaimStatus> statuses;
    for (const StatusInfo &info : statusTable)
        statuses.append(info.status);
    return statuses;
}

int claimStatusRank(ClaimStatus status)
{
    return infoOf(status).rank;
}

bool claimStatusIsOpen(ClaimStatus status)
{
    return infoOf(status).open;
}

QString claimPriorityKey(ClaimPriority priority)
{
    return keyOf(priorityKeys, priority);
}

std::optional<ClaimPriority> claimPriorityFromKey(const QString &key)
{
    return fromKey(priorityKeys, key);
}

QString claimPriorityName(ClaimPriority priority)
{
    switch (priority) {
    case ClaimPriority::Low:
        return QCoreApplication::translate("Claim", "Low");
    case ClaimPriority::Medium:
        return QCoreApplication::translate("Claim", "Medium");
    case ClaimPriority::High:
        return QCoreApplication::translate("Claim", "High");
    case ClaimPriority::Urgent:
        return QCoreApplication::translate("Claim", "Urgent");
    }
    return {};
}

QString claimEventSourceKey(ClaimEventSource source)
{
    return keyOf(sourceKeys, source);
}

std::optional<ClaimEventSource> claimEventSourceFromKey(const QString &key)
{
    return fromKey(sourceKeys, key);
}

QString claimEventSourceName(ClaimEventSource source)
{
    switch (source) {
    case ClaimEventSource::Submission:
        return QCoreApplication::translate("Claim", "Our submission");
    case ClaimEventSource::PayorReply:
        return QCoreApplication::translate("Claim", "Payor's reply");
    case ClaimEventSource::Webhook:
        return QCoreApplication::translate("Claim", "Payor update (live)");
    case ClaimEventSource::Sync:
        return QCoreApplication::translate("Claim", "Sync");
    case ClaimEventSource::Remittance:
        return QCoreApplication::translate("Claim", "Remittance");
    case ClaimEventSource::Person:
        return QCoreApplication::translate("Claim", "Staff");
    }
    return {};
}

qint64 Claim::totalChargeCents() const
{
    qint64 total = 0;
    for (const ServiceLine &line : lines)
        total += line.chargeCents;
    return total;
}

QString formatCents(qint64 cents)
{
    const bool negative = cents < 0;
    const qint64 magnitude = negative ? -cents : cents;
    QString dollars = QString::number(magnitude / 100);
    for (qsizetype at = dollars.size() - 3; at > 0; at -= 3)
        dollars.insert(at, QLatin1Char(','));
    return QStringLiteral("%1$%2.%3")
        .arg(negative ? QStringLiteral("-") : QString(), dollars)
        .arg(magnitude % 100, 2, 10, QLatin1Char('0'));
}

std::optional<qint64> parseCents(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral("^(-)?\\$?((?:\\d{1,3}(?:,\\d{3})+)|\\d+)?(?:\\.(\\d{1,2}))?$"));
    const QString trimmed = text.trimmed();
    const QRegularExpressionMatch match = pattern.match(trimmed);
    if (trimmed.isEmpty() || !match.hasMatch() ||
        (match.captured(2).isEmpty() && match.captured(3).isEmpty())) {
        return std::nullopt;
    }
    QString whole = match.captured(2);
    whole.remove(QLatin1Char(','));
    if (whole.size() > 13) // past ten billion dollars: not an amount anyone bills
        return std::nullopt;
    QString fraction = match.captured(3);
    if (fraction.size() == 1)
        fraction += QLatin1Char('0');
    const qint64 cents = whole.toLongLong() * 100 + fraction.toLongLong();
    return match.captured(1).isEmpty() ? cents : -cents;
}

QString icd10Stored(const QString &code)
{
    QString stored = code.trimmed().toUpper();
    stored.remove(QLatin1Char('.'));
    stored.remove(QLatin1Char(' '));
    return stored;
}

QString icd10Display(const QString &code)
{
    const QString stored = icd10Stored(code);
    if (stored.size() <= 3)
        return stored;
    return stored.left(3) + QLatin1Char('.') + stored.mid(3);
}

QList<ClaimAction> claimActions(const Claim &claim)
{
    const bool numbered = !claim.payerClaimId.isEmpty();
    switch (claim.status) {
    case ClaimStatus::Draft:
        return {ClaimAction::Edit, ClaimAction::Submit};
    case ClaimStatus::Error:
        return {ClaimAction::Retry, ClaimAction::Edit};
    case ClaimStatus::Rejected:
        return {ClaimAction::Correct, ClaimAction::WriteOff};
    case ClaimStatus::Accepted:
    case ClaimStatus::Pended:
        if (numbered)
            return {ClaimAction::Correct, ClaimAction::Void};
        return {};
    case ClaimStatus::Paid:
        return numbered ? QList{ClaimAction::Correct, ClaimAction::Void, ClaimAction::WriteOff}
                        : QList{ClaimAction::WriteOff};
    case ClaimStatus::PartiallyPaid:
    case ClaimStatus::Denied:
        return numbered ? QList{ClaimAction::Correct, ClaimAction::Appeal, ClaimAction::Void,
                                ClaimAction::WriteOff}
                        : QList{ClaimAction::Appeal, ClaimAction::WriteOff};
    case ClaimStatus::Appealed:
        return {ClaimAction::WriteOff};
    case ClaimStatus::Queued:
    case ClaimStatus::Submitted:
    case ClaimStatus::Corrected:
    case ClaimStatus::Voided:
    case ClaimStatus::Closed:
        return {};
    }
    return {};
}

Claim claimFollowing(const Claim &original, ClaimFrequency frequency)
{
    Claim next = original;
    next.id = 0;
    next.claimNumber.clear();
    next.status = ClaimStatus::Draft;
    next.payerClaimId.clear();
    next.payerMessage.clear();
    next.allowedCents = 0;
    next.paidCents = 0;
    next.patientResponsibilityCents = 0;
    next.expectedPaymentDate = {};
    next.coverageOverrideBy.clear();
    next.coverageOverrideReason.clear();
    next.createdAt = {};
    next.statusChangedAt = {};
    next.updatedAt = {};
    next.replacesClaimId = original.id;
    next.frequency = original.status == ClaimStatus::Rejected ? ClaimFrequency::Original
                                                               : frequency;
    return next;
}

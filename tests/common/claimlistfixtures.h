// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Claims for the dashboard's tests, and what the dashboard should answer about them worked out
// here in plain C++ (not SQL): which claims a filter keeps, in which order, and their figures.

#include "services/domain/claim.h"
#include "services/store/claimlistrepository.h"

#include <QDateTime>
#include <QList>

#include <algorithm>
#include <functional>

namespace ClaimListFixtures {

struct Stored
{
    qint64 id = 0;
    QString claimNumber;
    Claim claim;
};

inline QString timestampText(const QDateTime &t)
{
    return t.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"));
}

/*!
  `count` claims with every status, four payers (one with a quote and a comma in its name),
  names with accents and particles, amounts with ties, dates of service over 200 days (and some
  without one), status and update times with ties. Deterministic.
 */
inline QList<Claim> claims(int count, const QDate &today, const QDateTime &now)
{
    static const QStringList lasts = {QStringLiteral("Smith"),   QStringLiteral("Smithers"),
                                      QStringLiteral("Álvarez"), QStringLiteral("O'Neil"),
                                      QStringLiteral("Nguyen"),  QStringLiteral("de la Cruz"),
                                      QStringLiteral("=Formula")};
    static const QStringList firsts = {QStringLiteral("Jane"), QStringLiteral("John"),
                                       QStringLiteral("María"), QStringLiteral("Ann")};
    struct Payer
    {
        QString id;
        QString name;
    };
    static const QList<Payer> payers = {
        {QStringLiteral("INS001"), QStringLiteral("BlueCross BlueShield")},
        {QStringLiteral("INS002"), QStringLiteral("Aetna Health")},
        {QStringLiteral("INS003"), QStringLiteral("Blue \"Plus\", Health")},
        {QStringLiteral("HI12345"), QStringLiteral("Health Insurance Premium")}};
    const QList<ClaimStatus> statuses = allClaimStatuses();
    QList<Claim> list;
    for (int i = 0; i < count; ++i) {
        Claim c;
        c.patientName = lasts.at((i / 3) % lasts.size()) + QStringLiteral(", ") +
                        firsts.at(i % firsts.size());
        const Payer &payer = payers.at((i * 5 / 3) % payers.size());
        c.insuranceId = payer.id;
        c.payerName = payer.name;
        c.memberId = QStringLiteral("M%1").arg(i);
        c.dateOfService = i % 37 == 5 ? QDate() : today.addDays(-((i * 7) % 200) + (i % 53 == 0 ? 3 : 0));
        c.diagnoses = {{QStringLiteral("J209"), QStringLiteral("Acute bronchitis")}};
        // Ties: every 9th claim bills the same.
        const qint64 billed = i % 9 == 0 ? 12345 : 1000 + (i * 7919) % 50000;
        c.lines = {{QStringLiteral("99213"), {}, 1, billed, {1}, QStringLiteral("Visit")}};
        c.status = statuses.at((i * 3) % statuses.size());
        c.allowedCents = (billed * (i % 4 == 0 ? 0 : 70)) / 100;
        c.patientResponsibilityCents = i % 6 == 0 ? 2500 : (c.allowedCents / 5);
        c.paidCents = qMax<qint64>(0, c.allowedCents - c.patientResponsibilityCents);
        if (i % 3 != 0)
            c.payerClaimId = QStringLiteral("PCL-T-%1").arg(i, 5, 10, QLatin1Char('0'));
        // Ties: every 10th claim changed at the same moment as the one before it.
        const int k = i % 10 == 0 && i > 0 ? i - 1 : i;
        c.statusChangedAt = now.addSecs(-qint64((k * 13) % 120) * 86400 - k * 61);
        c.updatedAt = c.statusChangedAt.addSecs((k % 5) * 3600);
        c.createdAt = c.statusChangedAt.addSecs(-86400);
        list << c;
    }
    return list;
}

//! The name key starts (case and accents ignored) a free text stands for, as documented.
inline bool textMatches(const Stored &s, const QString &text)
{
    const QString t = text.simplified();
    if (t.isEmpty())
        return true;
    const QString name = nameKey(s.claim.patientName);
    const QString key = nameKey(t);
    const QStringList words = key.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QStringList starts;
    if (key.contains(QLatin1Char(','))) {
        const QString last = key.section(QLatin1Char(','), 0, 0).simplified();
        const QString first = key.section(QLatin1Char(','), 1).simplified();
        starts << (first.isEmpty() ? last + QLatin1Char(',') : last + QStringLiteral(", ") + first);
    } else {
        starts << words.join(QLatin1Char(' '));
        if (words.size() >= 2) {
            starts << words.mid(0, words.size() - 1).join(QLatin1Char(' ')) + QStringLiteral(", ") + words.last();
            starts << words.mid(1).join(QLatin1Char(' ')) + QStringLiteral(", ") + words.first();
        }
    }
    for (const QString &start : std::as_const(starts)) {
        if (name.startsWith(start))
            return true;
    }
    if (t.contains(QLatin1Char(' ')))
        return false;
    if (s.claimNumber.startsWith(t.toUpper()))
        return true;
    if (!s.claim.payerClaimId.isEmpty() &&
        (s.claim.payerClaimId.startsWith(t) || s.claim.payerClaimId.startsWith(t.toUpper())))
        return true;
    bool digits = false;
    const qint64 number = t.toLongLong(&digits);
    return digits && number == s.id;
}

inline bool matches(const Stored &s, const ClaimListFilter &f)
{
    const Claim &c = s.claim;
    if (!f.statuses.isEmpty() && !f.statuses.contains(c.status))
        return false;
    if (!f.insuranceIds.isEmpty() && !f.insuranceIds.contains(c.insuranceId))
        return false;
    if (f.serviceFrom.isValid() || f.serviceTo.isValid()) {
        if (!c.dateOfService.isValid())
            return false;
        if (f.serviceFrom.isValid() && c.dateOfService < f.serviceFrom)
            return false;
        if (f.serviceTo.isValid() && c.dateOfService > f.serviceTo)
            return false;
    }
    return textMatches(s, f.text);
}

//! The values a claim sorts by under `key` (the id breaks ties).
inline QVariantList sortValues(const Stored &s, ClaimListFilter::SortKey key)
{
    using Key = ClaimListFilter::SortKey;
    const Claim &c = s.claim;
    switch (key) {
    case Key::ClaimNumber:
        return {s.claimNumber};
    case Key::Patient:
        return {nameKey(c.patientName)};
    case Key::Payer:
        return {c.payerName};
    case Key::DateOfService:
        return {c.dateOfService.isValid() ? c.dateOfService.toString(Qt::ISODate) : QString()};
    case Key::Billed:
        return {c.totalChargeCents()};
    case Key::Allowed:
        return {c.allowedCents};
    case Key::Paid:
        return {c.paidCents};
    case Key::PatientResponsibility:
        return {c.patientResponsibilityCents};
    case Key::Status:
        return {claimStatusKey(c.status), timestampText(c.statusChangedAt)};
    case Key::StatusChangedAt:
        return {timestampText(c.statusChangedAt)};
    case Key::UpdatedAt:
        return {timestampText(c.updatedAt)};
    }
    return {};
}

inline int compareValues(const QVariant &a, const QVariant &b)
{
    if (a.typeId() == QMetaType::QString)
        return a.toString().compare(b.toString()); // code point order, as SQLite's BINARY
    return a.toLongLong() < b.toLongLong() ? -1 : (a.toLongLong() > b.toLongLong() ? 1 : 0);
}

//! The ids of the claims `filter` keeps, in its order.
inline QList<qint64> expectedIds(const QList<Stored> &all, const ClaimListFilter &filter)
{
    QList<Stored> kept;
    for (const Stored &s : all) {
        if (matches(s, filter))
            kept << s;
    }
    const bool ascending = filter.sortOrder == Qt::AscendingOrder;
    std::sort(kept.begin(), kept.end(), [&](const Stored &a, const Stored &b) {
        const QVariantList va = sortValues(a, filter.sortKey);
        const QVariantList vb = sortValues(b, filter.sortKey);
        for (qsizetype i = 0; i < va.size(); ++i) {
            const int c = compareValues(va.at(i), vb.at(i));
            if (c != 0)
                return ascending ? c < 0 : c > 0;
        }
        return ascending ? a.id < b.id : a.id > b.id;
    });
    QList<qint64> ids;
    for (const Stored &s : std::as_const(kept))
        ids << s.id;
    return ids;
}

//! The figures of what `filter` keeps, summed here claim by claim.
inline ClaimListSummary expectedSummary(const QList<Stored> &all, const ClaimListFilter &filter,
                                        const QDate &today)
{
    ClaimListSummary summary;
    summary.asOf = today;
    QMap<int, ClaimMoneyTotals> byStatus;
    for (const Stored &s : all) {
        if (!matches(s, filter))
            continue;
        const Claim &c = s.claim;
        for (ClaimMoneyTotals *t : {&summary.totals, &byStatus[int(c.status)]}) {
            t->claims += 1;
            t->billedCents += c.totalChargeCents();
            t->allowedCents += c.allowedCents;
            t->paidCents += c.paidCents;
            t->patientResponsibilityCents += c.patientResponsibilityCents;
        }
        if (claimStatusIsOpen(c.status) && c.dateOfService.isValid()) {
            const qint64 age = c.dateOfService.daysTo(today);
            const int bucket = age <= 30 ? 0 : age <= 60 ? 1 : age <= 90 ? 2 : 3;
            summary.aging[bucket].claims += 1;
            summary.aging[bucket].billedCents += c.totalChargeCents();
        }
    }
    for (ClaimStatus status : allClaimStatuses()) {
        if (byStatus.contains(int(status)))
            summary.byStatus.append({status, byStatus.value(int(status))});
    }
    return summary;
}
} // namespace ClaimListFixtures

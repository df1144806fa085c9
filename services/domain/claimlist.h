// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The billers' dashboard's values: which claims to list and how, a listed claim, the figures of
// a filtered set. Shared by the store, the dashboard service, its model and the claims page.

#include "services/domain/claim.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>
#include <QVariant>

#include <array>

//! Which claims the billers' dashboard lists, and in what order.
struct ClaimListFilter
{
    //! What the list is sorted by; the claim id breaks ties, so every order is total.
    enum class SortKey {
        ClaimNumber,
        Patient, //!< by the name key (case and accents ignored), "Last, First"
        Payer,
        DateOfService, //!< claims without one come first (ascending)
        Billed,
        Allowed,
        Paid,
        PatientResponsibility,
        Status,          //!< by status key, then the longest in that status first
        StatusChangedAt, //!< days in status, reversed
        UpdatedAt,
    };

    QSet<ClaimStatus> statuses; //!< empty: every status
    QSet<QString> insuranceIds; //!< the payers, by the insurance ID that routes to them; empty: all
    QDate serviceFrom;          //!< date of service on or after; null: no lower bound
    QDate serviceTo;            //!< on or before; null: no upper bound
    /*!
      Free text: the start of the patient's last name ("smi"), of "last, first" or of
      "first last" ("jane smi"), or the start of our claim number or the payor's claim id (case
      ignored), or the claim's id in digits. Starts only, never the middle of a word: every
      alternative is a range on an index, so a million claims answer as fast as a thousand.
     */
    QString text;
    SortKey sortKey = SortKey::UpdatedAt;
    Qt::SortOrder sortOrder = Qt::DescendingOrder;

    bool operator==(const ClaimListFilter &) const = default;
};

//! One claim as the dashboard lists it (money in cents).
struct ClaimListRow
{
    qint64 id = 0;
    QString claimNumber;
    QString payerClaimId;
    QString patientName; //!< "Last, First"
    QString insuranceId;
    QString payerName;
    QDate dateOfService;
    qint64 billedCents = 0;
    qint64 allowedCents = 0;
    qint64 paidCents = 0;
    qint64 patientResponsibilityCents = 0;
    ClaimStatus status = ClaimStatus::Draft;
    QDateTime statusChangedAt; //!< UTC
    QDateTime updatedAt;       //!< UTC

    //! Whole days since the status changed, at `now`.
    int daysInStatus(const QDateTime &now) const;
    bool operator==(const ClaimListRow &) const = default;
};

/*!
  Where a page ends: the sort values of its last row and its id; the next page starts after
  it. It also remembers how the first page chose to read (which index), so every page of one
  list reads the same way.
 */
struct ClaimListCursor
{
    QVariantList keys;
    qint64 id = 0;
    int plan = -1; //!< the repository's choice of index; -1 before the first page
    bool operator==(const ClaimListCursor &) const = default;
};

struct ClaimListPage
{
    QList<ClaimListRow> rows;
    bool hasMore = false;
    ClaimListCursor next; //!< after the last row (meaningful when hasMore)
};

//! Claims and their money in one group (a status, or the whole filtered set).
struct ClaimMoneyTotals
{
    qint64 claims = 0;
    qint64 billedCents = 0;
    qint64 allowedCents = 0;
    qint64 paidCents = 0;
    qint64 patientResponsibilityCents = 0;
    bool operator==(const ClaimMoneyTotals &) const = default;
};

struct ClaimStatusTotals
{
    ClaimStatus status = ClaimStatus::Draft;
    ClaimMoneyTotals totals;
    bool operator==(const ClaimStatusTotals &) const = default;
};

/*!
  Open claims (claimStatusIsOpen: still waiting on the payor) by days since their date of
  service, the usual accounts-receivable aging: the money has been owed since the visit,
  whatever happened to the claim in between. Buckets 0–30, 31–60, 61–90 and 91+ days; claims
  without a date of service are in none.
 */
struct ClaimAgingBucket
{
    int fromDays = 0;
    int toDays = -1; //!< -1: no upper end (90+)
    qint64 claims = 0;
    qint64 billedCents = 0;
    bool operator==(const ClaimAgingBucket &) const = default;
};

//! The figures of a filtered set of claims.
struct ClaimListSummary
{
    ClaimMoneyTotals totals;
    //! Statuses with at least one claim, in lifecycle order (allClaimStatuses()).
    QList<ClaimStatusTotals> byStatus;
    std::array<ClaimAgingBucket, 4> aging{{{0, 30}, {31, 60}, {61, 90}, {91, -1}}};
    QDate asOf; //!< the day the aging was counted from
    bool operator==(const ClaimListSummary &) const = default;
};

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/claim.h"
#include "services/domain/claimlist.h"
#include "services/store/storeerror.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>
#include <QVariant>

#include <array>
#include <functional>


//! When a filter index or the sort index reads a list (tests make both small to see every way
//! a list can be read on a few claims).
struct ClaimListTuning
{
    //! A filter term matching fewer claims than this drives the read.
    int selectiveLimit = 50000;
    //! A walk of the sort index looks this far for a page before a filter index takes over.
    int walkBound = 25000;
};

/*!
  The dashboard's reads over the claims table: pages in any order under any filter, the
  figures of the filtered set, and the set as CSV.

  Pages are read by seek (after the last row's sort values and id), never by OFFSET, so page
  ten thousand costs what page one does. Which index reads them is chosen per list: when one
  filter term matches few claims (fewer than Tuning::selectiveLimit) its index finds them and they are
  sorted; otherwise the sort column's index is walked in order and the filter checked on the
  way, which stops once the page is full.
 */
class ClaimListRepository
{
public:
    using Tuning = ClaimListTuning;

    explicit ClaimListRepository(QString connectionName, Tuning tuning = Tuning())
        : m_connection(std::move(connectionName))
        , m_tuning(tuning)
    {
    }

    StoreResult<ClaimListPage> page(const ClaimListFilter &filter, int limit,
                                    const ClaimListCursor &after = {}) const;
    //! One claim as listed (for a live change); no value when it no longer exists.
    StoreResult<std::optional<ClaimListRow>> row(qint64 id) const;
    //! Count, totals, status breakdown and aging (as of `today`) of the filtered set.
    StoreResult<ClaimListSummary> summary(const ClaimListFilter &filter, const QDate &today) const;

    //! Receives each row of an export in order; returns false to stop (an error of its own).
    using RowSink = std::function<bool(const ClaimListRow &row)>;
    /*!
      Reads the whole filtered set in the filter's order, one row at a time from a single
      statement (one snapshot of the database), handing each to `sink`: nothing is kept. Returns
      the number of rows handed over.
     */
    StoreResult<qint64> forEach(const ClaimListFilter &filter, const RowSink &sink) const;

private:
    QString m_connection;
    Tuning m_tuning;
};

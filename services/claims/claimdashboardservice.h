// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/store/claimlistrepository.h"
#include "services/store/storeerror.h"

#include <QFuture>
#include <QObject>
#include <QString>

#include <optional>

class ClaimService;
class Store;

/*!
  The billers' dashboard: pages of claims under a filter in any order, the figures of the
  filtered set (count, money, status breakdown, aging), one claim re-read when it changes live,
  and the filtered set as CSV. Reads run on the store's readers; results come back as QFutures.
 */
class ClaimDashboardService : public QObject
{
    Q_OBJECT
public:
    ClaimDashboardService(Store *store, QString user, QObject *parent = nullptr);

    //! Announces every claim `claims` saves or changes as claimUpdated().
    void follow(ClaimService *claims);

    //! Up to `limit` claims after `after` (the previous page's `next`; default: the first page).
    QFuture<StoreResult<ClaimListPage>> page(const ClaimListFilter &filter, int limit,
                                             const ClaimListCursor &after = {}) const;
    //! One claim as listed; no value when it no longer exists.
    QFuture<StoreResult<std::optional<ClaimListRow>>> row(qint64 claimId) const;
    //! Count, totals, breakdown by status and aging (as of today) of the filtered set.
    QFuture<StoreResult<ClaimListSummary>> summary(const ClaimListFilter &filter) const;
    /*!
      Writes the filtered set, in the filter's order, to `path` as CSV (UTF-8 with a byte order
      mark so spreadsheets read accents, CRLF lines, RFC 4180 quoting; amounts as plain
      decimals; the last update in UTC). The file is readable by its owner only (it holds PHI),
      replaced whole or not at all, and the export is in the audit trail before a row is
      written. Returns the number of claims written.
     */
    QFuture<StoreResult<qint64>> exportCsv(const ClaimListFilter &filter, const QString &path);

    //! The CSV form of one field: quoted when it holds a comma, quote or line break; a text
    //! that a spreadsheet would run as a formula (=, +, -, @) is prefixed with an apostrophe.
    static QString csvField(const QString &text);

Q_SIGNALS:
    //! A claim was saved or its status changed (a person, the payor, a sync, a webhook).
    void claimUpdated(qint64 claimId);

private:
    Store *m_store;
    QString m_user;
};

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/claims/claimdashboardservice.h"

#include <QAbstractTableModel>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QTimer>

/*!
  The billers' claims dashboard: the claims matching a filter, a page at a time (views ask for
  more as they scroll: canFetchMore/fetchMore), sorted in SQL on any column, so a million
  claims cost what one page costs. A new filter or sort re-reads the first page (a reset); an
  answer for an older one is dropped. A claim that changes live is re-read in place
  (dataChanged on its row: the selection and scroll position stay) and flashes for
  flashDurationMs. The figures of the filtered set (totals, status breakdown, aging) come with
  every new filter and after live changes, as summaryChanged().
 */
class ClaimDashboardModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        ClaimNumberColumn,
        PatientColumn,
        PayerColumn,
        DateOfServiceColumn,
        BilledColumn,
        AllowedColumn,
        PaidColumn,
        PatientResponsibilityColumn,
        StatusColumn,
        DaysInStatusColumn,
        LastUpdateColumn,
        ColumnCount
    };

    static constexpr int pageSize = 200;
    static constexpr int flashDurationMs = 2000;

    explicit ClaimDashboardModel(ClaimDashboardService *service, QObject *parent = nullptr);

    //! Lists the claims matching `filter`, in its sort (see sort()); also re-reads the summary.
    void setFilter(const ClaimListFilter &filter);
    const ClaimListFilter &filter() const { return m_filter; }
    //! Reads the current filter again from the first page.
    void refresh();

    //! Re-reads one claim in place when it is listed (and the summary, shortly after).
    void refreshClaim(qint64 claimId);
    //! True for flashDurationMs after the row's claim changed live.
    bool isFlashing(int row) const;

    //! Re-reads in the order of `column` (DaysInStatusColumn ascending: most recent change first).
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const;
    Qt::SortOrder sortOrder() const;

    ClaimListRow rowAt(int row) const { return m_rows.value(row); }
    int rowOfClaim(qint64 claimId) const;
    bool isLoading() const { return m_loading; }
    //! More claims match than are listed (fetchMore() lists the next page).
    bool hasMore() const { return m_hasMore; }
    bool isFetching() const { return m_fetching; }
    //! Why the last read failed (the database busy or unreadable); empty when fine.
    QString errorString() const { return m_error; }
    const ClaimListSummary &summary() const { return m_summary; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    //! The sort key and order a column sorts by.
    static ClaimListFilter::SortKey sortKeyOf(int column);

Q_SIGNALS:
    //! The first page of the current filter arrived, or it failed (see errorString()).
    void rowsLoaded();
    //! A page after the first arrived (or failed).
    void pageFetched();
    //! A live change was read into `row` (after dataChanged).
    void claimRefreshed(int row);
    void summaryChanged(const ClaimListSummary &summary);
    void errorChanged(const QString &error);

private:
    void load();
    void loadSummary();
    void setError(const QString &error);
    void endFlashes();

    ClaimDashboardService *m_service;
    ClaimListFilter m_filter;
    QList<ClaimListRow> m_rows;
    ClaimListCursor m_next;
    bool m_hasMore = false;
    bool m_loading = false;
    bool m_fetching = false;
    quint64 m_generation = 0;
    quint64 m_summaryGeneration = 0;
    ClaimListSummary m_summary;
    QString m_error;
    QHash<qint64, QElapsedTimer> m_flashes; // claim id → since its live change
    QTimer m_flashTimer;
    QTimer m_summaryTimer; // live changes come in bursts: one summary after them
};

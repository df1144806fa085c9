// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/claimdashboardmodel.h"

#include "models/modelroles.h"
#include "services/common/async.h"
#include "services/eligibility/benefitsummary.h"

#include <QSet>

namespace {
using Key = ClaimListFilter::SortKey;

// A burst of live changes (a sync, a remittance file) re-reads the summary once, after it.
constexpr int summaryDelayMs = 500;

bool isMoney(int column)
{
    return column == ClaimDashboardModel::BilledColumn ||
           column == ClaimDashboardModel::AllowedColumn ||
           column == ClaimDashboardModel::PaidColumn ||
           column == ClaimDashboardModel::PatientResponsibilityColumn;
}
} // namespace

ClaimDashboardModel::ClaimDashboardModel(ClaimDashboardService *service, QObject *parent)
    : QAbstractTableModel(parent)
    , m_service(service)
{
    m_flashTimer.setSingleShot(true);
    connect(&m_flashTimer, &QTimer::timeout, this, &ClaimDashboardModel::endFlashes);
    m_summaryTimer.setSingleShot(true);
    m_summaryTimer.setInterval(summaryDelayMs);
    connect(&m_summaryTimer, &QTimer::timeout, this, &ClaimDashboardModel::loadSummary);
    connect(service, &ClaimDashboardService::claimUpdated, this,
            &ClaimDashboardModel::refreshClaim);
}

void ClaimDashboardModel::setFilter(const ClaimListFilter &filter)
{
    m_filter = filter;
    refresh();
}

void ClaimDashboardModel::refresh()
{
    load();
    loadSummary();
}

void ClaimDashboardModel::load()
{
    const quint64 generation = ++m_generation;
    m_loading = true;
    m_fetching = false;
    Async::whenReady(m_service->page(m_filter, pageSize), this,
                     [this, generation](const StoreResult<ClaimListPage> &page) {
                         if (generation != m_generation)
                             return; // an answer to an older filter or sort
                         m_loading = false;
                         beginResetModel();
                         m_flashes.clear();
                         if (page) {
                             m_rows = page->rows;
                             m_hasMore = page->hasMore;
                             m_next = page->next;
                         } else {
                             m_rows.clear();
                             m_hasMore = false;
                         }
                         endResetModel();
                         setError(page ? QString() : page.error());
                         Q_EMIT rowsLoaded();
                     });
}

void ClaimDashboardModel::loadSummary()
{
    m_summaryTimer.stop();
    const quint64 generation = ++m_summaryGeneration;
    Async::whenReady(m_service->summary(m_filter), this,
                     [this, generation](const StoreResult<ClaimListSummary> &summary) {
                         if (generation != m_summaryGeneration)
                             return;
                         if (!summary) {
                             setError(summary.error());
                             return;
                         }
                         m_summary = *summary;
                         Q_EMIT summaryChanged(m_summary);
                     });
}

bool ClaimDashboardModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_hasMore && !m_loading && !m_fetching;
}

void ClaimDashboardModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    m_fetching = true;
    const quint64 generation = m_generation;
    Async::whenReady(m_service->page(m_filter, pageSize, m_next), this,
                     [this, generation](const StoreResult<ClaimListPage> &page) {
                         if (generation != m_generation)
                             return;
                         m_fetching = false;
                         if (!page) {
                             m_hasMore = false; // scrolling on would ask again and again
                             setError(page.error());
                             Q_EMIT pageFetched();
                             return;
                         }
                         QSet<qint64> shown;
                         shown.reserve(m_rows.size());
                         for (const ClaimListRow &row : std::as_const(m_rows))
                             shown.insert(row.id);
                         QList<ClaimListRow> fresh;
                         for (const ClaimListRow &row : page->rows) {
                             // A claim changed live since may have moved past the cursor.
                             if (!shown.contains(row.id))
                                 fresh.append(row);
                         }
                         // Views ask canFetchMore() while the rows go in: the cursor must
                         // already point past this page.
                         m_hasMore = page->hasMore;
                         m_next = page->next;
                         if (!fresh.isEmpty()) {
                             beginInsertRows({}, int(m_rows.size()),
                                             int(m_rows.size() + fresh.size()) - 1);
                             m_rows += fresh;
                             endInsertRows();
                         }
                         setError({});
                         Q_EMIT pageFetched();
                     });
}

void ClaimDashboardModel::refreshClaim(qint64 claimId)
{
    m_summaryTimer.start(); // the figures may have moved, listed or not
    if (rowOfClaim(claimId) < 0)
        return; // not listed: it shows on the next read of the list
    const quint64 generation = m_generation;
    Async::whenReady(m_service->row(claimId), this,
                     [this, generation, claimId](const StoreResult<std::optional<ClaimListRow>> &read) {
                         if (generation != m_generation || !read || !read->has_value())
                             return;
                         const int row = rowOfClaim(claimId);
                         if (row < 0)
                             return;
                         m_rows[row] = **read;
                         QElapsedTimer since;
                         since.start();
                         m_flashes.insert(claimId, since);
                         if (!m_flashTimer.isActive())
                             m_flashTimer.start(flashDurationMs);
                         Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
                         Q_EMIT claimRefreshed(row);
                     });
}

bool ClaimDashboardModel::isFlashing(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return false;
    const auto it = m_flashes.constFind(m_rows.at(row).id);
    return it != m_flashes.constEnd() && it->elapsed() < flashDurationMs;
}

void ClaimDashboardModel::endFlashes()
{
    qint64 nextEnd = -1;
    for (auto it = m_flashes.begin(); it != m_flashes.end();) {
        const qint64 left = flashDurationMs - it->elapsed();
        if (left > 0) {
            nextEnd = nextEnd < 0 ? left : qMin(nextEnd, left);
            ++it;
            continue;
        }
        const int row = rowOfClaim(it.key());
        it = m_flashes.erase(it);
        if (row >= 0) // repaint without the highlight
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1), {ModelRoles::FlashingRole});
    }
    if (nextEnd > 0)
        m_flashTimer.start(int(nextEnd));
}

ClaimListFilter::SortKey ClaimDashboardModel::sortKeyOf(int column)
{
    switch (Column(column)) {
    case ClaimNumberColumn:
        return Key::ClaimNumber;
    case PatientColumn:
        return Key::Patient;
    case PayerColumn:
        return Key::Payer;
    case DateOfServiceColumn:
        return Key::DateOfService;
    case BilledColumn:
        return Key::Billed;
    case AllowedColumn:
        return Key::Allowed;
    case PaidColumn:
        return Key::Paid;
    case PatientResponsibilityColumn:
        return Key::PatientResponsibility;
    case StatusColumn:
        return Key::Status;
    case DaysInStatusColumn:
        return Key::StatusChangedAt;
    case LastUpdateColumn:
    case ColumnCount:
        break;
    }
    return Key::UpdatedAt;
}

void ClaimDashboardModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    m_filter.sortKey = sortKeyOf(column);
    // Fewer days in status is a later change.
    if (column == DaysInStatusColumn)
        order = order == Qt::AscendingOrder ? Qt::DescendingOrder : Qt::AscendingOrder;
    m_filter.sortOrder = order;
    load(); // the figures of the set do not depend on its order
}

int ClaimDashboardModel::sortColumn() const
{
    for (int column = 0; column < ColumnCount; ++column) {
        if (sortKeyOf(column) == m_filter.sortKey)
            return column;
    }
    return LastUpdateColumn;
}

Qt::SortOrder ClaimDashboardModel::sortOrder() const
{
    if (m_filter.sortKey != Key::StatusChangedAt)
        return m_filter.sortOrder;
    return m_filter.sortOrder == Qt::AscendingOrder ? Qt::DescendingOrder : Qt::AscendingOrder;
}

void ClaimDashboardModel::setError(const QString &error)
{
    if (error == m_error)
        return;
    m_error = error;
    Q_EMIT errorChanged(error);
}

int ClaimDashboardModel::rowOfClaim(qint64 claimId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == claimId)
            return row;
    }
    return -1;
}

int ClaimDashboardModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ClaimDashboardModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ClaimDashboardModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ClaimListRow &r = m_rows.at(index.row());
    switch (role) {
    case ModelRoles::IdRole:
        return r.id;
    case ModelRoles::StatusKeyRole:
        return claimStatusKey(r.status);
    case ModelRoles::FlashingRole:
        return isFlashing(index.row());
    case Qt::TextAlignmentRole:
        if (isMoney(index.column()) || index.column() == DaysInStatusColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case ModelRoles::ValueRole:
    case ModelRoles::SortRole:
        switch (Column(index.column())) {
        case ClaimNumberColumn:
            return r.claimNumber;
        case PatientColumn:
            return r.patientName;
        case PayerColumn:
            return r.payerName;
        case DateOfServiceColumn:
            return r.dateOfService;
        case BilledColumn:
            return r.billedCents;
        case AllowedColumn:
            return r.allowedCents;
        case PaidColumn:
            return r.paidCents;
        case PatientResponsibilityColumn:
            return r.patientResponsibilityCents;
        case StatusColumn:
            return claimStatusKey(r.status);
        case DaysInStatusColumn:
            return r.daysInStatus(QDateTime::currentDateTimeUtc());
        case LastUpdateColumn:
            return r.updatedAt;
        case ColumnCount:
            break;
        }
        return {};
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        break;
    default:
        return {};
    }
    switch (Column(index.column())) {
    case ClaimNumberColumn:
        return r.claimNumber;
    case PatientColumn:
        return r.patientName;
    case PayerColumn:
        return r.payerName;
    case DateOfServiceColumn:
        return BenefitSummary::formatDate(r.dateOfService);
    case BilledColumn:
        return formatCents(r.billedCents);
    case AllowedColumn:
        return formatCents(r.allowedCents);
    case PaidColumn:
        return formatCents(r.paidCents);
    case PatientResponsibilityColumn:
        return formatCents(r.patientResponsibilityCents);
    case StatusColumn:
        return claimStatusName(r.status);
    case DaysInStatusColumn:
        return QString::number(r.daysInStatus(QDateTime::currentDateTimeUtc()));
    case LastUpdateColumn:
        return BenefitSummary::formatDateTime(r.updatedAt.toLocalTime());
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ClaimDashboardModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case ClaimNumberColumn:
        return tr("Claim");
    case PatientColumn:
        return tr("Patient");
    case PayerColumn:
        return tr("Payer");
    case DateOfServiceColumn:
        return tr("Date of Service");
    case BilledColumn:
        return tr("Billed");
    case AllowedColumn:
        return tr("Allowed");
    case PaidColumn:
        return tr("Paid");
    case PatientResponsibilityColumn:
        return tr("Patient Resp.");
    case StatusColumn:
        return tr("Status");
    case DaysInStatusColumn:
        return tr("Days in Status");
    case LastUpdateColumn:
        return tr("Last Update");
    case ColumnCount:
        break;
    }
    return {};
}

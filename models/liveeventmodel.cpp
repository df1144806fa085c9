// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/liveeventmodel.h"

#include "models/modelroles.h"
#include "services/common/async.h"
#include "services/domain/dateformats.h"
#include "services/live/livefeed.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

LiveEventModel::LiveEventModel(LiveFeed *feed, QObject *parent)
    : QAbstractTableModel(parent)
    , m_feed(feed)
{
    connect(m_feed, &LiveFeed::eventRecorded, this, &LiveEventModel::follow);
    reload();
}

void LiveEventModel::reload()
{
    Async::whenReady(m_feed->recentEvents(MaxRows), this,
                     [this](const StoreResult<QList<LiveEventRecord>> &records) {
                         if (!records) {
                             m_error = records.error();
                             Q_EMIT loaded();
                             return;
                         }
                         m_error.clear();
                         beginResetModel();
                         m_records = *records;
                         m_loadedOnce = true;
                         for (const LiveEventRecord &record : m_records)
                             m_highestId = std::max(m_highestId, record.id);
                         endResetModel();
                         Q_EMIT loaded();
                     });
    reloadCounts();
}

void LiveEventModel::reloadCounts()
{
    // One read at a time: the totals are a scan of the whole log, and events arrive by the
    // hundred per second. What is recorded meanwhile makes one more read when this one is back.
    if (m_countsLoading) {
        m_countsStale = true;
        return;
    }
    m_countsLoading = true;
    m_countsStale = false;
    Async::whenReady(m_feed->counts(), this, [this](const StoreResult<LiveEventCounts> &counts) {
        m_countsLoading = false;
        if (counts) {
            m_counts = *counts;
            Q_EMIT countsChanged();
        }
        if (m_countsStale)
            reloadCounts();
    });
}

void LiveEventModel::count(const LiveEventRecord &record, int delta, bool received)
{
    switch (record.status) {
    case LiveEventStatus::Applied: m_counts.applied += delta; break;
    case LiveEventStatus::Failed: m_counts.failed += delta; break;
    case LiveEventStatus::Ignored: m_counts.ignored += delta; break;
    }
    if (!received)
        return;
    m_counts.received += delta;
    auto &types = m_counts.perType;
    auto found = std::find_if(types.begin(), types.end(), [&](const QPair<QString, qint64> &t) {
        return t.first == record.event.eventType;
    });
    if (found == types.end())
        types.append({record.event.eventType, delta});
    else
        found->second += delta;
    // As the repository orders them: most first, then by name.
    std::stable_sort(types.begin(), types.end(), [](const auto &a, const auto &b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
}

void LiveEventModel::follow(const LiveEventRecord &record)
{
    for (int row = 0; row < m_records.size(); ++row) {
        if (m_records.at(row).id == record.id) {
            const LiveEventRecord before = m_records.at(row);
            m_records[row] = record;
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
            if (m_countsLoading) {
                reloadCounts();
            } else {
                count(before, -1, false);
                count(record, +1, false);
                Q_EMIT countsChanged();
            }
            return;
        }
    }
    // Ids grow: a lower one is an old event retried after it left the list.
    const bool isNew = m_loadedOnce && record.id > m_highestId;
    m_highestId = std::max(m_highestId, record.id);
    beginInsertRows({}, 0, 0);
    m_records.prepend(record);
    endInsertRows();
    if (m_records.size() > MaxRows) {
        beginRemoveRows({}, MaxRows, int(m_records.size()) - 1);
        m_records.resize(MaxRows);
        endRemoveRows();
    }
    // A new event adds to the totals without a scan of the log. A read in flight may or may
    // not have seen it, and a retried event's old status is not known here: read again then.
    if (m_countsLoading || !isNew) {
        reloadCounts();
    } else {
        count(record, +1, true);
        Q_EMIT countsChanged();
    }
}

QString LiveEventModel::statusText(LiveEventStatus status)
{
    switch (status) {
    case LiveEventStatus::Applied: return tr("Applied");
    case LiveEventStatus::Failed: return tr("Failed");
    case LiveEventStatus::Ignored: return tr("Ignored");
    }
    return {};
}

QString LiveEventModel::sourceText(const QString &kind)
{
    if (kind == QLatin1String("metriport"))
        return tr("Metriport");
    if (kind == QLatin1String("payor"))
        return tr("Payor");
    if (kind == QLatin1String("clinic"))
        return tr("Another desk");
    return kind;
}

int LiveEventModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int LiveEventModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LiveEventModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_records.size())
        return {};
    const LiveEventRecord &record = m_records.at(index.row());
    if (role == ModelRoles::IdRole)
        return record.id;
    if (role == ModelRoles::StatusKeyRole)
        return liveEventStatusKey(record.status);
    if (role == Qt::ForegroundRole && index.column() == StatusColumn
        && record.status == LiveEventStatus::Failed)
        return QBrush(QColor(0xa0, 0x1c, 0x1c));
    if (role == Qt::ToolTipRole && index.column() == DetailColumn)
        return record.error;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case SeqColumn:
        return record.event.seq;
    case TimeColumn: {
        const QDateTime local = record.event.receivedAt.toLocalTime();
        return DateFormats::format(local.date()) + QLatin1Char(' ')
               + DateFormats::displayLocale().toString(local.time(), QLocale::ShortFormat);
    }
    case TypeColumn:
        return record.event.eventType;
    case SourceColumn: {
        const QString device = record.event.originDevice();
        if (device.isEmpty())
            return sourceText(record.event.kind);
        if (device == m_feed->device())
            return tr("This desk (%1)").arg(device);
        return tr("%1 (%2)").arg(sourceText(record.event.kind), device);
    }
    case StatusColumn:
        return statusText(record.status);
    case AttemptsColumn:
        return record.attempts;
    case DetailColumn:
        return record.error;
    default:
        return {};
    }
}

QVariant LiveEventModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    //: The event's number in the hub's log
    case SeqColumn: return tr("No.");
    case TimeColumn: return tr("Received");
    case TypeColumn: return tr("Event");
    case SourceColumn: return tr("From");
    case StatusColumn: return tr("Status");
    case AttemptsColumn: return tr("Attempts");
    case DetailColumn: return tr("Details");
    default: return {};
    }
}

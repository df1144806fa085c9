// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/liveevent.h"

#include <QAbstractTableModel>
#include <QList>

class LiveFeed;

/*!
  The newest events of the hub's feed on this desk (at most MaxRows), newest first, with what
  became of each, and the totals. A recorded or retried event is inserted or updated in place
  (no reset, selection kept).
 */
class LiveEventModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        SeqColumn,
        TimeColumn,
        TypeColumn,
        SourceColumn,
        StatusColumn,
        AttemptsColumn,
        DetailColumn,
        ColumnCount
    };
    static constexpr int MaxRows = 500;

    explicit LiveEventModel(LiveFeed *feed, QObject *parent = nullptr);

    void reload();
    const LiveEventRecord &recordAt(int row) const { return m_records.at(row); }
    const LiveEventCounts &counts() const { return m_counts; }
    QString errorString() const { return m_error; }

    //! Words for a status ("Applied", "Failed", "Ignored").
    static QString statusText(LiveEventStatus status);
    //! Words for an event's source kind ("Metriport", "Payor", "Another desk").
    static QString sourceText(const QString &kind);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void countsChanged();
    void loaded();

private:
    void follow(const LiveEventRecord &record);
    void reloadCounts();
    //! Adds `delta` of `record` to the totals (its status; with `received`, its type too).
    void count(const LiveEventRecord &record, int delta, bool received);

    LiveFeed *m_feed;
    QList<LiveEventRecord> m_records;
    LiveEventCounts m_counts;
    QString m_error;
    bool m_countsLoading = false;
    bool m_countsStale = false; // events recorded while a read was in flight
    bool m_loadedOnce = false;
    qint64 m_highestId = 0; // of the events seen, to tell a new one from a retried one
};

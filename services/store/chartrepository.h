// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/chartitem.h"
#include "services/store/storeerror.h"

#include <QList>

#include <optional>

/*!
  The patient's chart lists (chart_items) and the reconciliation decisions
  (reconcile_decisions) of migration 011. Decisions are only ever added.
 */
class ChartRepository
{
public:
    explicit ChartRepository(QString connectionName)
        : m_connection(std::move(connectionName))
    {
    }

    //! A patient's chart: allergies, then medications, then problems, each in the order added.
    StoreResult<QList<ChartItem>> items(qint64 patientId) const;
    StoreResult<std::optional<ChartItem>> item(qint64 id) const;
    //! The patient's line of `kind` with this match key, if there is one.
    StoreResult<std::optional<ChartItem>> itemByMatchKey(qint64 patientId, ChartKind kind,
                                                         const QString &matchKey) const;
    //! Adds a line (added/updated by and at set here); its id.
    StoreResult<qint64> addItem(const ChartItem &item, const QString &user);
    //! Replaces a line's content (not its patient or kind); false when there is no such line.
    StoreResult<bool> updateItem(const ChartItem &item, const QString &user);

    //! A patient's decisions, newest first.
    StoreResult<QList<ReconcileDecision>> decisions(qint64 patientId) const;
    StoreResult<qint64> addDecision(const ReconcileDecision &decision);

private:
    QString m_connection;
};

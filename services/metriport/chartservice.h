// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/chartitem.h"
#include "services/metriport/chartreconciliation.h"
#include "services/access/accesscontrol.h"
#include "services/store/storeerror.h"

#include <QFuture>
#include <QObject>

class Store;

/*!
  The patient's chart lists and their reconciliation with the outside records: the rows to
  review (ChartReconciliation over the clinical summary, the chart and earlier decisions), and
  the decisions applied in one transaction, each with its audit record ("chart.accept",
  "chart.edit", "chart.reject"), or tried in a dry run that checks and reports the same changes
  and then rolls them back.
 */
class ChartService : public QObject
{
    Q_OBJECT
public:
    ChartService(Store *store, QString user, QObject *parent = nullptr);
    //! Who may read: every call about a patient's records is refused with AccessControl's
    //! words when the signed-in person may not (null: no checks, for tests of this service).
    void setAccessControl(AccessControl *access) { m_access = access; }
    ~ChartService() override;

    QFuture<StoreResult<QList<ChartItem>>> chart(qint64 patientId) const;
    //! The statements of `summary` (the Medical History page's) beside the chart; pending
    //! ones first in each list.
    QFuture<StoreResult<QList<ReconcileRow>>> review(qint64 patientId,
                                                     const ClinicalSummary &summary) const;
    /*!
      Applies the decisions, all or none; an error names the line that could not be applied.
      With `dryRun` nothing is kept (nor audited): the outcomes say what applying would do.
      chartChanged() follows a real apply.
     */
    QFuture<StoreResult<QList<ChartChangeOutcome>>> apply(qint64 patientId,
                                                          const QList<ChartChange> &changes,
                                                          bool dryRun);

    //! What an outcome did or would do, in a sentence: "Added to allergies: Penicillin G …".
    static QString describe(const ChartChangeOutcome &outcome, bool dryRun);

Q_SIGNALS:
    void chartChanged(qint64 patientId);

private:
    Store *m_store;
    QString m_user;
    AccessControl *m_access = nullptr;
};

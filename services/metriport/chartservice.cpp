// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/metriport/chartservice.h"

#include "services/store/audittrail.h"
#include "services/store/chartrepository.h"
#include "services/store/database.h"
#include "services/store/store.h"

#include <QPointer>

#include <algorithm>

namespace {

QString auditAction(ReconcileChoice choice)
{
    switch (choice) {
    case ReconcileChoice::Accept:
        return QStringLiteral("chart.accept");
    case ReconcileChoice::Edit:
        return QStringLiteral("chart.edit");
    case ReconcileChoice::Reject:
        return QStringLiteral("chart.reject");
    }
    return QStringLiteral("chart.accept");
}

using Outcomes = QList<ChartChangeOutcome>;

StoreResult<ChartChangeOutcome> applyOne(ChartRepository &repository, qint64 patientId,
                                         const ChartChange &change, const QString &user,
                                         const QString &connection)
{
    const auto refuse = [&](const QString &why) {
        return StoreResult<ChartChangeOutcome>::failure(
            ChartService::tr("%1: %2").arg(change.item.label(), why));
    };
    if (change.fingerprint.isEmpty())
        return refuse(ChartService::tr("this line is not an outside statement to decide on."));
    ChartChangeOutcome outcome;
    outcome.change = change;
    outcome.change.item.patientId = patientId;
    ChartItem &item = outcome.change.item;
    if (change.choice != ReconcileChoice::Reject) {
        if (item.display.trimmed().isEmpty())
            return refuse(ChartService::tr("a chart line needs a name."));
        if (item.id != 0) {
            const auto existing = repository.item(item.id);
            if (!existing)
                return StoreResult<ChartChangeOutcome>::failure(existing.error());
            if (!*existing || (*existing)->patientId != patientId)
                return refuse(ChartService::tr("the chart line it would update is no longer "
                                               "there; review the outside records again."));
            const auto updated = repository.updateItem(item, user);
            if (!updated)
                return StoreResult<ChartChangeOutcome>::failure(updated.error());
            outcome.updated = true;
            outcome.chartItemId = item.id;
        } else {
            const auto already = repository.itemByMatchKey(patientId, item.kind, item.matchKey);
            if (!already)
                return StoreResult<ChartChangeOutcome>::failure(already.error());
            if (*already) {
                // Someone added it since the review: never a second line, never a silent overwrite.
                return refuse(ChartService::tr("it was added to the chart by %1 since this review "
                                               "began; review the outside records again.")
                                  .arg((*already)->addedBy));
            }
            const auto added = repository.addItem(item, user);
            if (!added)
                return StoreResult<ChartChangeOutcome>::failure(added.error());
            outcome.chartItemId = *added;
            item.id = *added;
        }
    }
    ReconcileDecision decision;
    decision.patientId = patientId;
    decision.kind = item.kind;
    decision.fingerprint = change.fingerprint;
    decision.choice = change.choice;
    decision.chartItemId = outcome.chartItemId;
    decision.reason = change.choice == ReconcileChoice::Reject ? change.reason.trimmed() : QString();
    decision.decidedBy = user;
    const auto recorded = repository.addDecision(decision);
    if (!recorded)
        return StoreResult<ChartChangeOutcome>::failure(recorded.error());
    outcome.decisionId = *recorded;
    const auto audited = AuditTrail::recordIn(
        connection, user, {auditAction(change.choice), QStringLiteral("reconcile_decision"), *recorded});
    if (!audited)
        return StoreResult<ChartChangeOutcome>::failure(AuditTrail::notRecorded(audited.error()));
    return outcome;
}

} // namespace

ChartService::ChartService(Store *store, QString user, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_user(std::move(user))
{
}

ChartService::~ChartService() = default;

QFuture<StoreResult<QList<ChartItem>>> ChartService::chart(qint64 patientId) const
{
    if (m_access && !m_access->can(Permission::MedicalHistory, patientId))
        return AccessControl::refused<QList<ChartItem>>(
            m_access->refusal(Permission::MedicalHistory, patientId));
    return m_store->read(
        [patientId](const QString &connection) { return ChartRepository(connection).items(patientId); });
}

QFuture<StoreResult<QList<ReconcileRow>>> ChartService::review(qint64 patientId,
                                                               const ClinicalSummary &summary) const
{
    using Result = StoreResult<QList<ReconcileRow>>;
    if (m_access && !m_access->can(Permission::Reconcile, patientId))
        return AccessControl::refused<QList<ReconcileRow>>(
            m_access->refusal(Permission::Reconcile, patientId));
    return m_store->read([patientId, summary](const QString &connection) -> Result {
        ChartRepository repository(connection);
        const auto items = repository.items(patientId);
        if (!items)
            return Result::failure(items.error());
        const auto decisions = repository.decisions(patientId);
        if (!decisions)
            return Result::failure(decisions.error());
        QList<ReconcileRow> rows = ChartReconciliation::plan(summary, *items, *decisions);
        std::stable_sort(rows.begin(), rows.end(), [](const ReconcileRow &x, const ReconcileRow &y) {
            if (x.kind != y.kind)
                return x.kind < y.kind;
            return x.isPending() && !y.isPending();
        });
        return rows;
    });
}

QFuture<StoreResult<QList<ChartChangeOutcome>>>
ChartService::apply(qint64 patientId, const QList<ChartChange> &changes, bool dryRun)
{
    if (m_access && !m_access->can(Permission::Reconcile, patientId))
        return AccessControl::refused<Outcomes>(m_access->refusal(Permission::Reconcile, patientId));
    const QString user = m_user;
    QFuture<StoreResult<Outcomes>> done = m_store->write(
        [patientId, changes, dryRun, user](const QString &connection) -> StoreResult<Outcomes> {
            if (changes.isEmpty()) {
                return StoreResult<Outcomes>::failure(
                    tr("Nothing to apply: choose Accept, Edit or Reject on a line first."));
            }
            const QString what = tr("the reconciliation");
            TransactionGuard transaction(Database::connection(connection));
            if (!transaction.isActive())
                return StoreResult<Outcomes>::failure(transaction.describeError(what));
            ChartRepository repository(connection);
            Outcomes outcomes;
            for (const ChartChange &change : changes) {
                const auto applied = applyOne(repository, patientId, change, user, connection);
                if (!applied)
                    return StoreResult<Outcomes>::failure(applied.error());
                ChartChangeOutcome outcome = *applied;
                if (dryRun) {
                    // Ids of rows that the rollback takes back are not shown.
                    if (!outcome.updated) {
                        outcome.chartItemId = 0;
                        outcome.change.item.id = 0;
                    }
                    outcome.decisionId = 0;
                }
                outcomes.append(outcome);
            }
            // A dry run did every step and every check; the guard rolls them back.
            if (!dryRun && !transaction.commit())
                return StoreResult<Outcomes>::failure(transaction.describeError(what));
            return outcomes;
        });
    if (!dryRun) {
        QPointer<ChartService> self(this);
        done.then(this, [self, patientId](const StoreResult<Outcomes> &result) {
            if (self && result.ok())
                Q_EMIT self->chartChanged(patientId);
        });
    }
    return done;
}

QString ChartService::describe(const ChartChangeOutcome &outcome, bool dryRun)
{
    const ChartItem &item = outcome.change.item;
    const QString list = chartKindTitle(item.kind).toLower();
    const QString line = item.text();
    switch (outcome.change.choice) {
    case ReconcileChoice::Accept:
    case ReconcileChoice::Edit: {
        const bool edited = outcome.change.choice == ReconcileChoice::Edit;
        if (outcome.updated) {
            if (dryRun)
                return edited ? tr("Would update in %1, as edited: %2").arg(list, line)
                              : tr("Would update in %1: %2").arg(list, line);
            return edited ? tr("Updated in %1, as edited: %2").arg(list, line)
                          : tr("Updated in %1: %2").arg(list, line);
        }
        if (dryRun)
            return edited ? tr("Would add to %1, as edited: %2").arg(list, line)
                          : tr("Would add to %1: %2").arg(list, line);
        return edited ? tr("Added to %1, as edited: %2").arg(list, line)
                      : tr("Added to %1: %2").arg(list, line);
    }
    case ReconcileChoice::Reject: {
        const QString reason = outcome.change.reason.trimmed();
        if (dryRun)
            return reason.isEmpty() ? tr("Would not import: %1").arg(item.label())
                                    : tr("Would not import: %1 (%2)").arg(item.label(), reason);
        return reason.isEmpty() ? tr("Not imported: %1").arg(item.label())
                                : tr("Not imported: %1 (%2)").arg(item.label(), reason);
    }
    }
    return {};
}

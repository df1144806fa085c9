// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/patients/patientservice.h"

#include "services/access/accesscontrol.h"
#include "services/common/async.h"
#include "services/patients/clinicevents.h"
#include "services/store/coveragerepository.h"
#include "services/store/liveeventrepository.h"
#include "services/store/patientmergerepository.h"
#include "services/store/database.h"
#include "services/store/store.h"

#include <QCoreApplication>

#include <algorithm>
#include <memory>

namespace {
//! Runs `write` (returning StoreResult<T>) and the audit record of it in one transaction.
template<typename T, typename Write>
StoreResult<T> auditedWrite(const QString &connection, const QString &user, const QString &action,
                            const QString &entity, Write &&write)
{
    TransactionGuard transaction(Database::connection(connection));
    const QString what = entity == QLatin1String("patient")
                             ? QCoreApplication::translate("Store", "the patient")
                             : QCoreApplication::translate("Store", "the coverage");
    if (!transaction.isActive())
        return StoreResult<T>::failure(transaction.describeError(what));
    StoreResult<T> written = write();
    if (!written)
        return written;
    const auto recorded = AuditTrail::recordIn(connection, user, {action, entity, written->id});
    if (!recorded)
        return StoreResult<T>::failure(AuditTrail::notRecorded(recorded.error()));
    if (!transaction.commit())
        return StoreResult<T>::failure(transaction.describeError(what));
    return written;
}
} // namespace

PatientService::PatientService(Store *store, QString user, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_user(std::move(user))
{
}

QFuture<StoreResult<PatientSearchResult>>
PatientService::search(const QString &text, int limit, const std::optional<PatientCursor> &after,
                       SearchCancellation cancellation)
{
    auto work = [text, limit, after, cancellation](const QString &connection) {
        return PatientRepository(connection)
            .search(text.trimmed(), limit, after, cancellation.get());
    };
    // A clerk searches on every keystroke: one audit record per user and minute of searching
    // says what a record per keystroke would, without making each keystroke wait for it.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (m_searchRecordedAt.isValid() && m_searchRecordedAt.secsTo(now) < searchAuditSeconds)
        return m_store->read(work);
    QFuture<StoreResult<PatientSearchResult>> found =
        audit().read({QStringLiteral("patient.search"), QStringLiteral("patient"), 0}, work);
    Async::whenReady(found, this, [this, now](const StoreResult<PatientSearchResult> &result) {
        if (result)
            m_searchRecordedAt = now;
    });
    return found;
}

QFuture<StoreResult<Patient>> PatientService::open(qint64 patientId) const
{
    return audit().read({QStringLiteral("patient.view"), QStringLiteral("patient"), patientId},
                        [patientId](const QString &connection) -> StoreResult<Patient> {
                            const auto found = PatientRepository(connection).find(patientId);
                            if (!found)
                                return StoreResult<Patient>::failure(found.error());
                            if (!found->has_value()) {
                                return StoreResult<Patient>::failure(
                                    tr("This patient no longer exists; someone may have removed "
                                       "the record."));
                            }
                            return **found;
                        });
}

QString PatientService::editRefusal() const
{
    return m_access ? m_access->refusal(Permission::PatientsEdit) : QString();
}

QFuture<StoreResult<Patient>> PatientService::registerPatient(const Patient &patient)
{
    Patient fresh = patient;
    fresh.id = 0;
    return savePatient(fresh, QStringLiteral("patient.create"));
}

QFuture<StoreResult<Patient>> PatientService::updatePatient(const Patient &patient)
{
    if (patient.id == 0) {
        return QtFuture::makeReadyFuture(
            StoreResult<Patient>::failure(tr("Register the patient before changing the record.")));
    }
    return savePatient(patient, QStringLiteral("patient.edit"));
}

QFuture<StoreResult<Patient>> PatientService::savePatient(const Patient &patient,
                                                          const QString &action)
{
    if (const QString why = editRefusal(); !why.isEmpty())
        return AccessControl::refused<Patient>(why);
    const QString user = m_user;
    QFuture<StoreResult<Patient>> saved =
        m_store->write([patient, user, action](const QString &connection) {
            return auditedWrite<Patient>(
                connection, user, action, QStringLiteral("patient"), [&]() -> StoreResult<Patient> {
                    StoreResult<Patient> saved = PatientRepository(connection).save(patient);
                    if (!saved)
                        return saved;
                    // Other desks learn of it through the hub: queued with the change.
                    const auto queued = LiveEventRepository(connection).enqueue(
                        {{}, QStringLiteral("patient.updated"),
                         ClinicEvents::patientPayload(*saved), {}});
                    if (!queued)
                        return StoreResult<Patient>::failure(queued.error());
                    return saved;
                });
        });
    Async::whenReady(saved, this, [this](const StoreResult<Patient> &result) {
        if (result)
            Q_EMIT patientSaved(*result);
    });
    return saved;
}

QFuture<StoreResult<QList<DuplicateCandidate>>>
PatientService::findDuplicates(const Patient &patient) const
{
    using Result = StoreResult<QList<DuplicateCandidate>>;
    if (!patient.dateOfBirth.isValid())
        return QtFuture::makeReadyFuture(Result(QList<DuplicateCandidate>()));
    return audit().read(
        {QStringLiteral("patient.duplicates"), QStringLiteral("patient"), patient.id},
        [patient](const QString &connection) -> Result {
            PatientRepository patients(connection);
            DuplicateSubject typed{patient, {}};
            if (patient.id != 0) {
                const auto ids = patients.memberIds(patient.id);
                if (!ids)
                    return Result::failure(ids.error());
                typed.memberIds = *ids;
            }
            const auto block =
                patients.sameBirth(patient.dateOfBirth, patient.gender, patient.id);
            if (!block)
                return Result::failure(block.error());
            QList<DuplicateCandidate> candidates;
            for (const PatientWithMemberIds &stored : *block) {
                DuplicateScore match =
                    DuplicateScorer::score(typed, DuplicateSubject{stored.patient, stored.memberIds});
                if (match.verdict != DuplicateVerdict::Different)
                    candidates.append({stored.patient, std::move(match)});
            }
            std::stable_sort(candidates.begin(), candidates.end(),
                             [](const DuplicateCandidate &a, const DuplicateCandidate &b) {
                                 return a.match.score > b.match.score;
                             });
            return candidates;
        });
}

QFuture<StoreResult<PatientMerge>> PatientService::previewMerge(qint64 keepId,
                                                                qint64 mergeId) const
{
    return m_store->read([keepId, mergeId](const QString &connection) {
        return PatientMergeRepository(connection).preview(keepId, mergeId);
    });
}

QFuture<StoreResult<PatientMerge>> PatientService::mergePatients(qint64 keepId, qint64 mergeId,
                                                                 const QString &reason)
{
    if (const QString why = editRefusal(); !why.isEmpty())
        return AccessControl::refused<PatientMerge>(why);
    using Result = StoreResult<PatientMerge>;
    const QString user = m_user;
    QFuture<Result> merged =
        m_store->write([keepId, mergeId, reason, user](const QString &connection) -> Result {
            TransactionGuard transaction(Database::connection(connection));
            const QString what = QCoreApplication::translate("Store", "the merge");
            if (!transaction.isActive())
                return Result::failure(transaction.describeError(what));
            // Recorded first: a merge that cannot be recorded is not made (the transaction
            // undoes both when either fails).
            for (const qint64 id : {keepId, mergeId}) {
                const auto recorded = AuditTrail::recordIn(
                    connection, user, {QStringLiteral("patient.merge"), QStringLiteral("patient"), id});
                if (!recorded)
                    return Result::failure(AuditTrail::notRecorded(recorded.error()));
            }
            Result merge = PatientMergeRepository(connection).merge(keepId, mergeId, user, reason);
            if (!merge)
                return merge;
            if (!transaction.commit())
                return Result::failure(transaction.describeError(what));
            return merge;
        });
    Async::whenReady(merged, this, [this](const Result &result) {
        if (result)
            Q_EMIT patientsMerged(result->keptId, result->mergedId);
    });
    return merged;
}

QFuture<StoreResult<QList<Coverage>>> PatientService::coverages(qint64 patientId) const
{
    return audit().read({QStringLiteral("coverage.view"), QStringLiteral("patient"), patientId},
                        [patientId](const QString &connection) {
                            return CoverageRepository(connection).forPatient(patientId);
                        });
}

QFuture<StoreResult<Coverage>> PatientService::saveCoverage(const Coverage &coverage)
{
    if (const QString why = editRefusal(); !why.isEmpty())
        return AccessControl::refused<Coverage>(why);
    const QString user = m_user;
    const QString action =
        coverage.id == 0 ? QStringLiteral("coverage.create") : QStringLiteral("coverage.edit");
    QFuture<StoreResult<Coverage>> saved = m_store->write([coverage, user,
                                                           action](const QString &connection) {
        return auditedWrite<Coverage>(connection, user, action, QStringLiteral("coverage"), [&] {
            return CoverageRepository(connection).save(coverage);
        });
    });
    Async::whenReady(saved, this, [this](const StoreResult<Coverage> &result) {
        if (result)
            Q_EMIT coverageSaved(*result);
    });
    return saved;
}

QFuture<StoreResult<Coverage>> PatientService::addCoverageWithPayer(const Coverage &coverage,
                                                                    const Payer &payer)
{
    if (const QString why = editRefusal(); !why.isEmpty())
        return AccessControl::refused<Coverage>(why);
    const QString user = m_user;
    Coverage fresh = coverage;
    fresh.id = 0;
    fresh.payerId = payer.id.trimmed();
    if (fresh.payerName.trimmed().isEmpty())
        fresh.payerName = payer.name;
    QFuture<StoreResult<Coverage>> saved =
        m_store->write([fresh, payer, user](const QString &connection) {
            return auditedWrite<Coverage>(
                connection, user, QStringLiteral("coverage.create"), QStringLiteral("coverage"),
                [&]() -> StoreResult<Coverage> {
                    CoverageRepository coverages(connection);
                    const auto known = coverages.payer(payer.id);
                    if (!known)
                        return StoreResult<Coverage>::failure(known.error());
                    if (!known->has_value()) {
                        const auto added = coverages.savePayer(payer);
                        if (!added)
                            return StoreResult<Coverage>::failure(added.error());
                        // Payer ids are text, not a row id: the coverage.create record that
                        // follows in this transaction names the coverage it came with.
                        const auto recorded = AuditTrail::recordIn(
                            connection, user,
                            {QStringLiteral("payer.create"), QStringLiteral("payer"), 0});
                        if (!recorded)
                            return StoreResult<Coverage>::failure(
                                AuditTrail::notRecorded(recorded.error()));
                    }
                    return coverages.save(fresh);
                });
        });
    Async::whenReady(saved, this, [this](const StoreResult<Coverage> &result) {
        if (result)
            Q_EMIT coverageSaved(*result);
    });
    return saved;
}

QFuture<StoreResult<QList<Coverage>>>
PatientService::reorderCoverages(qint64 patientId, const QList<qint64> &coverageIds)
{
    if (const QString why = editRefusal(); !why.isEmpty())
        return AccessControl::refused<QList<Coverage>>(why);
    using Result = StoreResult<QList<Coverage>>;
    const QString user = m_user;
    auto changed = std::make_shared<QList<Coverage>>();
    QFuture<Result> reordered = m_store->write(
        [patientId, coverageIds, user, changed](const QString &connection) -> Result {
            TransactionGuard transaction(Database::connection(connection));
            const QString what = QCoreApplication::translate("Store", "the coverage");
            if (!transaction.isActive())
                return Result::failure(transaction.describeError(what));
            CoverageRepository coverages(connection);
            const auto current = coverages.forPatient(patientId);
            if (!current)
                return Result::failure(current.error());
            QList<Coverage> active;
            for (const Coverage &c : *current) {
                if (c.active)
                    active.append(c);
            }
            QList<Coverage> ordered;
            for (const qint64 id : coverageIds) {
                const auto found = std::find_if(active.cbegin(), active.cend(),
                                                [id](const Coverage &c) { return c.id == id; });
                if (found == active.cend())
                    return Result::failure(
                        tr("That coverage is not an active coverage of this patient any more; "
                           "reload the patient and try again."));
                if (!ordered.contains(*found))
                    ordered.append(*found);
            }
            for (const Coverage &c : std::as_const(active)) {
                if (!ordered.contains(c))
                    ordered.append(c);
            }
            QList<std::pair<qint64, CoverageOrder>> orders;
            for (qsizetype i = 0; i < ordered.size(); ++i) {
                // Past the third, every coverage stays tertiary: there is no fourth order.
                const auto order = CoverageOrder(qMin<qsizetype>(i + 1, 3));
                if (ordered.at(i).order != order) {
                    orders.append({ordered.at(i).id, order});
                    ordered[i].order = order;
                    changed->append(ordered.at(i));
                }
            }
            const auto set = coverages.setOrders(orders);
            if (!set)
                return Result::failure(set.error());
            if (!*set)
                return Result::failure(QCoreApplication::translate(
                    "Store", "This coverage no longer exists; someone may have removed it."));
            const auto recorded = AuditTrail::recordIn(
                connection, user,
                {QStringLiteral("coverage.reorder"), QStringLiteral("patient"), patientId});
            if (!recorded)
                return Result::failure(AuditTrail::notRecorded(recorded.error()));
            if (!transaction.commit())
                return Result::failure(transaction.describeError(what));
            return ordered;
        });
    Async::whenReady(reordered, this, [this, changed](const Result &result) {
        if (!result)
            return;
        for (const Coverage &coverage : std::as_const(*changed))
            Q_EMIT coverageSaved(coverage);
    });
    return reordered;
}

QFuture<StoreResult<Coverage>> PatientService::saveGroupAndPlan(qint64 coverageId,
                                                                const QString &groupNumber,
                                                                const QString &planName)
{
    if (const QString why = editRefusal(); !why.isEmpty())
        return AccessControl::refused<Coverage>(why);
    const QString user = m_user;
    QFuture<StoreResult<Coverage>> saved = m_store->write([coverageId, groupNumber, planName,
                                                           user](const QString &connection) {
        return auditedWrite<Coverage>(
            connection, user, QStringLiteral("coverage.edit"), QStringLiteral("coverage"),
            [&]() -> StoreResult<Coverage> {
                CoverageRepository coverages(connection);
                const auto found = coverages.find(coverageId);
                if (!found)
                    return StoreResult<Coverage>::failure(found.error());
                if (!found->has_value())
                    return StoreResult<Coverage>::failure(QCoreApplication::translate(
                        "Store", "This coverage no longer exists; someone may have removed it."));
                Coverage coverage = **found;
                coverage.groupNumber = groupNumber;
                coverage.planName = planName;
                return coverages.save(coverage);
            });
    });
    Async::whenReady(saved, this, [this](const StoreResult<Coverage> &result) {
        if (result)
            Q_EMIT coverageSaved(*result);
    });
    return saved;
}

QFuture<StoreResult<QList<Payer>>> PatientService::payers() const
{
    return m_store->read(
        [](const QString &connection) { return CoverageRepository(connection).payers(); });
}

void PatientService::showRemoteChange(const QString &mrn, const QString &device)
{
    Async::whenReady(m_store->read([mrn](const QString &connection) {
                         return PatientRepository(connection).findByMrn(mrn);
                     }),
                     this, [this, device](const StoreResult<std::optional<Patient>> &found) {
                         if (!found || !found->has_value())
                             return;
                         Q_EMIT patientSaved(**found);
                         Q_EMIT patientChangedElsewhere(**found, device);
                     });
}

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/claims/claimservice.h"

#include "services/claims/claimstatusrules.h"
#include "services/common/async.h"
#include "services/store/audittrail.h"
#include "services/store/database.h"
#include "services/store/sqlvalues.h"
#include "services/store/store.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonDocument>
#include <QUuid>

namespace {
const QString claimEntity = QStringLiteral("claim");

QString what()
{
    return QCoreApplication::translate("ClaimService", "the claim");
}

template<typename T> QFuture<StoreResult<T>> refused(const QString &error)
{
    return QtFuture::makeReadyFuture(StoreResult<T>::failure(error));
}

template<typename T> StoreResult<T> failure(const QString &error)
{
    return StoreResult<T>::failure(error);
}

//! Runs `change(repository)` in one transaction with its audit record.
template<typename T, typename Change>
StoreResult<T> inTransaction(const QString &connection, const QString &user, const QString &action,
                             Change change)
{
    TransactionGuard transaction(Database::connection(connection));
    if (!transaction.isActive())
        return failure<T>(transaction.describeError(what()));
    ClaimRepository repository(connection);
    StoreResult<T> result = change(repository);
    if (!result)
        return result;
    qint64 entityId = 0;
    if constexpr (std::is_same_v<T, Claim>)
        entityId = result->id;
    else if constexpr (std::is_same_v<T, ClaimStatusOutcome>)
        entityId = result->claim.id;
    if (entityId > 0) {
        const auto recorded = AuditTrail::recordIn(connection, user, {action, claimEntity, entityId});
        if (!recorded)
            return failure<T>(AuditTrail::notRecorded(recorded.error()));
    }
    if (!transaction.commit())
        return failure<T>(transaction.describeError(what()));
    return result;
}

StoreResult<Claim> saveContent(ClaimRepository &repository, const Claim &claim, const QString &user)
{
    if (claim.id == 0) {
        Claim fresh = claim;
        fresh.status = ClaimStatus::Draft;
        StoreResult<Claim> stored = repository.insert(fresh);
        if (!stored)
            return stored;
        const QString created = QCoreApplication::translate("ClaimService", "Claim created.");
        const auto logged = repository.addTimeline(
            stored->id,
            {SqlValues::nowUtc(), ClaimStatus::Draft, ClaimEventSource::Person, created, user});
        if (!logged)
            return failure<Claim>(logged.error());
        return stored;
    }
    return repository.updateContent(claim);
}

/*!
  A correction, void or resend names the claim it follows: that claim ends (corrected, voided,
  or closed when a rejected claim is sent again as new), in the same transaction, and cannot be
  followed twice.
 */
StoreResult<bool> closeReplaced(ClaimRepository &repository, const Claim &next,
                                const QString &user)
{
    const auto found = repository.find(next.replacesClaimId);
    if (!found)
        return StoreResult<bool>::failure(found.error());
    if (!found->has_value())
        return StoreResult<bool>::failure(QCoreApplication::translate(
            "ClaimService", "The claim being corrected no longer exists."));
    Claim original = **found;
    if (original.status == ClaimStatus::Corrected || original.status == ClaimStatus::Voided ||
        original.status == ClaimStatus::Closed) {
        return StoreResult<bool>::failure(
            QCoreApplication::translate("ClaimService",
                                        "Claim %1 is already %2; it cannot be corrected or "
                                        "voided again.")
                .arg(original.claimNumber, claimStatusName(original.status).toLower()));
    }
    QString message;
    switch (next.frequency) {
    case ClaimFrequency::Replacement:
        original.status = ClaimStatus::Corrected;
        message = QCoreApplication::translate("ClaimService", "Replaced by corrected claim %1.")
                      .arg(next.claimNumber);
        break;
    case ClaimFrequency::Void:
        original.status = ClaimStatus::Voided;
        message = QCoreApplication::translate("ClaimService", "Voided by claim %1.")
                      .arg(next.claimNumber);
        break;
    case ClaimFrequency::Original:
        original.status = ClaimStatus::Closed;
        message = QCoreApplication::translate("ClaimService", "Sent again as new claim %1.")
                      .arg(next.claimNumber);
        break;
    }
    const auto saved = repository.saveStatus(original, {});
    if (!saved)
        return StoreResult<bool>::failure(saved.error());
    return repository.addTimeline(original.id, {SqlValues::nowUtc(), original.status,
                                                ClaimEventSource::Person, message, user});
}

} // namespace

ClaimService::ClaimService(Store *store, QString user, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_user(std::move(user))
{
}

void ClaimService::announce(const QFuture<StoreResult<Claim>> &future)
{
    Async::whenReady(future, this, [this](const StoreResult<Claim> &result) {
        if (result)
            Q_EMIT claimChanged(*result);
    });
}

QFuture<StoreResult<Claim>> ClaimService::saveDraft(const Claim &claim)
{
    const QString user = m_user;
    auto saved = m_store->write([claim, user](const QString &connection) {
        return inTransaction<Claim>(
            connection, user,
            claim.id == 0 ? QStringLiteral("claim.create") : QStringLiteral("claim.edit"),
            [&](ClaimRepository &repository) { return saveContent(repository, claim, user); });
    });
    announce(saved);
    return saved;
}

QFuture<StoreResult<Claim>> ClaimService::queue(const Claim &claim,
                                               const PayorJson::Provider &provider)
{
    if (claim.id != 0 && claim.status != ClaimStatus::Draft && claim.status != ClaimStatus::Error)
        return refused<Claim>(QCoreApplication::translate("ClaimService", "Only a draft claim, or one that could not be delivered, can be "
                                 "sent."));
    const QString user = m_user;
    auto queued = m_store->write([claim, provider, user](const QString &connection) {
        return inTransaction<Claim>(
            connection, user, QStringLiteral("claim.submit"),
            [&](ClaimRepository &repository) -> StoreResult<Claim> {
                StoreResult<Claim> saved = saveContent(repository, claim, user);
                if (!saved)
                    return saved;
                Claim stored = *saved;
                stored.status = ClaimStatus::Queued;
                stored.payerMessage.clear();
                // A replacement or void names the payor's claim it replaces.
                if (stored.frequency != ClaimFrequency::Original && stored.replacesClaimId) {
                    const auto original = repository.find(stored.replacesClaimId);
                    if (!original)
                        return failure<Claim>(original.error());
                    if (!original->has_value() || (*original)->payerClaimId.isEmpty())
                        return failure<Claim>(QCoreApplication::translate("ClaimService", "The claim being corrected has no payor claim "
                                                 "number yet."));
                    stored.payerClaimId = (*original)->payerClaimId;
                }
                const QByteArray payload = QJsonDocument(PayorJson::routeClaimBody(stored, provider))
                                               .toJson(QJsonDocument::Compact);
                ClaimOutboxItem item;
                item.claimId = stored.id;
                item.idempotencyKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
                item.payload = payload;
                item.payloadHash =
                    QString::fromLatin1(QCryptographicHash::hash(payload, QCryptographicHash::Sha256)
                                            .toHex());
                const auto enqueued = repository.enqueue(item);
                if (!enqueued)
                    return failure<Claim>(enqueued.error());
                // The payor's claim id of an original arrives with its reply; keep a
                // replacement's reference out of the unique payer_claim_id column.
                if (stored.frequency != ClaimFrequency::Original)
                    stored.payerClaimId.clear();
                StoreResult<Claim> updated = repository.saveStatus(stored, {});
                if (!updated)
                    return updated;
                const auto logged = repository.addTimeline(
                    stored.id, {SqlValues::nowUtc(), ClaimStatus::Queued,
                                ClaimEventSource::Submission, QCoreApplication::translate("ClaimService", "Queued for the payor."), user});
                if (!logged)
                    return failure<Claim>(logged.error());
                if (stored.replacesClaimId) {
                    const auto closed = closeReplaced(repository, stored, user);
                    if (!closed)
                        return failure<Claim>(closed.error());
                }
                if (!stored.coverageOverrideReason.isEmpty()) {
                    const auto noted = repository.addTimeline(
                        stored.id,
                        {SqlValues::nowUtc(), ClaimStatus::Queued, ClaimEventSource::Person,
                         QCoreApplication::translate("ClaimService", "Coverage not verified active for the date of service; sent anyway: "
                            "%1")
                             .arg(stored.coverageOverrideReason),
                         stored.coverageOverrideBy.isEmpty() ? user : stored.coverageOverrideBy});
                    if (!noted)
                        return failure<Claim>(noted.error());
                }
                return updated;
            });
    });
    announce(queued);
    return queued;
}

QFuture<StoreResult<QList<StoreResult<ClaimStatusOutcome>>>>
ClaimService::applyStatuses(const QList<StatusUpdate> &updates, ClaimEventSource source)
{
    using Outcomes = QList<StoreResult<ClaimStatusOutcome>>;
    const QString user = m_user;
    auto applied = m_store->write([updates, source, user](const QString &connection) {
        TransactionGuard transaction(Database::connection(connection));
        if (!transaction.isActive())
            return StoreResult<Outcomes>::failure(transaction.describeError(what()));
        Outcomes outcomes;
        outcomes.reserve(updates.size());
        for (const StatusUpdate &update : updates) {
            if (!update.report.status) {
                outcomes.append(failure<ClaimStatusOutcome>(
                    QCoreApplication::translate("ClaimService", "The payor sent a status this version does not know: \"%1\".")
                        .arg(update.report.statusText)));
                continue;
            }
            // Nested: a savepoint, rolled back alone when this answer fails.
            outcomes.append(inTransaction<ClaimStatusOutcome>(
                connection, user, QStringLiteral("claim.status"), [&](ClaimRepository &repository) {
                    auto outcome = ClaimStatusRules::apply(repository, update.report, source,
                                                           update.claimId);
                    if (outcome && update.alsoWrite) {
                        const auto also = update.alsoWrite(repository);
                        if (!also)
                            return StoreResult<ClaimStatusOutcome>::failure(also.error());
                    }
                    return outcome;
                }));
        }
        if (!transaction.commit())
            return StoreResult<Outcomes>::failure(transaction.describeError(what()));
        return StoreResult<Outcomes>(outcomes);
    });
    Async::whenReady(applied, this, [this](const StoreResult<Outcomes> &results) {
        if (!results)
            return;
        for (const auto &result : *results) {
            if (result && result->changed)
                Q_EMIT claimChanged(result->claim);
        }
    });
    return applied;
}

QFuture<StoreResult<ClaimStatusOutcome>>
ClaimService::applyStatus(const PayorJson::ClaimStatusReport &report, ClaimEventSource source,
                          qint64 claimId,
                          std::function<StoreResult<bool>(ClaimRepository &)> alsoWrite)
{
    if (!report.status) {
        return refused<ClaimStatusOutcome>(
            QCoreApplication::translate("ClaimService", "The payor sent a status this version does not know: \"%1\".")
                .arg(report.statusText));
    }
    const QString user = m_user;
    auto applied = m_store->write([report, source, claimId, user, alsoWrite](const QString &connection) {
        return inTransaction<ClaimStatusOutcome>(
            connection, user, QStringLiteral("claim.status"),
            [&](ClaimRepository &repository) {
                auto applied = ClaimStatusRules::apply(repository, report, source, claimId);
                if (applied && alsoWrite) {
                    const auto also = alsoWrite(repository);
                    if (!also)
                        return StoreResult<ClaimStatusOutcome>::failure(also.error());
                }
                return applied;
            });
    });
    Async::whenReady(applied, this, [this](const StoreResult<ClaimStatusOutcome> &result) {
        if (result && result->changed)
            Q_EMIT claimChanged(result->claim);
    });
    return applied;
}

QFuture<StoreResult<Claim>> ClaimService::setStatus(qint64 claimId, ClaimStatus status,
                                                   ClaimEventSource source, const QString &message,
                                                   AlsoWrite alsoWrite)
{
    const QString user = m_user;
    auto changed = m_store->write([=](const QString &connection) {
        return inTransaction<Claim>(
            connection, user, QStringLiteral("claim.status"),
            [&](ClaimRepository &repository) -> StoreResult<Claim> {
                const auto found = repository.find(claimId);
                if (!found)
                    return failure<Claim>(found.error());
                if (!found->has_value())
                    return failure<Claim>(QCoreApplication::translate("ClaimService", "The claim no longer exists."));
                if (alsoWrite) {
                    const auto also = alsoWrite(repository);
                    if (!also)
                        return failure<Claim>(also.error());
                }
                Claim claim = **found;
                claim.status = status;
                if (!message.isEmpty())
                    claim.payerMessage = message;
                StoreResult<Claim> saved = repository.saveStatus(claim, {});
                if (!saved)
                    return saved;
                const auto logged = repository.addTimeline(
                    claimId, {SqlValues::nowUtc(), status, source, message,
                              source == ClaimEventSource::Person ? user : QString()});
                if (!logged)
                    return failure<Claim>(logged.error());
                return saved;
            });
    });
    announce(changed);
    return changed;
}

QFuture<StoreResult<Claim>> ClaimService::appeal(qint64 claimId, const QString &note)
{
    if (note.trimmed().isEmpty())
        return refused<Claim>(QCoreApplication::translate(
            "ClaimService", "An appeal needs a note saying why the decision is wrong."));
    return setStatus(claimId, ClaimStatus::Appealed, ClaimEventSource::Person, note.trimmed());
}

QFuture<StoreResult<Claim>> ClaimService::writeOff(qint64 claimId, const QString &reason)
{
    if (reason.trimmed().isEmpty())
        return refused<Claim>(QCoreApplication::translate(
            "ClaimService", "Writing a claim off needs a reason."));
    return setStatus(claimId, ClaimStatus::Closed, ClaimEventSource::Person, reason.trimmed());
}

QFuture<StoreResult<std::optional<Claim>>> ClaimService::find(qint64 claimId) const
{
    return AuditTrail(m_store, m_user).read({QStringLiteral("claim.view"), claimEntity, claimId},
                                            [claimId](const QString &connection) {
                                                return ClaimRepository(connection).find(claimId);
                                            });
}

QFuture<StoreResult<QList<ClaimTimelineEntry>>> ClaimService::timeline(qint64 claimId) const
{
    return m_store->read(
        [claimId](const QString &connection) { return ClaimRepository(connection).timeline(claimId); });
}

QFuture<StoreResult<QList<StoredRemittance>>> ClaimService::remittances(qint64 claimId) const
{
    return m_store->read([claimId](const QString &connection) {
        return ClaimRepository(connection).remittances(claimId);
    });
}

QFuture<StoreResult<QList<PayorMapping>>> ClaimService::mappings() const
{
    return m_store->read(
        [](const QString &connection) { return ClaimRepository(connection).mappings(); });
}

QFuture<StoreResult<bool>> ClaimService::saveMapping(const PayorMapping &mapping)
{
    if (mapping.insuranceId.trimmed().isEmpty() || mapping.payorName.trimmed().isEmpty())
        return refused<bool>(QCoreApplication::translate("ClaimService", "A mapping needs an insurance ID and a payor name."));
    return m_store->write([mapping](const QString &connection) {
        return ClaimRepository(connection).saveMapping(mapping);
    });
}

QFuture<StoreResult<int>> ClaimService::savePayorMappings(const QList<PayorMapping> &mappings)
{
    return m_store->write([mappings](const QString &connection) -> StoreResult<int> {
        TransactionGuard transaction(Database::connection(connection));
        if (!transaction.isActive())
            return failure<int>(transaction.describeError(
                QCoreApplication::translate("ClaimService", "the payor mappings")));
        ClaimRepository repository(connection);
        for (PayorMapping mapping : mappings) {
            mapping.source = QStringLiteral("payor");
            const auto saved = repository.saveMapping(mapping);
            if (!saved)
                return failure<int>(saved.error());
        }
        if (!transaction.commit())
            return failure<int>(transaction.describeError(
                QCoreApplication::translate("ClaimService", "the payor mappings")));
        return int(mappings.size());
    });
}

QFuture<StoreResult<bool>> ClaimService::removeMapping(const QString &insuranceId)
{
    return m_store->write([insuranceId](const QString &connection) {
        return ClaimRepository(connection).removeMapping(insuranceId);
    });
}

void ClaimService::showPayorUpdate(const QString &payerClaimId)
{
    auto found = m_store->read([payerClaimId](const QString &connection) {
        return ClaimRepository(connection).findByPayerClaimId(payerClaimId);
    });
    Async::whenReady(found, this, [this](const StoreResult<std::optional<Claim>> &claim) {
        if (claim && claim->has_value())
            Q_EMIT claimChanged(**claim);
    });
}

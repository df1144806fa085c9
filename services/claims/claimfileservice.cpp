// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/claims/claimfileservice.h"

#include "services/claims/claim837writer.h"
#include "services/claims/claimstatusrules.h"
#include "services/claims/remittance835reader.h"
#include "services/common/async.h"
#include "services/store/audittrail.h"
#include "services/store/claimrepository.h"
#include "services/store/database.h"
#include "services/store/store.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace {
/*!
  The status an 835 claim payment says: CLP02 4 is a denial; a processed claim with a line paid
  nothing for reasons other than the patient's share was paid only in part; else it was paid.
  Reversals (22) and other codes change no status.
 */
std::optional<ClaimStatus> statusFrom835(const Remittance &remittance)
{
    const QString code = remittance.statusCode.trimmed();
    if (code == QLatin1String("4"))
        return ClaimStatus::Denied;
    if (code != QLatin1String("1") && code != QLatin1String("2") && code != QLatin1String("3") &&
        code != QLatin1String("19") && code != QLatin1String("20") && code != QLatin1String("21"))
        return std::nullopt;
    const auto deniedLine = [](const RemittanceLine &line) {
        if (line.paidCents != 0 || line.billedCents == 0)
            return false;
        for (const RemittanceAdjustment &adjustment : line.adjustments) {
            if (adjustment.group != QLatin1String("PR"))
                return true;
        }
        return false;
    };
    const bool anyDenied = std::any_of(remittance.lines.cbegin(), remittance.lines.cend(), deniedLine);
    if (remittance.paidCents == 0 && remittance.patientResponsibilityCents == 0)
        return ClaimStatus::Denied;
    return anyDenied ? ClaimStatus::PartiallyPaid : ClaimStatus::Paid;
}

QString remittanceLine(const Remittance &remittance, const QString &outcome)
{
    return QStringLiteral("%1%2  %3 billed, %4 paid, %5 patient  %6")
        .arg(remittance.claimNumber,
             remittance.payerClaimId.isEmpty()
                 ? QString()
                 : QStringLiteral(" (%1)").arg(remittance.payerClaimId),
             formatCents(remittance.billedCents), formatCents(remittance.paidCents),
             formatCents(remittance.patientResponsibilityCents), outcome);
}

//! Applies one remittance in the caller's transaction; returns the changed claim, if any.
StoreResult<std::optional<Claim>> applyRemittance(ClaimRepository &repository,
                                                  const Remittance &remittance,
                                                  const QString &balanceError,
                                                  RemittanceImportResult &result)
{
    using Result = StoreResult<std::optional<Claim>>;
    std::optional<Claim> ours;
    if (!remittance.payerClaimId.isEmpty()) {
        const auto found = repository.findByPayerClaimId(remittance.payerClaimId);
        if (!found)
            return Result::failure(found.error());
        ours = *found;
    }
    if (!ours && !remittance.claimNumber.isEmpty()) {
        const auto found = repository.findByNumber(remittance.claimNumber.trimmed());
        if (!found)
            return Result::failure(found.error());
        ours = *found;
    }
    if (!balanceError.isEmpty())
        ++result.unbalanced;
    if (!ours) {
        // Not one of ours (another office's, or sent before ClaimDesk): kept unattached.
        const auto stored = repository.addRemittance(0, remittance, balanceError.isEmpty(),
                                                     balanceError);
        if (!stored)
            return Result::failure(stored.error());
        ++result.unmatched;
        result.lines.append(remittanceLine(remittance, ClaimFileService::tr("not one of our claims; kept")));
        return Result(std::nullopt);
    }
    ++result.applied;
    PayorJson::ClaimStatusReport report;
    report.payerClaimId = remittance.payerClaimId.isEmpty() ? ours->payerClaimId
                                                             : remittance.payerClaimId;
    report.claimNumber = ours->claimNumber;
    report.status = statusFrom835(remittance);
    report.remittance = remittance;
    report.remittance->claimNumber = ours->claimNumber;
    report.approvedCents = remittance.paidCents;
    report.patientResponsibilityCents = remittance.patientResponsibilityCents;
    report.message = ClaimFileService::tr("Remittance %1 paid %2.")
                         .arg(remittance.checkNumber, formatCents(remittance.paidCents));
    if (!report.status) {
        // A reversal or a code we do not act on: keep the money record, change no status.
        const auto stored = repository.addRemittance(ours->id, remittance,
                                                     balanceError.isEmpty(), balanceError);
        if (!stored)
            return Result::failure(stored.error());
        result.lines.append(remittanceLine(
            remittance, ClaimFileService::tr("%1: kept; claim status code %2 changes no status")
                            .arg(ours->patientName, remittance.statusCode)));
        return Result(std::nullopt);
    }
    report.statusText = claimStatusKey(*report.status);
    // The file's payment date is a day, not a moment: it does not order against the payor's
    // own updates, so only the status ranks decide.
    const auto applied =
        ClaimStatusRules::apply(repository, report, ClaimEventSource::Remittance, ours->id);
    if (!applied)
        return Result::failure(applied.error());
    if (!applied->changed) {
        // The status stays (say, already closed), but the money record is kept with the claim.
        const auto stored = repository.addRemittance(ours->id, remittance,
                                                     balanceError.isEmpty(), balanceError);
        if (!stored)
            return Result::failure(stored.error());
    }
    result.lines.append(remittanceLine(
        remittance, QStringLiteral("%1: %2").arg(ours->patientName,
                                                 claimStatusName(applied->claim.status))));
    if (!balanceError.isEmpty())
        result.lines.last() += QStringLiteral(" — ") + balanceError;
    return applied->changed ? Result(std::optional<Claim>(applied->claim)) : Result(std::nullopt);
}
} // namespace

ClaimFileService::ClaimFileService(Store *store, QString user, bool production, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_user(std::move(user))
    , m_production(production)
{
}

QFuture<StoreResult<RemittanceImportResult>> ClaimFileService::importRemittance(const QString &path)
{
    using Result = StoreResult<RemittanceImportResult>;
    const QString user = m_user;
    auto imported = m_store->write([path, user](const QString &connection) -> Result {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return Result::failure(
                ClaimFileService::tr("Cannot read %1: %2").arg(QFileInfo(path).fileName(), file.errorString()));
        if (file.size() > maxRemittanceFileBytes)
            return Result::failure(ClaimFileService::tr("%1 is %2 MB; remittance files above %3 MB are refused.")
                                       .arg(QFileInfo(path).fileName())
                                       .arg(file.size() / (1024 * 1024))
                                       .arg(maxRemittanceFileBytes / (1024 * 1024)));
        struct Read
        {
            Remittance remittance;
            QString balanceError;
        };
        QList<Read> remittances;
        const QString source = QFileInfo(path).fileName();
        // Read first, then write: a file that cannot be read changes nothing.
        const Remittance835Result read = Remittance835Reader::read(
            file, source, Remittance835Reader::lenientOptions(),
            [&remittances](Remittance &&remittance, const QString &balanceError) {
                remittances.append({std::move(remittance), balanceError});
            });
        if (!read.ok())
            return Result::failure(ClaimFileService::tr("%1 is not a readable 835: %2").arg(source, read.error));
        RemittanceImportResult result;
        result.read = int(remittances.size());
        result.warnings = read.errorStrings();
        if (remittances.isEmpty())
            return Result::failure(ClaimFileService::tr("%1 holds no claim payments (CLP).").arg(source));
        TransactionGuard transaction(Database::connection(connection));
        if (!transaction.isActive())
            return Result::failure(transaction.describeError(ClaimFileService::tr("the remittance")));
        ClaimRepository repository(connection);
        for (const Read &item : std::as_const(remittances)) {
            const auto applied = applyRemittance(repository, item.remittance, item.balanceError,
                                                 result);
            if (!applied)
                return Result::failure(applied.error());
            if (applied->has_value()) {
                result.changed.append(**applied);
                const auto recorded = AuditTrail::recordIn(
                    connection, user,
                    {QStringLiteral("remittance.import"), QStringLiteral("claim"),
                     (*applied)->id});
                if (!recorded)
                    return Result::failure(AuditTrail::notRecorded(recorded.error()));
            }
        }
        if (!transaction.commit())
            return Result::failure(transaction.describeError(ClaimFileService::tr("the remittance")));
        return result;
    });
    Async::whenReady(imported, this, [this](const Result &result) {
        if (!result)
            return;
        for (const Claim &claim : result->changed)
            Q_EMIT claimChanged(claim);
    });
    return imported;
}

QFuture<StoreResult<Claim837ExportResult>>
ClaimFileService::export837(const QList<qint64> &ids, const QDate &from, const QDate &to,
                            const QString &path)
{
    using Result = StoreResult<Claim837ExportResult>;
    const QString user = m_user;
    const bool production = m_production;
    return m_store->write([=](const QString &connection) -> Result {
        // One interchange holds the claims of one file; a few thousand is a large day.
        constexpr int maxClaims = 5000;
        const auto claims = ClaimRepository(connection).forExport(ids, from, to, maxClaims + 1);
        if (!claims)
            return Result::failure(claims.error());
        if (claims->isEmpty())
            return Result::failure(ClaimFileService::tr("No submitted claims match; drafts are not exported."));
        if (claims->size() > maxClaims)
            return Result::failure(
                ClaimFileService::tr("More than %1 claims match; export a shorter period.").arg(maxClaims));
        Claim837Options options;
        options.production = production;
        options.createdAt = QDateTime::currentDateTime();
        // Control numbers from the clock: two exports never share one.
        const int control = int(QDateTime::currentSecsSinceEpoch() % 999999999);
        options.interchangeControlNumber = control;
        options.groupControlNumber = control;
        options.transactionControlNumber = control % 10000;
        const Claim837WriteResult written = Claim837Writer::write(*claims, options);
        if (!written.ok())
            return Result::failure(written.error);
        TransactionGuard transaction(Database::connection(connection));
        if (!transaction.isActive())
            return Result::failure(transaction.describeError(ClaimFileService::tr("the export")));
        Claim837ExportResult result;
        result.path = path;
        result.claims = int(claims->size());
        result.segments = written.segments;
        for (const Claim &claim : *claims) {
            result.claimNumbers.append(claim.claimNumber);
            const auto recorded = AuditTrail::recordIn(
                connection, user, {QStringLiteral("claim.export"), QStringLiteral("claim"), claim.id});
            if (!recorded)
                return Result::failure(AuditTrail::notRecorded(recorded.error()));
        }
        // The audit record is committed only with the file written.
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(written.data) != written.data.size() ||
            !file.commit())
            return Result::failure(ClaimFileService::tr("Cannot write %1: %2").arg(path, file.errorString()));
        Database::restrictToOwner(path);
        if (!transaction.commit())
            return Result::failure(transaction.describeError(ClaimFileService::tr("the export")));
        return result;
    });
}

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/claims/claimdashboardservice.h"

#include "services/claims/claimservice.h"
#include "services/store/audittrail.h"
#include "services/store/database.h"
#include "services/store/store.h"

#include <QCoreApplication>
#include <QSaveFile>

namespace {
//! "1234.56", "-0.05": a number a spreadsheet sums, without currency or grouping.
QString plainAmount(qint64 cents)
{
    const qint64 magnitude = cents < 0 ? -cents : cents;
    return QStringLiteral("%1%2.%3")
        .arg(cents < 0 ? QStringLiteral("-") : QString())
        .arg(magnitude / 100)
        .arg(magnitude % 100, 2, 10, QLatin1Char('0'));
}

// Flushed to the file each time it grows past this: the export never holds more.
constexpr qsizetype chunkBytes = 256 * 1024;
} // namespace

ClaimDashboardService::ClaimDashboardService(Store *store, QString user, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_user(std::move(user))
{
}

void ClaimDashboardService::follow(ClaimService *claims)
{
    connect(claims, &ClaimService::claimChanged, this,
            [this](const Claim &claim) { Q_EMIT claimUpdated(claim.id); });
}

QFuture<StoreResult<ClaimListPage>>
ClaimDashboardService::page(const ClaimListFilter &filter, int limit,
                            const ClaimListCursor &after) const
{
    return m_store->read([filter, limit, after](const QString &connection) {
        return ClaimListRepository(connection).page(filter, limit, after);
    });
}

QFuture<StoreResult<std::optional<ClaimListRow>>> ClaimDashboardService::row(qint64 claimId) const
{
    return m_store->read(
        [claimId](const QString &connection) { return ClaimListRepository(connection).row(claimId); });
}

QFuture<StoreResult<ClaimListSummary>>
ClaimDashboardService::summary(const ClaimListFilter &filter) const
{
    const QDate today = QDate::currentDate();
    return m_store->read([filter, today](const QString &connection) {
        return ClaimListRepository(connection).summary(filter, today);
    });
}

QString ClaimDashboardService::csvField(const QString &text)
{
    QString field = text;
    if (!field.isEmpty() && QStringLiteral("=+-@\t\r").contains(field.front()))
        field.prepend(QLatin1Char('\''));
    static const QString special = QStringLiteral(",\"\r\n");
    bool quote = false;
    for (const QChar c : std::as_const(field))
        quote = quote || special.contains(c);
    if (!quote)
        return field;
    field.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + field + QLatin1Char('"');
}

QFuture<StoreResult<qint64>> ClaimDashboardService::exportCsv(const ClaimListFilter &filter,
                                                             const QString &path)
{
    using Result = StoreResult<qint64>;
    const QStringList header{tr("Claim"),          tr("Patient"),
                             tr("Payer"),          tr("Date of Service"),
                             tr("Billed"),         tr("Allowed"),
                             tr("Paid"),           tr("Patient Responsibility"),
                             tr("Status"),         tr("Days in Status"),
                             tr("Last Update (UTC)")};
    // Recorded first: nothing leaves the database unaudited.
    QFuture<StoreResult<qint64>> audit =
        AuditTrail(m_store, m_user).record({QStringLiteral("claims.export_csv"),
                                            QStringLiteral("claim"), 0});
    return m_store->read([filter, path, header, audit](const QString &connection) mutable -> Result {
        // A writer future: waiting blocks only this reader.
        audit.waitForFinished();
        const StoreResult<qint64> recorded = audit.result();
        if (!recorded)
            return Result::failure(AuditTrail::notRecorded(recorded.error()));
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly)) {
            return Result::failure(
                tr("The file %1 could not be written: %2").arg(path, file.errorString()));
        }
        // Owner-only before the first byte (the rename keeps it).
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QString chunk = QStringLiteral("\xFEFF");
        QStringList fields;
        for (const QString &name : header)
            fields << ClaimDashboardService::csvField(name);
        chunk += fields.join(QLatin1Char(',')) + QStringLiteral("\r\n");
        bool written = true;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto flush = [&file, &chunk, &written] {
            written = written && file.write(chunk.toUtf8()) >= 0;
            chunk.clear();
            return written;
        };
        const auto rows = ClaimListRepository(connection).forEach(
            filter, [&](const ClaimListRow &row) {
                chunk += csvField(row.claimNumber) + QLatin1Char(',') + csvField(row.patientName) +
                         QLatin1Char(',') + csvField(row.payerName) + QLatin1Char(',') +
                         row.dateOfService.toString(Qt::ISODate) + QLatin1Char(',') +
                         plainAmount(row.billedCents) + QLatin1Char(',') +
                         plainAmount(row.allowedCents) + QLatin1Char(',') +
                         plainAmount(row.paidCents) + QLatin1Char(',') +
                         plainAmount(row.patientResponsibilityCents) + QLatin1Char(',') +
                         csvField(claimStatusName(row.status)) + QLatin1Char(',') +
                         QString::number(row.daysInStatus(now)) + QLatin1Char(',') +
                         row.updatedAt.toUTC().toString(Qt::ISODate) + QStringLiteral("\r\n");
                return chunk.size() < chunkBytes || flush();
            });
        if (!rows && written)
            return rows; // the database's error; the file is left as it was
        if (!written || !flush() || !file.commit()) {
            return Result::failure(
                tr("The file %1 could not be written: %2").arg(path, file.errorString()));
        }
        Database::restrictToOwner(path);
        return rows;
    });
}

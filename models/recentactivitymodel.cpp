// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/recentactivitymodel.h"

#include "models/modelroles.h"
#include "services/eligibility/benefitsummary.h"
#include "services/eligibility/eligibilityservice.h"

#include <QBrush>
#include <QLocale>

using namespace BenefitSummary;

namespace {
// Newest first; the id breaks ties between attempts requested in the same millisecond.
bool isNewer(const Verification &a, const Verification &b)
{
    if (a.requestedAt != b.requestedAt)
        return a.requestedAt > b.requestedAt;
    return a.id > b.id;
}
} // namespace

RecentActivityModel::RecentActivityModel(EligibilityService *service, QObject *parent)
    : QAbstractTableModel(parent)
    , m_service(service)
{
    connect(service, &EligibilityService::verificationFinished, this,
            &RecentActivityModel::onVerificationFinished);
}

void RecentActivityModel::setPeriod(StatsPeriod period)
{
    m_period = period;
    reload();
}

void RecentActivityModel::reload()
{
    const auto range = periodRange(m_period, m_service->now());
    // between() excludes its end; an attempt requested in this very millisecond belongs in.
    QList<Verification> attempts =
        m_service->verifications().between(range.first, range.second.addMSecs(1), false);
    std::sort(attempts.begin(), attempts.end(), isNewer);
    if (attempts.size() > MaxRows)
        attempts.resize(MaxRows);

    beginResetModel();
    // A reload is how the clerk picks up renamed patients and edited coverages.
    m_patientNames.clear();
    m_payerTexts.clear();
    m_rows.clear();
    m_rows.reserve(attempts.size());
    for (const Verification &v : std::as_const(attempts))
        m_rows.append(makeRow(v));
    endResetModel();
}

Verification RecentActivityModel::verificationAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).verification : Verification();
}

int RecentActivityModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RecentActivityModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RecentActivityModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const Verification &v = row.verification;
    const bool cancelled = v.error == VerificationError::Cancelled;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return displayData(row, index.column());
    case ModelRoles::IdRole:
        return v.id;
    case ModelRoles::PatientIdRole:
        return v.patientId;
    case ModelRoles::CoverageIdRole:
        return v.coverageId;
    case ModelRoles::StatusKeyRole:
        return cancelled ? QStringLiteral("cancelled") : verificationStatusKey(v.status);
    case ModelRoles::SortRole:
        switch (Column(index.column())) {
        case TimeColumn:
            return v.requestedAt;
        case DurationColumn:
            return v.durationMs;
        default:
            return displayData(row, index.column());
        }
    case Qt::ForegroundRole:
        if (index.column() == StatusColumn && !cancelled)
            return QBrush(verdictColor(verdict(v.status, v.result)));
        return {};
    case Qt::ToolTipRole:
        if (index.column() == ReasonColumn && !v.errorMessage.isEmpty())
            return v.errorMessage;
        if (index.column() == TimeColumn)
            return formatDateTime(v.completedAt.isValid() ? v.completedAt : v.requestedAt);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == DurationColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant RecentActivityModel::displayData(const Row &row, int column) const
{
    const Verification &v = row.verification;
    switch (Column(column)) {
    case TimeColumn:
        return formatDateTime(v.requestedAt);
    case PatientColumn:
        return row.patientName;
    case PayerColumn:
        return row.payerText;
    case StatusColumn:
        if (v.error == VerificationError::Cancelled)
            //: Status of a verification the clerk stopped; upper case like the other verdicts
            return tr("CANCELLED");
        return verdictText(verdict(v.status, v.result));
    case DurationColumn:
        if (v.status == VerificationStatus::Pending)
            return QString();
        //: Response time of a verification in milliseconds
        return tr("%1 ms").arg(QLocale().toString(v.durationMs));
    case UserColumn:
        return v.user;
    case ReasonColumn:
        return v.errorMessage.section(QLatin1Char('\n'), 0, 0);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant RecentActivityModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case TimeColumn:
        return tr("Time");
    case PatientColumn:
        return tr("Patient");
    case PayerColumn:
        return tr("Payer / Member");
    case StatusColumn:
        return tr("Status");
    case DurationColumn:
        return tr("Duration");
    case UserColumn:
        return tr("User");
    case ReasonColumn:
        return tr("Reason");
    case ColumnCount:
        break;
    }
    return {};
}

RecentActivityModel::Row RecentActivityModel::makeRow(const Verification &verification)
{
    Row row;
    row.verification = verification;
    row.verification.status = m_service->effectiveStatus(verification);
    row.patientName = patientName(verification.patientId);
    row.payerText = payerText(verification.coverageId);
    return row;
}

QString RecentActivityModel::patientName(qint64 patientId)
{
    auto it = m_patientNames.constFind(patientId);
    if (it != m_patientNames.cend())
        return *it;
    const auto patient = m_service->patients().find(patientId);
    //: Shown when a verification's patient record no longer exists
    const QString name = patient ? patient->displayName() : tr("Unknown patient");
    m_patientNames.insert(patientId, name);
    return name;
}

QString RecentActivityModel::payerText(qint64 coverageId)
{
    auto it = m_payerTexts.constFind(coverageId);
    if (it != m_payerTexts.cend())
        return *it;
    // The coverage may have been removed since; its history stays (coverage id 0 or missing).
    const auto coverage = coverageId ? m_service->coverages().find(coverageId) : std::nullopt;
    //: %1 payer name, %2 member ID
    const QString text = coverage ? tr("%1 / %2").arg(coverage->payerName, coverage->memberId)
                                  : tr("Coverage removed");
    m_payerTexts.insert(coverageId, text);
    return text;
}

void RecentActivityModel::onVerificationFinished(const Verification &verification)
{
    // Attempts stopped before their row was stored have nothing to show.
    if (verification.id == 0)
        return;
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).verification.id == verification.id) {
            m_rows[row].verification = verification;
            m_rows[row].verification.status = m_service->effectiveStatus(verification);
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
            return;
        }
    }
    const QDateTime from = periodRange(m_period, m_service->now()).first;
    if (!verification.requestedAt.isValid() || verification.requestedAt < from)
        return;
    // Almost always the top row; an attempt that ran long may belong a little further down.
    const auto pos = std::find_if(m_rows.cbegin(), m_rows.cend(), [&](const Row &row) {
        return isNewer(verification, row.verification);
    });
    const int at = int(pos - m_rows.cbegin());
    if (at >= MaxRows)
        return;
    if (m_rows.size() >= MaxRows) {
        beginRemoveRows({}, int(m_rows.size()) - 1, int(m_rows.size()) - 1);
        m_rows.removeLast();
        endRemoveRows();
    }
    Row row = makeRow(verification);
    beginInsertRows({}, at, at);
    m_rows.insert(at, std::move(row));
    endInsertRows();
}

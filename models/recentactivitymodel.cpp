// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/recentactivitymodel.h"

#include "models/modelroles.h"
#include "services/common/async.h"
#include "services/eligibility/benefitsummary.h"
#include "services/eligibility/eligibilityservice.h"
#include "services/patients/patientservice.h"

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

RecentActivityModel::RecentActivityModel(EligibilityService *service, PatientService *patients,
                                         QObject *parent)
    : QAbstractTableModel(parent)
    , m_service(service)
{
    connect(service, &EligibilityService::verificationFinished, this,
            &RecentActivityModel::onVerificationFinished);
    if (patients) {
        connect(patients, &PatientService::patientSaved, this,
                &RecentActivityModel::onPatientSaved);
        connect(patients, &PatientService::coverageSaved, this,
                &RecentActivityModel::onCoverageSaved);
    }
}

void RecentActivityModel::setPeriod(StatsPeriod period)
{
    m_period = period;
    reload();
}

void RecentActivityModel::reload()
{
    const quint64 generation = ++m_generation;
    m_loading = true;
    m_missedUpdates = false;
    Async::whenReady(m_service->recentActivity(m_period, MaxRows), this,
                     [this, generation](const StoreResult<QList<VerificationActivity>> &rows) {
                         if (generation != m_generation)
                             return;
                         m_loading = false;
                         m_error = rows ? QString() : rows.error();
                         beginResetModel();
                         m_rows = rows ? *rows : QList<VerificationActivity>();
                         endResetModel();
                         Q_EMIT loaded();
                     });
}

void RecentActivityModel::setLive(bool live)
{
    m_live = live;
    if (live && m_missedUpdates)
        reload();
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
    const VerificationActivity &row = m_rows.at(index.row());
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
        if (cancelled)
            return QStringLiteral("cancelled");
        // An inactive answer is its own category: "verified" would count it as a success.
        if (verdict(v.status, v.result) == Verdict::Inactive)
            return QStringLiteral("inactive");
        return verificationStatusKey(v.status);
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
            return QBrush(verdictColor(verdict(v)));
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

QVariant RecentActivityModel::displayData(const VerificationActivity &row, int column) const
{
    const Verification &v = row.verification;
    switch (Column(column)) {
    case TimeColumn:
        return formatDateTime(v.requestedAt);
    case PatientColumn:
        //: Shown when a verification's patient record no longer exists
        return row.patientName.isEmpty() ? tr("Unknown patient") : row.patientName;
    case PayerColumn:
        //: %1 payer name, %2 member ID
        return row.coverageRemoved ? tr("Coverage removed")
                                   : tr("%1 / %2").arg(row.payerName, row.memberId);
    case StatusColumn:
        return statusText(v); // the wording every list uses (BenefitSummary)
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

void RecentActivityModel::onVerificationFinished(const Verification &verification)
{
    // Attempts stopped before their row was stored have nothing to show.
    if (verification.id == 0)
        return;
    if (!m_live) {
        m_missedUpdates = true;
        return;
    }
    const quint64 generation = m_generation;
    Async::whenReady(
        m_service->activity(verification.id), this,
        [this, generation](const StoreResult<std::optional<VerificationActivity>> &activity) {
            if (generation != m_generation || !activity || !activity->has_value())
                return;
            place(**activity);
        });
}

void RecentActivityModel::place(const VerificationActivity &activity)
{
    const Verification &verification = activity.verification;
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).verification.id == verification.id) {
            m_rows[row] = activity;
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
            return;
        }
    }
    const QDateTime from = periodRange(m_period, m_service->now()).first;
    if (!verification.requestedAt.isValid() || verification.requestedAt < from)
        return;
    // Almost always the top row; an attempt that ran long may belong a little further down.
    const auto pos = std::find_if(m_rows.cbegin(), m_rows.cend(), [&](const auto &row) {
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
    beginInsertRows({}, at, at);
    m_rows.insert(at, activity);
    endInsertRows();
}

void RecentActivityModel::onPatientSaved(const Patient &patient)
{
    // The saved value is what a read would return: renamed in place, live or not, no read.
    const QString name = patient.displayName();
    for (int row = 0; row < m_rows.size(); ++row) {
        VerificationActivity &activity = m_rows[row];
        if (activity.verification.patientId != patient.id || activity.patientName == name)
            continue;
        activity.patientName = name;
        Q_EMIT dataChanged(index(row, PatientColumn), index(row, PatientColumn));
    }
}

void RecentActivityModel::onCoverageSaved(const Coverage &coverage)
{
    for (int row = 0; row < m_rows.size(); ++row) {
        VerificationActivity &activity = m_rows[row];
        if (activity.verification.coverageId != coverage.id ||
            (activity.payerName == coverage.payerName && activity.memberId == coverage.memberId))
            continue;
        activity.payerName = coverage.payerName;
        activity.memberId = coverage.memberId;
        activity.coverageRemoved = false;
        Q_EMIT dataChanged(index(row, PayerColumn), index(row, PayerColumn));
    }
}

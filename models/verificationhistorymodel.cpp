// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/verificationhistorymodel.h"

#include "models/modelroles.h"
#include "services/common/async.h"
#include "services/eligibility/benefitsummary.h"
#include "services/eligibility/eligibilityservice.h"

#include <QBrush>
#include <QLocale>

using namespace BenefitSummary;

VerificationHistoryModel::VerificationHistoryModel(EligibilityService *service, QObject *parent)
    : QAbstractTableModel(parent)
    , m_service(service)
{
    connect(service, &EligibilityService::verificationStarted, this,
            &VerificationHistoryModel::onVerificationStarted);
    connect(service, &EligibilityService::verificationFinished, this,
            &VerificationHistoryModel::onVerificationFinished);
}

void VerificationHistoryModel::setCoverage(qint64 coverageId)
{
    if (coverageId != m_coverageId && !m_rows.isEmpty()) {
        beginResetModel(); // another coverage: none of the old rows stay
        m_rows.clear();
        endResetModel();
    }
    m_coverageId = coverageId;
    reload();
}

void VerificationHistoryModel::reload()
{
    const quint64 generation = ++m_generation;
    if (m_coverageId == 0) {
        beginResetModel();
        m_rows.clear();
        endResetModel();
        Q_EMIT loaded();
        return;
    }
    m_loading = true;
    Async::whenReady(m_service->history(m_coverageId), this,
                     [this, generation](const StoreResult<QList<Verification>> &rows) {
                         if (generation != m_generation)
                             return;
                         m_loading = false;
                         m_error = rows ? QString() : rows.error();
                         beginResetModel();
                         m_rows = rows ? *rows : QList<Verification>();
                         endResetModel();
                         Q_EMIT loaded();
                     });
}

int VerificationHistoryModel::rowOf(qint64 verificationId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == verificationId)
            return row;
    }
    return -1;
}

int VerificationHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int VerificationHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant VerificationHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Verification &v = m_rows.at(index.row());
    switch (role) {
    case ModelRoles::IdRole:
        return v.id;
    case ModelRoles::CoverageIdRole:
        return v.coverageId;
    case ModelRoles::PatientIdRole:
        return v.patientId;
    case ModelRoles::StatusKeyRole:
        return verificationStatusKey(v.status);
    case Qt::ForegroundRole:
        if (index.column() == StatusColumn)
            return QBrush(verdictColor(verdict(v)));
        return {};
    case Qt::ToolTipRole:
        if (index.column() == StatusColumn && !rejectionText(v).isEmpty())
            return rejectionText(v);
        return v.errorMessage.isEmpty() ? QVariant() : v.errorMessage;
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        break;
    default:
        return {};
    }
    switch (Column(index.column())) {
    case RequestedColumn:
        return formatDateTime(v.requestedAt);
    case StatusColumn:
        return statusText(v);
    case DurationColumn:
        return v.status == VerificationStatus::Pending
                   ? QString()
                   : tr("%1 ms").arg(QLocale().toString(v.durationMs));
    case AttemptsColumn:
        return v.attempts;
    case UserColumn:
        return v.user;
    case TraceColumn:
        return v.traceNumber;
    case MessageColumn:
        return v.errorMessage.section(QLatin1Char('\n'), 0, 0);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant VerificationHistoryModel::headerData(int section, Qt::Orientation orientation,
                                              int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case RequestedColumn:
        return tr("Requested");
    case StatusColumn:
        return tr("Status");
    case DurationColumn:
        return tr("Duration");
    case AttemptsColumn:
        return tr("Tries");
    case UserColumn:
        return tr("User");
    case TraceColumn:
        return tr("Trace Number");
    case MessageColumn:
        return tr("Message");
    case ColumnCount:
        break;
    }
    return {};
}

void VerificationHistoryModel::onVerificationStarted(const Verification &pending)
{
    if (pending.coverageId != m_coverageId || m_coverageId == 0)
        return;
    beginInsertRows({}, 0, 0);
    m_rows.prepend(pending);
    endInsertRows();
}

void VerificationHistoryModel::onVerificationFinished(const Verification &verification)
{
    if (verification.coverageId != m_coverageId)
        return;
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == verification.id) {
            m_rows[row] = verification;
            m_rows[row].status = m_service->effectiveStatus(verification);
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
            return;
        }
    }
    // Finished without a started signal (rejected before sending): a new row on top.
    if (verification.id != 0) {
        beginInsertRows({}, 0, 0);
        m_rows.prepend(verification);
        endInsertRows();
    }
}

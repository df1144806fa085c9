// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/coveragemodel.h"

#include "models/modelroles.h"
#include "services/eligibility/benefitsummary.h"
#include "services/eligibility/eligibilityservice.h"

#include <QBrush>
#include <QFont>

using namespace BenefitSummary;

CoverageModel::CoverageModel(EligibilityService *service, QObject *parent)
    : QAbstractTableModel(parent)
    , m_service(service)
{
    connect(service, &EligibilityService::verificationStarted, this,
            &CoverageModel::onVerificationStarted);
    connect(service, &EligibilityService::verificationFinished, this,
            &CoverageModel::onVerificationFinished);
}

void CoverageModel::setPatient(qint64 patientId)
{
    m_patientId = patientId;
    reload();
}

void CoverageModel::reload()
{
    beginResetModel();
    m_rows.clear();
    for (const Coverage &coverage : m_service->coverages().forPatient(m_patientId))
        m_rows.append(Row{coverage, m_service->latest(coverage.id)});
    endResetModel();
}

bool CoverageModel::isPending(int row) const
{
    return row >= 0 && row < m_rows.size() && m_pending.contains(m_rows.at(row).coverage.id);
}

int CoverageModel::rowOfCoverage(qint64 coverageId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).coverage.id == coverageId)
            return row;
    }
    return -1;
}

int CoverageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CoverageModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CoverageModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const bool pending = m_pending.contains(row.coverage.id);
    const Verdict v = pending      ? Verdict::Pending
                      : row.latest ? verdict(row.latest->status, row.latest->result)
                                   : Verdict::None;
    switch (role) {
    case ModelRoles::IdRole:
    case ModelRoles::CoverageIdRole:
        return row.coverage.id;
    case ModelRoles::PatientIdRole:
        return row.coverage.patientId;
    case ModelRoles::StatusKeyRole:
        return verdictKey(v);
    case Qt::ForegroundRole:
        if (index.column() == StatusColumn)
            return QBrush(verdictColor(v));
        if (!row.coverage.active)
            return QBrush(Qt::gray);
        return {};
    case Qt::FontRole:
        if (index.column() == StatusColumn) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        break;
    default:
        return {};
    }
    switch (Column(index.column())) {
    case OrderColumn:
        return row.coverage.active ? coverageOrderName(row.coverage.order)
                                   : tr("%1 (inactive)").arg(coverageOrderName(row.coverage.order));
    case PayerColumn:
        return row.coverage.payerName;
    case MemberIdColumn:
        return row.coverage.memberId;
    case GroupColumn:
        return row.coverage.groupNumber;
    case StatusColumn:
        return verdictText(v);
    case VerifiedColumn:
        return row.latest
                   ? formatDateTime(row.latest->completedAt.isValid() ? row.latest->completedAt
                                                                      : row.latest->requestedAt)
                   : QString();
    case ColumnCount:
        break;
    }
    return {};
}

QVariant CoverageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case OrderColumn:
        return tr("Order");
    case PayerColumn:
        return tr("Payer");
    case MemberIdColumn:
        return tr("Member ID");
    case GroupColumn:
        return tr("Group");
    case StatusColumn:
        return tr("Status");
    case VerifiedColumn:
        return tr("Last Verified");
    case ColumnCount:
        break;
    }
    return {};
}

void CoverageModel::onVerificationStarted(qint64 coverageId, qint64)
{
    const int row = rowOfCoverage(coverageId);
    if (row < 0)
        return;
    m_pending.insert(coverageId);
    Q_EMIT dataChanged(index(row, StatusColumn), index(row, VerifiedColumn));
}

void CoverageModel::onVerificationFinished(const Verification &verification)
{
    m_pending.remove(verification.coverageId);
    const int row = rowOfCoverage(verification.coverageId);
    if (row < 0)
        return;
    m_rows[row].latest = m_service->latest(verification.coverageId);
    Q_EMIT dataChanged(index(row, StatusColumn), index(row, VerifiedColumn));
}

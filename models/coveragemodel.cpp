// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/coveragemodel.h"

#include "models/modelroles.h"
#include "services/common/async.h"
#include "services/eligibility/benefitsummary.h"
#include "services/eligibility/eligibilityservice.h"
#include "services/patients/patientservice.h"

#include <QBrush>
#include <QFont>

using namespace BenefitSummary;

CoverageModel::CoverageModel(EligibilityService *eligibility, PatientService *patients,
                             QObject *parent)
    : QAbstractTableModel(parent)
    , m_eligibility(eligibility)
{
    connect(eligibility, &EligibilityService::verificationStarted, this,
            &CoverageModel::onVerificationStarted);
    connect(eligibility, &EligibilityService::verificationFinished, this,
            &CoverageModel::onVerificationFinished);
    connect(patients, &PatientService::coverageSaved, this, [this](const Coverage &coverage) {
        if (coverage.patientId == m_patientId)
            reload();
    });
}

void CoverageModel::setPatient(qint64 patientId)
{
    if (patientId != m_patientId && !m_rows.isEmpty()) {
        beginResetModel();
        m_rows.clear();
        endResetModel();
    }
    m_patientId = patientId;
    reload();
}

void CoverageModel::reload()
{
    const quint64 generation = ++m_generation;
    m_loading = true;
    Async::whenReady(m_eligibility->coverageStatuses(m_patientId), this,
                     [this, generation](const StoreResult<QList<CoverageStatus>> &rows) {
                         if (generation != m_generation)
                             return;
                         m_loading = false;
                         m_error = rows ? QString() : rows.error();
                         if (rows)
                             apply(*rows);
                         Q_EMIT loaded();
                     });
}

void CoverageModel::apply(const QList<CoverageStatus> &rows)
{
    bool sameRows = rows.size() == m_rows.size();
    for (qsizetype i = 0; sameRows && i < rows.size(); ++i)
        sameRows = rows.at(i).coverage.id == m_rows.at(i).coverage.id;
    if (!sameRows) {
        beginResetModel();
        m_rows = rows;
        endResetModel();
        return;
    }
    for (int row = 0; row < rows.size(); ++row) {
        if (rows.at(row).coverage == m_rows.at(row).coverage &&
            rows.at(row).latest == m_rows.at(row).latest &&
            rows.at(row).lastVerifiedAt == m_rows.at(row).lastVerifiedAt)
            continue;
        m_rows[row] = rows.at(row);
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
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
    const CoverageStatus &row = m_rows.at(index.row());
    const bool pending = m_pending.contains(row.coverage.id);
    const Verdict v = pending      ? Verdict::Pending
                      : row.latest ? verdict(*row.latest)
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
    case Qt::ToolTipRole:
        if (index.column() == StatusColumn && !pending && row.latest) {
            const QString rejected = rejectionText(*row.latest);
            return rejected.isEmpty() ? row.latest->errorMessage : rejected;
        }
        if (index.column() == VerifiedColumn && !row.lastVerifiedAt.isValid())
            return tr("The payer has not answered about this coverage yet");
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
        return pending || !row.latest ? verdictText(v) : statusText(*row.latest);
    case VerifiedColumn:
        // When the payer last answered: an attempt that timed out or was refused is no answer.
        return formatDateTime(row.lastVerifiedAt);
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

void CoverageModel::onVerificationStarted(const Verification &pending)
{
    // Kept even for a coverage not listed yet: a new one is verified while the list reloads.
    m_pending.insert(pending.coverageId);
    const int row = rowOfCoverage(pending.coverageId);
    if (row < 0)
        return;
    Q_EMIT dataChanged(index(row, StatusColumn), index(row, VerifiedColumn));
}

void CoverageModel::onVerificationFinished(const Verification &verification)
{
    m_pending.remove(verification.coverageId);
    const int row = rowOfCoverage(verification.coverageId);
    if (row < 0)
        return;
    // A cancelled attempt says nothing about the coverage: the last real answer stays.
    if (verification.error != VerificationError::Cancelled) {
        Verification latest = verification;
        latest.request.clear();
        latest.response.clear();
        latest.status = m_eligibility->effectiveStatus(verification);
        m_rows[row].latest = latest;
        if (payerAnswered(verification.status) && verification.completedAt.isValid())
            m_rows[row].lastVerifiedAt = verification.completedAt;
    }
    Q_EMIT dataChanged(index(row, StatusColumn), index(row, VerifiedColumn));
}

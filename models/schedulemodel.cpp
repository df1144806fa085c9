// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/schedulemodel.h"

#include "models/modelroles.h"
#include "services/eligibility/benefitsummary.h"
#include "services/eligibility/eligibilityservice.h"

#include <QBrush>
#include <QFont>
#include <QLocale>

using namespace BenefitSummary;

ScheduleModel::ScheduleModel(EligibilityService *service, QObject *parent)
    : QAbstractTableModel(parent)
    , m_service(service)
{
    connect(service, &EligibilityService::verificationStarted, this,
            &ScheduleModel::onVerificationStarted);
    connect(service, &EligibilityService::verificationFinished, this,
            &ScheduleModel::onVerificationFinished);
}

void ScheduleModel::setDay(const QDate &day)
{
    m_day = day;
    reload();
}

void ScheduleModel::reload()
{
    beginResetModel();
    m_data = DaySheetData::forDay(*m_service, m_day);
    endResetModel();
}

QList<qint64> ScheduleModel::coverageIds(const QList<int> &rows) const
{
    QList<qint64> ids;
    auto add = [&](int row) {
        // Every active coverage of the patient: secondary and tertiary are verified too.
        for (const Coverage &c :
             m_service->coverages().forPatient(m_data.rows.at(row).patient.id)) {
            if (c.active && !ids.contains(c.id))
                ids.append(c.id);
        }
    };
    if (rows.isEmpty()) {
        for (int row = 0; row < m_data.rows.size(); ++row)
            add(row);
    } else {
        for (int row : rows) {
            if (row >= 0 && row < m_data.rows.size())
                add(row);
        }
    }
    return ids;
}

int ScheduleModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_data.rows.size());
}

int ScheduleModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ScheduleModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DaySheetData::Row &row = m_data.rows.at(index.row());
    const bool pending = row.coverage && m_pendingCoverages.contains(row.coverage->id);
    const Verdict v = pending            ? Verdict::Pending
                      : row.verification ? verdict(row.status, row.verification->result)
                                         : Verdict::None;
    switch (role) {
    case ModelRoles::IdRole:
        return row.appointment.id;
    case ModelRoles::PatientIdRole:
        return row.patient.id;
    case ModelRoles::CoverageIdRole:
        return row.coverage ? row.coverage->id : 0;
    case ModelRoles::StatusKeyRole:
        return verdictKey(v);
    case ModelRoles::SortRole:
        if (index.column() == TimeColumn)
            return row.appointment.start;
        return data(index, Qt::DisplayRole);
    case Qt::ForegroundRole:
        if (index.column() == StatusColumn)
            return QBrush(verdictColor(v));
        return {};
    case Qt::FontRole:
        if (index.column() == StatusColumn) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == StatusColumn && row.verification && !pending)
            return row.verification->errorMessage.isEmpty() ? QVariant()
                                                            : row.verification->errorMessage;
        return {};
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        break;
    default:
        return {};
    }
    switch (Column(index.column())) {
    case TimeColumn:
        return formatTime(row.appointment.start.toLocalTime().time());
    case PatientColumn:
        return row.patient.displayName();
    case DateOfBirthColumn:
        return formatDate(row.patient.dateOfBirth);
    case ProviderColumn:
        return row.appointment.provider;
    case VisitTypeColumn:
        return row.appointment.visitType;
    case InsuranceColumn:
        return row.coverage
                   ? row.coverage->payerName + QStringLiteral(" · ") + row.coverage->memberId
                   : tr("No insurance");
    case StatusColumn:
        return verdictText(v);
    case CopayColumn:
        if (!pending && v == Verdict::Active && row.verification && row.verification->result) {
            if (const auto cents = officeCopayCents(*row.verification->result))
                return formatMoney(*cents);
        }
        return {};
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ScheduleModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case TimeColumn:
        return tr("Time");
    case PatientColumn:
        return tr("Patient");
    case DateOfBirthColumn:
        return tr("Date of Birth");
    case ProviderColumn:
        return tr("Provider");
    case VisitTypeColumn:
        return tr("Visit");
    case InsuranceColumn:
        return tr("Insurance");
    case StatusColumn:
        return tr("Coverage");
    case CopayColumn:
        return tr("Copay");
    case ColumnCount:
        break;
    }
    return {};
}

void ScheduleModel::emitRowChanged(int row)
{
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void ScheduleModel::onVerificationStarted(qint64 coverageId, qint64)
{
    m_pendingCoverages.insert(coverageId);
    for (int row = 0; row < m_data.rows.size(); ++row) {
        if (m_data.rows.at(row).coverage && m_data.rows.at(row).coverage->id == coverageId)
            emitRowChanged(row);
    }
}

void ScheduleModel::onVerificationFinished(const Verification &verification)
{
    m_pendingCoverages.remove(verification.coverageId);
    for (int row = 0; row < m_data.rows.size(); ++row) {
        DaySheetData::Row &r = m_data.rows[row];
        if (!r.coverage || r.coverage->id != verification.coverageId)
            continue;
        if (verification.error == VerificationError::Cancelled)
            r.verification = m_service->latest(verification.coverageId);
        else
            r.verification = verification;
        r.status = r.verification ? r.verification->status : VerificationStatus::Pending;
        if (r.verification)
            r.status = m_service->effectiveStatus(*r.verification);
        emitRowChanged(row);
    }
}

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/schedulemodel.h"

#include <QSet>

#include "models/modelroles.h"
#include "services/common/async.h"
#include "services/eligibility/benefitsummary.h"
#include "services/eligibility/eligibilityservice.h"
#include "services/patients/patientservice.h"

#include <QBrush>
#include <QFont>

using namespace BenefitSummary;

ScheduleModel::ScheduleModel(EligibilityService *eligibility, PatientService *patients,
                             QObject *parent)
    : QAbstractTableModel(parent)
    , m_eligibility(eligibility)
{
    connect(eligibility, &EligibilityService::verificationStarted, this,
            &ScheduleModel::onVerificationStarted);
    connect(eligibility, &EligibilityService::verificationFinished, this,
            &ScheduleModel::onVerificationFinished);
    connect(patients, &PatientService::patientSaved, this, &ScheduleModel::onPatientSaved);
    connect(patients, &PatientService::coverageSaved, this, [this](const Coverage &coverage) {
        for (const ScheduleEntry &entry : std::as_const(m_entries)) {
            if (entry.patient.id == coverage.patientId) {
                reload();
                return;
            }
        }
    });
}

void ScheduleModel::setDay(const QDate &day)
{
    if (day != m_day && !m_entries.isEmpty()) {
        beginResetModel(); // another day: nothing of the old one stays on screen
        m_entries.clear();
        endResetModel();
    }
    m_day = day;
    reload();
}

void ScheduleModel::reload()
{
    const quint64 generation = ++m_generation;
    m_loading = true;
    Async::whenReady(m_eligibility->schedule(m_day), this,
                     [this, generation](const StoreResult<QList<ScheduleEntry>> &entries) {
                         if (generation != m_generation)
                             return;
                         m_loading = false;
                         const QString error = entries ? QString() : entries.error();
                         if (entries)
                             apply(*entries);
                         if (error != m_error) {
                             m_error = error;
                             Q_EMIT errorChanged(error);
                         }
                         Q_EMIT loaded();
                     });
}

void ScheduleModel::apply(const QList<ScheduleEntry> &entries)
{
    // Row by row (removed, moved, inserted, changed), never a reset: the clerk's selection and
    // scroll position survive a visit moved or cancelled here or at another desk.
    auto sameVisit = [](const ScheduleEntry &a, const ScheduleEntry &b) {
        return a.appointment.id == b.appointment.id;
    };
    QSet<qint64> wanted;
    for (const ScheduleEntry &entry : entries)
        wanted.insert(entry.appointment.id);
    for (int row = int(m_entries.size()) - 1; row >= 0; --row) {
        if (!wanted.contains(m_entries.at(row).appointment.id)) {
            beginRemoveRows({}, row, row);
            m_entries.removeAt(row);
            endRemoveRows();
        }
    }
    for (int row = 0; row < entries.size(); ++row) {
        const ScheduleEntry &fresh = entries.at(row);
        if (row < m_entries.size() && sameVisit(m_entries.at(row), fresh)) {
            // In place.
        } else {
            int from = -1;
            for (int j = row + 1; j < m_entries.size(); ++j) {
                if (sameVisit(m_entries.at(j), fresh)) {
                    from = j;
                    break;
                }
            }
            if (from >= 0) {
                beginMoveRows({}, from, from, {}, row);
                m_entries.move(from, row);
                endMoveRows();
            } else {
                beginInsertRows({}, row, row);
                m_entries.insert(row, fresh);
                endInsertRows();
                continue;
            }
        }
        ScheduleEntry &current = m_entries[row];
        if (fresh.appointment == current.appointment && fresh.patient == current.patient &&
            fresh.coverage == current.coverage && fresh.verification == current.verification &&
            fresh.status == current.status && fresh.activeCoverageIds == current.activeCoverageIds)
            continue;
        current = fresh;
        emitRowChanged(row);
    }
}

QList<qint64> ScheduleModel::coverageIds(const QList<int> &rows) const
{
    QList<qint64> ids;
    auto add = [&](int row) {
        // Every active coverage of the patient: secondary and tertiary are verified too.
        for (const qint64 id : m_entries.at(row).activeCoverageIds) {
            if (!ids.contains(id))
                ids.append(id);
        }
    };
    if (rows.isEmpty()) {
        for (int row = 0; row < m_entries.size(); ++row)
            add(row);
    } else {
        for (int row : rows) {
            if (row >= 0 && row < m_entries.size())
                add(row);
        }
    }
    return ids;
}

int ScheduleModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int ScheduleModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ScheduleModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ScheduleEntry &row = m_entries.at(index.row());
    const Verdict v = verdictAt(index.row());
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
        if (index.column() == CollectColumn) {
            const auto collect = collectAt(index.row());
            return collect ? QVariant(collect->basisText() + QStringLiteral(": ") +
                                      collect->explanation)
                           : QVariant();
        }
        if (index.column() == StatusColumn && row.verification && v != Verdict::Pending)
            return row.verification->errorMessage.isEmpty() ? QVariant()
                                                            : row.verification->errorMessage;
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == CollectColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::AccessibleTextRole:
        if (index.column() == CollectColumn) {
            const auto collect = collectAt(index.row());
            return collect
                       ? QVariant(
                             tr("Collect %1, %2").arg(collect->amountText(), collect->basisText()))
                       : QVariant();
        }
        break;
    case Qt::DisplayRole:
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
        return verdictText(v, row.verification && v != Verdict::Pending ? row.verification->aaaCodes
                                                           : QStringList());
    case CollectColumn:
        if (const auto collect = collectAt(index.row()))
            return collect->amountText();
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
    case CollectColumn:
        //: Column: what to collect from the patient at check-in
        return tr("Collect");
    case ColumnCount:
        break;
    }
    return {};
}

Verdict ScheduleModel::verdictAt(int row) const
{
    const ScheduleEntry &entry = m_entries.at(row);
    if (entry.coverage && m_pendingCoverages.contains(entry.coverage->id))
        return Verdict::Pending;
    return entry.verification ? verdict(entry.status, entry.verification->result) : Verdict::None;
}

std::optional<CollectToday> ScheduleModel::collectAt(int row) const
{
    if (row < 0 || row >= m_entries.size() || verdictAt(row) != Verdict::Active)
        return std::nullopt;
    // Worked out when asked (a few benefits, a handful of rows on screen): it follows the
    // answer and the visit type of the row without a cache to keep in step.
    const ScheduleEntry &entry = m_entries.at(row);
    return m_eligibility->collectToday(entry.verification->result, entry.appointment.visitType);
}

void ScheduleModel::emitRowChanged(int row)
{
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void ScheduleModel::onVerificationStarted(const Verification &pending)
{
    m_pendingCoverages.insert(pending.coverageId);
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).coverage && m_entries.at(row).coverage->id == pending.coverageId)
            emitRowChanged(row);
    }
}

void ScheduleModel::onVerificationFinished(const Verification &verification)
{
    m_pendingCoverages.remove(verification.coverageId);
    for (int row = 0; row < m_entries.size(); ++row) {
        ScheduleEntry &entry = m_entries[row];
        if (!entry.coverage || entry.coverage->id != verification.coverageId)
            continue;
        // A cancelled attempt says nothing about the coverage: the last real answer stays.
        if (verification.error != VerificationError::Cancelled) {
            entry.verification = verification;
            entry.verification->request.clear();
            entry.verification->response.clear();
            entry.status = m_eligibility->effectiveStatus(verification);
        }
        emitRowChanged(row);
    }
}

void ScheduleModel::onPatientSaved(const Patient &patient)
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).patient.id == patient.id) {
            m_entries[row].patient = patient;
            emitRowChanged(row);
        }
    }
}

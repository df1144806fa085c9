// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/appointmentmodel.h"

#include "models/modelroles.h"
#include "services/common/async.h"
#include "services/domain/dateformats.h"
#include "services/eligibility/benefitsummary.h"
#include "services/patients/appointmentservice.h"

#include <QBrush>
#include <QSet>

namespace {
//! Order of the list: by start, then by id (as the store orders them).
bool before(const Appointment &a, const Appointment &b)
{
    return a.start != b.start ? a.start < b.start : a.id < b.id;
}
} // namespace

AppointmentModel::AppointmentModel(AppointmentService *appointments, QObject *parent)
    : QAbstractTableModel(parent)
    , m_appointments(appointments)
{
    connect(appointments, &AppointmentService::appointmentSaved, this, &AppointmentModel::follow);
    connect(appointments, &AppointmentService::appointmentCancelled, this,
            &AppointmentModel::follow);
}

void AppointmentModel::setPatient(qint64 patientId)
{
    if (patientId != m_patientId && !m_rows.isEmpty()) {
        beginResetModel();
        m_rows.clear();
        endResetModel();
    }
    m_patientId = patientId;
    reload();
}

void AppointmentModel::setCancelledVisits(CancelledVisits cancelled)
{
    if (cancelled == m_cancelled)
        return;
    m_cancelled = cancelled;
    if (m_patientId != 0)
        reload();
}

void AppointmentModel::reload()
{
    const quint64 generation = ++m_generation;
    m_changedWhileLoading.clear();
    if (m_patientId == 0) {
        m_loading = false;
        m_error.clear();
        apply({});
        // Still later, as for a patient: a caller connects to loaded() after setPatient().
        QMetaObject::invokeMethod(
            this,
            [this, generation] {
                if (generation == m_generation)
                    Q_EMIT loaded();
            },
            Qt::QueuedConnection);
        return;
    }
    m_loading = true;
    Async::whenReady(m_appointments->upcoming(m_patientId, m_cancelled), this,
                     [this, generation](const StoreResult<QList<Appointment>> &rows) {
                         if (generation != m_generation)
                             return;
                         m_loading = false;
                         m_error = rows ? QString() : rows.error();
                         if (rows) {
                             apply(*rows);
                             // The read may have started before these changes were stored.
                             const QList<Appointment> changed = m_changedWhileLoading;
                             for (const Appointment &appointment : changed)
                                 follow(appointment);
                         }
                         m_changedWhileLoading.clear();
                         Q_EMIT loaded();
                     });
}

void AppointmentModel::apply(const QList<Appointment> &rows)
{
    QSet<qint64> ids;
    for (const Appointment &appointment : rows)
        ids.insert(appointment.id);
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (!ids.contains(m_rows.at(row).id))
            removeAt(row);
    }
    for (const Appointment &appointment : rows)
        put(appointment);
}

void AppointmentModel::follow(const Appointment &appointment)
{
    if (m_loading)
        m_changedWhileLoading.append(appointment);
    const bool listed = m_patientId != 0 && appointment.patientId == m_patientId &&
                        AppointmentService::isUpcoming(appointment, m_cancelled);
    if (listed) {
        put(appointment);
        return;
    }
    if (const int row = rowOfAppointment(appointment.id); row >= 0)
        removeAt(row);
}

void AppointmentModel::put(const Appointment &appointment)
{
    const int row = rowOfAppointment(appointment.id);
    if (row < 0) {
        const int at = placeFor(appointment, -1);
        beginInsertRows({}, at, at);
        m_rows.insert(at, appointment);
        endInsertRows();
        return;
    }
    const int target = placeFor(appointment, row);
    if (target != row) {
        // A move, not a remove and insert: a selected visit stays selected where it goes.
        beginMoveRows({}, row, row, {}, target > row ? target + 1 : target);
        m_rows.move(row, target);
        endMoveRows();
    } else if (m_rows.at(row) == appointment) {
        return;
    }
    m_rows[target] = appointment;
    Q_EMIT dataChanged(index(target, 0), index(target, ColumnCount - 1));
}

void AppointmentModel::removeAt(int row)
{
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}

int AppointmentModel::placeFor(const Appointment &appointment, int skipRow) const
{
    int place = 0;
    for (int row = 0; row < m_rows.size(); ++row) {
        if (row != skipRow && before(m_rows.at(row), appointment))
            ++place;
    }
    return place;
}

int AppointmentModel::rowOfAppointment(qint64 appointmentId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == appointmentId)
            return row;
    }
    return -1;
}

QString AppointmentModel::statusText(AppointmentStatus status)
{
    switch (status) {
    case AppointmentStatus::Scheduled:
        return tr("Scheduled");
    case AppointmentStatus::CheckedIn:
        return tr("Checked in");
    case AppointmentStatus::Completed:
        return tr("Completed");
    case AppointmentStatus::Cancelled:
        return tr("Cancelled");
    case AppointmentStatus::NoShow:
        return tr("No-show");
    }
    return {};
}

QString AppointmentModel::durationText(int minutes)
{
    //: A visit's length in minutes
    return tr("%1 min").arg(minutes);
}

int AppointmentModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AppointmentModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AppointmentModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Appointment &a = m_rows.at(index.row());
    const QDateTime local = a.start.toLocalTime();
    const auto column = Column(index.column());
    switch (role) {
    case ModelRoles::IdRole:
        return a.id;
    case ModelRoles::PatientIdRole:
        return a.patientId;
    case ModelRoles::StatusKeyRole:
        return appointmentStatusKey(a.status);
    case ModelRoles::SortRole:
        if (column == DateColumn || column == TimeColumn)
            return a.start;
        if (column == DurationColumn)
            return a.durationMinutes;
        return data(index, Qt::DisplayRole);
    case ModelRoles::ValueRole:
        switch (column) {
        case DateColumn:
            return local.date();
        case TimeColumn:
            return local.time();
        case DurationColumn:
            return a.durationMinutes;
        case StatusColumn:
            return appointmentStatusKey(a.status);
        case NotesColumn:
            return a.notes;
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::ToolTipRole:
        if (column == NotesColumn && !a.notes.isEmpty())
            return a.notes;
        if (column == StatusColumn && a.isCancelled() && !a.cancelReason.isEmpty())
            return tr("Cancelled: %1").arg(a.cancelReason);
        return {};
    case Qt::ForegroundRole:
        return a.isCancelled() ? QVariant(QBrush(Qt::gray)) : QVariant();
    case Qt::TextAlignmentRole:
        if (column == DurationColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        break;
    default:
        return {};
    }
    switch (column) {
    case DateColumn:
        return DateFormats::format(local.date());
    case TimeColumn:
        return BenefitSummary::formatTime(local.time());
    case ProviderColumn:
        return a.provider;
    case VisitTypeColumn:
        return a.visitType;
    case DurationColumn:
        return durationText(a.durationMinutes);
    case StatusColumn:
        return statusText(a.status);
    case NotesColumn:
        return a.notes.simplified(); // one line; the tooltip has it as typed
    case ColumnCount:
        break;
    }
    return {};
}

QVariant AppointmentModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case DateColumn:
        return tr("Date");
    case TimeColumn:
        return tr("Time");
    case ProviderColumn:
        return tr("Provider");
    case VisitTypeColumn:
        return tr("Visit Type");
    case DurationColumn:
        return tr("Duration");
    case StatusColumn:
        return tr("Status");
    case NotesColumn:
        return tr("Notes");
    case ColumnCount:
        break;
    }
    return {};
}

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/actionlistmodel.h"

#include "models/modelroles.h"
#include "services/common/async.h"
#include "services/eligibility/benefitsummary.h"
#include "services/eligibility/eligibilityservice.h"

#include <QBrush>
#include <QSet>

using namespace BenefitSummary;

namespace {
QString firstLine(const QString &text)
{
    return text.section(QLatin1Char('\n'), 0, 0).trimmed();
}

//! The colour of the status word, shared with the other screens' verdicts.
Verdict colourOf(ActionReason reason)
{
    switch (reason) {
    case ActionReason::Rejected:
        return Verdict::Rejected;
    case ActionReason::CouldNotVerify:
        return Verdict::CouldNotVerify;
    case ActionReason::Inactive:
        return Verdict::Inactive;
    case ActionReason::NeedsReview:
        return Verdict::NeedsReview;
    case ActionReason::Expired:
        return Verdict::Expired;
    case ActionReason::NotVerified:
        break;
    }
    return Verdict::None;
}
} // namespace

ActionListModel::ActionListModel(EligibilityService *service, QObject *parent)
    : QAbstractTableModel(parent)
    , m_service(service)
{
}

void ActionListModel::reload()
{
    const quint64 generation = ++m_generation;
    m_loading = true;
    Async::whenReady(m_service->needingAction(), this,
                     [this, generation](const StoreResult<QList<ActionItem>> &items) {
                         if (generation != m_generation)
                             return;
                         m_loading = false;
                         m_error = items ? QString() : items.error();
                         // A list that could not be read keeps what it showed; the screen
                         // says why beside it rather than pretending nothing needs action.
                         if (items) {
                             m_today = m_service->now().toLocalTime().date();
                             apply(*items);
                         }
                         Q_EMIT loaded();
                     });
}

void ActionListModel::apply(const QList<ActionItem> &items)
{
    // Keyed by patient (one row each): rows that went away go, the rest are moved into the
    // new order and updated, new ones inserted where they belong.
    QSet<qint64> wanted;
    for (const ActionItem &item : items)
        wanted.insert(item.entry.appointment.patientId);
    for (int row = int(m_items.size()) - 1; row >= 0; --row) {
        if (!wanted.contains(m_items.at(row).entry.appointment.patientId)) {
            beginRemoveRows({}, row, row);
            m_items.removeAt(row);
            endRemoveRows();
        }
    }
    for (int row = 0; row < items.size(); ++row) {
        const qint64 patientId = items.at(row).entry.appointment.patientId;
        int found = -1;
        for (int other = row; other < m_items.size(); ++other) {
            if (m_items.at(other).entry.appointment.patientId == patientId) {
                found = other;
                break;
            }
        }
        if (found < 0) {
            beginInsertRows({}, row, row);
            m_items.insert(row, items.at(row));
            endInsertRows();
            continue;
        }
        if (found != row) {
            beginMoveRows({}, found, found, {}, row);
            m_items.move(found, row);
            endMoveRows();
        }
        m_items[row] = items.at(row);
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

ActionItem ActionListModel::itemAt(int row) const
{
    return row >= 0 && row < m_items.size() ? m_items.at(row) : ActionItem();
}

int ActionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int ActionListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ActionListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ActionItem &item = m_items.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return displayData(item, index.column());
    case ModelRoles::IdRole:
        return item.entry.appointment.id;
    case ModelRoles::PatientIdRole:
        return item.entry.appointment.patientId;
    case ModelRoles::CoverageIdRole:
        return item.entry.coverage ? item.entry.coverage->id : qint64(0);
    case ModelRoles::StatusKeyRole:
        return actionReasonKey(item.reason);
    case ModelRoles::SortRole:
        if (index.column() == WhenColumn)
            return item.entry.appointment.start;
        return displayData(item, index.column());
    case Qt::ForegroundRole:
        if (index.column() == StatusColumn)
            return QBrush(verdictColor(colourOf(item.reason)));
        return {};
    case Qt::ToolTipRole:
        if (index.column() == ProblemColumn && item.entry.verification &&
            !item.entry.verification->errorMessage.isEmpty())
            return item.entry.verification->errorMessage;
        if (index.column() == WhenColumn)
            return formatDateTime(item.entry.appointment.start);
        return {};
    default:
        return {};
    }
}

QVariant ActionListModel::displayData(const ActionItem &item, int column) const
{
    const ScheduleEntry &entry = item.entry;
    switch (Column(column)) {
    case WhenColumn:
        return whenText(entry.appointment.start, m_today);
    case PatientColumn:
        //: Shown when a scheduled patient's record no longer exists
        return entry.patient.id ? entry.patient.displayName() : tr("Unknown patient");
    case StatusColumn:
        return statusText(item.reason);
    case ProblemColumn:
        return problemText(item, m_today);
    case CoverageColumn:
        if (!entry.coverage)
            return QString();
        //: %1 payer name, %2 member ID
        return tr("%1 / %2").arg(entry.coverage->payerName, entry.coverage->memberId);
    case ColumnCount:
        break;
    }
    return {};
}

QString ActionListModel::statusText(ActionReason reason)
{
    // The shared status words, upper case like every verdict on screen.
    switch (reason) {
    case ActionReason::Rejected:
        return tr("REJECTED");
    case ActionReason::CouldNotVerify:
        return tr("COULD NOT VERIFY");
    case ActionReason::Inactive:
        return tr("INACTIVE");
    case ActionReason::NeedsReview:
        return tr("NEEDS REVIEW");
    case ActionReason::Expired:
        return tr("EXPIRED");
    case ActionReason::NotVerified:
        break;
    }
    return tr("NOT VERIFIED");
}

QString ActionListModel::problemText(const ActionItem &item, const QDate &today)
{
    const ScheduleEntry &entry = item.entry;
    const std::optional<Verification> &latest = entry.verification;
    const QString message = latest ? firstLine(latest->errorMessage) : QString();
    const QDate answered = latest && latest->completedAt.isValid()
                               ? latest->completedAt.toLocalTime().date()
                               : QDate();
    switch (item.reason) {
    case ActionReason::Rejected:
        if (message.isEmpty())
            return tr("The payer rejected the request; check the coverage and verify again");
        //: %1 is the payer's reason, e.g. "Invalid member ID (AAA 72)."
        return tr("The payer rejected the request: %1").arg(message);
    case ActionReason::CouldNotVerify:
        if (message.isEmpty())
            return tr("The payer could not be reached; verify again");
        //: %1 says what went wrong, e.g. "The clearinghouse did not answer in time."
        return tr("The payer could not be reached: %1").arg(message);
    case ActionReason::Inactive: {
        const QDate ended = latest && latest->result ? latest->result->coverageEnd() : QDate();
        if (ended.isValid())
            return tr("The payer says this coverage ended on %1; ask for current insurance")
                .arg(formatDate(ended));
        return tr("The payer says this coverage is not active; ask for current insurance");
    }
    case ActionReason::NeedsReview:
        if (message.isEmpty())
            return tr("The payer's answer needs checking with the patient");
        //: %1 is what to check, e.g. "Medicare Part B is the primary payer."
        return tr("Check with the patient: %1").arg(message);
    case ActionReason::Expired: {
        const QDate planEnd = latest && latest->result && latest->result->isActive()
                                  ? latest->result->coverageEnd()
                                  : QDate();
        if (planEnd.isValid() && planEnd < today)
            return tr("The plan ended on %1; verify again").arg(formatDate(planEnd));
        if (answered.isValid())
            return tr("Last verified on %1, too long ago; verify again").arg(formatDate(answered));
        return tr("The last answer is too old; verify again");
    }
    case ActionReason::NotVerified:
        break;
    }
    if (!entry.coverage)
        return tr("No active coverage on file; ask for an insurance card");
    if (!latest)
        return tr("Never verified");
    if (latest->status == VerificationStatus::Pending)
        return tr("The verification has not finished");
    if (answered.isValid())
        return tr("Last verified on %1; verify again before the visit").arg(formatDate(answered));
    return tr("Not verified recently; verify again before the visit");
}

QString ActionListModel::whenText(const QDateTime &startUtc, const QDate &today)
{
    const QDateTime local = startUtc.toLocalTime();
    const QString time = formatTime(local.time());
    if (local.date() == today)
        //: When a visit is: %1 is the time, e.g. "Today 9:30 AM"
        return tr("Today %1").arg(time);
    if (local.date() == today.addDays(1))
        //: When a visit is: %1 is the time, e.g. "Tomorrow 2:00 PM"
        return tr("Tomorrow %1").arg(time);
    return formatDateTime(startUtc);
}

QVariant ActionListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case WhenColumn:
        return tr("When");
    case PatientColumn:
        return tr("Patient");
    case StatusColumn:
        return tr("Status");
    case ProblemColumn:
        return tr("Problem");
    case CoverageColumn:
        return tr("Payer / Member");
    case ColumnCount:
        break;
    }
    return {};
}

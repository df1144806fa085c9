// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/eligibility/eligibilityservice.h"

#include "services/access/accesscontrol.h"
#include "services/eligibility/batchverification.h"
#include "services/eligibility/expiry.h"
#include "services/store/appointmentrepository.h"
#include "services/store/coveragerepository.h"
#include "services/store/patientrepository.h"
#include "services/store/store.h"

#include <QTimer>

namespace {
//! The day as the audit trail names it: 20261124.
qint64 dayId(const QDate &day)
{
    return day.isValid() ? day.year() * 10000 + day.month() * 100 + day.day() : 0;
}

StoreResult<QList<qint64>> activeCoveragesOf(const QString &connection,
                                             const QList<qint64> &patientIds)
{
    const auto coverages = CoverageRepository(connection).forPatients(patientIds);
    if (!coverages)
        return StoreResult<QList<qint64>>::failure(coverages.error());
    // In the order the patients were given, primary before secondary.
    QHash<qint64, QList<qint64>> byPatient;
    for (const Coverage &coverage : *coverages) {
        if (coverage.active)
            byPatient[coverage.patientId].append(coverage.id);
    }
    QList<qint64> ids;
    for (const qint64 patientId : patientIds) {
        for (const qint64 id : byPatient.value(patientId)) {
            if (!ids.contains(id))
                ids.append(id);
        }
    }
    return ids;
}

/*!
  The schedule entries of \a appointments: patient, first active coverage and its latest answer
  with the effective status, as schedule() builds them for one day.
 */
StoreResult<QList<ScheduleEntry>> scheduleEntriesOf(const QString &connection,
                                                    const QList<Appointment> &appointments,
                                                    int maxAgeDays, const QDateTime &now)
{
    using Result = StoreResult<QList<ScheduleEntry>>;
    QList<qint64> patientIds;
    for (const Appointment &a : appointments) {
        if (!patientIds.contains(a.patientId))
            patientIds.append(a.patientId);
    }
    const auto patients = PatientRepository(connection).findMany(patientIds);
    if (!patients)
        return Result::failure(patients.error());
    const auto coverages = CoverageRepository(connection).forPatients(patientIds);
    if (!coverages)
        return Result::failure(coverages.error());
    QHash<qint64, Patient> patientById;
    for (const Patient &p : *patients)
        patientById.insert(p.id, p);
    QHash<qint64, QList<Coverage>> activeByPatient;
    for (const Coverage &c : *coverages) {
        if (c.active)
            activeByPatient[c.patientId].append(c);
    }
    QList<qint64> primaryIds;
    QList<ScheduleEntry> entries;
    for (const Appointment &a : appointments) {
        ScheduleEntry entry;
        entry.appointment = a;
        entry.patient = patientById.value(a.patientId);
        const QList<Coverage> active = activeByPatient.value(a.patientId);
        for (const Coverage &c : active)
            entry.activeCoverageIds.append(c.id);
        if (!active.isEmpty()) {
            entry.coverage = active.constFirst();
            if (!primaryIds.contains(active.constFirst().id))
                primaryIds.append(active.constFirst().id);
        }
        entries.append(entry);
    }
    const auto latest = VerificationRepository(connection).latestForCoverages(primaryIds, false);
    if (!latest)
        return Result::failure(latest.error());
    for (ScheduleEntry &entry : entries) {
        if (!entry.coverage)
            continue;
        const auto found = latest->constFind(entry.coverage->id);
        if (found != latest->cend()) {
            entry.verification = *found;
            entry.status = Expiry::effectiveStatus(*found, maxAgeDays, now);
            entry.verification->status = entry.status;
        }
    }
    return entries;
}
} // namespace

EligibilityService::EligibilityService(Store *store, QNetworkAccessManager *network,
                                       EligibilitySettings settings, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_network(network)
    , m_settings(std::move(settings))
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
    , m_controlNumbers(std::make_shared<ControlNumbers>())
{
}

EligibilityService::~EligibilityService() = default;

VerificationContext EligibilityService::context() const
{
    return {m_store, m_network, m_settings, m_clock, m_controlNumbers, m_access};
}

QString EligibilityService::verifyRefusal() const
{
    return m_access ? m_access->refusal(Permission::EligibilityRun) : QString();
}

VerificationJob *EligibilityService::verify(qint64 coverageId, const VerifyOptions &options)
{
    auto *job = new VerificationJob(context(), coverageId, options, this);
    track(job);
    QTimer::singleShot(0, job, &Job::start);
    return job;
}

VerificationJob *EligibilityService::retry(qint64 verificationId)
{
    // The job reads the attempt and repeats it on the same coverage, date and service types;
    // the coverage id is checked against the attempt's once it is read.
    VerifyOptions options;
    options.force = true;
    options.retryOf = verificationId;
    auto *job = new VerificationJob(context(), 0, options, this);
    track(job);
    QTimer::singleShot(0, job, &Job::start);
    return job;
}

void EligibilityService::track(VerificationJob *job)
{
    connect(job, &VerificationJob::verificationStarted, this,
            [this, job](const Verification &pending) {
                m_running.insert(pending.coverageId, job);
                Q_EMIT verificationStarted(pending);
            });
    connect(job, &VerificationJob::verificationFinished, this,
            [this, job](const Verification &verification) {
                if (m_running.value(verification.coverageId) == job)
                    m_running.remove(verification.coverageId);
                Q_EMIT verificationFinished(verification);
            });
    connect(job, &VerificationJob::tryStarted, this, &EligibilityService::verificationTryStarted);
    connect(job, &Job::finished, this, [this, job] {
        // Ended without a finished attempt (cancelled before it was stored, storage error).
        for (auto it = m_running.begin(); it != m_running.end();) {
            if (it.value() == job || it.value().isNull())
                it = m_running.erase(it);
            else
                ++it;
        }
    });
}

bool EligibilityService::cancelVerification(qint64 coverageId)
{
    const QPointer<VerificationJob> job = m_running.value(coverageId);
    if (!job || job->isFinished())
        return false;
    job->cancel();
    return true;
}

bool EligibilityService::isVerifying(qint64 coverageId) const
{
    const QPointer<VerificationJob> job = m_running.value(coverageId);
    return job && !job->isFinished();
}

BatchVerification *EligibilityService::verifyCoverages(const QList<qint64> &coverageIds,
                                                       const VerifyOptions &options)
{
    return new BatchVerification(
        this, [coverageIds] { return QtFuture::makeReadyFuture(StoreResult(coverageIds)); },
        options, 8, this);
}

BatchVerification *EligibilityService::verifyPatient(qint64 patientId, const VerifyOptions &options)
{
    return new BatchVerification(
        this, [this, patientId] { return activeCoverages(patientId); }, options, 8, this);
}

BatchVerification *EligibilityService::verifyDay(const QDate &day, const VerifyOptions &options)
{
    VerifyOptions dayOptions = options;
    if (!dayOptions.serviceDate.isValid())
        dayOptions.serviceDate = day;
    return new BatchVerification(
        this, [this, day] { return coveragesForDay(day); }, dayOptions, 8, this);
}

VerificationStatus EligibilityService::effectiveStatus(const Verification &verification) const
{
    return Expiry::effectiveStatus(verification, m_settings.maxAgeDays, m_clock());
}

QFuture<StoreResult<std::optional<Verification>>>
EligibilityService::latest(qint64 coverageId) const
{
    const int maxAgeDays = m_settings.maxAgeDays;
    const QDateTime now = m_clock();
    return m_store->read([coverageId, maxAgeDays, now](const QString &connection) {
        auto latest = VerificationRepository(connection).latestForCoverage(coverageId);
        if (latest && latest->has_value())
            latest.value()->status = Expiry::effectiveStatus(**latest, maxAgeDays, now);
        return latest;
    });
}

QFuture<StoreResult<QList<CoverageStatus>>>
EligibilityService::coverageStatuses(qint64 patientId) const
{
    const int maxAgeDays = m_settings.maxAgeDays;
    const QDateTime now = m_clock();
    using Result = StoreResult<QList<CoverageStatus>>;
    return audit().read(
        {QStringLiteral("coverage.view"), QStringLiteral("patient"), patientId},
        [patientId, maxAgeDays, now](const QString &connection) -> Result {
            const auto coverages = CoverageRepository(connection).forPatient(patientId);
            if (!coverages)
                return Result::failure(coverages.error());
            QList<qint64> ids;
            for (const Coverage &coverage : *coverages)
                ids.append(coverage.id);
            const auto latest = VerificationRepository(connection).latestForCoverages(ids, false);
            if (!latest)
                return Result::failure(latest.error());
            const auto answered = VerificationRepository(connection).lastAnsweredAt(ids);
            if (!answered)
                return Result::failure(answered.error());
            QList<CoverageStatus> statuses;
            for (const Coverage &coverage : *coverages) {
                CoverageStatus status{coverage, std::nullopt, answered->value(coverage.id)};
                const auto found = latest->constFind(coverage.id);
                if (found != latest->cend()) {
                    status.latest = *found;
                    status.latest->status = Expiry::effectiveStatus(*found, maxAgeDays, now);
                }
                statuses.append(status);
            }
            return statuses;
        });
}

QFuture<StoreResult<QList<Verification>>> EligibilityService::history(qint64 coverageId) const
{
    const int maxAgeDays = m_settings.maxAgeDays;
    const QDateTime now = m_clock();
    return audit().read(
        {QStringLiteral("coverage.history"), QStringLiteral("coverage"), coverageId},
        [coverageId, maxAgeDays, now](const QString &connection) {
            auto attempts = VerificationRepository(connection).historyForCoverage(coverageId);
            if (attempts) {
                for (Verification &v : attempts.value())
                    v.status = Expiry::effectiveStatus(v, maxAgeDays, now);
            }
            return attempts;
        });
}

QFuture<StoreResult<QList<ScheduleEntry>>> EligibilityService::schedule(const QDate &day) const
{
    const int maxAgeDays = m_settings.maxAgeDays;
    const QDateTime now = m_clock();
    using Result = StoreResult<QList<ScheduleEntry>>;
    return audit().read(
        {QStringLiteral("schedule.view"), QStringLiteral("schedule"), dayId(day)},
        [day, maxAgeDays, now](const QString &connection) -> Result {
            const auto dayVisits = AppointmentRepository(connection).forDay(day);
            if (!dayVisits)
                return Result::failure(dayVisits.error());
            // A cancelled visit is nobody to verify or greet: the schedule, the day sheet and
            // the day's batch leave it out (the patient page still lists it).
            QList<Appointment> visits = *dayVisits;
            visits.removeIf([](const Appointment &a) { return a.isCancelled(); });
            const QList<Appointment> *appointments = &visits;
            QList<qint64> patientIds;
            for (const Appointment &a : *appointments) {
                if (!patientIds.contains(a.patientId))
                    patientIds.append(a.patientId);
            }
            const auto patients = PatientRepository(connection).findMany(patientIds);
            if (!patients)
                return Result::failure(patients.error());
            const auto coverages = CoverageRepository(connection).forPatients(patientIds);
            if (!coverages)
                return Result::failure(coverages.error());
            QHash<qint64, Patient> patientById;
            for (const Patient &p : *patients)
                patientById.insert(p.id, p);
            QHash<qint64, QList<Coverage>> activeByPatient;
            for (const Coverage &c : *coverages) {
                if (c.active)
                    activeByPatient[c.patientId].append(c);
            }
            QList<qint64> primaryIds;
            QList<ScheduleEntry> entries;
            for (const Appointment &a : *appointments) {
                ScheduleEntry entry;
                entry.appointment = a;
                entry.patient = patientById.value(a.patientId);
                const QList<Coverage> active = activeByPatient.value(a.patientId);
                for (const Coverage &c : active)
                    entry.activeCoverageIds.append(c.id);
                if (!active.isEmpty()) {
                    entry.coverage = active.constFirst();
                    primaryIds.append(active.constFirst().id);
                }
                entries.append(entry);
            }
            // One indexed query per coverage for the latest answers, without the raw X12.
            const auto latest =
                VerificationRepository(connection).latestForCoverages(primaryIds, false);
            if (!latest)
                return Result::failure(latest.error());
            for (ScheduleEntry &entry : entries) {
                if (!entry.coverage)
                    continue;
                const auto found = latest->constFind(entry.coverage->id);
                if (found != latest->cend()) {
                    entry.verification = *found;
                    entry.status = Expiry::effectiveStatus(*found, maxAgeDays, now);
                }
            }
            return entries;
        });
}

QFuture<StoreResult<QList<ActionItem>>> EligibilityService::needingAction() const
{
    const int maxAgeDays = m_settings.maxAgeDays;
    const int reuseHours = m_settings.reuseHours;
    const QDateTime now = m_clock();
    const QDate today = now.toLocalTime().date();
    using Result = StoreResult<QList<ActionItem>>;
    return audit().read(
        {QStringLiteral("schedule.actions"), QStringLiteral("schedule"), dayId(today)},
        [today, maxAgeDays, reuseHours, now](const QString &connection) -> Result {
            const AppointmentRepository appointments(connection);
            QList<Appointment> visits;
            for (const QDate &day : {today, today.addDays(1)}) {
                const auto ofDay = appointments.forDay(day);
                if (!ofDay)
                    return Result::failure(ofDay.error());
                for (const Appointment &a : *ofDay) {
                    if (!a.isCancelled()) // nobody to check in
                        visits.append(a);
                }
            }
            const auto entries = scheduleEntriesOf(connection, visits, maxAgeDays, now);
            if (!entries)
                return Result::failure(entries.error());
            return ActionItem::fromSchedule(*entries, reuseHours, now);
        });
}

QFuture<StoreResult<QList<qint64>>> EligibilityService::coveragesForDay(const QDate &day) const
{
    return m_store->read([day](const QString &connection) -> StoreResult<QList<qint64>> {
        const auto appointments = AppointmentRepository(connection).forDay(day);
        if (!appointments)
            return StoreResult<QList<qint64>>::failure(appointments.error());
        QList<qint64> patientIds;
        for (const Appointment &appointment : *appointments) {
            if (appointment.status != AppointmentStatus::Cancelled &&
                !patientIds.contains(appointment.patientId))
                patientIds.append(appointment.patientId);
        }
        return activeCoveragesOf(connection, patientIds);
    });
}

QFuture<StoreResult<QList<CoverageSubject>>>
EligibilityService::coverageSubjects(const QList<qint64> &coverageIds) const
{
    using Result = StoreResult<QList<CoverageSubject>>;
    return audit().read({QStringLiteral("coverage.list"), QStringLiteral("coverage"), 0},
                        [coverageIds](const QString &connection) -> Result {
                            CoverageRepository coverages(connection);
                            QList<Coverage> found;
                            QList<qint64> patientIds;
                            for (const qint64 id : coverageIds) {
                                const auto coverage = coverages.find(id);
                                if (!coverage)
                                    return Result::failure(coverage.error());
                                if (!coverage->has_value())
                                    continue; // removed since the list was made
                                found.append(**coverage);
                                if (!patientIds.contains((*coverage)->patientId))
                                    patientIds.append((*coverage)->patientId);
                            }
                            const auto patients =
                                PatientRepository(connection).findMany(patientIds);
                            if (!patients)
                                return Result::failure(patients.error());
                            QHash<qint64, Patient> patientById;
                            for (const Patient &p : *patients)
                                patientById.insert(p.id, p);
                            QList<CoverageSubject> subjects;
                            for (const Coverage &coverage : std::as_const(found))
                                subjects.append({coverage, patientById.value(coverage.patientId)});
                            return subjects;
                        });
}

QFuture<StoreResult<QList<qint64>>> EligibilityService::activeCoverages(qint64 patientId) const
{
    return m_store->read([patientId](const QString &connection) {
        return activeCoveragesOf(connection, {patientId});
    });
}

QFuture<StoreResult<VerificationStats>> EligibilityService::statistics(StatsPeriod period) const
{
    const auto range = periodRange(period, m_clock());
    const ExpiryRule expiry = Expiry::rule(m_settings.maxAgeDays, m_clock());
    return m_store->read(
        [range, expiry](const QString &connection) -> StoreResult<VerificationStats> {
            // The end is inclusive: an attempt requested in this very millisecond belongs in.
            const VerificationRepository verifications(connection);
            const QDateTime to = range.second.addMSecs(1);
            const auto aggregates = verifications.aggregates(range.first, to, expiry);
            if (!aggregates)
                return StoreResult<VerificationStats>::failure(aggregates.error());
            // INACTIVE answers are counted apart: an answer, but no success.
            const auto inactive = verifications.inactiveAggregates(range.first, to, expiry);
            if (!inactive)
                return StoreResult<VerificationStats>::failure(inactive.error());
            return VerificationStats::fromAggregates(*aggregates, *inactive);
        });
}

QFuture<StoreResult<QList<VerificationActivity>>>
EligibilityService::recentActivity(StatsPeriod period, int limit) const
{
    const auto range = periodRange(period, m_clock());
    const int maxAgeDays = m_settings.maxAgeDays;
    const QDateTime now = m_clock();
    return audit().read(
        {QStringLiteral("verification.activity"), QStringLiteral("verification"), 0},
        [range, limit, maxAgeDays, now](const QString &connection) {
            auto rows = VerificationRepository(connection)
                            .recent(range.first, range.second.addMSecs(1), limit);
            if (rows) {
                for (VerificationActivity &row : rows.value())
                    row.verification.status =
                        Expiry::effectiveStatus(row.verification, maxAgeDays, now);
            }
            return rows;
        });
}

QFuture<StoreResult<std::optional<VerificationActivity>>>
EligibilityService::activity(qint64 verificationId) const
{
    const int maxAgeDays = m_settings.maxAgeDays;
    const QDateTime now = m_clock();
    return m_store->read([verificationId, maxAgeDays, now](const QString &connection) {
        auto row = VerificationRepository(connection).activity(verificationId);
        if (row && row->has_value()) {
            VerificationActivity &activity = *row.value();
            activity.verification.status =
                Expiry::effectiveStatus(activity.verification, maxAgeDays, now);
        }
        return row;
    });
}

QFuture<StoreResult<int>> EligibilityService::expireStale()
{
    const ExpiryRule expiry = Expiry::rule(m_settings.maxAgeDays, m_clock());
    return m_store->write([expiry](const QString &connection) {
        return VerificationRepository(connection).expireStale(expiry);
    });
}

QFuture<StoreResult<int>> EligibilityService::recoverInterrupted()
{
    const QDateTime now = m_clock();
    const QString message = tr("ClinicDesk closed before the payer answered. Retry to ask again.");
    return m_store->write([now, message](const QString &connection) -> StoreResult<int> {
        VerificationRepository verifications(connection);
        const auto pending = verifications.pending();
        if (!pending)
            return StoreResult<int>::failure(pending.error());
        int recovered = 0;
        for (Verification v : *pending) {
            v.status = VerificationStatus::Failed;
            v.error = VerificationError::NetworkError;
            v.errorMessage = message;
            v.completedAt = now;
            const auto saved = verifications.save(v);
            if (!saved)
                return StoreResult<int>::failure(saved.error());
            ++recovered;
        }
        return recovered;
    });
}

QFuture<StoreResult<std::optional<Appointment>>>
EligibilityService::visitToday(qint64 patientId) const
{
    const QDateTime now = m_clock();
    const QDateTime from = now.toLocalTime().date().startOfDay(Qt::LocalTime).toUTC();
    using Result = StoreResult<std::optional<Appointment>>;
    return audit().read(
        {QStringLiteral("appointment.view"), QStringLiteral("patient"), patientId},
        [patientId, now, from](const QString &connection) -> Result {
            const auto visits =
                AppointmentRepository(connection).upcomingForPatient(patientId, from);
            if (!visits)
                return Result::failure(visits.error());
            return visitOfDay(*visits, now);
        });
}

std::optional<Appointment> EligibilityService::visitOfDay(const QList<Appointment> &visits,
                                                          const QDateTime &now)
{
    const QDate today = now.toLocalTime().date();
    std::optional<Appointment> last;
    for (const Appointment &a : visits) {
        if (a.isCancelled() || a.start.toLocalTime().date() != today)
            continue;
        if (a.end() > now)
            return a; // the next visit (or the one under way)
        last = a;     // already over: the patient may still be at the desk
    }
    return last;
}

CollectTodayCalculator EligibilityService::collectCalculator() const
{
    return CollectTodayCalculator(m_settings.visitFees, m_settings.officeVisitCents);
}

CollectToday EligibilityService::collectToday(const std::optional<EligibilityResult> &result,
                                              const QString &visitType) const
{
    return collectCalculator().calculate(result, visitType);
}

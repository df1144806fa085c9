// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/reports/reportservice.h"

#include "services/common/async.h"
#include "services/eligibility/eligibilityservice.h"
#include "services/eligibility/expiry.h"
#include "services/reports/verificationreport.h"
#include "services/store/appointmentrepository.h"
#include "services/store/coveragerepository.h"
#include "services/store/database.h"
#include "services/store/patientrepository.h"
#include "services/store/store.h"
#include "services/store/verificationrepository.h"

#include <QPromise>

namespace {
qint64 dayId(const QDate &day)
{
    return day.isValid() ? day.year() * 10000 + day.month() * 100 + day.day() : 0;
}

QString actionFor(ReportService::Output output)
{
    switch (output) {
    case ReportService::Output::Preview:
        return QStringLiteral("report.preview");
    case ReportService::Output::Print:
        return QStringLiteral("report.print");
    case ReportService::Output::Export:
        return QStringLiteral("report.export");
    }
    return {};
}
} // namespace

ReportService::ReportService(Store *store, EligibilityService *eligibility, ClinicInfo clinic,
                             bool training, QString user, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_eligibility(eligibility)
    , m_clinic(std::move(clinic))
    , m_training(training)
    , m_user(std::move(user))
{
}

QFuture<StoreResult<VerificationReportData>>
ReportService::verificationReport(qint64 patientId) const
{
    VerificationReportData base;
    base.clinic = m_clinic;
    base.training = m_training;
    base.printedBy = m_user;
    base.printedAt = m_eligibility->now();
    const int maxAgeDays = m_eligibility->settings().maxAgeDays;
    const CollectTodayCalculator fees = m_eligibility->collectCalculator();
    using Result = StoreResult<VerificationReportData>;
    return m_store->read([base, patientId, maxAgeDays, fees](const QString &connection) -> Result {
        VerificationReportData data = base;
        const auto patient = PatientRepository(connection).find(patientId);
        if (!patient)
            return Result::failure(patient.error());
        if (!patient->has_value())
            return Result::failure(tr("This patient no longer exists."));
        data.patient = **patient;
        const auto coverages = CoverageRepository(connection).forPatient(patientId);
        if (!coverages)
            return Result::failure(coverages.error());
        QList<qint64> ids;
        for (const Coverage &coverage : *coverages)
            ids.append(coverage.id);
        const auto latest = VerificationRepository(connection).latestForCoverages(ids, false);
        if (!latest)
            return Result::failure(latest.error());
        // What to collect is worked out for the visit the patient has today.
        const QDateTime dayStart =
            data.printedAt.toLocalTime().date().startOfDay(Qt::LocalTime).toUTC();
        const auto visits =
            AppointmentRepository(connection).upcomingForPatient(patientId, dayStart);
        if (!visits)
            return Result::failure(visits.error());
        data.visitToday = EligibilityService::visitOfDay(*visits, data.printedAt);
        const QString visitType = data.visitToday ? data.visitToday->visitType : QString();
        for (const Coverage &coverage : *coverages) {
            VerificationReportData::Item item;
            item.coverage = coverage;
            const auto found = latest->constFind(coverage.id);
            if (found != latest->cend()) {
                item.verification = *found;
                item.status = Expiry::effectiveStatus(*found, maxAgeDays, data.printedAt);
                if (item.status == VerificationStatus::Verified && found->result &&
                    found->result->isActive())
                    item.collect = fees.calculate(found->result, visitType);
            }
            data.items.append(item);
        }
        return data;
    });
}

QFuture<StoreResult<DaySheetData>> ReportService::daySheet(const QDate &day) const
{
    DaySheetData base;
    base.clinic = m_clinic;
    base.training = m_training;
    base.printedBy = m_user;
    base.printedAt = m_eligibility->now();
    base.day = day;
    const CollectTodayCalculator collect = m_eligibility->collectCalculator();
    return m_eligibility->schedule(day).then(
        [base, collect](const StoreResult<QList<ScheduleEntry>> &rows) {
            if (!rows)
                return StoreResult<DaySheetData>::failure(rows.error());
            DaySheetData data = base;
            data.rows = *rows;
            for (const ScheduleEntry &row : data.rows) {
                if (row.verification && row.status == VerificationStatus::Verified &&
                    row.verification->result && row.verification->result->isActive())
                    data.collect.insert(
                        row.appointment.id,
                        collect.calculate(row.verification->result, row.appointment.visitType));
            }
            return StoreResult<DaySheetData>(data);
        });
}

ReportPrinter::Options ReportService::printOptions(const VerificationReportData &data)
{
    return {ReportHtml::verificationReportTitle(data), data.training, {}, false};
}

ReportPrinter::Options ReportService::printOptions(const DaySheetData &data)
{
    return {ReportHtml::daySheetTitle(data), data.training, {}, true};
}

QFuture<StoreResult<qint64>> ReportService::recordOutput(Output output,
                                                         const VerificationReportData &data)
{
    return record({actionFor(output), QStringLiteral("patient"), data.patient.id});
}

QFuture<StoreResult<qint64>> ReportService::recordOutput(Output output, const DaySheetData &data)
{
    return record({actionFor(output), QStringLiteral("day_sheet"), dayId(data.day)});
}

QFuture<StoreResult<qint64>> ReportService::record(const AuditTrail::Entry &entry)
{
    // Worded for the clerk: the report is refused because its output could not be recorded.
    return audit().record(entry).then([](const StoreResult<qint64> &recorded) {
        return recorded ? recorded
                        : StoreResult<qint64>::failure(AuditTrail::notRecorded(recorded.error()));
    });
}

QFuture<StoreResult<QString>> ReportService::exportPdf(const VerificationReportData &data,
                                                       const QString &path)
{
    return exportReport(data, ReportHtml::verificationReport(data), path);
}

QFuture<StoreResult<QString>> ReportService::exportPdf(const DaySheetData &data,
                                                       const QString &path)
{
    return exportReport(data, ReportHtml::daySheet(data), path);
}

template<typename Data>
QFuture<StoreResult<QString>> ReportService::exportReport(const Data &data, const QString &html,
                                                          const QString &path)
{
    auto promise = std::make_shared<QPromise<StoreResult<QString>>>();
    QFuture<StoreResult<QString>> future = promise->future();
    promise->start();
    const ReportPrinter::Options options = printOptions(data);
    // Painting uses fonts: it stays on this (the GUI) thread, after the record is written.
    Async::whenReady(recordOutput(Output::Export, data), this,
                     [promise, html, path, options](const StoreResult<qint64> &recorded) {
                         if (!recorded) {
                             promise->addResult(StoreResult<QString>::failure(recorded.error()));
                         } else {
                             QString error;
                             if (ReportPrinter::savePdf(html, path, options, &error)) {
                                 Database::restrictToOwner(path);
                                 promise->addResult(StoreResult<QString>(path));
                             } else {
                                 promise->addResult(StoreResult<QString>::failure(error));
                             }
                         }
                         promise->finish();
                     });
    return future;
}

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "headlesscommands.h"

#include "deskcontext.h"
#include "services/eligibility/batchverification.h"
#include "services/eligibility/benefitsummary.h"
#include "services/eligibility/eligibilityservice.h"
#include "services/reports/reportprinter.h"
#include "services/reports/verificationreport.h"

#include <QCoreApplication>
#include <QEventLoop>

using namespace BenefitSummary;

namespace {
// lupdate reads the context from here; the strings are looked up under it at run time.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Headless)
};

//! "Smith, Jane | BlueCross BlueShield ACT100001 (Primary): ACTIVE Gold PPO 1500, office copay
//! $25.00 [312 ms]"
QString resultLine(const EligibilityService &service, const Verification &v, bool reused)
{
    const auto patient = service.patients().find(v.patientId);
    const auto coverage = service.coverages().find(v.coverageId);
    const VerificationStatus status = service.effectiveStatus(v);
    QString line = patient ? patient->displayName() : QString::number(v.patientId);
    if (coverage) {
        line +=
            QStringLiteral(" | %1 %2 (%3)")
                .arg(coverage->payerName, coverage->memberId, coverageOrderName(coverage->order));
    }
    line += QStringLiteral(": ") + verdictText(verdict(status, v.result));
    if (v.result && v.result->isActive()) {
        if (!v.result->planName.isEmpty())
            line += QLatin1Char(' ') + v.result->planName;
        if (const auto copay = officeCopayCents(*v.result))
            line +=
                QStringLiteral(", ") +
                QCoreApplication::translate("Headless", "office copay %1").arg(formatMoney(*copay));
    }
    if (!v.errorMessage.isEmpty())
        line += QStringLiteral(" — ") + v.errorMessage.section(QLatin1Char('\n'), 0, 0);
    if (reused)
        line += QStringLiteral(" [") + Tr::tr("verified earlier, reused") + QLatin1Char(']');
    else
        line +=
            QStringLiteral(" [%1 ms, %2]")
                .arg(v.durationMs)
                .arg(QCoreApplication::translate("Headless", "%n attempt(s)", nullptr, v.attempts));
    return line;
}
} // namespace

int HeadlessCommands::verify(const QString &patientArg, const QString &pdfPath, bool force)
{
    EligibilityService &service = *m_context->eligibility();
    std::optional<Patient> patient;
    bool isId = false;
    const qint64 id = patientArg.toLongLong(&isId);
    if (isId)
        patient = service.patients().find(id);
    if (!patient) {
        const QList<Patient> found = service.patients().search(patientArg, 20);
        if (found.size() > 1) {
            m_err << QCoreApplication::translate(
                         "Headless", "\"%1\" matches %n patients; give the ID:", nullptr,
                         int(found.size()))
                         .arg(patientArg)
                  << Qt::endl;
            for (const Patient &p : found)
                m_err << QStringLiteral("  %1  %2  %3")
                             .arg(p.id)
                             .arg(p.displayName(), formatDate(p.dateOfBirth))
                      << Qt::endl;
            return 2;
        }
        if (found.size() == 1)
            patient = found.first();
    }
    if (!patient) {
        m_err
            << QCoreApplication::translate("Headless", "No patient matches \"%1\".").arg(patientArg)
            << Qt::endl;
        return 2;
    }

    VerifyOptions options;
    options.force = force;
    const QList<VerificationJob *> jobs = service.verifyPatient(patient->id, options);
    if (jobs.isEmpty()) {
        m_err << QCoreApplication::translate("Headless", "%1 has no active insurance on file.")
                     .arg(patient->displayName())
              << Qt::endl;
        return 1;
    }
    int failed = 0;
    int pending = int(jobs.size());
    QEventLoop loop;
    for (VerificationJob *job : jobs) {
        QObject::connect(job, &VerificationJob::finished, &loop, [&, job] {
            const Verification &v = job->verification();
            m_out << resultLine(service, v, job->wasReused()) << Qt::endl;
            if (v.status == VerificationStatus::Failed)
                ++failed;
            if (--pending == 0)
                loop.quit();
        });
    }
    loop.exec();

    if (!pdfPath.isEmpty()) {
        VerificationReportData data = VerificationReportData::forPatient(service, patient->id);
        data.clinic = m_context->clinic();
        data.training = m_context->isTraining();
        ReportPrinter::Options printOptions{
            ReportHtml::verificationReportTitle(data), data.training, {}};
        QString error;
        if (!ReportPrinter::savePdf(ReportHtml::verificationReport(data), pdfPath, printOptions,
                                    &error)) {
            m_err << error << Qt::endl;
            return 1;
        }
        service.audit().record(m_context->user(), QStringLiteral("report.export"),
                               QStringLiteral("patient"), patient->id);
        m_out << QCoreApplication::translate("Headless", "Report saved to %1").arg(pdfPath)
              << Qt::endl;
    }
    return failed > 0 ? 1 : 0;
}

int HeadlessCommands::verifyDay(const QDate &day, const QString &pdfPath, bool force)
{
    EligibilityService &service = *m_context->eligibility();
    const QList<qint64> coverageIds = service.coveragesForDay(day);
    m_out << QCoreApplication::translate("Headless", "Verifying %n coverage(s) for %1", nullptr,
                                         int(coverageIds.size()))
                 .arg(day.toString(Qt::ISODate))
          << Qt::endl;
    VerifyOptions options;
    options.force = force;
    options.serviceDate = day;
    BatchVerification batch(&service, coverageIds, options);
    QEventLoop loop;
    QObject::connect(&batch, &BatchVerification::itemFinished, &loop,
                     [&](const Verification &v, bool reused) {
                         m_out << resultLine(service, v, reused) << Qt::endl;
                     });
    QObject::connect(&batch, &BatchVerification::finished, &loop, &QEventLoop::quit);
    batch.start();
    loop.exec();
    const int failed = batch.countWithStatus(VerificationStatus::Failed);
    m_out << QCoreApplication::translate("Headless", "%1 verified, %2 need review, %3 failed")
                 .arg(batch.countWithStatus(VerificationStatus::Verified))
                 .arg(batch.countWithStatus(VerificationStatus::ManualReview))
                 .arg(failed)
          << Qt::endl;

    if (!pdfPath.isEmpty()) {
        DaySheetData data = DaySheetData::forDay(service, day);
        data.clinic = m_context->clinic();
        data.training = m_context->isTraining();
        ReportPrinter::Options printOptions{
            ReportHtml::daySheetTitle(data), data.training, {}, true};
        QString error;
        if (!ReportPrinter::savePdf(ReportHtml::daySheet(data), pdfPath, printOptions, &error)) {
            m_err << error << Qt::endl;
            return 1;
        }
        service.audit().record(m_context->user(), QStringLiteral("report.export"),
                               QStringLiteral("day_sheet"), 0);
        m_out << QCoreApplication::translate("Headless", "Day sheet saved to %1").arg(pdfPath)
              << Qt::endl;
    }
    return failed > 0 ? 1 : 0;
}

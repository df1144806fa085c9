// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "headlesscommands.h"

#include "deskcontext.h"
#include "headlesssupport.h"
#include "services/eligibility/batchverification.h"
#include "services/eligibility/benefitsummary.h"
#include "services/eligibility/eligibilityservice.h"
#include "services/patients/patientservice.h"
#include "services/reports/reportservice.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFutureWatcher>

using namespace BenefitSummary;
using Headless::await;

namespace {
// lupdate reads the context from here; the strings are looked up under it at run time.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Headless)
};

//! "Smith, Jane | BlueCross BlueShield ACT100001 (Primary): ACTIVE Gold PPO 1500, office copay
//! $25.00 [312 ms]"
QString resultLine(const EligibilityService &service, const VerificationOutcome &outcome)
{
    const Verification &v = outcome.verification;
    const VerificationStatus status = service.effectiveStatus(v);
    QString line =
        outcome.patient.id ? outcome.patient.displayName() : QString::number(v.patientId);
    if (outcome.coverage.id) {
        line += QStringLiteral(" | %1 %2 (%3)")
                    .arg(outcome.coverage.payerName, outcome.coverage.memberId,
                         coverageOrderName(outcome.coverage.order));
    }
    Verification effective = v;
    effective.status = status;
    line += QStringLiteral(": ") + statusText(effective);
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
    if (outcome.reused)
        line += QStringLiteral(" [") + Tr::tr("verified earlier, reused") + QLatin1Char(']');
    else
        line +=
            QStringLiteral(" [%1 ms, %2]")
                .arg(v.durationMs)
                .arg(QCoreApplication::translate("Headless", "%n attempts", nullptr, v.attempts));
    return line;
}

//! Runs a batch to its end, printing a line per verification as it finishes, or all of them in
//! coverage order (primary, secondary, tertiary) at the end.
void runBatch(BatchVerification *batch, const EligibilityService &service, QTextStream &out,
              bool inCoverageOrder = false)
{
    batch->setAutoDelete(false);
    QEventLoop loop;
    QObject::connect(batch, &BatchVerification::itemFinished, &loop,
                     [&](const VerificationOutcome &outcome) {
                         if (!inCoverageOrder)
                             out << resultLine(service, outcome) << Qt::endl;
                     });
    QObject::connect(batch, &Job::finished, &loop, &QEventLoop::quit);
    batch->start();
    if (!batch->isFinished())
        loop.exec();
    if (inCoverageOrder) {
        QList<VerificationOutcome> outcomes = batch->results();
        std::stable_sort(outcomes.begin(), outcomes.end(), [](const auto &a, const auto &b) {
            return a.coverage.order < b.coverage.order;
        });
        for (const VerificationOutcome &outcome : std::as_const(outcomes))
            out << resultLine(service, outcome) << Qt::endl;
    }
}
} // namespace

int HeadlessCommands::verify(const QString &patientArg, const QString &pdfPath, bool force)
{
    EligibilityService &service = *m_context->eligibility();
    PatientService &patients = *m_context->patients();
    int exitCode = 0;
    const std::optional<Patient> patient =
        Headless::findPatient(patients, patientArg, m_err, &exitCode);
    if (!patient)
        return exitCode;

    VerifyOptions options;
    options.force = force;
    BatchVerification *batch = service.verifyPatient(patient->id, options);
    runBatch(batch, service, m_out, true);
    const int total = batch->total();
    const int failed = batch->countWithStatus(VerificationStatus::Failed);
    const QString batchError =
        batch->error() == Job::Error::NoError ? QString() : batch->errorString();
    delete batch;
    if (!batchError.isEmpty()) {
        m_err << batchError << Qt::endl;
        return 1;
    }
    if (total == 0) {
        m_err << QCoreApplication::translate("Headless", "%1 has no active insurance on file.")
                     .arg(patient->displayName())
              << Qt::endl;
        return 1;
    }

    if (!pdfPath.isEmpty()) {
        ReportService &reports = *m_context->reports();
        const StoreResult<VerificationReportData> data =
            await(reports.verificationReport(patient->id));
        if (!data) {
            m_err << data.error() << Qt::endl;
            return 1;
        }
        const StoreResult<QString> saved = await(reports.exportPdf(*data, pdfPath));
        if (!saved) {
            m_err << saved.error() << Qt::endl;
            return 1;
        }
        m_out << QCoreApplication::translate("Headless", "Report saved to %1").arg(pdfPath)
              << Qt::endl;
    }
    return failed > 0 ? 1 : 0;
}

int HeadlessCommands::verifyDay(const QDate &day, const QString &pdfPath, bool force)
{
    EligibilityService &service = *m_context->eligibility();
    VerifyOptions options;
    options.force = force;
    options.serviceDate = day;
    BatchVerification *batch = service.verifyDay(day, options);
    bool announced = false;
    QObject::connect(batch, &BatchVerification::progressChanged, batch, [&](int, int total) {
        if (announced)
            return;
        announced = true;
        m_out << QCoreApplication::translate("Headless", "Verifying %n coverages for %1", nullptr,
                                             total)
                     .arg(day.toString(Qt::ISODate))
              << Qt::endl;
    });
    runBatch(batch, service, m_out);
    const int failed = batch->countWithStatus(VerificationStatus::Failed);
    // The words of the batch dialog: an inactive coverage was answered, but is not "verified".
    using Outcome = BatchVerification::Outcome;
    m_out << QCoreApplication::translate(
                 "Headless", "%1 active, %2 inactive, %3 need review, %4 rejected, %5 could not "
                             "verify, %6 not verified")
                 .arg(batch->count(Outcome::Active))
                 .arg(batch->count(Outcome::Inactive))
                 .arg(batch->count(Outcome::NeedsReview))
                 .arg(batch->count(Outcome::Rejected))
                 .arg(batch->count(Outcome::CouldNotVerify))
                 .arg(batch->count(Outcome::NotVerified))
          << Qt::endl;
    const QString batchError =
        batch->error() == Job::Error::NoError ? QString() : batch->errorString();
    delete batch;
    if (!batchError.isEmpty()) {
        m_err << batchError << Qt::endl;
        return 1;
    }

    if (!pdfPath.isEmpty()) {
        ReportService &reports = *m_context->reports();
        const StoreResult<DaySheetData> data = await(reports.daySheet(day));
        if (!data) {
            m_err << data.error() << Qt::endl;
            return 1;
        }
        const StoreResult<QString> saved = await(reports.exportPdf(*data, pdfPath));
        if (!saved) {
            m_err << saved.error() << Qt::endl;
            return 1;
        }
        m_out << QCoreApplication::translate("Headless", "Day sheet saved to %1").arg(pdfPath)
              << Qt::endl;
    }
    return failed > 0 ? 1 : 0;
}

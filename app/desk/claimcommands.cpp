// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "claimcommands.h"

#include "deskcontext.h"
#include "headlesssupport.h"
#include "services/claims/adjustmentcodes.h"
#include "services/claims/claimdashboardservice.h"
#include "services/claims/claimfileservice.h"
#include "services/claims/claimpreparer.h"
#include "services/claims/claimservice.h"
#include "services/claims/claimsubmitter.h"
#include "services/claims/claimsync.h"
#include "services/claims/claimvalidator.h"
#include "services/claims/servicelinespec.h"
#include "services/eligibility/batchverification.h"
#include "services/eligibility/eligibilityservice.h"
#include "services/patients/patientservice.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

using Headless::await;

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ClaimCommands)
};

bool endedBadly(ClaimStatus status)
{
    return status == ClaimStatus::Rejected || status == ClaimStatus::Denied ||
           status == ClaimStatus::Error;
}

//! The payor has answered: anything past queued and submitted.
bool answered(ClaimStatus status)
{
    return status != ClaimStatus::Queued && status != ClaimStatus::Submitted;
}
} // namespace

QString ClaimCommands::claimLine(const Claim &claim)
{
    QString line = QStringLiteral("%1  %2  %3  %4  ")
                       .arg(claim.claimNumber, claim.patientName, claim.payerName,
                            claim.dateOfService.toString(Qt::ISODate));
    line += Tr::tr("billed %1").arg(formatCents(claim.totalChargeCents()));
    if (claim.paidCents || claim.patientResponsibilityCents ||
        claim.status == ClaimStatus::Paid || claim.status == ClaimStatus::PartiallyPaid) {
        line += QStringLiteral("  ") + Tr::tr("paid %1").arg(formatCents(claim.paidCents));
        line += QStringLiteral("  ") +
                Tr::tr("patient %1").arg(formatCents(claim.patientResponsibilityCents));
    }
    line += QStringLiteral("  ") + claimStatusName(claim.status);
    if (!claim.payerClaimId.isEmpty())
        line += QStringLiteral(" (%1)").arg(claim.payerClaimId);
    if (!claim.payerMessage.isEmpty() && (endedBadly(claim.status) ||
                                          claim.status == ClaimStatus::Pended))
        line += QStringLiteral(" — ") + claim.payerMessage.section(QLatin1Char('\n'), 0, 0);
    return line;
}

std::optional<Claim> ClaimCommands::waitFor(qint64 claimId, bool decided, int seconds)
{
    ClaimService &claims = *m_context->claims();
    std::optional<Claim> last;
    const auto done = [decided](const Claim &claim) {
        return decided ? !claimStatusIsOpen(claim.status) : answered(claim.status);
    };
    const StoreResult<std::optional<Claim>> now = await(claims.find(claimId));
    if (now && now->has_value())
        last = **now;
    if (last && done(*last))
        return last;
    QEventLoop loop;
    QObject::connect(&claims, &ClaimService::claimChanged, &loop, [&](const Claim &claim) {
        if (claim.id != claimId)
            return;
        last = claim;
        if (done(claim))
            loop.quit();
    });
    // A desk without the hub (or a webhook lost on the way) still hears the decision: the
    // payor is asked every few seconds while waiting.
    QTimer ask;
    ask.setInterval(5000);
    ClaimSync *sync = m_context->claimSync();
    QObject::connect(&ask, &QTimer::timeout, &loop, [sync, &last] {
        if (sync && last && last->status == ClaimStatus::Pended)
            sync->syncNow();
    });
    ask.start();
    QTimer::singleShot(seconds * 1000, &loop, &QEventLoop::quit);
    loop.exec();
    return last;
}

void ClaimCommands::printRemittance(qint64 claimId)
{
    const auto remittances = await(m_context->claims()->remittances(claimId));
    if (!remittances || remittances->isEmpty())
        return;
    const AdjustmentCodes &codes = AdjustmentCodes::builtIn();
    const Remittance &r = remittances->last().remittance;
    for (qsizetype i = 0; i < r.lines.size(); ++i) {
        const RemittanceLine &line = r.lines.at(i);
        m_out << QStringLiteral("  %1 %2: ").arg(i + 1).arg(line.procedureCode)
              << Tr::tr("billed %1, allowed %2, paid %3")
                     .arg(formatCents(line.billedCents), formatCents(line.allowedCents),
                          formatCents(line.paidCents))
              << Qt::endl;
        for (const RemittanceAdjustment &adjustment : line.adjustments)
            m_out << QStringLiteral("      %1-%2 %3  %4")
                         .arg(adjustment.group, adjustment.reason,
                              formatCents(adjustment.amountCents),
                              codes.describe(adjustment.group, adjustment.reason))
                  << Qt::endl;
        for (const QString &remark : line.remarks)
            m_out << QStringLiteral("      %1  %2").arg(remark, codes.describeRemark(remark))
                  << Qt::endl;
    }
    for (const RemittanceAdjustment &adjustment : r.claimAdjustments)
        m_out << QStringLiteral("  %1-%2 %3  %4")
                     .arg(adjustment.group, adjustment.reason, formatCents(adjustment.amountCents),
                          codes.describe(adjustment.group, adjustment.reason))
              << Qt::endl;
}

int ClaimCommands::submit(const SubmitArguments &arguments)
{
    int exitCode = 0;
    const std::optional<Patient> patient =
        Headless::findPatient(*m_context->patients(), arguments.patient, m_err, &exitCode);
    if (!patient)
        return exitCode;
    const QDate dateOfService =
        arguments.dateOfService.isValid() ? arguments.dateOfService : QDate::currentDate();
    ClaimPreparer &preparer = *m_context->claimPreparer();
    const StoreResult<ClaimStart> start = await(preparer.forPatient(patient->id, dateOfService));
    if (!start) {
        m_err << start.error() << Qt::endl;
        return 1;
    }
    Claim claim = start->claim;
    if (start->coverages.isEmpty()) {
        m_err << Tr::tr("%1 has no active insurance on file; a claim needs one.")
                     .arg(patient->displayName())
              << Qt::endl;
        return 1;
    }
    for (const QString &dx : arguments.diagnoses)
        claim.diagnoses.append({icd10Stored(dx), {}});
    for (const QString &spec : arguments.lines) {
        QString error;
        const auto line = ServiceLineSpec::parse(spec, int(claim.diagnoses.size()), &error);
        if (!line) {
            m_err << error << Qt::endl;
            return 2;
        }
        claim.lines.append(*line);
    }

    StoreResult<ClaimCheckData> check = await(preparer.checkData(claim));
    if (check && check->coverage == ClaimValidator::Coverage::NotVerified) {
        // As the desk would: verify the coverage for the date of service before billing it.
        VerifyOptions options;
        options.serviceDate = dateOfService;
        BatchVerification *batch = m_context->eligibility()->verifyPatient(patient->id, options);
        batch->setAutoDelete(false);
        QEventLoop loop;
        QObject::connect(batch, &Job::finished, &loop, &QEventLoop::quit);
        batch->start();
        if (!batch->isFinished())
            loop.exec();
        delete batch;
        check = await(preparer.checkData(claim));
    }
    if (!check) {
        m_err << check.error() << Qt::endl;
        return 1;
    }
    const ClaimValidator validator(
        ClaimPreparer::context(*check, m_context->timelyFilingDays()));
    const QList<ClaimIssue> issues = validator.validate(claim);
    bool blocked = false;
    for (const ClaimIssue &issue : issues) {
        const bool overridden = issue.needsOverrideReason && !arguments.overrideReason.isEmpty();
        if (issue.severity == ClaimIssue::Severity::Error)
            blocked = true;
        else if (issue.needsOverrideReason && !overridden)
            blocked = true;
        m_err << (issue.severity == ClaimIssue::Severity::Error ? Tr::tr("error")
                                                                : Tr::tr("warning"))
              << QStringLiteral(" [%1]: %2").arg(issue.field, issue.message);
        if (issue.needsOverrideReason && !overridden)
            m_err << QLatin1Char(' ')
                  << Tr::tr("(send anyway with --override \"reason\")");
        m_err << Qt::endl;
    }
    if (blocked)
        return 2;
    const bool overridesCoverage = std::any_of(issues.cbegin(), issues.cend(), [](const auto &i) {
        return i.needsOverrideReason;
    });
    if (overridesCoverage) {
        claim.coverageOverrideBy = m_context->user();
        claim.coverageOverrideReason = arguments.overrideReason;
    }

    if (!m_context->claimSubmitter()) {
        m_err << Tr::tr("No payor is set up (Settings, Payor); the claim was not sent.")
              << Qt::endl;
        return 1;
    }
    const StoreResult<Claim> queued = await(m_context->claims()->queue(
        claim, {m_context->providerId(), m_context->providerName()}));
    if (!queued) {
        m_err << queued.error() << Qt::endl;
        return 1;
    }
    m_context->startClaimWork(false);
    const std::optional<Claim> last =
        waitFor(queued->id, arguments.wait, arguments.wait ? arguments.waitSeconds : 60);
    const Claim shown = last.value_or(*queued);
    m_out << claimLine(shown) << Qt::endl;
    if (shown.status == ClaimStatus::Paid || shown.status == ClaimStatus::PartiallyPaid ||
        shown.status == ClaimStatus::Denied)
        printRemittance(shown.id);
    if (arguments.wait && claimStatusIsOpen(shown.status)) {
        m_err << Tr::tr("No decision from the payor within %n seconds; the claim stays %1.",
                        nullptr, arguments.waitSeconds)
                     .arg(claimStatusName(shown.status).toLower())
              << Qt::endl;
        return 1;
    }
    return endedBadly(shown.status) ? 1 : 0;
}

int ClaimCommands::list(const QStringList &statuses, const QDate &since, const QString &csvPath)
{
    ClaimListFilter filter;
    for (const QString &key : statuses) {
        if (key == QLatin1String("open")) {
            for (ClaimStatus status : allClaimStatuses()) {
                if (claimStatusIsOpen(status))
                    filter.statuses.insert(status);
            }
        } else if (const auto status = claimStatusFromKey(key)) {
            filter.statuses.insert(*status);
        } else {
            QStringList known{QStringLiteral("open")};
            for (ClaimStatus status : allClaimStatuses())
                known << claimStatusKey(status);
            m_err << Tr::tr("\"%1\" is not a claim status; use one of: %2")
                         .arg(key, known.join(QStringLiteral(", ")))
                  << Qt::endl;
            return 2;
        }
    }
    filter.serviceFrom = since;
    ClaimDashboardService &dashboard = *m_context->claimDashboard();
    bool bad = false;
    qint64 listed = 0;
    ClaimListCursor after;
    // A page at a time: a million claims are printed without being held.
    for (;;) {
        const auto page = await(dashboard.page(filter, 500, after));
        if (!page) {
            m_err << page.error() << Qt::endl;
            return 1;
        }
        for (const ClaimListRow &row : page->rows) {
            QString line = QStringLiteral("%1  %2  %3  %4  ")
                               .arg(row.claimNumber, row.patientName, row.payerName,
                                    row.dateOfService.toString(Qt::ISODate));
            line += Tr::tr("billed %1").arg(formatCents(row.billedCents)) +
                    QStringLiteral("  ") + Tr::tr("paid %1").arg(formatCents(row.paidCents)) +
                    QStringLiteral("  ") +
                    Tr::tr("patient %1").arg(formatCents(row.patientResponsibilityCents)) +
                    QStringLiteral("  ") + claimStatusName(row.status);
            if (!row.payerClaimId.isEmpty())
                line += QStringLiteral(" (%1)").arg(row.payerClaimId);
            m_out << line << '\n';
            bad = bad || endedBadly(row.status);
            ++listed;
        }
        if (!page->hasMore)
            break;
        after = page->next;
    }
    m_out << Tr::tr("%n claims", nullptr, int(std::min<qint64>(listed, INT_MAX))) << Qt::endl;
    if (!csvPath.isEmpty()) {
        const auto written = await(dashboard.exportCsv(filter, csvPath));
        if (!written) {
            m_err << written.error() << Qt::endl;
            return 1;
        }
        m_out << Tr::tr("%n claims written to %1.", nullptr, int(*written)).arg(csvPath)
              << Qt::endl;
    }
    return bad ? 1 : 0;
}

int ClaimCommands::sync()
{
    ClaimSync *sync = m_context->claimSync();
    if (!sync) {
        m_err << Tr::tr("No payor is set up (Settings, Payor); nothing to sync with.")
              << Qt::endl;
        return 1;
    }
    QList<Claim> changed;
    QEventLoop loop;
    ClaimSync::Summary summary;
    QObject::connect(m_context->claims(), &ClaimService::claimChanged, &loop,
                     [&changed](const Claim &claim) {
                         changed.removeIf([&](const Claim &c) { return c.id == claim.id; });
                         changed.append(claim);
                     });
    QObject::connect(sync, &ClaimSync::syncFinished, &loop,
                     [&](const ClaimSync::Summary &finished) {
                         summary = finished;
                         loop.quit();
                     });
    sync->syncNow();
    if (sync->isSyncing())
        loop.exec();
    for (const Claim &claim : std::as_const(changed))
        m_out << claimLine(claim) << Qt::endl;
    m_out << Tr::tr("Asked the payor about %n open claims", nullptr, summary.asked) << QStringLiteral("; ")
          << Tr::tr("%n changed.", nullptr, summary.changed) << Qt::endl;
    for (const QString &error : std::as_const(summary.errors))
        m_err << error << Qt::endl;
    const bool bad = std::any_of(changed.cbegin(), changed.cend(),
                                 [](const Claim &c) { return endedBadly(c.status); });
    return bad || !summary.errors.isEmpty() ? 1 : 0;
}

int ClaimCommands::export837(const QDate &since, const QString &path)
{
    const auto exported = await(m_context->claimFiles()->export837({}, since, {}, path));
    if (!exported) {
        m_err << exported.error() << Qt::endl;
        return 1;
    }
    for (const QString &number : exported->claimNumbers)
        m_out << number << Qt::endl;
    m_out << Tr::tr("%n claims written to %1 (837P, %2 segments).", nullptr, exported->claims)
                 .arg(path)
                 .arg(exported->segments)
          << Qt::endl;
    return 0;
}

int ClaimCommands::importRemittance(const QString &path)
{
    const auto imported = await(m_context->claimFiles()->importRemittance(path));
    if (!imported) {
        m_err << imported.error() << Qt::endl;
        return 1;
    }
    for (const QString &line : imported->lines)
        m_out << line << Qt::endl;
    for (const QString &warning : imported->warnings)
        m_err << warning << Qt::endl;
    m_out << Tr::tr("%n remittances read", nullptr, imported->read) << QStringLiteral(": ")
          << Tr::tr("%n applied to our claims", nullptr, imported->applied) << QStringLiteral(", ")
          << Tr::tr("%n not ours (kept)", nullptr, imported->unmatched) << QStringLiteral(", ")
          << Tr::tr("%n not balanced", nullptr, imported->unbalanced) << QLatin1Char('.')
          << Qt::endl;
    const bool bad = std::any_of(imported->changed.cbegin(), imported->changed.cend(),
                                 [](const Claim &c) { return endedBadly(c.status); });
    return bad ? 1 : 0;
}

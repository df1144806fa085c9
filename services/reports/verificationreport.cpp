// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/reports/verificationreport.h"

#include "services/eligibility/benefitsummary.h"

#include <QCoreApplication>

using namespace BenefitSummary;

namespace ReportHtml {
namespace {
// lupdate reads the context from here; the strings are looked up under it at run time.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Report)
};

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

const char *const styleSheet = R"(
body { font-size: 9.5pt; color: #1a1a1a; }
h1 { font-size: 15pt; margin: 0; }
h2 { font-size: 12pt; margin-top: 14px; margin-bottom: 4px; border-bottom: 1px solid #999; }
.clinic { font-size: 9pt; color: #444; }
.training { color: #b00000; font-weight: bold; }
table.fields td { padding: 1px 10px 1px 0; }
td.label { color: #555; }
table.grid { border-collapse: collapse; margin-top: 4px; }
table.grid th { background-color: #e8e8e8; text-align: left; padding: 3px 6px; border: 1px solid #aaa; }
table.grid td { padding: 3px 6px; border: 1px solid #aaa; }
.verdict { font-weight: bold; font-size: 12pt; }
.reason { color: #8a1c1c; }
.muted { color: #666; }
)";

QString header(const ClinicInfo &clinic, const QString &title, bool training)
{
    QString html;
    html += QStringLiteral(
        "<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\"><tr><td width=\"65%\">");
    html += QStringLiteral("<h1>%1</h1>").arg(esc(title));
    html += QStringLiteral("</td><td align=\"right\" "
                           "class=\"clinic\"><b>%1</b><br/>%2<br/>%3<br/>%4</td></tr></table>")
                .arg(esc(clinic.name), esc(clinic.addressLine), esc(clinic.cityStateZip),
                     esc(QCoreApplication::translate("Report", "Phone %1").arg(clinic.phone)));
    if (training) {
        html += QStringLiteral("<p class=\"training\">%1</p>")
                    .arg(esc(Tr::tr("TRAINING — simulated payer answers, not for patient use.")));
    }
    return html;
}

QString field(const QString &label, const QString &value)
{
    return QStringLiteral("<tr><td class=\"label\">%1</td><td>%2</td></tr>\n")
        .arg(esc(label), value.isEmpty() ? QStringLiteral("—") : esc(value));
}

QString personLine(const QString &first, const QString &last, const QDate &dob)
{
    QString text = first + QLatin1Char(' ') + last;
    if (dob.isValid())
        text += QStringLiteral(" (") +
                QCoreApplication::translate("Report", "DOB %1").arg(formatDate(dob)) +
                QLatin1Char(')');
    return text;
}

QString relationshipText(SubscriberRelationship relationship)
{
    switch (relationship) {
    case SubscriberRelationship::Self:
        return Tr::tr("Self");
    case SubscriberRelationship::Spouse:
        return Tr::tr("Spouse");
    case SubscriberRelationship::Child:
        return Tr::tr("Child");
    case SubscriberRelationship::Other:
        break;
    }
    return Tr::tr("Other");
}

QString benefitsTable(const EligibilityResult &result)
{
    const QList<BenefitRow> benefitRows = rows(result);
    if (benefitRows.isEmpty())
        return QStringLiteral("<p class=\"muted\">%1</p>")
            .arg(esc(Tr::tr("The payer returned no benefit details.")));
    QString html = QStringLiteral("<table class=\"grid\" width=\"100%\" cellspacing=\"0\"><tr>");
    const std::pair<const char *, int> headings[] = {{QT_TRANSLATE_NOOP("Report", "Benefit"), 15},
                                                     {QT_TRANSLATE_NOOP("Report", "Service"), 19},
                                                     {QT_TRANSLATE_NOOP("Report", "Network"), 13},
                                                     {QT_TRANSLATE_NOOP("Report", "Level"), 11},
                                                     {QT_TRANSLATE_NOOP("Report", "Amount"), 17},
                                                     {QT_TRANSLATE_NOOP("Report", "Remaining"), 14},
                                                     {QT_TRANSLATE_NOOP("Report", "Notes"), 11}};
    for (const auto &[heading, percent] : headings)
        html += QStringLiteral("<th width=\"%1%\">%2</th>").arg(percent).arg(esc(Tr::tr(heading)));
    html += QStringLiteral("</tr>\n");
    for (const BenefitRow &row : benefitRows) {
        html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td><td>%6</"
                               "td><td>%7</td></tr>\n")
                    .arg(esc(row.category), esc(row.service), esc(row.network), esc(row.level),
                         esc(row.amount), esc(row.remaining), esc(row.notes));
    }
    html += QStringLiteral("</table>");
    return html;
}

QString coverageSection(const VerificationReportData::Item &item, const Patient &patient)
{
    const Coverage &c = item.coverage;
    const std::optional<EligibilityResult> result =
        item.verification ? item.verification->result : std::nullopt;
    std::optional<Verification> attempt = item.verification;
    if (attempt)
        attempt->status = item.status; // the effective status (expiry applied)
    const Verdict v = attempt ? verdict(*attempt) : Verdict::None;
    QString html;
    html +=
        QStringLiteral("<h2>%1 — %2</h2>\n").arg(esc(coverageOrderName(c.order)), esc(c.payerName));
    html += QStringLiteral("<p><span class=\"verdict\" style=\"color:%1\">%2</span>")
                .arg(verdictColor(v).name(),
                     esc(attempt ? statusText(*attempt) : verdictText(Verdict::None)));
    if (result && !result->planName.isEmpty())
        html += QStringLiteral(" &nbsp; %1").arg(esc(result->planName));
    html += QStringLiteral("</p>\n");

    html += QStringLiteral("<table class=\"fields\" cellspacing=\"0\">\n");
    if (c.patientIsSubscriber()) {
        html += field(Tr::tr("Subscriber"),
                      personLine(patient.firstName, patient.lastName, patient.dateOfBirth) +
                          QStringLiteral(" — ") + Tr::tr("Self"));
    } else {
        html +=
            field(Tr::tr("Subscriber"), personLine(c.subscriber.firstName, c.subscriber.lastName,
                                                   c.subscriber.dateOfBirth) +
                                            QStringLiteral(" — ") +
                                            QCoreApplication::translate("Report", "patient is %1")
                                                .arg(relationshipText(c.relationship).toLower()));
    }
    html +=
        field(Tr::tr("Payer"), c.payerName + QStringLiteral(" (") + c.payerId + QLatin1Char(')'));
    html += field(Tr::tr("Member ID"), c.memberId);
    QString group = result && !result->groupNumber.isEmpty() ? result->groupNumber : c.groupNumber;
    if (result && !result->groupName.isEmpty())
        group += QStringLiteral(" — ") + result->groupName;
    html += field(Tr::tr("Group"), group);
    html += field(Tr::tr("Plan"),
                  result && !result->planName.isEmpty() ? result->planName : c.planName);
    if (result)
        html += field(Tr::tr("Coverage dates"),
                      dateRangeText(result->coverageBegin(), result->coverageEnd()));
    if (item.verification) {
        const Verification &ver = *item.verification;
        // "Verified" only when the payer answered; a refusal or no answer is an attempt.
        const bool answered = payerAnswered(ver.status);
        html +=
            field(answered ? Tr::tr("Verified at") : Tr::tr("Attempted at"),
                  formatDateTime(ver.completedAt.isValid() ? ver.completedAt : ver.requestedAt));
        html += field(answered ? Tr::tr("Verified by") : Tr::tr("Attempted by"), ver.user);
        html += field(Tr::tr("Date of service"), formatDate(ver.serviceDate));
        html += field(Tr::tr("Trace number"), ver.traceNumber);
        html += field(Tr::tr("Status"), attempt ? statusText(*attempt) : QString());
        if (item.collect) {
            //: Collect today: the amount, then how it was worked out
            html +=
                field(Tr::tr("Collect today"),
                      Tr::tr("%1 — %2").arg(item.collect->amountText(), item.collect->explanation));
        }
        if (result && result->isActive()) {
            for (const auto kind :
                 {Accumulator::Kind::Deductible, Accumulator::Kind::OutOfPocket}) {
                for (const Accumulator &a : Accumulators::find(*result, kind))
                    html += field(accumulatorName(a), accumulatorText(a));
            }
        }
    } else {
        html += field(Tr::tr("Verified at"), Tr::tr("Not verified yet"));
    }
    html += QStringLiteral("</table>");

    if (item.verification && !item.verification->errorMessage.isEmpty()) {
        const bool failed = item.verification->status == VerificationStatus::Failed;
        html +=
            QStringLiteral("<p class=\"reason\"><b>%1</b><br/>%2</p>")
                .arg(esc(failed ? Tr::tr("Why it failed and what to do") : Tr::tr("Needs review")),
                     esc(item.verification->errorMessage)
                         .replace(QLatin1Char('\n'), QStringLiteral("<br/>")));
    }
    if (result) {
        for (const AaaRejection &r : result->rejections) {
            html += QStringLiteral(
                        "<p class=\"reason\">%1 %2 <span class=\"muted\">(AAA %3, %4)</span></p>")
                        .arg(esc(r.reason()), esc(r.whatToFix()), esc(r.code), esc(r.loop));
        }
        if (result->isActive() || result->status == EligibilityResult::Status::Inactive)
            html += benefitsTable(*result);
        for (const RelatedEntity &payer : result->otherPayers) {
            html += QStringLiteral("<p>%1</p>")
                        .arg(esc(QCoreApplication::translate("Report", "Other coverage: %1")
                                     .arg(payer.roleText())));
        }
        if (!result->messages.isEmpty()) {
            html += QStringLiteral("<p class=\"muted\">%1</p>")
                        .arg(esc(QCoreApplication::translate("Report", "Payer messages: %1")
                                     .arg(result->messages.join(QStringLiteral("; ")))));
        }
    }
    return html;
}

QString document(const QString &title, const QString &body)
{
    return QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"/><title>%1</title>"
                          "<style>%2</style></head><body>\n%3</body></html>\n")
        .arg(esc(title), QLatin1String(styleSheet), body);
}

QString footerLine(const QDateTime &printedAt, const QString &printedBy)
{
    return QStringLiteral("<p class=\"muted\">%1</p>\n")
        .arg(esc(QCoreApplication::translate("Report", "Printed %1 by %2.")
                     .arg(formatDateTime(printedAt), printedBy)));
}
} // namespace

QString verificationReportTitle(const VerificationReportData &data)
{
    return QCoreApplication::translate("Report", "Insurance Verification — %1")
        .arg(data.patient.displayName());
}

QString verificationReport(const VerificationReportData &data)
{
    const Patient &p = data.patient;
    QString body = header(data.clinic, Tr::tr("Insurance Verification Report"), data.training);
    body += QStringLiteral("<h2>%1</h2>\n<table class=\"fields\" cellspacing=\"0\">\n")
                .arg(esc(Tr::tr("Patient")));
    body += field(Tr::tr("Name"), p.displayName());
    body += field(Tr::tr("Date of birth"), formatDate(p.dateOfBirth));
    body += field(Tr::tr("Sex"), genderCode(p.gender));
    body += field(Tr::tr("MRN"), p.mrn);
    QString address = p.address.line1;
    if (!p.address.city.isEmpty())
        address += QStringLiteral(", ") + p.address.city + QStringLiteral(", ") + p.address.state +
                   QLatin1Char(' ') + p.address.zip;
    body += field(Tr::tr("Address"), address);
    if (data.visitToday) {
        const Appointment &visit = *data.visitToday;
        //: Today's visit: time, visit type, provider
        body += field(Tr::tr("Visit today"),
                      Tr::tr("%1, %2 with %3")
                          .arg(formatTime(visit.start.toLocalTime().time()),
                               visit.visitType.isEmpty() ? Tr::tr("visit") : visit.visitType,
                               visit.provider));
    } else {
        body += field(Tr::tr("Visit today"), Tr::tr("None booked"));
    }
    body += QStringLiteral("</table>\n");
    if (data.items.isEmpty())
        body +=
            QStringLiteral("<p>%1</p>").arg(esc(Tr::tr("The patient has no insurance on file.")));
    for (const auto &item : data.items)
        body += coverageSection(item, p) + QLatin1Char('\n');
    body += footerLine(data.printedAt, data.printedBy);
    return document(verificationReportTitle(data), body);
}

QString daySheetTitle(const DaySheetData &data)
{
    return QCoreApplication::translate("Report", "Day Sheet — %1").arg(formatDate(data.day));
}

QString daySheet(const DaySheetData &data)
{
    QString body = header(data.clinic, daySheetTitle(data), data.training);
    int active = 0;
    int attention = 0;
    QString rowsHtml;
    for (const DaySheetData::Row &row : data.rows) {
        const std::optional<EligibilityResult> result =
            row.verification ? row.verification->result : std::nullopt;
        const Verdict v = row.verification ? verdict(row.status, result) : Verdict::None;
        if (v == Verdict::Active)
            ++active;
        else
            ++attention;
        // What to collect, with its basis under it; the reason goes to the notes when it
        // cannot be worked out.
        QString collect;
        QString collectNote;
        if (const auto found = data.collect.constFind(row.appointment.id);
            found != data.collect.cend() && v == Verdict::Active) {
            collect = QStringLiteral("<b>%1</b><br/><span class=\"muted\">%2</span>")
                          .arg(esc(found->amountText()), esc(found->basisText()));
            if (!found->isKnown())
                collectNote = found->explanation;
        }
        QString payer =
            row.coverage ? row.coverage->payerName + QStringLiteral(" · ") + row.coverage->memberId
                         : Tr::tr("No insurance on file");
        QString note;
        if (row.verification && row.verification->status != VerificationStatus::Verified)
            note = row.verification->errorMessage.section(QLatin1Char('\n'), 0, 0);
        else if (v == Verdict::Expired)
            note = Tr::tr("Verify again before the visit.");
        if (!collectNote.isEmpty())
            note = note.isEmpty() ? collectNote : note + QLatin1Char(' ') + collectNote;
        rowsHtml +=
            QStringLiteral("<tr><td style=\"white-space: nowrap\">%1</td><td><b>%2</b><br/><span "
                           "class=\"muted\">%3</span></td>"
                           "<td>%4<br/><span class=\"muted\">%5</span></td><td>%6</td>"
                           "<td style=\"color:%7; white-space: nowrap\"><b>%8</b></td><td "
                           "align=\"right\">%9</td><td>%10</td></tr>\n")
                .arg(esc(formatTime(row.appointment.start.toLocalTime().time())),
                     esc(row.patient.displayName()),
                     esc(QCoreApplication::translate("Report", "DOB %1")
                             .arg(formatDate(row.patient.dateOfBirth))),
                     esc(row.appointment.provider), esc(row.appointment.visitType), esc(payer),
                     verdictColor(v).name(),
                     esc(verdictText(v, row.verification ? row.verification->aaaCodes
                                                         : QStringList())),
                     collect)
                .arg(esc(note));
    }
    body += QStringLiteral("<p>%1</p>")
                .arg(esc(QCoreApplication::translate("Report", "%n appointments: ", nullptr,
                                                     int(data.rows.size())) +
                         QCoreApplication::translate("Report", "%1 active, %2 need attention.")
                             .arg(active)
                             .arg(attention)));
    body += QStringLiteral("<table class=\"grid\" width=\"100%\" cellspacing=\"0\"><tr>");
    const std::pair<const char *, int> headings[] = {
        {QT_TRANSLATE_NOOP("Report", "Time"), 8},
        {QT_TRANSLATE_NOOP("Report", "Patient"), 17},
        {QT_TRANSLATE_NOOP("Report", "Provider / visit"), 15},
        {QT_TRANSLATE_NOOP("Report", "Insurance"), 18},
        {QT_TRANSLATE_NOOP("Report", "Coverage"), 10},
        {QT_TRANSLATE_NOOP("Report", "Collect"), 9},
        {QT_TRANSLATE_NOOP("Report", "Notes"), 23}};
    for (const auto &[heading, percent] : headings)
        body += QStringLiteral("<th width=\"%1%\">%2</th>").arg(percent).arg(esc(Tr::tr(heading)));
    body += QStringLiteral("</tr>\n") + rowsHtml + QStringLiteral("</table>\n");
    if (data.rows.isEmpty())
        body += QStringLiteral("<p>%1</p>").arg(esc(Tr::tr("No appointments on this day.")));
    body += footerLine(data.printedAt, data.printedBy);
    return document(daySheetTitle(data), body);
}
} // namespace ReportHtml

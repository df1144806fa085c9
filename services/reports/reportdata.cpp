// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/reports/reportdata.h"

#include "services/eligibility/eligibilityservice.h"

VerificationReportData VerificationReportData::forPatient(const EligibilityService &service,
                                                          qint64 patientId)
{
    const EligibilityService &s = service;
    VerificationReportData data;
    data.printedAt = service.now();
    data.printedBy = service.settings().user;
    if (const auto patient = s.patients().find(patientId))
        data.patient = *patient;
    for (const Coverage &coverage : s.coverages().forPatient(patientId)) {
        Item item;
        item.coverage = coverage;
        item.verification = service.latest(coverage.id);
        if (item.verification)
            item.status = item.verification->status;
        data.items.append(item);
    }
    return data;
}

DaySheetData DaySheetData::forDay(const EligibilityService &service, const QDate &day)
{
    const EligibilityService &s = service;
    DaySheetData data;
    data.day = day;
    data.printedAt = service.now();
    data.printedBy = service.settings().user;
    QList<qint64> coverageIds;
    for (const Appointment &appointment : s.appointments().forDay(day)) {
        Row row;
        row.appointment = appointment;
        if (const auto patient = s.patients().find(appointment.patientId))
            row.patient = *patient;
        for (const Coverage &coverage : s.coverages().forPatient(appointment.patientId)) {
            if (coverage.active) {
                row.coverage = coverage;
                coverageIds.append(coverage.id);
                break;
            }
        }
        data.rows.append(row);
    }
    // One query for every row's latest answer rather than one per row.
    const QHash<qint64, Verification> latest = service.latestFor(coverageIds);
    for (Row &row : data.rows) {
        if (!row.coverage)
            continue;
        const auto found = latest.constFind(row.coverage->id);
        if (found != latest.cend()) {
            row.verification = *found;
            row.status = found->status;
        }
    }
    return data;
}

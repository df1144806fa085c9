// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/clinic.h"
#include "services/domain/coverage.h"
#include "services/domain/patient.h"
#include "services/domain/verification.h"
#include "services/eligibility/scheduleentry.h"

#include <QDate>
#include <QDateTime>
#include <QList>

#include <optional>

//! What a printed verification report shows: one patient, each coverage with its latest answer.
struct VerificationReportData
{
    struct Item
    {
        Coverage coverage;
        std::optional<Verification> verification;                // latest attempt, if any
        VerificationStatus status = VerificationStatus::Pending; // effective status
    };
    ClinicInfo clinic;
    Patient patient;
    QList<Item> items;
    QDateTime printedAt; // UTC
    QString printedBy;
    bool training = false;
};

//! What the day sheet shows: a day's appointments with coverage status and patient copay.
struct DaySheetData
{
    using Row = ScheduleEntry;
    ClinicInfo clinic;
    QDate day;
    QList<Row> rows;
    QDateTime printedAt;
    QString printedBy;
    bool training = false;
};

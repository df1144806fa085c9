// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/clinic.h"
#include "services/domain/coverage.h"
#include "services/domain/patient.h"
#include "services/domain/verification.h"
#include "services/eligibility/collecttoday.h"
#include "services/eligibility/scheduleentry.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
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
        std::optional<CollectToday> collect; // what to collect today, for an active answer
    };
    ClinicInfo clinic;
    Patient patient;
    QList<Item> items;
    std::optional<Appointment> visitToday; // the visit the collect estimate is for, if booked
    QDateTime printedAt;                   // UTC
    QString printedBy;
    bool training = false;
};

//! What the day sheet shows: a day's appointments with coverage status and what to collect.
struct DaySheetData
{
    using Row = ScheduleEntry;
    ClinicInfo clinic;
    QDate day;
    QList<Row> rows;
    QHash<qint64, CollectToday> collect; // by appointment id, for rows with an active answer
    QDateTime printedAt;
    QString printedBy;
    bool training = false;
};

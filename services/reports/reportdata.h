// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/appointment.h"
#include "services/domain/clinic.h"
#include "services/domain/coverage.h"
#include "services/domain/patient.h"
#include "services/domain/verification.h"

#include <QDate>
#include <QDateTime>
#include <QList>

#include <optional>

class EligibilityService;

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

    //! Gathers a patient's coverages and their latest verifications.
    static VerificationReportData forPatient(const EligibilityService &service, qint64 patientId);
};

//! What the day sheet shows: a day's appointments with coverage status and patient copay.
struct DaySheetData
{
    struct Row
    {
        Appointment appointment;
        Patient patient;
        std::optional<Coverage> coverage; // the primary (first active) coverage
        std::optional<Verification> verification;
        VerificationStatus status = VerificationStatus::Pending;
    };
    ClinicInfo clinic;
    QDate day;
    QList<Row> rows;
    QDateTime printedAt;
    QString printedBy;
    bool training = false;

    static DaySheetData forDay(const EligibilityService &service, const QDate &day);
};

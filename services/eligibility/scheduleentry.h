// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/appointment.h"
#include "services/domain/coverage.h"
#include "services/domain/patient.h"
#include "services/domain/verification.h"

#include <QList>

#include <optional>

//! One appointment of a day's schedule with its patient, the primary (first active) coverage
//! and that coverage's latest answer, as the front desk's schedule and the day sheet show it.
struct ScheduleEntry
{
    Appointment appointment;
    Patient patient;
    std::optional<Coverage> coverage;         // the first active coverage, if any
    QList<qint64> activeCoverageIds;          // every active coverage (batch verifies them all)
    std::optional<Verification> verification; // latest answer for `coverage`, without raw X12
    VerificationStatus status = VerificationStatus::Pending; // effective status of it
};

//! What a finished verification was about, for lists that name the patient and payer.
struct VerificationOutcome
{
    Verification verification;
    Patient patient;
    Coverage coverage;
    bool reused = false; // a recent answer was given instead of asking the payer
};

//! A coverage with its patient, for lists that name what a batch verifies.
struct CoverageSubject
{
    Coverage coverage;
    Patient patient;
};

//! A coverage with its latest answer, as the patient page lists them.
struct CoverageStatus
{
    Coverage coverage;
    std::optional<Verification> latest; // without raw X12, effective status applied
    QDateTime lastVerifiedAt;           // the payer's last answer about it (UTC); null if none
};

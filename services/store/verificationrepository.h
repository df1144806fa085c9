// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/verification.h"
#include "services/store/storeerror.h"

#include <QDateTime>
#include <QHash>
#include <QList>

#include <optional>

//! Every verification attempt with what was sent and received. Removing a coverage keeps its
//! attempts in the patient's history; they then read back with coverageId 0.
class VerificationRepository
{
public:
    explicit VerificationRepository(QString connectionName)
        : m_connection(std::move(connectionName))
    {
    }

    //! Inserts (id == 0) or updates every column; the parsed result is stored as JSON.
    StoreResult<Verification> save(const Verification &verification);
    std::optional<Verification> find(qint64 id) const;
    //! The newest attempt for a coverage (by requested_at, then id).
    std::optional<Verification> latestForCoverage(qint64 coverageId) const;
    //! Every attempt for a coverage, newest first.
    QList<Verification> historyForCoverage(qint64 coverageId) const;
    //! Every attempt for a patient, newest first.
    QList<Verification> historyForPatient(qint64 patientId) const;
    //! Attempts requested in [from, to), newest first; without raw X12 when `withRaw` is false.
    QList<Verification> between(const QDateTime &from, const QDateTime &to,
                                bool withRaw = false) const;
    //! Sets status to expired for verified/manual_review rows completed before `verifiedBefore`
    //! or whose coverage end date is before `today`; returns how many changed.
    //! The coverage end date is the plan end the payer reported in that attempt's result
    //! (EligibilityResult::coverageEnd()), stored alongside it when saved.
    int expireStale(const QDateTime &verifiedBefore, const QDate &today);

    //! The newest attempt of each coverage that has one, keyed by coverage id: one query per
    //! coverage through the (coverage_id, requested_at) index, for the schedule view.
    QHash<qint64, Verification> latestForCoverages(const QList<qint64> &coverageIds,
                                                   bool withRaw = false) const;
    //! Attempts still pending, oldest first: after a crash these were never answered.
    QList<Verification> pending() const;

private:
    QString m_connection;
};

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/verification.h"
#include "services/store/storeerror.h"

#include <QDateTime>
#include <QList>

#include <optional>

class VerificationRepository
{
public:
    explicit VerificationRepository(QString connectionName) : m_connection(std::move(connectionName)) {}

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
    QList<Verification> between(const QDateTime &from, const QDateTime &to, bool withRaw = false) const;
    //! Sets status to expired for verified/manual_review rows completed before `verifiedBefore`
    //! or whose coverage end date is before `today`; returns how many changed.
    int expireStale(const QDateTime &verifiedBefore, const QDate &today);

private:
    QString m_connection;
};

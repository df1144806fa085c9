// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/verification.h"
#include "services/domain/verificationsummary.h"
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
    //! Inserts many finished attempts in one transaction (the data generator); all or nothing.
    StoreResult<int> insertMany(const QList<Verification> &verifications);
    StoreResult<std::optional<Verification>> find(qint64 id) const;
    //! The newest attempt of a coverage that says something about it (cancelled ones do not).
    StoreResult<std::optional<Verification>> latestForCoverage(qint64 coverageId) const;
    //! latestForCoverage() for many coverages, keyed by coverage id; without the raw X12
    //! unless `withRaw`. One indexed query per coverage.
    StoreResult<QHash<qint64, Verification>> latestForCoverages(const QList<qint64> &coverageIds,
                                                                bool withRaw = false) const;
    //! When the payer last answered about each coverage (verified, needs review, or since
    //! expired): "Last Verified". Rejections, failures and cancelled attempts do not count;
    //! coverages never answered are left out.
    StoreResult<QHash<qint64, QDateTime>> lastAnsweredAt(const QList<qint64> &coverageIds) const;
    //! Every attempt for a coverage, newest first.
    StoreResult<QList<Verification>> historyForCoverage(qint64 coverageId) const;
    //! Every attempt for a patient, newest first.
    StoreResult<QList<Verification>> historyForPatient(qint64 patientId) const;
    //! Attempts requested in [from, to), newest first; without raw X12 when `withRaw` is false.
    StoreResult<QList<Verification>> between(const QDateTime &from, const QDateTime &to,
                                             bool withRaw = false) const;
    //! The newest `limit` attempts requested in [from, to) with patient and payer names.
    StoreResult<QList<VerificationActivity>> recent(const QDateTime &from, const QDateTime &to,
                                                    int limit) const;
    //! One attempt with patient and payer names (for a live update of a list).
    StoreResult<std::optional<VerificationActivity>> activity(qint64 verificationId) const;
    //! What the dashboard shows for attempts requested in [from, to), computed in SQL.
    StoreResult<VerificationAggregates> aggregates(const QDateTime &from, const QDateTime &to,
                                                   const ExpiryRule &expiry) const;
    /*!
      The answered attempts (verified, manual_review, expired) requested in [from, to) whose
      payer said the coverage is inactive, grouped as aggregates() groups them: a subset of its
      groups' counts, for the dashboard to count INACTIVE apart. Reads a range of the partial
      index verifications_inactive and only the rows in it.
     */
    StoreResult<QList<VerificationGroup>> inactiveAggregates(const QDateTime &from,
                                                             const QDateTime &to,
                                                             const ExpiryRule &expiry) const;
    //! Sets status to expired for verified/manual_review rows the rule says are stale; returns
    //! how many changed. Uses the (status, completed_at) and (status, coverage_end) indexes.
    StoreResult<int> expireStale(const ExpiryRule &expiry);
    //! Attempts still pending, oldest first: after a crash these were never answered.
    StoreResult<QList<Verification>> pending() const;

private:
    QString m_connection;
};

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/coverage.h"
#include "services/domain/verification.h"
#include "services/eligibility/scheduleentry.h"

#include <QAbstractTableModel>
#include <QSet>

#include <optional>

class EligibilityService;
class PatientService;

//! A patient's coverages (primary, secondary, tertiary) with their latest verification. Read on
//! the store's workers; verifications and coverage changes update their row in place.
class CoverageModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        OrderColumn,
        PayerColumn,
        MemberIdColumn,
        GroupColumn,
        StatusColumn,
        VerifiedColumn,
        ColumnCount
    };

    CoverageModel(EligibilityService *eligibility, PatientService *patients,
                  QObject *parent = nullptr);

    void setPatient(qint64 patientId);
    qint64 patientId() const { return m_patientId; }
    //! Reads the coverages again; rows that stayed are updated in place.
    void reload();
    bool isLoading() const { return m_loading; }
    QString errorString() const { return m_error; }
    Coverage coverageAt(int row) const { return m_rows.value(row).coverage; }
    std::optional<Verification> latestAt(int row) const { return m_rows.value(row).latest; }
    //! When the payer last answered about the coverage (UTC); null when it never did.
    QDateTime lastVerifiedAt(int row) const { return m_rows.value(row).lastVerifiedAt; }
    bool isPending(int row) const;
    int rowOfCoverage(qint64 coverageId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    //! The coverages were read (or could not be: see errorString()).
    void loaded();

private:
    void apply(const QList<CoverageStatus> &rows);
    void onVerificationStarted(const Verification &pending);
    void onVerificationFinished(const Verification &verification);

    EligibilityService *m_eligibility;
    qint64 m_patientId = 0;
    QList<CoverageStatus> m_rows;
    QSet<qint64> m_pending;
    quint64 m_generation = 0;
    bool m_loading = false;
    QString m_error;
};

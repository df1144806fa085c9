// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/coverage.h"
#include "services/domain/verification.h"

#include <QAbstractTableModel>
#include <QSet>

#include <optional>

class EligibilityService;

//! A patient's coverages (primary, secondary, tertiary) with their latest verification.
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

    explicit CoverageModel(EligibilityService *service, QObject *parent = nullptr);

    void setPatient(qint64 patientId);
    qint64 patientId() const { return m_patientId; }
    void reload();
    Coverage coverageAt(int row) const { return m_rows.value(row).coverage; }
    std::optional<Verification> latestAt(int row) const { return m_rows.value(row).latest; }
    bool isPending(int row) const;
    int rowOfCoverage(qint64 coverageId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        Coverage coverage;
        std::optional<Verification> latest;
    };
    void onVerificationStarted(qint64 coverageId, qint64 verificationId);
    void onVerificationFinished(const Verification &verification);

    EligibilityService *m_service;
    qint64 m_patientId = 0;
    QList<Row> m_rows;
    QSet<qint64> m_pending;
};

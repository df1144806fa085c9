// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/verification.h"

#include <QAbstractTableModel>

class EligibilityService;

//! Every verification attempt of one coverage, newest first; new attempts appear live.
class VerificationHistoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        RequestedColumn,
        StatusColumn,
        DurationColumn,
        AttemptsColumn,
        UserColumn,
        TraceColumn,
        MessageColumn,
        ColumnCount
    };

    explicit VerificationHistoryModel(EligibilityService *service, QObject *parent = nullptr);

    void setCoverage(qint64 coverageId);
    qint64 coverageId() const { return m_coverageId; }
    void reload();
    Verification verificationAt(int row) const { return m_rows.value(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void onVerificationStarted(qint64 coverageId, qint64 verificationId);
    void onVerificationFinished(const Verification &verification);

    EligibilityService *m_service;
    qint64 m_coverageId = 0;
    QList<Verification> m_rows;
};

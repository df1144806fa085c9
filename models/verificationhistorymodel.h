// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/verification.h"

#include <QAbstractTableModel>

class EligibilityService;

//! Every verification attempt of one coverage, newest first, read on the store's workers; new
//! attempts appear and finish live, row by row.
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
    bool isLoading() const { return m_loading; }
    QString errorString() const { return m_error; }
    Verification verificationAt(int row) const { return m_rows.value(row); }
    //! The row of an attempt; -1 when it is not listed.
    int rowOf(qint64 verificationId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    //! The history was read (or could not be: see errorString()).
    void loaded();

private:
    void onVerificationStarted(const Verification &pending);
    void onVerificationFinished(const Verification &verification);

    EligibilityService *m_service;
    qint64 m_coverageId = 0;
    QList<Verification> m_rows;
    quint64 m_generation = 0;
    bool m_loading = false;
    QString m_error;
};

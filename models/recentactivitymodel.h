// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/coverage.h"
#include "services/domain/patient.h"
#include "services/domain/verification.h"
#include "services/domain/verificationsummary.h"
#include "services/eligibility/verificationstats.h"

#include <QAbstractTableModel>

class EligibilityService;
class PatientService;

//! The newest verification attempts of a period (at most MaxRows), newest first, across all
//! patients, read in one query with their names. While live, a finished attempt is fetched on
//! its own and inserted or updated in place (no reset, selection kept); while not live (its
//! screen hidden) nothing is read, and setLive(true) catches up. A patient or coverage saved
//! through \a patients renames its rows at once, live or not, without a read: the names and
//! member IDs shown are always the current ones.
class RecentActivityModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        PatientColumn,
        PayerColumn,
        StatusColumn,
        DurationColumn,
        UserColumn,
        ReasonColumn,
        ColumnCount
    };

    static constexpr int MaxRows = 200;

    explicit RecentActivityModel(EligibilityService *service, PatientService *patients = nullptr,
                                 QObject *parent = nullptr);

    void setPeriod(StatsPeriod period);
    StatsPeriod period() const { return m_period; }
    //! Reads the period again from the database (names and payers too).
    void reload();
    //! Whether finished attempts are fetched as they happen (the dashboard is on screen).
    void setLive(bool live);
    bool isLive() const { return m_live; }
    bool isLoading() const { return m_loading; }
    QString errorString() const { return m_error; }
    //! The attempt on \a row with its effective status applied.
    Verification verificationAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    //! The period was read (or could not be: see errorString()).
    void loaded();

private:
    void onVerificationFinished(const Verification &verification);
    void onPatientSaved(const Patient &patient);
    void onCoverageSaved(const Coverage &coverage);
    void place(const VerificationActivity &activity);
    QVariant displayData(const VerificationActivity &row, int column) const;

    EligibilityService *m_service;
    StatsPeriod m_period = StatsPeriod::Today;
    QList<VerificationActivity> m_rows; // verification.status is the effective status
    quint64 m_generation = 0;
    bool m_live = true;
    bool m_missedUpdates = false;
    bool m_loading = false;
    QString m_error;
};

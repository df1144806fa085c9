// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/clinical/clinicalsummary.h"

#include <QDialog>

class ChartService;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class ReconcileModel;

/*!
  Reconcile into the Chart: the patient's outside allergies, medications and problems beside
  the chart's lists. For each pending one the clerk or nurse chooses Accept, Edit… or
  Reject…; Dry Run says what Apply would change without changing anything; Apply writes every
  choice at once, each decision audited. Statements decided before are not asked again unless
  they changed; chart lines no outside record mentions are listed too.
 */
class ReconcileDialog : public QDialog
{
    Q_OBJECT
public:
    ReconcileDialog(ChartService *chart, qint64 patientId, const QString &patientName,
                    const ClinicalSummary &summary, QWidget *parent = nullptr);

    ReconcileModel *model() const { return m_model; }
    //! The dry run's or the last apply's report.
    QString report() const;

public Q_SLOTS:
    void acceptSelected();
    void editSelected();
    void rejectSelected();
    void clearSelected();
    void dryRun();
    void apply();
    void reject() override; // Close: asks before choices not applied are dropped

Q_SIGNALS:
    //! Finished (dry run or apply); `error` empty when it went through.
    void dryRunFinished(const QString &error);
    void applyFinished(const QString &error);

private:
    int currentRow() const;
    void updateState();
    void run(bool dryRun);

    ChartService *m_chart;
    qint64 m_patientId;
    ReconcileModel *m_model;
    QTableView *m_view;
    QLabel *m_counts;
    QLabel *m_error;
    QLabel *m_reportTitle;
    QPlainTextEdit *m_report;
    QPushButton *m_acceptButton;
    QPushButton *m_editButton;
    QPushButton *m_rejectButton;
    QPushButton *m_clearButton;
    QPushButton *m_dryRunButton;
    QPushButton *m_applyButton;
    bool m_running = false;
};

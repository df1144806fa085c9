// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/eligibility/batchverification.h"
#include "services/eligibility/scheduleentry.h"

#include <QDialog>

class EligibilityService;
class QDialogButtonBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

/*!
  Verifies many coverages (a day's schedule or a selection). It first says what will be
  verified and waits for Start; then shows progress with Cancel, and one row per coverage
  (patient, payer, member ID, status in words) with the problems first. After a Cancel the bar
  stays where it got and the rows and the summary name what was not verified.
 */
class BatchVerifyDialog : public QDialog
{
    Q_OBJECT
public:
    enum Column {
        PatientColumn,
        PayerColumn,
        MemberIdColumn,
        StatusColumn,
        DetailsColumn,
        ColumnCount
    };

    /*!
      Takes the batch (not yet started; the dialog owns it from now on) and finds out what it
      will verify. `scope` says what for, in the question ("14 appointments on 11/24/2026").
     */
    BatchVerifyDialog(EligibilityService *service, BatchVerification *batch, const QString &title,
                      const QString &scope = {}, QWidget *parent = nullptr);

    //! Starts the batch (what Start does); the dialog stays open to show the outcome.
    void start();
    BatchVerification *batch() const { return m_batch; }
    QTreeWidget *resultList() const { return m_list; }
    QPushButton *startButton() const { return m_start; }

    //! The status words of an outcome ("REJECTED (AAA 72)", "INACTIVE", …).
    static QString outcomeText(BatchVerification::Outcome outcome, const Verification &v = {},
                               bool finished = true);

Q_SIGNALS:
    void patientActivated(qint64 patientId);

protected:
    void reject() override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onPrepared();
    void onItemFinished(const VerificationOutcome &outcome);
    void onFinished();
    void updateCounts();
    QTreeWidgetItem *itemFor(qint64 coverageId) const;
    void fill(QTreeWidgetItem *item, const Patient &patient, const Coverage &coverage);
    void place(QTreeWidgetItem *item);
    QString coveragesText(int count) const;
    QString whatText(int total) const;
    void showRunning();

    EligibilityService *m_service;
    BatchVerification *m_batch;
    QString m_scope;
    QLabel *m_intro;
    QProgressBar *m_progress;
    QLabel *m_counts;
    QLabel *m_summary;
    QTreeWidget *m_list;
    QDialogButtonBox *m_buttons;
    QPushButton *m_start;
};

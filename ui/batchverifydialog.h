// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/eligibility/scheduleentry.h"

#include <QDialog>

class BatchVerification;
class EligibilityService;
class QDialogButtonBox;
class QLabel;
class QListWidget;
class QProgressBar;

//! Verifies many coverages (a day's schedule or a selection) with a progress bar and Cancel.
class BatchVerifyDialog : public QDialog
{
    Q_OBJECT
public:
    //! Takes the batch (not yet started; the dialog owns it from now on).
    BatchVerifyDialog(EligibilityService *service, BatchVerification *batch, const QString &title,
                      QWidget *parent = nullptr);

    //! Starts the batch; the dialog stays open to show the outcome.
    void start();
    BatchVerification *batch() const { return m_batch; }

Q_SIGNALS:
    void patientActivated(qint64 patientId);

protected:
    void reject() override;

private:
    void onItemFinished(const VerificationOutcome &outcome);
    void onFinished();
    void updateCounts();

    EligibilityService *m_service;
    BatchVerification *m_batch;
    QLabel *m_total;
    QProgressBar *m_progress;
    QLabel *m_counts;
    QListWidget *m_log;
    QDialogButtonBox *m_buttons;
};

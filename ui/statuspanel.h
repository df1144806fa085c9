// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/appointment.h"
#include "services/domain/coverage.h"
#include "services/domain/verification.h"
#include "services/eligibility/collecttoday.h"

#include <QWidget>

#include <optional>

class BenefitsModel;
class EligibilityService;
class QGridLayout;
class QLabel;
class QTableView;

//! Answers at a glance: ACTIVE / INACTIVE / NEEDS REVIEW / ERROR with plan, dates, what to
//! collect today and how far the deductible and out-of-pocket maximum are met, the benefits
//! table, and for rejections the reason and what to fix.
class StatusPanel : public QWidget
{
    Q_OBJECT
public:
    explicit StatusPanel(QWidget *parent = nullptr);

    /*!
      Where the visit fees and the patient's visit today come from. Without it, what to
      collect is worked out for an office visit at the default fees.
     */
    void setEligibilityService(EligibilityService *service);

    void showNothing();
    void showPending(const Coverage &coverage);
    void showVerification(const Coverage &coverage, const Verification &verification,
                          VerificationStatus effectiveStatus);

    //! Tells the clerk that a recent answer was shown instead of asking the payer again.
    void showReusedNote(const Verification &verification);
    QString verdictText() const;
    //! What the panel shows to collect today; none when it shows no active answer.
    std::optional<CollectToday> collectToday() const { return m_collect; }
    const BenefitsModel *benefitsModel() const { return m_benefits; }
    //! The benefits table: one Tab stop on the page (arrows move inside it).
    QTableView *benefitsView() const { return m_benefitsView; }

Q_SIGNALS:
    //! What to collect was worked out again (the visit today arrived, or a new answer).
    void collectTodayChanged();

private:
    void setVerdict(const QString &text, const QColor &color);
    //! Asks for the patient's visit today once per patient; shows the collect line when known.
    void updateCollect(qint64 patientId);
    void showCollect();
    void hideCollect();
    void showAccumulators(const EligibilityResult &result);

    QLabel *m_verdict;
    QLabel *m_summary;
    QLabel *m_details;
    QLabel *m_reasons;
    QLabel *m_collectLabel;
    QLabel *m_collectHow;
    QWidget *m_accumulators;
    QGridLayout *m_accumulatorGrid;
    QTableView *m_benefitsView;
    BenefitsModel *m_benefits;

    EligibilityService *m_service = nullptr;
    std::optional<EligibilityResult> m_activeResult; // the answer collect is worked out from
    std::optional<CollectToday> m_collect;
    qint64 m_visitPatientId = 0;
    bool m_visitKnown = false;
    std::optional<Appointment> m_visit;
    QString m_visitError;
    quint64 m_visitGeneration = 0;
};

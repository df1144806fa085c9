// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/appointment.h"
#include "services/domain/coverage.h"
#include "services/domain/verification.h"
#include "services/eligibility/collecttoday.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

#include <optional>

class BenefitsModel;
class EligibilityService;
class QGridLayout;
class QFrame;
class QLabel;
class QPushButton;
class QTableView;

//! Answers at a glance: ACTIVE / INACTIVE / NEEDS REVIEW / ERROR with plan, dates, what to
//! collect today and how far the deductible and out-of-pocket maximum are met, the benefits
//! table, and for rejections the reason and what to fix.
//! Answers at a glance: ACTIVE / INACTIVE / NEEDS REVIEW / REJECTED / COULD NOT VERIFY with plan,
//! dates, the benefits table, and for rejections the reason and what to fix. While a
//! verification runs: the try it is on, the time waited and Cancel. From an answer: another
//! payer that is primary (Add Coverage, Reorder Coverages), the subscriber the payer has, and
//! the group and plan the payer returned when they differ from the coverage (Save to Coverage).
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
    //! The patient's visits changed (booked, moved, cancelled): read the visit today again.
    void refreshVisitToday();

    void showNothing();
    void showPending(const Coverage &coverage);
    //! `lastVerifiedAt`: when the payer last answered about the coverage (shown when this
    //! attempt got no answer).
    void showVerification(const Coverage &coverage, const Verification &verification,
                          VerificationStatus effectiveStatus, const QDateTime &lastVerifiedAt = {});
    //! The running verification sends request `tryNumber` of at most `maxTries`.
    void showTry(int tryNumber, int maxTries);
    //! "Try 2 of 3 · 12 seconds" while pending; empty otherwise.
    QString progressText() const;
    //! Whether the other payer of a coordination-of-benefits answer has a coverage on file that
    //! Reorder Coverages can make primary; `why` says what to do when not.
    void setReorderAvailable(bool available, const QString &why = {});
    //! The panel's buttons in Tab order (those hidden are skipped by Qt).
    QList<QWidget *> tabStops() const;
    //! The notice colours (dark on pale, at least 4.5:1).
    static QColor noticeTextColor();
    static QColor noticeBackgroundColor();

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
    //! The clerk pressed Cancel while the coverage was being verified.
    void cancelRequested(qint64 coverageId);
    //! Add Coverage for the payer the 271 names (coordination of benefits).
    void addCoverageRequested(const RelatedEntity &otherPayer);
    //! Reorder Coverages: the payer the 271 names as primary should come first.
    void reorderCoveragesRequested(const RelatedEntity &otherPayer);
    //! Save to Coverage: the group number and plan name the payer returned.
    void saveToCoverageRequested(qint64 coverageId, const QString &groupNumber,
                                 const QString &planName);

private:
    void setVerdict(const QString &text, const QColor &color);
    //! Asks for the patient's visit today once per patient; shows the collect line when known.
    void updateCollect(qint64 patientId);
    void showCollect();
    void hideCollect();
    void showAccumulators(const EligibilityResult &result);
    void hideExtras();
    void updateProgress();
    void showCoordination(const Coverage &coverage, const EligibilityResult &result);
    void showPayerFacts(const Coverage &coverage, const EligibilityResult &result);

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
    // While a verification runs.
    QWidget *m_progressBox;
    QLabel *m_progress;
    QPushButton *m_cancelButton;
    QElapsedTimer m_elapsed;
    QTimer m_tick;
    qint64 m_pendingCoverageId = 0;
    int m_try = 0;
    int m_maxTries = 0;

    // Coordination of benefits.
    QFrame *m_cobBox;
    QLabel *m_cob;
    QPushButton *m_addCoverageButton;
    QPushButton *m_reorderButton;
    std::optional<RelatedEntity> m_otherPayer; // the one the buttons act on

    // What the payer has on file: the subscriber, group and plan.
    QLabel *m_payerFacts;
    QPushButton *m_saveToCoverageButton;
    qint64 m_coverageId = 0;
    QString m_payerGroup;
    QString m_payerPlan;
};

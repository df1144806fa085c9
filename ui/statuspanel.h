// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/coverage.h"
#include "services/domain/verification.h"

#include <QWidget>

#include <optional>

class BenefitsModel;
class QLabel;
class QTableView;

//! Answers at a glance: ACTIVE / INACTIVE / NEEDS REVIEW / ERROR with plan, dates, the benefits
//! table, and for rejections the reason and what to fix.
class StatusPanel : public QWidget
{
    Q_OBJECT
public:
    explicit StatusPanel(QWidget *parent = nullptr);

    void showNothing();
    void showPending(const Coverage &coverage);
    void showVerification(const Coverage &coverage, const Verification &verification,
                          VerificationStatus effectiveStatus);

    //! Tells the clerk that a recent answer was shown instead of asking the payer again.
    void showReusedNote(const Verification &verification);
    QString verdictText() const;
    const BenefitsModel *benefitsModel() const { return m_benefits; }
    //! The benefits table: one Tab stop on the page (arrows move inside it).
    QTableView *benefitsView() const { return m_benefitsView; }

private:
    void setVerdict(const QString &text, const QColor &color);

    QLabel *m_verdict;
    QLabel *m_summary;
    QLabel *m_details;
    QLabel *m_reasons;
    QTableView *m_benefitsView;
    BenefitsModel *m_benefits;
};

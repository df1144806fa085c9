// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/coverage.h"

#include <QWidget>

#include <memory>

class CoverageRepository;
namespace Ui {
class CoverageForm;
}

/*!
  The Verify Insurance form: payer from the list, member ID, group, plan, order, relationship
  and, for dependents, the subscriber's details; validates with messages. It saves the coverage
  and asks for a verification; the service and the status panel do the rest.
 */
class CoverageForm : public QWidget
{
    Q_OBJECT
public:
    explicit CoverageForm(CoverageRepository *coverages, QWidget *parent = nullptr);
    ~CoverageForm() override;

    //! Edits an existing coverage, or starts a new one (id == 0) for the patient.
    void setCoverage(const Coverage &coverage);
    void newCoverage(qint64 patientId, CoverageOrder order);
    Coverage coverage() const { return m_coverage; }
    //! Service types chosen for the inquiry (EQ01).
    QStringList serviceTypes() const;
    //! Validates and saves; returns false (and shows why) when a field is wrong.
    bool save();
    //! Validates the typed values; returns the messages (empty when valid).
    QStringList validate();
    void setBusy(bool busy);
    void focusMemberId();

Q_SIGNALS:
    //! The coverage was saved (inserted or updated).
    void coverageSaved(const Coverage &coverage);
    //! The clerk pressed Verify Insurance and the coverage is saved.
    void verifyRequested(const Coverage &coverage, const QStringList &serviceTypes);

private:
    Coverage coverageFromForm() const;
    void updateSubscriberFields();

    std::unique_ptr<Ui::CoverageForm> m_ui;
    CoverageRepository *m_coverages;
    Coverage m_coverage;
};

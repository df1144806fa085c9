// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/coverage.h"

#include <QHash>
#include <QWidget>

#include <functional>

#include <memory>

class PatientService;
namespace Ui {
class CoverageForm;
}

/*!
  The Verify Insurance form: payer from the list, member ID, group, plan, order, relationship
  and, for dependents, the subscriber's details; validates with messages. It saves the coverage
  through the PatientService (on the store's worker) and then asks for a verification; the
  service and the status panel do the rest.
 */
class CoverageForm : public QWidget
{
    Q_OBJECT
public:
    explicit CoverageForm(PatientService *patients, QWidget *parent = nullptr);
    ~CoverageForm() override;

    //! Edits an existing coverage, or starts a new one (id == 0) for the patient.
    void setCoverage(const Coverage &coverage);
    void newCoverage(qint64 patientId, CoverageOrder order);
    /*!
      Starts a new coverage prefilled with a payer an answer named (coordination of benefits)
      and, when known, the member ID the patient has with it. A payer not in the list is offered
      as new: saving adds it to the list with the coverage.
     */
    void newCoverageWithPayer(qint64 patientId, CoverageOrder order, const Payer &payer,
                              const QString &memberId);
    Coverage coverage() const { return m_coverage; }
    //! Service types chosen for the inquiry (EQ01).
    QStringList serviceTypes() const;
    //! Validates and, when the fields are right, saves (coverageSaved() or saveFailed() follow);
    //! returns false (and shows why) when a field is wrong.
    bool save();
    bool isSaving() const { return m_saving; }
    //! The payers were read (the list is empty until then).
    bool hasPayers() const { return m_payersLoaded; }
    //! Validates the typed values; returns the messages (empty when valid).
    QStringList validate();
    void setBusy(bool busy);
    void focusMemberId();
    //! The form's Tab stops in order, for the page's Tab order.
    QList<QWidget *> tabStops() const;

Q_SIGNALS:
    //! The coverage was saved (inserted or updated).
    void coverageSaved(const Coverage &coverage);
    //! The coverage could not be saved; the message is on the form too.
    void saveFailed(const QString &error);
    void payersLoaded();
    //! The clerk pressed Verify Insurance and the coverage is saved.
    void verifyRequested(const Coverage &coverage, const QStringList &serviceTypes);

private:
    Coverage coverageFromForm() const;
    void updateSubscriberFields();
    void saveThen(std::function<void(const Coverage &)> next);
    void showMessage(const QString &message);

    std::unique_ptr<Ui::CoverageForm> m_ui;
    PatientService *m_patients;
    QHash<QString, QString> m_payerNames; // payer id → name
    QHash<QString, QString> m_newPayers;  // offered by newCoverageWithPayer(), not yet listed
    Coverage m_coverage;
    bool m_saving = false;
    bool m_busy = false;
    bool m_payersLoaded = false;
};

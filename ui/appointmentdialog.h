// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/appointment.h"
#include "services/domain/patient.h"
#include "services/patients/appointmentservice.h"

#include <QDialog>
#include <QTimeEdit>

#include <memory>

class QTimer;
namespace Ui {
class AppointmentDialog;
}

/*!
  Books a visit for a patient or changes one: date, time, length, provider, visit type and
  notes, all by keyboard. While the clerk picks the time, the provider's overlapping visits are
  looked up (debounced, on the store's workers) and named in a warning; they never block the
  booking. Saving goes through the AppointmentService (a new visit is added, a visit whose time
  or length alone changed is rescheduled, any other change is an update); the dialog stays open
  with the message when that fails, and is accepted once the visit is stored.
 */
class AppointmentDialog : public QDialog
{
    Q_OBJECT
public:
    //! Quiet time after the last change of date, time, length or provider before the check.
    static constexpr int conflictCheckDelayMs = 250;

    //! A new visit when `appointment.id` is 0 (its start and length, when set, are the
    //! proposal), otherwise the visit to change. `patient` is shown, never changed.
    AppointmentDialog(AppointmentService *appointments, const Patient &patient,
                      const Appointment &appointment = {}, QWidget *parent = nullptr);
    ~AppointmentDialog() override;

    //! The visit as stored, after accept(); before that, as given.
    const Appointment &appointment() const { return m_appointment; }
    //! The visit as the form has it now (start in UTC).
    Appointment appointmentFromForm() const;
    //! What the last conflict check found.
    const QList<AppointmentConflict> &conflicts() const { return m_conflicts; }
    //! The warning shown for the conflicts ("Dr. X already has a visit from…"); empty if none.
    QString conflictText() const;
    bool isSaving() const { return m_saving; }
    bool isCheckingConflicts() const;

    //! Saves through the service; the dialog is accepted once the visit is stored.
    void accept() override;

Q_SIGNALS:
    //! The provider and visit-type lists were filled from the service.
    void listsLoaded();
    //! A conflict check finished and the warning shows its result.
    void conflictsChecked();
    //! The save failed; the message is shown in the dialog.
    void saveFailed(const QString &error);

private:
    void loadLists();
    void scheduleConflictCheck();
    void checkConflicts();
    void showConflicts(const StoreResult<QList<AppointmentConflict>> &result);

    std::unique_ptr<Ui::AppointmentDialog> m_ui;
    AppointmentService *m_appointments;
    Patient m_patient;
    Appointment m_appointment;
    QList<AppointmentConflict> m_conflicts;
    QTimer *m_conflictTimer;
    quint64 m_conflictGeneration = 0;
    quint64 m_conflictShown = 0;
    bool m_saving = false;
};

//! A time field whose minutes step by quarter hours (9:00, 9:15, …) with the arrow keys and
//! the mouse wheel, while any minute can still be typed. Used by AppointmentDialog's form.
class QuarterHourTimeEdit final : public QTimeEdit
{
    Q_OBJECT
public:
    using QTimeEdit::QTimeEdit;
    void stepBy(int steps) override;

protected:
    StepEnabled stepEnabled() const override;
};

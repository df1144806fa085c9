// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/appointment.h"

#include <QDialog>

class AppointmentService;
class QComboBox;
class QDialogButtonBox;
class QLabel;

/*!
  Asks before a visit is cancelled and for why (an editable list of the usual reasons), then
  cancels it through the AppointmentService. The buttons say what they do (Cancel Visit / Keep
  Visit) because a plain "Cancel" would be ambiguous here. Stays open with the message when the
  cancellation cannot be stored; accepted once it is.
 */
class CancelVisitDialog : public QDialog
{
    Q_OBJECT
public:
    CancelVisitDialog(AppointmentService *appointments, const Appointment &appointment,
                      const QString &patientName, QWidget *parent = nullptr);

    QString reason() const;
    void setReason(const QString &reason);
    //! The visit as stored after accept(): cancelled, with its reason.
    const Appointment &appointment() const { return m_appointment; }
    //! Cancels the visit through the service; accepted once it is stored.
    void accept() override;

Q_SIGNALS:
    //! The cancellation could not be stored; the message is shown in the dialog.
    void cancelFailed(const QString &error);

private:
    AppointmentService *m_appointments;
    Appointment m_appointment;
    QComboBox *m_reason;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    bool m_saving = false;
};

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/cancelvisitdialog.h"

#include "services/common/async.h"
#include "services/eligibility/benefitsummary.h"
#include "services/patients/appointmentservice.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

CancelVisitDialog::CancelVisitDialog(AppointmentService *appointments,
                                     const Appointment &appointment, const QString &patientName,
                                     QWidget *parent)
    : QDialog(parent)
    , m_appointments(appointments)
    , m_appointment(appointment)
    , m_reason(new QComboBox(this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(this))
{
    setWindowTitle(tr("Cancel Visit"));
    const QDateTime local = appointment.start.toLocalTime();
    auto *question = new QLabel(
        tr("Cancel the visit of %1 on %2 at %3 with %4?")
            .arg(patientName, BenefitSummary::formatDate(local.date()),
                 BenefitSummary::formatTime(local.time()),
                 appointment.provider.isEmpty() ? tr("no provider") : appointment.provider),
        this);
    question->setObjectName(QStringLiteral("cancelQuestion"));
    question->setWordWrap(true);

    m_reason->setObjectName(QStringLiteral("reasonCombo"));
    m_reason->setEditable(true);
    m_reason->setInsertPolicy(QComboBox::NoInsert);
    m_reason->addItems({tr("Patient cancelled"), tr("Patient rescheduled"),
                        tr("Provider unavailable"), tr("Insurance not active"),
                        tr("Booked in error")});
    m_reason->setCurrentIndex(0);
    auto *reasonLabel = new QLabel(tr("&Reason:"), this);
    reasonLabel->setBuddy(m_reason);

    m_error->setObjectName(QStringLiteral("cancelError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b02323;"));
    m_error->hide();

    QPushButton *cancelVisit = m_buttons->addButton(tr("C&ancel Visit"), QDialogButtonBox::AcceptRole);
    cancelVisit->setObjectName(QStringLiteral("cancelVisitButton"));
    QPushButton *keep = m_buttons->addButton(tr("&Keep Visit"), QDialogButtonBox::RejectRole);
    keep->setObjectName(QStringLiteral("keepVisitButton"));
    // Enter alone must not cancel a visit: the safe choice is the default.
    keep->setDefault(true);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &CancelVisitDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &CancelVisitDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(reasonLabel, m_reason);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(question);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    m_reason->setFocus();
}

QString CancelVisitDialog::reason() const
{
    return m_reason->currentText().trimmed();
}

void CancelVisitDialog::setReason(const QString &reason)
{
    m_reason->setEditText(reason);
}

void CancelVisitDialog::accept()
{
    if (m_saving)
        return;
    m_saving = true;
    m_buttons->setEnabled(false);
    m_error->hide();
    Async::whenReady(m_appointments->cancel(m_appointment.id, reason()), this,
                     [this](const StoreResult<Appointment> &result) {
                         m_saving = false;
                         m_buttons->setEnabled(true);
                         if (!result) {
                             m_error->setText(result.error());
                             m_error->show();
                             Q_EMIT cancelFailed(result.error());
                             return;
                         }
                         m_appointment = *result;
                         QDialog::accept();
                     });
}

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/emergencyaccessdialog.h"

#include "services/access/accesscontrol.h"
#include "services/common/async.h"

#include "ui/widgethelpers.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

EmergencyAccessDialog::EmergencyAccessDialog(AccessControl *access, qint64 patientId,
                                             const QString &patientName, QWidget *parent)
    : QDialog(parent)
    , m_access(access)
    , m_patientId(patientId)
{
    setWindowTitle(tr("Emergency Access"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(
        tr("<p>Medical records are for clinical staff; your role is %1.</p><p>In an emergency "
           "you may open the medical records of <b>%2</b> for %3 minutes. Your name, the time "
           "and your reason are recorded, and the administrator reviews every emergency "
           "access.</p>")
            .arg(roleTitle(access->session().role).toHtmlEscaped(), patientName.toHtmlEscaped())
            .arg(AccessControl::breakGlassMinutes),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *label = new QLabel(tr("&Why do you need these records now?"), this);
    m_reason = new QPlainTextEdit(this);
    m_reason->setObjectName(QStringLiteral("reason"));
    m_reason->setTabChangesFocus(true);
    m_reason->setPlaceholderText(tr("For example: patient unwell at the desk, allergies needed "
                                    "for the nurse"));
    label->setBuddy(m_reason);
    layout->addWidget(label);
    layout->addWidget(m_reason);
    m_error = WidgetHelpers::makeErrorLabel(QStringLiteral("error"), this);
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_open = buttons->button(QDialogButtonBox::Ok);
    m_open->setText(tr("&Open Records"));
    connect(buttons, &QDialogButtonBox::accepted, this, &EmergencyAccessDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &EmergencyAccessDialog::reject);
    layout->addWidget(buttons);
    m_reason->setFocus();
    setMinimumWidth(480);
}

void EmergencyAccessDialog::accept()
{
    if (!m_open->isEnabled())
        return; // the grant is being stored
    m_open->setEnabled(false);
    m_error->hide();
    Async::whenReady(m_access->breakGlass(m_patientId, m_reason->toPlainText()), this,
                     [this](const StoreResult<BreakGlassGrant> &grant) {
                         m_open->setEnabled(true);
                         if (!grant) {
                             m_error->setText(grant.error());
                             m_error->show();
                             m_reason->setFocus();
                             return;
                         }
                         m_grant = *grant;
                         QDialog::accept();
                     });
}

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/breakglass.h"

#include <QDialog>

class AccessControl;
class QLabel;
class QPlainTextEdit;
class QPushButton;

/*!
  Break-glass: a person whose role may not read medical records opens one patient's for an hour
  in an emergency. It says what is about to happen (recorded, reviewed by the administrator),
  asks why, and grants the access through AccessControl; the dialog closes only once the grant
  is stored.
 */
class EmergencyAccessDialog : public QDialog
{
    Q_OBJECT
public:
    EmergencyAccessDialog(AccessControl *access, qint64 patientId, const QString &patientName,
                          QWidget *parent = nullptr);

    const BreakGlassGrant &grant() const { return m_grant; }

public Q_SLOTS:
    void accept() override;

private:
    AccessControl *m_access;
    qint64 m_patientId;
    BreakGlassGrant m_grant;
    QPlainTextEdit *m_reason;
    QLabel *m_error;
    QPushButton *m_open;
};

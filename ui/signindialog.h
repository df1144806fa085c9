// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/access/userservice.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

/*!
  The desk's front door: each person signs in with their own name and password (no shared
  "front desk" login). In training the demo users and their passwords are printed, one per
  role. On a clinic's first start, with no users yet, it creates the administrator instead.
 */
class SignInDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode { SignIn, FirstAdministrator };

    SignInDialog(UserService *users, Mode mode, bool training, const QString &clinicName,
                 QWidget *parent = nullptr);

    //! Who signed in (valid after accept()).
    Session session() const { return m_session; }
    Mode mode() const { return m_mode; }

public Q_SLOTS:
    void accept() override;

private:
    void finish(const SignInResult &result);
    void setBusy(bool busy);

    UserService *m_users;
    Mode m_mode;
    Session m_session;
    QLineEdit *m_userName;
    QLineEdit *m_fullName = nullptr;
    QLineEdit *m_password;
    QLineEdit *m_confirm = nullptr;
    QLabel *m_error;
    QPushButton *m_signIn;
    bool m_busy = false;
};

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/access.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class UserService;

/*!
  Adds a user (name, full name, role, first password) or sets a new password for one who forgot
  theirs, as the administrator `actor`; or lets `actor` change their own password (the current
  one first). The service checks the password rules and the role; the
  dialog stays open with the service's words until it is saved or cancelled.
 */
class UserFormDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode { AddUser, ResetPassword, ChangeOwnPassword };

    //! `userName`: whose password is reset (ResetPassword).
    UserFormDialog(UserService *users, const Session &actor, Mode mode,
                   const QString &userName = {}, QWidget *parent = nullptr);

    //! The account added or changed, once saved.
    QString savedUserName() const { return m_saved; }

public Q_SLOTS:
    void accept() override;

Q_SIGNALS:
    //! The service answered with an error, shown in the dialog (tests wait for it).
    void saveFailed(const QString &error);

private:
    void finish(const QString &error);

    UserService *m_users;
    Session m_actor;
    Mode m_mode;
    QString m_userNameToReset;
    QString m_saved;
    QLineEdit *m_userName = nullptr;
    QLineEdit *m_fullName = nullptr;
    QComboBox *m_role = nullptr;
    QLineEdit *m_current = nullptr;
    QLineEdit *m_password;
    QLineEdit *m_confirm;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

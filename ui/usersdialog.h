// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/useraccount.h"
#include "services/store/storeerror.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTableWidget;
class UserService;

/*!
  File › Users… (administrators): the clinic's users with their role and whether they can sign
  in; add a user, change a role, reset a forgotten password, end a lockout, deactivate someone
  who left (their history stays). The service refuses anyone but an administrator and never
  leaves the desk without an active one; every change is audited.
 */
class UsersDialog : public QDialog
{
    Q_OBJECT
public:
    UsersDialog(UserService *users, const Session &actor, QWidget *parent = nullptr);

    const QList<UserAccount> &accounts() const { return m_accounts; }
    //! The user name of the selected row; empty when none.
    QString selectedUserName() const;
    void selectUser(const QString &userName);
    //! The status line (what was done, or why not).
    QString statusText() const;

public Q_SLOTS:
    void reload();
    void addUser();
    void changeRole();
    void setRoleOfSelected(Role role);
    void resetPassword();
    void unlockSelected();
    //! Deactivates the selected user, or reactivates a deactivated one.
    void toggleActiveOfSelected();

Q_SIGNALS:
    //! The list was read again (after every change too).
    void usersLoaded();
    //! A change was refused; the status line says why.
    void changeFailed(const QString &error);

private:
    void showAccounts(const QList<UserAccount> &accounts);
    void updateButtons();
    std::optional<UserAccount> selected() const;
    //! After a change: the service's answer shown, the list read again.
    void changed(const StoreResult<bool> &result, const QString &done);
    void showError(const QString &error);

    UserService *m_users;
    Session m_actor;
    QList<UserAccount> m_accounts;
    QString m_keepSelected;
    QTableWidget *m_table;
    QLabel *m_status;
    QLabel *m_error;
    QPushButton *m_add;
    QPushButton *m_role;
    QPushButton *m_password;
    QPushButton *m_unlock;
    QPushButton *m_active;
};

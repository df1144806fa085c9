// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/userformdialog.h"

#include "services/access/passwordpolicy.h"
#include "services/access/userservice.h"
#include "services/common/async.h"
#include "ui/widgethelpers.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

UserFormDialog::UserFormDialog(UserService *users, const Session &actor, Mode mode,
                               const QString &userName, QWidget *parent)
    : QDialog(parent)
    , m_users(users)
    , m_actor(actor)
    , m_mode(mode)
    , m_userNameToReset(userName)
{
    setObjectName(QStringLiteral("userFormDialog"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    if (mode == Mode::AddUser) {
        setWindowTitle(tr("Add User"));
        m_userName = new QLineEdit(this);
        m_userName->setObjectName(QStringLiteral("userName"));
        m_userName->setMaxLength(64);
        m_userName->setPlaceholderText(tr("One word, e.g. mlopez"));
        m_fullName = new QLineEdit(this);
        m_fullName->setObjectName(QStringLiteral("fullName"));
        m_role = new QComboBox(this);
        m_role->setObjectName(QStringLiteral("role"));
        for (Role role : Access::roles())
            m_role->addItem(roleTitle(role), int(role));
        form->addRow(tr("&User name:"), m_userName);
        form->addRow(tr("&Full name:"), m_fullName);
        form->addRow(tr("&Role:"), m_role);
    } else if (mode == Mode::ChangeOwnPassword) {
        setWindowTitle(tr("Change Password"));
        m_current = new QLineEdit(this);
        m_current->setObjectName(QStringLiteral("currentPassword"));
        m_current->setEchoMode(QLineEdit::Password);
        m_current->setMaxLength(PasswordPolicy::maxLength);
        form->addRow(tr("&Current password:"), m_current);
    } else {
        setWindowTitle(tr("Reset Password"));
        auto *whose = new QLabel(tr("A new password for %1. Tell it to them in person; they "
                                    "can change it after signing in.")
                                     .arg(userName),
                                 this);
        whose->setWordWrap(true);
        layout->addWidget(whose);
    }
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setMaxLength(PasswordPolicy::maxLength);
    m_confirm = new QLineEdit(this);
    m_confirm->setObjectName(QStringLiteral("confirm"));
    m_confirm->setEchoMode(QLineEdit::Password);
    m_confirm->setMaxLength(PasswordPolicy::maxLength);
    form->addRow(mode == Mode::AddUser ? tr("&Password:") : tr("New &password:"), m_password);
    form->addRow(tr("&Again:"), m_confirm);
    layout->addLayout(form);
    auto *rules = new QLabel(tr("At least %1 characters; a few unrelated words are easy to "
                                "remember and hard to guess. Common passwords are refused.")
                                 .arg(PasswordPolicy::minLength),
                             this);
    rules->setWordWrap(true);
    layout->addWidget(rules);
    m_error = WidgetHelpers::makeErrorLabel(QStringLiteral("userFormError"), this);
    layout->addWidget(m_error);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &UserFormDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);
    setMinimumWidth(440);
}

void UserFormDialog::accept()
{
    if (!m_buttons->isEnabled())
        return; // the service is still answering
    if (m_password->text() != m_confirm->text()) {
        finish(tr("The two passwords differ. Type the same password twice."));
        m_confirm->clear();
        m_confirm->setFocus();
        return;
    }
    m_buttons->setEnabled(false);
    m_error->hide();
    if (m_mode == Mode::AddUser) {
        UserAccount account;
        account.userName = m_userName->text().trimmed();
        account.fullName = m_fullName->text().trimmed();
        account.role = Role(m_role->currentData().toInt());
        const QString name = account.userName;
        Async::whenReady(m_users->createUser(m_actor, account, m_password->text()), this,
                         [this, name](const StoreResult<qint64> &created) {
                             if (created)
                                 m_saved = name;
                             finish(created ? QString() : created.error());
                         });
    } else if (m_mode == Mode::ChangeOwnPassword) {
        Async::whenReady(m_users->changePassword(m_actor, m_current->text(), m_password->text()),
                         this, [this](const StoreResult<bool> &changed) {
                             if (changed)
                                 m_saved = m_actor.userName;
                             finish(changed ? QString() : changed.error());
                         });
    } else {
        Async::whenReady(m_users->resetPassword(m_actor, m_userNameToReset, m_password->text()),
                         this, [this](const StoreResult<bool> &reset) {
                             if (reset)
                                 m_saved = m_userNameToReset;
                             finish(reset ? QString() : reset.error());
                         });
    }
}

void UserFormDialog::finish(const QString &error)
{
    m_buttons->setEnabled(true);
    if (error.isEmpty()) {
        QDialog::accept();
        return;
    }
    m_error->setText(error);
    m_error->show();
    Q_EMIT saveFailed(error);
}

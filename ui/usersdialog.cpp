// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/usersdialog.h"

#include "services/access/userservice.h"
#include "services/common/async.h"
#include "services/domain/dateformats.h"
#include "ui/userformdialog.h"
#include "ui/widgethelpers.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace {
enum Column { UserNameColumn, FullNameColumn, RoleColumn, StatusColumn, CreatedColumn };
}

UsersDialog::UsersDialog(UserService *users, const Session &actor, QWidget *parent)
    : QDialog(parent)
    , m_users(users)
    , m_actor(actor)
{
    setObjectName(QStringLiteral("usersDialog"));
    setWindowTitle(tr("Users"));
    auto *layout = new QVBoxLayout(this);
    m_table = new QTableWidget(0, 5, this);
    m_table->setObjectName(QStringLiteral("users"));
    m_table->setHorizontalHeaderLabels(
        {tr("User Name"), tr("Full Name"), tr("Role"), tr("Status"), tr("Added")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_table, 1);

    auto *actions = new QHBoxLayout;
    m_add = new QPushButton(tr("&Add User…"), this);
    m_add->setObjectName(QStringLiteral("addUserButton"));
    m_role = new QPushButton(tr("Change &Role…"), this);
    m_role->setObjectName(QStringLiteral("changeRoleButton"));
    m_password = new QPushButton(tr("Reset &Password…"), this);
    m_password->setObjectName(QStringLiteral("resetPasswordButton"));
    m_unlock = new QPushButton(tr("&Unlock"), this);
    m_unlock->setObjectName(QStringLiteral("unlockUserButton"));
    m_active = new QPushButton(tr("&Deactivate"), this);
    m_active->setObjectName(QStringLiteral("activeButton"));
    for (QPushButton *button : {m_add, m_role, m_password, m_unlock, m_active})
        actions->addWidget(button);
    actions->addStretch(1);
    layout->addLayout(actions);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("usersStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_error = WidgetHelpers::makeErrorLabel(QStringLiteral("usersError"), this);
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(m_add, &QPushButton::clicked, this, &UsersDialog::addUser);
    connect(m_role, &QPushButton::clicked, this, &UsersDialog::changeRole);
    connect(m_password, &QPushButton::clicked, this, &UsersDialog::resetPassword);
    connect(m_unlock, &QPushButton::clicked, this, &UsersDialog::unlockSelected);
    connect(m_active, &QPushButton::clicked, this, &UsersDialog::toggleActiveOfSelected);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &UsersDialog::updateButtons);
    resize(760, 420);
    updateButtons();
    reload();
}

QString UsersDialog::selectedUserName() const
{
    const std::optional<UserAccount> account = selected();
    return account ? account->userName : QString();
}

std::optional<UserAccount> UsersDialog::selected() const
{
    const QList<QTableWidgetItem *> items = m_table->selectedItems();
    if (items.isEmpty())
        return std::nullopt;
    const int row = items.first()->row();
    if (row < 0 || row >= m_accounts.size())
        return std::nullopt;
    return m_accounts.at(row);
}

void UsersDialog::selectUser(const QString &userName)
{
    for (int row = 0; row < m_accounts.size(); ++row) {
        if (m_accounts.at(row).userName.compare(userName, Qt::CaseInsensitive) == 0) {
            m_table->selectRow(row);
            return;
        }
    }
}

QString UsersDialog::statusText() const
{
    return m_error->isHidden() ? m_status->text() : m_error->text();
}

void UsersDialog::reload()
{
    m_keepSelected = selectedUserName();
    Async::whenReady(m_users->users(m_actor), this,
                     [this](const StoreResult<QList<UserAccount>> &accounts) {
                         if (!accounts) {
                             showError(accounts.error());
                             return;
                         }
                         showAccounts(*accounts);
                         Q_EMIT usersLoaded();
                     });
}

void UsersDialog::showAccounts(const QList<UserAccount> &accounts)
{
    m_accounts = accounts;
    std::sort(m_accounts.begin(), m_accounts.end(), [](const UserAccount &a, const UserAccount &b) {
        return a.userName.compare(b.userName, Qt::CaseInsensitive) < 0;
    });
    const QLocale locale;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_table->setRowCount(int(m_accounts.size()));
    for (int row = 0; row < m_accounts.size(); ++row) {
        const UserAccount &account = m_accounts.at(row);
        QString status = tr("Active");
        if (!account.active)
            status = tr("Deactivated");
        else if (account.isLockedAt(now))
            //: %1 is a time of day
            status = tr("Locked until %1")
                         .arg(locale.toString(account.lockedUntil.toLocalTime().time(),
                                              QLocale::ShortFormat));
        const QStringList cells = {
            account.userName, account.fullName, roleTitle(account.role), status,
            account.createdAt.isValid() ? DateFormats::format(account.createdAt.toLocalTime().date())
                                        : QString()};
        for (int column = 0; column < cells.size(); ++column)
            m_table->setItem(row, column, new QTableWidgetItem(cells.at(column)));
    }
    m_table->resizeColumnsToContents();
    if (!m_keepSelected.isEmpty())
        selectUser(m_keepSelected);
    updateButtons();
}

void UsersDialog::updateButtons()
{
    const std::optional<UserAccount> account = selected();
    m_role->setEnabled(account.has_value());
    m_password->setEnabled(account.has_value());
    m_unlock->setEnabled(account && account->isLockedAt(QDateTime::currentDateTimeUtc()));
    m_active->setEnabled(account && account->userName != m_actor.userName);
    m_active->setText(account && !account->active ? tr("Reacti&vate") : tr("&Deactivate"));
}

void UsersDialog::addUser()
{
    UserFormDialog form(m_users, m_actor, UserFormDialog::Mode::AddUser, {}, this);
    if (form.exec() != QDialog::Accepted)
        return;
    m_error->hide();
    m_status->setText(tr("%1 was added. They sign in with the password you gave them.")
                          .arg(form.savedUserName()));
    m_keepSelected = form.savedUserName();
    Async::whenReady(m_users->users(m_actor), this,
                     [this, name = form.savedUserName()](const StoreResult<QList<UserAccount>> &a) {
                         if (!a) {
                             showError(a.error());
                             return;
                         }
                         m_keepSelected = name;
                         showAccounts(*a);
                         Q_EMIT usersLoaded();
                     });
}

void UsersDialog::changeRole()
{
    const std::optional<UserAccount> account = selected();
    if (!account)
        return;
    QStringList titles;
    for (Role role : Access::roles())
        titles.append(roleTitle(role));
    bool ok = false;
    const QString chosen = QInputDialog::getItem(
        this, tr("Change Role"),
        tr("The role of %1 decides what they may open and do:").arg(account->userName), titles,
        int(Access::roles().indexOf(account->role)), false, &ok);
    if (!ok)
        return;
    const qsizetype index = titles.indexOf(chosen);
    if (index >= 0)
        setRoleOfSelected(Access::roles().at(index));
}

void UsersDialog::setRoleOfSelected(Role role)
{
    const std::optional<UserAccount> account = selected();
    if (!account)
        return;
    const QString done = tr("%1 is now %2. The new role applies from their next sign-in.")
                             .arg(account->userName, roleTitle(role));
    Async::whenReady(m_users->setRole(m_actor, account->userName, role), this,
                     [this, done](const StoreResult<bool> &result) { changed(result, done); });
}

void UsersDialog::resetPassword()
{
    const std::optional<UserAccount> account = selected();
    if (!account)
        return;
    UserFormDialog form(m_users, m_actor, UserFormDialog::Mode::ResetPassword, account->userName,
                        this);
    if (form.exec() != QDialog::Accepted)
        return;
    changed(StoreResult<bool>(true), tr("%1 has a new password.").arg(account->userName));
}

void UsersDialog::unlockSelected()
{
    const std::optional<UserAccount> account = selected();
    if (!account)
        return;
    const QString done = tr("%1 can sign in again.").arg(account->userName);
    Async::whenReady(m_users->unlockUser(m_actor, account->userName), this,
                     [this, done](const StoreResult<bool> &result) { changed(result, done); });
}

void UsersDialog::toggleActiveOfSelected()
{
    const std::optional<UserAccount> account = selected();
    if (!account)
        return;
    const bool activate = !account->active;
    const QString done = activate
        ? tr("%1 can sign in again.").arg(account->userName)
        : tr("%1 can no longer sign in. What they did stays in the audit log.")
              .arg(account->userName);
    Async::whenReady(m_users->setActive(m_actor, account->userName, activate), this,
                     [this, done](const StoreResult<bool> &result) { changed(result, done); });
}

void UsersDialog::changed(const StoreResult<bool> &result, const QString &done)
{
    if (!result) {
        showError(result.error());
        Q_EMIT changeFailed(result.error());
        return;
    }
    m_error->hide();
    m_status->setText(done);
    reload();
}

void UsersDialog::showError(const QString &error)
{
    m_status->clear();
    m_error->setText(error);
    m_error->show();
}

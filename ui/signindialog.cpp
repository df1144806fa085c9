// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/signindialog.h"

#include "ui/widgethelpers.h"

#include "services/access/passwordpolicy.h"
#include "services/common/async.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace {
QLineEdit *field(const QString &objectName, QWidget *parent, bool secret = false)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setMaxLength(secret ? PasswordPolicy::maxLength : 64);
    if (secret)
        edit->setEchoMode(QLineEdit::Password);
    return edit;
}

void addRow(QFormLayout *form, const QString &label, QWidget *edit)
{
    auto *name = new QLabel(label, edit->parentWidget());
    name->setBuddy(edit);
    form->addRow(name, edit);
}
} // namespace

SignInDialog::SignInDialog(UserService *users, Mode mode, bool training,
                           const QString &clinicName, QWidget *parent)
    : QDialog(parent)
    , m_users(users)
    , m_mode(mode)
    , m_userName(field(QStringLiteral("userNameEdit"), this))
    , m_password(field(QStringLiteral("passwordEdit"), this, true))
    , m_error(WidgetHelpers::makeErrorLabel(QStringLiteral("errorLabel"), this))
{
    setWindowTitle(mode == Mode::SignIn ? tr("Sign In to ClinicDesk")
                                        : tr("Create the Administrator"));
    auto *layout = new QVBoxLayout(this);
    auto *heading = new QLabel(
        clinicName.isEmpty() ? QStringLiteral("<b>ClinicDesk</b>")
                             : QStringLiteral("<b>%1</b>").arg(clinicName.toHtmlEscaped()),
        this);
    layout->addWidget(heading);
    if (mode == Mode::FirstAdministrator) {
        auto *intro = new QLabel(tr("This desk has no users yet. Create the administrator, who "
                                    "then adds everyone else with their own role."),
                                 this);
        intro->setWordWrap(true);
        layout->addWidget(intro);
    }

    auto *form = new QFormLayout;
    addRow(form, tr("&User name:"), m_userName);
    if (mode == Mode::FirstAdministrator) {
        m_fullName = field(QStringLiteral("fullNameEdit"), this);
        m_fullName->setMaxLength(120);
        addRow(form, tr("&Full name:"), m_fullName);
    }
    addRow(form, tr("&Password:"), m_password);
    if (mode == Mode::FirstAdministrator) {
        m_confirm = field(QStringLiteral("confirmEdit"), this, true);
        addRow(form, tr("&Confirm password:"), m_confirm);
        auto *rules = new QLabel(tr("At least %1 characters; spaces are fine. A few unrelated "
                                    "words make a strong password that is easy to remember.")
                                     .arg(PasswordPolicy::minLength),
                                 this);
        rules->setWordWrap(true);
        form->addRow(QString(), rules);
    }
    layout->addLayout(form);

    layout->addWidget(m_error);

    if (training && mode == Mode::SignIn) {
        // The data is fake, so the demo passwords are no secret: one user per role.
        QStringList lines;
        for (const TrainingUser &demo : UserService::trainingUsers()) {
            lines.append(tr("%1 — password “%2” (%3)")
                             .arg(demo.userName, demo.password, roleTitle(demo.role)));
        }
        auto *demo = new QLabel(tr("Training mode. Demo users:") + QStringLiteral("\n")
                                    + lines.join(QLatin1Char('\n')),
                                this);
        demo->setObjectName(QStringLiteral("trainingUsersLabel"));
        demo->setTextInteractionFlags(Qt::TextSelectableByMouse);
        demo->setStyleSheet(QStringLiteral("background: #fff4d6; padding: 6px;"));
        layout->addWidget(demo);
    }

    auto *buttons = new QDialogButtonBox(this);
    m_signIn = buttons->addButton(mode == Mode::SignIn ? tr("&Sign In") : tr("C&reate and Sign In"),
                                  QDialogButtonBox::AcceptRole);
    m_signIn->setObjectName(QStringLiteral("signInButton"));
    m_signIn->setDefault(true);
    auto *quit = buttons->addButton(tr("&Quit"), QDialogButtonBox::RejectRole);
    quit->setObjectName(QStringLiteral("quitButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &SignInDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SignInDialog::reject);
    layout->addWidget(buttons);
    m_userName->setFocus();
    setMinimumWidth(420);
}

void SignInDialog::accept()
{
    if (m_busy)
        return;
    m_error->hide();
    if (m_userName->text().trimmed().isEmpty()) {
        m_error->setText(tr("Type your user name."));
        m_error->show();
        m_userName->setFocus();
        return;
    }
    if (m_mode == Mode::FirstAdministrator) {
        const QString weak = PasswordPolicy::check(m_password->text(), m_userName->text());
        const QString problem = !weak.isEmpty() ? weak
            : m_confirm->text() != m_password->text()
            ? tr("The two passwords are not the same.")
            : QString();
        if (!problem.isEmpty()) {
            m_error->setText(problem);
            m_error->show();
            m_password->setFocus();
            return;
        }
        UserAccount account;
        account.userName = m_userName->text().trimmed();
        account.fullName = m_fullName->text().trimmed();
        setBusy(true);
        Async::whenReady(m_users->createFirstAdministrator(account, m_password->text()), this,
                         [this](const SignInResult &result) { finish(result); });
        return;
    }
    setBusy(true);
    Async::whenReady(m_users->signIn(m_userName->text(), m_password->text()), this,
                     [this](const SignInResult &result) { finish(result); });
}

void SignInDialog::finish(const SignInResult &result)
{
    setBusy(false);
    if (result.session) {
        m_session = *result.session;
        QDialog::accept();
        return;
    }
    m_error->setText(result.error);
    m_error->show();
    m_password->clear();
    if (m_confirm)
        m_confirm->clear();
    m_password->setFocus();
}

void SignInDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_signIn->setEnabled(!busy);
    m_signIn->setText(busy ? tr("Signing In…")
                           : m_mode == Mode::SignIn ? tr("&Sign In") : tr("C&reate and Sign In"));
}

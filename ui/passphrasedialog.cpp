// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/passphrasedialog.h"

#include "ui/widgethelpers.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

PassphraseDialog::PassphraseDialog(Mode mode, const QString &problem, int minimumLength,
                                   QWidget *parent)
    : QDialog(parent)
    , m_mode(mode)
    , m_minimumLength(minimumLength)
{
    setWindowTitle(mode == Mode::Choose ? tr("Choose the Database Passphrase")
                                        : tr("Unlock the Database"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(
        mode == Mode::Choose
            ? tr("ClinicDesk now encrypts this desk's database. Choose the clinic's database "
                 "passphrase (at least %1 characters). Keep it where your administrator keeps "
                 "the clinic's other keys: without it the database cannot be opened.")
                  .arg(minimumLength)
            : tr("This desk's database is encrypted. Enter the clinic's database passphrase."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    m_passphrase = new QLineEdit(this);
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_passphrase->setObjectName(QStringLiteral("passphrase"));
    form->addRow(tr("&Passphrase:"), m_passphrase);
    if (mode == Mode::Choose) {
        m_confirm = new QLineEdit(this);
        m_confirm->setEchoMode(QLineEdit::Password);
        m_confirm->setObjectName(QStringLiteral("confirm"));
        form->addRow(tr("&Again:"), m_confirm);
    }
    layout->addLayout(form);

    m_error = WidgetHelpers::makeErrorLabel(QStringLiteral("error"), this);
    m_error->setText(problem);
    m_error->setVisible(!problem.isEmpty());
    layout->addWidget(m_error);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(mode == Mode::Choose ? tr("&Encrypt")
                                                                        : tr("&Unlock"));
    connect(buttons, &QDialogButtonBox::accepted, this, &PassphraseDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PassphraseDialog::reject);
    layout->addWidget(buttons);
    m_passphrase->setFocus();
    // Wide enough that the wrapped explanation is laid out whole (narrower, its last line was
    // cut off).
    setMinimumWidth(460);
}

QString PassphraseDialog::passphrase() const
{
    return m_passphrase->text();
}

void PassphraseDialog::accept()
{
    QString problem;
    if (m_passphrase->text().isEmpty())
        problem = tr("Enter the passphrase.");
    else if (m_mode == Mode::Choose && m_passphrase->text().size() < m_minimumLength)
        problem = tr("The passphrase must have at least %1 characters.").arg(m_minimumLength);
    else if (m_mode == Mode::Choose && m_confirm->text() != m_passphrase->text())
        problem = tr("The two passphrases differ. Type the same one twice.");
    if (!problem.isEmpty()) {
        m_error->setText(problem);
        m_error->setVisible(true);
        return;
    }
    QDialog::accept();
}

QString PassphraseDialog::ask(Mode mode, const QString &problem, int minimumLength)
{
    PassphraseDialog dialog(mode, problem, minimumLength);
    return dialog.exec() == QDialog::Accepted ? dialog.passphrase() : QString();
}

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/changepassphrasedialog.h"

#include "services/common/async.h"

#include "ui/widgethelpers.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

ChangePassphraseDialog::ChangePassphraseDialog(Change change, int minimumLength, QWidget *parent)
    : QDialog(parent)
    , m_change(std::move(change))
    , m_minimumLength(minimumLength)
{
    setWindowTitle(tr("Change Database Passphrase"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("The database passphrase unlocks this desk's encrypted database "
                                "at every start. After the change only the new one does; tell "
                                "everyone who starts ClinicDesk here."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    const auto field = [this](const char *name) {
        auto *edit = new QLineEdit(this);
        edit->setEchoMode(QLineEdit::Password);
        edit->setObjectName(QLatin1String(name));
        return edit;
    };
    m_current = field("current");
    m_next = field("next");
    m_again = field("again");
    form->addRow(tr("&Current passphrase:"), m_current);
    form->addRow(tr("&New passphrase:"), m_next);
    form->addRow(tr("New passphrase a&gain:"), m_again);
    layout->addLayout(form);
    m_error = WidgetHelpers::makeErrorLabel(QStringLiteral("error"), this);
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("C&hange"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ChangePassphraseDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ChangePassphraseDialog::reject);
    layout->addWidget(buttons);
    setMinimumWidth(440);
}

void ChangePassphraseDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->show();
}

void ChangePassphraseDialog::accept()
{
    if (!m_ok->isEnabled())
        return;
    if (m_current->text().isEmpty())
        return showError(tr("Enter the current passphrase."));
    if (m_next->text().size() < m_minimumLength)
        return showError(tr("The new passphrase must have at least %1 characters.").arg(m_minimumLength));
    if (m_next->text() != m_again->text())
        return showError(tr("The two new passphrases differ. Type the same one twice."));
    if (m_next->text() == m_current->text())
        return showError(tr("The new passphrase is the current one."));
    m_ok->setEnabled(false);
    m_error->hide();
    Async::whenReady(QtConcurrent::run(m_change, m_current->text(), m_next->text()), this,
                     [this](const QString &error) {
                         m_ok->setEnabled(true);
                         if (!error.isEmpty())
                             return showError(error);
                         QDialog::accept();
                     });
}

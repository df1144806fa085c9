// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/settingsdialog.h"

#include "ui_settingsdialog.h"

#include <QPushButton>

SettingsDialog::SettingsDialog(const DeskSettings &settings, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SettingsDialog>())
{
    m_ui->setupUi(this);
    m_ui->timeoutSpin->setRange(5, 120);
    m_ui->triesSpin->setRange(1, 5);
    m_ui->reuseSpin->setRange(0, 72);
    m_ui->expireSpin->setRange(1, 365);
    m_ui->clearinghouseEdit->setText(settings.clearinghouseUrl.toString());
    m_ui->clinicNameEdit->setText(settings.clinic.name);
    m_ui->addressEdit->setText(settings.clinic.addressLine);
    m_ui->cityStateZipEdit->setText(settings.clinic.cityStateZip);
    m_ui->phoneEdit->setText(settings.clinic.phone);
    m_ui->npiEdit->setText(settings.clinic.npi);
    m_ui->timeoutSpin->setValue(settings.timeoutSeconds);
    m_ui->triesSpin->setValue(settings.maxTries);
    m_ui->reuseSpin->setValue(settings.reuseHours);
    m_ui->expireSpin->setValue(settings.maxAgeDays);
    m_ui->messageLabel->hide();
    m_ui->buttonBox->button(QDialogButtonBox::Save)->setDefault(true);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
}

SettingsDialog::~SettingsDialog() = default;

DeskSettings SettingsDialog::settings() const
{
    DeskSettings s;
    s.clearinghouseUrl = QUrl(m_ui->clearinghouseEdit->text().trimmed());
    s.clinic.name = m_ui->clinicNameEdit->text().trimmed();
    s.clinic.addressLine = m_ui->addressEdit->text().trimmed();
    s.clinic.cityStateZip = m_ui->cityStateZipEdit->text().trimmed();
    s.clinic.phone = m_ui->phoneEdit->text().trimmed();
    s.clinic.npi = m_ui->npiEdit->text().trimmed();
    s.timeoutSeconds = m_ui->timeoutSpin->value();
    s.maxTries = m_ui->triesSpin->value();
    s.reuseHours = m_ui->reuseSpin->value();
    s.maxAgeDays = m_ui->expireSpin->value();
    return s;
}

void SettingsDialog::accept()
{
    const QStringList messages = settings().validate();
    m_ui->messageLabel->setText(messages.join(QLatin1Char('\n')));
    m_ui->messageLabel->setVisible(!messages.isEmpty());
    if (messages.isEmpty())
        QDialog::accept();
}

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/desksettings.h"

#include <QDialog>

#include <memory>

namespace Ui {
class SettingsDialog;
}

//! File > Settings…: the clearinghouse (empty for training), the clinic printed on reports and
//! sent as the provider, and the verification timings. Validates before saving.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(const DeskSettings &settings, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    DeskSettings settings() const;
    void accept() override;

private:
    std::unique_ptr<Ui::SettingsDialog> m_ui;
};

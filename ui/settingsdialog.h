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
//! sent as the provider, the verification timings and the visit fees what to collect is
//! estimated from. Validates before saving.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(const DeskSettings &settings, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    DeskSettings settings() const;
    void accept() override;

private:
    void addFeeRow(const VisitFee &fee);
    QList<VisitFee> visitFees() const;

    std::unique_ptr<Ui::SettingsDialog> m_ui;
    DeskSettings m_initial; // what the dialog does not edit is kept as it was
};

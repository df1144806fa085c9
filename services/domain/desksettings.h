// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/clinic.h"

#include <QStringList>
#include <QUrl>

class QSettings;

//! What the clinic configures (File > Settings…, or ~/.config/ClinicDesk/clinicdesk.conf).
//! An empty clearinghouse URL means training mode.
struct DeskSettings
{
    QUrl clearinghouseUrl;
    ClinicInfo clinic;
    int timeoutSeconds = 30;
    int maxTries = 3;
    int reuseHours = 24;
    int maxAgeDays = 30;

    static DeskSettings load(const QSettings &settings);
    void save(QSettings &settings) const;
    //! Messages naming each wrong value; empty when the settings can be used.
    QStringList validate() const;
    bool operator==(const DeskSettings &) const = default;
};

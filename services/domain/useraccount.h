// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/access.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

//! A named user of this clinic's ClinicDesk (users). Only the password's Argon2id hash is kept.
struct UserAccount
{
    qint64 id = 0;
    QString userName;
    QString fullName;
    Role role = Role::FrontDesk;
    QByteArray passwordHash;
    int failedAttempts = 0;
    QDateTime lockedUntil; // UTC; invalid: not locked
    bool active = true;
    QDateTime createdAt; // UTC
    QString createdBy;
    QDateTime passwordChangedAt; // UTC

    bool isLockedAt(const QDateTime &now) const { return lockedUntil.isValid() && lockedUntil > now; }
};

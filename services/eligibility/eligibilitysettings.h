// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/visitfee.h"

#include <QList>
#include <QString>
#include <QUrl>

//! What EligibilityService needs to know; filled by the composition root from QSettings.
struct EligibilitySettings
{
    QUrl clearinghouseUrl;    // POST target for 270s
    int timeoutMs = 30000;    // per try
    int maxTries = 3;         // automatic tries for transient failures
    int backoffBaseMs = 1000; // delay before try n is base * 2^(n-2), jittered 50-100 %
    int reuseHours = 24;      // a verification younger than this is reused
    int maxAgeDays = 30;      // older verifications are expired
    QString providerName = QStringLiteral("Springfield Family Clinic");
    QString providerNpi = QStringLiteral("1234567893");
    QString senderId = QStringLiteral("CLINICDESK");
    QString receiverId = QStringLiteral("CLEARINGHOUSE");
    bool production = false; // ISA15 P (production) or T (test)
    QString user;            // who verifies; written on every attempt and audit row
    QList<VisitFee> visitFees = VisitFees::defaults();            // expected charge per visit type
    qint64 officeVisitCents = VisitFees::defaultOfficeVisitCents; // visits not in visitFees
};

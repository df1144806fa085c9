// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/clinic.h"
#include "services/domain/visitfee.h"

#include <QHash>
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
    //! Minutes without input before the desk locks its screen (2 to 60; HIPAA automatic logoff).
    int lockMinutes = 15;
    //! Expected charge and service type per visit type, for the "collect today" estimate.
    QList<VisitFee> visitFees = VisitFees::defaults();
    //! Expected charge of visit types not in visitFees (and of a visit when none is booked).
    qint64 officeVisitCents = VisitFees::defaultOfficeVisitCents;
    //! The hub's live feed (ws:// or wss://…/feed); empty: no live updates (training mode runs
    //! its own hub). The device name and token are the pair listed in the hub's [devices].
    QUrl hubUrl;
    QString deviceName;
    QString deviceToken;
    //! The payor's claims API (…/api/route-claim/ and the rest are under it); empty: training
    //! mode's sandbox payor. The provider is who the claims are sent for; the webhook secret
    //! is the one the payor signs claim updates with (the hub checks it).
    QUrl payorUrl;
    QString payorApiKey;
    QString providerId;
    QString providerName;
    QString payorWebhookSecret;
    //! Days after the date of service a claim may still be sent (the payor's timely filing).
    int timelyFilingDays = 365;
    //! How often open claims are synced with the payor.
    int claimSyncMinutes = 5;
    //! Metriport's Medical API (https://api.metriport.com, or its sandbox); empty: training
    //! mode's simulated Metriport. The facility is the clinic's at Metriport; empty: the first
    //! one the account has, created from the clinic's name, NPI and address when none exists.
    QUrl metriportUrl;
    QString metriportApiKey;
    QString metriportFacilityId;

    //! Reads the file; the secrets in it are those an earlier version wrote (see secretKeys()).
    static DeskSettings load(const QSettings &settings);
    //! Writes everything but the secrets, and removes any secret from the file.
    void save(QSettings &settings) const;
    //! The settings names of the secrets (device token, payor API key and webhook secret,
    //! Metriport API key): kept in the encrypted database (SecretService), never in the file.
    static QStringList secretKeys();
    QHash<QString, QString> secrets() const;
    void setSecrets(const QHash<QString, QString> &secrets);
    //! Messages naming each wrong value; empty when the settings can be used.
    QStringList validate() const;
    bool operator==(const DeskSettings &) const = default;
};

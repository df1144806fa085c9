// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/domain/clinic.h"
#include "services/eligibility/eligibilitysettings.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>

class EligibilityService;
class SandboxHost;

//! How the desk was asked to start (command line over QSettings).
struct DeskOptions
{
    QString dataDir;       // empty: the platform's app data folder
    QUrl clearinghouseUrl; // empty: training mode with the in-process sandbox
    bool forceTraining = false;
    QString user; // empty: the OS user name
    int sandboxSlowDelayMs = 45000;
};

/*!
  The composition root of clinicdesk: creates the network manager, the database, the
  in-process sandbox (training mode), the services, and hands them down by pointer.
  The live feed and the claims outbox will be created here too.
 */
class DeskContext : public QObject
{
    Q_OBJECT
public:
    explicit DeskContext(DeskOptions options, QObject *parent = nullptr);
    ~DeskContext() override;

    //! Opens everything; on failure returns false with a message for the user.
    bool start(QString *error);

    bool isTraining() const { return m_training; }
    QString databasePath() const { return m_databasePath; }
    QString connectionName() const;
    const ClinicInfo &clinic() const { return m_clinic; }
    QString user() const { return m_settings.user; }
    EligibilityService *eligibility() const { return m_eligibility.get(); }
    QNetworkAccessManager *network() { return &m_network; }

private:
    DeskOptions m_options;
    bool m_training = true;
    QString m_databasePath;
    ClinicInfo m_clinic;
    EligibilitySettings m_settings;
    QNetworkAccessManager m_network;
    std::unique_ptr<SandboxHost> m_sandbox;
    std::unique_ptr<EligibilityService> m_eligibility;
    bool m_databaseOpen = false;
};

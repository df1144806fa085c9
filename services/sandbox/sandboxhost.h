// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/sandbox/sandboxserver.h"

#include <QString>
#include <QThread>
#include <QUrl>

//! Runs a SandboxServer on its own thread, so the in-process sandbox of training mode never
//! competes with the desk's UI thread. start() blocks until the server listens (or failed).
class SandboxHost
{
public:
    explicit SandboxHost(SandboxServer::Options options = {});
    ~SandboxHost();
    SandboxHost(const SandboxHost &) = delete;
    SandboxHost &operator=(const SandboxHost &) = delete;

    bool start(QString *error = nullptr);
    void stop();
    QUrl baseUrl() const { return m_baseUrl; }
    QUrl clearinghouseUrl() const { return m_clearinghouseUrl; }
    //! The payor's X-API-Key (route-claim and the rest of /api/ live at baseUrl()).
    QByteArray payorApiKey() const { return m_options.payorApiKey; }
    //! The simulated Metriport's x-api-key (its API lives at baseUrl()).
    QByteArray metriportApiKey() const { return m_options.metriport.apiKey; }
    //! Sets the payor's fault switches on the server's thread (returns once they apply).
    void setPayorFaults(const PayorFaults &faults);

private:
    SandboxServer::Options m_options;
    QThread m_thread;
    SandboxServer *m_server = nullptr; // lives in m_thread
    QUrl m_baseUrl;
    QUrl m_clearinghouseUrl;
};

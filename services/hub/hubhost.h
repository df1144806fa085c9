// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/hub/hubconfig.h"

#include <QString>
#include <QThread>
#include <QUrl>

class HubServer;

//! Runs a HubServer on its own thread: training mode's in-process hub, and tests. start() blocks
//! until the hub listens (or failed); stop() closes it and waits for its log to be committed.
class HubHost
{
public:
    explicit HubHost(HubConfig config);
    ~HubHost();
    HubHost(const HubHost &) = delete;
    HubHost &operator=(const HubHost &) = delete;

    bool start(QString *error = nullptr);
    void stop();
    bool isRunning() const { return m_server != nullptr; }
    QUrl baseUrl() const { return m_baseUrl; }
    //! ws://host:port/feed
    QUrl feedUrl() const;
    const HubConfig &config() const { return m_config; }

    //! A configuration for a training hub: loopback, a free port, `databasePath`, fresh random
    //! webhook secrets, and `token` accepted from any device name.
    static HubConfig trainingConfig(const QString &databasePath, const QByteArray &token,
                                    const QByteArray &databaseKeyHex = {});

private:
    HubConfig m_config;
    QThread m_thread;
    HubServer *m_server = nullptr; // lives in m_thread
    QUrl m_baseUrl;
};

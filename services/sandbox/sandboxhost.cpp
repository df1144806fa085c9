// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/sandbox/sandboxhost.h"

#include <QMetaObject>

SandboxHost::SandboxHost(SandboxServer::Options options)
    : m_options(options)
{
    m_thread.setObjectName(QStringLiteral("sandbox"));
}

SandboxHost::~SandboxHost()
{
    stop();
}

bool SandboxHost::start(QString *error)
{
    if (m_server)
        return true;
    m_thread.start();
    bool ok = false;
    QString message;
    // Create and bind the server inside its thread (through a context object living there)
    // and wait for the answer.
    auto *context = new QObject;
    context->moveToThread(&m_thread);
    QMetaObject::invokeMethod(
        context,
        [&] {
            m_server = new SandboxServer(m_options);
            ok = m_server->listen(&message);
            if (ok) {
                m_baseUrl = m_server->baseUrl();
                m_clearinghouseUrl = m_server->clearinghouseUrl();
            }
        },
        Qt::BlockingQueuedConnection);
    context->deleteLater();
    if (!ok) {
        if (error)
            *error = message;
        stop();
    }
    return ok;
}

void SandboxHost::setPayorFaults(const PayorFaults &faults)
{
    m_options.payorFaults = faults; // for a start after a stop
    if (!m_server)
        return;
    SandboxServer *server = m_server;
    QMetaObject::invokeMethod(
        server, [server, faults] { server->payorRoutes()->setFaults(faults); },
        Qt::BlockingQueuedConnection);
}

void SandboxHost::stop()
{
    if (!m_thread.isRunning())
        return;
    if (m_server) {
        SandboxServer *server = m_server;
        m_server = nullptr;
        QMetaObject::invokeMethod(
            server, [server] { delete server; }, Qt::BlockingQueuedConnection);
    }
    m_thread.quit();
    m_thread.wait();
}

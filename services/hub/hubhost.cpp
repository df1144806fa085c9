// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/hub/hubhost.h"

#include "services/hub/hubserver.h"

#include <QMetaObject>
#include <QRandomGenerator>

namespace {
QByteArray randomBytes(int count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), count / 4);
    return bytes;
}
} // namespace

HubHost::HubHost(HubConfig config)
    : m_config(std::move(config))
{
    m_thread.setObjectName(QStringLiteral("hub"));
}

HubHost::~HubHost()
{
    stop();
}

HubConfig HubHost::trainingConfig(const QString &databasePath, const QByteArray &token,
                                  const QByteArray &databaseKeyHex)
{
    HubConfig config;
    config.databaseKeyHex = databaseKeyHex;
    config.address = QHostAddress::LocalHost;
    config.port = 0;
    config.database = databasePath;
    config.metriportWebhookKey = randomBytes(16).toHex();
    config.payorKeys = {randomBytes(32)};
    config.deviceTokens.insert(QStringLiteral("*"), token);
    return config;
}

bool HubHost::start(QString *error)
{
    if (m_server)
        return true;
    m_thread.start();
    bool ok = false;
    QString message;
    auto *context = new QObject;
    context->moveToThread(&m_thread);
    QMetaObject::invokeMethod(
        context,
        [&] {
            m_server = new HubServer(m_config);
            ok = m_server->start(&message);
            if (ok)
                m_baseUrl = m_server->baseUrl();
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

void HubHost::stop()
{
    if (!m_thread.isRunning())
        return;
    if (HubServer *server = m_server) {
        m_server = nullptr;
        QMetaObject::invokeMethod(
            server, [server] { delete server; }, Qt::BlockingQueuedConnection);
    }
    m_thread.quit();
    m_thread.wait();
}

QUrl HubHost::feedUrl() const
{
    QUrl url = m_baseUrl;
    url.setScheme(url.scheme() == QLatin1String("https") ? QStringLiteral("wss")
                                                          : QStringLiteral("ws"));
    url.setPath(QStringLiteral("/feed"));
    return url;
}

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "webhookclient.h"

#include "hubbenchsupport.h"
#include "rawhttpclient.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace HubBench {

WebhookClient::WebhookClient(QUrl url, QByteArray idPrefix, int managers)
    : m_url(std::move(url))
    , m_prefix(std::move(idPrefix))
    , m_managerCount(std::max(1, managers))
{
}

WebhookClient::~WebhookClient() = default;

QNetworkReply *WebhookClient::post(qint64 n)
{
    if (m_managers.isEmpty()) {
        for (int i = 0; i < m_managerCount; ++i)
            m_managers.append(new QNetworkAccessManager(this));
    }
    const SignedWebhook webhook = signedWebhook(m_prefix + QByteArray::number(n), n);
    QNetworkRequest request(m_url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("webhook-id", webhook.id);
    request.setRawHeader("webhook-timestamp", webhook.timestamp);
    request.setRawHeader("webhook-signature", webhook.signature);
    request.setTransferTimeout(30000);
    QNetworkAccessManager *manager = m_managers.at(m_next++ % m_managers.size());
    return manager->post(request, webhook.body);
}

void WebhookClient::paced(PostLog *log, int rate, int total)
{
    m_log = log;
    m_rate = rate;
    m_total = total;
    m_sent = 0;
    m_answered = 0;
    m_startNs = nowNs();
    m_pacer = new QTimer(this);
    m_pacer->setTimerType(Qt::PreciseTimer);
    connect(m_pacer, &QTimer::timeout, this, &WebhookClient::sendDue);
    m_pacer->start(1);
    sendDue();
}

void WebhookClient::sendDue()
{
    const qint64 due = std::min<qint64>(m_total, (nowNs() - m_startNs) * m_rate / 1000000000 + 1);
    while (m_sent < due) {
        const int n = m_sent++;
        m_log->sentNs[size_t(n)].store(nowNs(), std::memory_order_release);
        QNetworkReply *reply = post(n);
        connect(reply, &QNetworkReply::finished, this, [this, reply, n] {
            m_log->answeredNs[size_t(n)].store(nowNs(), std::memory_order_release);
            const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
            m_log->status[size_t(n)].store(status.isValid() ? status.toInt() : -1,
                                           std::memory_order_release);
            reply->deleteLater();
            if (++m_answered == m_total)
                Q_EMIT finished();
        });
    }
    if (m_sent >= m_total)
        m_pacer->stop();
}

void WebhookClient::blast(int inFlight, int seconds)
{
    m_blast = {};
    m_blast.okPerSecond.fill(0, seconds + 1);
    m_startNs = nowNs();
    m_deadlineNs = m_startNs + qint64(seconds) * 1000000000;
    m_outstanding = 0;
    m_connectionSentNs.fill(0, inFlight);
    for (int i = 0; i < inFlight; ++i) {
        m_connections.append(new RawHttpConnection(
            m_url.host(), quint16(m_url.port()), [this, i](int status) { onBlastAnswer(i, status); },
            this));
    }
    for (int i = 0; i < inFlight; ++i)
        blastSend(i);
}

void WebhookClient::blastSend(int connection)
{
    const qint64 n = m_blastSent++;
    const QByteArray request = rawWebhookRequest(m_url.host(), quint16(m_url.port()),
                                                 m_url.path().toLatin1(),
                                                 m_prefix + QByteArray::number(n), n);
    ++m_outstanding;
    m_connectionSentNs[connection] = nowNs();
    m_connections.at(connection)->send(request);
}

void WebhookClient::onBlastAnswer(int connection, int status)
{
    const qint64 now = nowNs();
    --m_outstanding;
    if (status < 0) {
        ++m_blast.failed;
    } else if (status / 100 != 2) {
        ++m_blast.refused;
    } else {
        ++m_blast.ok;
        const qsizetype second = qsizetype((now - m_startNs) / 1000000000);
        if (second < m_blast.okPerSecond.size())
            ++m_blast.okPerSecond[second];
    }
    m_blast.answerMs.append(ms(now - m_connectionSentNs.at(connection)));
    if (now < m_deadlineNs) {
        blastSend(connection);
    } else if (m_outstanding == 0) {
        m_blast.seconds = double(now - m_startNs) / 1e9;
        Q_EMIT finished();
    }
}

WebhookClientThread::WebhookClientThread(const QUrl &url, const QByteArray &idPrefix, int managers)
    : m_client(new WebhookClient(url, idPrefix, managers))
{
    m_thread.setObjectName(QStringLiteral("webhook-client"));
    m_client->moveToThread(&m_thread);
    m_thread.start();
}

WebhookClientThread::~WebhookClientThread()
{
    // The managers and their replies go on the thread that made them.
    WebhookClient *client = m_client;
    QMetaObject::invokeMethod(client, [client] { delete client; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

} // namespace HubBench

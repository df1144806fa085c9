// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/common/feedprotocol.h"

#include <QList>
#include <QTest>
#include <QUrl>
#include <QWebSocket>

#include <memory>

//! A bare desk for hub tests: one WebSocket speaking FeedProtocol, recording what it receives
//! (events, resets, published, errors) and whether the hub closed it. No database: the tests of
//! the real desk use LiveFeed.
class FeedTestClient
{
public:
    explicit FeedTestClient(QUrl feedUrl)
        : m_url(std::move(feedUrl))
    {
        QObject::connect(&m_socket, &QWebSocket::textMessageReceived, &m_socket,
                         [this](const QString &text) {
                             raw.append(text.toUtf8());
                             const FeedProtocol::Decoded decoded = FeedProtocol::decode(text.toUtf8());
                             if (!decoded.message) {
                                 undecodable.append(decoded.error);
                                 return;
                             }
                             const FeedProtocol::Message &m = *decoded.message;
                             if (const auto *e = std::get_if<FeedProtocol::Event>(&m))
                                 events.append(*e);
                             else if (const auto *r = std::get_if<FeedProtocol::Reset>(&m))
                                 resets.append(*r);
                             else if (const auto *p = std::get_if<FeedProtocol::Published>(&m))
                                 published.append(*p);
                             else if (const auto *x = std::get_if<FeedProtocol::Error>(&m))
                                 errors.append(*x);
                             if (autoAck && std::holds_alternative<FeedProtocol::Event>(m))
                                 send(FeedProtocol::Ack{std::get<FeedProtocol::Event>(m).seq});
                         });
        QObject::connect(&m_socket, &QWebSocket::disconnected, &m_socket, [this] { closed = true; });
    }

    bool open()
    {
        m_socket.open(m_url);
        return QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::ConnectedState || closed; }, 5000)
               && m_socket.state() == QAbstractSocket::ConnectedState;
    }
    void send(const FeedProtocol::Message &message)
    {
        m_socket.sendTextMessage(QString::fromUtf8(FeedProtocol::encode(message)));
    }
    void sendRaw(const QByteArray &text) { m_socket.sendTextMessage(QString::fromUtf8(text)); }
    bool hello(const QString &device, const QString &token, const QString &epoch, qint64 lastSeq)
    {
        if (!open())
            return false;
        send(FeedProtocol::Hello{device, token, epoch, lastSeq});
        return true;
    }
    bool waitForEvents(int count, int timeoutMs = 10000)
    {
        return QTest::qWaitFor([&] { return events.size() >= count || closed; }, timeoutMs)
               && events.size() >= count;
    }
    bool waitClosed(int timeoutMs = 5000)
    {
        return QTest::qWaitFor([&] { return closed; }, timeoutMs);
    }
    void abort() { m_socket.abort(); }
    QWebSocket &socket() { return m_socket; }

    QList<FeedProtocol::Event> events;
    QList<FeedProtocol::Reset> resets;
    QList<FeedProtocol::Published> published;
    QList<FeedProtocol::Error> errors;
    QList<QByteArray> raw;
    QStringList undecodable;
    bool closed = false;
    bool autoAck = true;

private:
    QUrl m_url;
    QWebSocket m_socket;
};

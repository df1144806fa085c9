// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QThread>
#include <QTimer>
#include <QUrl>

#include <atomic>
#include <memory>
#include <vector>

class QNetworkAccessManager;
class QNetworkReply;

namespace HubBench {

class RawHttpConnection;

//! What became of each numbered webhook; written by the sender's thread, read by any.
struct PostLog
{
    explicit PostLog(int count)
        : sentNs(size_t(count))
        , answeredNs(size_t(count))
        , status(size_t(count))
    {
    }
    std::vector<std::atomic<qint64>> sentNs;     // just before the POST went out; 0: not sent
    std::vector<std::atomic<qint64>> answeredNs; // the reply finished
    std::vector<std::atomic<int>> status;        // HTTP status; -1 network error
};

/*!
  Posts signed payor webhooks to the hub from its own thread (so the desks' thread measures
  without the sender in its way), over several QNetworkAccessManagers: each opens at most six
  connections to one host.

  - paced(): `total` webhooks at `rate` per second, each sent when due (a 1 ms precise timer
    catches up if it fell behind), replies never awaited before the next is sent.
  - blast(): keeps `inFlight` requests outstanding for `seconds` over as many keep-alive
    connections of its own (RawHttpConnection, much lighter than the managers), counting 2xx
    per second.
 */
class WebhookClient : public QObject
{
    Q_OBJECT
public:
    WebhookClient(QUrl url, QByteArray idPrefix, int managers);
    ~WebhookClient() override;

    //! Results of blast(), valid once finished() was emitted.
    struct BlastResult
    {
        QList<int> okPerSecond;
        qint64 ok = 0;
        qint64 refused = 0;  // non-2xx
        qint64 failed = 0;   // no HTTP answer
        double seconds = 0;  // from the first post to the last answer
        QList<double> answerMs;
    };

    //! Both run on the client's thread (call them through QMetaObject::invokeMethod).
    void paced(PostLog *log, int rate, int total);
    void blast(int inFlight, int seconds);
    const BlastResult &blastResult() const { return m_blast; }

Q_SIGNALS:
    //! Every request has its answer.
    void finished();

private:
    QNetworkReply *post(qint64 n);
    void sendDue();
    void blastSend(int connection);
    void onBlastAnswer(int connection, int status);

    QUrl m_url;
    QByteArray m_prefix;
    int m_managerCount;
    QList<QNetworkAccessManager *> m_managers; // created on the client's thread
    int m_next = 0;

    // paced
    PostLog *m_log = nullptr;
    int m_rate = 0;
    int m_total = 0;
    int m_sent = 0;
    int m_answered = 0;
    qint64 m_startNs = 0;
    QTimer *m_pacer = nullptr;

    // blast
    BlastResult m_blast;
    qint64 m_deadlineNs = 0;
    qint64 m_blastSent = 0;
    int m_outstanding = 0;
    QList<RawHttpConnection *> m_connections;
    QList<qint64> m_connectionSentNs;
};

//! A WebhookClient on a thread of its own, for the life of this object.
class WebhookClientThread
{
public:
    WebhookClientThread(const QUrl &url, const QByteArray &idPrefix, int managers);
    ~WebhookClientThread();
    WebhookClient *client() const { return m_client; }

private:
    QThread m_thread;
    WebhookClient *m_client;
};

} // namespace HubBench

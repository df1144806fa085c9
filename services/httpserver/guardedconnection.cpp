// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/httpserver/guardedconnection.h"

#include <QList>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

namespace {
// Requests read in full but not answered yet (pipelining); more closes the connection, so a
// client that sends without reading cannot make us queue answers without end.
constexpr int maxPendingRequests = 32;
constexpr qint64 maxResponseHeadBytes = 64 * 1024;
// Input kept while discarding what a refused client still sends.
constexpr qint64 drainBufferBytes = 64 * 1024;

//! What the guard needs to know about a request head, or the status refusing it.
struct RequestHead
{
    int refusal = 0; // 0: acceptable
    QByteArray reason;
    qint64 contentLength = 0;
    bool isHead = false;
    bool closeAfter = false;
};

bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v';
}

bool isDigits(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (char c : text) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

bool isToken(QByteArrayView text)
{
    static constexpr QByteArrayView specials("!#$%&'*+-.^_`|~");
    if (text.isEmpty())
        return false;
    for (char c : text) {
        const bool alnum =
            (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (!alnum && !specials.contains(c))
            return false;
    }
    return true;
}

//! The end of a head ("\n\n" or "\n\r\n", as QHttpServer accepts), searching from `from`;
//! the index just past it, or -1.
qsizetype headEnd(const QByteArray &bytes, qsizetype from)
{
    for (qsizetype i = bytes.indexOf('\n', from); i != -1; i = bytes.indexOf('\n', i + 1)) {
        if (i + 1 < bytes.size() && bytes.at(i + 1) == '\n')
            return i + 2;
        if (i + 2 < bytes.size() && bytes.at(i + 1) == '\r' && bytes.at(i + 2) == '\n')
            return i + 3;
    }
    return -1;
}

RequestHead refusal(int status, const char *reason)
{
    RequestHead head;
    head.refusal = status;
    head.reason = reason;
    return head;
}

//! Reads a request head (request line and header lines, up to the empty line).
RequestHead parseRequestHead(const QByteArray &bytes)
{
    QList<QByteArrayView> lines;
    for (QByteArrayView rest(bytes); !rest.isEmpty();) {
        const qsizetype newline = rest.indexOf('\n');
        QByteArrayView line = newline == -1 ? rest : rest.first(newline);
        rest = newline == -1 ? QByteArrayView() : rest.sliced(newline + 1);
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty())
            break;
        lines.append(line);
    }
    if (lines.isEmpty())
        return refusal(400, "Empty request");

    QList<QByteArray> parts; // method, target, version (QHttpServer allows repeated spaces)
    for (const QByteArray &part : lines.first().toByteArray().split(' ')) {
        if (!part.isEmpty())
            parts.append(part);
    }
    if (parts.size() != 3 || !isToken(parts.at(0)))
        return refusal(400, "Malformed request line");
    const QByteArray &version = parts.at(2);
    const bool http10 = version == "HTTP/1.0";
    if (!http10 && version != "HTTP/1.1") {
        if (version.startsWith("HTTP/"))
            return refusal(505, "Only HTTP/1.0 and HTTP/1.1 are supported");
        return refusal(400, "Malformed request line");
    }

    RequestHead head;
    head.isHead = parts.at(0) == "HEAD";
    bool keepAlive = false;
    bool close = false;
    bool haveLength = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArrayView line = lines.at(i);
        const qsizetype colon = line.indexOf(':');
        // A folded line (leading blank) or a name with blanks: RFC 9112 says refuse.
        if (colon <= 0 || !isToken(line.first(colon)))
            return refusal(400, "Malformed header line");
        const QByteArrayView name = line.first(colon);
        const QByteArrayView value = line.sliced(colon + 1).trimmed();
        if (name.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0)
            return refusal(411, "Send the body with Content-Length");
        if (name.compare("Content-Length", Qt::CaseInsensitive) == 0) {
            if (!isDigits(value) || value.size() > 18)
                return refusal(400, "Invalid Content-Length");
            const qint64 length = value.toLongLong();
            if (haveLength && length != head.contentLength)
                return refusal(400, "Conflicting Content-Length");
            haveLength = true;
            head.contentLength = length;
        } else if (name.compare("Connection", Qt::CaseInsensitive) == 0) {
            for (const QByteArray &option : value.toByteArray().split(',')) {
                const QByteArray token = option.trimmed().toLower();
                close = close || token == "close";
                keepAlive = keepAlive || token == "keep-alive";
            }
        }
    }
    head.closeAfter = close || (http10 && !keepAlive);
    return head;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 400:
        return "Bad Request";
    case 408:
        return "Request Timeout";
    case 411:
        return "Length Required";
    case 413:
        return "Payload Too Large";
    case 431:
        return "Request Header Fields Too Large";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return "Error";
    }
}
} // namespace

GuardedConnection::GuardedConnection(const HttpServerLimits &limits, RefusedCallback onRefused,
                                     QObject *parent)
    : QSslSocket(parent)
    , m_limits(limits)
    , m_onRefused(std::move(onRefused))
{
    m_requestTimer.setSingleShot(true);
    m_idleTimer.setSingleShot(true);
    m_lingerTimer.setSingleShot(true);
    connect(&m_requestTimer, &QTimer::timeout, this, &GuardedConnection::onRequestTimeout);
    connect(&m_idleTimer, &QTimer::timeout, this, &GuardedConnection::closeGracefully);
    connect(&m_lingerTimer, &QTimer::timeout, this, &QAbstractSocket::abort);
    // QHttpServer deletes its sockets when they disconnect; this covers the rest.
    connect(this, &QAbstractSocket::disconnected, this, &QObject::deleteLater);
}

GuardedConnection::~GuardedConnection() = default;

void GuardedConnection::startTls(const QSslConfiguration &configuration,
                                 std::function<void()> onEncrypted,
                                 HandshakeFailedCallback onFailed)
{
    m_handshaking = true;
    m_onHandshakeFailed = std::move(onFailed);
    setSslConfiguration(configuration);
    connect(this, &QSslSocket::encrypted, this, [this, onEncrypted = std::move(onEncrypted)] {
        if (!m_handshaking)
            return;
        m_handshaking = false;
        onEncrypted();
    });
    connect(this, &QAbstractSocket::errorOccurred, this,
            [this](QAbstractSocket::SocketError error) {
                // A client that connects and leaves (a load balancer's probe) is no failure to
                // report.
                if (error == QAbstractSocket::RemoteHostClosedError)
                    m_handshaking = false;
                else
                    failHandshake(errorString());
            });
    // The same clock as a request's: the handshake and the first request share requestTimeout.
    m_requestTimer.start(m_limits.requestTimeout);
    startServerEncryption();
}

void GuardedConnection::failHandshake(const QString &why)
{
    if (!m_handshaking)
        return;
    m_handshaking = false;
    m_requestTimer.stop();
    if (m_onHandshakeFailed)
        m_onHandshakeFailed(peerAddress(), why);
    // Not from inside the TLS backend's own signal: once it has returned.
    QMetaObject::invokeMethod(
        this,
        [this] {
            abort();
            deleteLater();
        },
        Qt::QueuedConnection);
}

void GuardedConnection::watchBeforeHttpServer()
{
    connect(this, &QIODevice::readyRead, this, &GuardedConnection::onFirstReadyRead);
}

void GuardedConnection::watchAfterHttpServer()
{
    // QHttpServer keeps a whole request (head and body) in the socket's buffer until it has
    // all of it; beyond that much, stop reading from the network.
    setReadBufferSize(m_limits.maxHeadBytes + m_limits.maxBodyBytes + drainBufferBytes);
    connect(this, &QIODevice::readyRead, this, &GuardedConnection::onLastReadyRead);
    // The first request must arrive in time too: a connection that sends nothing is dropped.
    // Over TLS the clock already runs since the connect.
    if (!m_requestTimer.isActive())
        m_requestTimer.start(m_limits.requestTimeout);
}

void GuardedConnection::onFirstReadyRead()
{
    if (m_closing)
        return;
    // Bytes left unread after the last readyRead are known; the rest arrived since.
    const qint64 available = bytesAvailable();
    const qint64 fresh = available - m_known;
    m_known = available;
    if (fresh > 0)
        examine(fresh, available);
}

void GuardedConnection::onLastReadyRead()
{
    if (m_closing || m_detached)
        return;
    m_known = bytesAvailable();
    // Once QHttpServer has read the request that asked to close (all that is left came after
    // it), it must not read on, even while that request's answer is pending.
    if (m_input == Input::AfterClose && !isTransactionStarted() && m_known <= m_bytesAfterClose)
        detachHttpServer();
}

void GuardedConnection::detachHttpServer()
{
    if (m_detached)
        return;
    m_detached = true;
    // A slot disconnected while readyRead is being emitted is not called any more.
    disconnect(this, &QIODevice::readyRead, nullptr, nullptr);
    if (isTransactionStarted())
        commitTransaction();
    // Discard what the client still sends, within a small buffer.
    setReadBufferSize(drainBufferBytes);
    skip(bytesAvailable());
    connect(this, &QIODevice::readyRead, this, [this] { skip(bytesAvailable()); });
}

void GuardedConnection::examine(qint64 fresh, qint64 available)
{
    QByteArray window; // the fresh bytes, peeked only when a head is being read
    qint64 pos = 0;
    while (pos < fresh && !m_closing && m_input != Input::AfterClose) {
        if (m_input == Input::Body) {
            const qint64 n = qMin(fresh - pos, m_bodyLeft);
            m_bodyLeft -= n;
            pos += n;
            if (m_bodyLeft == 0)
                requestComplete();
            continue;
        }
        if (window.isNull())
            window = peek(available).right(fresh);
        pos += takeHeadBytes(QByteArrayView(window).sliced(pos));
    }
    if (m_input == Input::AfterClose)
        m_bytesAfterClose += fresh - pos;
}

qsizetype GuardedConnection::takeHeadBytes(QByteArrayView bytes)
{
    qsizetype i = 0;
    if (!m_requestStarted) {
        // Blank lines between requests are skipped, as QHttpServer does.
        while (i < bytes.size() && isBlank(bytes.at(i)))
            ++i;
        if (i == bytes.size())
            return i;
        m_requestStarted = true;
        m_idleTimer.stop();
        if (!m_requestTimer.isActive())
            m_requestTimer.start(m_limits.requestTimeout);
    }
    const qsizetype before = m_head.size();
    const qsizetype take = qMin<qsizetype>(bytes.size() - i, m_limits.maxHeadBytes - before);
    m_head.append(bytes.sliced(i, take));
    const qsizetype end = headEnd(m_head, qMax<qsizetype>(0, before - 3));
    if (end == -1) {
        if (m_head.size() >= m_limits.maxHeadBytes)
            refuse(431, "Request head larger than " + QByteArray::number(m_limits.maxHeadBytes) +
                            " bytes");
        return i + take;
    }
    const qsizetype used = end - before; // the rest of what was taken is body
    m_head.truncate(end);
    headComplete();
    return i + used;
}

void GuardedConnection::headComplete()
{
    const RequestHead head = parseRequestHead(m_head);
    m_head.clear();
    if (head.refusal != 0) {
        refuse(head.refusal, head.reason);
        return;
    }
    if (head.contentLength > m_limits.maxBodyBytes) {
        refuse(413,
               "Request body larger than " + QByteArray::number(m_limits.maxBodyBytes) + " bytes");
        return;
    }
    m_current = Pending{head.isHead, head.closeAfter};
    m_bodyLeft = head.contentLength;
    if (m_bodyLeft > 0)
        m_input = Input::Body;
    else
        requestComplete();
}

void GuardedConnection::requestComplete()
{
    m_requestTimer.stop();
    m_requestStarted = false;
    m_timedOut = false; // late, but complete: it is answered like any other
    m_pending.append(m_current);
    // After "close", whatever else the client sends is not a request we will answer.
    m_input = m_current.closeAfter ? Input::AfterClose : Input::Head;
    m_bytesAfterClose = 0;
    if (m_pending.size() > maxPendingRequests)
        closeGracefully();
}

qint64 GuardedConnection::writeData(const char *data, qint64 len)
{
    const qint64 written = QSslSocket::writeData(data, len);
    if (written > 0 && m_output != Output::Untracked && !m_closing)
        followResponse(QByteArrayView(data, written));
    return written;
}

void GuardedConnection::followResponse(QByteArrayView bytes)
{
    qsizetype pos = 0;
    while (pos < bytes.size() && m_output != Output::Untracked) {
        if (m_output == Output::Body) {
            const qint64 n = qMin<qint64>(bytes.size() - pos, m_responseBodyLeft);
            m_responseBodyLeft -= n;
            pos += n;
            if (m_responseBodyLeft == 0) {
                m_output = Output::Head;
                responseComplete();
            }
            continue;
        }
        const qsizetype before = m_responseHead.size();
        const qsizetype take = qMin<qsizetype>(bytes.size() - pos, maxResponseHeadBytes - before);
        m_responseHead.append(bytes.sliced(pos, take));
        const qsizetype end = headEnd(m_responseHead, qMax<qsizetype>(0, before - 3));
        if (end == -1) {
            if (m_responseHead.size() >= maxResponseHeadBytes)
                m_output = Output::Untracked;
            pos += take;
            continue;
        }
        pos += end - before;
        m_responseHead.truncate(end);
        responseHeadComplete();
    }
}

void GuardedConnection::responseHeadComplete()
{
    const QByteArray head = std::exchange(m_responseHead, {});
    // "HTTP/1.1 200 OK"
    bool ok = false;
    const int status = head.mid(9, 3).toInt(&ok);
    if (!head.startsWith("HTTP/1.") || !ok) {
        m_output = Output::Untracked;
        return;
    }
    if (status >= 100 && status < 200)
        return; // 100 Continue: the real answer follows

    qint64 length = -1;
    for (const QByteArray &line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.first(colon).trimmed();
        if (name.compare("Content-Length", Qt::CaseInsensitive) == 0)
            length = line.sliced(colon + 1).trimmed().toLongLong(&ok);
        else if (name.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0)
            length = -1;
    }
    const bool noBody =
        (!m_pending.isEmpty() && m_pending.constFirst().isHead) || status == 204 || status == 304;
    if (noBody || length == 0) {
        responseComplete();
    } else if (length > 0) {
        m_responseBodyLeft = length;
        m_output = Output::Body;
    } else {
        // No length: the end cannot be told. The writer keeps the connection; the guard
        // stops timing it.
        m_output = Output::Untracked;
    }
}

void GuardedConnection::responseComplete()
{
    const Pending answered = m_pending.isEmpty() ? Pending{} : m_pending.takeFirst();
    if (answered.closeAfter) {
        // Not from inside QHttpServer's write: once it has returned.
        QMetaObject::invokeMethod(this, &GuardedConnection::closeGracefully, Qt::QueuedConnection);
    } else if (m_timedOut && m_pending.isEmpty()) {
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (m_timedOut && m_pending.isEmpty())
                    refuse(408, "Request not received in time");
            },
            Qt::QueuedConnection);
    } else if (m_pending.isEmpty() && !m_requestStarted) {
        m_idleTimer.start(m_limits.idleTimeout);
    }
}

void GuardedConnection::onRequestTimeout()
{
    if (m_handshaking) {
        failHandshake(QStringLiteral("TLS handshake not completed within %1 ms")
                          .arg(m_limits.requestTimeout.count()));
    } else if (!m_requestStarted) {
        closeGracefully(); // connected and said nothing
    } else if (!m_pending.isEmpty()) {
        // An earlier request's answer is still coming: it is not cut; refuse after it.
        m_timedOut = true;
    } else {
        refuse(408, "Request not received in time");
    }
}

void GuardedConnection::refuse(int status, const QByteArray &reason)
{
    if (m_closing)
        return;
    // With answers still owed, one more would arrive out of order: just close.
    if (m_pending.isEmpty()) {
        m_output = Output::Untracked;
        const QByteArray body = reason + '\n';
        write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) +
              "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: " +
              QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
    }
    if (m_onRefused)
        m_onRefused(peerAddress(), status);
    closeGracefully();
}

void GuardedConnection::closeGracefully()
{
    if (m_closing)
        return;
    m_closing = true;
    m_output = Output::Untracked;
    m_requestTimer.stop();
    m_idleTimer.stop();
    // QHttpServer reads nothing more, and what the client still sends is discarded, so that
    // closing does not reset the connection before it has read our answer (closing with unread
    // input sends RST).
    detachHttpServer();
    m_lingerTimer.start(m_limits.lingerTimeout);
    if (isEncrypted() && m_requestStarted) {
        // Under TLS our FIN comes without TLS's close_notify (Qt cannot send one without
        // closing both ways), and a client still sending its request takes that for a broken
        // connection: QNetworkAccessManager sends the body again instead of reading our answer.
        // So a refusal in the middle of a request leaves the closing to the client (the answer
        // says "Connection: close") or to the linger time; between requests it is as over TCP.
        return;
    }
    // Over TLS, what was written is first encrypted, then sent: both must be out. QSslSocket
    // signals bytesWritten once the bytes are encrypted, before it passes them on to the
    // network, so look only once that signal has returned.
    auto allSent = [this] {
        return bytesToWrite() == 0 && encryptedBytesToWrite() == 0;
    };
    if (allSent()) {
        shutdownOutput();
    } else {
        auto onWritten = [this, allSent] {
            if (allSent())
                shutdownOutput();
        };
        connect(this, &QIODevice::bytesWritten, this, onWritten, Qt::QueuedConnection);
        connect(this, &QSslSocket::encryptedBytesWritten, this, onWritten, Qt::QueuedConnection);
    }
}

void GuardedConnection::shutdownOutput()
{
    if (state() != QAbstractSocket::ConnectedState)
        return;
#ifdef Q_OS_UNIX
    // Half-close: the client reads our answer and then end of stream, while we go on
    // discarding its input until it closes or the linger time is up.
    ::shutdown(int(socketDescriptor()), SHUT_WR);
#else
    disconnectFromHost();
#endif
}

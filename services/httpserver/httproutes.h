// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QString>

#include <memory>

/*!
  Routes with method checking for a QHttpServer. QHttpServer 6.4 answers 404 when the path
  exists but the method does not; through this helper a known path answers other methods with
  405 Method Not Allowed and an Allow header, and unknown paths 404.

  Paths are exact ("/clearinghouse/x12/270"); QHttpServer's <arg> placeholders are not
  understood by the 405 check (such paths answer other methods with 404). The helper installs
  QHttpServer's missing handler; it need not outlive the server.

  \code
    HttpRoutes routes(&httpServer);
    routes.add(QStringLiteral("/health"), QHttpServerRequest::Method::Get, [] { … });
  \endcode
 */
class HttpRoutes
{
public:
    using Methods = QHttpServerRequest::Methods;

    explicit HttpRoutes(QHttpServer *server);

    //! Registers `handler` (any QHttpServer::route() handler) for `path` and `methods`.
    template<typename Handler> bool add(const QString &path, Methods methods, Handler &&handler)
    {
        if (!m_server->route(path, methods, std::forward<Handler>(handler)))
            return false;
        (*m_allowed)[path] |= methods;
        return true;
    }

    //! The methods registered for `path`; none for an unknown path.
    Methods allowedMethods(const QString &path) const { return m_allowed->value(path); }
    //! "GET, POST": the value of an Allow header.
    static QByteArray allowHeader(Methods methods);

private:
    QHttpServer *m_server;
    std::shared_ptr<QHash<QString, Methods>> m_allowed;
};

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/httpserver/httproutes.h"

#include <QHttpServerResponder>

#include <utility>

HttpRoutes::HttpRoutes(QHttpServer *server)
    : m_server(server)
    , m_allowed(std::make_shared<QHash<QString, Methods>>())
{
    // The table is shared with the handler, so the handler stays valid without this object.
    m_server->setMissingHandler(
        [allowed = m_allowed](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            const Methods methods = allowed->value(request.url().path());
            if (!methods) {
                responder.write(QByteArrayLiteral("Not found\n"), "text/plain; charset=utf-8",
                                QHttpServerResponder::StatusCode::NotFound);
                return;
            }
            responder.write(
                QByteArrayLiteral("Method not allowed\n"),
                {{"Content-Type", "text/plain; charset=utf-8"}, {"Allow", allowHeader(methods)}},
                QHttpServerResponder::StatusCode::MethodNotAllowed);
        });
}

QByteArray HttpRoutes::allowHeader(Methods methods)
{
    using Method = QHttpServerRequest::Method;
    static constexpr std::pair<Method, const char *> names[] = {
        {Method::Get, "GET"},         {Method::Head, "HEAD"},       {Method::Post, "POST"},
        {Method::Put, "PUT"},         {Method::Delete, "DELETE"},   {Method::Patch, "PATCH"},
        {Method::Options, "OPTIONS"}, {Method::Connect, "CONNECT"}, {Method::Trace, "TRACE"}};
    QByteArrayList list;
    for (const auto &[method, name] : names) {
        if (methods.testFlag(method))
            list.append(name);
    }
    return list.join(", ");
}

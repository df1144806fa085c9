// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// clinicsandbox: the simulated outside world (clearinghouse today; payor and Metriport next).
#include "services/sandbox/sandboxserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("clinicsandbox"));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Simulated clearinghouse for ClinicDesk training and tests.\n"
                       "POST /clearinghouse/x12/270 answers with a 271; GET /health."));
    parser.addHelpOption();
    const QCommandLineOption portOption(QStringLiteral("port"),
                                        QStringLiteral("Port (0: any free port)."),
                                        QStringLiteral("port"), QStringLiteral("8270"));
    const QCommandLineOption addressOption(
        QStringLiteral("address"), QStringLiteral("Address to listen on (default loopback)."),
        QStringLiteral("address"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption slowOption(
        QStringLiteral("slow-delay-ms"),
        QStringLiteral("How late the SLOW… member answers (default 45000)."), QStringLiteral("ms"),
        QStringLiteral("45000"));
    parser.addOptions({portOption, addressOption, slowOption});
    parser.process(app);

    SandboxServer::Options options;
    options.address = QHostAddress(parser.value(addressOption));
    options.port = quint16(parser.value(portOption).toUInt());
    options.slowDelayMs = parser.value(slowOption).toInt();
    SandboxServer server(options);
    QString error;
    QTextStream out(stdout);
    if (!server.listen(&error)) {
        QTextStream(stderr) << error << Qt::endl;
        return 1;
    }
    out << "clinicsandbox listening on " << server.baseUrl().toString() << Qt::endl
        << "  clearinghouse: " << server.clearinghouseUrl().toString() << Qt::endl;
    return app.exec();
}

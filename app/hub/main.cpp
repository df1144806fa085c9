// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// clinichub: receives the signed webhooks of Metriport and the payor, keeps them in a durable
// log, and feeds them to every connected ClinicDesk over WebSocket.
#include "services/hub/hubconfig.h"
#include "services/hub/hubserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace {
int signalPipe[2] = {-1, -1};

void onTerminate(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(signalPipe[1], &byte, 1);
}

//! SIGTERM (systemd stop) and SIGINT end the event loop, so the log's last commits finish.
void quitOnSignals(QCoreApplication *app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, app);
    QObject::connect(notifier, &QSocketNotifier::activated, app, [app] {
        char byte = 0;
        [[maybe_unused]] const ssize_t read = ::read(signalPipe[0], &byte, 1);
        app->quit();
    });
    struct sigaction action = {};
    action.sa_handler = onTerminate;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("clinichub"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "ClinicDesk hub: verifies and stores the webhooks of Metriport and the payor and sends "
        "them to every connected desk over WebSocket.\n"
        "Secrets belong in the configuration file or the environment "
        "(CLINICHUB_METRIPORT_WEBHOOK_KEY, CLINICHUB_PAYOR_SECRETS, CLINICHUB_DEVICE_TOKENS), "
        "never on the command line."));
    parser.addHelpOption();
    const QCommandLineOption configOption(QStringLiteral("config"),
                                          QStringLiteral("The hub's INI configuration file."),
                                          QStringLiteral("file"));
    parser.addOption(configOption);
    parser.process(app);

    QTextStream err(stderr);
    if (!parser.isSet(configOption)) {
        err << "clinichub: --config FILE is required (see resources/hub/clinichub.ini)"
            << Qt::endl;
        return 2;
    }
    HubConfig config;
    QString error;
    if (!HubConfig::load(parser.value(configOption), QProcessEnvironment::systemEnvironment(),
                         &config, &error)) {
        err << "clinichub: " << error << Qt::endl;
        return 2;
    }
    HubServer server(config);
    if (!server.start(&error)) {
        err << "clinichub: " << error << Qt::endl;
        return 1;
    }
    quitOnSignals(&app);
    QTextStream(stdout) << "clinichub listening on " << server.baseUrl().toString() << Qt::endl;
    return app.exec();
}

// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// clinicsandbox: the simulated outside world (clearinghouse and payor; Metriport next).
#include "services/common/webhooksignature.h"
#include "services/sandbox/sandboxserver.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <optional>

namespace {
//! A whole number in [minimum, maximum], or nothing.
std::optional<qint64> number(const QString &text, qint64 minimum, qint64 maximum)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < minimum || value > maximum)
        return std::nullopt;
    return value;
}
} // namespace

int main(int argc, char *argv[])
{
    // A QGuiApplication for the fonts of the Metriport personas' PDFs and images; a server has
    // no display, so offscreen unless the caller chose a platform.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("clinicsandbox"));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Simulated clearinghouse, payor and Metriport for ClinicDesk training and "
                       "tests.\n"
                       "Metriport's Medical API under /medical/v1 and /settings at the root "
                       "(x-api-key), with signed webhooks to the URL set by POST /settings or to "
                       "<hub-url>/webhooks/metriport; personas by first name (Jane, Chris, Ollie, "
                       "Andreas, Kyla); at most 20 patients.\n"
                       "POST /clearinghouse/x12/270 answers with a 271; GET /health.\n"
                       "The payor: POST /api/route-claim/ (X-API-Key, Idempotency-Key), "
                       "GET /api/claims/{id}/, GET /api/provider/claim-updates/, "
                       "/api/mappings/insurance-payor/; its decisions go to the hub as signed "
                       "claim_status_update webhooks. GET /sandbox/payor/stats; "
                       "GET/POST /sandbox/payor/faults {\"unavailable_share\",\"in_flight_share\","
                       "\"lost_reply_share\",\"delay_ms\",\"seed\"}.\n"
                       "POST /sandbox/webhooks {\"target\":\"metriport\"|\"payor\",\"type\":…,"
                       "\"count\":N} sends N signed sample webhooks to the hub (--hub-url).\n"
                       "Bodies over the size limit get 413 before they are read; a request must "
                       "arrive within the request timeout; idle connections are closed.\n"
                       "The webhook secrets come from the environment only: "
                       "CLINICSANDBOX_METRIPORT_WEBHOOK_KEY (Metriport's webhook key) and "
                       "CLINICSANDBOX_PAYOR_WEBHOOK_SECRET (whsec_…, Standard Webhooks); the "
                       "payor's API key from CLINICSANDBOX_PAYOR_API_KEY (default "
                       "sandbox-payor-key)."));
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
    const QCommandLineOption requestTimeoutOption(
        QStringLiteral("request-timeout-ms"),
        QStringLiteral("Time to receive a whole request (default 10000)."), QStringLiteral("ms"),
        QStringLiteral("10000"));
    const QCommandLineOption idleTimeoutOption(
        QStringLiteral("idle-timeout-ms"),
        QStringLiteral("An idle keep-alive connection is closed after this (default 30000)."),
        QStringLiteral("ms"), QStringLiteral("30000"));
    const QCommandLineOption hubOption(
        QStringLiteral("hub-url"),
        QStringLiteral("The hub that receives the webhooks, e.g. http://127.0.0.1:8787."),
        QStringLiteral("url"));
    const QCommandLineOption decisionOption(
        QStringLiteral("payor-decision-delay-ms"),
        QStringLiteral("How long the payor takes to decide a pended claim (default 3000)."),
        QStringLiteral("ms"), QStringLiteral("3000"));
    const QCommandLineOption faultsOption(
        QStringLiteral("payor-faults"),
        QStringLiteral("The payor's fault switches as JSON, e.g. "
                       "'{\"unavailable_share\":0.3,\"lost_reply_share\":0.1,\"seed\":7}'."),
        QStringLiteral("json"));
    const QCommandLineOption metriportKeyOption(
        QStringLiteral("metriport-api-key"),
        QStringLiteral("The x-api-key the simulated Metriport accepts (default "
                       "sandbox-metriport-key; CLINICSANDBOX_METRIPORT_API_KEY also sets it, and "
                       "keeps it out of the process list)."),
        QStringLiteral("key"));
    const QCommandLineOption metriportWebhookKeyOption(
        QStringLiteral("metriport-webhook-key"),
        QStringLiteral("The key that signs the simulated Metriport's webhooks (or "
                       "CLINICSANDBOX_METRIPORT_WEBHOOK_KEY)."),
        QStringLiteral("key"));
    parser.addOptions({portOption, addressOption, slowOption, requestTimeoutOption,
                       idleTimeoutOption, hubOption, decisionOption, faultsOption,
                       metriportKeyOption, metriportWebhookKeyOption});
    parser.process(app);

    QTextStream err(stderr);
    auto invalid = [&](const QCommandLineOption &option, const QString &expected) {
        err << "clinicsandbox: --" << option.names().constFirst() << " " << parser.value(option)
            << ": expected " << expected << Qt::endl;
        return 1;
    };
    SandboxServer::Options options;
    options.address = QHostAddress(parser.value(addressOption));
    if (options.address.isNull())
        return invalid(addressOption, QStringLiteral("an IP address such as 127.0.0.1"));
    const auto port = number(parser.value(portOption), 0, 65535);
    if (!port)
        return invalid(portOption, QStringLiteral("a port from 0 to 65535"));
    options.port = quint16(*port);
    const auto slow = number(parser.value(slowOption), 0, 600000);
    if (!slow)
        return invalid(slowOption, QStringLiteral("milliseconds from 0 to 600000"));
    options.slowDelayMs = int(*slow);
    const auto requestTimeout = number(parser.value(requestTimeoutOption), 100, 600000);
    if (!requestTimeout)
        return invalid(requestTimeoutOption, QStringLiteral("milliseconds from 100 to 600000"));
    options.requestTimeoutMs = int(*requestTimeout);
    const auto idleTimeout = number(parser.value(idleTimeoutOption), 100, 3600000);
    if (!idleTimeout)
        return invalid(idleTimeoutOption, QStringLiteral("milliseconds from 100 to 3600000"));
    options.idleTimeoutMs = int(*idleTimeout);
    const auto decision = number(parser.value(decisionOption), 0, 3600000);
    if (!decision)
        return invalid(decisionOption, QStringLiteral("milliseconds from 0 to 3600000"));
    options.payorDecisionDelayMs = int(*decision);
    if (parser.isSet(faultsOption)) {
        const QJsonDocument json = QJsonDocument::fromJson(parser.value(faultsOption).toUtf8());
        QString problem;
        const auto faults =
            json.isObject() ? PayorFaults::fromJson(json.object(), {}, &problem) : std::nullopt;
        if (!faults) {
            return invalid(faultsOption,
                           problem.isEmpty()
                               ? QStringLiteral("a JSON object")
                               : QStringLiteral("valid fault switches (%1)").arg(problem));
        }
        options.payorFaults = *faults;
    }
    if (parser.isSet(hubOption)) {
        options.hubUrl = QUrl(parser.value(hubOption), QUrl::StrictMode);
        const QString scheme = options.hubUrl.scheme();
        if (!options.hubUrl.isValid() || options.hubUrl.host().isEmpty() ||
            (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
            return invalid(hubOption, QStringLiteral("an http:// or https:// URL with a host"));
    }
    // Secrets never on the command line, where every user of the machine can read them.
    options.metriportWebhookKey = qgetenv("CLINICSANDBOX_METRIPORT_WEBHOOK_KEY");
    options.payorWebhookSecret = qgetenv("CLINICSANDBOX_PAYOR_WEBHOOK_SECRET");
    if (!qgetenv("CLINICSANDBOX_METRIPORT_API_KEY").isEmpty())
        options.metriport.apiKey = qgetenv("CLINICSANDBOX_METRIPORT_API_KEY");
    // The command line names both keys; the environment is the quieter way.
    if (parser.isSet(metriportKeyOption))
        options.metriport.apiKey = parser.value(metriportKeyOption).toUtf8();
    if (parser.isSet(metriportWebhookKeyOption))
        options.metriportWebhookKey = parser.value(metriportWebhookKeyOption).toUtf8();
    if (options.metriport.apiKey.isEmpty())
        return invalid(metriportKeyOption, QStringLiteral("a non-empty key"));
    if (!qgetenv("CLINICSANDBOX_PAYOR_API_KEY").isEmpty())
        options.payorApiKey = qgetenv("CLINICSANDBOX_PAYOR_API_KEY");
    if (!options.payorWebhookSecret.isEmpty() &&
        !StandardWebhooks::decodeSecret(options.payorWebhookSecret)) {
        err << "clinicsandbox: CLINICSANDBOX_PAYOR_WEBHOOK_SECRET: expected whsec_ followed by "
               "base64"
            << Qt::endl;
        return 1;
    }

    SandboxServer server(options);
    QString error;
    QTextStream out(stdout);
    if (!server.listen(&error)) {
        err << error << Qt::endl;
        return 1;
    }
    out << "clinicsandbox listening on " << server.baseUrl().toString() << Qt::endl
        << "  clearinghouse: " << server.clearinghouseUrl().toString() << Qt::endl
        << "  payor: " << server.baseUrl().toString() << "/api/route-claim/" << Qt::endl
        << "  metriport: " << server.baseUrl().toString() << "/medical/v1 (webhooks to "
        << (server.metriport()->webhookUrl().isEmpty() ? QStringLiteral("none until POST /settings")
                                                       : server.metriport()->webhookUrl())
        << ")" << Qt::endl;
    if (options.hubUrl.isValid()) {
        const WebhookPoster *webhooks = server.webhookPoster();
        out << "  webhooks to: " << options.hubUrl.toString()
            << " (metriport: " << (webhooks->canPostMetriport() ? "signed" : "no key")
            << ", payor: " << (webhooks->canPostPayor() ? "signed" : "no secret") << ")"
            << Qt::endl;
    }
    // Say what became of each webhook, for whoever runs the sandbox by hand (no bodies: PHI
    // in real life, and demo data here only by convention).
    QObject::connect(server.webhookPoster(), &WebhookPoster::delivered, &server,
                     [&out](const QByteArray &id, int status) {
                         out << "webhook " << id << " delivered (HTTP " << status << ")"
                             << Qt::endl;
                     });
    QObject::connect(server.webhookPoster(), &WebhookPoster::deliveryFailed, &server,
                     [&err](const QByteArray &id, const QString &error) {
                         err << "webhook " << id << " not delivered: " << error << Qt::endl;
                     });
    return app.exec();
}

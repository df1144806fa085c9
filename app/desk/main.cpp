// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "deskcontext.h"
#include "headlesscommands.h"
#include "services/x12/conformancerunner.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QTextStream>
#include <QTimer>
#include <QTranslator>

#include <cstdio>
#include <cstring>

namespace {
bool isHeadless(int argc, char *argv[])
{
    if (argc < 2)
        return false;
    for (const char *command : {"verify", "verify-day", "conformance"}) {
        if (std::strcmp(argv[1], command) == 0)
            return true;
    }
    return false;
}

void installTranslations(QCoreApplication &app, const QString &lang)
{
    QLocale locale = lang.isEmpty() ? QLocale::system() : QLocale(lang);
    // A US clinic: dates, money and numbers in US style whatever the language ("es" is es_US),
    // and English (US) when the system has no locale at all (C/POSIX, as on servers and CI).
    if (locale.language() == QLocale::C)
        locale = QLocale(QLocale::English, QLocale::UnitedStates);
    else if (!lang.isEmpty() && !lang.contains(QLatin1Char('_')) &&
             !lang.contains(QLatin1Char('-')))
        locale = QLocale(locale.language(), QLocale::UnitedStates);
    QLocale::setDefault(locale);
    auto *ours = new QTranslator(&app);
    if (ours->load(locale, QStringLiteral("clinicdesk"), QStringLiteral("_"),
                   QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(ours);
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}
} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer startClock;
    startClock.start();
    const bool headless = isHeadless(argc, argv);
    // Headless commands still render PDFs (fonts need a GUI application) but never a window.
    if (headless && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");

    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ClinicDesk"));
    QApplication::setApplicationName(QStringLiteral("clinicdesk"));
    QApplication::setApplicationDisplayName(QStringLiteral("ClinicDesk"));
    QApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("ClinicDesk: insurance verification for the clinic front desk.\n\n"
                       "Commands (headless):\n"
                       "  verify --patient <id|name> [--pdf FILE] [--force]\n"
                       "  verify-day --date YYYY-MM-DD [--pdf FILE] [--force]\n"
                       "  conformance DIR      read every X12 file under DIR/x12"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption langOption(QStringLiteral("lang"),
                                        QStringLiteral("User interface language (e.g. es, en)."),
                                        QStringLiteral("code"));
    const QCommandLineOption dataOption(QStringLiteral("data-dir"),
                                        QStringLiteral("Folder for the database."),
                                        QStringLiteral("dir"));
    const QCommandLineOption userOption(QStringLiteral("user"),
                                        QStringLiteral("User name recorded on verifications."),
                                        QStringLiteral("name"));
    const QCommandLineOption trainingOption(
        QStringLiteral("training"),
        QStringLiteral("Training mode even when a clearinghouse is configured."));
    const QCommandLineOption urlOption(QStringLiteral("clearinghouse-url"),
                                       QStringLiteral("Clearinghouse endpoint for 270 requests."),
                                       QStringLiteral("url"));
    const QCommandLineOption quitOption(
        QStringLiteral("quit-after-show"),
        QStringLiteral("Quit once the main window is shown; print the start time."));
    const QCommandLineOption patientOption(QStringLiteral("patient"),
                                           QStringLiteral("verify: patient ID or name."),
                                           QStringLiteral("patient"));
    const QCommandLineOption dateOption(QStringLiteral("date"),
                                        QStringLiteral("verify-day: the day (YYYY-MM-DD)."),
                                        QStringLiteral("date"));
    const QCommandLineOption pdfOption(QStringLiteral("pdf"),
                                       QStringLiteral("Also save the report as a PDF file."),
                                       QStringLiteral("file"));
    const QCommandLineOption forceOption(
        QStringLiteral("force"),
        QStringLiteral("Verify again even if verified in the last 24 hours."));
    parser.addOptions({langOption, dataOption, userOption, trainingOption, urlOption, quitOption,
                       patientOption, dateOption, pdfOption, forceOption});
    parser.addPositionalArgument(QStringLiteral("command"),
                                 QStringLiteral("verify, verify-day or conformance (optional)."));
    parser.process(app);

    QTextStream out(stdout);
    QTextStream err(stderr);
    const QStringList positional = parser.positionalArguments();
    const QString command = positional.value(0);

    if (command == QLatin1String("conformance")) {
        if (positional.size() != 2) {
            err << "usage: clinicdesk conformance DIR" << Qt::endl;
            return 2;
        }
        const ConformanceSummary summary = ConformanceRunner::run(positional.at(1), out);
        return summary.failed > 0 ? 1 : 0;
    }
    if (!command.isEmpty() && !headless) {
        err << QStringLiteral("Unknown command \"%1\". Try --help.").arg(command) << Qt::endl;
        return 2;
    }

    installTranslations(app, parser.value(langOption));

    DeskOptions options;
    options.dataDir = parser.value(dataOption);
    options.clearinghouseUrl = QUrl(parser.value(urlOption));
    options.forceTraining = parser.isSet(trainingOption);
    options.user = parser.value(userOption);
    DeskContext context(options);
    QString error;
    if (!context.start(&error)) {
        if (headless)
            err << error << Qt::endl;
        else
            QMessageBox::critical(nullptr, QObject::tr("ClinicDesk Cannot Start"), error);
        return 1;
    }

    if (command == QLatin1String("verify")) {
        if (!parser.isSet(patientOption)) {
            err << "usage: clinicdesk verify --patient <id|name> [--pdf FILE] [--force]"
                << Qt::endl;
            return 2;
        }
        HeadlessCommands commands(&context, out, err);
        return commands.verify(parser.value(patientOption), parser.value(pdfOption),
                               parser.isSet(forceOption));
    }
    if (command == QLatin1String("verify-day")) {
        const QDate day = QDate::fromString(parser.value(dateOption), Qt::ISODate);
        if (!day.isValid()) {
            err << "usage: clinicdesk verify-day --date YYYY-MM-DD [--pdf FILE] [--force]"
                << Qt::endl;
            return 2;
        }
        HeadlessCommands commands(&context, out, err);
        return commands.verifyDay(day, parser.value(pdfOption), parser.isSet(forceOption));
    }

    DeskEnvironment environment;
    environment.eligibility = context.eligibility();
    environment.clinic = context.clinic();
    environment.training = context.isTraining();
    environment.user = context.user();
    MainWindow window(environment);
    window.show();
    if (parser.isSet(quitOption)) {
        QTimer::singleShot(0, &app, [&] {
            out << "main window shown after " << startClock.elapsed() << " ms" << Qt::endl;
            QApplication::quit();
        });
    }
    return app.exec();
}
